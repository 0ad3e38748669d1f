using System.Net;
using System.Text.Json;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.EndToEnd;

/// <summary>
/// The end-to-end test, against the real server process on a SQLite file: a KUBE formed in Palangka Raya
/// (seed 003: proposed, verified by Dinas Sosial early January 2019, activated), then a KSM's twelve weeks of
/// savings, meetings, weekly closes and a loan. The server is killed with SIGKILL twice — in the middle of a burst
/// of deposits and right after a disbursement — and restarted on the same file. Every acknowledged entry must be
/// there, retries (same Idempotency-Key) must post nothing twice, and the hash chain must verify.
/// </summary>
public sealed class TwelveWeeksTests : ServerTest
{
    private GroupScenario Scenario() => new((role, group) => Server.ClientAs(role, group, role + "-e2e"));

    [Fact]
    public async Task Palangka_Raya_formation_and_a_ksms_twelve_weeks_survive_sigkill_without_loss_or_double_posting()
    {
        // --- Palangka Raya: a KUBE of 10 households on DTKS in Kecamatan Pahandut, verified by Dinas Sosial in January 2019.
        var kube = Scenario();
        await kube.RegisterMembersAsync(10, women: 4, registryRankedOn: "2018-11-01");
        var formed = await kube.FormAsync("KubeKemensos2018", "KUBE FM Pahandut", "2018-12-24"); // seed 003: before Permensos 2/2019 (2019-03-12)
        formed.GetProperty("verification").Str("agency").ShouldBe("Dinas Sosial Kota Palangka Raya");
        formed.GetProperty("verification").Str("verifiedOn").ShouldBe("2019-01-07");
        formed.GetProperty("verification").GetProperty("decision").GetProperty("checks").EnumerateArray()
            .Select(c => c.Str("ruleId")).ShouldContain("MEM-01");

        // --- The KSM: 8 members, books opened on Monday 21 January 2019.
        var s = Scenario();
        await s.RegisterMembersAsync(8, women: 4);
        await s.FormAsync("KsmP2kp", "KSM Guyub Rukun", "2019-01-07");
        await s.OpenBooksAsync("2019-01-21");
        var g = $"/groups/{s.GroupId}";
        await Post(s.Treasurer, $"{g}/ledger/loan-capital", new { date = "2019-01-21", amount = 2_000_000, reference = "UPK BKM Guyub Rukun" }, Guid.NewGuid().ToString());
        await s.SignJointLiabilityAsync("2019-01-21");

        var requests = new Dictionary<string, object>();      // idempotency key -> deposit request
        var acknowledged = new Dictionary<string, string>();  // idempotency key -> entry id from its first 2xx answer
        string? loanId = null;
        for (var week = 0; week < 12; week++)
        {
            var monday = new DateOnly(2019, 1, 21).AddDays(7 * week);
            var date = GroupScenario.Iso(monday);
            var deposits = s.Members.Select(m => (Key: $"deposit-{m}-{date}", Body: (object)new { member = m, date, amount = 5000 })).ToList();
            foreach (var (key, body) in deposits)
            {
                requests[key] = body;
            }

            if (week == 6)
            {
                // Mid-way: the server is killed while the treasurer's fourth deposit is in flight (sent after the third
                // acknowledgement); that request may or may not have been committed. The poster sends nothing more until
                // the server is back, so even a fast server cannot take every deposit before the kill lands.
                var treasurer = s.Treasurer;
                var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var posting = Task.Run(async () =>
                {
                    foreach (var (key, body) in deposits)
                    {
                        var post = TryPost(treasurer, $"{g}/savings/deposits", body, key);
                        if (acknowledged.Count(a => a.Key.EndsWith(date, StringComparison.Ordinal)) == 3)
                        {
                            third.SetResult();
                            await restarted.Task;
                            if (await post is { } inFlight)
                            {
                                acknowledged[key] = inFlight;
                            }
                            return;
                        }
                        acknowledged[key] = await post ?? throw new InvalidOperationException($"{key} failed before the kill");
                    }
                }, Http.Ct);
                await third.Task.WaitAsync(TimeSpan.FromSeconds(30), Http.Ct);
                await RestartAfterSigkillAsync();
                restarted.SetResult();
                await posting;
                var beforeKill = deposits.Count(d => acknowledged.ContainsKey(d.Key));
                beforeKill.ShouldBeInRange(3, deposits.Count - 1, "the kill must land while deposits are still being posted");
                // The client retries everything it is not sure of, with the same keys.
                foreach (var (key, body) in deposits.Where(d => !acknowledged.ContainsKey(d.Key)))
                {
                    acknowledged[key] = await Post(s.Treasurer, $"{g}/savings/deposits", body, key);
                }
            }
            else
            {
                foreach (var (key, body) in deposits)
                {
                    acknowledged[key] = await Post(s.Treasurer, $"{g}/savings/deposits", body, key);
                }
            }

            var decisions = new List<object>();
            if (week == 10)
            {
                var applied = await (await s.Treasurer.PostAsync($"{g}/loans",
                    new { member = s.Members[5], principal = 500_000, termMonths = 5, frequency = "Monthly", purpose = "Modal usaha keripik", appliedOn = date }, Guid.NewGuid().ToString()))
                    .ExpectAsync(HttpStatusCode.Created);
                loanId = applied.GetProperty("loan").Str("id");
                decisions.Add(new { kind = "LoanApproval", subject = loanId, loan = loanId });
            }
            var meeting = await s.MeetAsync(date, [.. decisions]);
            if (week == 10)
            {
                await (await s.Treasurer.PostAsync($"{g}/loans/{loanId}/approval", new { meeting = meeting.Str("id"), approvedBy = s.Ketua })).ExpectAsync(HttpStatusCode.OK);
                var key = Guid.NewGuid().ToString();
                var disbursed = await (await s.Treasurer.PostAsync($"{g}/loans/{loanId}/disbursement", new { date }, key)).ExpectAsync(HttpStatusCode.OK);
                var disbursement = disbursed.GetProperty("entries")[0].Str("id");

                // Killed right after the disbursement was acknowledged: after the restart the loan keeps its id and
                // the retry is answered from the store, posting nothing.
                await RestartAfterSigkillAsync();
                var retry = await (await s.Treasurer.PostAsync($"{g}/loans/{loanId}/disbursement", new { date }, key)).ExpectAsync(HttpStatusCode.OK);
                retry.GetProperty("entries")[0].Str("id").ShouldBe(disbursement);
                var loan = await (await s.Auditor.GetAsync($"{g}/loans/{loanId}", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
                loan.Str("state").ShouldBe("Disbursed");
                loan.Str("disbursementEntry").ShouldBe(disbursement);
            }
            await (await s.Treasurer.PostAsync($"{g}/ledger/week-closes", new { weekStart = date, closedOn = GroupScenario.Iso(monday.AddDays(6)) }))
                .ExpectAsync(HttpStatusCode.Created);
        }

        // After the twelve weeks the borrower pays the first installment (due one month after disbursement).
        await Post(s.Treasurer, $"{g}/loans/{loanId}/repayments", new { date = "2019-05-01", amount = 107_500 }, Guid.NewGuid().ToString());

        // Every acknowledged entry is there, once; every key answers with its first entry; the chain verifies.
        var entries = await (await s.Auditor.GetAsync($"{g}/ledger?take=500", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var deposited = entries.EnumerateArray().Where(e => e.Str("kind") == "SavingsDeposit").Select(e => e.Str("id")).ToList();
        deposited.Count.ShouldBe(8 * 12);
        deposited.ShouldBeUnique();
        deposited.Order().ShouldBe(acknowledged.Values.Order());
        foreach (var (key, body) in requests.Take(10))
        {
            (await Post(s.Treasurer, $"{g}/savings/deposits", body, key)).ShouldBe(acknowledged[key]);
        }
        entries.EnumerateArray().Count(e => e.Str("kind") == "WeekClosed").ShouldBe(12);
        entries.EnumerateArray().Count(e => e.Str("kind") == "LoanDisbursement").ShouldBe(1);

        var chain = await (await s.Auditor.GetAsync($"{g}/ledger/verification", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue();
        chain.GetProperty("entryCount").GetInt32().ShouldBe(entries.GetArrayLength());

        var balances = await (await s.Auditor.GetAsync($"{g}/ledger/balances", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        balances.GetProperty("memberSavingsTotal").GetInt64().ShouldBe(8 * 12 * 5000);
        balances.GetProperty("outstandingPrincipal").GetInt64().ShouldBe(400_000);
        balances.GetProperty("conserved").GetBoolean().ShouldBeTrue();
        var arrears = await (await s.Auditor.GetAsync($"{g}/savings/arrears?asOf=2019-04-14", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        arrears.GetProperty("members").EnumerateArray().ShouldAllBe(m => m.GetProperty("missingWeeks").GetArrayLength() == 0);
    }

    /// <summary>POSTs with a key and returns the first posted entry's id.</summary>
    private static async Task<string> Post(HttpClient client, string url, object body, string key)
    {
        var answer = await (await client.PostAsync(url, body, key)).JsonAsync();
        answer.ValueKind.ShouldBe(JsonValueKind.Object);
        return answer.TryGetProperty("entries", out var entries)
            ? entries[0].Str("id")
            : throw new ShouldAssertException($"{url}: {answer}");
    }

    /// <summary>A POST that may die with the server: the entry id when it was acknowledged, else null.</summary>
    private static async Task<string?> TryPost(HttpClient client, string url, object body, string key)
    {
        try
        {
            var response = await client.PostAsync(url, body, key);
            return response.StatusCode == HttpStatusCode.Created ? (await response.JsonAsync()).GetProperty("entries")[0].Str("id") : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }
}
