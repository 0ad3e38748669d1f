using KubeCore.Api.Json;
using KubeCore.Api.Persistence;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Api.Mapping;

/// <summary>A registry entry (DTKS/DTSEN decile) as stored and sent.</summary>
public sealed record RegistryData(RegistrySource Source, int Decile, LocalDate RankedOn);

/// <summary>A PRA wealth-ranking result for a household, as stored and sent.</summary>
public sealed record PraData(ExerciseId ExerciseId, LocalDate HeldOn, WealthCategory Category, bool IsPoor, bool ConfirmedByRegistry);

/// <summary>A household's poverty evidence (MEM-01), as stored in <c>households.evidence</c> and sent.</summary>
public sealed record EvidenceData(RegistryData? Registry, PraData? Pra, bool OnPs2List)
{
    /// <summary>No evidence.</summary>
    public static EvidenceData None { get; } = new(null, null, false);

    /// <summary>The library's evidence.</summary>
    /// <exception cref="ArgumentException">A decile is out of its registry's range.</exception>
    public PovertyEvidence ToDomain() => new(
        Registry is { } r ? new RegistryEntry(r.Source, r.Decile, r.RankedOn) : null,
        Pra is { } p ? new PraRanking(p.ExerciseId, p.HeldOn, p.Category, p.IsPoor, p.ConfirmedByRegistry) : null,
        OnPs2List);
}

/// <summary>
/// A person as stored in a command (the full record: the group keeps its members' identity). Commands stored before
/// marital status was recorded have none: null, unknown (MEM-03).
/// </summary>
public sealed record PersonData(PersonId Id, HouseholdId HouseholdId, string Name, string Nik, Sex Sex, LocalDate BirthDate, HouseholdRole Role, Employment Employment, MaritalStatus? MaritalStatus = null)
{
    /// <summary>The library's person as stored (no rule judged again; a disagreeing NIK comes back with its MEM-06 warning).</summary>
    public Person ToDomain() => Person.RegisterStored(Id, HouseholdId, Name, Common.Nik.Parse(Nik), Sex, BirthDate, Role, Employment, MaritalStatus);
}

/// <summary>A household as stored in a command.</summary>
public sealed record HouseholdData(HouseholdId Id, string FamilyCard, RegionCode Desa, int Size)
{
    /// <summary>The library's household.</summary>
    public Household ToDomain() => Household.Register(Id, FamilyCardNumber.Parse(FamilyCard), Desa, Size);
}

/// <summary>
/// A member's dossier (person, household, poverty evidence) as it was when the command was accepted. Stored
/// inside group commands, so a replay decides MEM-01..04 on the same facts even after the household's
/// evidence has been updated.
/// </summary>
public sealed record DossierData(PersonData Person, HouseholdData Household, EvidenceData Evidence)
{
    /// <summary>The library's dossier.</summary>
    public MemberDossier ToDomain() => new(Person.ToDomain(), Household.ToDomain(), Evidence.ToDomain());

    /// <summary>The dossier of a person row with its household row.</summary>
    public static DossierData From(PersonRow person, HouseholdRow household) => new(
        new PersonData(new PersonId(person.Id), new HouseholdId(person.HouseholdId), person.Name, person.Nik,
            Enum.Parse<Sex>(person.Sex), LocalDate.FromDateOnly(person.BirthDate), Enum.Parse<HouseholdRole>(person.Role), Enum.Parse<Employment>(person.Employment),
            HouseholdMapping.ReadMaritalStatus(person.MaritalStatus)),
        new HouseholdData(new HouseholdId(household.Id), household.FamilyCard, RegionCode.Parse(household.Desa), household.Size),
        EvidenceJson.Read(household.Evidence));
}

/// <summary>The evidence column's JSON.</summary>
public static class EvidenceJson
{
    private static System.Text.Json.JsonSerializerOptions Options => KubeCoreJsonConverters.Storage;

    /// <summary>The stored evidence, or none.</summary>
    public static EvidenceData Read(string? json) =>
        string.IsNullOrEmpty(json) ? EvidenceData.None : System.Text.Json.JsonSerializer.Deserialize<EvidenceData>(json, Options) ?? EvidenceData.None;

    /// <summary>The evidence as stored.</summary>
    public static string Write(EvidenceData evidence) => System.Text.Json.JsonSerializer.Serialize(evidence, Options);
}
