using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.Groups;

public class GroupSpecificationTests
{
    private static HouseholdPovertyView View(int? decile, LocalDate? rankedOn, bool praPoor = false, bool confirmed = false, bool ps2 = false) =>
        new(HouseholdId.New(), Places.Pahandut, decile, rankedOn, praPoor ? new LocalDate(2019, 1, 1) : null, praPoor, confirmed, ps2);

    [Fact]
    [Trait("Rule", "MEM-01")]
    public void A_decile_ranked_three_months_and_three_days_before_a_month_end_is_stale_although_naive_month_arithmetic_says_otherwise()
    {
        // 2019-02-28 + 3 months = 2019-05-28 < 2019-05-31: stale (POV-03), even though 2019-05-31 - 3 months = 2019-02-28.
        var asOf = new LocalDate(2019, 5, 31);
        var stale = View(1, new LocalDate(2019, 2, 28));
        var current = View(1, new LocalDate(2019, 3, 1));
        var spec = new EligibleHouseholds(ProgramProfiles.KubeBlps, asOf);

        spec.IsSatisfiedBy(stale).ShouldBeFalse();
        spec.IsSatisfiedBy(current).ShouldBeTrue();
        new RegistryEntry(RegistrySource.Dtks, 1, new LocalDate(2019, 2, 28)).IsStaleOn(asOf, Period.FromMonths(3)).ShouldBeTrue();
        new[] { stale, current }.AsQueryable().WhereSatisfies(spec).ShouldBe([current]);
    }

    [Fact]
    [Trait("Rule", "MEM-01")]
    public void Each_profile_selects_households_by_its_own_poverty_evidence()
    {
        var asOf = new LocalDate(2019, 1, 15);
        var registryPoor = View(2, asOf.PlusDays(-10));
        var registryRicher = View(7, asOf.PlusDays(-10));
        var praOnly = View(null, null, praPoor: true);
        var praConfirmed = View(null, null, praPoor: true, confirmed: true);
        var ps2 = View(null, null, ps2: true);
        HouseholdPovertyView[] all = [registryPoor, registryRicher, praOnly, praConfirmed, ps2];

        new EligibleHouseholds(ProgramProfiles.KubeBlps, asOf).Evaluate(all).ShouldBe([registryPoor]);
        new EligibleHouseholds(ProgramProfiles.KubePermensos2019, asOf).Evaluate(all).ShouldBe([registryPoor, praOnly, praConfirmed]);
        new EligibleHouseholds(ProgramProfiles.Kub, asOf).Evaluate(all).ShouldBe([praConfirmed]);
        all.AsQueryable().WhereSatisfies(new EligibleHouseholds(ProgramProfiles.KsmP2kp, asOf)).ShouldBe([ps2]);
    }

    [Fact]
    public void A_household_view_carries_the_evidence_it_was_made_from()
    {
        var dossier = DossierBuilder.On(new LocalDate(2019, 1, 15)).Build();

        var view = HouseholdPovertyView.From(dossier.Household, dossier.Evidence);

        view.ShouldBe(new HouseholdPovertyView(dossier.Household.Id, dossier.Household.Desa, 1, new LocalDate(2018, 12, 16), new LocalDate(2018, 11, 16), true, true, true));
        dossier.Evidence.Pra!.Category.ShouldBe(WealthCategory.Miskin);
    }

    [Fact]
    [Trait("Rule", "GRP-05")]
    public void Under_strength_and_expired_grace_specifications_agree_in_memory_and_as_queries()
    {
        var active = GroupBuilder.For(ProgramProfiles.KubeKemensos2018).WithMembers(6).BuildActive();
        var fresh = GroupBuilder.For(ProgramProfiles.KubeKemensos2018).WithMembers(5).BuildActive();
        fresh.RemoveMember(fresh.CurrentMembers.First(), new LocalDate(2019, 4, 1));
        var old = GroupBuilder.For(ProgramProfiles.KubeKemensos2018).WithMembers(5).BuildActive();
        old.RemoveMember(old.CurrentMembers.First(), new LocalDate(2019, 1, 10));
        Group[] groups = [active, fresh, old];
        var asOf = new LocalDate(2019, 5, 1);

        new GroupsUnderStrength().Evaluate(groups).ShouldBe([fresh, old]);
        groups.AsQueryable().WhereSatisfies(new GroupsUnderStrength()).ShouldBe([fresh, old]);
        new GroupsWithExpiredGrace(asOf).Evaluate(groups).ShouldBe([old]);
        groups.AsQueryable().WhereSatisfies(new GroupsWithExpiredGrace(asOf)).ShouldBe([old]);
        new GroupsUnderStrength().And(new GroupsWithExpiredGrace(asOf).Not()).Evaluate(groups).ShouldBe([fresh]);
        groups.AsQueryable().WhereSatisfies(new GroupsUnderStrength().And(new GroupsWithExpiredGrace(asOf).Not())).ShouldBe([fresh]);
    }
}
