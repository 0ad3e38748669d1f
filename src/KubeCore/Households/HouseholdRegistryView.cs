using Ardalis.Specification;
using KubeCore.Common;
using KubeCore.Rules.Parameters;
using NodaTime;

namespace KubeCore.Households;

/// <summary>
/// A household's registry entry, as a flat row a store can query (POV-03): the read model the registry
/// specifications select and the base data the PRA-03 match reads.
/// </summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="Registry">Its DTKS/DTSEN entry.</param>
public sealed record HouseholdRegistryView(HouseholdId HouseholdId, RegistryEntry Registry);

/// <summary>
/// Households whose registry decile is stale on a date (POV-03): ranked more than the validity period
/// before it (<see cref="RegistryEntry.IsStaleOn"/>), so the decile needs re-verification.
/// </summary>
/// <remarks>
/// One criterion, <c>x.Registry.RankedOn &lt; RankedBefore</c>, so a LINQ provider that maps
/// <see cref="LocalDate"/> (e.g. EF Core with a NodaTime plugin) translates it to SQL. The cut-off
/// <see cref="RankedBefore"/> is computed once, exactly as <see cref="RegistryEntry.IsStaleOn"/> decides
/// at month ends.
/// </remarks>
public sealed class HouseholdsWithStaleDecile : Specification<HouseholdRegistryView>
{
    /// <summary>Selects the households whose decile is stale on <paramref name="asOf"/> with <paramref name="validity"/>.</summary>
    /// <param name="asOf">The date the staleness is judged on.</param>
    /// <param name="validity">How long a decile stays fresh (<c>Poverty.DecileValidity</c>, default 3 months): a date period.</param>
    /// <exception cref="ArgumentException"><paramref name="validity"/> is null, has a time component or is negative.</exception>
    public HouseholdsWithStaleDecile(LocalDate asOf, Period validity)
    {
        CheckValidity(validity);
        AsOf = asOf;
        Validity = validity;
        var rankedBefore = RegistryEntry.EarliestFreshRanking(asOf, validity);
        RankedBefore = rankedBefore;
        Query.Where(x => x.Registry.RankedOn < rankedBefore);
    }

    /// <summary>Selects the households whose decile is stale on <paramref name="asOf"/> under the profile's <c>DecileValidity</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="poverty"/> is null.</exception>
    public HouseholdsWithStaleDecile(LocalDate asOf, PovertyParameters poverty)
        : this(asOf, Preconditions.CheckNotNull(poverty).DecileValidity)
    {
    }

    /// <summary>The date the staleness is judged on.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The validity period.</summary>
    public Period Validity { get; }

    /// <summary>The cut-off: a decile ranked before this date is stale on <see cref="AsOf"/>.</summary>
    public LocalDate RankedBefore { get; }

    internal static void CheckValidity(Period validity)
    {
        Preconditions.CheckNotNull(validity);
        Preconditions.CheckArgument(!validity.HasTimeComponent, nameof(validity), "The validity is a date period.");
        Preconditions.CheckArgument(validity.Years >= 0 && validity.Months >= 0 && validity.Weeks >= 0 && validity.Days >= 0, nameof(validity), "The validity must not be negative.");
    }
}

/// <summary>
/// Households that count as poor by the registry on a date (POV-03, MEM-01): a decile that is not stale
/// and at most <c>Poverty.MaxEligibleDecile</c>, DTKS and DTSEN deciles compared on one scale
/// (<see cref="RegistryEntry.HasDecileAtMost"/>). Agrees with <see cref="RegistryEntry.IsEligibleOn"/>.
/// </summary>
/// <remarks>Criteria are plain comparisons of <c>Registry.RankedOn</c> and <c>Registry.Decile</c>, translatable by a LINQ provider.</remarks>
public sealed class HouseholdsWithEligibleDecile : Specification<HouseholdRegistryView>
{
    /// <summary>Selects the households whose registry entry counts as poor on <paramref name="asOf"/> under <paramref name="poverty"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="poverty"/> is null.</exception>
    public HouseholdsWithEligibleDecile(LocalDate asOf, PovertyParameters poverty)
    {
        Preconditions.CheckNotNull(poverty);
        HouseholdsWithStaleDecile.CheckValidity(poverty.DecileValidity);
        AsOf = asOf;
        MaxEligibleDecile = poverty.MaxEligibleDecile;
        RankedFrom = RegistryEntry.EarliestFreshRanking(asOf, poverty.DecileValidity);
        var rankedFrom = RankedFrom;
        var maxDecile = MaxEligibleDecile;
        Query.Where(x => x.Registry.RankedOn >= rankedFrom)
             .Where(x => x.Registry.Decile <= maxDecile);
    }

    /// <summary>The date eligibility is judged on.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The highest decile that counts as poor.</summary>
    public int MaxEligibleDecile { get; }

    /// <summary>The earliest ranking date that is still fresh on <see cref="AsOf"/>.</summary>
    public LocalDate RankedFrom { get; }
}
