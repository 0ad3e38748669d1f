using System.Text.Json.Serialization;
using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Households;

/// <summary>A person's place in their household (MEM-02).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HouseholdRole>))]
public enum HouseholdRole
{
    /// <summary>Kepala keluarga (head of household) as on the Kartu Keluarga.</summary>
    Head = 1,

    /// <summary>Pencari nafkah utama: not the head, but the household's main earner.</summary>
    MainEarner = 2,

    /// <summary>Any other member of the household.</summary>
    OtherMember = 3,
}

/// <summary>A person's main work (MEM-04 excludes state employees and pensioners in KUBE profiles).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Employment>))]
public enum Employment
{
    /// <summary>Not working.</summary>
    Unemployed = 1,

    /// <summary>Petani (farmer).</summary>
    Farmer = 2,

    /// <summary>Buruh tani (farm labourer).</summary>
    FarmLabourer = 3,

    /// <summary>Nelayan (fisher).</summary>
    Fisher = 4,

    /// <summary>Buruh bangunan or perkebunan (construction or plantation worker).</summary>
    Labourer = 5,

    /// <summary>Pedagang (trader) or other own-account business.</summary>
    Trader = 6,

    /// <summary>Other private work.</summary>
    OtherPrivate = 7,

    /// <summary>Pegawai Negeri Sipil (civil servant).</summary>
    CivilServant = 8,

    /// <summary>TNI (armed forces).</summary>
    Military = 9,

    /// <summary>POLRI (police).</summary>
    Police = 10,

    /// <summary>Pensiunan (pensioner).</summary>
    Pensioner = 11,
}

/// <summary>
/// A person who may join a group: identity as on the KTP, their role in the household, their work and
/// (when recorded) their marital status.
/// </summary>
/// <remarks>
/// MEM-06: a NIK whose sex or birth-date part disagrees with the stated sex or birth date is accepted and
/// kept with the disagreement (<see cref="NikDisagreement"/>, <see cref="NikWarnings"/>), which every
/// membership decision about the person records as a warning. Only a malformed NIK is refused, by
/// <see cref="Common.Nik.Parse"/>.
/// </remarks>
public sealed class Person
{
    private object? _boxedId;

    private Person(PersonId id, HouseholdId householdId, string name, Nik nik, Sex sex, LocalDate birthDate, HouseholdRole role, Employment employment, MaritalStatus? maritalStatus)
    {
        MaritalStatus = maritalStatus;
        NikDisagreement = nik.DisagreementWith(sex, birthDate);
        NikWarnings = NikDisagreement == NikDisagreement.None ? [] : Array.AsReadOnly(nik.Warnings(NikDisagreement, sex, birthDate));
        Id = id;
        HouseholdId = householdId;
        Name = name;
        Nik = nik;
        Sex = sex;
        BirthDate = birthDate;
        Role = role;
        Employment = employment;
    }

    /// <summary>The person's id.</summary>
    public PersonId Id { get; }

    /// <summary>
    /// <see cref="Id"/> boxed once, for the checks that record it as a decision parameter (a group's formation records
    /// it in every MEM check of every founder). Made on first use; two threads racing may each make a box of the same
    /// immutable value, and either serves.
    /// </summary>
    internal object BoxedId => _boxedId ??= Id;

    /// <summary>The household (Kartu Keluarga) the person belongs to.</summary>
    public HouseholdId HouseholdId { get; }

    /// <summary>The name as on the KTP.</summary>
    public string Name { get; }

    /// <summary>The NIK (masked when shown; PRIV-01).</summary>
    public Nik Nik { get; }

    /// <summary>The stated sex.</summary>
    public Sex Sex { get; }

    /// <summary>The stated birth date.</summary>
    public LocalDate BirthDate { get; }

    /// <summary>The role in the household.</summary>
    public HouseholdRole Role { get; }

    /// <summary>The main work.</summary>
    public Employment Employment { get; }

    /// <summary>The marital status (MEM-03), or null when it was not recorded (unknown).</summary>
    public MaritalStatus? MaritalStatus { get; }

    /// <summary>MEM-06: the parts of the NIK that disagree with the stated sex or birth date; <see cref="NikDisagreement.None"/> when none does.</summary>
    public NikDisagreement NikDisagreement { get; }

    /// <summary>MEM-06: the warnings of <see cref="NikDisagreement"/>, one per part that disagrees (empty when none does).</summary>
    public IReadOnlyList<RuleViolation> NikWarnings { get; }

    /// <summary>
    /// Registers a person. The name is stored normalised (MEM-07: NFC, trimmed). A NIK that disagrees with the stated
    /// sex or birth date is accepted with a warning (<see cref="NikWarnings"/>, MEM-06); <paramref name="maritalStatus"/>
    /// null means not recorded (MEM-03).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The NIK is the default value or an enum value is undefined.</exception>
    /// <exception cref="RuleViolationException">MEM-07: the name is empty, white space only or empty once invisible characters are removed (<see cref="CommonErrors.NameEmpty"/>), holds a control or bidi-override character, or is longer than <see cref="ReadableName.DefaultMaxLength"/>.</exception>
    public static Person Register(PersonId id, HouseholdId householdId, string name, Nik nik, Sex sex, LocalDate birthDate, HouseholdRole role, Employment employment, MaritalStatus? maritalStatus = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Create(id, householdId, ReadableName.Normalize(name), nik, sex, birthDate, role, employment, maritalStatus);
    }

    private static Person Create(PersonId id, HouseholdId householdId, string name, Nik nik, Sex sex, LocalDate birthDate, HouseholdRole role, Employment employment, MaritalStatus? maritalStatus = null)
    {
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckArgument(Enum.IsDefined(sex), nameof(sex), "Unknown sex.");
        Preconditions.CheckArgument(Enum.IsDefined(role), nameof(role), "Unknown household role.");
        Preconditions.CheckArgument(Enum.IsDefined(employment), nameof(employment), "Unknown employment.");
        Preconditions.CheckArgument(maritalStatus is null || Enum.IsDefined(maritalStatus.Value), nameof(maritalStatus), "Unknown marital status.");
        Preconditions.CheckArgument(nik != default, nameof(nik), "The default Nik is not a NIK.");
        return new Person(id, householdId, name.Trim(), nik, sex, birthDate, role, employment, maritalStatus);
    }

    /// <summary>The person as plain data for the host's database (<see cref="Restore"/>).</summary>
    public PersonState ToState() => new(PersonState.CurrentFormat, Id, HouseholdId, Name, Nik.Reveal(), Sex, BirthDate, Role, Employment, MaritalStatus);

    /// <summary>
    /// Restores a stored person. Checks the state's structure only (format, ids, a non-blank name, a well-formed NIK, known enum
    /// values); no rule is judged again: a name a later MEM-07 refuses still loads, and the NIK's MEM-06 warnings are derived
    /// again from the stored facts. A person has no operation after registration, so it records no facts.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="StateRestoreException">The format is unsupported or a part is broken (the part is named).</exception>
    public static Person Restore(PersonState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        const string Aggregate = nameof(Person);
        StateRestoreException.CheckFormat(Aggregate, state.Format, PersonState.CurrentFormat);
        StateRestoreException.Check(state.Id != default, Aggregate, "Id", "the person id is empty");
        StateRestoreException.Check(state.HouseholdId != default, Aggregate, "HouseholdId", "the household id is empty");
        StateRestoreException.Check(!string.IsNullOrWhiteSpace(state.Name), Aggregate, "Name", "the name is blank");
        StateRestoreException.Check(Nik.TryParse(state.Nik, out var nik, out _), Aggregate, "Nik", "not a well-formed NIK");
        StateRestoreException.Check(Enum.IsDefined(state.Sex), Aggregate, "Sex", "unknown sex");
        StateRestoreException.Check(Enum.IsDefined(state.Role), Aggregate, "Role", "unknown household role");
        StateRestoreException.Check(Enum.IsDefined(state.Employment), Aggregate, "Employment", "unknown employment");
        StateRestoreException.Check(state.MaritalStatus is null || Enum.IsDefined(state.MaritalStatus.Value), Aggregate, "MaritalStatus", "unknown marital status");
        return new Person(state.Id, state.HouseholdId, state.Name, nik, state.Sex, state.BirthDate, state.Role, state.Employment, state.MaritalStatus);
    }

    /// <summary>The age in whole years on <paramref name="date"/> (a birthday counts from its day; 29 February from 1 March in common years).</summary>
    /// <remarks>
    /// Computed from the calendar fields, not with <c>Period.Between</c>: NodaTime truncates 29 February to
    /// 28 February in common years, which would age a person born on 29 February one day early.
    /// </remarks>
    public int AgeOn(LocalDate date)
    {
        var age = date.Year - BirthDate.Year;
        return (date.Month, date.Day).CompareTo((BirthDate.Month, BirthDate.Day)) < 0 ? age - 1 : age;
    }

    /// <summary>The name and masked NIK; never the full NIK (PRIV-01).</summary>
    public override string ToString() => $"{Name} ({Nik})";
}

/// <summary>A person as plain data (<see cref="Person.ToState"/>, <see cref="Person.Restore"/>).</summary>
/// <param name="Format">The format version; <see cref="CurrentFormat"/> when written by this version.</param>
/// <param name="Id">The person's id.</param>
/// <param name="HouseholdId">The household the person belongs to.</param>
/// <param name="Name">The name as stored.</param>
/// <param name="Nik">The NIK's 16 digits (personal data: the host protects it at rest).</param>
/// <param name="Sex">The stated sex.</param>
/// <param name="BirthDate">The stated birth date.</param>
/// <param name="Role">The role in the household.</param>
/// <param name="Employment">The main work.</param>
/// <param name="MaritalStatus">The marital status, or null when not recorded.</param>
public sealed record PersonState(int Format, PersonId Id, HouseholdId HouseholdId, string Name, string Nik, Sex Sex, LocalDate BirthDate, HouseholdRole Role, Employment Employment, MaritalStatus? MaritalStatus)
{
    /// <summary>The format this version writes and reads.</summary>
    public const int CurrentFormat = 1;
}
