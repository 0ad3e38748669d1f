using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Tests.Support;
using KubeCore.Rules;

namespace KubeCore.Api.Tests.Api;

public sealed class CatalogueTests(ApiHosts hosts)
{
    private readonly HttpClient _anonymous = hosts.For(DatabaseEngine.Sqlite).CreateClient();

    [Fact]
    public async Task Every_built_in_profile_is_listed_with_its_citation()
    {
        var profiles = await (await _anonymous.GetAsync("/profiles", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        profiles.EnumerateArray().Select(p => p.Str("id")).ShouldBe(ProgramProfiles.All.Select(p => p.Id));
        profiles.EnumerateArray().ShouldAllBe(p => p.Str("citation").Length > 0);
    }

    [Fact]
    public async Task A_profile_shows_its_parameters_in_wire_units()
    {
        var ksm = await (await _anonymous.GetAsync("/profiles/KsmP2kp@1", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var membership = ksm.GetProperty("parameters").GetProperty("membership");
        membership.GetProperty("minWomenShare").GetDecimal().ShouldBe(ProgramProfiles.KsmP2kp.Membership.MinWomenShare!.Value.Percent);
        membership.Str("underStrengthGracePeriod").ShouldBe("P90D");
        ksm.GetProperty("parameters").GetProperty("loans").GetProperty("firstLoanCeiling").GetInt64().ShouldBe(ProgramProfiles.KsmP2kp.Loans.FirstLoanCeiling.Amount);
        ksm.Str("effectiveFrom").ShouldBe(ProgramProfiles.KsmP2kp.EffectiveFrom.ToString("uuuu-MM-dd", null));
    }

    [Fact]
    public async Task Every_rule_of_the_catalogue_is_served_with_its_parameter_values_per_profile()
    {
        var rules = await (await _anonymous.GetAsync("/rules", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        rules.EnumerateArray().Select(r => r.Str("id")).ShouldBe(RuleCatalogue.All.Select(r => r.Id.ToString()));

        var grp01 = await (await _anonymous.GetAsync("/rules/grp-01", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var min = grp01.GetProperty("parameters").EnumerateArray().Single(p => p.Str("name") == "Membership.MinMembers");
        min.GetProperty("valueByProfile").Str("KubeBlps@1").ShouldBe("10");
    }

    [Theory]
    [InlineData("/rules/GRP-99")]
    [InlineData("/rules/not-a-rule")]
    [InlineData("/profiles/Unknown")]
    public async Task An_unknown_rule_or_profile_is_a_404_problem(string url)
    {
        await (await _anonymous.GetAsync(url, Http.Ct)).ExpectProblemAsync(HttpStatusCode.NotFound, "API_NOT_FOUND");
    }
}
