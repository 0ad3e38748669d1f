using System.Collections.ObjectModel;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.WealthRanking;

/// <summary>How a household's PRA result and its registry standing compare (PRA-03).</summary>
public enum RegistryMatchClass
{
    /// <summary>Poor by both the PRA and the registry.</summary>
    Confirmed = 1,

    /// <summary>Ranked poor by the PRA, but not poor by the registry (a mismatch to consult on).</summary>
    PraOnly = 2,

    /// <summary>Poor by the registry, but not ranked poor by the PRA (a mismatch to consult on).</summary>
    RegistryOnly = 3,

    /// <summary>Poor by neither.</summary>
    NotPoor = 4,
}

/// <summary>What the registry base data says of a household on the exercise date (PRA-03, POV-03).</summary>
public enum RegistryFinding
{
    /// <summary>No entry in the base data: not poor by the registry.</summary>
    NotListed = 1,

    /// <summary>An entry older than <c>Poverty.DecileValidity</c>: not poor by the registry until re-verified.</summary>
    Stale = 2,

    /// <summary>A fresh entry with a decile above <c>Poverty.MaxEligibleDecile</c>: not poor by the registry.</summary>
    DecileAboveMaximum = 3,

    /// <summary>A fresh entry with a decile at most the maximum: poor by the registry.</summary>
    Eligible = 4,
}

/// <summary>One household of the exercise matched against the registry (PRA-03).</summary>
public sealed class HouseholdRegistryMatch
{
    internal HouseholdRegistryMatch(HouseholdWealthRank pra, RegistryEntry? registry, RegistryFinding finding, PraRanking evidence)
    {
        Pra = pra;
        Registry = registry;
        Finding = finding;
        Class = (pra.IsPoor, finding == RegistryFinding.Eligible) switch
        {
            (true, true) => RegistryMatchClass.Confirmed,
            (true, false) => RegistryMatchClass.PraOnly,
            (false, true) => RegistryMatchClass.RegistryOnly,
            (false, false) => RegistryMatchClass.NotPoor,
        };
        Evidence = evidence with { ConfirmedByRegistry = Class == RegistryMatchClass.Confirmed };
    }

    /// <summary>The household.</summary>
    public HouseholdId Household => Pra.Household;

    /// <summary>Its PRA outcome.</summary>
    public HouseholdWealthRank Pra { get; }

    /// <summary>The registry entry used (the most recent one), or null when not listed.</summary>
    public RegistryEntry? Registry { get; }

    /// <summary>What the registry says on the exercise date.</summary>
    public RegistryFinding Finding { get; }

    /// <summary>The classification.</summary>
    public RegistryMatchClass Class { get; }

    /// <summary>True for <see cref="RegistryMatchClass.PraOnly"/> and <see cref="RegistryMatchClass.RegistryOnly"/>: listed for the consultation step.</summary>
    public bool IsMismatch => Class is RegistryMatchClass.PraOnly or RegistryMatchClass.RegistryOnly;

    /// <summary>The household's PRA ranking as poverty evidence (MEM-01), <see cref="PraRanking.ConfirmedByRegistry"/> set for <see cref="RegistryMatchClass.Confirmed"/>.</summary>
    public PraRanking Evidence { get; }

    /// <summary>For example <c>3f2a… Confirmed (Miskin; Dtsen decile 2, Eligible)</c>.</summary>
    public override string ToString() =>
        $"{Household} {Class} ({Pra.Category}; {(Registry is null ? "not listed" : $"{Registry.Source} decile {Registry.Decile}")}, {Finding})";
}

/// <summary>
/// The match of a wealth-ranking result against the registry base data (PRA-03, seed 000 step 4b: "Hasil WR
/// dicocokkan dengan data dasar"), as of the exercise date.
/// </summary>
/// <remarks>
/// <para>PRA-poor means the household's band counts as poor (<see cref="WealthBand.IsPoor"/>). Registry-poor
/// means a registry entry that is <em>not stale</em> on the exercise date — ranked at most
/// <c>Poverty.DecileValidity</c> before it (<see cref="RegistryEntry.IsStaleOn"/>) — with a decile at most
/// <c>Poverty.MaxEligibleDecile</c>, DTKS and DTSEN deciles on one scale (<see cref="RegistryEntry.HasDecileAtMost"/>).
/// A stale entry is not evidence of poverty until re-verified, so it never confirms a PRA result.</para>
/// <para>Every household of the exercise gets exactly one <see cref="RegistryMatchClass"/>; every mismatch
/// (<see cref="RegistryMatchClass.PraOnly"/>, <see cref="RegistryMatchClass.RegistryOnly"/>) is listed once in
/// <see cref="Mismatches"/> and warned in <see cref="Decision"/> for the consultation step. Registry-poor
/// households of the base data that the exercise did not rank are listed in <see cref="RegistryPoorNotRanked"/>
/// (pass the base data of the exercise's desa only). Stale entries of ranked households get a POV-03 warning
/// for re-verification.</para>
/// </remarks>
public sealed class RegistryMatch
{
    private readonly Dictionary<HouseholdId, HouseholdRegistryMatch> _byHousehold;

    private RegistryMatch(WealthRankingResult result, ReadOnlyCollection<HouseholdRegistryMatch> households, ReadOnlyCollection<HouseholdRegistryView> notRanked, Decision decision)
    {
        ExerciseId = result.ExerciseId;
        AsOf = result.HeldOn;
        Profile = result.Profile;
        Households = households;
        Mismatches = households.Where(h => h.IsMismatch).ToList().AsReadOnly();
        RegistryPoorNotRanked = notRanked;
        Decision = decision;
        _byHousehold = households.ToDictionary(h => h.Household);
        Evidence = new ReadOnlyDictionary<HouseholdId, PraRanking>(households.ToDictionary(h => h.Household, h => h.Evidence));
    }

    /// <summary>The exercise.</summary>
    public ExerciseId ExerciseId { get; }

    /// <summary>The date the registry is judged on: the exercise date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The profile whose registry parameters apply.</summary>
    public ProgramProfile Profile { get; }

    /// <summary>Every household of the exercise, in the exercise's order, each once.</summary>
    public IReadOnlyList<HouseholdRegistryMatch> Households { get; }

    /// <summary>The mismatches (PRA-only and registry-only), in the exercise's order, each once.</summary>
    public IReadOnlyList<HouseholdRegistryMatch> Mismatches { get; }

    /// <summary>Registry-poor households of the base data that the exercise did not rank (their most recent entry).</summary>
    public IReadOnlyList<HouseholdRegistryView> RegistryPoorNotRanked { get; }

    /// <summary>
    /// The explanation: a PRA-03 check with the parameters and the count of each class, one PRA-03 warning per
    /// mismatch and per registry-poor household not ranked, and a POV-03 check with one warning per stale entry.
    /// Warnings never reject.
    /// </summary>
    public Decision Decision { get; }

    /// <summary>The PRA ranking of every household as poverty evidence (seam for MEM-01).</summary>
    public IReadOnlyDictionary<HouseholdId, PraRanking> Evidence { get; }

    /// <summary>The match of one household.</summary>
    /// <exception cref="KeyNotFoundException">The household was not ranked in this exercise.</exception>
    public HouseholdRegistryMatch For(HouseholdId household) =>
        _byHousehold.TryGetValue(household, out var match) ? match : throw new KeyNotFoundException($"Household {household} was not ranked in exercise {ExerciseId}.");

    internal static RegistryMatch Create(WealthRankingResult result, IEnumerable<HouseholdRegistryView> baseData)
    {
        ArgumentNullException.ThrowIfNull(baseData);
        var latest = new Dictionary<HouseholdId, RegistryEntry>();
        foreach (var row in baseData)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(baseData));
            ArgumentNullException.ThrowIfNull(row.Registry, nameof(baseData));
            if (!latest.TryGetValue(row.HouseholdId, out var current) || IsMoreRecent(row.Registry, current))
            {
                latest[row.HouseholdId] = row.Registry;
            }
        }
        var poverty = result.Profile.Poverty;
        var date = result.HeldOn;
        var matches = new List<HouseholdRegistryMatch>(result.Households.Count);
        foreach (var rank in result.Households)
        {
            var entry = latest.GetValueOrDefault(rank.Household);
            var finding = Find(entry, date, poverty.DecileValidity, poverty.MaxEligibleDecile);
            matches.Add(new HouseholdRegistryMatch(rank, entry, finding, new PraRanking(result.ExerciseId, date, rank.Category, rank.IsPoor, ConfirmedByRegistry: false)));
        }
        var ranked = matches.Select(m => m.Household).ToHashSet();
        var notRanked = latest
            .Where(kv => !ranked.Contains(kv.Key) && Find(kv.Value, date, poverty.DecileValidity, poverty.MaxEligibleDecile) == RegistryFinding.Eligible)
            .Select(kv => new HouseholdRegistryView(kv.Key, kv.Value))
            .OrderBy(v => v.HouseholdId)
            .ToList();
        return new RegistryMatch(result, matches.AsReadOnly(), notRanked.AsReadOnly(), Explain(result, matches, notRanked));
    }

    private static bool IsMoreRecent(RegistryEntry candidate, RegistryEntry current)
    {
        if (candidate.RankedOn != current.RankedOn)
        {
            return candidate.RankedOn > current.RankedOn;
        }
        if (candidate.Source != current.Source)
        {
            return candidate.Source == RegistrySource.Dtsen;
        }
        Preconditions.CheckArgument(candidate == current, "baseData", "A household has two different entries of the same registry on the same date.");
        return false;
    }

    private static RegistryFinding Find(RegistryEntry? entry, LocalDate date, Period validity, int maxDecile) =>
        entry is null ? RegistryFinding.NotListed
        : entry.IsStaleOn(date, validity) ? RegistryFinding.Stale
        : entry.HasDecileAtMost(maxDecile) ? RegistryFinding.Eligible
        : RegistryFinding.DecileAboveMaximum;

    private static Decision Explain(WealthRankingResult result, List<HouseholdRegistryMatch> matches, List<HouseholdRegistryView> notRanked)
    {
        var poverty = result.Profile.Poverty;
        int CountOf(RegistryMatchClass c) => matches.Count(m => m.Class == c);
        var builder = new DecisionBuilder("PRA wealth ranking matched with the registry base data", result.Profile, result.HeldOn)
            .Check(
                RuleIds.Pra03,
                violation: null,
                ("Poverty.MaxEligibleDecile", poverty.MaxEligibleDecile),
                ("Poverty.DecileValidity", poverty.DecileValidity),
                ("Confirmed", CountOf(RegistryMatchClass.Confirmed)),
                ("PraOnly", CountOf(RegistryMatchClass.PraOnly)),
                ("RegistryOnly", CountOf(RegistryMatchClass.RegistryOnly)),
                ("NotPoor", CountOf(RegistryMatchClass.NotPoor)),
                ("RegistryPoorNotRanked", notRanked.Count));
        foreach (var m in matches.Where(m => m.IsMismatch))
        {
            builder.Warn(MismatchWarning(m, poverty.MaxEligibleDecile));
        }
        foreach (var row in notRanked)
        {
            builder.Warn(RuleViolation.Of(RuleIds.Pra03, WealthRankingErrors.RegistryPoorNotRanked, ("HouseholdId", row.HouseholdId), ("Decile", row.Registry.Decile)));
        }
        var stale = matches.Where(m => m.Finding == RegistryFinding.Stale).ToList();
        builder.Check(RuleIds.Pov03, violation: null, ("Poverty.DecileValidity", poverty.DecileValidity), ("StaleEntries", stale.Count));
        foreach (var m in stale)
        {
            builder.Warn(RuleViolation.Of(
                RuleIds.Pov03,
                HouseholdErrors.DecileStale,
                ("HouseholdId", m.Household),
                ("RankedOn", m.Registry!.RankedOn),
                ("FreshThrough", m.Registry.FreshThrough(poverty.DecileValidity))));
        }
        return builder.Build();
    }

    private static RuleViolation MismatchWarning(HouseholdRegistryMatch m, int maxDecile) => m.Class switch
    {
        RegistryMatchClass.RegistryOnly => RuleViolation.Of(RuleIds.Pra03, WealthRankingErrors.RegistryOnly, ("HouseholdId", m.Household), ("Category", m.Pra.Category), ("Decile", m.Registry!.Decile)),
        _ => m.Finding switch
        {
            RegistryFinding.Stale => RuleViolation.Of(RuleIds.Pra03, WealthRankingErrors.PraOnlyDecileStale, ("HouseholdId", m.Household), ("Category", m.Pra.Category), ("Decile", m.Registry!.Decile), ("RankedOn", m.Registry.RankedOn)),
            RegistryFinding.DecileAboveMaximum => RuleViolation.Of(RuleIds.Pra03, WealthRankingErrors.PraOnlyDecileAboveMaximum, ("HouseholdId", m.Household), ("Category", m.Pra.Category), ("Decile", m.Registry!.Decile), ("MaxDecile", maxDecile)),
            _ => RuleViolation.Of(RuleIds.Pra03, WealthRankingErrors.PraOnlyNotInRegistry, ("HouseholdId", m.Household), ("Category", m.Pra.Category)),
        },
    };
}
