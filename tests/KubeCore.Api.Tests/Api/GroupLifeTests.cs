using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.Api;

/// <summary>The vertical slice in process, on both engines: households → formation → books → savings, with the rules answering.</summary>
public sealed class GroupLifeTests(ApiHosts hosts)
{
    private static GroupScenario Scenario(ApiFactory api) => new((role, group) => api.ClientAs(role, group));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_ksm_is_formed_verified_and_keeps_its_books(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var s = Scenario(api);
        await s.RegisterMembersAsync(6, women: 3);
        var group = await s.FormAsync("KsmP2kp", "KSM Guyub Rukun", "2019-01-07");
        group.Str("profileId").ShouldBe("KsmP2kp@1");
        group.GetProperty("officers").Str("bendahara").ShouldBe(s.Bendahara.ToString());
        group.GetProperty("verification").GetProperty("decision").GetProperty("approved").GetBoolean().ShouldBeTrue();
        group.GetProperty("verification").GetProperty("decision").GetProperty("checks").EnumerateArray().Select(c => c.Str("ruleId")).ShouldContain("MEM-05");

        await s.OpenBooksAsync("2019-01-21");
        var posting = await (await s.Treasurer.PostAsync($"/groups/{s.GroupId}/savings/deposits", new { member = s.Members[0], date = "2019-01-21", amount = 5000 }, Guid.NewGuid().ToString()))
            .ExpectAsync(HttpStatusCode.Created);
        posting.GetProperty("entries")[0].Str("kind").ShouldBe("SavingsDeposit");
        posting.GetProperty("balances").GetProperty("cash").GetInt64().ShouldBe(5000);
        posting.GetProperty("balances").GetProperty("conserved").GetBoolean().ShouldBeTrue();

        var meeting = await (await s.Treasurer.PostAsync($"/groups/{s.GroupId}/meetings", new
        {
            date = "2019-01-21",
            agenda = "Pertemuan rutin",
            attendance = s.Members.Select(m => new { member = m, mark = "Present" }).ToArray(),
        })).ExpectAsync(HttpStatusCode.Created);
        meeting.GetProperty("hasQuorum").GetBoolean().ShouldBeTrue();

        var close = await (await s.Treasurer.PostAsync($"/groups/{s.GroupId}/ledger/week-closes", new { weekStart = "2019-01-21", closedOn = "2019-01-27" })).ExpectAsync(HttpStatusCode.Created);
        close.GetProperty("entries")[0].Str("kind").ShouldBe("WeekClosed");

        var verification = await (await s.Auditor.GetAsync($"/groups/{s.GroupId}/ledger/verification", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        verification.GetProperty("intact").GetBoolean().ShouldBeTrue();
        verification.GetProperty("entryCount").GetInt32().ShouldBe(3);
        var entries = await (await s.Auditor.GetAsync($"/groups/{s.GroupId}/ledger", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        entries.EnumerateArray().Select(e => e.Str("kind")).ShouldBe(["BooksOpened", "SavingsDeposit", "WeekClosed"]);
    }

    [Fact]
    public async Task The_rules_refuse_what_they_must_with_their_ids()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var s = Scenario(api);
        await s.RegisterMembersAsync(5, women: 1); // 20 % women: a KSM needs 30 % (MEM-05)
        var refused = await (await s.Pendamping.PostAsync("/groups", new
        {
            profile = "KsmP2kp",
            name = "KSM Kurang Perempuan",
            desa = "62.71.01.1001",
            proposedOn = "2019-01-07",
            initialMeetingOn = "2019-01-14",
            founders = s.Members.Select(m => new { personId = m, consentGivenOn = "2019-01-07" }).ToArray(),
        })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM05_TOO_FEW_WOMEN");
        refused.Str("ruleId").ShouldBe("MEM-05");
    }

    [Fact]
    public async Task Money_moves_only_by_the_groups_own_bendahara_with_an_idempotency_key_and_within_the_rules()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var s = Scenario(api);
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM Sejahtera", "2019-02-04");
        await s.OpenBooksAsync("2019-02-18");
        var deposit = new { member = s.Members[1], date = "2019-02-18", amount = 10000 };
        var url = $"/groups/{s.GroupId}/savings/deposits";

        await (await s.Treasurer.PostAsync(url, deposit)).ExpectProblemAsync(HttpStatusCode.BadRequest, "API_IDEMPOTENCY_KEY_REQUIRED");
        await (await api.ClientAs(Roles.Bendahara, Guid.NewGuid()).PostAsync(url, deposit, Guid.NewGuid().ToString())).ExpectProblemAsync(HttpStatusCode.Forbidden, "API_FORBIDDEN");
        await (await s.Auditor.PostAsync(url, deposit, Guid.NewGuid().ToString())).ExpectProblemAsync(HttpStatusCode.Forbidden, "API_FORBIDDEN");
        await (await s.Dinsos.PostAsync(url, deposit, Guid.NewGuid().ToString())).ExpectProblemAsync(HttpStatusCode.Forbidden, "API_FORBIDDEN");

        await (await s.Treasurer.PostAsync(url, deposit, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created);
        await (await s.Treasurer.PostAsync($"/groups/{s.GroupId}/savings/withdrawals", new { member = s.Members[1], date = "2019-02-19", amount = 10001 }, Guid.NewGuid().ToString()))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV02_INSUFFICIENT_SAVINGS");
        var stranger = Identities.Person(true);
        await (await s.Treasurer.PostAsync(url, new { member = Guid.NewGuid(), date = "2019-02-19", amount = 5000 }, Guid.NewGuid().ToString()))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV04_NOT_A_CURRENT_MEMBER");
        await (await s.Treasurer.PostAsync(url, new { member = s.Members[1], date = "2019-02-19", amount = -5 }, Guid.NewGuid().ToString()))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV07_AMOUNT_NOT_POSITIVE");

        var balances = await (await s.Treasurer.GetAsync($"/groups/{s.GroupId}/ledger/balances", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        balances.GetProperty("memberSavingsTotal").GetInt64().ShouldBe(10000);
        await (await api.ClientAs(Roles.Bendahara, Guid.NewGuid()).GetAsync($"/groups/{s.GroupId}/ledger/balances", Http.Ct)).ExpectProblemAsync(HttpStatusCode.Forbidden, "API_FORBIDDEN");
    }
}
