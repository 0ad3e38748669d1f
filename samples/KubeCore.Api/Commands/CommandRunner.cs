using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KubeCore.Api.Commands;

/// <summary>
/// Runs one state-changing request as one unit of work in a database transaction, with idempotency and retries.
/// <list type="number">
/// <item>The <c>Idempotency-Key</c> header (required for money-moving requests, honoured on every other
/// command) is looked up, scoped to the caller: the same request again gets the first answer back
/// (header <see cref="StoredResult.RepeatedHeader"/>: true) and posts nothing; a different request under the same key
/// is refused with 422 <see cref="ApiErrors.IdempotencyKeyReused"/>.</item>
/// <item>The work runs against a fresh DbContext; its rows, and the answer under the key, are saved in
/// the same transaction, so an acknowledged answer and its effects are stored together or not at all.</item>
/// <item>When the save loses a race (a concurrency token moved, or a key was taken meanwhile), the
/// unit is rolled back and run again from fresh state (up to <see cref="MaxAttempts"/> times):
/// the rules are checked again against what the other request wrote, so no update is lost. If it
/// still conflicts, 409 <see cref="ApiErrors.ConcurrencyConflict"/>.</item>
/// <item>A rule violation is the answer too: it is kept under the key, and nothing else is saved.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para><b>PostgreSQL:</b> each unit is its own transaction; writers to one aggregate queue on its row lock
/// (<see cref="StateStore"/>; a change under a key takes it together with the key's lookup, one round trip), so a unit is
/// run again only when an idempotency key was taken meanwhile (logged at debug).</para>
/// <para><b>SQLite (group commit):</b> SQLite takes one writer at a time, and each commit waits for an fsync (WAL,
/// <c>synchronous=FULL</c>). So one writer loop in this process runs the units one after the other on one connection,
/// in one <c>BEGIN IMMEDIATE</c> transaction shared by the units that are waiting, each unit in its own
/// <c>SAVEPOINT</c>: a unit that fails is rolled back to its savepoint alone and changes nothing, its neighbours land.
/// The transaction commits when no further unit is waiting, or after <see cref="MaxGroupSize"/> units or
/// <see cref="MaxGroupTime"/>; only then, once the commit has returned, are the units' answers sent. If the commit
/// itself fails, no unit of the group is acknowledged (each gets the error). One fsync thus serves a whole group of
/// requests, and acknowledged still means stored. Readers are not held: WAL lets them read the last commit meanwhile.
/// The busy loop of Microsoft.Data.Sqlite is left for other processes on the same file.</para>
/// </remarks>
public sealed class CommandRunner(IDbContextFactory<KubeCoreDbContext> databases, IOptions<JsonOptions> json, TimeProvider time, DatabaseInfo database, StateCache cache, ILogger<CommandRunner> log)
    : IAsyncDisposable
{
    private readonly Channel<WriteUnit> _units = Channel.CreateUnbounded<WriteUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _writer;

    /// <summary>The request header carrying the client's idempotency key.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>How many times a unit that lost a race is run.</summary>
    public const int MaxAttempts = 6;

    /// <summary>The longest accepted key.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>SQLite: the most units one shared transaction holds before it commits.</summary>
    public const int MaxGroupSize = 64;

    /// <summary>SQLite: the longest a shared transaction takes in new units before it commits.</summary>
    public static readonly TimeSpan MaxGroupTime = TimeSpan.FromMilliseconds(10);

    /// <summary>How long a shared transaction takes in new units (<see cref="MaxGroupTime"/>; tests widen it to make a group on purpose).</summary>
    internal TimeSpan GroupTime { get; set; } = MaxGroupTime;

    /// <summary>How many shared transactions the SQLite writer has committed (for tests).</summary>
    internal long GroupsCommitted => Interlocked.Read(ref _groupsCommitted);

    private long _groupsCommitted;

    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    /// <summary>Runs <paramref name="work"/> as described on the class.</summary>
    /// <param name="http">The request (headers, caller, route).</param>
    /// <param name="request">The bound request body, hashed for the idempotency check (null when there is none).</param>
    /// <param name="moneyMoving">True when the request moves money: then the key is required.</param>
    /// <param name="work">Adds rows to the context and returns the answer; may throw <see cref="RuleViolationException"/> or <see cref="ApiException"/>.</param>
    /// <param name="aggregate">
    /// The aggregate the unit changes, if one: on PostgreSQL, units of this process on the same aggregate run one after
    /// the other (the row lock orders them across processes), so each finds the state the one before it left in the
    /// <see cref="StateCache"/> instead of racing it there and restoring from storage.
    /// </param>
    public async Task<IResult> RunAsync(HttpContext http, object? request, bool moneyMoving, Func<KubeCoreDbContext, CancellationToken, Task<ApiResponse>> work, Guid? aggregate = null)
    {
        var key = ReadKey(http, moneyMoving);
        var subject = http.User.Subject();
        var hash = key is null ? null : Hash(http, request);
        Task<StoredResult> Unit(KubeCoreDbContext db, CancellationToken cancellationToken) => RunUnitAsync(db, http, key, subject, hash, work, aggregate, cancellationToken);

        if (database.Engine == DatabaseEngine.Sqlite)
        {
            // The unit runs on the writer, in the request's execution context (culture, trace, HttpContext).
            var unit = new WriteUnit(Unit, ExecutionContext.Capture(), http.RequestAborted);
            EnsureWriter();
            if (!_units.Writer.TryWrite(unit))
            {
                throw new ObjectDisposedException(nameof(CommandRunner));
            }
            return await unit.Answer.Task;
        }
        if (aggregate is not { } id)
        {
            return await RunAloneAsync(Unit, http.RequestAborted);
        }
        var turn = _turns[(int)((uint)id.GetHashCode() % (uint)_turns.Length)];
        await turn.WaitAsync(http.RequestAborted);
        try
        {
            return await RunAloneAsync(Unit, http.RequestAborted);
        }
        finally
        {
            turn.Release();
        }
    }

    // PostgreSQL: one turn per stripe of aggregate ids (a few unrelated aggregates share one: rare, and only ordered, never blocked).
    private readonly SemaphoreSlim[] _turns = [.. Enumerable.Range(0, 1024).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>PostgreSQL: the unit in its own transaction, run again when it lost a race.</summary>
    private async Task<StoredResult> RunAloneAsync(Func<KubeCoreDbContext, CancellationToken, Task<StoredResult>> unit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.DirectRows = DirectRows.ForUnit(db);
            try
            {
                var answer = await unit(db, cancellationToken);
                await db.Direct.FlushAsync();
                await transaction.CommitAsync(cancellationToken);
                foreach (var (id, (version, state)) in db.WrittenStates)
                {
                    cache.Return(id, version, state);
                }
                return answer;
            }
            catch (DbUpdateException conflict) when (Database.IsConflict(conflict))
            {
                if (attempt == MaxAttempts)
                {
                    throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.ConcurrencyConflict);
                }
                // Resolved here by running the unit again: not a fault (the aggregate's row lock makes it rare: a key taken meanwhile).
                log.LogDebug("Unit lost a race ({Conflict}); attempt {Attempt} of {MaxAttempts}.", conflict.InnerException?.GetType().Name ?? conflict.GetType().Name, attempt + 1, MaxAttempts);
            }
            await transaction.RollbackAsync(CancellationToken.None);
            await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
        }
    }

    /// <summary>The unit itself: the idempotency record, the work, the answer under the key, all saved on <paramref name="db"/>.</summary>
    private async Task<StoredResult> RunUnitAsync(KubeCoreDbContext db, HttpContext http, string? key, string subject, string? hash,
        Func<KubeCoreDbContext, CancellationToken, Task<ApiResponse>> work, Guid? aggregate, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            // A change locks its aggregate's row first and looks the key up under the lock (one round trip on PostgreSQL);
            // the store's own lock of the row (StateStore) then takes the row read here.
            var first = aggregate is { } id
                ? await db.Direct.LockAndFindAsync<AggregateRow, IdempotencyRow>([id], [subject, key])
                : await db.Direct.FindAsync<IdempotencyRow>(forUpdate: false, subject, key);
            if (first is not null)
            {
                return first.RequestHash == hash
                    ? new StoredResult(first.StatusCode, first.ContentType, first.Body, first.Location, first.ETag, Repeated: true)
                    : throw new ApiException(StatusCodes.Status422UnprocessableEntity, ApiErrors.IdempotencyKeyReused);
            }
        }

        StoredResult answer;
        try
        {
            answer = Serialize(await work(db, cancellationToken));
        }
        catch (RuleViolationException violation) when (key is not null)
        {
            db.ForgetUnit();
            answer = Serialize(new ApiResponse(StatusCodes.Status422UnprocessableEntity,
                Problems.WithTrace(Problems.FromViolations(violation.Violations, CultureInfo.CurrentUICulture), http)), "application/problem+json");
        }

        if (key is not null)
        {
            var record = new IdempotencyRow
            {
                Subject = subject,
                Key = key,
                RequestHash = hash!,
                StatusCode = answer.Status,
                ContentType = answer.ContentType,
                Body = answer.Body,
                Location = answer.Location,
                ETag = answer.ETag,
                CreatedAt = time.GetUtcNow(),
            };
            await db.InsertAsync(record);
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return answer;
    }

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }
        lock (_start)
        {
            // Not in the first request's execution context: each unit brings its own.
            using (ExecutionContext.SuppressFlow())
            {
                _writer ??= Task.Run(WriteLoopAsync);
            }
        }
    }

    /// <summary>SQLite: the one writer. Takes the waiting units into one shared transaction, commits, then answers them.</summary>
    private async Task WriteLoopAsync()
    {
        SqliteConnection? connection = null;
        // One context for the writer's connection (its change tracker is cleared between units): building a context's
        // services for each shared transaction cost more than a unit's SQL.
        KubeCoreDbContext? db = null;
        var group = new List<WriteUnit>(MaxGroupSize);
        try
        {
            while (await _units.Reader.WaitToReadAsync())
            {
                group.Clear();
                var earlier = new Dictionary<Guid, (long Version, object State)>();
                try
                {
                    if (connection is null || db is null)
                    {
                        (connection, db) = await OpenWriterAsync();
                    }
                    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(); // BEGIN IMMEDIATE
                    await db.Database.UseTransactionAsync(transaction);
                    db.EarlierStates = earlier;
                    db.Direct.Transaction = transaction;
                    var started = Stopwatch.GetTimestamp();
                    while (group.Count < MaxGroupSize && Stopwatch.GetElapsedTime(started) < GroupTime && _units.Reader.TryRead(out var unit))
                    {
                        group.Add(unit);
                        await RunInSavepointAsync(unit, db, transaction, earlier);
                    }
                    await transaction.CommitAsync(CancellationToken.None);
                    await db.Database.UseTransactionAsync(null);
                    Interlocked.Increment(ref _groupsCommitted);
                }
                catch (Exception failure)
                {
                    // The shared transaction is lost (the commit failed, or SQLite rolled it back): nothing of the group is stored.
                    // When it could not even begin (the file cannot be opened, or another process held the lock past the busy
                    // timeout), the units waiting now get the error too, instead of waiting on a writer that retries in a loop.
                    if (group.Count == 0)
                    {
                        while (group.Count < MaxGroupSize && _units.Reader.TryRead(out var waiting))
                        {
                            group.Add(waiting);
                        }
                    }
                    foreach (var unit in group)
                    {
                        unit.Complete(lost: failure);
                    }
                    await CloseWriterAsync(connection, db);
                    (connection, db) = (null, null);
                    continue;
                }
                foreach (var (id, (version, state)) in earlier)
                {
                    cache.Return(id, version, state);
                }
                foreach (var unit in group)
                {
                    unit.Complete();
                }
            }
        }
        finally
        {
            await CloseWriterAsync(connection, db);
        }
    }

    /// <summary>Runs one unit inside the shared transaction, between a savepoint and its release; a failed unit is rolled back alone.</summary>
    private async Task RunInSavepointAsync(WriteUnit unit, KubeCoreDbContext db, SqliteTransaction transaction, Dictionary<Guid, (long Version, object State)> earlier)
    {
        if (unit.RequestAborted.IsCancellationRequested)
        {
            unit.Failure = new OperationCanceledException(unit.RequestAborted);
            return;
        }
        for (var attempt = 1; ; attempt++)
        {
            await transaction.SaveAsync(Savepoint);
            try
            {
                // Never the request's token inside (RunIn): cancelling a statement may make SQLite roll back the whole shared transaction.
                var answer = await unit.RunIn(db);
                await transaction.ReleaseAsync(Savepoint);
                foreach (var (id, written) in db.WrittenStates)
                {
                    earlier[id] = written;
                }
                unit.Result = answer;
                return;
            }
            catch (DbUpdateException conflict) when (Database.IsConflict(conflict) && attempt < MaxAttempts)
            {
                // Another process wrote meanwhile: run the unit again from fresh state.
                await RollBackToSavepointAsync(transaction);
            }
            catch (Exception failure)
            {
                await RollBackToSavepointAsync(transaction);
                unit.Failure = failure is DbUpdateException conflict && Database.IsConflict(conflict)
                    ? new ApiException(StatusCodes.Status409Conflict, ApiErrors.ConcurrencyConflict)
                    : failure;
                return;
            }
            finally
            {
                db.ForgetUnit(); // what this unit tracked or kept is its own: the next unit starts clean
            }
        }
    }

    private const string Savepoint = "kubecore_unit";

    private static async Task RollBackToSavepointAsync(SqliteTransaction transaction)
    {
        await transaction.RollbackAsync(Savepoint);
        await transaction.ReleaseAsync(Savepoint);
    }

    // The writer's connection and its context (the unit's statements on that connection, no automatic savepoints: each unit has its own).
    private async Task<(SqliteConnection, KubeCoreDbContext)> OpenWriterAsync()
    {
        var db = await databases.CreateDbContextAsync();
        var connection = new SqliteConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync();
            db.Database.SetDbConnection(connection);
            db.Database.AutoSavepointsEnabled = false;
            db.DirectRows = new DirectRows(connection, db.Model);
            return (connection, db);
        }
        catch
        {
            await CloseWriterAsync(connection, db);
            throw;
        }
    }

    private static async Task CloseWriterAsync(SqliteConnection? connection, KubeCoreDbContext? db)
    {
        if (db is not null)
        {
            await db.DisposeAsync();
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>Stops the SQLite writer once the units already queued have been run and committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _units.Writer.TryComplete();
        if (_writer is { } writer)
        {
            await writer;
        }
    }

    /// <summary>One request's unit waiting for, or in, the SQLite writer; answered once the transaction holding it has committed.</summary>
    private sealed class WriteUnit(Func<KubeCoreDbContext, CancellationToken, Task<StoredResult>> run, ExecutionContext? context, CancellationToken requestAborted)
    {
        /// <summary>Starts the unit on <paramref name="db"/> in the request's execution context (its awaits continue in it).</summary>
        public Task<StoredResult> RunIn(KubeCoreDbContext db)
        {
            if (context is null)
            {
                return run(db, CancellationToken.None);
            }
            Task<StoredResult>? started = null;
            ExecutionContext.Run(context, _ => started = run(db, CancellationToken.None), null);
            return started!;
        }

        public CancellationToken RequestAborted => requestAborted;

        public TaskCompletionSource<StoredResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The unit's answer, sent once the transaction holding it has committed.</summary>
        public StoredResult? Result { get; set; }

        /// <summary>The unit failed and changed nothing: its error is the answer, once the group is done.</summary>
        public Exception? Failure { get; set; }

        /// <summary>
        /// The group is done: the answer (or the unit's own failure) goes out. When the shared transaction was
        /// <paramref name="lost"/>, nothing of the unit is stored: it answers with its own error, or that one.
        /// </summary>
        public void Complete(Exception? lost = null)
        {
            if ((Failure ??= lost) is { } failure)
            {
                Answer.TrySetException(failure);
                return;
            }
            Answer.TrySetResult(Result!);
        }
    }

    private static string? ReadKey(HttpContext http, bool required)
    {
        if (!http.Request.Headers.TryGetValue(IdempotencyHeader, out var values))
        {
            return required ? throw new ApiException(StatusCodes.Status400BadRequest, ApiErrors.IdempotencyKeyRequired) : null;
        }
        var key = values.Count == 1 ? values[0]?.Trim() : null;
        // Printable ASCII only (a structured-field string, as the IETF Idempotency-Key draft has it).
        return string.IsNullOrEmpty(key) || key.Length > MaxKeyLength || key.Any(c => c is < ' ' or > '~')
            ? throw new ApiException(StatusCodes.Status400BadRequest, ApiErrors.IdempotencyKeyInvalid)
            : key;
    }

    private string Hash(HttpContext http, object? request)
    {
        // The request as bound (canonical JSON), not its raw bytes: whitespace or key order do not make it different.
        var canonical = request is null ? string.Empty : JsonSerializer.Serialize(request, request.GetType(), Json);
        var text = http.Request.Method + "\n" + http.Request.Path.Value + "\n" + canonical;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private StoredResult Serialize(ApiResponse response, string contentType = "application/json; charset=utf-8") =>
        new(response.Status,
            contentType,
            response.Body is null ? string.Empty : JsonSerializer.Serialize(response.Body, response.Body.GetType(), Json),
            response.Location,
            response.Version is { } version ? ETags.Format(version) : null);
}


/// <summary>Versions as entity tags: <c>"7"</c>.</summary>
public static class ETags
{
    /// <summary>The tag of a version.</summary>
    public static string Format(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The versions an <c>If-Match</c> header accepts: null when there is no header (or it is <c>*</c>), an empty list when
    /// it is not a comma-separated list of this API's tags (<c>"7"</c>, <c>W/"7"</c>, or a bare <c>7</c>).
    /// </summary>
    public static IReadOnlyList<long>? ReadIfMatch(HttpContext http)
    {
        var values = http.Request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return null;
        }
        var header = string.Join(',', values.Select(v => v ?? string.Empty));
        if (header.Trim() == "*")
        {
            return null;
        }
        var versions = new List<long>();
        foreach (var part in header.Split(','))
        {
            var tag = part.Trim();
            if (tag.StartsWith("W/", StringComparison.Ordinal))
            {
                tag = tag[2..];
            }
            if (tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"')
            {
                tag = tag[1..^1];
            }
            if (tag.Length == 0 || tag.Length > 19 || !long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return [];
            }
            versions.Add(version);
        }
        return versions;
    }

    /// <summary>
    /// Throws 412 when the request's <c>If-Match</c> does not accept <paramref name="actual"/> (the resource's current version):
    /// <see cref="ApiErrors.IfMatchInvalid"/> for a value that is not a tag, <see cref="ApiErrors.VersionMismatch"/> for another
    /// version (not judged when <paramref name="actual"/> is null: the resource does not exist, or is compared later).
    /// </summary>
    public static void Check(HttpContext http, string resource, long? actual)
    {
        if (ReadIfMatch(http) is not { } versions)
        {
            return;
        }
        if (versions.Count == 0)
        {
            throw new ApiException(StatusCodes.Status412PreconditionFailed, ApiErrors.IfMatchInvalid);
        }
        if (actual is { } version && !versions.Contains(version))
        {
            throw new ApiException(StatusCodes.Status412PreconditionFailed, ApiErrors.VersionMismatch, ("Resource", resource), ("Expected", string.Join(", ", versions)), ("Actual", version));
        }
    }
}
