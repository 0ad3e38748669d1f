using KubeCore.Common;
using NodaTime;

namespace KubeCore.WealthRanking;

/// <summary>Where one informant put one household card (PRA-02).</summary>
/// <param name="Household">The household.</param>
/// <param name="Pile">The pile, 1 (richest) .. the informant's pile count (poorest).</param>
public readonly record struct HouseholdPlacement(HouseholdId Household, int Pile);

/// <summary>
/// One informant's card sort (PRA-02): the informant puts every household of the exercise into exactly one
/// of their own piles. Piles are numbered from the richest, <c>1</c>, to the poorest, <see cref="PileCount"/>;
/// every pile holds at least one household (an informant makes a pile only for the households it holds).
/// </summary>
/// <remarks>
/// An input value. <see cref="InformantSortingValidator"/> checks its shape; the exercise
/// (<see cref="WealthRankingExercise.SubmitSorting"/>) also checks it against its households and informants.
/// </remarks>
/// <param name="Informant">The informant's name, e.g. a tokoh masyarakat or pamong desa. Informants are
/// distinct when their names differ after trimming, ignoring case.</param>
/// <param name="PileCount">How many piles the informant made, at least 2.</param>
/// <param name="Placements">One placement per household.</param>
public sealed record InformantSorting(string Informant, int PileCount, IReadOnlyList<HouseholdPlacement> Placements);

/// <summary>The input that opens a wealth-ranking exercise in a desa (PRA-01, PRA-02).</summary>
/// <remarks>Check it with <see cref="OpenWealthRankingExerciseValidator"/>; <see cref="WealthRankingExercise.Open"/> applies the same rules.</remarks>
/// <param name="Id">The exercise's id.</param>
/// <param name="Desa">The desa/kelurahan the exercise ranks (village-level code).</param>
/// <param name="HeldOn">The date of the exercise; registry entries are judged as of this date (PRA-03).</param>
/// <param name="Households">The households to rank (from the social map), each once, at least 2.</param>
public sealed record OpenWealthRankingExercise(ExerciseId Id, RegionCode Desa, LocalDate HeldOn, IReadOnlyList<HouseholdId> Households);
