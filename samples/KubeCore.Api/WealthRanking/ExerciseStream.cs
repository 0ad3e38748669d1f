using KubeCore.Api.Commands;
using KubeCore.Api.Mapping;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Api.WealthRanking;

/// <summary>Opening of a wealth-ranking exercise: the first command of an exercise stream.</summary>
public sealed record OpenExerciseCommand(ExerciseId Id, string ProfileId, RegionCode Desa, LocalDate HeldOn, IReadOnlyList<HouseholdId> Households);

/// <summary>One informant's card sort (PRA-02).</summary>
public sealed record SubmitSortingCommand(string Informant, int PileCount, IReadOnlyList<HouseholdPlacement> Placements);

/// <summary>The conclusion, with the registry base data it was matched against (PRA-03), as it was then.</summary>
public sealed record ConcludeExerciseCommand(IReadOnlyList<RegistryViewData> BaseData);

/// <summary>A household's registry entry in the base data.</summary>
public sealed record RegistryViewData(HouseholdId HouseholdId, RegistryData Registry);

/// <summary>An exercise and, once concluded, its match with the registry.</summary>
public sealed class ExerciseState(WealthRankingExercise exercise)
{
    /// <summary>The exercise.</summary>
    public WealthRankingExercise Exercise { get; } = exercise;

    /// <summary>The registry match, once concluded.</summary>
    public RegistryMatch? Match { get; set; }
}

/// <summary>A wealth-ranking exercise (PRA-01..03), rebuilt by replaying its commands through the library.</summary>
public sealed class ExerciseStream : StreamType<ExerciseState>
{
    /// <summary>The one instance.</summary>
    public static ExerciseStream Instance { get; } = new();

    private ExerciseStream()
    {
        Command<OpenExerciseCommand>("open");
        Command<SubmitSortingCommand>("submit-sorting");
        Command<ConcludeExerciseCommand>("conclude");
    }

    /// <inheritdoc />
    public override string Name => "wealth-ranking";

    /// <inheritdoc />
    public override ExerciseState Start(object command)
    {
        var c = (OpenExerciseCommand)command;
        return new ExerciseState(WealthRankingExercise.Open(new OpenWealthRankingExercise(c.Id, c.Desa, c.HeldOn, c.Households), ProgramProfiles.All.Single(p => p.Id == c.ProfileId)));
    }

    /// <inheritdoc />
    public override object Apply(ExerciseState state, object command, ApplyMode mode)
    {
        switch (command)
        {
            case SubmitSortingCommand c:
                state.Exercise.SubmitSorting(new InformantSorting(c.Informant, c.PileCount, c.Placements));
                break;
            case ConcludeExerciseCommand c:
                var result = state.Exercise.Conclude();
                state.Match = result.MatchWithRegistry(c.BaseData.Select(b => new HouseholdRegistryView(b.HouseholdId,
                    new RegistryEntry(b.Registry.Source, b.Registry.Decile, b.Registry.RankedOn))).ToList());
                break;
            default:
                throw new ArgumentException($"{command.GetType().Name} is not an exercise command.", nameof(command));
        }
        return command;
    }

    /// <inheritdoc />
    public override object Summary(ExerciseState state) =>
        new ExerciseSummary(state.Exercise.Desa.ToString(), state.Exercise.HeldOn, state.Exercise.Households.Count, state.Exercise.Sortings.Count, state.Exercise.IsConcluded);
}

/// <summary>What an exercise listing shows.</summary>
public sealed record ExerciseSummary(string Desa, LocalDate HeldOn, int Households, int Sortings, bool Concluded);
