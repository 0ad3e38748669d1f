using KubeCore.WealthRanking;

namespace KubeCore.Api.WealthRanking;

/// <summary>An exercise and, once concluded, the registry base data it was matched against and the match.</summary>
public sealed class ExerciseState(WealthRankingExercise exercise)
{
    /// <summary>The exercise.</summary>
    public WealthRankingExercise Exercise { get; } = exercise;

    /// <summary>The registry base data of the conclusion, as it was then.</summary>
    public IReadOnlyList<HouseholdRegistryView>? BaseData { get; private set; }

    /// <summary>The registry match, once concluded.</summary>
    public RegistryMatch? Match { get; private set; }

    /// <summary>Matches the concluded exercise with the registry base data (PRA-03).</summary>
    public void MatchWith(IReadOnlyList<HouseholdRegistryView> baseData)
    {
        BaseData = baseData;
        Match = Exercise.Result!.MatchWithRegistry(baseData);
    }
}

/// <summary>A wealth-ranking exercise as stored: parts <c>exercise</c> (<see cref="WealthRankingExerciseState"/>) and, once concluded, <c>base-data</c>.</summary>
public sealed class ExerciseType : StateType<ExerciseState>
{
    /// <summary>The one instance.</summary>
    public static ExerciseType Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "wealth-ranking";

    /// <inheritdoc />
    public override ExerciseState Restore(Guid id, IReadOnlyDictionary<string, string> parts, IReadOnlyList<LedgerEntryRow> ledger)
    {
        var state = new ExerciseState(WealthRankingExercise.Restore(
            Part<WealthRankingExerciseState>(parts, "exercise") ?? throw StateRestoreException.Broken("WealthRankingExercise", "exercise", "the part is missing"), ProgramProfiles.Resolve));
        if (state.Exercise.IsConcluded && Part<List<HouseholdRegistryView>>(parts, "base-data") is { } baseData)
        {
            state.MatchWith(baseData);
        }
        return state;
    }

    /// <inheritdoc />
    public override IEnumerable<(string Part, object State)> TakeChanges(ExerciseState state)
    {
        _ = state.Exercise.TakeChanges();
        yield return ("exercise", state.Exercise.ToState());
        if (state.BaseData is { } baseData)
        {
            yield return ("base-data", baseData);
        }
    }

    /// <inheritdoc />
    public override object Summary(ExerciseState state) =>
        new ExerciseSummary(state.Exercise.Desa.ToString(), state.Exercise.HeldOn, state.Exercise.Households.Count, state.Exercise.Sortings.Count, state.Exercise.IsConcluded);
}

/// <summary>What an exercise listing shows.</summary>
public sealed record ExerciseSummary(string Desa, LocalDate HeldOn, int Households, int Sortings, bool Concluded);
