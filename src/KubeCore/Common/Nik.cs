using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Common;

/// <summary>
/// A Nomor Induk Kependudukan (NIK), the 16-digit national identity number: 6 digits of region
/// (province, kabupaten/kota, kecamatan), 6 digits of birth date <c>DDMMYY</c> where women's day carries
/// +40, and a 4-digit serial (MEM-06).
/// </summary>
/// <remarks>
/// <para>A NIK is personal data (PRIV-01, UU 27/2022). <see cref="ToString"/> returns the masked form
/// (first 6 and last 2 digits visible), so a NIK that reaches a log or an output is masked by default;
/// <see cref="Reveal"/> gives the full value to callers entitled to it.</para>
/// <para>The default value is not a valid NIK.</para>
/// </remarks>
public readonly record struct Nik
{
    private readonly string? _digits;

    private Nik(string digits) => _digits = digits;

    /// <summary>The kecamatan-level region of registration (first 6 digits).</summary>
    public RegionCode Region => RegionCode.Parse(Digits[..6]);

    /// <summary>The sex encoded in the birth day (day &gt; 40 means female).</summary>
    public Sex EncodedSex => EncodedDay > 40 ? Sex.Female : Sex.Male;

    /// <summary>The day of birth with the +40 for women removed.</summary>
    public int BirthDay => EncodedDay > 40 ? EncodedDay - 40 : EncodedDay;

    /// <summary>The month of birth, 1..12.</summary>
    public int BirthMonth => int.Parse(Digits.AsSpan(8, 2));

    /// <summary>The last two digits of the year of birth.</summary>
    public int BirthYearOfCentury => int.Parse(Digits.AsSpan(10, 2));

    /// <summary>The serial, 1..9999.</summary>
    public int Serial => int.Parse(Digits.AsSpan(12, 4));

    private int EncodedDay => int.Parse(Digits.AsSpan(6, 2));

    private string Digits => _digits ?? throw new InvalidOperationException("The default Nik is not a NIK.");

    /// <summary>Parses a NIK, throwing a <see cref="RuleViolationException"/> (MEM-06) when it is malformed.</summary>
    public static Nik Parse(string text) =>
        TryParse(text, out var nik, out var violation) ? nik : throw new RuleViolationException(violation!);

    /// <summary>
    /// Parses a NIK. On failure <paramref name="violation"/> names the first check it failed:
    /// <see cref="CommonErrors.NikNotSixteenDigits"/>, <see cref="CommonErrors.NikRegionInvalid"/>,
    /// <see cref="CommonErrors.NikBirthDateInvalid"/> or <see cref="CommonErrors.NikSerialInvalid"/>.
    /// </summary>
    public static bool TryParse(string? text, out Nik nik, out RuleViolation? violation)
    {
        nik = default;
        violation = CheckDigits(text, "NIK", CommonErrors.NikNotSixteenDigits, CommonErrors.NikRegionInvalid, CommonErrors.NikSerialInvalid);
        if (violation is null && !IsWellFormedBirthPart(text!.AsSpan(6, 6)))
        {
            violation = RuleViolation.Of(RuleIds.Mem06, CommonErrors.NikBirthDateInvalid);
        }
        if (violation is not null)
        {
            return false;
        }
        nik = new Nik(text!);
        return true;
    }

    /// <summary>
    /// Checks that this NIK agrees with a person's stated sex and birth date (MEM-06). Returns null when
    /// it does, otherwise the first disagreement (<see cref="CommonErrors.NikSexMismatch"/> or
    /// <see cref="CommonErrors.NikBirthDateMismatch"/>). A disagreement is a warning, not a refusal: Dukcapil
    /// does not change a NIK to match a birth date, so real people carry such NIKs (see <see cref="DisagreementWith"/>).
    /// </summary>
    public RuleViolation? CheckAgreesWith(Sex sex, LocalDate birthDate)
    {
        var disagreement = DisagreementWith(sex, birthDate);
        return disagreement == NikDisagreement.None ? null : Warnings(disagreement, sex, birthDate)[0];
    }

    /// <summary>
    /// Which parts of this NIK disagree with a person's stated sex and birth date (MEM-06): the sex part (a
    /// birth day above 40 encodes a woman) and the birth-date part (day, month and the year's last two digits).
    /// <see cref="NikDisagreement.None"/> when both agree.
    /// </summary>
    public NikDisagreement DisagreementWith(Sex sex, LocalDate birthDate)
    {
        var disagreement = NikDisagreement.None;
        if (EncodedSex != sex)
        {
            disagreement |= NikDisagreement.Sex;
        }
        if (BirthDay != birthDate.Day || BirthMonth != birthDate.Month || BirthYearOfCentury != birthDate.Year % 100)
        {
            disagreement |= NikDisagreement.BirthDate;
        }
        return disagreement;
    }

    /// <summary>The MEM-06 warnings of a disagreement, sex first: one per part that disagrees.</summary>
    internal RuleViolation[] Warnings(NikDisagreement disagreement, Sex sex, LocalDate birthDate)
    {
        var warnings = new List<RuleViolation>(2);
        if ((disagreement & NikDisagreement.Sex) != 0)
        {
            warnings.Add(RuleViolation.Of(RuleIds.Mem06, CommonErrors.NikSexMismatch, ("EncodedSex", EncodedSex), ("StatedSex", sex)));
        }
        if ((disagreement & NikDisagreement.BirthDate) != 0)
        {
            warnings.Add(RuleViolation.Of(RuleIds.Mem06, CommonErrors.NikBirthDateMismatch, ("StatedBirthDate", birthDate)));
        }
        return [.. warnings];
    }

    /// <summary>The full 16 digits. Personal data: only for callers entitled to it (PRIV-01).</summary>
    public string Reveal() => Digits;

    /// <summary>The masked form: first 6 and last 2 digits visible, e.g. <c>627101********01</c> (PRIV-01).</summary>
    public string Masked => PersonalData.Mask(Digits);

    /// <summary>The masked form (<see cref="Masked"/>), never the full number.</summary>
    public override string ToString() => _digits is null ? string.Empty : Masked;

    internal static RuleViolation? CheckDigits(string? text, string what, string notSixteen, string regionInvalid, string serialInvalid)
    {
        if (text is null || text.Length != 16 || !text.All(char.IsAsciiDigit))
        {
            return RuleViolation.Of(RuleIds.Mem06, notSixteen, ("Document", what));
        }
        if (!RegionCode.TryParse(text[..6], out _))
        {
            return RuleViolation.Of(RuleIds.Mem06, regionInvalid, ("Document", what));
        }
        if (text.AsSpan(12, 4).SequenceEqual("0000"))
        {
            return RuleViolation.Of(RuleIds.Mem06, serialInvalid, ("Document", what));
        }
        return null;
    }

    /// <summary>DDMMYY with day 1..31 or 41..71, a date that exists in 19YY or 20YY.</summary>
    internal static bool IsWellFormedBirthPart(ReadOnlySpan<char> ddmmyy)
    {
        var day = int.Parse(ddmmyy[..2]);
        var month = int.Parse(ddmmyy.Slice(2, 2));
        var yy = int.Parse(ddmmyy.Slice(4, 2));
        if (day > 40)
        {
            day -= 40;
        }
        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }
        var longest = Math.Max(DateTime.DaysInMonth(1900 + yy, month), DateTime.DaysInMonth(2000 + yy, month));
        return day <= longest;
    }
}

/// <summary>
/// The parts of a NIK that disagree with the person's stated sex or birth date (MEM-06). A flags value:
/// both parts may disagree. A disagreement is recorded as a warning on the person and on every membership
/// decision about them; it never refuses the person (corrected 2026-12-06).
/// </summary>
[Flags]
public enum NikDisagreement
{
    /// <summary>The NIK agrees with the stated sex and birth date.</summary>
    None = 0,

    /// <summary>The sex encoded in the NIK (birth day above 40 for women) differs from the stated sex (MEM06_NIK_SEX_MISMATCH).</summary>
    Sex = 1,

    /// <summary>The birth date encoded in the NIK (DDMMYY) differs from the stated birth date (MEM06_NIK_BIRTH_DATE_MISMATCH).</summary>
    BirthDate = 2,
}
