using System.Text.Json;
using KubeCore.Api.Errors;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Rules;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KubeCore.Api.Commands;

/// <summary>A stream's state as of a version.</summary>
/// <param name="State">The replayed state.</param>
/// <param name="Version">The number of commands applied (the ETag).</param>
public sealed record Loaded<TState>(TState State, long Version);

/// <summary>
/// Loads streams by replaying their commands, and appends commands under optimistic concurrency inside a
/// <see cref="CommandRunner"/> unit. Appending also stores, insert-only, the ledger entries the command
/// produced, after checking that the stored ledger is exactly the replayed one up to that point.
/// </summary>
public sealed class StreamStore(CommandRunner runner, IDbContextFactory<KubeCoreDbContext> databases, IOptions<JsonOptions> json, TimeProvider time, StateCache cache, IHttpContextAccessor accessor)
{
    // The stream row, tracked (the append updates its version under the concurrency token). Compiled per instance: a compiled
    // query belongs to one model, and each host (SQLite or PostgreSQL) has its own.
    private readonly Func<KubeCoreDbContext, Guid, string, CancellationToken, Task<StreamRow?>> _findStream =
        EF.CompileAsyncQuery((KubeCoreDbContext db, Guid id, string type, CancellationToken _) => db.Streams.SingleOrDefault(s => s.Id == id && s.Type == type));

    // The stream row, untracked (the SQLite writer bumps its version with DirectRows).
    private readonly Func<KubeCoreDbContext, Guid, string, CancellationToken, Task<StreamRow?>> _findStreamUntracked =
        EF.CompileAsyncQuery((KubeCoreDbContext db, Guid id, string type, CancellationToken _) => db.Streams.AsNoTracking().SingleOrDefault(s => s.Id == id && s.Type == type));

    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    /// <summary>
    /// Loads a stream for reading, or null when it does not exist. Within a request the state is given back to the
    /// <see cref="StateCache"/> once the answer is written (until then no other request uses it).
    /// </summary>
    public async Task<Loaded<TState>?> LoadAsync<TState>(StreamType<TState> type, Guid id, CancellationToken cancellationToken)
        where TState : class
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Streams.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.Type == type.Name, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var state = await ReplayAsync(db, type, row, cancellationToken);
        accessor.HttpContext?.Response.RegisterForDispose(new GiveBack(() => cache.Return(id, row.Version, state)));
        return new Loaded<TState>(state, row.Version);
    }

    /// <summary>Loads a stream for reading, or throws 404 naming <paramref name="resource"/>.</summary>
    public async Task<Loaded<TState>> GetAsync<TState>(StreamType<TState> type, Guid id, string resource, CancellationToken cancellationToken)
        where TState : class =>
        await LoadAsync(type, id, cancellationToken) ?? throw ApiException.NotFound(resource);

    /// <summary>The summaries of every stream of a type, newest first.</summary>
    public async Task<IReadOnlyList<(Guid Id, long Version, JsonElement Summary)>> ListAsync(string type, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Streams.AsNoTracking().Where(s => s.Type == type)
            .OrderBy(s => s.Id).Skip(skip).Take(take)
            .Select(s => new { s.Id, s.Version, s.Summary }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Version, JsonDocument.Parse(r.Summary).RootElement.Clone())).ToList();
    }

    /// <summary>The stored ledger of a stream, in order.</summary>
    public async Task<IReadOnlyList<LedgerEntryRow>> LedgerAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.LedgerEntries.AsNoTracking().Where(l => l.GroupId == groupId).OrderBy(l => l.Sequence).ToListAsync(cancellationToken);
    }

    /// <summary>Creates a stream from its first command (a new id: no race on creation).</summary>
    /// <param name="http">The request.</param>
    /// <param name="type">The stream type.</param>
    /// <param name="id">The new stream's id.</param>
    /// <param name="request">The bound request (idempotency hash).</param>
    /// <param name="moneyMoving">True when creating moves money (the key is then required).</param>
    /// <param name="command">Builds the first command.</param>
    /// <param name="respond">Builds the answer from the new state and version 1.</param>
    public Task<IResult> CreateAsync<TState>(HttpContext http, StreamType<TState> type, Guid id, object? request, bool moneyMoving, Func<object> command, Func<TState, long, ApiResponse> respond)
        where TState : class =>
        CreateAsync(http, type, id, request, moneyMoving, (_, _) => Task.FromResult(command()), respond);

    /// <summary>Creates a stream from a first command built with the database (in the same transaction).</summary>
    public Task<IResult> CreateAsync<TState>(HttpContext http, StreamType<TState> type, Guid id, object? request, bool moneyMoving, Func<KubeCoreDbContext, CancellationToken, Task<object>> command, Func<TState, long, ApiResponse> respond)
        where TState : class =>
        runner.RunAsync(http, request, moneyMoving, async (db, cancellationToken) =>
        {
            var first = await command(db, cancellationToken);
            var state = type.Start(first);
            var now = time.GetUtcNow();
            db.Streams.Add(new StreamRow { Id = id, Type = type.Name, Version = 1, Summary = Serialize(type.Summary(state)), CreatedAt = now, UpdatedAt = now });
            db.Commands.Add(new CommandRow { StreamId = id, Sequence = 1, Type = type.NameOf(first), Payload = Serialize(first), RecordedAt = now, RecordedBy = http.User.Subject() });
            AddLedger(db, type, id, state, 0, 1, now);
            db.WrittenStates[id] = (1, state);
            return respond(state, 1);
        });

    /// <summary>
    /// Appends one command to an existing stream under optimistic concurrency: 404 when the stream does not
    /// exist, 412 when <c>If-Match</c> names another version; the command is built from, and applied to, the
    /// freshly replayed state (again on every retry).
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="type">The stream type.</param>
    /// <param name="id">The stream id.</param>
    /// <param name="resource">The resource name for a 404.</param>
    /// <param name="request">The bound request (idempotency hash).</param>
    /// <param name="moneyMoving">True when the command moves money (the key is then required).</param>
    /// <param name="command">Builds the command from the current state; may throw a rule violation.</param>
    /// <param name="respond">Builds the answer from the new state, the command and the new version.</param>
    public Task<IResult> AppendAsync<TState, TCommand>(HttpContext http, StreamType<TState> type, Guid id, string resource, object? request, bool moneyMoving, Func<TState, TCommand> command, Func<TState, TCommand, long, ApiResponse> respond)
        where TState : class
        where TCommand : notnull =>
        AppendAsync(http, type, id, resource, request, moneyMoving, (state, _, _) => Task.FromResult(command(state)), respond);

    /// <summary>
    /// <see cref="AppendAsync{TState, TCommand}(HttpContext, StreamType{TState}, Guid, string, object?, bool, Func{TState, TCommand}, Func{TState, TCommand, long, ApiResponse})"/>
    /// with a command built from the state and the database (in the same transaction), e.g. members' dossiers.
    /// </summary>
    /// <remarks><paramref name="effects"/>, when given, writes other rows in the same transaction from the state after the command (e.g. the evidence a conclusion gives households).</remarks>
    public Task<IResult> AppendAsync<TState, TCommand>(HttpContext http, StreamType<TState> type, Guid id, string resource, object? request, bool moneyMoving, Func<TState, KubeCoreDbContext, CancellationToken, Task<TCommand>> command, Func<TState, TCommand, long, ApiResponse> respond, Func<TState, KubeCoreDbContext, CancellationToken, Task>? effects = null)
        where TState : class
        where TCommand : notnull =>
        runner.RunAsync(http, request, moneyMoving, async (db, cancellationToken) =>
        {
            var direct = db.DirectRows;
            var row = await (direct is null ? _findStream : _findStreamUntracked)(db, id, type.Name, cancellationToken) ?? throw ApiException.NotFound(resource);
            ETags.Check(http, resource, row.Version);
            var state = await ReplayAsync(db, type, row, cancellationToken);
            var ledgerBefore = type.LedgerCount(state);

            var built = await command(state, db, cancellationToken);
            type.BeforeLive(state, time.GetUtcNow());
            var next = (TCommand)type.Apply(state, built, ApplyMode.Live);
            if (effects is not null)
            {
                await effects(state, db, cancellationToken);
            }

            var now = time.GetUtcNow();
            var version = row.Version + 1;
            db.WrittenStates[id] = (version, state);
            var summary = Serialize(type.Summary(state));
            var commandRow = new CommandRow { StreamId = id, Sequence = version, Type = type.NameOf(next), Payload = Serialize(next), RecordedAt = now, RecordedBy = http.User.Subject() };
            if (direct is null)
            {
                row.Version = version;
                row.UpdatedAt = now;
                row.Summary = summary;
                db.Commands.Add(commandRow);
                AddLedger(db, type, id, state, ledgerBefore, version, now);
            }
            else
            {
                await direct.BumpStreamAsync(id, row.Version, version, summary, now);
                await direct.InsertAsync(commandRow);
                foreach (var entry in LedgerRows(type, id, state, ledgerBefore, version, now))
                {
                    await direct.InsertAsync(entry);
                }
            }
            return respond(state, next, version);
        });

    /// <summary>
    /// The state as of the row's version: its commands replayed, then its ledger rebuilt from the entries
    /// stored up to that version (a concurrent writer's newer rows are its business: the version check catches the race).
    /// </summary>
    private async Task<TState> ReplayAsync<TState>(KubeCoreDbContext db, StreamType<TState> type, StreamRow row, CancellationToken cancellationToken)
        where TState : class
    {
        if (TakeState<TState>(db, row.Id, row.Version) is { } cached)
        {
            return cached;
        }

        var commands = await db.Commands.AsNoTracking()
            .Where(c => c.StreamId == row.Id && c.Sequence <= row.Version)
            .OrderBy(c => c.Sequence)
            .Select(c => new { c.Type, c.Payload })
            .ToListAsync(cancellationToken);
        TState? state = null;
        foreach (var stored in commands)
        {
            var command = type.Read(stored.Type, stored.Payload, Json);
            if (state is null)
            {
                state = type.StartStored(command);
            }
            else
            {
                _ = type.Apply(state, command, ApplyMode.Replay);
            }
        }
        if (state is null)
        {
            throw new InvalidOperationException($"Stream {row.Id} has version {row.Version} but no commands.");
        }
        var ledger = await db.LedgerEntries.AsNoTracking()
            .Where(l => l.GroupId == row.Id && l.CommandSequence <= row.Version)
            .OrderBy(l => l.Sequence)
            .ToListAsync(cancellationToken);
        try
        {
            type.AttachLedger(state, ledger);
        }
        catch (RuleViolationException broken)
        {
            // A stored chain that does not verify is not the caller's fault: it is tampering or corruption.
            throw new LedgerIntegrityException(row.Id, broken);
        }
        return state;
    }

    /// <summary>
    /// The in-memory state at <paramref name="version"/>: from an earlier unit of the same uncommitted transaction when it
    /// wrote this stream (it holds the newest state), otherwise from the cache; null when neither has that version.
    /// </summary>
    private TState? TakeState<TState>(KubeCoreDbContext db, Guid id, long version)
        where TState : class
    {
        if (db.EarlierStates is { } earlier && earlier.Remove(id, out var entry))
        {
            return entry.Version == version ? entry.State as TState : null;
        }
        return cache.Take<TState>(id, version);
    }

    private static void AddLedger<TState>(KubeCoreDbContext db, StreamType<TState> type, Guid id, TState state, int from, long commandSequence, DateTimeOffset now)
        where TState : class
    {
        foreach (var row in LedgerRows(type, id, state, from, commandSequence, now))
        {
            db.LedgerEntries.Add(row);
        }
    }

    private static IEnumerable<LedgerEntryRow> LedgerRows<TState>(StreamType<TState> type, Guid id, TState state, int from, long commandSequence, DateTimeOffset now)
        where TState : class
    {
        foreach (var row in type.LedgerRows(state, from))
        {
            row.GroupId = id;
            row.CommandSequence = commandSequence;
            row.RecordedAt = now;
            yield return row;
        }
    }

    private string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Json);
}

/// <summary>A group's stored ledger does not verify (SAV-01): answered 500 <see cref="ApiErrors.LedgerIntegrity"/> and logged with the group id.</summary>
public sealed class LedgerIntegrityException(Guid groupId, RuleViolationException broken)
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
