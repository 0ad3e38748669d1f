using System.Data.Common;
using System.Diagnostics;
using KubeCore.Api.Commands;
using KubeCore.Api.Groups;
using KubeCore.Api.Mapping;
using KubeCore.Api.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Database = KubeCore.Api.Persistence.Database;

namespace KubeCore.Benchmarks.State;

/// <summary>
/// The reference API's store (<c>samples/KubeCore.Api</c>) on a throwaway database, holding the ten-year group of
/// <see cref="TenYearGroup"/> written by the API's own write path, and the API's <see cref="StateStore"/> to load it with.
/// The database is configured by the API's own <see cref="Database.AddKubeCoreDatabase"/> and created by
/// <see cref="Database.InitializeAsync"/> (SQLite: a file in a temp folder, WAL; PostgreSQL: a fresh database on the
/// given server, dropped at the end). The state cache keeps nothing (<c>new StateCache(0)</c>), so every load is cold.
/// </summary>
internal sealed class ApiStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CommandRunner _runner;
    private readonly string _connectionString;
    private readonly string? _folder;

    private ApiStore(DatabaseEngine engine, string connectionString, string? folder)
    {
        (Engine, _connectionString, _folder) = (engine, connectionString, folder);
        var key = engine == DatabaseEngine.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = connectionString }).Build();
        _services = new ServiceCollection()
            .AddKubeCoreDatabase(configuration, new HostingEnvironment { EnvironmentName = "Production", ApplicationName = "KubeCore.Benchmarks" })
            .BuildServiceProvider();
        Databases = _services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>();
        var cache = new StateCache(0);
        _runner = new CommandRunner(Databases, Options.Create(new JsonOptions()), TimeProvider.System, _services.GetRequiredService<DatabaseInfo>(), cache, NullLogger<CommandRunner>.Instance);
        Store = new StateStore(_runner, Databases, TimeProvider.System, cache, new HttpContextAccessor(), NullLogger<StateStore>.Instance);
    }

    /// <summary>The engine.</summary>
    public DatabaseEngine Engine { get; }

    /// <summary>The API's store over this database, with a cache that keeps nothing.</summary>
    public StateStore Store { get; }

    /// <summary>The API's contexts over this database.</summary>
    public IDbContextFactory<KubeCoreDbContext> Databases { get; }

    /// <summary>The stored group.</summary>
    public Guid GroupId { get; private set; }

    /// <summary>The group's stored version (one per unit written).</summary>
    public long Version { get; private set; }

    /// <summary>Ledger rows stored.</summary>
    public int LedgerRows { get; private set; }

    /// <summary>Characters of the state parts' JSON as stored at the last version.</summary>
    public long PartChars { get; private set; }

    /// <summary>How long building and storing the history took.</summary>
    public TimeSpan WriteTime { get; private set; }

    /// <summary>A SQLite file in a new temp folder.</summary>
    public static ApiStore Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("kubecore-bench-").FullName;
        return new ApiStore(DatabaseEngine.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "kubecore.db") }.ToString(), folder);
    }

    /// <summary>A new database on the PostgreSQL server <paramref name="server"/> (a connection string).</summary>
    public static ApiStore Postgres(string server) =>
        new(DatabaseEngine.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = "kubecore_bench_" + Guid.NewGuid().ToString("N")[..12] }.ToString(), null);

    /// <summary>The SQLite files (database and WAL), in bytes; 0 on PostgreSQL.</summary>
    public long SqliteBytes => _folder is null ? 0 : Directory.GetFiles(_folder).Sum(f => new FileInfo(f).Length);

    /// <summary>
    /// Creates the schema, then builds the ten years with <see cref="TenYearGroup.Build"/> and stores them week by week as
    /// the API stores a change: one unit (transaction) per week that inserts the aggregate row (version 1) or bumps its
    /// version under the concurrency check, upserts the parts <see cref="GroupType.TakeChanges"/> gives, and inserts the
    /// ledger rows <see cref="GroupType.TakeEntries"/> gives (<see cref="LedgerMapping.ToRow"/>), through the API's
    /// <see cref="DirectRows"/>. The API writes one unit per request; the rows are the same, only their version differs.
    /// </summary>
    public async Task WriteHistoryAsync()
    {
        var clock = Stopwatch.StartNew();
        await using (var db = await Databases.CreateDbContextAsync())
        {
            await Database.InitializeAsync(db);
        }
        await using var writer = await Databases.CreateDbContextAsync();
        await writer.Database.OpenConnectionAsync();
        // As the command runner writes: SQLite's writer executes each statement at once on its connection; a PostgreSQL
        // unit queues them and sends them in one batch before it commits.
        var sqliteRows = Engine == DatabaseEngine.Sqlite ? new DirectRows(writer.Database.GetDbConnection(), writer.Model) : null;
        GroupState? state = null;
        TenYearGroup.Build(week =>
        {
            state ??= new GroupState(week.Group, week.Meetings, week.Ledger, week.Fund, [], stored: false);
            GroupId = week.Group.Id.Value;
            WriteUnitAsync(writer, sqliteRows, state, Version + 1, new DateTimeOffset(week.Monday.At(new LocalTime(10, 0)).ToDateTimeUnspecified(), TimeSpan.FromHours(7)).ToUniversalTime())
                .GetAwaiter().GetResult();
        });
        WriteTime = clock.Elapsed;
    }

    // StateStore.CreateAsync / ChangeAsync and WriteChangesAsync, for one unit.
    private async Task WriteUnitAsync(KubeCoreDbContext db, DirectRows? sqliteRows, GroupState state, long version, DateTimeOffset now)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var rows = sqliteRows ?? DirectRows.ForUnit(db);
        rows.Transaction = transaction.GetDbTransaction();
        var summary = StateStore.Serialize(GroupType.Instance.Summary(state));
        if (version == 1)
        {
            await rows.InsertAsync(new AggregateRow { Id = GroupId, Type = GroupType.Instance.Name, Version = 1, Summary = summary, CreatedAt = now, UpdatedAt = now });
        }
        else
        {
            await rows.BumpAsync(GroupId, version - 1, version, summary, now);
        }
        db.DirectRows = rows;
        await StateStore.WriteChangesAsync(db, GroupType.Instance, GroupId, state, version, now);
        LedgerRows = state.Ledger?.Count ?? 0;
        await rows.FlushAsync();
        await transaction.CommitAsync();
        Version = version;
    }

    /// <summary>Counts the stored parts' characters (after <see cref="WriteHistoryAsync"/>).</summary>
    public async Task MeasurePartsAsync()
    {
        await using var db = await Databases.CreateDbContextAsync();
        PartChars = await db.StateParts.AsNoTracking().Where(p => p.AggregateId == GroupId).SumAsync(p => (long)p.State.Length);
    }

    /// <summary>The group through the API's <see cref="StateStore.LoadAsync{TState}"/>: what a request on a group not in the cache does.</summary>
    public GroupState Load()
    {
        var loaded = Store.LoadAsync(GroupType.Instance, GroupId, CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("The stored group is missing.");
        return loaded.Version == Version && loaded.State.Ledger?.Count == LedgerRows
            ? loaded.State
            : throw new InvalidOperationException($"Loaded version {loaded.Version} with {loaded.State.Ledger?.Count} entries; stored {Version} with {LedgerRows}.");
    }

    /// <summary>
    /// The rows a cold load reads, read by the store's own code (its snapshot and its reads): the aggregate row, the parts
    /// by name, the ledger rows in order.
    /// </summary>
    public Rows ReadRows() => ReadRowsAsync().GetAwaiter().GetResult();

    private async Task<Rows> ReadRowsAsync()
    {
        await using var db = await Databases.CreateDbContextAsync();
        await using var snapshot = await StateStore.SnapshotAsync(db, CancellationToken.None);
        var id = GroupId;
        var type = GroupType.Instance.Name;
        var row = await db.Aggregates.AsNoTracking().SingleAsync(s => s.Id == id && s.Type == type);
        var (parts, ledger) = await StateStore.ReadSinceAsync(db, GroupType.Instance, row, since: 0, held: 0, CancellationToken.None);
        return ledger.Count == LedgerRows ? new Rows(row, parts, ledger) : throw new InvalidOperationException($"Read {ledger.Count} ledger rows of {LedgerRows}.");
    }

    /// <summary>
    /// For comparison with the store's own read: the same rows (the database holds one group) through a bare
    /// <see cref="DbDataReader"/>, every column's value read (<c>GetValues</c>), no EF Core and no objects built. Returns
    /// the row count.
    /// </summary>
    public int ReadLedgerBare() => ReadLedgerBareAsync().GetAwaiter().GetResult();

    private async Task<int> ReadLedgerBareAsync()
    {
        await using var db = await Databases.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT * FROM ledger_entries ORDER BY group_id, sequence";
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            count++;
        }
        return count == LedgerRows ? count : throw new InvalidOperationException($"Read {count} ledger rows of {LedgerRows}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync();
        await _services.DisposeAsync();
        if (Engine == DatabaseEngine.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            var builder = new NpgsqlConnectionStringBuilder(_connectionString);
            var database = builder.Database!;
            builder.Database = "postgres";
            builder.Pooling = false;
            await using var connection = new NpgsqlConnection(builder.ToString());
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

    /// <summary>The rows of one stored group, as a cold load reads them.</summary>
    public sealed record Rows(AggregateRow Aggregate, Dictionary<string, string> Parts, IReadOnlyList<LedgerEntryRow> Ledger);
}
