using System.Globalization;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.WealthRanking;

/// <summary>
/// Seed 000, steps 4b: "Pemeringkatan kekayaan dengan metoda Wealth Ranking (WR) untuk menetapkan
/// keluarga-keluarga miskin dan lebih miskin di desa. Hasil WR dicocokkan dengan data dasar dari keluarga
/// miskin yang diperoleh dari pengumpulan data rumah tangga miskin." Eight households of a desa, three
/// informants, the DTKS base data of 2012.
/// </summary>
public class Seed000WealthRankingTests
{
    private static readonly LocalDate HeldOn = new(2012, 8, 2);
    private static readonly HouseholdId[] H = Enumerable.Range(0, 9).Select(_ => HouseholdId.New()).ToArray();

    //                                           H1 H2 H3 H4 H5 H6 H7 H8
    private static readonly int[] KepalaDesa = [1, 1, 2, 3, 2, 4, 4, 2];   // 4 piles
    private static readonly int[] KaderPkk = [1, 2, 3, 5, 5, 5, 4, 2];     // 5 piles
    private static readonly int[] KetuaRt = [1, 2, 2, 4, 3, 4, 3, 1];      // 4 piles

    private static WealthRankingExercise Ranked()
    {
        var exercise = WealthRankingExercise.Open(new OpenWealthRankingExercise(ExerciseId.New(), HouseholdPlaces.Dawuhan, HeldOn, H[..8]), ProgramProfiles.Kub);
        exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, "Pak Sugeng (Kepala Desa)", 4, KepalaDesa));
        exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, "Bu Wati (Kader PKK)", 5, KaderPkk));
        exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, "Pak Slamet (Ketua RT)", 4, KetuaRt));
        return exercise;
    }

    [Fact]
    [Trait("Rule", "PRA-02")]
    public void Three_informants_rank_eight_households_into_the_four_default_bands_exactly()
    {
        var result = Ranked().Conclude();

        result.Households.Select(h => h.Score.ToString()).ShouldBe(["23,33", "38,33", "53,33", "91,67", "75", "100", "85", "38,33"]);
        result.Households.Select(h => h.Category).ShouldBe(
        [
            WealthCategory.Kaya, WealthCategory.Sedang, WealthCategory.Miskin, WealthCategory.SangatMiskin,
            WealthCategory.Miskin, WealthCategory.SangatMiskin, WealthCategory.SangatMiskin, WealthCategory.Sedang,
        ]);
        // H1 = (1/4 + 1/5 + 1/4) × 100 / 3 = 70/3 exactly, H5 = 75 exactly: the upper score of miskin is inclusive.
        result.For(H[0]).Score.Numerator.ShouldBe(70);
        result.For(H[0]).Score.Denominator.ShouldBe(3);
        result.For(H[4]).Score.Round(0).ShouldBe(75m);
        result.For(H[4]).Category.ShouldBe(WealthCategory.Miskin);
        result.Households.Count(h => h.IsPoor).ShouldBe(5);
        result.InformantCount.ShouldBe(3);
        result.Decision.IsApproved.ShouldBeTrue();
        result.Decision.RuleIds.ShouldBe([RuleIds.Pra01, RuleIds.Pra02]);
        result.Decision.Checks[1].Parameters["PileCounts"].ShouldBe("Pak Sugeng (Kepala Desa): 4, Bu Wati (Kader PKK): 5, Pak Slamet (Ketua RT): 4");
    }

    [Fact]
    [Trait("Rule", "PRA-03")]
    public void The_ranking_is_matched_with_the_DTKS_base_data_and_every_mismatch_goes_to_consultation()
    {
        var result = Ranked().Conclude();
        HouseholdRegistryView Dtks(int h, int decile, LocalDate rankedOn) => new(H[h], new RegistryEntry(RegistrySource.Dtks, decile, rankedOn));
        var baseData = new[]
        {
            Dtks(1, 2, new LocalDate(2012, 7, 1)),   // H2: poor by the registry, sedang by the PRA
            Dtks(2, 1, new LocalDate(2012, 6, 15)),  // H3: confirmed
            Dtks(4, 3, new LocalDate(2012, 3, 1)),   // H5: stale on 2 August (fresh through 1 June)
            Dtks(5, 1, new LocalDate(2012, 7, 20)),  // H6: confirmed
            Dtks(6, 4, new LocalDate(2012, 5, 2)),   // H7: confirmed, fresh through 2 August exactly
            Dtks(8, 2, new LocalDate(2012, 7, 1)),   // H9: poor by the registry but not on the social map
        };

        var match = result.MatchWithRegistry(baseData);

        match.Households.Select(m => m.Class).ShouldBe(
        [
            RegistryMatchClass.NotPoor, RegistryMatchClass.RegistryOnly, RegistryMatchClass.Confirmed, RegistryMatchClass.PraOnly,
            RegistryMatchClass.PraOnly, RegistryMatchClass.Confirmed, RegistryMatchClass.Confirmed, RegistryMatchClass.NotPoor,
        ]);
        match.Mismatches.Select(m => m.Household).ShouldBe([H[1], H[3], H[4]]);
        match.For(H[3]).Finding.ShouldBe(RegistryFinding.NotListed);
        match.For(H[4]).Finding.ShouldBe(RegistryFinding.Stale);
        match.RegistryPoorNotRanked.ShouldHaveSingleItem().HouseholdId.ShouldBe(H[8]);

        match.Decision.IsApproved.ShouldBeTrue();
        match.Decision.Warnings.Select(w => w.ErrorCode).ShouldBe(
        [
            WealthRankingErrors.RegistryOnly, WealthRankingErrors.PraOnlyNotInRegistry, WealthRankingErrors.PraOnlyDecileStale,
            WealthRankingErrors.RegistryPoorNotRanked, HouseholdErrors.DecileStale,
        ]);
        match.Decision.Warnings[2].Message(CultureInfo.GetCultureInfo("id-ID")).ShouldBe(
            $"Rumah tangga {H[4]} diperingkat Miskin (miskin) oleh PRA, tetapi desil 3 dari 2012-03-01 sudah kedaluwarsa; perlu dimusyawarahkan dan diverifikasi ulang.");
        match.Decision.Warnings[4].Message(CultureInfo.GetCultureInfo("en")).ShouldBe(
            $"The decile of household {H[4]} was ranked on 2012-03-01 and was fresh only through 2012-06-01; it needs re-verification.");
        var summary = match.Decision.Checks.First().Parameters;
        (summary["Confirmed"], summary["PraOnly"], summary["RegistryOnly"], summary["NotPoor"]).ShouldBe(("3", "2", "1", "2"));

        match.Evidence.Count.ShouldBe(8);
        match.Evidence[H[2]].ShouldBe(new PraRanking(result.ExerciseId, HeldOn, WealthCategory.Miskin, IsPoor: true, ConfirmedByRegistry: true));
        match.Evidence[H[3]].ShouldBe(new PraRanking(result.ExerciseId, HeldOn, WealthCategory.SangatMiskin, IsPoor: true, ConfirmedByRegistry: false));
        match.Evidence[H[1]].ConfirmedByRegistry.ShouldBeFalse();
    }

    [Fact]
    [Trait("Rule", "PRA-03")]
    public void In_the_DTSEN_era_a_decile_above_the_maximum_is_a_PRA_only_mismatch_and_the_most_recent_entry_counts()
    {
        var heldOn = new LocalDate(2025, 8, 1);
        var exercise = new ExerciseBuilder().WithHouseholds(H[..3]).HeldOn(heldOn).UnderProfile(ProgramProfiles.KubePermensos2019).Build();
        foreach (var (name, piles) in new[] { ("A", new[] { 3, 1, 2 }), ("B", new[] { 3, 1, 2 }), ("C", new[] { 2, 1, 2 }) })
        {
            exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, name, piles.Max(), piles));
        }
        var result = exercise.Conclude();
        var baseData = new[]
        {
            new HouseholdRegistryView(H[0], new RegistryEntry(RegistrySource.Dtks, 1, new LocalDate(2024, 12, 1))),  // superseded
            new HouseholdRegistryView(H[0], new RegistryEntry(RegistrySource.Dtsen, 7, new LocalDate(2025, 7, 1))),
        };

        var match = result.MatchWithRegistry(baseData);

        result.For(H[0]).IsPoor.ShouldBeTrue();
        match.For(H[0]).Registry!.Source.ShouldBe(RegistrySource.Dtsen);
        match.For(H[0]).Finding.ShouldBe(RegistryFinding.DecileAboveMaximum);
        match.For(H[0]).Class.ShouldBe(RegistryMatchClass.PraOnly);
        match.Decision.Warnings.First().ErrorCode.ShouldBe(WealthRankingErrors.PraOnlyDecileAboveMaximum);
        Should.Throw<ArgumentException>(() => result.MatchWithRegistry(
        [
            new HouseholdRegistryView(H[1], new RegistryEntry(RegistrySource.Dtsen, 2, heldOn)),
            new HouseholdRegistryView(H[1], new RegistryEntry(RegistrySource.Dtsen, 5, heldOn)),
        ]));
    }

    [Fact]
    [Trait("Rule", "PRA-02")]
    public void A_concluded_exercise_takes_no_more_sortings_and_cannot_be_concluded_twice()
    {
        var exercise = Ranked();
        var result = exercise.Conclude();

        Should.Throw<RuleViolationException>(() => exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, "Pak Camat", 4, KetuaRt)))
            .Violation.ErrorCode.ShouldBe(WealthRankingErrors.ExerciseConcluded);
        Should.Throw<RuleViolationException>(() => exercise.Conclude()).Violation.ErrorCode.ShouldBe(WealthRankingErrors.ExerciseConcluded);
        exercise.Result.ShouldBeSameAs(result);
        exercise.Sortings.Count.ShouldBe(3);
    }

    [Fact]
    [Trait("Rule", "PRA-02")]
    public void An_incomplete_sorting_names_every_missing_household_and_the_informant()
    {
        var exercise = WealthRankingExercise.Open(new OpenWealthRankingExercise(ExerciseId.New(), HouseholdPlaces.Dawuhan, HeldOn, H[..4]), ProgramProfiles.Kub);
        var sorting = new InformantSorting("Bu Wati", 2, [new HouseholdPlacement(H[0], 1), new HouseholdPlacement(H[1], 2)]);

        var violations = Should.Throw<RuleViolationException>(() => exercise.SubmitSorting(sorting)).Violations;

        violations.Select(v => v.ErrorCode).ShouldBe([WealthRankingErrors.HouseholdNotSorted, WealthRankingErrors.HouseholdNotSorted]);
        violations[0].Message(CultureInfo.GetCultureInfo("en")).ShouldBe($"Household {H[2]} was not placed by informant Bu Wati; every household must be sorted.");
        exercise.Sortings.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Rule", "PRA-02")]
    public void With_two_piles_the_richest_households_score_50_so_no_one_can_rank_kaya()
    {
        var exercise = new ExerciseBuilder().WithHouseholdCount(4).Build();
        foreach (var name in new[] { "A", "B", "C" })
        {
            exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, name, 2, [1, 1, 2, 2]));
        }

        var result = exercise.Conclude();

        result.Households.Select(h => (h.Score.ToString(), h.Category)).ShouldBe(
            [("50", WealthCategory.Sedang), ("50", WealthCategory.Sedang), ("100", WealthCategory.SangatMiskin), ("100", WealthCategory.SangatMiskin)]);
    }

    [Fact]
    [Trait("Rule", "PRA-01")]
    public void Opening_an_exercise_reports_every_problem_at_once()
    {
        var command = new OpenWealthRankingExercise(default, RegionCode.Parse("35.07.05"), HeldOn, [H[0], H[0]]);

        var violations = Should.Throw<RuleViolationException>(() => WealthRankingExercise.Open(command, ProgramProfiles.Kub)).Violations;
        var failures = new OpenWealthRankingExerciseValidator().Validate(command).Errors;

        violations.Select(v => v.ErrorCode).ShouldBe([WealthRankingErrors.ExerciseIdRequired, WealthRankingErrors.NotADesa, WealthRankingErrors.DuplicateHousehold]);
        failures.Select(f => f.ErrorCode).Distinct().ShouldBe([WealthRankingErrors.ExerciseIdRequired, WealthRankingErrors.NotADesa, WealthRankingErrors.DuplicateHousehold]);
        Should.Throw<RuleViolationException>(() => WealthRankingExercise.Open(command with { Id = ExerciseId.New(), Desa = HouseholdPlaces.Dawuhan, Households = [H[0]] }, ProgramProfiles.Kub))
            .Violation.ErrorCode.ShouldBe(WealthRankingErrors.TooFewHouseholds);
    }

    [Fact]
    [Trait("Rule", "PRA-02")]
    public void An_exercise_opens_with_two_households_refuses_one_and_reports_a_household_listed_three_times_once()
    {
        var two = new OpenWealthRankingExercise(ExerciseId.New(), HouseholdPlaces.Dawuhan, HeldOn, [H[0], H[1]]);

        WealthRankingExercise.Open(two, ProgramProfiles.Kub).Households.ShouldBe([H[0], H[1]]);
        Should.Throw<RuleViolationException>(() => WealthRankingExercise.Open(two with { Households = [H[0]] }, ProgramProfiles.Kub))
            .Violations.Select(v => (v.RuleId, v.ErrorCode)).ShouldBe([(RuleIds.Pra02, WealthRankingErrors.TooFewHouseholds)]);
        var repeated = Should.Throw<RuleViolationException>(() => WealthRankingExercise.Open(two with { Households = [H[0], H[1], H[0], H[0]] }, ProgramProfiles.Kub)).Violations;
        repeated.Select(v => (v.RuleId, v.ErrorCode)).ShouldBe([(RuleIds.Pra02, WealthRankingErrors.DuplicateHousehold)]);
        repeated[0].Arguments["HouseholdId"].ShouldBe(H[0]);
    }

    [Fact]
    [Trait("Rule", "PRA-01")]
    public void Too_few_informants_leave_the_exercise_open_with_the_reason_in_both_languages()
    {
        var exercise = WealthRankingExercise.Open(new OpenWealthRankingExercise(ExerciseId.New(), HouseholdPlaces.Dawuhan, HeldOn, H[..8]), ProgramProfiles.Kub);
        exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, "Pak Sugeng", 4, KepalaDesa));

        var violation = Should.Throw<RuleViolationException>(() => exercise.Conclude()).Violation;

        violation.Message(CultureInfo.GetCultureInfo("id")).ShouldBe("Baru 1 informan yang memeringkat; minimal 3 informan independen diperlukan.");
        violation.Message(CultureInfo.GetCultureInfo("en")).ShouldBe("Only 1 informants have sorted; at least 3 independent informants are needed.");
        exercise.IsConcluded.ShouldBeFalse();
        exercise.CheckReadiness().Checks.Select(c => c.Outcome).ShouldBe([CheckOutcome.Failed, CheckOutcome.Passed]);
    }
}
