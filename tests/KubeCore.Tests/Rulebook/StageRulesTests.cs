using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Tests.Rules;

/// <summary>
/// Which traits of each stage a generated group shows: four bits per stage (bit i = the i-th trait of
/// <see cref="GroupStages.TraitsOf"/>), built by construction so each side of each boundary is generated on purpose.
/// </summary>
public sealed record TraitMasks(int Tumbuh, int Berkembang, int Maju)
{
    public int TumbuhShown => BitOperations.PopCount((uint)Tumbuh);

    public int BerkembangShown => BitOperations.PopCount((uint)Berkembang);

    public int MajuShown => BitOperations.PopCount((uint)Maju);

    /// <summary>The evidence of a group showing exactly these traits (rising series over the default 3 months).</summary>
    public StageEvidence Evidence()
    {
        bool T(int mask, int bit) => (mask & (1 << bit)) != 0;
        IReadOnlyList<Rupiah> Series(bool rising) => rising ? [Rupiah.Of(100), Rupiah.Of(200), Rupiah.Of(300), Rupiah.Of(400)] : [Rupiah.Of(400), Rupiah.Of(300)];
        return new StageEvidence(
            T(Tumbuh, 0), T(Tumbuh, 1), T(Tumbuh, 2), T(Tumbuh, 3),
            T(Berkembang, 0), T(Berkembang, 1), T(Berkembang, 2), T(Berkembang, 3),
            Series(T(Maju, 0)), Series(T(Maju, 1)), T(Maju, 2), T(Maju, 3) ? 2 : 0);
    }

    public override string ToString() => $"Tumbuh {TumbuhShown}/4 ({Tumbuh:b4}), Berkembang {BerkembangShown}/4 ({Berkembang:b4}), Maju {MajuShown}/4 ({Maju:b4})";
}

/// <summary>A group and one more trait it could show.</summary>
public sealed record OneMoreTrait(TraitMasks Group, StageTrait Trait);

public static class StageArbitraries
{
    private static Gen<int> Shown(params int[] counts) =>
        Gen.Elements(Enumerable.Range(0, 16).Where(m => counts.Contains(BitOperations.PopCount((uint)m))).ToArray());

    private static Gen<TraitMasks> Masks(Gen<int> tumbuh, Gen<int> berkembang, Gen<int> maju) =>
        from t in tumbuh from b in berkembang from m in maju select new TraitMasks(t, b, m);

    /// <summary>Any group.</summary>
    public static Arbitrary<TraitMasks> AnyGroup() => Masks(Shown(0, 1, 2, 3, 4), Shown(0, 1, 2, 3, 4), Shown(0, 1, 2, 3, 4)).ToArbitrary();

    public static Arbitrary<OneMoreTrait> OneMore() =>
        (from g in AnyGroup().Generator from t in Gen.Elements(Enum.GetValues<StageTrait>()) select new OneMoreTrait(g, t)).ToArbitrary();
}

/// <summary>Groups just above the Berkembang boundary: 3 or 4 of the Tumbuh and of the Berkembang traits, at most 2 Maju traits.</summary>
public static class JustBerkembangArbitraries
{
    public static Arbitrary<TraitMasks> Group() =>
        (from t in Gen.Elements(Enumerable.Range(0, 16).Where(m => BitOperations.PopCount((uint)m) >= 3).ToArray())
         from b in Gen.Elements(Enumerable.Range(0, 16).Where(m => BitOperations.PopCount((uint)m) >= 3).ToArray())
         from m in Gen.Elements(Enumerable.Range(0, 16).Where(m => BitOperations.PopCount((uint)m) <= 2).ToArray())
         select new TraitMasks(t, b, m)).ToArbitrary();
}

/// <summary>Groups at the tie below the Berkembang boundary: exactly 2 of the Tumbuh or of the Berkembang traits, any Maju traits.</summary>
public static class TieBelowBerkembangArbitraries
{
    public static Arbitrary<TraitMasks> Group() =>
        (from tieOnTumbuh in Gen.Elements(true, false)
         from tie in Gen.Elements(Enumerable.Range(0, 16).Where(m => BitOperations.PopCount((uint)m) == 2).ToArray())
         from other in Gen.Choose(0, 15)
         from m in Gen.Choose(0, 15)
         select tieOnTumbuh ? new TraitMasks(tie, other, m) : new TraitMasks(other, tie, m)).ToArbitrary();
}

/// <summary>Berkembang groups (3+ of Tumbuh and Berkembang) with exactly 2 or exactly 3 Maju traits: both sides of the Maju boundary.</summary>
public static class MajuBoundaryArbitraries
{
    public static Arbitrary<TraitMasks> Group() =>
        (from t in Gen.Elements(Enumerable.Range(0, 16).Where(m => BitOperations.PopCount((uint)m) >= 3).ToArray())
         from b in Gen.Elements(Enumerable.Range(0, 16).Where(m => BitOperations.PopCount((uint)m) >= 3).ToArray())
         from m in Gen.Elements(Enumerable.Range(0, 16).Where(m => BitOperations.PopCount((uint)m) is 2 or 3).ToArray())
         select new TraitMasks(t, b, m)).ToArbitrary();
}

public class StageRulesTests
{
    private static readonly ProgramProfile Kube = ProgramProfiles.KubePermensos2019;

    private static StageEvidence Hpmbk(bool regularActivity) =>
        new(HasPendamping: true, TrainingReceived: false, OfficersComplete: true, AidReceived: true,
            RegularActivity: regularActivity, ProfitToCapital: true, ProfitToWelfare: true, ProfitToIks: false,
            MonthlyProfit: [], MonthlyCapital: [], IksForOutsiders: false, Partnerships: 0);

    [Fact]
    [Trait("Rule", "STG-01")]
    public void A_group_without_training_or_IKS_is_placed_Berkembang_by_its_other_traits()
    {
        // KUBE HPMBK-1, Kel. Kebon Waru (123dok wq2vk72y): pendamping, officers and UEP aid but never trained;
        // activity run by its officers; profit for capital and member welfare but none for IKS. The source rates it Berkembang.
        var assessment = GroupStages.AssessStage(Hpmbk(regularActivity: true), Kube);

        assessment.Stage.ShouldBe(GroupStage.Berkembang);
        assessment.ShownOf(GroupStage.Tumbuh).ShouldBe(3);
        assessment.ShownOf(GroupStage.Berkembang).ShouldBe(3);
        assessment.MissingForNextStage.ShouldBe([StageTrait.RisingProfit, StageTrait.RisingCapital, StageTrait.IksForOutsiders, StageTrait.Partnerships]);
    }

    [Fact]
    [Trait("Rule", "STG-01")]
    public void A_group_with_profit_for_capital_and_welfare_but_no_regular_activity_stays_Tumbuh()
    {
        // KUBE HPMBK-2 and -3 of the same table: as HPMBK-1 but without activity run by the officers: 2 of 4 Berkembang traits, a tie.
        var assessment = GroupStages.AssessStage(Hpmbk(regularActivity: false), Kube);

        assessment.Stage.ShouldBe(GroupStage.Tumbuh);
        assessment.MissingForNextStage.ShouldBe([StageTrait.TrainingReceived, StageTrait.RegularActivity, StageTrait.ProfitToIks]);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(StageArbitraries)])]
    [Trait("Rule", "STG-01")]
    public bool A_group_is_placed_at_the_highest_stage_climbed_with_more_than_half_of_each_stages_traits(TraitMasks group)
    {
        var assessment = GroupStages.AssessStage(group.Evidence(), Kube);
        var expected = group.TumbuhShown < 3 || group.BerkembangShown < 3 ? GroupStage.Tumbuh
            : group.MajuShown < 3 ? GroupStage.Berkembang
            : GroupStage.Maju;
        return assessment.Stage == expected
            && assessment.ShownOf(GroupStage.Tumbuh) == group.TumbuhShown
            && assessment.ShownOf(GroupStage.Berkembang) == group.BerkembangShown
            && assessment.ShownOf(GroupStage.Maju) == group.MajuShown
            && (assessment.Stage == GroupStage.Maju) == (assessment.MissingForNextStage.Count == 0)
            && assessment.ProfileId == Kube.Id;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(JustBerkembangArbitraries)])]
    [Trait("Rule", "STG-01")]
    public bool A_group_showing_three_of_four_Tumbuh_and_Berkembang_traits_is_Berkembang_even_without_training_or_IKS(TraitMasks group) =>
        GroupStages.AssessStage(group.Evidence(), Kube).Stage == GroupStage.Berkembang;

    [Property(MaxTest = 200, Arbitrary = [typeof(TieBelowBerkembangArbitraries)])]
    [Trait("Rule", "STG-01")]
    public bool A_group_showing_only_half_of_the_Tumbuh_or_of_the_Berkembang_traits_stays_Tumbuh(TraitMasks group) =>
        GroupStages.AssessStage(group.Evidence(), Kube).Stage == GroupStage.Tumbuh;

    [Property(MaxTest = 200, Arbitrary = [typeof(MajuBoundaryArbitraries)])]
    [Trait("Rule", "STG-01")]
    public bool A_Berkembang_group_is_Maju_with_three_of_four_Maju_traits_and_stays_Berkembang_with_two(TraitMasks group) =>
        GroupStages.AssessStage(group.Evidence(), Kube).Stage == (group.MajuShown == 3 ? GroupStage.Maju : GroupStage.Berkembang);

    [Property(MaxTest = 200, Arbitrary = [typeof(StageArbitraries)])]
    [Trait("Rule", "STG-01")]
    public bool Showing_one_more_trait_never_lowers_a_groups_stage(OneMoreTrait c)
    {
        var before = GroupStages.AssessStage(c.Group.Evidence(), Kube);
        var stage = GroupStages.TraitsOf(GroupStage.Tumbuh).Contains(c.Trait) ? 0 : GroupStages.TraitsOf(GroupStage.Berkembang).Contains(c.Trait) ? 1 : 2;
        var bit = 1 << GroupStages.TraitsOf((GroupStage)(stage + 1)).ToList().IndexOf(c.Trait);
        var better = stage switch
        {
            0 => c.Group with { Tumbuh = c.Group.Tumbuh | bit },
            1 => c.Group with { Berkembang = c.Group.Berkembang | bit },
            _ => c.Group with { Maju = c.Group.Maju | bit },
        };
        var after = GroupStages.AssessStage(better.Evidence(), Kube);
        return after.Stage >= before.Stage && after.Traits[c.Trait];
    }

    [Fact]
    [Trait("Rule", "STG-01")]
    public void The_trait_share_is_a_profile_parameter_whose_exact_value_goes_to_the_lower_stage()
    {
        var evidence = Hpmbk(regularActivity: true); // 3 of 4 Tumbuh and Berkembang traits: 75 %
        Kube.Compliance.StageTraitShare.ShouldBe(Rate.FromPercent(50));
        GroupStages.AssessStage(evidence, ProfileWithShare(74)).Stage.ShouldBe(GroupStage.Berkembang);
        GroupStages.AssessStage(evidence, ProfileWithShare(75)).Stage.ShouldBe(GroupStage.Tumbuh);
        Should.Throw<ArgumentException>(() => ProfileWithShare(100));
    }

    [Fact]
    [Trait("Rule", "STG-01")]
    public void Profit_rises_only_when_each_of_the_last_months_beats_the_one_before()
    {
        // Every Tumbuh and Berkembang trait, IKS for outsiders, no partnership: Maju turns on rising profit and capital.
        StageEvidence Make(params long[] profit) => new(true, true, true, true, true, true, true, true,
            profit.Select(Rupiah.Of).ToList(), [Rupiah.Of(1), Rupiah.Of(2), Rupiah.Of(3), Rupiah.Of(4)], true, 0);
        GroupStages.AssessStage(Make(100, 200, 300, 400), Kube).Stage.ShouldBe(GroupStage.Maju);
        GroupStages.AssessStage(Make(100, 200, 200, 400), Kube).Stage.ShouldBe(GroupStage.Berkembang);
        GroupStages.AssessStage(Make(200, 300, 400), Kube).Stage.ShouldBe(GroupStage.Berkembang); // needs 3 changes, i.e. 4 months
    }

    [Fact]
    [Trait("Rule", "STG-01")]
    public void Each_stage_has_the_four_traits_the_source_lists_and_no_trait_belongs_to_two_stages()
    {
        var all = new[] { GroupStage.Tumbuh, GroupStage.Berkembang, GroupStage.Maju }.SelectMany(GroupStages.TraitsOf).ToList();
        all.Count.ShouldBe(12);
        all.ShouldBe(Enum.GetValues<StageTrait>(), ignoreOrder: true);
        Should.Throw<ArgumentOutOfRangeException>(() => GroupStages.TraitsOf((GroupStage)0));
    }

    private static ProgramProfile ProfileWithShare(decimal percent) =>
        Kube.Derive("KubeStageShare" + percent.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, "test: stage trait share", new LocalDate(2019, 3, 12),
            p => p with { Compliance = p.Compliance with { StageTraitShare = Rate.FromPercent(percent) } });
}
