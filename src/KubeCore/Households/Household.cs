using KubeCore.Common;

namespace KubeCore.Households;

/// <summary>
/// A household (rumah tangga), identified by its Kartu Keluarga and living in one desa/kelurahan.
/// </summary>
public sealed class Household
{
    private object? _boxedId;

    private Household(HouseholdId id, FamilyCardNumber familyCard, RegionCode desa, int size)
    {
        Id = id;
        FamilyCard = familyCard;
        Desa = desa;
        Size = size;
    }

    /// <summary>The household's id.</summary>
    public HouseholdId Id { get; }

    /// <summary>
    /// <see cref="Id"/> boxed once, for the checks that record it as a decision parameter (MEM-01 of each founder). Made
    /// on first use; two threads racing may each make a box of the same immutable value, and either serves.
    /// </summary>
    internal object BoxedId => _boxedId ??= Id;

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

    /// <summary>The household as plain data for the host's database (<see cref="Restore"/>).</summary>
    public HouseholdState ToState() => new(HouseholdState.CurrentFormat, Id, FamilyCard.Reveal(), Desa, Size);

    /// <summary>
    /// Restores a stored household. Checks the state's structure only (format, id, a family-card number, a desa/kelurahan code,
    /// a size of at least 1); no rule is judged again. A household has no operation after registration, so it records no facts.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="StateRestoreException">The format is unsupported or a part is broken (the part is named).</exception>
    public static Household Restore(HouseholdState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        StateRestoreException.CheckFormat(nameof(Household), state.Format, HouseholdState.CurrentFormat);
        StateRestoreException.Check(state.Id != default, nameof(Household), "Id", "the household id is empty");
        StateRestoreException.Check(FamilyCardNumber.TryParse(state.FamilyCard, out var card, out _), nameof(Household), "FamilyCard", "not a family-card number");
        StateRestoreException.Check(state.Desa.Level == RegionLevel.Village, nameof(Household), "Desa", "not a desa/kelurahan code");
        StateRestoreException.Check(state.Size >= 1, nameof(Household), "Size", "a household has at least one person");
        return new Household(state.Id, card, state.Desa, state.Size);
    }

    /// <summary>The id and masked family card.</summary>
    public override string ToString() => $"Household {Id} ({FamilyCard})";
}

/// <summary>A household as plain data (<see cref="Household.ToState"/>, <see cref="Household.Restore"/>).</summary>
/// <param name="Format">The format version; <see cref="CurrentFormat"/> when written by this version.</param>
/// <param name="Id">The household's id.</param>
/// <param name="FamilyCard">The Kartu Keluarga's 16 digits (personal data: the host protects it at rest).</param>
/// <param name="Desa">The desa/kelurahan of residence.</param>
/// <param name="Size">The number of people in the household.</param>
public sealed record HouseholdState(int Format, HouseholdId Id, string FamilyCard, RegionCode Desa, int Size)
{
    /// <summary>The format this version writes and reads.</summary>
    public const int CurrentFormat = 1;
}
