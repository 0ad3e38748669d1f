using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Rulebooks;

/// <summary>A built-in profile and a decision date some days before (negative) or after its effective date.</summary>
public sealed record DatedUnderProfile(ProgramProfile Profile, int DaysFromEffective);

public static class ProfileEffectiveDateArbitraries
{
    public static Arbitrary<DatedUnderProfile> DatedUnderProfile() =>
        (from profile in Gen.Elements(ProgramProfiles.All.ToArray())
         from days in Gen.Frequency((2, Gen.Choose(-800, -1)), (1, Gen.Elements(-1, 0)), (2, Gen.Choose(0, 800)))
         select new DatedUnderProfile(profile, days)).ToArbitrary();
}

/// <summary>
/// Permensos 2/2019 took effect on 12 March 2019 (signed 6 March, promulgated 12 March 2019): the
/// KubePermensos2019 profile and every rule it sources take that date, and a decision dated before a profile's
/// effective date is refused with one coded error (PROFILE_NOT_YET_IN_FORCE), recorded by the DecisionBuilder every
/// dated decision passes through.
/// </summary>
public class ProfileEffectiveDateRulesTests
{
    private static readonly LocalDate Promulgated = new(2019, 3, 12);

    private static Decision Proposal(ProgramProfile profile, LocalDate on) =>
        Group.EvaluateProposal(GroupBuilder.For(profile).ProposedOn(on).WithMembers(10).Command());

    [Fact]
    [Trait("Rule", "GRP-01")]
    public void A_proposal_under_KubePermensos2019_dated_11_March_2019_is_refused_and_one_dated_12_March_2019_is_accepted()
    {
        ProgramProfiles.KubePermensos2019.EffectiveFrom.ShouldBe(Promulgated);

        var early = Proposal(ProgramProfiles.KubePermensos2019, new LocalDate(2019, 3, 11));
        early.IsApproved.ShouldBeFalse();
        var violation = early.Violations.ShouldHaveSingleItem();
        violation.ErrorCode.ShouldBe(ProfileErrors.NotYetInForce);
        violation.Arguments["EffectiveFrom"].ShouldBe(Promulgated);
        violation.Arguments["Profile"].ShouldBe("KubePermensos2019@1");
        Should.Throw<RuleViolationException>(() => GroupBuilder.For(ProgramProfiles.KubePermensos2019).ProposedOn(new LocalDate(2019, 3, 11)).WithMembers(10).Build())
            .Violation.ErrorCode.ShouldBe(ProfileErrors.NotYetInForce);

        var onTheDay = Proposal(ProgramProfiles.KubePermensos2019, Promulgated);
        onTheDay.IsApproved.ShouldBeTrue(onTheDay.ToString());
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(ProfileEffectiveDateArbitraries)])]
    [Trait("Rule", "GRP-01")]
    public bool A_decision_under_any_profile_is_refused_as_not_yet_in_force_exactly_when_dated_before_the_profile_takes_effect(DatedUnderProfile c)
    {
        var asOf = c.Profile.EffectiveFrom.PlusDays(c.DaysFromEffective);
        var decision = MemberEligibility.Evaluate(DossierBuilder.On(asOf).Aged(30).Build(), c.Profile, asOf);
        var notInForce = decision.Violations.Count(v => v.ErrorCode == ProfileErrors.NotYetInForce);
        return c.DaysFromEffective < 0
            ? !decision.IsApproved && notInForce == 1
            : notInForce == 0;
    }

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void A_decision_without_a_date_is_not_checked_against_the_profile_s_effective_date() =>
        new DecisionBuilder("Undated", ProgramProfiles.KubePermensos2019).Check(RuleIds.Grp01, null).Build().IsApproved.ShouldBeTrue();

    [Fact]
    [Trait("Rule", "GRP-01")]
    public void Every_rule_that_cites_Permensos_2_2019_takes_effect_on_12_March_2019()
    {
        var cited = RuleCatalogue.All.Where(r => r.Source.Contains("Permensos 2/2019", StringComparison.Ordinal)).ToList();
        string[] permensosRules = ["GRP-01", "GRP-03", "GRP-04", "MEM-01", "MEM-02", "OFF-01", "OFF-02", "OFF-03", "AID-03"];
        permensosRules.ShouldAllBe(id => cited.Any(r => r.Id.Value == id));
        cited.ShouldAllBe(r => r.EffectiveFrom == Promulgated);
        RuleCatalogue.All.ShouldAllBe(r => r.EffectiveFrom != new LocalDate(2019, 1, 1) || r.Id == RuleIds.Col02); // COL-02 is POJK 40/2019, not Permensos
    }

    [Fact]
    [Trait("Rule", "MEM-03")]
    public void The_derived_built_in_profiles_cite_their_own_sources_and_name_the_profile_they_come_from()
    {
        ProgramProfiles.KubeKalbar2019.BasedOn.ShouldBe("KubePermensos2019@1");
        ProgramProfiles.KubeKalbar2019.Citation.ShouldContain("Dinsos Kalbar");
        ProgramProfiles.KubeKemensos2018.BasedOn.ShouldBe("KubePermensos2019@1");
        ProgramProfiles.KubeKemensos2018.Citation.ShouldContain("Palangka Raya");
        ProgramProfiles.KubeKemensos2018.EffectiveFrom.ShouldBeLessThan(new LocalDate(2019, 1, 1));
        (ProgramProfiles.KubeKemensos2018.Membership.MinMembers, ProgramProfiles.KubeKemensos2018.Membership.MaxMembers).ShouldBe((5, (int?)20));
    }
}
