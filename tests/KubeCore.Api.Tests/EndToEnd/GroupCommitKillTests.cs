using System.Collections.Concurrent;
using System.Net;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.EndToEnd;

/// <summary>
/// Group commit against the real server process: deposits from many clients at once (so the writer shares its
/// transactions), then SIGKILL. What was acknowledged is stored; what was in flight is stored at most once, and a
/// retry under its key after the restart either gets the stored answer or posts it now, never twice.
/// </summary>
public sealed class GroupCommitKillTests : ServerTest
{
    private const int Clients = 12;
    private const int AcknowledgedBeforeKill = 120;

    [Fact]
    public async Task Deposits_acknowledged_under_concurrent_load_survive_a_sigkill_and_in_flight_ones_post_at_most_once()
    {
        var s = new GroupScenario((role, group) => Server.ClientAs(role, group, role + "-e2e"));
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM Guyub Rukun", "2019-01-07");
        await s.OpenBooksAsync("2019-01-28");
        var treasurer = s.Treasurer;
        var deposits = $"/groups/{s.GroupId}/savings/deposits";
        object Body(string key, Guid member) => new { member, date = "2019-01-29", amount = 5_000, reference = key };

        var sent = new ConcurrentDictionary<string, Guid>();
        var acknowledged = new ConcurrentDictionary<string, string>();
        var refused = new ConcurrentBag<string>();
        var killed = false;
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            for (var n = 0; ; n++)
            {
                var key = $"kill-{c}-{n}";
                var member = s.Members[(c + n) % s.Members.Count];
                sent[key] = member;
                try
                {
                    using var response = await treasurer.PostAsync(deposits, Body(key, member), key);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged[key] = (await response.JsonAsync()).GetProperty("entries")[0].Str("id");
                    }
                    else
                    {
                        refused.Add($"{key}: {(int)response.StatusCode}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && Volatile.Read(ref killed))
                {
                    return; // the server is gone: this request was in flight
                }
            }
        }, Http.Ct)).ToArray();

        while (acknowledged.Count < AcknowledgedBeforeKill && refused.IsEmpty)
        {
            await Task.Delay(10, Http.Ct);
        }
        Volatile.Write(ref killed, true);
        await Server.KillAsync();
        await Task.WhenAll(clients);
        refused.ShouldBeEmpty();
        await Server.StartAsync(Http.Ct);

        // Every acknowledged deposit is stored, and nothing is stored that was not sent.
        var stored = await StoredDepositsAsync(s);
        var acknowledgedIds = acknowledged.Values.ToHashSet();
        stored.Select(d => d.Id).Where(acknowledgedIds.Contains).Count().ShouldBe(acknowledged.Count);
        stored.ShouldAllBe(d => sent.ContainsKey(d.Reference));
        stored.Select(d => d.Reference).ShouldBeUnique();

        // The in-flight requests sent again under their keys: each lands exactly once.
        foreach (var (key, member) in sent.Where(p => !acknowledged.ContainsKey(p.Key)))
        {
            await (await treasurer.PostAsync(deposits, Body(key, member), key)).ExpectAsync(HttpStatusCode.Created);
        }
        var after = await StoredDepositsAsync(s);
        after.Select(d => d.Reference).Order(StringComparer.Ordinal).ShouldBe(sent.Keys.Order(StringComparer.Ordinal));
        var chain = await (await s.Auditor.GetAsync($"/groups/{s.GroupId}/ledger/verification", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    private static async Task<List<(string Id, string Reference)>> StoredDepositsAsync(GroupScenario s)
    {
        var auditor = s.Auditor;
        var deposits = new List<(string Id, string Reference)>();
        for (var skip = 0; ; skip += 500)
        {
            var page = await (await auditor.GetAsync($"/groups/{s.GroupId}/ledger?skip={skip}&take=500", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
            foreach (var entry in page.EnumerateArray().Where(e => e.Str("kind") == "SavingsDeposit"))
            {
                deposits.Add((entry.Str("id"), entry.Str("reference")));
            }
            if (page.GetArrayLength() < 500)
            {
                return deposits;
            }
        }
    }
}
