using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KubeCore.Api.Tests.Api;

/// <summary>
/// SAV-01 from the auditor's side: a ledger row changed behind the API's back (triggers disabled by someone with
/// database rights) is found: the chain verification names the entry, and a group rebuilt from its rows refuses to
/// move money on it.
/// </summary>
public sealed class TamperTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_tampered_ledger_row_is_found_and_no_money_moves_on_it(DatabaseEngine engine)
    {
        // Its own database (the triggers are dropped here), and no state cache: every request restores the group from
        // the stored rows, as after a restart. (A running server's cached state is verified when it is built; the
        // verification endpoint always reads the stored rows.)
        await using var api = new ApiFactory(engine, new Dictionary<string, string> { ["Streams:CacheCapacity"] = "0" });
        var s = new GroupScenario((role, group) => api.ClientAs(role, group));
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM Diperiksa", "2019-01-07");
        await s.OpenBooksAsync("2019-01-21");
        var deposits = await s.DepositAllAsync("2019-01-21", 5000);

        await using (var db = await api.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>().CreateDbContextAsync(Http.Ct))
        {
            var target = Guid.Parse(deposits[2]);
            if (engine == DatabaseEngine.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER ledger_entries_no_update", Http.Ct);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only", Http.Ct);
            }
            (await db.Database.ExecuteSqlAsync($"UPDATE ledger_entries SET legs = replace(legs, '5000', '50000'), amount = 50000 WHERE entry_id = {target}", Http.Ct)).ShouldBe(1);
        }

        var verification = await (await s.Auditor.GetAsync($"/groups/{s.GroupId}/ledger/verification", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        verification.GetProperty("intact").GetBoolean().ShouldBeFalse();
        verification.Str("firstBrokenEntry").ShouldBe(deposits[2]);
        verification.Str("reason").ShouldBe("HashMismatch");

        await (await s.Treasurer.PostAsync($"/groups/{s.GroupId}/savings/deposits", new { member = s.Members[0], date = "2019-01-22", amount = 5000 }, Guid.NewGuid().ToString()))
            .ExpectProblemAsync(HttpStatusCode.InternalServerError, "API_LEDGER_INTEGRITY");
        api.Logs.Lines.ShouldContain(l => l.Contains("does not verify", StringComparison.Ordinal) && l.Contains(s.GroupId.ToString(), StringComparison.Ordinal));
    }
}
