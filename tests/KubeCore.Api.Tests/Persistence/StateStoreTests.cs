using System.Data.Common;
using System.Security.Claims;
using KubeCore.Api.Commands;
using KubeCore.Api.Persistence;
using KubeCore.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace KubeCore.Api.Tests.Persistence;

/// <summary>
/// The command runner and state store on both engines: optimistic concurrency without lost updates,
/// idempotency under retries and races, If-Match, and the insert-only ledger.
/// </summary>
public sealed class StateStoreTests(ApiHosts hosts)
{
    private static HttpContext Request(IServiceProvider services, Guid id, string? key = null, string subject = "teller-1", string? ifMatch = null)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", subject), new Claim("role", "bendahara")], "test", "sub", "role"));
        http.Request.Method = "POST";
        http.Request.Path = $"/test/tallies/{id}";
        if (key is not null)
        {
            http.Request.Headers["Idempotency-Key"] = key;
        }
        if (ifMatch is not null)
        {
            http.Request.Headers.IfMatch = ifMatch;
        }
        return http;
    }

    private static async Task<Guid> OpenAsync(ApiFactory api)
    {
        var id = Guid.NewGuid();
        var store = api.Services.GetRequiredService<StateStore>();
        var result = (StoredResult)await store.CreateAsync(Request(api.Services, id), TallyType.Instance, id, new OpenTally("t"), false,
            () => new Tally { Name = "t-" + id }, (_, version) => new ApiResponse(201, new { version }));
        result.Status.ShouldBe(201);
        return id;
    }

    private static async Task<StoredResult> AddAsync(ApiFactory api, Guid id, long amount, string? key = null, string subject = "teller-1", string? ifMatch = null)
    {
        var store = api.Services.GetRequiredService<StateStore>();
        var request = new { amount };
        return (StoredResult)await store.ChangeAsync(Request(api.Services, id, key, subject, ifMatch), TallyType.Instance, id, "tally", request, moneyMoving: true, state =>
        {
            state.Add(amount);
            return version => new ApiResponse(200, new { EntryId = state.Entries[^1].Id, state.Total, version }, Version: version);
        });
    }

    private static async Task<int> StatusOfAddAsync(ApiFactory api, Guid id, long amount, string key, string subject)
    {
        try
        {
            return (await AddAsync(api, id, amount, key, subject)).Status;
        }
        catch (KubeCore.Api.Errors.ApiException e) when (e.Code == "API_CONCURRENCY_CONFLICT")
        {
            return e.Status;
        }
    }

    private static async Task<(Tally State, long Version, IReadOnlyList<LedgerEntryRow> Ledger)> ReadAsync(ApiFactory api, Guid id)
    {
        var store = api.Services.GetRequiredService<StateStore>();
        var loaded = (await store.LoadAsync(TallyType.Instance, id, Http.Ct))!;
        return (loaded.State, loaded.Version, await store.LedgerAsync(id, Http.Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Two_tellers_posting_at_once_both_land_and_neither_update_is_lost(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var id = await OpenAsync(api);
        var results = await Task.WhenAll(AddAsync(api, id, 1_000, Guid.NewGuid().ToString(), "teller-a"), AddAsync(api, id, 2_000, Guid.NewGuid().ToString(), "teller-b"));

        results.ShouldAllBe(r => r.Status == 200);
        var (state, version, ledger) = await ReadAsync(api, id);
        state.Total.ShouldBe(3_000);
        version.ShouldBe(3);
        ledger.Select(l => l.Sequence).ShouldBe([1, 2]);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Under_many_concurrent_writers_every_acknowledged_entry_is_stored_once_and_nothing_else(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var id = await OpenAsync(api);
        var amounts = Enumerable.Range(1, 12).Select(i => (long)i * 100).ToList();
        var results = await Task.WhenAll(amounts.Select((a, i) => StatusOfAddAsync(api, id, a, "k-" + i + "-" + id, "teller-" + i)));

        // Each writer either landed (200) or was told it did not (409 after its retries): never a silent loss.
        results.ShouldAllBe(status => status == 200 || status == 409);
        var landed = amounts.Where((_, i) => results[i] == 200).ToList();
        landed.ShouldNotBeEmpty();
        var (state, version, ledger) = await ReadAsync(api, id);
        state.Total.ShouldBe(landed.Sum());
        version.ShouldBe(1 + landed.Count);
        ledger.Select(l => l.Amount).Order().ShouldBe(landed.Order());
        ledger.Select(l => l.Sequence).ShouldBe(Enumerable.Range(1, landed.Count).Select(i => (long)i));
        for (var i = 1; i < ledger.Count; i++)
        {
            ledger[i].PreviousHash.ShouldBe(ledger[i - 1].Hash);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_retried_money_request_posts_once_even_when_the_retries_race(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var id = await OpenAsync(api);
        var key = Guid.NewGuid().ToString();
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AddAsync(api, id, 5_000, key)));

        results.Select(r => r.Body).Distinct().Count().ShouldBe(1);
        results.ShouldAllBe(r => r.Status == 200);
        var (state, version, ledger) = await ReadAsync(api, id);
        state.Total.ShouldBe(5_000);
        version.ShouldBe(2);
        ledger.Count.ShouldBe(1);

        var different = await AddAsync(api, id, 6_000, key).ShouldThrowAsync<KubeCore.Api.Errors.ApiException>();
        different.Code.ShouldBe("API_IDEMPOTENCY_KEY_REUSED");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_refusal_is_the_first_answer_to_its_key_and_posts_nothing(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var id = await OpenAsync(api);
        var key = Guid.NewGuid().ToString();
        var first = await AddAsync(api, id, -1, key);
        var retry = await AddAsync(api, id, -1, key);

        first.Status.ShouldBe(422);
        first.ContentType.ShouldBe("application/problem+json");
        first.Body.ShouldContain("GRP06_NOT_ACTIVE");
        retry.Body.ShouldBe(first.Body);
        var (_, version, ledger) = await ReadAsync(api, id);
        version.ShouldBe(1);
        ledger.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_money_request_without_an_idempotency_key_is_refused()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var id = await OpenAsync(api);
        (await AddAsync(api, id, 10).ShouldThrowAsync<KubeCore.Api.Errors.ApiException>()).Code.ShouldBe("API_IDEMPOTENCY_KEY_REQUIRED");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_stale_if_match_version_is_refused_with_412(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var id = await OpenAsync(api);
        (await AddAsync(api, id, 10, Guid.NewGuid().ToString(), ifMatch: "\"1\"")).Status.ShouldBe(200);
        var stale = await AddAsync(api, id, 10, Guid.NewGuid().ToString(), ifMatch: "\"1\"").ShouldThrowAsync<KubeCore.Api.Errors.ApiException>();
        stale.Status.ShouldBe(412);
        (await ReadAsync(api, id)).Version.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_database_refuses_to_change_or_delete_ledger_entries(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var id = await OpenAsync(api);
        (await AddAsync(api, id, 700, Guid.NewGuid().ToString())).Status.ShouldBe(200);

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>().CreateDbContextAsync(Http.Ct);
        FormattableString[] statements =
        [
            $"UPDATE ledger_entries SET amount = 1 WHERE group_id = {id}",
            $"DELETE FROM ledger_entries WHERE group_id = {id}",
        ];
        foreach (var sql in statements)
        {
            var refused = await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlAsync(sql, Http.Ct));
            refused.Message.ShouldContain("append-only");
        }
        var row = await db.LedgerEntries.SingleAsync(l => l.GroupId == id, Http.Ct);
        row.Amount = 1;
        (await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync(Http.Ct))).Message.ShouldContain("append-only");
        (await ReadAsync(api, id)).Ledger.Single().Amount.ShouldBe(700);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_unit_that_finds_rows_again_and_again_gets_each_its_own_row(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        Guid[] ids = [await OpenAsync(api), await OpenAsync(api), await OpenAsync(api), Guid.NewGuid()];

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>().CreateDbContextAsync(Http.Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Http.Ct);
        var rows = DirectRows.ForUnit(db);
        // Past the second use of a statement (when PostgreSQL prepares it) and back: every find with its own key.
        foreach (var id in ids.Concat(ids).Concat(ids.Reverse()))
        {
            var row = await rows.FindAsync<AggregateRow>(forUpdate: true, id);
            row?.Id.ShouldBe(id);
            (row is null).ShouldBe(id == ids[^1]);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_key_looked_up_under_the_aggregates_lock_is_found_and_the_locked_row_is_read_once_from_memory(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var id = await OpenAsync(api);
        var key = Guid.NewGuid().ToString();
        (await AddAsync(api, id, 900, key, "teller-lock")).Status.ShouldBe(200);

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>().CreateDbContextAsync(Http.Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Http.Ct);
        var rows = DirectRows.ForUnit(db);
        var record = await rows.LockAndFindAsync<AggregateRow, IdempotencyRow>([id], ["teller-lock", key]);
        record.ShouldNotBeNull().StatusCode.ShouldBe(200);
        (await rows.LockAndFindAsync<AggregateRow, IdempotencyRow>([id], ["teller-lock", "no such key"])).ShouldBeNull();
        (await rows.FindAsync<AggregateRow>(forUpdate: true, id)).ShouldNotBeNull().Version.ShouldBe(2);
        if (engine == DatabaseEngine.Postgres)
        {
            // The batch locked the row: another connection cannot take it while this unit's transaction is open.
            await using var other = await api.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>().CreateDbContextAsync(Http.Ct);
            await using var wait = await other.Database.BeginTransactionAsync(Http.Ct);
            var refused = await Should.ThrowAsync<DbException>(() => other.Database.ExecuteSqlAsync($"SELECT 1 FROM aggregates WHERE id = {id} FOR UPDATE NOWAIT", Http.Ct));
            refused.Message.ShouldContain("lock");
        }

        // A missing aggregate is remembered as missing; a row of another key is not taken from memory.
        var missing = Guid.NewGuid();
        (await rows.LockAndFindAsync<AggregateRow, IdempotencyRow>([missing], ["teller-lock", key])).ShouldNotBeNull();
        (await rows.FindAsync<AggregateRow>(forUpdate: true, id)).ShouldNotBeNull().Id.ShouldBe(id);
        (await rows.FindAsync<AggregateRow>(forUpdate: true, missing)).ShouldBeNull();
    }
}
