using System.Collections.ObjectModel;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.WealthRanking;

/// <summary>
/// A PRA wealth-ranking exercise in one desa (pemeringkatan kesejahteraan; PRA-01, PRA-02): the households
/// of the social map are written on cards, and each of at least <c>WealthRanking.MinInformants</c>
/// independent informants sorts every card into their own piles, from the richest (pile 1) to the poorest.
/// Concluding the exercise scores each household and places it in a band (<see cref="WealthRankingResult"/>),
/// which is then matched against the registry base data (PRA-03, seed 000 step 4b).
/// </summary>
/// <remarks>
/// <para>Lifecycle: open (sortings are submitted) → concluded (final; no more sortings). Behaviour methods
/// check everything first and throw a <see cref="RuleViolationException"/> carrying every violation,
/// leaving the exercise unchanged.</para>
/// <para>Informants are independent when distinct: names are compared after trimming and collapsing
/// spaces, ignoring case ("Pak Budi" and " pak  budi " are the same informant).</para>
/// <para>The profile is fixed at opening: its minimum informants, household warning threshold and score
/// bands apply to the whole exercise.</para>
/// </remarks>
public sealed class WealthRankingExercise
{
    private readonly HouseholdId[] _households;
    private readonly Dictionary<HouseholdId, int> _indexOf;
    private readonly List<Sorting> _sortings = [];
    private readonly List<WealthRankingFact> _changes = [];

    private WealthRankingExercise(ExerciseId id, RegionCode desa, LocalDate heldOn, ProgramProfile profile, HouseholdId[] households)
    {
        Id = id;
        Desa = desa;
        HeldOn = heldOn;
        Profile = profile;
        _households = households;
        _indexOf = new Dictionary<HouseholdId, int>(households.Length);
        for (var i = 0; i < households.Length; i++)
        {
            _indexOf.Add(households[i], i);
        }
        Households = Array.AsReadOnly(households);
    }

    /// <summary>The exercise's id.</summary>
    public ExerciseId Id { get; }

    /// <summary>The desa/kelurahan whose households are ranked (village-level code).</summary>
    public RegionCode Desa { get; }

    /// <summary>The date of the exercise.</summary>
    public LocalDate HeldOn { get; }

    /// <summary>The profile whose PRA parameters apply.</summary>
    public ProgramProfile Profile { get; }

    /// <summary>The households to rank, in the order given at opening.</summary>
    public IReadOnlyList<HouseholdId> Households { get; }

    /// <summary>
    /// The sortings submitted so far, in submission order: each with its informant's name trimmed and its
    /// placements in the order of <see cref="Households"/>.
    /// </summary>
    public IReadOnlyList<InformantSorting> Sortings => _sortings.Select(s => s.Submitted).ToList().AsReadOnly();

    /// <summary>True once <see cref="Conclude"/> succeeded; the exercise then takes no more sortings.</summary>
    public bool IsConcluded => Result is not null;

    /// <summary>The result, once concluded; otherwise null.</summary>
    public WealthRankingResult? Result { get; private set; }

    /// <summary>Opens an exercise.</summary>
    /// <param name="command">The id, desa, date and households (validate it with <see cref="OpenWealthRankingExerciseValidator"/>).</param>
    /// <param name="profile">The profile whose PRA parameters apply.</param>
    /// <exception cref="ArgumentNullException">An argument or the household list is null.</exception>
    /// <exception cref="RuleViolationException">
    /// Every violation of: <see cref="WealthRankingErrors.ExerciseIdRequired"/>, <see cref="WealthRankingErrors.NotADesa"/> (PRA-01);
    /// <see cref="WealthRankingErrors.TooFewHouseholds"/>, <see cref="WealthRankingErrors.HouseholdIdRequired"/>,
    /// <see cref="WealthRankingErrors.DuplicateHousehold"/> (PRA-02).
    /// </exception>
    public static WealthRankingExercise Open(OpenWealthRankingExercise command, ProgramProfile profile)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(command.Households, nameof(command.Households));
        var violations = new List<RuleViolation>();
        if (command.Id.Value == Guid.Empty)
        {
            violations.Add(RuleViolation.Of(RuleIds.Pra01, WealthRankingErrors.ExerciseIdRequired));
        }
        if (command.Desa.Level != RegionLevel.Village)
        {
            violations.Add(RuleViolation.Of(RuleIds.Pra01, WealthRankingErrors.NotADesa, ("Region", command.Desa)));
        }
        if (command.Households.Count < 2)
        {
            violations.Add(RuleViolation.Of(RuleIds.Pra02, WealthRankingErrors.TooFewHouseholds, ("Households", command.Households.Count)));
        }
        var seen = new HashSet<HouseholdId>();
        var reported = new HashSet<HouseholdId>();
        var missingId = false;
        foreach (var household in command.Households)
        {
            if (household.Value == Guid.Empty)
            {
                if (!missingId)
                {
                    violations.Add(HouseholdIdMissing());
                    missingId = true;
                }
            }
            else if (!seen.Add(household) && reported.Add(household))
            {
                violations.Add(RuleViolation.Of(RuleIds.Pra02, WealthRankingErrors.DuplicateHousehold, ("HouseholdId", household)));
            }
        }
        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }
        return new WealthRankingExercise(command.Id, command.Desa, command.HeldOn, profile, [.. command.Households]);
    }

    // PRA-02: a household of the list has no id (reported once per list).
    private static RuleViolation HouseholdIdMissing() => RuleViolation.Of(RuleIds.Pra02, WealthRankingErrors.HouseholdIdRequired);

    /// <summary>
    /// Records one informant's sorting. The sorting must place every household of the exercise exactly once
    /// in a pile 1..<see cref="InformantSorting.PileCount"/> (at least 2 piles, none empty), and come from an
    /// informant who has not sorted yet.
    /// </summary>
    /// <exception cref="ArgumentNullException">The sorting or its placements are null.</exception>
    /// <exception cref="RuleViolationException">
    /// <see cref="WealthRankingErrors.ExerciseConcluded"/> alone when concluded; otherwise every violation of:
    /// <see cref="WealthRankingErrors.InformantRequired"/>, <see cref="WealthRankingErrors.DuplicateInformant"/> (PRA-01);
    /// <see cref="WealthRankingErrors.TooFewPiles"/>, <see cref="WealthRankingErrors.HouseholdIdRequired"/>,
    /// <see cref="WealthRankingErrors.UnknownHousehold"/>, <see cref="WealthRankingErrors.PileOutOfRange"/>,
    /// <see cref="WealthRankingErrors.HouseholdSortedTwice"/>, <see cref="WealthRankingErrors.HouseholdNotSorted"/> (each missing household),
    /// <see cref="WealthRankingErrors.EmptyPile"/> (the first empty pile) (PRA-02). The exercise is unchanged.
    /// </exception>
    public void SubmitSorting(InformantSorting sorting)
    {
        ArgumentNullException.ThrowIfNull(sorting);
        ArgumentNullException.ThrowIfNull(sorting.Placements, nameof(sorting.Placements));
        ThrowIfConcluded();
        var violations = new List<RuleViolation>();
        var informant = NormalizeInformant(sorting.Informant);
        if (ReadableName.IsBlank(informant))
        {
            violations.Add(RuleViolation.Of(RuleIds.Pra01, WealthRankingErrors.InformantRequired));
        }
        else if (_sortings.Any(s => string.Equals(s.Key, informant, StringComparison.OrdinalIgnoreCase)))
        {
            violations.Add(RuleViolation.Of(RuleIds.Pra01, WealthRankingErrors.DuplicateInformant, ("Informant", informant)));
        }
        if (sorting.PileCount < 2)
        {
            violations.Add(RuleViolation.Of(RuleIds.Pra02, WealthRankingErrors.TooFewPiles, ("PileCount", sorting.PileCount)));
        }
        var piles = new int[_households.Length];
        var placed = new bool[_households.Length];
        var twice = new HashSet<HouseholdId>();
        var missingId = false;
        foreach (var placement in sorting.Placements)
        {
            if (placement.Household.Value == Guid.Empty)
            {
                if (!missingId)
                {
                    violations.Add(HouseholdIdMissing());
                    missingId = true;
                }
                continue;
            }
            if (placement.Pile < 1 || placement.Pile > sorting.PileCount)
            {
                violations.Add(RuleViolation.Of(RuleIds.Pra02, WealthRankingErrors.PileOutOfRange, ("HouseholdId", placement.Household), ("Pile", placement.Pile), ("PileCount", sorting.PileCount)));
            }
            if (!_indexOf.TryGetValue(placement.Household, out var index))
            {
                violations.Add(RuleViolation.Of(RuleIds.Pra02, WealthRankingErrors.UnknownHousehold, ("HouseholdId", placement.Household)));
            }
            else if (placed[index])
            {
                if (twice.Add(placement.Household))
                {
                    violations.Add(RuleViolation.Of(RuleIds.Pra02, WealthRankingErrors.HouseholdSortedTwice, ("HouseholdId", placement.Household)));
                }
            }
            else
            {
                placed[index] = true;
                piles[index] = placement.Pile;
            }
        }
        for (var i = 0; i < piles.Length; i++)
        {
            if (!placed[i])
            {
                violations.Add(RuleViolation.Of(RuleIds.Pra02, WealthRankingErrors.HouseholdNotSorted, ("HouseholdId", _households[i]), ("Informant", informant)));
            }
        }
        if (sorting.PileCount >= 2 && FirstEmptyPile(sorting.PileCount, sorting.Placements) is { } empty)
        {
            violations.Add(RuleViolation.Of(RuleIds.Pra02, WealthRankingErrors.EmptyPile, ("Pile", empty), ("PileCount", sorting.PileCount)));
        }
        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }
        Record(new WealthRankingSortingSubmitted(new InformantSortingState(informant, sorting.PileCount, piles)));
    }

    /// <summary>
    /// Whether the exercise may be concluded now, with its explanation: PRA-01 fails when fewer than
    /// <c>WealthRanking.MinInformants</c> informants have sorted, and warns (never fails) when there are more
    /// than <c>WealthRanking.WarnAboveHouseholds</c> households; PRA-02 records the bands and each informant's
    /// pile count (not applicable before the first sorting).
    /// </summary>
    public Decision CheckReadiness()
    {
        var p = Profile.WealthRanking;
        var builder = new DecisionBuilder("PRA wealth ranking", Profile, HeldOn)
            .Check(
                RuleIds.Pra01,
                _sortings.Count >= p.MinInformants,
                () => RuleViolation.Of(RuleIds.Pra01, WealthRankingErrors.TooFewInformants, ("Informants", _sortings.Count), ("Required", p.MinInformants)),
                ("WealthRanking.MinInformants", p.MinInformants),
                ("Informants", _sortings.Count),
                ("WealthRanking.WarnAboveHouseholds", p.WarnAboveHouseholds),
                ("Households", _households.Length));
        if (_households.Length > p.WarnAboveHouseholds)
        {
            builder.Warn(
                RuleViolation.Of(RuleIds.Pra01, WealthRankingErrors.TooManyHouseholds, ("Households", _households.Length), ("Limit", p.WarnAboveHouseholds)),
                ("WealthRanking.WarnAboveHouseholds", p.WarnAboveHouseholds),
                ("Households", _households.Length));
        }
        var bands = ("WealthRanking.Bands", (object?)string.Join(", ", p.Bands.Select(b => $"{b.Category}≤{b.MaxScore}{(b.IsPoor ? " (poor)" : string.Empty)}")));
        if (_sortings.Count == 0)
        {
            builder.NotApplicable(RuleIds.Pra02, bands);
        }
        else
        {
            builder.Check(RuleIds.Pra02, violation: null, bands, ("PileCounts", string.Join(", ", _sortings.Select(s => $"{s.Key}: {s.Submitted.PileCount}"))));
        }
        return builder.Build();
    }

    /// <summary>
    /// Concludes the exercise: scores every household as the exact mean over informants of
    /// <c>100 × pile / pile count</c> (<see cref="WealthScore"/>) and places it in the first band of
    /// <c>WealthRanking.Bands</c> whose upper score it does not exceed. The exercise then takes no more sortings.
    /// </summary>
    /// <returns>The result, also kept in <see cref="Result"/>.</returns>
    /// <exception cref="RuleViolationException">
    /// <see cref="WealthRankingErrors.ExerciseConcluded"/> when already concluded, or
    /// <see cref="WealthRankingErrors.TooFewInformants"/> (PRA-01). The exercise is unchanged.
    /// </exception>
    public WealthRankingResult Conclude()
    {
        ThrowIfConcluded();
        CheckReadiness().ThrowIfRejected();
        Record(new WealthRankingConcluded());
        return Result!;
    }

    /// <summary>
    /// Restores an exercise from its stored state (issue #13), checking structure only: the format, the id, the profile,
    /// distinct households, and sortings that each place every household in one of the informant's piles (at least two,
    /// which a score needs), from distinct informants; a concluded exercise has at least one sorting. PRA-01's minimum of
    /// informants, PRA-02's minimum of households and its empty-pile check are not re-run: an exercise stored under older rules loads (a concluded one gets its result
    /// back, computed from the sortings under its own profile version).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state is broken, in another format, or names an unknown profile.</exception>
    public static WealthRankingExercise Restore(WealthRankingExerciseState state, ProfileResolver profiles) => Restore(state, [], profiles);

    /// <summary>Restores an exercise from a stored state and the changes taken after it (<see cref="TakeChanges"/>), in order, with structural checks only.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state or a change (<c>Changes[i]</c>) is broken, or the profile is unknown.</exception>
    public static WealthRankingExercise Restore(WealthRankingExerciseState state, IEnumerable<WealthRankingFact> changes, ProfileResolver profiles)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(profiles);
        StateRestoreException.CheckFormat(Aggregate, state.Format, WealthRankingExerciseState.CurrentFormat);
        StateRestoreException.Check(state.Id.Value != Guid.Empty, Aggregate, "Id", "the exercise id is empty");
        StateRestoreException.Check(state.Households is not null, Aggregate, "Households", "the households are missing");
        StateRestoreException.Check(state.Sortings is not null, Aggregate, "Sortings", "the sortings are missing");
        var profile = StateRestoreException.Resolve(profiles, Aggregate, state.ProfileId);
        var seen = new HashSet<HouseholdId>();
        for (var i = 0; i < state.Households!.Count; i++)
        {
            StateRestoreException.Check(state.Households[i].Value != Guid.Empty, Aggregate, $"Households[{i}]", "the household id is empty");
            StateRestoreException.Check(seen.Add(state.Households[i]), Aggregate, $"Households[{i}]", $"household {state.Households[i]} is listed twice");
        }
        var exercise = new WealthRankingExercise(state.Id, state.Desa, state.HeldOn, profile, [.. state.Households]);
        for (var i = 0; i < state.Sortings!.Count; i++)
        {
            exercise.ApplyStored(new WealthRankingSortingSubmitted(state.Sortings[i]), $"Sortings[{i}]", $"Sortings[{i}].");
        }
        if (state.Concluded)
        {
            exercise.ApplyStored(new WealthRankingConcluded(), "Concluded", string.Empty);
        }
        var c = 0;
        foreach (var change in changes)
        {
            var part = $"Changes[{c++}]";
            exercise.ApplyStored(change, part, part + ".Sorting.");
        }
        return exercise;
    }

    /// <summary>The exercise's state, to store (issue #13): plain data that <see cref="Restore(WealthRankingExerciseState, ProfileResolver)"/> reads back.</summary>
    public WealthRankingExerciseState ToState() =>
        new(WealthRankingExerciseState.CurrentFormat, Id, Desa, HeldOn, Profile.Id, [.. _households],
            _sortings.Select(s => new InformantSortingState(s.Key, s.Submitted.PileCount, [.. s.Piles])).ToArray(), IsConcluded);

    /// <summary>
    /// The changes since the exercise was opened or restored, or since the last call, in order; taking them clears them.
    /// Store them with a state to restore this exercise.
    /// </summary>
    public IReadOnlyList<WealthRankingFact> TakeChanges()
    {
        var taken = _changes.ToArray();
        _changes.Clear();
        return taken;
    }

    private const string Aggregate = nameof(WealthRankingExercise);

    // Live operations: the rules passed; the fact is the change.
    private void Record(WealthRankingFact change)
    {
        Apply(change);
        _changes.Add(change);
    }

    // A stored change: structure checked, then applied, not recorded as new.
    private void ApplyStored(WealthRankingFact? change, string part, string prefix)
    {
        StateRestoreException.Check(change is not null, Aggregate, part, "the change is missing");
        switch (change)
        {
            case WealthRankingSortingSubmitted f:
                StateRestoreException.Check(!IsConcluded, Aggregate, part, "a sorting after the conclusion");
                var s = f.Sorting;
                StateRestoreException.Check(s is not null, Aggregate, part, "the sorting is missing");
                var informant = NormalizeInformant(s!.Informant);
                StateRestoreException.Check(informant.Length > 0, Aggregate, prefix + "Informant", "the informant is blank");
                StateRestoreException.Check(!_sortings.Any(o => string.Equals(o.Key, informant, StringComparison.OrdinalIgnoreCase)), Aggregate, prefix + "Informant",
                    $"informant {informant} sorted twice");
                // The score (WealthScore) is defined for two piles or more.
                StateRestoreException.Check(s.PileCount >= 2, Aggregate, prefix + "PileCount", "a score needs at least two piles");
                StateRestoreException.Check(s.Piles is not null && s.Piles.Count == _households.Length, Aggregate, prefix + "Piles",
                    $"{s.Piles?.Count ?? 0} piles for {_households.Length} households (one per household, in the exercise's order)");
                for (var i = 0; i < s.Piles!.Count; i++)
                {
                    StateRestoreException.Check(s.Piles[i] >= 1 && s.Piles[i] <= s.PileCount, Aggregate, $"{prefix}Piles[{i}]", $"pile {s.Piles[i]} is not in 1..{s.PileCount}");
                }
                break;
            case WealthRankingConcluded:
                StateRestoreException.Check(!IsConcluded, Aggregate, part, "concluded twice");
                StateRestoreException.Check(_sortings.Count > 0, Aggregate, part, "concluded without a sorting");
                break;
            default:
                throw StateRestoreException.Broken(Aggregate, part, $"unknown change {change!.GetType().Name}");
        }
        Apply(change);
    }

    // The one path that changes an exercise, live and on restore.
    private void Apply(WealthRankingFact change)
    {
        switch (change)
        {
            case WealthRankingSortingSubmitted f:
                var piles = f.Sorting.Piles.ToArray();
                var placements = new HouseholdPlacement[_households.Length];
                for (var i = 0; i < placements.Length; i++)
                {
                    placements[i] = new HouseholdPlacement(_households[i], piles[i]);
                }
                _sortings.Add(new Sorting(f.Sorting.Informant, piles, new InformantSorting(f.Sorting.Informant, f.Sorting.PileCount, Array.AsReadOnly(placements))));
                break;
            case WealthRankingConcluded:
                Result = ComputeResult(CheckReadiness());
                break;
            default:
                throw new ArgumentException($"Unknown change {change.GetType().Name}.", nameof(change));
        }
    }

    private WealthRankingResult ComputeResult(Decision decision)
    {
        var bands = Profile.WealthRanking.Bands;
        var counts = _sortings.Select(s => s.Submitted.PileCount).ToArray();
        var piles = new int[_sortings.Count];
        var ranks = new HouseholdWealthRank[_households.Length];
        for (var h = 0; h < _households.Length; h++)
        {
            for (var i = 0; i < _sortings.Count; i++)
            {
                piles[i] = _sortings[i].Piles[h];
            }
            var score = WealthScore.Mean(piles, counts);
            var band = bands.First(b => score.IsAtMost(b.MaxScore));
            ranks[h] = new HouseholdWealthRank(_households[h], score, band.Category, band.IsPoor);
        }
        return new WealthRankingResult(Id, Desa, HeldOn, Profile, _sortings.Count, Array.AsReadOnly(ranks), decision);
    }

    /// <summary>The lowest pile 1..<paramref name="pileCount"/> that no placement uses, or null when every pile is used.</summary>
    internal static int? FirstEmptyPile(int pileCount, IReadOnlyList<HouseholdPlacement> placements)
    {
        var used = new SortedSet<int>(placements.Select(p => p.Pile).Where(p => p >= 1 && p <= pileCount));
        var expected = 1;
        foreach (var pile in used)
        {
            if (pile != expected)
            {
                return expected;
            }
            expected++;
        }
        return expected <= pileCount ? expected : null;
    }

    /// <summary>The id, desa, date and progress.</summary>
    public override string ToString() =>
        $"Wealth ranking {Id} in {Desa} on {HeldOn:uuuu-MM-dd}: {_households.Length} households, {_sortings.Count} informants{(IsConcluded ? ", concluded" : string.Empty)}";

    private void ThrowIfConcluded()
    {
        if (IsConcluded)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Pra02, WealthRankingErrors.ExerciseConcluded, ("ExerciseId", Id)));
        }
    }

    private static string NormalizeInformant(string? name) =>
        name is null ? string.Empty : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record Sorting(string Key, int[] Piles, InformantSorting Submitted);
}

/// <summary>One household's outcome in a concluded wealth ranking (PRA-02).</summary>
public sealed class HouseholdWealthRank
{
    internal HouseholdWealthRank(HouseholdId household, WealthScore score, WealthCategory category, bool isPoor)
    {
        Household = household;
        Score = score;
        Category = category;
        IsPoor = isPoor;
    }

    /// <summary>The household.</summary>
    public HouseholdId Household { get; }

    /// <summary>The exact score, in (0, 100]; higher is poorer.</summary>
    public WealthScore Score { get; }

    /// <summary>The band's category.</summary>
    public WealthCategory Category { get; }

    /// <summary>True when the band counts as poor (default: miskin and sangat miskin, seed 000's "miskin dan lebih miskin").</summary>
    public bool IsPoor { get; }

    /// <summary>For example <c>3f2a… 66,67 Miskin (poor)</c>.</summary>
    public override string ToString() => $"{Household} {Score} {Category}{(IsPoor ? " (poor)" : string.Empty)}";
}

/// <summary>
/// The result of a concluded wealth-ranking exercise (PRA-01, PRA-02): every household's score, category
/// and poverty, with the decision that explains it. Match it against the registry base data with
/// <see cref="MatchWithRegistry"/> (PRA-03).
/// </summary>
public sealed class WealthRankingResult
{
    private readonly Dictionary<HouseholdId, HouseholdWealthRank> _byHousehold;

    internal WealthRankingResult(ExerciseId exerciseId, RegionCode desa, LocalDate heldOn, ProgramProfile profile, int informantCount, ReadOnlyCollection<HouseholdWealthRank> households, Decision decision)
    {
        ExerciseId = exerciseId;
        Desa = desa;
        HeldOn = heldOn;
        Profile = profile;
        InformantCount = informantCount;
        Households = households;
        Decision = decision;
        _byHousehold = households.ToDictionary(h => h.Household);
    }

    /// <summary>The exercise.</summary>
    public ExerciseId ExerciseId { get; }

    /// <summary>The desa ranked.</summary>
    public RegionCode Desa { get; }

    /// <summary>The date of the exercise.</summary>
    public LocalDate HeldOn { get; }

    /// <summary>The profile applied.</summary>
    public ProgramProfile Profile { get; }

    /// <summary>How many informants sorted.</summary>
    public int InformantCount { get; }

    /// <summary>Every household's outcome, in the exercise's order.</summary>
    public IReadOnlyList<HouseholdWealthRank> Households { get; }

    /// <summary>The explanation: PRA-01 (informants; warning above the household threshold) and PRA-02 (bands, pile counts).</summary>
    public Decision Decision { get; }

    /// <summary>The outcome of one household.</summary>
    /// <exception cref="KeyNotFoundException">The household was not ranked in this exercise.</exception>
    public HouseholdWealthRank For(HouseholdId household) =>
        _byHousehold.TryGetValue(household, out var rank) ? rank : throw new KeyNotFoundException($"Household {household} was not ranked in exercise {ExerciseId}.");

    /// <summary>
    /// Matches the result against the registry base data (PRA-03, seed 000 step 4b) as of the exercise date.
    /// See <see cref="RegistryMatch"/> for the classification.
    /// </summary>
    /// <param name="baseData">The registry entries of the desa's households. A household may appear more than once (e.g. DTKS and DTSEN): its most recent ranking is used, DTSEN before DTKS on the same date.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseData"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">Two different entries of one household have the same registry and date.</exception>
    public RegistryMatch MatchWithRegistry(IEnumerable<HouseholdRegistryView> baseData) => RegistryMatch.Create(this, baseData);
}
