using System.Security.Claims;
using KubeCore.Api.Commands;
using KubeCore.Api.Errors;
using KubeCore.Api.Persistence;
using KubeCore.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace KubeCore.Api.Tests.Persistence;

/// <summary>
/// SQLite group commit: requests that wait for the writer share one transaction, each in its own savepoint. A request
/// that fails there changes nothing while its neighbours land; keys are honoured inside a shared transaction; every
/// answer goes out only after the commit. A host of its own, so the writer can be held to make a group on purpose.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new(DatabaseEngine.Sqlite);

    private StateStore Store => _api.Services.GetRequiredService<StateStore>();

    private CommandRunner Runner => _api.Services.GetRequiredService<CommandRunner>();

    public ValueTask InitializeAsync()
    {
        _ = _api.Server;
        Runner.GroupTime = TimeSpan.FromSeconds(30); // the held unit must not close the group by time
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private HttpContext Request(Guid id, string key)
    {
        var http = new DefaultHttpContext { RequestServices = _api.Services };
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "teller-1"), new Claim("role", "bendahara")], "test", "sub", "role"));
        http.Request.Method = "POST";
        http.Request.Path = $"/test/tallies/{id}";
        http.Request.Headers["Idempotency-Key"] = key;
        return http;
    }

    private async Task<Guid> OpenAsync()
    {
        var id = Guid.NewGuid();
        var result = (StoredResult)await Store.CreateAsync(Request(id, Guid.NewGuid().ToString()), TallyType.Instance, id, new OpenTally("t"), false,
            () => new Tally { Name = "t-" + id }, (_, version) => new ApiResponse(201, new { version }));
        result.Status.ShouldBe(201);
        return id;
    }

    /// <summary>Adds <paramref name="amount"/>; <paramref name="before"/> runs on the writer first; <paramref name="fail"/> makes the unit fail after its rows are written.</summary>
    private Task<IResult> AddAsync(Guid id, long amount, string key, Action? before = null, bool fail = false) =>
        Store.ChangeAsync(Request(id, key), TallyType.Instance, id, "tally", new { amount }, moneyMoving: true, state =>
        {
            before?.Invoke();
            state.Add(amount);
            return version => fail
                ? throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.ConcurrencyConflict)
                : new ApiResponse(200, new { EntryId = state.Entries[^1].Id, state.Total, version }, Version: version);
        });

    /// <summary>Holds the writer inside a first unit until <paramref name="queue"/> has put the others in line, so they all share its transaction.</summary>
    private async Task<(IResult First, long Groups)> HoldWriterWhileAsync(Guid id, Func<Task> queue)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var groupsBefore = Runner.GroupsCommitted;
        var first = AddAsync(id, 1, Guid.NewGuid().ToString(), before: () =>
        {
            entered.TrySetResult();
            release.Wait(TimeSpan.FromSeconds(30));
        });
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30), Http.Ct);
        await queue();
        release.Set();
        return (await first, groupsBefore);
    }

    private async Task<(Tally State, long Version, IReadOnlyList<LedgerEntryRow> Ledger)> ReadAsync(Guid id)
    {
        var loaded = (await Store.LoadAsync(TallyType.Instance, id, Http.Ct))!;
        return (loaded.State, loaded.Version, await Store.LedgerAsync(id, Http.Ct));
    }

    [Fact]
    public async Task A_request_that_fails_inside_a_shared_transaction_leaves_no_trace_while_its_neighbours_land()
    {
        var id = await OpenAsync();
        var failingKey = Guid.NewGuid().ToString();
        Task<IResult>[] queued = [];
        var (first, groupsBefore) = await HoldWriterWhileAsync(id, () =>
        {
            queued =
            [
                AddAsync(id, 10, Guid.NewGuid().ToString()),
                AddAsync(id, 20, failingKey, fail: true), // fails after its rows were written: only its savepoint is rolled back
                AddAsync(id, 40, Guid.NewGuid().ToString()),
            ];
            return Task.CompletedTask;
        });

        ((StoredResult)first).Status.ShouldBe(200);
        ((StoredResult)await queued[0]).Status.ShouldBe(200);
        (await Should.ThrowAsync<ApiException>(() => queued[1])).Status.ShouldBe(409);
        ((StoredResult)await queued[2]).Status.ShouldBe(200);
        Runner.GroupsCommitted.ShouldBe(groupsBefore + 1); // one shared transaction held all four

        var (state, version, ledger) = await ReadAsync(id);
        state.Total.ShouldBe(1 + 10 + 40);
        version.ShouldBe(4);
        ledger.Select(l => l.Amount).ShouldBe([1, 10, 40]);
        ledger.Select(l => l.Sequence).ShouldBe([1, 2, 3]);
        ledger.Select(l => l.GroupVersion).ShouldBe([2, 3, 4]);
        for (var i = 1; i < ledger.Count; i++)
        {
            ledger[i].PreviousHash.ShouldBe(ledger[i - 1].Hash);
        }

        // Nothing was kept under the failed request's key: sent again, it posts.
        var retry = (StoredResult)await AddAsync(id, 20, failingKey);
        retry.Status.ShouldBe(200);
        retry.Body.ShouldContain("\"total\":71");
    }

    [Fact]
    public async Task The_same_key_twice_in_one_shared_transaction_posts_once_and_both_get_the_first_answer()
    {
        var id = await OpenAsync();
        var key = Guid.NewGuid().ToString();
        Task<IResult>[] queued = [];
        var (_, groupsBefore) = await HoldWriterWhileAsync(id, () =>
        {
            queued = [AddAsync(id, 500, key), AddAsync(id, 500, key), AddAsync(id, 600, key)];
            return Task.CompletedTask;
        });

        var posted = (StoredResult)await queued[0];
        var replayed = (StoredResult)await queued[1];
        posted.Status.ShouldBe(200);
        replayed.Body.ShouldBe(posted.Body);
        (await Should.ThrowAsync<ApiException>(() => queued[2])).Code.ShouldBe(ApiErrors.IdempotencyKeyReused);
        Runner.GroupsCommitted.ShouldBe(groupsBefore + 1);
        var (state, version, ledger) = await ReadAsync(id);
        state.Total.ShouldBe(1 + 500);
        version.ShouldBe(3);
        ledger.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_answer_leaves_only_after_the_transaction_holding_it_has_committed()
    {
        var id = await OpenAsync();
        var laterEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var releaseLater = new ManualResetEventSlim();
        Task<IResult> done = null!;
        Task<IResult> later = null!;
        var held = HoldWriterWhileAsync(id, () =>
        {
            done = AddAsync(id, 7, Guid.NewGuid().ToString());
            later = AddAsync(id, 8, Guid.NewGuid().ToString(), before: () =>
            {
                laterEntered.TrySetResult();
                releaseLater.Wait(TimeSpan.FromSeconds(30));
            });
            return Task.CompletedTask;
        });
        await laterEntered.Task.WaitAsync(TimeSpan.FromSeconds(30), Http.Ct);

        // The first two units have run and succeeded in the shared transaction, which has not committed yet.
        await Task.Delay(100, Http.Ct);
        done.IsCompleted.ShouldBeFalse();
        held.IsCompleted.ShouldBeFalse();
        (await Store.LedgerAsync(id, Http.Ct)).ShouldBeEmpty(); // other connections see the last commit only

        releaseLater.Set();
        ((StoredResult)(await held).First).Status.ShouldBe(200);
        ((StoredResult)await done).Status.ShouldBe(200);
        ((StoredResult)await later).Status.ShouldBe(200);
        (await ReadAsync(id)).State.Total.ShouldBe(1 + 7 + 8);
    }
}
