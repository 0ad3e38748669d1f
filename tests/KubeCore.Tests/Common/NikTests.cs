using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Common;

public class NikTests
{
    /// <summary>The digits of a valid NIK with the sex and birth date it encodes.</summary>
    public sealed record WellFormedNik(string Digits, Sex Sex, LocalDate BirthDate);

    /// <summary>Days added to a birth date.</summary>
    public sealed record BirthDateShift(int Days);

    /// <summary>Where a NIK is cut short, and the character that replaces its last digit.</summary>
    public sealed record Defacement(int Cut, char Junk);

    public static class NikArbitraries
    {
        public static Arbitrary<WellFormedNik> WellFormedNiks() => Generators.ValidNik.Select(n => new WellFormedNik(n.Digits, n.Sex, n.BirthDate)).ToArbitrary();

        public static Arbitrary<BirthDateShift> BirthDateShifts() => Gen.Choose(1, 20_000).Select(d => new BirthDateShift(d)).ToArbitrary();

        public static Arbitrary<Defacement> Defacements() =>
            (from cut in Gen.Choose(0, 30)
             from junk in Gen.Elements('a', ' ', '-', 'x')
             select new Defacement(cut, junk)).ToArbitrary();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(NikArbitraries)])]
    [Trait("Rule", "MEM-06")]
    public bool A_well_formed_NIK_parses_and_agrees_with_the_sex_and_birth_date_it_encodes(WellFormedNik nik)
    {
        var ok = Nik.TryParse(nik.Digits, out var parsed, out var violation);
        return ok && violation is null
            && parsed.CheckAgreesWith(nik.Sex, nik.BirthDate) is null
            && parsed.EncodedSex == nik.Sex
            && parsed.Reveal() == nik.Digits;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(NikArbitraries)])]
    [Trait("Rule", "MEM-06")]
    public bool A_NIK_never_agrees_with_the_other_sex(WellFormedNik nik)
    {
        var other = nik.Sex == Sex.Male ? Sex.Female : Sex.Male;
        var violation = Nik.Parse(nik.Digits).CheckAgreesWith(other, nik.BirthDate);
        return violation is { ErrorCode: CommonErrors.NikSexMismatch } && violation.RuleId == RuleIds.Mem06;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(NikArbitraries)])]
    [Trait("Rule", "MEM-06")]
    public bool A_NIK_never_agrees_with_another_birth_date(WellFormedNik nik, BirthDateShift birthDateShift)
    {
        var shift = birthDateShift.Days;
        var other = nik.BirthDate.PlusDays(shift);
        var violation = Nik.Parse(nik.Digits).CheckAgreesWith(nik.Sex, other);
        // Only a date a whole number of centuries away has the same DDMMYY; shifts here are under 55 years.
        return violation is { ErrorCode: CommonErrors.NikBirthDateMismatch };
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(NikArbitraries)])]
    [Trait("Rule", "MEM-06")]
    public bool A_number_that_is_not_sixteen_digits_is_refused_with_its_code(WellFormedNik nik, Defacement defacement)
    {
        var (cut, junk) = defacement;
        var shorter = nik.Digits[..Math.Min(cut, 15)];
        var withJunk = nik.Digits[..15] + junk;
        var longer = nik.Digits + "1";
        return new[] { shorter, withJunk, longer }.All(text =>
            !Nik.TryParse(text, out _, out var v) && v!.ErrorCode == CommonErrors.NikNotSixteenDigits);
    }

    [Theory]
    [Trait("Rule", "MEM-06")]
    [InlineData("0071015101900001", CommonErrors.NikRegionInvalid)]   // province 00
    [InlineData("6200015101900001", CommonErrors.NikRegionInvalid)]   // regency 00
    [InlineData("6271013201900001", CommonErrors.NikBirthDateInvalid)] // day 32
    [InlineData("6271017201900001", CommonErrors.NikBirthDateInvalid)] // day 72
    [InlineData("6271010013900001", CommonErrors.NikBirthDateInvalid)] // day 00, month 13
    [InlineData("6271013002900001", CommonErrors.NikBirthDateInvalid)] // 30 February
    [InlineData("6271011501900000", CommonErrors.NikSerialInvalid)]
    public void A_malformed_part_is_refused_with_the_code_that_names_it(string text, string code)
    {
        Nik.TryParse(text, out _, out var violation).ShouldBeFalse();
        violation!.ErrorCode.ShouldBe(code);
        Should.Throw<RuleViolationException>(() => Nik.Parse(text)).Violation.ErrorCode.ShouldBe(code);
    }

    [Fact]
    [Trait("Rule", "MEM-06")]
    public void A_woman_born_on_the_ninth_of_May_1985_in_Pahandut_has_day_49()
    {
        var nik = Nik.Parse("6271014905850001");
        nik.EncodedSex.ShouldBe(Sex.Female);
        nik.BirthDay.ShouldBe(9);
        nik.Region.ShouldBe(RegionCode.Parse("62.71.01"));
        nik.CheckAgreesWith(Sex.Female, new LocalDate(1985, 5, 9)).ShouldBeNull();
        nik.CheckAgreesWith(Sex.Male, new LocalDate(1985, 5, 9))!.ErrorCode.ShouldBe(CommonErrors.NikSexMismatch);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(NikArbitraries)])]
    [Trait("Rule", "PRIV-01")]
    public bool A_NIK_or_family_card_shown_anywhere_keeps_only_the_first_six_and_last_two_digits(WellFormedNik nik)
    {
        var parsed = Nik.Parse(nik.Digits);
        var card = FamilyCardNumber.Parse(nik.Digits);
        var expected = nik.Digits[..6] + new string('*', 8) + nik.Digits[^2..];
        return parsed.ToString() == expected && parsed.Masked == expected
            && $"{parsed}" == expected
            && card.ToString() == expected
            && !parsed.ToString().Contains(nik.Digits[6..14], StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PRIV-01")]
    public void Masking_hides_every_digit_of_a_short_value() =>
        PersonalData.Mask("12345678").ShouldBe("********");
}
