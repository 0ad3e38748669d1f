using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Aid;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Rules.Parameters;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Aid;

/// <summary>A number of member households of a group.</summary>
public sealed record HouseholdCount(int Households);

/// <summary>One membership relative to a decision date: days from the date to the join, and to the departure (null: still a member).</summary>
public sealed record MembershipSpan(int JoinedDaysFromDecision, int? LeftDaysFromDecision, bool SharesHouseholdWithPrevious);

/// <summary>The memberships of a group around a decision date.</summary>
public sealed record MembershipHistory(IReadOnlyList<MembershipSpan> Spans);

public static class AidGrantArbitraries
{
    public static Arbitrary<HouseholdCount> HouseholdCount() =>
        Gen.Frequency((3, Gen.Choose(0, 25)), (1, Gen.Choose(26, 100_000))).Select(n => new HouseholdCount(n)).ToArbitrary();

    public static Arbitrary<MembershipHistory> MembershipHistory() =>
        (from spans in Gen.ListOf(
             from joined in Gen.Frequency((2, Gen.Choose(-3, 3)), (1, Gen.Choose(-700, 700)))
             from stays in Gen.Elements(true, false)
             from tenure in Gen.Frequency((2, Gen.Choose(0, 3)), (1, Gen.Choose(0, 700)))
             from shares in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
             select new MembershipSpan(joined, stays ? null : joined + tenure, shares))
         select new MembershipHistory(spans.ToList()))
        .ToArbitrary();
}

/// <summary>
/// AID-01 as corrected on 2026-12-06: the KUBE grant (KubePermensos2019) is Rp 2.000.000 per member household on the
/// decision date (Mensos 2016 and 2020); BLPS (KubeBlps) stays Rp 30.000.000 per group.
/// </summary>
public class AidGrantRulesTests
{
    private static readonly LocalDate DecisionDay = new(2020, 11, 23);

    private static readonly GroupMember Template = FromDossier(DossierBuilder.On(DecisionDay).Build(), DecisionDay);

    private static GroupMember FromDossier(MemberDossier d, LocalDate joinedOn) =>
        new(d.Person.Id, d.Person.Name, d.Person.Nik, d.Person.Sex, d.Household.Id, d.Household.FamilyCard, d.Household.Desa, joinedOn, null);

    private static List<GroupMember> Members(MembershipHistory history)
    {
        var members = new List<GroupMember>();
        foreach (var span in history.Spans)
        {
            var household = span.SharesHouseholdWithPrevious && members.Count > 0 ? members[^1].HouseholdId : HouseholdId.New();
            members.Add(Template with
            {
                PersonId = PersonId.New(),
                HouseholdId = household,
                JoinedOn = DecisionDay.PlusDays(span.JoinedDaysFromDecision),
                LeftOn = span.LeftDaysFromDecision is { } left ? DecisionDay.PlusDays(left) : null,
            });
        }
        return members;
    }

    [Theory]
    [Trait("Rule", "AID-01")]
    [InlineData(5, 10_000_000)]
    [InlineData(10, 20_000_000)]
    [InlineData(20, 40_000_000)]
    public void A_KUBE_under_Permensos_2019_receives_Rp_2_million_for_each_member_household(int households, long grant)
    {
        AidGrants.AmountOn(ProgramProfiles.KubePermensos2019, DecisionDay, households).ShouldBe(Rupiah.Of(grant));
        ProgramProfiles.KubePermensos2019.Aid.GrantOn(DecisionDay)!.Basis.ShouldBe(GrantBasis.PerMemberHousehold);
    }

    [Fact]
    [Trait("Rule", "AID-01")]
    public void BLPS_gives_Rp_30_million_to_a_KUBE_whatever_its_size()
    {
        var day = new LocalDate(2011, 6, 1);
        foreach (var households in new[] { 1, 5, 10, 20 })
        {
            AidGrants.AmountOn(ProgramProfiles.KubeBlps, day, households).ShouldBe(Rupiah.Of(30_000_000));
        }
        ProgramProfiles.KubeBlps.Aid.GrantOn(day)!.Basis.ShouldBe(GrantBasis.PerGroup);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(AidGrantArbitraries)])]
    [Trait("Rule", "AID-01")]
    public bool The_KUBE_grant_is_the_rate_times_the_member_households_and_the_BLPS_grant_is_flat(HouseholdCount c) =>
        AidGrants.AmountOn(ProgramProfiles.KubePermensos2019, DecisionDay, c.Households) == Rupiah.Of(2_000_000L * c.Households)
        && AidGrants.AmountOn(ProgramProfiles.KubeBlps, DecisionDay, c.Households) == Rupiah.Of(30_000_000)
        && AidGrants.AmountOn(ProgramProfiles.KsmP2kp, DecisionDay, c.Households) is null;

    [Property(MaxTest = 200, Arbitrary = [typeof(AidGrantArbitraries)])]
    [Trait("Rule", "AID-01")]
    public bool Households_count_on_the_decision_date_when_admitted_on_or_before_it_and_not_left_on_or_before_it(MembershipHistory history)
    {
        var members = Members(history);
        var expected = members
            .Where(m => m.JoinedOn <= DecisionDay && (m.LeftOn is null || m.LeftOn > DecisionDay))
            .Select(m => m.HouseholdId)
            .Distinct()
            .Count();
        return AidGrants.MemberHouseholdsOn(members, DecisionDay) == expected;
    }

    [Fact]
    [Trait("Rule", "AID-01")]
    public void A_member_admitted_on_the_decision_date_counts_and_one_who_left_before_or_on_it_does_not()
    {
        static int Count(int joined, int? left) =>
            AidGrants.MemberHouseholdsOn([Template with { JoinedOn = DecisionDay.PlusDays(joined), LeftOn = left is { } l ? DecisionDay.PlusDays(l) : null }], DecisionDay);

        Count(0, null).ShouldBe(1);   // admitted on the date
        Count(1, null).ShouldBe(0);   // admitted the day after
        Count(-30, -1).ShouldBe(0);   // left the day before
        Count(-30, 0).ShouldBe(0);    // left on the date: no longer a member from that day
        Count(-30, 1).ShouldBe(1);    // left the day after
    }

    [Fact]
    [Trait("Rule", "AID-01")]
    public void A_grant_too_large_for_a_rupiah_amount_throws_instead_of_wrapping_around()
    {
        var huge = ProgramProfiles.KubePermensos2019.Derive("KubeHuge", 1, "test", DecisionDay,
            p => p with { Aid = p.Aid with { GrantSchedule = [new(DecisionDay, Rupiah.Of(long.MaxValue / 2), GrantBasis.PerMemberHousehold, "test")] } });

        AidGrants.AmountOn(huge, DecisionDay, 2).ShouldBe(Rupiah.Of(long.MaxValue / 2 * 2));
        Should.Throw<OverflowException>(() => AidGrants.AmountOn(huge, DecisionDay, 3));
        Should.Throw<ArgumentOutOfRangeException>(() => AidGrants.AmountOn(huge, DecisionDay, -1));
    }

    [Fact]
    [Trait("Rule", "AID-01")]
    [Trait("Rule", "GRP-07")]
    public void A_KUBE_of_ten_households_after_one_left_and_one_joined_on_the_day_is_granted_Rp_20_million()
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).ProposedOn(new LocalDate(2020, 6, 1)).WithMembers(10);
        var kube = builder.BuildActive();
        kube.OpenBankAccount(new OpenBankAccount("BRI", "0123456789", "KUBE Maju Bersama", builder.ActivatedDate));
        var leaver = kube.CurrentMembers.Last();
        kube.RemoveMember(leaver, DecisionDay.PlusDays(-10));
        kube.AdmitMember(new AdmitMember(DossierBuilder.On(DecisionDay).LivingIn(Places.Pahandut).Build(), DecisionDay));

        AidGrants.MemberHouseholdsOn(kube.Members, DecisionDay).ShouldBe(10);
        AidGrants.MemberHouseholdsOn(kube.Members, DecisionDay.PlusDays(-1)).ShouldBe(9);
        AidGrants.AmountFor(kube, DecisionDay).ShouldBe(Rupiah.Of(20_000_000));
        AidGrants.AmountFor(kube, DecisionDay.PlusDays(-1)).ShouldBe(Rupiah.Of(18_000_000));
        var decision = AidGrants.Decide(kube, DecisionDay);
        decision.IsApproved.ShouldBeTrue(decision.ToString());
        decision.ToString().ShouldContain("MemberHouseholds=10");
    }
}
