using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Rules.Parameters;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Households;

/// <summary>The national welfare registry a decile comes from (POV-03).</summary>
public enum RegistrySource
{
    /// <summary>DTKS (legacy): the lowest 40 %, deciles 1..4.</summary>
    Dtks = 1,

    /// <summary>DTSEN (Inpres 4/2025): deciles 1..10, re-ranked every 3 months.</summary>
    Dtsen = 2,
}

/// <summary>A household's registry decile and the date it was ranked (POV-03).</summary>
public sealed record RegistryEntry
{
    /// <summary>Creates an entry.</summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not a defined registry.</exception>
    /// <exception cref="RuleViolationException">POV-03: the decile is outside 1..4 (DTKS) or 1..10 (DTSEN) (<see cref="HouseholdErrors.DecileOutOfRange"/>).</exception>
    public RegistryEntry(RegistrySource source, int decile, LocalDate rankedOn)
    {
        Preconditions.CheckArgument(Enum.IsDefined(source), nameof(source), "Unknown registry.");
        var maxDecile = source == RegistrySource.Dtks ? 4 : 10;
        if (decile < 1 || decile > maxDecile)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Pov03, HouseholdErrors.DecileOutOfRange,
                ("Registry", source.ToString().ToUpperInvariant()), ("Decile", decile), ("MaxDecile", maxDecile)));
        }
        Source = source;
        Decile = decile;
        RankedOn = rankedOn;
    }

    /// <summary>The registry.</summary>
    public RegistrySource Source { get; }

    /// <summary>The decile, 1 = poorest 10 %.</summary>
    public int Decile { get; }

    /// <summary>The date the household was ranked.</summary>
    public LocalDate RankedOn { get; }

    /// <summary>True when the ranking is older than <paramref name="validity"/> on <paramref name="date"/> (POV-03).</summary>
    /// <remarks>
    /// Stale means <c>RankedOn + validity &lt; date</c>: with the default 3 months, a decile ranked on
    /// 15 January is fresh through 15 April and stale from 16 April. A ranking dated after
    /// <paramref name="date"/> is not stale. NodaTime adds months by truncating to the month's last day
    /// (30 November + 3 months = 28 or 29 February).
    /// </remarks>
    public bool IsStaleOn(LocalDate date, Period validity) => RankedOn.Plus(validity) < date;

    /// <summary>The last date on which the ranking is not stale: <c>RankedOn + validity</c> (POV-03).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="validity"/> is null.</exception>
    public LocalDate FreshThrough(Period validity) => RankedOn.Plus(Preconditions.CheckNotNull(validity));

    /// <summary>
    /// True when the decile is at most <paramref name="maxEligibleDecile"/>. DTKS and DTSEN deciles are
    /// compared on one scale: both number national welfare deciles from the poorest (DTKS desil 1 = the
    /// poorest 10 %, ... desil 4 = 31–40 %, exactly as DTSEN desil 1..4), so DTKS desil <c>d</c> is DTSEN
    /// desil <c>d</c>. A DTKS entry therefore meets every maximum of 4 or more (DTKS holds only the
    /// poorest 40 %), and a maximum below 4 applies to it as written.
    /// </summary>
    public bool HasDecileAtMost(int maxEligibleDecile) => Decile <= maxEligibleDecile;

    /// <summary>
    /// True when the entry counts as poor on <paramref name="date"/> under <paramref name="poverty"/>:
    /// not stale (<see cref="IsStaleOn"/> with <c>DecileValidity</c>) and a decile at most
    /// <c>MaxEligibleDecile</c> (<see cref="HasDecileAtMost"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="poverty"/> is null.</exception>
    public bool IsEligibleOn(LocalDate date, PovertyParameters poverty)
    {
        Preconditions.CheckNotNull(poverty);
        return !IsStaleOn(date, poverty.DecileValidity) && HasDecileAtMost(poverty.MaxEligibleDecile);
    }

    /// <summary>
    /// The earliest ranking date that is not stale on <paramref name="date"/>: an entry is stale exactly
    /// when <c>RankedOn</c> is before this date. Not simply <c>date − validity</c>, because adding months
    /// truncates at month ends (on 31 May, a decile ranked 28 February is stale: 28 February + 3 months =
    /// 28 May).
    /// </summary>
    internal static LocalDate EarliestFreshRanking(LocalDate date, Period validity)
    {
        // LocalDate.Plus(Period) is monotone in the date, so {r : r + validity >= date} is an up-set:
        // step from date − validity to its least element.
        var candidate = date.Minus(validity);
        while (candidate.PlusDays(-1).Plus(validity) >= date)
        {
            candidate = candidate.PlusDays(-1);
        }
        while (candidate.Plus(validity) < date)
        {
            candidate = candidate.PlusDays(1);
        }
        return candidate;
    }
}

/// <summary>A household's place in a PRA wealth ranking (PRA-02), as evidence of poverty.</summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="HeldOn">The date of the exercise.</param>
/// <param name="Category">The category the household fell in.</param>
/// <param name="IsPoor">True when the category counts as poor under the exercise's profile.</param>
/// <param name="ConfirmedByRegistry">True when the PRA-03 match found the household poor in the registry too (Confirmed).</param>
public sealed record PraRanking(ExerciseId ExerciseId, LocalDate HeldOn, WealthCategory Category, bool IsPoor, bool ConfirmedByRegistry);

/// <summary>Every piece of poverty evidence known for a household (MEM-01 weighs it by the profile's rule).</summary>
/// <param name="Registry">The registry entry, if any.</param>
/// <param name="Pra">The PRA wealth-ranking result, if any.</param>
/// <param name="OnPs2List">True when the household is on the BKM's PS2 list.</param>
public sealed record PovertyEvidence(RegistryEntry? Registry, PraRanking? Pra, bool OnPs2List)
{
    /// <summary>No evidence at all.</summary>
    public static PovertyEvidence None { get; } = new(null, null, false);

    /// <summary>
    /// True when the registry entry counts as poor on <paramref name="date"/>: present, not stale and
    /// with a decile at most the maximum (<see cref="RegistryEntry.IsEligibleOn"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="poverty"/> is null.</exception>
    public bool HasEligibleRegistryEntryOn(LocalDate date, PovertyParameters poverty)
    {
        ArgumentNullException.ThrowIfNull(poverty);
        return Registry is not null && Registry.IsEligibleOn(date, poverty);
    }
}
