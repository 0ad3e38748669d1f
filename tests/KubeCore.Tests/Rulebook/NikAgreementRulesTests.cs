using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Rulebooks;

/// <summary>A well-formed NIK with the sex and birth date it encodes, and a stated sex and birth date that may differ.</summary>
public sealed record StatedIdentity(string Digits, Sex EncodedSex, LocalDate EncodedBirthDate, Sex StatedSex, LocalDate StatedBirthDate);

/// <summary>A NIK's six birth-date digits: day part (1..99) and month part (0..99) with a two-digit year.</summary>
public sealed record BirthPart(int Day, int Month, int YearOfCentury);

public static class NikAgreementArbitraries
{
    public static Arbitrary<StatedIdentity> StatedIdentity() =>
        (from nik in Generators.ValidNik
         from otherSex in Gen.Elements(true, false)
         from shift in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 20_000)))
         let stated = otherSex ? (nik.Sex == Sex.Male ? Sex.Female : Sex.Male) : nik.Sex
         select new StatedIdentity(nik.Digits, nik.Sex, nik.BirthDate, stated, nik.BirthDate.PlusDays(shift))).ToArbitrary();

    public static Arbitrary<BirthPart> BirthPart() =>
        (from day in Gen.Frequency((3, Gen.Choose(1, 31)), (3, Gen.Choose(41, 71)), (2, Gen.Choose(28, 45)), (2, Gen.Choose(68, 99)), (1, Gen.Constant(0)))
         from month in Gen.Frequency((6, Gen.Choose(1, 12)), (2, Gen.Choose(12, 14)), (1, Gen.Choose(0, 99)))
         from yy in Gen.Choose(0, 99)
         select new BirthPart(day, month, yy)).ToArbitrary();
}

/// <summary>
/// MEM-06 (corrected 2026-12-06): a malformed NIK is refused; a well-formed NIK whose sex or birth-date part
/// disagrees with the stated sex or birth date is accepted and the disagreement is kept as a warning on the person
/// and on every membership decision about them.
/// </summary>
public class NikAgreementRulesTests
{
    private static readonly RegionCode Kecamatan = Places.Pahandut.AtLevel(RegionLevel.District);
    private static readonly LocalDate AsOf = new(2020, 6, 1);

    private static Person Register(Nik nik, Sex sex, LocalDate birthDate) =>
        Person.Register(PersonId.New(), HouseholdId.New(), "Siti Rahmah", nik, sex, birthDate, HouseholdRole.Head, Employment.Trader, MaritalStatus.Married);

    private static MemberDossier DossierOf(Nik nik, Sex sex, LocalDate birthDate)
    {
        var household = Household.Register(HouseholdId.New(), FamilyCardNumber.Parse("6271011507100001"), Places.Pahandut, 4);
        var person = Person.Register(PersonId.New(), household.Id, "Siti Rahmah", nik, sex, birthDate, HouseholdRole.Head, Employment.Trader, MaritalStatus.Married);
        return new MemberDossier(person, household, Evidence.AcceptedOn(AsOf));
    }

    [Fact]
    [Trait("Rule", "MEM-06")]
    public void A_woman_whose_NIK_says_12_July_1985_registered_as_born_13_July_1985_is_accepted_with_a_warning()
    {
        var nik = Nik.Parse("6271015207850001"); // day 52 = 12 + 40 (a woman), July 1985

        var person = Register(nik, Sex.Female, new LocalDate(1985, 7, 13));

        person.NikDisagreement.ShouldBe(NikDisagreement.BirthDate);
        person.NikWarnings.Select(w => w.ErrorCode).ShouldBe([CommonErrors.NikBirthDateMismatch]);
        person.NikWarnings.ShouldAllBe(w => w.RuleId == RuleIds.Mem06);

        var decision = MemberEligibility.Evaluate(DossierOf(nik, Sex.Female, new LocalDate(1985, 7, 13)), ProgramProfiles.KubePermensos2019, AsOf);
        decision.IsApproved.ShouldBeTrue(decision.ToString());
        decision.Warnings.Select(w => w.ErrorCode).ShouldBe([CommonErrors.NikBirthDateMismatch]);
        decision.Checks.Single(c => c.RuleId == RuleIds.Mem06).Outcome.ShouldBe(CheckOutcome.Warning);
    }

    [Theory]
    [Trait("Rule", "MEM-06")]
    [InlineData("6271017207850001")] // day part 72: 32 for a woman, no month has it
    [InlineData("6271015213850001")] // month 13
    [InlineData("6271013207850001")] // day part 32
    [InlineData("6271010007850001")] // day part 00
    public void A_NIK_with_a_malformed_birth_date_part_is_still_refused(string digits)
    {
        Nik.TryParse(digits, out _, out var violation).ShouldBeFalse();
        violation!.ErrorCode.ShouldBe(CommonErrors.NikBirthDateInvalid);
        violation.RuleId.ShouldBe(RuleIds.Mem06);
        Should.Throw<RuleViolationException>(() => Nik.Parse(digits)).Violation.ErrorCode.ShouldBe(CommonErrors.NikBirthDateInvalid);
    }

    [Theory]
    [Trait("Rule", "MEM-06")]
    [InlineData("6271013107850001")] // day 31 of July: the last day of the longest month
    [InlineData("6271017107850001")] // day part 71 = 31 + 40
    [InlineData("6271015212850001")] // month 12
    [InlineData("6271014101850001")] // day part 41 = 1 + 40
    public void A_NIK_whose_birth_date_part_is_at_the_edge_of_well_formed_parses(string digits) =>
        Nik.TryParse(digits, out _, out _).ShouldBeTrue();

    [Property(MaxTest = 200, Arbitrary = [typeof(NikAgreementArbitraries)])]
    [Trait("Rule", "MEM-06")]
    public bool A_birth_date_part_is_refused_exactly_when_its_day_or_month_is_no_date_in_either_century(BirthPart part)
    {
        var digits = $"627101{part.Day:00}{part.Month:00}{part.YearOfCentury:00}0001";
        var day = part.Day > 40 ? part.Day - 40 : part.Day;
        var longest = part.Month is >= 1 and <= 12
            ? Math.Max(DateTime.DaysInMonth(1900 + part.YearOfCentury, part.Month), DateTime.DaysInMonth(2000 + part.YearOfCentury, part.Month))
            : 0;
        var wellFormed = part.Month is >= 1 and <= 12 && day >= 1 && day <= longest;
        var parsed = Nik.TryParse(digits, out _, out var violation);
        return parsed == wellFormed && (parsed || violation!.ErrorCode == CommonErrors.NikBirthDateInvalid);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(NikAgreementArbitraries)])]
    [Trait("Rule", "MEM-06")]
    public bool A_person_is_registered_whatever_their_NIK_says_and_keeps_one_warning_per_part_that_disagrees(StatedIdentity c)
    {
        var person = Register(Nik.Parse(c.Digits), c.StatedSex, c.StatedBirthDate);
        var sexDiffers = c.StatedSex != c.EncodedSex;
        // Shifts stay under a century, so any shift changes DDMMYY.
        var dateDiffers = c.StatedBirthDate != c.EncodedBirthDate;
        var expected = new List<string>();
        if (sexDiffers)
        {
            expected.Add(CommonErrors.NikSexMismatch);
        }
        if (dateDiffers)
        {
            expected.Add(CommonErrors.NikBirthDateMismatch);
        }
        return person.NikDisagreement.HasFlag(NikDisagreement.Sex) == sexDiffers
            && person.NikDisagreement.HasFlag(NikDisagreement.BirthDate) == dateDiffers
            && person.NikWarnings.Select(w => w.ErrorCode).SequenceEqual(expected)
            && person.NikWarnings.All(w => w.RuleId == RuleIds.Mem06);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(NikAgreementArbitraries)])]
    [Trait("Rule", "MEM-06")]
    public bool A_membership_decision_records_the_NIK_warnings_and_they_never_reject_it(StatedIdentity c)
    {
        var dossier = DossierOf(Nik.Parse(c.Digits), c.StatedSex, c.StatedBirthDate);
        var decision = MemberEligibility.Evaluate(dossier, ProgramProfiles.Kub, AsOf);
        var mem06 = decision.Checks.Where(k => k.RuleId == RuleIds.Mem06).ToList();
        var withoutMem06 = decision.Checks.Where(k => k.RuleId != RuleIds.Mem06).All(k => k.Outcome != CheckOutcome.Failed);
        return mem06.Count == dossier.Person.NikWarnings.Count
            && mem06.All(k => k.Outcome == CheckOutcome.Warning)
            && decision.Warnings.Select(w => w.ErrorCode).SequenceEqual(dossier.Person.NikWarnings.Select(w => w.ErrorCode))
            && decision.IsApproved == withoutMem06;
    }

    [Fact]
    [Trait("Rule", "MEM-06")]
    public void A_group_formed_with_a_member_whose_NIK_disagrees_is_formed_and_its_decision_carries_the_warning()
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubeKemensos2018).ProposedOn(new LocalDate(2018, 12, 10)).WithMembers(5);
        var founders = builder.Founders.ToList();
        var first = founders[0];
        var nik = first.Person.Nik;
        var misdated = Person.Register(first.Person.Id, first.Household.Id, first.Person.Name, nik, first.Person.Sex,
            first.Person.BirthDate.PlusDays(1), first.Person.Role, first.Person.Employment, first.Person.MaritalStatus);
        founders[0] = new MemberDossier(misdated, first.Household, first.Evidence);

        var decision = Group.EvaluateProposal(builder.WithFounders(founders).Command());

        decision.IsApproved.ShouldBeTrue(decision.ToString());
        decision.Warnings.ShouldHaveSingleItem().ErrorCode.ShouldBe(CommonErrors.NikBirthDateMismatch);
    }
}
