using System.Text.Json.Serialization;
using KubeCore.Common;
using NodaTime;

namespace KubeCore.WealthRanking;

/// <summary>
/// The stored state of a <see cref="WealthRankingExercise"/> (issue #13): a storage contract of plain data, read back
/// by <see cref="WealthRankingExercise.Restore(WealthRankingExerciseState, Rules.ProfileResolver)"/>. A concluded
/// exercise stores no result: the result is computed again from the sortings under the same profile version.
/// </summary>
/// <param name="Format">The state's format version (<see cref="CurrentFormat"/>).</param>
/// <param name="Id">The exercise's id.</param>
/// <param name="Desa">The desa ranked.</param>
/// <param name="HeldOn">The date of the exercise.</param>
/// <param name="ProfileId">The profile (<c>Code@Version</c>) whose PRA parameters apply.</param>
/// <param name="Households">The households, in the order given at opening.</param>
/// <param name="Sortings">The sortings, in submission order.</param>
/// <param name="Concluded">True once concluded.</param>
public sealed record WealthRankingExerciseState(
    int Format,
    ExerciseId Id,
    RegionCode Desa,
    LocalDate HeldOn,
    string ProfileId,
    IReadOnlyList<HouseholdId> Households,
    IReadOnlyList<InformantSortingState> Sortings,
    bool Concluded)
{
    /// <summary>The format this version of KubeCore writes and reads.</summary>
    public const int CurrentFormat = 1;
}

/// <summary>One stored sorting: the informant (trimmed, spaces collapsed), their pile count and each household's pile.</summary>
/// <param name="Informant">The informant's name as stored.</param>
/// <param name="PileCount">How many piles the informant made.</param>
/// <param name="Piles">The pile of each household, in the exercise's household order, each 1..<paramref name="PileCount"/>.</param>
public sealed record InformantSortingState(string Informant, int PileCount, IReadOnlyList<int> Piles);

/// <summary>
/// A change to a <see cref="WealthRankingExercise"/> after its rules passed (<see cref="WealthRankingExercise.TakeChanges"/>).
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(WealthRankingSortingSubmitted), "sorting-submitted")]
[JsonDerivedType(typeof(WealthRankingConcluded), "concluded")]
public abstract record WealthRankingFact;

/// <summary>An informant's sorting was recorded (PRA-01, PRA-02).</summary>
/// <param name="Sorting">The sorting as stored.</param>
public sealed record WealthRankingSortingSubmitted(InformantSortingState Sorting) : WealthRankingFact;

/// <summary>The exercise was concluded (its result follows from the sortings and the profile).</summary>
public sealed record WealthRankingConcluded : WealthRankingFact;
