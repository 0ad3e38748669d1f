using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace KubeCore.Api.Persistence;

/// <summary>The two database engines the API runs on.</summary>
public enum DatabaseEngine
{
    /// <summary>SQLite, a single file: the zero-set-up default.</summary>
    Sqlite = 1,

    /// <summary>PostgreSQL, for production.</summary>
    Postgres = 2,
}

/// <summary>
/// Chooses the database from configuration and creates the schema on start.
/// <list type="bullet">
/// <item><c>ConnectionStrings:Postgres</c> set (env <c>ConnectionStrings__Postgres</c>): PostgreSQL.</item>
/// <item>otherwise SQLite, <c>ConnectionStrings:Sqlite</c>, by default the file <c>KubeCore/kubecore.db</c> in the user's
/// local application-data folder (<see cref="DefaultSqliteFile"/>: <c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows).</item>
/// </list>
/// The schema is created when missing (EF Core <c>EnsureCreated</c>), then the append-only triggers are
/// (re)installed; SQLite runs in WAL mode, and each connection of the API's contexts has an 8 MiB page cache
/// (<see cref="SqlitePageCache"/>: 256 MiB at most over 32 pooled connections).
/// </summary>
public static class Database
{
    /// <summary>Registers the DbContext factory of the command runner and the store (pooled on PostgreSQL).</summary>
    public static IServiceCollection AddKubeCoreDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var (engine, connectionString) = Resolve(configuration, environment);
        services.AddSingleton(new DatabaseInfo(engine) { Location = Describe(engine, connectionString) });
        if (engine == DatabaseEngine.Postgres)
        {
            // Pooled: a context's first use builds its internal services (the provider's translators and the rest),
            // which cost more than a deposit's own SQL; a pooled context keeps them. A lost race is retried by the
            // command runner (and logged there at debug), not a failure to log with its stack.
            services.AddPooledDbContextFactory<KubeCoreDbContext>(options => options.UseNpgsql(connectionString)
                .ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug))));
        }
        else
        {
            // Not pooled: the SQLite writer sets its own connection on its context.
            services.AddDbContextFactory<KubeCoreDbContext>(options => options.UseSqlite(connectionString).AddInterceptors(SqlitePageCache.Instance));
        }
        return services;
    }

    /// <summary>PostgreSQL: how many statements each connection keeps prepared unless the connection string says otherwise.</summary>
    public const int AutoPrepared = 64;

    /// <summary>The engine and connection string the configuration selects (PostgreSQL: with automatic preparation, <see cref="AutoPrepared"/>).</summary>
    public static (DatabaseEngine Engine, string ConnectionString) Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            // Statements run again and again (the same few per request): prepared once per connection, PostgreSQL does
            // not parse and plan them each time. A connection string that sets Max Auto Prepare keeps its own value. The
            // API sets no session state (no SET, temporary table or advisory lock), so a pooled connection is not reset.
            var builder = new NpgsqlConnectionStringBuilder(postgres) { NoResetOnClose = true };
            if (builder.MaxAutoPrepare == 0)
            {
                (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages) = (AutoPrepared, 2);
            }
            return (DatabaseEngine.Postgres, builder.ConnectionString);
        }
        var sqlite = configuration.GetConnectionString("Sqlite");
        if (string.IsNullOrWhiteSpace(sqlite))
        {
            var file = DefaultSqliteFile();
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            sqlite = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        }
        return (DatabaseEngine.Sqlite, sqlite);
    }

    /// <summary>
    /// The default SQLite file, where a user expects an application's data: <c>KubeCore/kubecore.db</c> in the local
    /// application-data folder (the temp folder when the user has none). <c>ConnectionStrings:Sqlite</c> overrides it.
    /// </summary>
    public static string DefaultSqliteFile()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(data) ? Path.GetTempPath() : data, "KubeCore", "kubecore.db");
    }

    /// <summary>Where the data lives, for the startup log and the README: the SQLite file, or the PostgreSQL host and database (never a password).</summary>
    public static string Describe(DatabaseEngine engine, string connectionString)
    {
        if (engine == DatabaseEngine.Postgres)
        {
            var postgres = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL database '{postgres.Database}' on {postgres.Host}:{postgres.Port}";
        }
        return "SQLite file " + Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
    }

    /// <summary>Creates the schema if it is missing and installs the append-only triggers.</summary>
    /// <remarks>The SQL is built from the constant table names of <see cref="KubeCoreDbContext.AppendOnlyTables"/>, never from input.</remarks>
    /// <exception cref="LegacyDatabaseException">The database was written by KubeCore 0.1 (command streams).</exception>
#pragma warning disable EF1003 // constant identifiers only
    public static async Task InitializeAsync(KubeCoreDbContext db, CancellationToken cancellationToken = default)
    {
        var legacy = db.Database.IsSqlite()
            ? "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'stream_commands'"
            : "SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'stream_commands'";
        // A database that does not exist yet (PostgreSQL before EnsureCreated) cannot be a 0.1 one, and cannot be queried.
        var exists = await Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>(db.Database).ExistsAsync(cancellationToken);
        if (exists && await db.Database.SqlQueryRaw<int>(legacy).SingleAsync(cancellationToken) > 0)
        {
            throw new LegacyDatabaseException();
        }
        await db.Database.EnsureCreatedAsync(cancellationToken);
        await AddPartVersionsAsync(db, cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            foreach (var table in KubeCoreDbContext.AppendOnlyTables)
            {
                foreach (var operation in new[] { "UPDATE", "DELETE" })
                {
                    await db.Database.ExecuteSqlRawAsync(
                        $"CREATE TRIGGER IF NOT EXISTS {table}_no_{operation.ToLowerInvariant()} BEFORE {operation} ON {table} " +
                        $"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;", cancellationToken);
                }
            }
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE OR REPLACE FUNCTION kubecore_append_only() RETURNS trigger LANGUAGE plpgsql AS " +
                "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;", cancellationToken);
            foreach (var table in KubeCoreDbContext.AppendOnlyTables)
            {
                await db.Database.ExecuteSqlRawAsync(
                    $"DROP TRIGGER IF EXISTS {table}_append_only ON {table}; " +
                    $"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION kubecore_append_only(); " +
                    $"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}; " +
                    $"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION kubecore_append_only();",
                    cancellationToken);
            }
        }
    }

    /// <summary>
    /// A database written by 0.2.0 has no <c>state_parts.version</c>: the column is added and each part takes its
    /// aggregate's current version (a catch-up reads a part written after the version it holds; claiming a later
    /// version than the real one only makes it read the part again). Stop every 0.2.0 instance first: they write
    /// parts without a version.
    /// </summary>
    private static async Task AddPartVersionsAsync(KubeCoreDbContext db, CancellationToken cancellationToken)
    {
        var present = db.Database.IsSqlite()
            ? "SELECT count(*) AS \"Value\" FROM pragma_table_info('state_parts') WHERE name = 'version'"
            : "SELECT count(*)::int AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'state_parts' AND column_name = 'version'";
        if (await db.Database.SqlQueryRaw<int>(present).SingleAsync(cancellationToken) > 0)
        {
            return;
        }
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE state_parts ADD COLUMN version bigint NOT NULL DEFAULT 0;", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("UPDATE state_parts SET version = (SELECT a.version FROM aggregates a WHERE a.id = state_parts.aggregate_id);", cancellationToken);
    }

#pragma warning restore EF1003

    /// <summary>True when a failed save lost a race: a concurrency token changed or a unique key was taken meanwhile.</summary>
    public static bool IsConflict(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is DbException inner && (IsKeyTaken(inner) || inner is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure });

    /// <summary>True when a statement failed because a primary or unique key it writes is taken.</summary>
    public static bool IsKeyTaken(DbException exception) => exception is
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 } // PRIMARYKEY, UNIQUE
        or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}

/// <summary>
/// Gives each physical SQLite connection the API's contexts open a page cache of <see cref="CacheKibibytes"/> (SQLite's
/// default is 2 MiB, less than one ten-year group's rows: each cold load copied every page from the OS again). Set once
/// per connection: Microsoft.Data.Sqlite pools the native handles, so the PRAGMA runs the first time a handle is opened,
/// not on every <c>Open</c>; a handle is remembered weakly and forgotten when the pool closes it.
/// </summary>
/// <remarks>
/// A connection's cache holds only pages it has read, up to the ceiling, so the worst case is the ceiling times the
/// pooled connections (8 MiB × 32 = 256 MiB under load), reached only with a database larger than 8 MiB read widely by
/// every connection. In WAL mode SQLite empties a connection's cache when another connection has committed since its
/// last read, so the gain is on reads with no write between them. The SQLite writer (the command runner's own
/// connection) keeps SQLite's default.
/// </remarks>
internal sealed class SqlitePageCache : DbConnectionInterceptor
{
    /// <summary>The page cache of each connection, in KiB (a ceiling, not an allocation).</summary>
    public const int CacheKibibytes = 8 * 1024;

    /// <summary>The one instance (it holds no state of a context).</summary>
    public static SqlitePageCache Instance { get; } = new();

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private static void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || Configured.TryGetValue(handle, out _))
        {
            return;
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = FormattableString.Invariant($"PRAGMA cache_size = -{CacheKibibytes};");
            command.ExecuteNonQuery();
        }
        Configured.AddOrUpdate(handle, handle);
    }
}

/// <summary>Which engine the API runs on (for diagnostics and /health).</summary>
public sealed record DatabaseInfo(DatabaseEngine Engine)
{
    /// <summary>Where the data lives (<see cref="Database.Describe"/>), for the startup log.</summary>
    public string Location { get; init; } = string.Empty;
}

/// <summary>The database was written by KubeCore 0.1, which stored command streams (tables <c>streams</c>, <c>stream_commands</c>): 0.2 stores states and refuses to start on it.</summary>
public sealed class LegacyDatabaseException()
    : Exception("This database was written by KubeCore 0.1 (tables streams/stream_commands); KubeCore 0.2 stores states and will not open it: convert it once with the migration tool: dotnet run --project tools/KubeCore.Migrate -- <sqlite file> (or --postgres \"<connection string>\"), or point ConnectionStrings at a new database.");
