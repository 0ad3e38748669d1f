using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;
using Shouldly;

namespace KubeCore.Tests.State;

/// <summary>A registered household with one of its persons.</summary>
public sealed record RegisteredPerson(Household Household, Person Person)
{
    public override string ToString() => $"RegisteredPerson {{ {Household}, {Person}, {Person.Sex}, {Person.BirthDate}, {Person.Role}, {Person.Employment}, {Person.MaritalStatus} }}";
}

public static class HouseholdStateArbitraries
{
    public static Arbitrary<RegisteredPerson> RegisteredPerson() =>
        (from size in Gen.Choose(1, 100)
         from sex in Gen.Elements(Enum.GetValues<Sex>())
         from age in Gen.Choose(0, 99)
         from role in Gen.Elements(Enum.GetValues<HouseholdRole>())
         from employment in Gen.Elements(Enum.GetValues<Employment>())
         from marital in Gen.Elements(Enum.GetValues<MaritalStatus>().Select(m => (MaritalStatus?)m).Append(null).ToArray())
         from disagrees in Gen.Elements(false, true)
         select Build(size, sex, age, role, employment, marital, disagrees)).ToArbitrary();

    private static RegisteredPerson Build(int size, Sex sex, int age, HouseholdRole role, Employment employment, MaritalStatus? marital, bool disagrees)
    {
        var household = new HouseholdBuilder().WithSize(size).Build();
        var birth = new LocalDate(2024, 6, 1).PlusYears(-age).PlusDays(-age * 3);
        var nik = Nik.Parse(Generators.NikDigits(household.Desa.AtLevel(RegionLevel.District), disagrees ? Other(sex) : sex, birth, 1 + age));
        return new RegisteredPerson(household, Person.Register(PersonId.New(), household.Id, $"Warga {age}", nik, sex, birth, role, employment, marital));
    }

    private static Sex Other(Sex sex) => sex == Sex.Female ? Sex.Male : Sex.Female;
}

[Trait("Category", "State")]
public sealed class HouseholdStateTests
{
    [Property(MaxTest = 100, Arbitrary = [typeof(HouseholdStateArbitraries)])]
    public bool A_household_and_its_person_stored_and_loaded_back_are_the_same_with_the_same_NIK_warnings(RegisteredPerson registered)
    {
        var household = Household.Restore(StateJson.RoundTrip(registered.Household.ToState()));
        var person = Person.Restore(StateJson.RoundTrip(registered.Person.ToState()));
        return StateJson.Serialize(household.ToState()) == StateJson.Serialize(registered.Household.ToState())
            && StateJson.Serialize(person.ToState()) == StateJson.Serialize(registered.Person.ToState())
            && household.FamilyCard == registered.Household.FamilyCard
            && person.Nik == registered.Person.Nik
            && person.NikDisagreement == registered.Person.NikDisagreement
            && person.NikWarnings.Select(w => w.ErrorCode).SequenceEqual(registered.Person.NikWarnings.Select(w => w.ErrorCode));
    }

    [Fact]
    public void A_person_whose_name_MEM_07_refuses_today_still_restores()
    {
        var person = new PersonBuilder().Build();
        var state = person.ToState() with { Name = "Siti\u202EAminah" };

        Should.Throw<KubeCore.Rules.RuleViolationException>(() => Person.Register(PersonId.New(), person.HouseholdId, state.Name, person.Nik, person.Sex, person.BirthDate, person.Role, person.Employment));
        Person.Restore(StateJson.RoundTrip(state)).Name.ShouldBe("Siti\u202EAminah");
    }

    [Fact]
    public void A_household_larger_than_registration_allows_today_still_restores()
    {
        var state = new HouseholdBuilder().Build().ToState() with { Size = 150 };

        Household.Restore(StateJson.RoundTrip(state)).Size.ShouldBe(150);
    }

    [Fact]
    public void The_person_state_holds_enums_as_names_and_the_NIK_as_digits()
    {
        var person = new PersonBuilder().Build();

        var json = StateJson.Serialize(person.ToState());

        json.ShouldContain("\"Sex\":\"Female\"");
        json.ShouldContain($"\"Nik\":\"{person.Nik.Reveal()}\"");
    }

    [Theory]
    [InlineData("format", StateErrors.FormatUnsupported, "Format")]
    [InlineData("card", StateErrors.Broken, "FamilyCard")]
    [InlineData("desa", StateErrors.Broken, "Desa")]
    [InlineData("size", StateErrors.Broken, "Size")]
    [InlineData("id", StateErrors.Broken, "Id")]
    public void A_broken_household_state_is_refused_naming_the_broken_part(string broken, string errorCode, string part)
    {
        var state = new HouseholdBuilder().Build().ToState();
        state = broken switch
        {
            "format" => state with { Format = 0 },
            "card" => state with { FamilyCard = "12" },
            "desa" => state with { Desa = state.Desa.AtLevel(RegionLevel.District) },
            "size" => state with { Size = 0 },
            _ => state with { Id = default },
        };

        var refused = Should.Throw<StateRestoreException>(() => Household.Restore(state));

        refused.ErrorCode.ShouldBe(errorCode);
        refused.Part.ShouldBe(part);
    }

    [Theory]
    [InlineData("format", StateErrors.FormatUnsupported, "Format")]
    [InlineData("nik", StateErrors.Broken, "Nik")]
    [InlineData("name", StateErrors.Broken, "Name")]
    [InlineData("sex", StateErrors.Broken, "Sex")]
    [InlineData("household", StateErrors.Broken, "HouseholdId")]
    public void A_broken_person_state_is_refused_naming_the_broken_part(string broken, string errorCode, string part)
    {
        var state = new PersonBuilder().Build().ToState();
        state = broken switch
        {
            "format" => state with { Format = 2 },
            "nik" => state with { Nik = "0000000000000000" },
            "name" => state with { Name = "" },
            "sex" => state with { Sex = (Sex)9 },
            _ => state with { HouseholdId = default },
        };

        var refused = Should.Throw<StateRestoreException>(() => Person.Restore(state));

        refused.ErrorCode.ShouldBe(errorCode);
        refused.Part.ShouldBe(part);
    }
}
