using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Aid;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Tests.Aid;

/// <summary>An active candidate group and a selection date a number of days from its second anniversary.</summary>
public sealed record AnniversaryCase(DevelopmentAidCandidate Candidate, int DaysFromAnniversary)
{
    /// <summary>The selection date.</summary>
    public LocalDate AsOf => Candidate.ActiveSince.PlusYears(2).PlusDays(DaysFromAnniversary);
}

/// <summary>A list of candidate groups (some of the same stage) and a number of slots.</summary>
public sealed record CandidatePool(IReadOnlyList<DevelopmentAidCandidate> Candidates, int Slots);

public static class DevelopmentAidArbitraries
{
    public static readonly LocalDate AsOf = new(2011, 6, 1);

    private static Gen<GroupStage> Stage => Gen.Elements(GroupStage.Tumbuh, GroupStage.Berkembang, GroupStage.Maju);

    private static Gen<DevelopmentAidCandidate> Candidate =>
        from status in Gen.Elements(GroupStatus.Active, GroupStatus.Active, GroupStatus.Active, GroupStatus.UnderStrength, GroupStatus.Verified)
        from ageDays in Gen.Choose(0, 2_000)
        from stage in Stage
        from savings in Gen.Choose(0, 5_000_000)
        select new DevelopmentAidCandidate(GroupId.New(), status, AsOf.PlusDays(-ageDays), stage, Rupiah.Of(savings));

    public static Arbitrary<AnniversaryCase> AnniversaryCase() =>
        (from since in Gen.Choose(0, 3_000).Select(d => new LocalDate(2011, 3, 1).PlusDays(d)) // every as-of date on or after KubeBlps took effect (2011-01-01)
         from stage in Stage
         from offset in Gen.Frequency((3, Gen.Choose(-3, 3)), (2, Gen.Choose(-400, 400)))
         from savings in Gen.Choose(0, 5_000_000)
         select new AnniversaryCase(new DevelopmentAidCandidate(GroupId.New(), GroupStatus.Active, since, stage, Rupiah.Of(savings)), offset))
        .ToArbitrary();

    public static Arbitrary<CandidatePool> CandidatePool() =>
        (from candidates in Gen.ListOf(Candidate)
         from slots in Gen.Choose(0, 15)
         select new CandidatePool(candidates.ToList(), slots))
        .ToArbitrary();
}

/// <summary>
/// AID-02 as corrected on 2026-12-06: development aid (BLPS) needs 2 years of activity; the stage is not a gate
/// (seed 002: BLPS "ditujukan untuk KUBE tumbuh") but the first key of the stated ranking.
/// </summary>
public class DevelopmentAidRulesTests
{
    private static readonly LocalDate SelectionDay = DevelopmentAidArbitraries.AsOf;

    private static DevelopmentAidCandidate Active(LocalDate since, GroupStage stage) =>
        new(GroupId.New(), GroupStatus.Active, since, stage, Rupiah.Of(1_000_000));

    [Fact]
    [Trait("Rule", "AID-02")]
    public void A_KUBE_at_stage_Tumbuh_active_for_two_years_is_eligible_for_BLPS()
    {
        var kube = Active(SelectionDay.PlusYears(-2), GroupStage.Tumbuh);

        var decision = DevelopmentAid.CheckEligibility(kube, ProgramProfiles.KubeBlps, SelectionDay);

        decision.IsApproved.ShouldBeTrue(decision.ToString());
        decision.RuleIds.ShouldContain(RuleIds.Aid02);
    }

    [Fact]
    [Trait("Rule", "AID-02")]
    public void A_KUBE_one_day_short_of_two_years_is_refused_and_one_active_exactly_two_years_is_accepted()
    {
        var since = new LocalDate(2009, 6, 2);
        var kube = Active(since, GroupStage.Tumbuh);

        var dayBefore = DevelopmentAid.CheckEligibility(kube, ProgramProfiles.KubeBlps, new LocalDate(2011, 6, 1));
        dayBefore.IsApproved.ShouldBeFalse();
        dayBefore.Violations.Single().ErrorCode.ShouldBe(AidErrors.GroupTooYoung);

        DevelopmentAid.CheckEligibility(kube, ProgramProfiles.KubeBlps, new LocalDate(2011, 6, 2)).IsApproved.ShouldBeTrue();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(DevelopmentAidArbitraries)])]
    [Trait("Rule", "AID-02")]
    public bool An_active_group_is_eligible_from_its_second_anniversary_on_and_refused_for_age_alone_the_day_before_whatever_its_stage(AnniversaryCase c)
    {
        var decision = DevelopmentAid.CheckEligibility(c.Candidate, ProgramProfiles.KubeBlps, c.AsOf);
        return c.DaysFromAnniversary >= 0
            ? decision.IsApproved
            : !decision.IsApproved && decision.Violations.Single().ErrorCode == AidErrors.GroupTooYoung;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(DevelopmentAidArbitraries)])]
    [Trait("Rule", "AID-02")]
    public bool Changing_only_a_groups_stage_never_changes_its_eligibility(AnniversaryCase c) =>
        Enum.GetValues<GroupStage>()
            .Select(stage => DevelopmentAid.CheckEligibility(c.Candidate with { Stage = stage }, ProgramProfiles.KubeBlps, c.AsOf).IsApproved)
            .Distinct()
            .Count() == 1;

    [Property(MaxTest = 200, Arbitrary = [typeof(DevelopmentAidArbitraries)])]
    [Trait("Rule", "AID-02")]
    public bool Among_eligible_groups_a_higher_stage_always_ranks_before_a_lower_one(CandidatePool pool)
    {
        var selection = DevelopmentAid.Select(pool.Candidates, pool.Slots, ProgramProfiles.KubeBlps, SelectionDay);
        var ranked = selection.Candidates.Where(c => c.Rank is not null).ToList();
        var stagesInRankOrder = ranked.Select(c => c.Candidate.Stage).ToList();
        return stagesInRankOrder.SequenceEqual(stagesInRankOrder.OrderByDescending(s => s))
            && ranked.Count == pool.Candidates.Count(c => c.Status == GroupStatus.Active && c.ActiveSince.PlusYears(2) <= SelectionDay);
    }
}
