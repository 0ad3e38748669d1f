using KubeCore.Api.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KubeCore.Api.Tests.Support;

/// <summary>
/// A throwaway database for one API host: a SQLite file in a temp folder, or (when the environment
/// variable <see cref="PostgresVariable"/> holds a server connection string, as .ci/run sets it) a fresh
/// PostgreSQL database on that server, dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The variable naming the PostgreSQL server for the tests, e.g. <c>Host=127.0.0.1;Port=54329;Username=postgres</c>.</summary>
    public const string PostgresVariable = "KUBECORE_TEST_POSTGRES";

    private readonly string? _folder;

    private TestDatabase(DatabaseEngine engine, string connectionString, string? folder)
    {
        Engine = engine;
        ConnectionString = connectionString;
        _folder = folder;
    }

    public DatabaseEngine Engine { get; }

    public string ConnectionString { get; }

    /// <summary>The PostgreSQL server for tests, or null when none is configured.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The configuration key the API reads for this engine.</summary>
    public string ConfigurationKey => Engine == DatabaseEngine.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite";

    public static TestDatabase Create(DatabaseEngine engine)
    {
        if (engine == DatabaseEngine.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("kubecore-test-").FullName;
            return new TestDatabase(engine, new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "kubecore.db") }.ToString(), folder);
        }
        var server = PostgresServer ?? throw new InvalidOperationException($"Set {PostgresVariable} to run the PostgreSQL tests.");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "kubecore_test_" + Guid.NewGuid().ToString("N")[..12] };
        return new TestDatabase(engine, builder.ToString(), null);
    }

    public async ValueTask DisposeAsync()
    {
        if (Engine == DatabaseEngine.Postgres)
        {
            var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ToString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder!, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}

/// <summary>Theory data: every engine; PostgreSQL is skipped (visibly) when no server is configured.</summary>
public static class Engines
{
    public static IEnumerable<TheoryDataRow<DatabaseEngine>> All =>
    [
        new(DatabaseEngine.Sqlite),
        new(DatabaseEngine.Postgres) { Skip = TestDatabase.PostgresServer is null ? $"No PostgreSQL server: set {TestDatabase.PostgresVariable} (bash .ci/run does)." : null },
    ];
}
