using System.Globalization;
using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.WealthRanking;

namespace KubeCore.Tests.WealthRanking;

public class WealthScoreAndValidatorTests
{
    [Fact]
    [Trait("Rule", "PRA-02")]
    public void A_score_is_an_exact_fraction_in_lowest_terms_rounded_only_for_display()
    {
        var twoThirds = WealthScore.Mean([2, 2, 2], [3, 3, 3]);   // 200/3
        var almost = WealthScore.Mean([1, 2], [3, 3]);            // 50
        var quarter = WealthScore.Mean([1], [4]);

        (twoThirds.Numerator, twoThirds.Denominator).ShouldBe((200, 3));
        twoThirds.ToString().ShouldBe("66,67");
        twoThirds.Round(0).ShouldBe(67m);
        twoThirds.Round(4).ShouldBe(66.6667m);
        twoThirds.IsAtMost(66).ShouldBeFalse();
        twoThirds.IsAtMost(67).ShouldBeTrue();
        almost.ShouldBe(WealthScore.Mean([2], [4]));
        (quarter < almost).ShouldBeTrue();
        WealthScore.Mean([1], [8]).Round(1).ShouldBe(12.5m);   // half away from zero
        WealthScore.Mean([1], [16]).Round(1).ShouldBe(6.3m);   // 6,25 → 6,3
        default(WealthScore).ToString().ShouldBe("0");
        default(WealthScore).Denominator.ShouldBe(1);
        Should.Throw<ArgumentException>(() => WealthScore.Mean([3], [2]));
        Should.Throw<ArgumentException>(() => WealthScore.Mean([1], [1]));
        Should.Throw<ArgumentException>(() => WealthScore.Mean([], []));
    }

    [Fact]
    [Trait("Rule", "PRA-02")]
    public void The_sorting_validator_reports_each_shape_problem_with_its_code_and_every_placeholder()
    {
        var a = HouseholdId.New();
        var b = HouseholdId.New();
        var sorting = new InformantSorting(" ", 4,
        [
            new HouseholdPlacement(a, 1),
            new HouseholdPlacement(a, 2),
            new HouseholdPlacement(b, 5),
            new HouseholdPlacement(default, 1),
        ]);

        var failures = new InformantSortingValidator().Validate(sorting).Errors;

        failures.Select(f => f.ErrorCode).ShouldBe(
        [
            WealthRankingErrors.InformantRequired,
            WealthRankingErrors.HouseholdIdRequired,
            WealthRankingErrors.PileOutOfRange,
            WealthRankingErrors.HouseholdSortedTwice,
            WealthRankingErrors.HouseholdSortedTwice,
            WealthRankingErrors.EmptyPile,
        ]);
        foreach (var failure in failures)
        {
            foreach (var culture in new[] { CultureInfo.GetCultureInfo("id"), CultureInfo.GetCultureInfo("en") })
            {
                KubeCoreMessages.Format(failure.ErrorCode, culture, failure.FormattedMessagePlaceholderValues!).ShouldNotContain("{", customMessage: failure.ErrorCode);
            }
        }
        KubeCoreMessages.Format(failures[5].ErrorCode, CultureInfo.GetCultureInfo("en"), failures[5].FormattedMessagePlaceholderValues!)
            .ShouldBe("Pile 3 of 4 is empty; every pile must hold at least one household.");
        new InformantSortingValidator().Validate(new InformantSorting("Pak Slamet", 1, [new HouseholdPlacement(a, 1)])).Errors.Select(f => f.ErrorCode)
            .ShouldBe([WealthRankingErrors.TooFewPiles, WealthRankingErrors.TooFewHouseholds]);
    }

    [Fact]
    [Trait("Rule", "PRA-01")]
    public void The_exercise_validator_accepts_exactly_what_opening_accepts()
    {
        var valid = new ExerciseBuilder().Command();
        var failures = new OpenWealthRankingExerciseValidator().Validate(valid with { Households = [] }).Errors;

        new OpenWealthRankingExerciseValidator().Validate(valid).IsValid.ShouldBeTrue();
        WealthRankingExercise.Open(valid, ProgramProfiles.Kub).Households.ShouldBe(valid.Households);
        failures.ShouldHaveSingleItem().ErrorCode.ShouldBe(WealthRankingErrors.TooFewHouseholds);
        KubeCoreMessages.Format(failures[0].ErrorCode, CultureInfo.GetCultureInfo("id"), failures[0].FormattedMessagePlaceholderValues!)
            .ShouldBe("Pemeringkatan memerlukan minimal 2 rumah tangga (tercatat 0).");
    }
}
