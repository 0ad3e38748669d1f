using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KubeCore.Api.Tests.Persistence;

/// <summary>
/// Two API instances on one database (issue 13, item 7), as two load-balanced hosts would run: sixteen writers on one group
/// split over both, each deposit under its own idempotency key with client retries, some keys sent to both instances at once.
/// Nothing may be lost or doubled (the ledger holds exactly the acknowledged deposits, by id, count and sum, and its chain
/// verifies), no instance may serve a state older than a deposit the other one has acknowledged (the per-process state cache
/// is checked against the stored version), and a race the server resolves itself is not logged as an error.
/// </summary>
[Trait("Category", "Concurrency")]
public sealed class TwoInstancesTests
{
    private const int Writers = 16;
    private const int DepositsPerWriter = 12;
    private const int ClientAttempts = 5;
    private const string Day = "2025-02-03";

    /// <summary>A second API host on the first one's database, as a second load-balanced instance.</summary>
    private static ApiFactory SecondInstance(ApiFactory first) =>
        new(first.Engine, new Dictionary<string, string> { [first.Engine == DatabaseEngine.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = first.ConnectionString });

    /// <summary>A KSM of eight members formed through <paramref name="instance"/>, its books opened.</summary>
    private static async Task<GroupScenario> FormedGroupAsync(ApiFactory instance)
    {
        var scenario = new GroupScenario((role, group) => instance.ClientAs(role, group));
        await scenario.RegisterMembersAsync(8, women: 5);
        await scenario.FormAsync("KsmP2kp", "KSM Dua Pintu", "2025-01-06");
        await scenario.OpenBooksAsync("2025-01-27");
        return scenario;
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Sixteen_writers_on_one_group_through_two_instances_lose_nothing_double_nothing_and_never_read_stale(DatabaseEngine engine)
    {
        await using var first = new ApiFactory(engine);
        _ = first.Server;
        await using var second = SecondInstance(first);
        _ = second.Server;
        var scenario = await FormedGroupAsync(first);
        var group = scenario.GroupId;
        ApiFactory[] instances = [first, second];
        // One treasurer (one subject: idempotency keys are scoped to the caller) reaching either instance.
        var treasurers = instances.Select(i => i.ClientAs(Roles.Bendahara, group, subject: "bendahara-" + group.ToString("N")[..8])).ToArray();
        var auditors = instances.Select(i => i.ClientAs(Roles.Auditor)).ToArray();
        var logLinesBefore = instances.Select(i => i.Logs.Lines.Count).ToArray();

        var acknowledged = new ConcurrentDictionary<string, long>(); // entry id → amount
        var stale = new ConcurrentQueue<string>();
        var clientRetries = 0;
        async Task<JsonElement> DepositAsync(int instance, string key, object body)
        {
            for (var attempt = 1; ; attempt++)
            {
                using var response = await treasurers[instance].PostAsync($"/groups/{group}/savings/deposits", body, key);
                var text = await response.Content.ReadAsStringAsync(Http.Ct);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return JsonDocument.Parse(text).RootElement.Clone();
                }
                (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable && attempt < ClientAttempts)
                    .ShouldBeTrue($"{key} on instance {instance}, attempt {attempt}: {(int)response.StatusCode} {text}");
                Interlocked.Increment(ref clientRetries);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var mine = writer % 2;
            for (var i = 0; i < DepositsPerWriter; i++)
            {
                var key = $"two-{group:N}-{writer}-{i}";
                var amount = 1_000L * (writer + 1) + i;
                var body = new { member = scenario.Members[(writer + i) % scenario.Members.Count], date = Day, amount, reference = key };
                JsonElement posted;
                if (i % 4 == 3)
                {
                    // The same request under the same key to both instances at once (a client retrying elsewhere): one deposit, one answer.
                    var both = await Task.WhenAll(DepositAsync(0, key, body), DepositAsync(1, key, body));
                    both[1].GetProperty("entries")[0].Str("id").ShouldBe(both[0].GetProperty("entries")[0].Str("id"), key);
                    posted = both[mine];
                }
                else
                {
                    posted = await DepositAsync(mine, key, body);
                }
                acknowledged.TryAdd(posted.GetProperty("entries")[0].Str("id"), amount).ShouldBeTrue(key + " acknowledged twice");

                // The other instance must show at least what this one acknowledged.
                var seen = posted.GetProperty("balances").GetProperty("entryCount").GetInt32();
                var read = await (await auditors[1 - mine].GetAsync($"/groups/{group}/ledger/balances", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
                var count = read.GetProperty("entryCount").GetInt32();
                if (count < seen)
                {
                    stale.Enqueue($"{key}: instance {1 - mine} served {count} entries after instance {mine} acknowledged {seen}");
                }
            }
        }, Http.Ct)));

        stale.Count.ShouldBe(0, "stale reads, the first: " + string.Join(Environment.NewLine, stale.Take(5)));
        acknowledged.Count.ShouldBe(Writers * DepositsPerWriter);
        var deposits = new List<(string Id, long Amount)>();
        for (var skip = 0; ; skip += 500)
        {
            var page = await (await auditors[0].GetAsync($"/groups/{group}/ledger?skip={skip}&take=500", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
            deposits.AddRange(page.EnumerateArray().Where(e => e.Str("kind") == "SavingsDeposit").Select(e => (e.Str("id"), e.GetProperty("amount").GetInt64())));
            if (page.GetArrayLength() < 500)
            {
                break;
            }
        }
        deposits.Count.ShouldBe(Writers * DepositsPerWriter, "nothing lost, nothing doubled");
        deposits.Select(d => d.Id).Order(StringComparer.Ordinal).ShouldBe(acknowledged.Keys.Order(StringComparer.Ordinal));
        deposits.Sum(d => d.Amount).ShouldBe(acknowledged.Values.Sum());
        foreach (var auditor in auditors)
        {
            var chain = await (await auditor.GetAsync($"/groups/{group}/ledger/verification", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
            chain.GetProperty("intact").GetBoolean().ShouldBeTrue();
            var balances = await (await auditor.GetAsync($"/groups/{group}/ledger/balances", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
            balances.GetProperty("memberSavingsTotal").GetInt64().ShouldBe(acknowledged.Values.Sum());
            balances.GetProperty("entryCount").GetInt32().ShouldBe(chain.GetProperty("entryCount").GetInt32());
        }
        for (var i = 0; i < instances.Length; i++)
        {
            var errors = instances[i].Logs.Lines.Skip(logLinesBefore[i]).Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).ToList();
            errors.ShouldBeEmpty($"instance {i} logged errors: {string.Join(Environment.NewLine, errors.Take(3))}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{engine}: {acknowledged.Count} deposits, {clientRetries} client retries, "
            + $"{instances.Sum(i => i.Logs.Lines.Count(l => l.Contains("lost a race", StringComparison.Ordinal)))} races resolved inside");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_part_one_instance_writes_is_in_the_other_instances_cached_state_and_is_not_written_over(DatabaseEngine engine)
    {
        await using var first = new ApiFactory(engine);
        _ = first.Server;
        await using var second = SecondInstance(first);
        _ = second.Server;
        var scenario = await FormedGroupAsync(first);
        var group = scenario.GroupId;
        var secondTreasurer = second.ClientAs(Roles.Bendahara, group);
        async Task DepositThroughSecondAsync(long amount) =>
            await (await secondTreasurer.PostAsync($"/groups/{group}/savings/deposits", new { member = scenario.Members[0], date = Day, amount }, Guid.NewGuid().ToString()))
                .ExpectAsync(HttpStatusCode.Created);
        await DepositThroughSecondAsync(1_000); // the second instance now holds the group in its cache

        // The first instance writes the meetings part (a meeting) and the group part (a bank account); the second's cache is behind.
        await scenario.MeetAsync("2025-01-29");
        await (await scenario.Pendamping.PostAsync($"/groups/{group}/bank-account", new { bank = "Bank Kalteng", accountNumber = "1234567890", holderName = "KSM Dua Pintu", openedOn = "2025-01-29" }))
            .ExpectAsync(HttpStatusCode.OK);

        // The second catches up (a deposit: a ledger row, no part) and then writes the meetings part from its own state.
        await DepositThroughSecondAsync(2_000);
        await (await secondTreasurer.PostAsync($"/groups/{group}/meetings", new
        {
            date = "2025-02-05",
            agenda = "Pertemuan rutin mingguan",
            attendance = scenario.Members.Select(m => new { member = m, mark = "Present" }).ToArray(),
        })).ExpectAsync(HttpStatusCode.Created);

        foreach (var instance in new[] { first, second })
        {
            var auditor = instance.ClientAs(Roles.Auditor);
            var meetings = await (await auditor.GetAsync($"/groups/{group}/meetings", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
            meetings.EnumerateArray().Select(m => m.Str("date")).ShouldBe(["2025-01-29", "2025-02-05"], ignoreOrder: true);
            var view = await (await auditor.GetAsync($"/groups/{group}", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
            view.GetProperty("bankAccount").GetProperty("bank").GetString().ShouldBe("Bank Kalteng");
            var balances = await (await auditor.GetAsync($"/groups/{group}/ledger/balances", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
            balances.GetProperty("memberSavingsTotal").GetInt64().ShouldBe(3_000);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_database_whose_parts_have_no_version_gets_them_at_start_and_its_groups_load_and_change(DatabaseEngine engine)
    {
        await using var first = new ApiFactory(engine);
        _ = first.Server;
        var scenario = await FormedGroupAsync(first);
        var group = scenario.GroupId;
        await using (var db = await first.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>().CreateDbContextAsync(Http.Ct))
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE state_parts DROP COLUMN version;", Http.Ct); // as 0.2.0 wrote it
        }

        // A new instance (an upgraded host) adds the column at start; a cold load and a change work on it.
        await using var second = SecondInstance(first);
        _ = second.Server;
        await using (var db = await second.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>().CreateDbContextAsync(Http.Ct))
        {
            var version = await db.Aggregates.Where(a => a.Id == group).Select(a => a.Version).SingleAsync(Http.Ct);
            (await db.StateParts.Where(p => p.AggregateId == group).Select(p => p.Version).ToListAsync(Http.Ct)).ShouldAllBe(v => v == version);
        }
        var view = await (await second.ClientAs(Roles.Auditor).GetAsync($"/groups/{group}", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        view.Str("name").ShouldBe("KSM Dua Pintu");
        await (await second.ClientAs(Roles.Bendahara, group).PostAsync($"/groups/{group}/savings/deposits", new { member = scenario.Members[0], date = Day, amount = 1_000 }, Guid.NewGuid().ToString()))
            .ExpectAsync(HttpStatusCode.Created);
    }
}
