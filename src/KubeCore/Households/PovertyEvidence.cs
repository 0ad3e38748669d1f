using KubeCore.Common;
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
    /// <exception cref="ArgumentOutOfRangeException">The decile is outside 1..4 (DTKS) or 1..10 (DTSEN).</exception>
    public RegistryEntry(RegistrySource source, int decile, LocalDate rankedOn)
    {
        Preconditions.CheckArgument(Enum.IsDefined(source), nameof(source), "Unknown registry.");
        Preconditions.CheckArgumentRange(decile, 1, source == RegistrySource.Dtks ? 4 : 10);
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
    public bool IsStaleOn(LocalDate date, Period validity) => RankedOn.Plus(validity) < date;
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
}
