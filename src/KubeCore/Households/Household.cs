using KubeCore.Common;

namespace KubeCore.Households;

/// <summary>
/// A household (rumah tangga), identified by its Kartu Keluarga and living in one desa/kelurahan.
/// </summary>
public sealed class Household
{
    private Household(HouseholdId id, FamilyCardNumber familyCard, RegionCode desa, int size)
    {
        Id = id;
        FamilyCard = familyCard;
        Desa = desa;
        Size = size;
    }

    /// <summary>The household's id.</summary>
    public HouseholdId Id { get; }

    /// <summary>The family-card number (masked when shown; PRIV-01).</summary>
    public FamilyCardNumber FamilyCard { get; }

    /// <summary>The desa/kelurahan of residence (village-level code).</summary>
    public RegionCode Desa { get; }

    /// <summary>The number of people in the household, at least 1.</summary>
    public int Size { get; }

    /// <summary>Registers a household.</summary>
    /// <exception cref="ArgumentException"><paramref name="desa"/> is not a village-level code, or <paramref name="size"/> is below 1.</exception>
    public static Household Register(HouseholdId id, FamilyCardNumber familyCard, RegionCode desa, int size)
    {
        Preconditions.CheckArgument(desa.Level == RegionLevel.Village, nameof(desa), "A household lives in a desa/kelurahan: give a village-level region code.");
        Preconditions.CheckArgumentRange(size, 1, 100);
        return new Household(id, familyCard, desa, size);
    }

    /// <summary>
    /// MEM-07: null when a household is registered with at least one person (the named persons of its Kartu
    /// Keluarga), else the violation. A host that registers a household with its persons checks this first.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="personCount"/> is negative.</exception>
    public static Rules.RuleViolation? CheckHasPersons(int personCount)
    {
        Preconditions.CheckArgumentRange(personCount, 0, int.MaxValue);
        return personCount > 0 ? null : Rules.RuleViolation.Of(Rules.RuleIds.Mem07, HouseholdErrors.NoPersons);
    }

    /// <summary>The id and masked family card.</summary>
    public override string ToString() => $"Household {Id} ({FamilyCard})";
}
