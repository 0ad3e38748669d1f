using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Tests.Support;
using KubeCore.WealthRanking;
using NodaTime;
using static KubeCore.Tests.State.StateScript;

namespace KubeCore.Tests.State;

[Trait("Category", "State")]
public class WealthRankingStateTests
{
    private const int HouseholdCount = 5;
    private static readonly LocalDate HeldOn = new(2018, 11, 20);
    private static readonly RegionCode Desa = RegionCode.Parse("62.71.03.1005");
    private static readonly string[] Informants = ["Pak Budi", " pak  budi ", "Bu Sri", "Pak Lurah", "Ibu Aminah", " "];

    private static WealthRankingExercise Opened() =>
        WealthRankingExercise.Open(new OpenWealthRankingExercise(new ExerciseId(G(0, 5)), Desa, HeldOn,
            Enumerable.Range(0, HouseholdCount).Select(i => new HouseholdId(G(i, 6))).ToArray()), ProgramProfiles.Kub);

    // A sorting by one of a few informants (some the same person, one blank) into 1..4 piles, sometimes leaving a household
    // out or a pile empty; or concluding.
    private static string Step(WealthRankingExercise exercise, int[] s)
    {
        if (s[0] % 4 == 3)
        {
            return string.Join(",", exercise.Conclude().Households.Select(h => $"{h.Score}:{h.Category}"));
        }
        var pileCount = s[2] % 4 + 1;
        var placements = exercise.Households.Select((h, i) => new HouseholdPlacement(h, (s[3] + i * (s[4] % 3 + 1)) % pileCount + 1)).ToList();
        if (s[5] % 6 == 0)
        {
            placements.RemoveAt(s[5] % HouseholdCount);
        }
        exercise.SubmitSorting(new InformantSorting(Informants[s[1] % Informants.Length], pileCount, placements));
        return exercise.Sortings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(OperationScriptArbitraries)])]
    public bool A_wealth_ranking_saved_and_restored_at_any_step_decides_every_later_operation_as_the_uninterrupted_one(OperationScript script) =>
        SaveAndRestoreChangeNothing(script, Opened, Step, e => e.ToState(), state => WealthRankingExercise.Restore(state, ProgramProfiles.Resolve));

    [Property(MaxTest = 100, Arbitrary = [typeof(OperationScriptArbitraries)])]
    public bool A_wealth_ranking_state_and_the_changes_taken_after_it_restore_the_live_exercise(OperationScript script) =>
        StateAndChangesRestoreTheLiveAggregate(script, Opened, Step, e => e.ToState(), e => e.TakeChanges(),
            (state, changes) => WealthRankingExercise.Restore(state, changes, ProgramProfiles.Resolve));

    private static WealthRankingExerciseState Sorted()
    {
        var exercise = Opened();
        foreach (var informant in new[] { "Pak Budi", "Bu Sri", "Pak Lurah" })
        {
            exercise.SubmitSorting(new InformantSorting(informant, 2, exercise.Households.Select((h, i) => new HouseholdPlacement(h, i % 2 + 1)).ToArray()));
        }
        return exercise.ToState();
    }

    public static TheoryData<string, string> BrokenExercises() => new()
    {
        { "household twice", "Households[1]" },
        { "informant twice", "Sortings[1].Informant" },
        { "pile out of range", "Sortings[0].Piles[2]" },
        { "household left out", "Sortings[2].Piles" },
        { "one pile", "Sortings[0].PileCount" },
        { "concluded without sortings", "Concluded" },
    };

    [Theory]
    [MemberData(nameof(BrokenExercises))]
    public void A_structurally_broken_wealth_ranking_state_is_refused_naming_the_broken_part(string defect, string part)
    {
        var state = Sorted();
        var s = state.Sortings;
        var broken = defect switch
        {
            "household twice" => state with { Households = [state.Households[0], state.Households[0], .. state.Households.Skip(2)] },
            "informant twice" => state with { Sortings = [s[0], s[1] with { Informant = "PAK BUDI" }, s[2]] },
            "pile out of range" => state with { Sortings = [s[0] with { Piles = [1, 2, 3, 1, 2] }, s[1], s[2]] },
            "household left out" => state with { Sortings = [s[0], s[1], s[2] with { Piles = [1, 2, 1, 2] }] },
            "one pile" => state with { Sortings = [s[0] with { PileCount = 1, Piles = [1, 1, 1, 1, 1] }, s[1], s[2]] },
            _ => state with { Sortings = [], Concluded = true },
        };
        var ex = Should.Throw<StateRestoreException>(() => WealthRankingExercise.Restore(StateJson.RoundTrip(broken), ProgramProfiles.Resolve));
        ex.ErrorCode.ShouldBe(StateErrors.Broken);
        ex.Part.ShouldBe(part);
    }

    [Fact]
    public void A_wealth_ranking_state_in_an_unknown_format_or_naming_an_unknown_profile_is_refused()
    {
        var state = Sorted();
        Should.Throw<StateRestoreException>(() => WealthRankingExercise.Restore(state with { Format = 7 }, ProgramProfiles.Resolve)).ErrorCode.ShouldBe(StateErrors.FormatUnsupported);
        Should.Throw<StateRestoreException>(() => WealthRankingExercise.Restore(state with { ProfileId = "Kub@99" }, ProgramProfiles.Resolve)).ErrorCode.ShouldBe(StateErrors.ProfileUnknown);
    }

    [Fact]
    public void A_concluded_wealth_ranking_that_todays_rules_would_refuse_still_restores_with_its_result()
    {
        // Concluded with two informants (PRA-01 asks three today), one of them with an empty pile (PRA-02 refuses it today).
        var state = Sorted() is var sorted ? sorted with { Sortings = [sorted.Sortings[0], sorted.Sortings[1] with { PileCount = 3, Piles = [1, 1, 3, 3, 1] }], Concluded = true } : null!;
        var exercise = WealthRankingExercise.Restore(StateJson.RoundTrip(state), ProgramProfiles.Resolve);
        exercise.IsConcluded.ShouldBeTrue();
        exercise.Result!.InformantCount.ShouldBe(2);
        exercise.Result.Decision.IsApproved.ShouldBeFalse();
        exercise.Result.Households.Count.ShouldBe(HouseholdCount);
    }
}
