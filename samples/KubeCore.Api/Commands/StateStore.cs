using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace KubeCore.Api.Commands;

/// <summary>A stored aggregate's state as of a version.</summary>
/// <param name="State">The restored state.</param>
/// <param name="Version">The aggregate's version (the ETag).</param>
public sealed record Loaded<TState>(TState State, long Version);

/// <summary>
/// Loads aggregates by restoring their stored states (no rule is judged again) and changes them
/// inside a <see cref="CommandRunner"/> unit: the library operation runs on the restored aggregates, then the parts that
/// changed are rewritten, the new ledger entries inserted (insert-only), and the version bumped under its concurrency check.
/// On PostgreSQL the aggregate's row is locked (<c>SELECT … FOR UPDATE</c>) before it is read, so writers to one group
/// queue in the database instead of racing.
/// </summary>
public sealed class StateStore(CommandRunner runner, IDbContextFactory<KubeCoreDbContext> databases, TimeProvider time, StateCache cache, IHttpContextAccessor accessor, ILogger<StateStore> log)
{
    // Compiled per instance: a compiled query belongs to one model, and each host (SQLite or PostgreSQL) has its own.
    private readonly Func<KubeCoreDbContext, Guid, string, CancellationToken, Task<AggregateRow?>> _find =
        EF.CompileAsyncQuery((KubeCoreDbContext db, Guid id, string type, CancellationToken _) => db.Aggregates.AsNoTracking().SingleOrDefault(s => s.Id == id && s.Type == type));

    /// <summary>
    /// Loads an aggregate for reading, or null when it does not exist. Within a request the state is given back to the
    /// <see cref="StateCache"/> once the answer is written (until then no other request uses it).
    /// </summary>
    public async Task<Loaded<TState>?> LoadAsync<TState>(StateType<TState> type, Guid id, CancellationToken cancellationToken)
        where TState : class
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // One snapshot for the row, its parts and its ledger.
        await using var snapshot = await SnapshotAsync(db, cancellationToken);
        var row = await _find(db, id, type.Name, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var state = await RestoreAsync(db, type, row, cancellationToken);
        accessor.HttpContext?.Response.RegisterForDispose(new GiveBack(() => cache.Return(id, row.Version, state)));
        return new Loaded<TState>(state, row.Version);
    }

    /// <summary>A read-only transaction: PostgreSQL's repeatable read; SQLite's deferred BEGIN (a WAL read snapshot, no write lock).</summary>
    internal static async Task<IAsyncDisposable?> SnapshotAsync(KubeCoreDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await db.Database.UseTransactionAsync(((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true), cancellationToken);
    }

    /// <summary>Loads an aggregate for reading, or throws 404 naming <paramref name="resource"/>.</summary>
    public async Task<Loaded<TState>> GetAsync<TState>(StateType<TState> type, Guid id, string resource, CancellationToken cancellationToken)
        where TState : class =>
        await LoadAsync(type, id, cancellationToken) ?? throw ApiException.NotFound(resource);

    /// <summary>The summaries of every aggregate of a type, in pages.</summary>
    public async Task<IReadOnlyList<(Guid Id, long Version, T Summary)>> ListAsync<T>(string type, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Aggregates.AsNoTracking().Where(s => s.Type == type)
            .OrderBy(s => s.Id).Skip(skip).Take(take)
            .Select(s => new { s.Id, s.Version, s.Summary }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Version, JsonSerializer.Deserialize<T>(r.Summary, KubeCoreJsonConverters.Storage)!)).ToList();
    }

    /// <summary>The stored ledger of a group, in order.</summary>
    public async Task<IReadOnlyList<LedgerEntryRow>> LedgerAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.LedgerEntries.AsNoTracking().Where(l => l.GroupId == groupId).OrderBy(l => l.Sequence).ToListAsync(cancellationToken);
    }

    /// <summary>Creates an aggregate (a new id: no race on creation) from a state built with the database, in the unit's transaction.</summary>
    public Task<IResult> CreateAsync<TState>(HttpContext http, StateType<TState> type, Guid id, object? request, bool moneyMoving, Func<KubeCoreDbContext, CancellationToken, Task<TState>> create, Func<TState, long, ApiResponse> respond)
        where TState : class =>
        runner.RunAsync(http, request, moneyMoving, async (db, cancellationToken) =>
        {
            var state = await create(db, cancellationToken);
            var now = time.GetUtcNow();
            var row = new AggregateRow { Id = id, Type = type.Name, Version = 1, Summary = Serialize(type.Summary(state)), CreatedAt = now, UpdatedAt = now };
            await db.InsertAsync(row);
            await WriteChangesAsync(db, type, id, state, 1, now);
            db.WrittenStates[id] = (1, state);
            return respond(state, 1);
        });

    /// <summary>Creates an aggregate from a state built without the database.</summary>
    public Task<IResult> CreateAsync<TState>(HttpContext http, StateType<TState> type, Guid id, object? request, bool moneyMoving, Func<TState> create, Func<TState, long, ApiResponse> respond)
        where TState : class =>
        CreateAsync(http, type, id, request, moneyMoving, (_, _) => Task.FromResult(create()), respond);

    /// <summary>
    /// Changes an existing aggregate: 404 when it does not exist, 412 when <c>If-Match</c> names another version; the
    /// change runs on the freshly restored state (again on every retry) and returns how to answer with the new version.
    /// </summary>
    public Task<IResult> ChangeAsync<TState>(HttpContext http, StateType<TState> type, Guid id, string resource, object? request, bool moneyMoving, Func<TState, KubeCoreDbContext, CancellationToken, Task<Func<long, ApiResponse>>> change)
        where TState : class =>
        runner.RunAsync(http, request, moneyMoving, async (db, cancellationToken) =>
        {
            var row = await FindForChangeAsync(db, type, id) ?? throw ApiException.NotFound(resource);
            ETags.Check(http, resource, row.Version);
            var state = await RestoreAsync(db, type, row, cancellationToken);
            var now = time.GetUtcNow();
            type.BeforeChange(state, now);
            var respond = await change(state, db, cancellationToken);

            var version = row.Version + 1;
            await db.Direct.BumpAsync(id, row.Version, version, Serialize(type.Summary(state)), now);
            await WriteChangesAsync(db, type, id, state, version, now);
            db.WrittenStates[id] = (version, state);
            return respond(version);
        }, aggregate: id);

    /// <summary>A change built without the database.</summary>
    public Task<IResult> ChangeAsync<TState>(HttpContext http, StateType<TState> type, Guid id, string resource, object? request, bool moneyMoving, Func<TState, Func<long, ApiResponse>> change)
        where TState : class =>
        ChangeAsync(http, type, id, resource, request, moneyMoving, (state, _, _) => Task.FromResult(change(state)));

    // PostgreSQL: the row locked until the unit's transaction ends, so the next writer to this aggregate waits here.
    private static async Task<AggregateRow?> FindForChangeAsync<TState>(KubeCoreDbContext db, StateType<TState> type, Guid id)
        where TState : class =>
        await db.Direct.FindAsync<AggregateRow>(forUpdate: true, id) is { } row && row.Type == type.Name ? row : null;

    /// <summary>Writes what changed in <paramref name="state"/> at <paramref name="version"/>: its changed parts and its new ledger rows (the benchmarks' store writes its history with it too).</summary>
    internal static async Task WriteChangesAsync<TState>(KubeCoreDbContext db, StateType<TState> type, Guid id, TState state, long version, DateTimeOffset now)
        where TState : class
    {
        foreach (var (name, part) in type.TakeChanges(state))
        {
            await db.Direct.UpsertAsync(new StatePartRow { AggregateId = id, Name = name, State = Serialize(part), Version = version });
        }
        foreach (var entry in type.TakeEntries(state))
        {
            entry.GroupId = id;
            entry.GroupVersion = version;
            entry.RecordedAt = now;
            await db.InsertAsync(entry);
        }
    }

    /// <summary>The state as of the row's version: from the unit's transaction or the cache when they hold it, otherwise restored from its parts and ledger.</summary>
    private async Task<TState> RestoreAsync<TState>(KubeCoreDbContext db, StateType<TState> type, AggregateRow row, CancellationToken cancellationToken)
        where TState : class
    {
        var cached = TakeState<TState>(db, row.Id, row.Version);
        if (cached is { Version: var at } && at == row.Version)
        {
            return cached.Value.State;
        }
        // Behind (another process wrote since): only the parts written since and the ledger rows after the ones it holds
        // are read (a range of the primary key, sequences being 1, 2, 3, ...) and hashed.
        var since = cached?.Version ?? 0;
        var (parts, ledger) = await ReadSinceAsync(db, type, row, since, cached is { } behind ? type.LedgerCount(behind.State) : 0, cancellationToken);
        var state = cached is { } earlier ? type.CatchUp(row.Id, earlier.State, parts, ledger) : type.Restore(row.Id, parts, ledger);
        log.LogDebug("Restored {Type} {Id} at version {Version} from version {Since} ({Entries} ledger entries read).", type.Name, row.Id, row.Version, since, ledger.Count);
        return state;
    }

    /// <summary>
    /// The parts of <paramref name="row"/>'s aggregate written after version <paramref name="since"/> and, for a type with a
    /// ledger, its ledger rows after the first <paramref name="held"/> up to the row's version, in order (0 and 0: all of them).
    /// </summary>
    internal static async Task<(Dictionary<string, string> Parts, IReadOnlyList<LedgerEntryRow> Ledger)> ReadSinceAsync<TState>(
        KubeCoreDbContext db, StateType<TState> type, AggregateRow row, long since, long held, CancellationToken cancellationToken)
        where TState : class
    {
        var parts = await db.StateParts.AsNoTracking().Where(p => p.AggregateId == row.Id && p.Version > since).ToDictionaryAsync(p => p.Name, p => p.State, cancellationToken);
        IReadOnlyList<LedgerEntryRow> ledger = type.HasLedger
            ? await DirectRows.LedgerAsync(db, row.Id, held, row.Version, cancellationToken)
            : [];
        return (parts, ledger);
    }

    /// <summary>
    /// The in-memory state at <paramref name="version"/> or behind it, with its version: from an earlier unit of the same
    /// uncommitted transaction when it wrote this aggregate (it holds the newest state), otherwise from the cache; null
    /// when neither has one.
    /// </summary>
    private (TState State, long Version)? TakeState<TState>(KubeCoreDbContext db, Guid id, long version)
        where TState : class
    {
        if (db.EarlierStates is { } earlier && earlier.Remove(id, out var entry))
        {
            return entry.Version == version && entry.State is TState state ? (state, version) : null;
        }
        return cache.Take<TState>(id, version);
    }

    /// <summary>A state or summary as the store writes it (JSON with KubeCore's storage converters).</summary>
    internal static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), KubeCoreJsonConverters.Storage);
}

/// <summary>A group's stored ledger does not verify (SAV-01): answered 500 <see cref="ApiErrors.LedgerIntegrity"/> and logged with the group id.</summary>
public sealed class LedgerIntegrityException(Guid groupId, Exception broken)
    : Exception($"The stored ledger of group {groupId} does not verify: {broken.Message}", broken)
{
    /// <summary>The group whose ledger is broken.</summary>
    public Guid GroupId { get; } = groupId;
}

/// <summary>Runs an action when the response is disposed (after its body is written).</summary>
internal sealed class GiveBack(Action action) : IDisposable
{
    public void Dispose() => action();
}
