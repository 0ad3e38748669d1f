namespace KubeCore.Api.Mapping;

/// <summary>
/// Rows to library objects and back. A household row and its person rows hold the fields of the library's
/// <see cref="HouseholdState"/> and <see cref="PersonState"/> (the family card and NIK in full, unique in the
/// database), and come back through <see cref="Household.Restore"/> and <see cref="Person.Restore"/>: structure
/// checked, no rule judged again (a name MEM-07 now refuses still loads).
/// </summary>
public static class HouseholdMapping
{
    /// <summary>The household of a row.</summary>
    public static Household ToHousehold(this HouseholdRow row) =>
        Household.Restore(new HouseholdState(HouseholdState.CurrentFormat, new HouseholdId(row.Id), row.FamilyCard, RegionCode.Parse(row.Desa), row.Size));

    /// <summary>The person of a row.</summary>
    public static Person ToPerson(this PersonRow row) =>
        Person.Restore(new PersonState(PersonState.CurrentFormat, new PersonId(row.Id), new HouseholdId(row.HouseholdId), row.Name, row.Nik,
            Enum.Parse<Sex>(row.Sex), LocalDate.FromDateOnly(row.BirthDate), Enum.Parse<HouseholdRole>(row.Role), Enum.Parse<Employment>(row.Employment),
            row.MaritalStatus is null ? null : Enum.Parse<MaritalStatus>(row.MaritalStatus))); // null: kept before it was recorded, unknown (MEM-03)

    /// <summary>A member's dossier now: the person, their household and its poverty evidence.</summary>
    public static KubeCore.Groups.MemberDossier ToDossier(PersonRow person, HouseholdRow household) =>
        new(person.ToPerson(), household.ToHousehold(), EvidenceJson.Read(household.Evidence));

    /// <summary>A new row for a household (persons added separately).</summary>
    public static HouseholdRow ToRow(this Household household, DateTimeOffset now, string by) => new()
    {
        Id = household.Id.Value,
        FamilyCard = household.FamilyCard.Reveal(),
        Desa = household.Desa.ToString(),
        Size = household.Size,
        RegisteredAt = now,
        RegisteredBy = by,
        Version = 1,
    };

    /// <summary>A new row for a person.</summary>
    public static PersonRow ToRow(this Person person) => new()
    {
        Id = person.Id.Value,
        HouseholdId = person.HouseholdId.Value,
        Name = person.Name,
        Nik = person.Nik.Reveal(),
        Sex = person.Sex.ToString(),
        BirthDate = person.BirthDate.ToDateOnly(),
        Role = person.Role.ToString(),
        Employment = person.Employment.ToString(),
        MaritalStatus = person.MaritalStatus?.ToString(),
    };
}
