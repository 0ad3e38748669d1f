using KubeCore.Api.Persistence;
using KubeCore.Common;
using KubeCore.Households;
using NodaTime;

namespace KubeCore.Api.Mapping;

/// <summary>
/// Rows to library objects and back. Rehydration goes through the library's own factories
/// (<see cref="Household.Register"/>, <see cref="Person.Register"/>), so a stored row that no longer
/// satisfies the library is found, not trusted.
/// </summary>
public static class HouseholdMapping
{
    /// <summary>The household of a row.</summary>
    public static Household ToHousehold(this HouseholdRow row) =>
        Household.Register(new HouseholdId(row.Id), FamilyCardNumber.Parse(row.FamilyCard), RegionCode.Parse(row.Desa), row.Size);

    /// <summary>The person of a row.</summary>
    public static Person ToPerson(this PersonRow row) =>
        Person.RegisterStored(new PersonId(row.Id), new HouseholdId(row.HouseholdId), row.Name, Nik.Parse(row.Nik),
            Enum.Parse<Sex>(row.Sex), LocalDate.FromDateOnly(row.BirthDate), Enum.Parse<HouseholdRole>(row.Role), Enum.Parse<Employment>(row.Employment),
            ReadMaritalStatus(row.MaritalStatus));

    /// <summary>A stored marital status; null (rows kept before it was recorded) is unknown (MEM-03).</summary>
    public static MaritalStatus? ReadMaritalStatus(string? stored) => stored is null ? null : Enum.Parse<MaritalStatus>(stored);

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
