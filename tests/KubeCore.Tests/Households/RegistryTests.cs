using System.Linq.Expressions;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Rules.Parameters;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Households;

public class RegistryTests
{
    [Theory]
    [Trait("Rule", "POV-03")]
    [InlineData("2025-01-15", "2025-04-15", false)] // fresh through ranking date + 3 months
    [InlineData("2025-01-15", "2025-04-16", true)]
    [InlineData("2024-11-30", "2025-02-28", false)] // 30 November + 3 months = 28 February
    [InlineData("2024-11-30", "2025-03-01", true)]
    [InlineData("2025-02-28", "2025-05-28", false)]
    [InlineData("2025-02-28", "2025-05-31", true)]  // not "31 May − 3 months = 28 February, so fresh"
    [InlineData("2025-03-01", "2025-05-31", false)]
    public void A_DTSEN_decile_is_fresh_for_three_months_counted_as_NodaTime_adds_months(string ranked, string asOf, bool stale)
    {
        var entry = new RegistryEntry(RegistrySource.Dtsen, 2, LocalDate.FromDateTime(DateTime.Parse(ranked, System.Globalization.CultureInfo.InvariantCulture)));
        var date = LocalDate.FromDateTime(DateTime.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));
        var view = new HouseholdRegistryView(HouseholdId.New(), entry);
        var poverty = ProgramProfiles.KubePermensos2019.Poverty;

        entry.IsStaleOn(date, poverty.DecileValidity).ShouldBe(stale);
        new HouseholdsWithStaleDecile(date, poverty).IsSatisfiedBy(view).ShouldBe(stale);
        new HouseholdsWithEligibleDecile(date, poverty).IsSatisfiedBy(view).ShouldBe(!stale);
    }

    [Fact]
    [Trait("Rule", "POV-03")]
    public void The_stale_decile_specification_is_one_comparison_a_query_provider_can_translate()
    {
        var spec = new HouseholdsWithStaleDecile(new LocalDate(2025, 5, 31), Period.FromMonths(3));

        spec.RankedBefore.ShouldBe(new LocalDate(2025, 3, 1));
        var body = spec.ToExpression().Body.ShouldBeAssignableTo<BinaryExpression>()!;
        body.NodeType.ShouldBe(ExpressionType.LessThan);
        Should.Throw<ArgumentException>(() => new HouseholdsWithStaleDecile(new LocalDate(2025, 5, 31), Period.FromHours(1)));
        Should.Throw<ArgumentException>(() => new HouseholdsWithStaleDecile(new LocalDate(2025, 5, 31), Period.FromMonths(-3)));
    }

    [Fact]
    [Trait("Rule", "POV-03")]
    public void A_DTKS_decile_meets_any_maximum_of_four_or_more_and_a_DTSEN_decile_only_up_to_the_maximum()
    {
        var date = new LocalDate(2025, 6, 1);
        var sembako = new PovertyParameters { MaxEligibleDecile = 5 };
        var pkh = new PovertyParameters { MaxEligibleDecile = 4 };
        var strict = new PovertyParameters { MaxEligibleDecile = 2 };

        new RegistryEntry(RegistrySource.Dtks, 4, date).IsEligibleOn(date, sembako).ShouldBeTrue();
        new RegistryEntry(RegistrySource.Dtks, 4, date).IsEligibleOn(date, pkh).ShouldBeTrue();
        new RegistryEntry(RegistrySource.Dtks, 3, date).IsEligibleOn(date, strict).ShouldBeFalse();
        new RegistryEntry(RegistrySource.Dtsen, 5, date).IsEligibleOn(date, sembako).ShouldBeTrue();
        new RegistryEntry(RegistrySource.Dtsen, 5, date).IsEligibleOn(date, pkh).ShouldBeFalse();
        new RegistryEntry(RegistrySource.Dtsen, 2, date.PlusMonths(-4)).IsEligibleOn(date, strict).ShouldBeFalse();
        PovertyEvidence.None.HasEligibleRegistryEntryOn(date, pkh).ShouldBeFalse();
    }

    [Fact]
    public void The_builders_make_households_and_people_whose_numbers_agree_with_them()
    {
        var household = new HouseholdBuilder().InDesa(HouseholdPlaces.Pahandut).WithSize(5).Build();
        var head = new PersonBuilder().Of(household).Named("Yanti").WithSex(Sex.Female).BornOn(new LocalDate(1984, 2, 29)).Build();

        household.FamilyCard.Region.ShouldBe(RegionCode.Parse("62.71.01"));
        head.HouseholdId.ShouldBe(household.Id);
        head.Nik.EncodedSex.ShouldBe(Sex.Female);
        head.Nik.Region.ShouldBe(RegionCode.Parse("62.71.01"));
        head.AgeOn(new LocalDate(2025, 2, 28)).ShouldBe(40); // a 29 February birthday counts from 1 March in common years
        head.AgeOn(new LocalDate(2025, 3, 1)).ShouldBe(41);
        head.AgeOn(new LocalDate(2024, 2, 29)).ShouldBe(40);
        head.ToString().ShouldNotContain(head.Nik.Reveal());
    }
}
