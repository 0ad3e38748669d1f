using Npgsql;

namespace KubeCore.LoadTest;

/// <summary>
/// The run's own database on the PostgreSQL server given with <c>--postgres</c>: a fresh name (the API creates its schema
/// on start), the server's durability settings read for the report, dropped at the end.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PostgresDatabase(string server, string connectionString, string durability, bool durable)
    {
        _server = server;
        ConnectionString = connectionString;
        Durability = durability;
        Durable = durable;
    }

    /// <summary>The connection string of the run's database, for the API instances.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's <c>fsync</c>, <c>synchronous_commit</c> and <c>full_page_writes</c>, as printed.</summary>
    public string Durability { get; }

    /// <summary>True when all three are PostgreSQL's defaults (on): acknowledged means flushed to disk.</summary>
    public bool Durable { get; }

    public static async Task<PostgresDatabase> CreateAsync(string server, CancellationToken ct)
    {
        var settings = new List<string>();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            foreach (var name in new[] { "fsync", "synchronous_commit", "full_page_writes" })
            {
                await using var show = new NpgsqlCommand("SELECT current_setting(@name)", connection);
                show.Parameters.AddWithValue("name", name);
                settings.Add($"{name}={await show.ExecuteScalarAsync(ct)}");
            }
        }
        var database = new NpgsqlConnectionStringBuilder(server)
        {
            Database = $"kubecore_load_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}",
            // Room for every client of every instance (the default pool of 100 would queue them).
            MaxPoolSize = 100,
        };
        return new PostgresDatabase(server, database.ToString(), string.Join(", ", settings), settings.All(s => s.EndsWith("=on", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
