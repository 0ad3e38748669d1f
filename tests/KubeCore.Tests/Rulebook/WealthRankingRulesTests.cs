using System.Numerics;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.WealthRanking;
using NodaTime;
using static KubeCore.Tests.RulebookTests.WealthRankingRulesArbitraries;

// Not KubeCore.Tests.Rulebook: a namespace of that name would hide the Support.Rulebook class from every
// test under KubeCore.Tests (namespaces are looked up before using directives).
namespace KubeCore.Tests.RulebookTests;

/// <summary>The rulebook of PRA wealth ranking: PRA-01, PRA-02, PRA-03.</summary>
public class WealthRankingRulesTests
{
    private static readonly LocalDate HeldOn = WealthRankingRulesArbitraries.HeldOn;

    private static bool Refused(Action action, string code, out RuleViolationException? exception)
    {
        try
        {
            action();
            exception = null;
            return false;
        }
        catch (RuleViolationException e)
        {
            exception = e;
            return e.Violations.Any(v => v.ErrorCode == code);
        }
    }

    // ---------------------------------------------------------------- PRA-01

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-01")]
    public bool An_exercise_with_fewer_informants_than_the_minimum_is_never_concluded_and_stays_unchanged(InformantMinimum c)
    {
        var (shape, min) = c;
        var profile = Surveys.WithWealthRanking(w => w with { MinInformants = min });
        var exercise = HouseholdGenerators.Submit(shape, profile);
        var informants = shape.Sortings.Length;
        if (informants < min)
        {
            var refused = Refused(() => exercise.Conclude(), WealthRankingErrors.TooFewInformants, out var e);
            return refused && e!.Violation.RuleId == RuleIds.Pra01
                && !exercise.IsConcluded && exercise.Result is null
                && exercise.Sortings.Count == informants
                && !exercise.CheckReadiness().IsApproved;
        }
        var result = exercise.Conclude();
        return result.InformantCount == informants && exercise.IsConcluded && result.Decision.IsApproved;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-01")]
    public bool An_informant_sorts_only_once_however_their_name_is_spaced_or_cased(RespelledInformant c)
    {
        var (shape, again) = c;
        var exercise = new ExerciseBuilder().WithHouseholdCount(shape.Households).Build();
        exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, "Pak Budi Santoso", shape.Sortings[0].PileCount, shape.Sortings[0].Piles));
        var first = exercise.Sortings.Single();
        var refused = Refused(
            () => exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, again, shape.Sortings[1].PileCount, shape.Sortings[1].Piles)),
            WealthRankingErrors.DuplicateInformant,
            out _);
        return refused && exercise.Sortings.Single().Equals(first) && first.Informant == "Pak Budi Santoso";
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-01")]
    public bool More_households_than_the_warning_threshold_warn_but_never_reject(HouseholdThreshold input)
    {
        var (shape, threshold) = input;
        var profile = Surveys.WithWealthRanking(w => w with { WarnAboveHouseholds = threshold });
        var exercise = HouseholdGenerators.Submit(shape, profile);
        var decision = exercise.Conclude().Decision;
        var warned = decision.Checks.Where(c => c.Outcome == CheckOutcome.Warning).ToList();
        return decision.IsApproved
            && (shape.Households > threshold
                ? warned.Count == 1 && warned[0].RuleId == RuleIds.Pra01 && warned[0].Violation!.ErrorCode == WealthRankingErrors.TooManyHouseholds
                : warned.Count == 0);
    }

    // ---------------------------------------------------------------- PRA-02

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-02")]
    public bool A_score_always_lies_between_0_and_100_and_a_household_every_informant_put_in_the_poorest_pile_scores_100(Shape shape)
    {
        var result = HouseholdGenerators.Submit(shape).Conclude();
        return result.Households.Select((rank, h) =>
        {
            var inRange = rank.Score > default(WealthScore) && rank.Score.IsAtMost(100);
            var allPoorest = shape.Sortings.All(s => s.Piles[h] == s.PileCount);
            return inRange && allPoorest == (rank.Score.Numerator == 100 && rank.Score.Denominator == 1);
        }).All(ok => ok);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-02")]
    public bool A_score_is_exactly_the_mean_over_informants_of_100_times_pile_over_pile_count(Shape shape)
    {
        var result = HouseholdGenerators.Submit(shape).Conclude();
        var informants = shape.Sortings.Length;
        var product = shape.Sortings.Aggregate(BigInteger.One, (acc, s) => acc * s.PileCount);
        return result.Households.Select((rank, h) =>
        {
            // score = (100 / I) Σ p_i / n_i  ⇔  N × I × Π n = 100 × D × Σ p_i × Π n / n_i
            var sum = shape.Sortings.Aggregate(BigInteger.Zero, (acc, s) => acc + (s.Piles[h] * (product / s.PileCount)));
            return rank.Score.Numerator * informants * product == 100 * rank.Score.Denominator * sum
                && BigInteger.GreatestCommonDivisor(rank.Score.Numerator, rank.Score.Denominator).IsOne;
        }).All(ok => ok);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-02")]
    public bool A_household_falls_in_the_first_band_whose_upper_score_it_does_not_exceed(ShapeAndBands c)
    {
        var (shape, bands) = c;
        var profile = Surveys.WithWealthRanking(w => w with { Bands = bands });
        var result = HouseholdGenerators.Submit(shape, profile).Conclude();
        return result.Households.All(rank =>
        {
            // Exact: score ≤ max ⇔ N ≤ max × D.
            var k = Array.FindIndex(bands, b => rank.Score.Numerator <= b.MaxScore * rank.Score.Denominator);
            var aboveLower = k == 0 || rank.Score.Numerator > bands[k - 1].MaxScore * rank.Score.Denominator;
            return aboveLower && rank.Category == bands[k].Category && rank.IsPoor == bands[k].IsPoor;
        });
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-02")]
    public bool The_order_in_which_informants_sort_never_changes_a_score(Shape shape)
    {
        var forward = HouseholdGenerators.Submit(shape).Conclude();
        var backward = HouseholdGenerators.Submit((shape.Households, shape.Sortings.Reverse().ToArray())).Conclude();
        return forward.Households.Select(h => (h.Score, h.Category)).SequenceEqual(backward.Households.Select(h => (h.Score, h.Category)));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-02")]
    public bool Putting_a_household_in_a_poorer_pile_never_lowers_its_score(PileMove c)
    {
        var (counts, raw, who) = c;
        var piles = raw.Select((p, i) => Math.Min(p, counts[i])).ToArray();
        var poorer = (int[])piles.Clone();
        poorer[who] = Math.Min(poorer[who] + 1, counts[who]);
        return WealthScore.Mean(poorer, counts) >= WealthScore.Mean(piles, counts);
    }

    private static readonly Dictionary<Corruption, string> CodeOf = new()
    {
        [Corruption.DropHousehold] = WealthRankingErrors.HouseholdNotSorted,
        [Corruption.PlaceTwice] = WealthRankingErrors.HouseholdSortedTwice,
        [Corruption.PileZero] = WealthRankingErrors.PileOutOfRange,
        [Corruption.PileAboveCount] = WealthRankingErrors.PileOutOfRange,
        [Corruption.UnknownHousehold] = WealthRankingErrors.UnknownHousehold,
        [Corruption.OnePile] = WealthRankingErrors.TooFewPiles,
        [Corruption.EmptyPile] = WealthRankingErrors.EmptyPile,
        [Corruption.BlankInformant] = WealthRankingErrors.InformantRequired,
    };

    private static InformantSorting Corrupt(InformantSorting sorting, Corruption corruption, int at)
    {
        var placements = sorting.Placements.ToList();
        var i = at % placements.Count;
        switch (corruption)
        {
            case Corruption.DropHousehold:
                placements.RemoveAt(i);
                return sorting with { Placements = placements };
            case Corruption.PlaceTwice:
                placements.Add(placements[i]);
                return sorting with { Placements = placements };
            case Corruption.PileZero:
                placements[i] = placements[i] with { Pile = 0 };
                return sorting with { Placements = placements };
            case Corruption.PileAboveCount:
                placements[i] = placements[i] with { Pile = sorting.PileCount + 1 };
                return sorting with { Placements = placements };
            case Corruption.UnknownHousehold:
                placements.Add(new HouseholdPlacement(HouseholdId.New(), 1));
                return sorting with { Placements = placements };
            case Corruption.OnePile:
                return sorting with { PileCount = 1, Placements = placements.Select(p => p with { Pile = 1 }).ToList() };
            case Corruption.EmptyPile:
                return sorting with { PileCount = sorting.PileCount + 1 };
            default:
                return sorting with { Informant = "  " };
        }
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-02")]
    public bool An_incomplete_duplicate_or_malformed_sorting_is_refused_with_its_code_and_leaves_the_exercise_unchanged(CorruptedSorting c)
    {
        var (shape, corruption, at) = c;
        var exercise = new ExerciseBuilder().WithHouseholdCount(shape.Households).Build();
        exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, "Bu Wati", shape.Sortings[0].PileCount, shape.Sortings[0].Piles));
        var before = exercise.Sortings;
        var valid = ExerciseBuilder.Sorting(exercise, "Pak Slamet", shape.Sortings[1].PileCount, shape.Sortings[1].Piles);
        var bad = Corrupt(valid, corruption, at);
        var refused = Refused(() => exercise.SubmitSorting(bad), CodeOf[corruption], out var e);
        var validatorCodes = new InformantSortingValidator().Validate(bad).Errors.Select(f => f.ErrorCode).ToList();
        // The validator sees the sorting alone: it cannot know a household is missing or foreign.
        var validatorAgrees = corruption is Corruption.DropHousehold or Corruption.UnknownHousehold || validatorCodes.Contains(CodeOf[corruption]);
        return refused
            && e!.Violations.All(v => v.RuleId == RuleIds.Pra01 || v.RuleId == RuleIds.Pra02)
            && exercise.Sortings.SequenceEqual(before)
            && validatorAgrees
            && new InformantSortingValidator().Validate(valid).IsValid;
    }

    // ---------------------------------------------------------------- PRA-03

    /// <summary>Concludes the case's exercise and matches it; the base data holds each household's entry, an older one, and some unranked households.</summary>
    private static (WealthRankingResult Result, RegistryMatch Match, Dictionary<HouseholdId, RegistryEntry?> Latest) Run(MatchCase c)
    {
        var profile = ProgramProfiles.Kub.Derive("KubTest", 1, "Test profile", ProgramProfiles.Kub.EffectiveFrom, p => p with { Poverty = p.Poverty with { MaxEligibleDecile = c.MaxDecile } });
        var result = HouseholdGenerators.Submit(c.Shape, profile, HeldOn).Conclude();
        var baseData = new List<HouseholdRegistryView>();
        var latest = new Dictionary<HouseholdId, RegistryEntry?>();
        for (var h = 0; h < result.Households.Count; h++)
        {
            var id = result.Households[h].Household;
            var candidates = new[] { c.Entries[h], c.OlderEntries[h] }.Where(e => e is not null).Select(e => e!).ToList();
            // Skip ties of one registry on one date: the match refuses such conflicting base data.
            candidates = candidates.GroupBy(e => (e.Source, e.RankedOn)).Select(g => g.First()).ToList();
            baseData.AddRange(candidates.Select(e => new HouseholdRegistryView(id, e)));
            latest[id] = candidates.OrderByDescending(e => e.RankedOn).ThenByDescending(e => e.Source).FirstOrDefault();
        }
        baseData.AddRange(c.Unranked.Select(e => new HouseholdRegistryView(HouseholdId.New(), e)));
        return (result, result.MatchWithRegistry(baseData.OrderBy(_ => Guid.NewGuid())), latest);
    }

    private static bool RegistryPoor(RegistryEntry? entry, int max) =>
        entry is not null && entry.RankedOn.PlusMonths(3) >= HeldOn && entry.Decile <= max;

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-03")]
    public bool Every_mismatch_between_the_PRA_and_the_registry_is_listed_exactly_once(MatchCase c)
    {
        var (result, match, latest) = Run(c);
        var expected = result.Households.Where(r => r.IsPoor != RegistryPoor(latest[r.Household], c.MaxDecile)).Select(r => r.Household).ToList();
        var warned = match.Decision.Warnings.Where(w => w.RuleId == RuleIds.Pra03 && w.ErrorCode != WealthRankingErrors.RegistryPoorNotRanked)
            .Select(w => (HouseholdId)w.Arguments["HouseholdId"]!).ToList();
        return match.Mismatches.Select(m => m.Household).SequenceEqual(expected)
            && warned.SequenceEqual(expected)
            && match.Decision.IsApproved
            && match.RegistryPoorNotRanked.Count == c.Unranked.Count(e => RegistryPoor(e, c.MaxDecile));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-03")]
    public bool A_household_is_confirmed_exactly_when_the_PRA_ranks_it_poor_and_a_fresh_registry_decile_at_most_the_maximum_agrees(MatchCase c)
    {
        var (result, match, latest) = Run(c);
        return match.Households.Count == result.Households.Count
            && match.Households.All(m =>
            {
                var registryPoor = RegistryPoor(latest[m.Household], c.MaxDecile);
                var expected = (m.Pra.IsPoor, registryPoor) switch
                {
                    (true, true) => RegistryMatchClass.Confirmed,
                    (true, false) => RegistryMatchClass.PraOnly,
                    (false, true) => RegistryMatchClass.RegistryOnly,
                    _ => RegistryMatchClass.NotPoor,
                };
                return m.Class == expected && m.Registry == latest[m.Household] && m.Pra == result.For(m.Household);
            });
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-03")]
    public bool Every_ranked_household_gets_PRA_evidence_confirmed_by_the_registry_only_when_both_agree(MatchCase c)
    {
        var (result, match, _) = Run(c);
        return match.Evidence.Count == result.Households.Count
            && result.Households.All(rank =>
            {
                var evidence = match.Evidence[rank.Household];
                return evidence.ExerciseId == result.ExerciseId
                    && evidence.HeldOn == HeldOn
                    && evidence.Category == rank.Category
                    && evidence.IsPoor == rank.IsPoor
                    && evidence.ConfirmedByRegistry == (match.For(rank.Household).Class == RegistryMatchClass.Confirmed);
            });
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(WealthRankingRulesArbitraries)])]
    [Trait("Rule", "PRA-03")]
    public bool A_stale_registry_entry_never_confirms_a_PRA_result_and_is_flagged_for_re_verification(MatchCase c)
    {
        var (_, match, _) = Run(c);
        var stale = match.Households.Where(m => m.Finding == RegistryFinding.Stale).ToList();
        var flagged = match.Decision.Warnings.Where(w => w.ErrorCode == HouseholdErrors.DecileStale).Select(w => (HouseholdId)w.Arguments["HouseholdId"]!).ToList();
        return stale.All(m => (m.Class is RegistryMatchClass.PraOnly or RegistryMatchClass.NotPoor) && m.Registry!.IsStaleOn(HeldOn, Period.FromMonths(3)))
            && flagged.SequenceEqual(stale.Select(m => m.Household));
    }
}
