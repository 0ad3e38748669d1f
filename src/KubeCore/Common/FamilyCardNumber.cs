using KubeCore.Rules;

namespace KubeCore.Common;

/// <summary>
/// A Kartu Keluarga (family card) number: 16 digits, of which the first 6 are the kecamatan-level region
/// of issue, the next 6 the issue date <c>DDMMYY</c> and the last 4 a serial. One group member per card
/// (GRP-03).
/// </summary>
/// <remarks>Personal data (PRIV-01): <see cref="ToString"/> is masked; <see cref="Reveal"/> gives the
/// full value. The default value is not a valid number.</remarks>
public readonly record struct FamilyCardNumber
{
    // The 16 digits as a number, declared before the text: the generated equality compares fields in declaration
    // order, so two different cards (GRP-03 compares every pair of founders' cards) differ in one long compare.
    private readonly long _number;
    private readonly string? _digits;

    private FamilyCardNumber(string digits)
    {
        _digits = digits;
        foreach (var digit in digits)
        {
            _number = (_number * 10) + (digit - '0');
        }
    }

    /// <summary>The 16 digits as a number: two cards are equal exactly when their numbers are (0 for the default value).</summary>
    internal long Number => _number;

    /// <summary>The kecamatan-level region of issue.</summary>
    public RegionCode Region => RegionCode.Parse(Digits[..6]);

    private string Digits => _digits ?? throw new InvalidOperationException("The default FamilyCardNumber is not a number.");

    /// <summary>Parses a family-card number, throwing a <see cref="RuleViolationException"/> (MEM-06) when malformed.</summary>
    public static FamilyCardNumber Parse(string text) =>
        TryParse(text, out var number, out var violation) ? number : throw new RuleViolationException(violation!);

    /// <summary>Parses a family-card number; on failure <paramref name="violation"/> says why.</summary>
    public static bool TryParse(string? text, out FamilyCardNumber number, out RuleViolation? violation)
    {
        number = default;
        violation = Nik.CheckDigits(text, "KK", CommonErrors.FamilyCardNotSixteenDigits, CommonErrors.FamilyCardRegionInvalid, CommonErrors.FamilyCardSerialInvalid);
        if (violation is not null)
        {
            return false;
        }
        number = new FamilyCardNumber(text!);
        return true;
    }

    /// <summary>The full 16 digits. Personal data: only for callers entitled to it (PRIV-01).</summary>
    public string Reveal() => Digits;

    /// <summary>The masked form: first 6 and last 2 digits visible (PRIV-01).</summary>
    public string Masked => PersonalData.Mask(Digits);

    /// <summary>The masked form, never the full number.</summary>
    public override string ToString() => _digits is null ? string.Empty : Masked;
}
