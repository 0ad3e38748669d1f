using System.Globalization;
using KubeCore.Common;

namespace KubeCore.Loans;

/// <summary>
/// An exact ratio of two whole numbers (counts or rupiah), never floating point: non-negative when made with
/// <see cref="Of"/>, possibly negative when made with <see cref="OfSigned"/> (ROI, which a loss makes negative).
/// A zero denominator gives an <b>undefined</b> ratio (e.g. PAR of an empty portfolio), which compares with no rate.
/// </summary>
/// <remarks>
/// The numerator and denominator are kept as given, not reduced, so a report shows the figures it was
/// computed from (3 loans at risk of 40); equality compares both. Comparisons with a <see cref="Rate"/> are
/// exact (128-bit integer cross-multiplication). The default value is the undefined ratio 0/0.
/// </remarks>
public readonly record struct Ratio
{
    private Ratio(long numerator, long denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The numerator: at least 0, except in a ratio made with <see cref="OfSigned"/>.</summary>
    public long Numerator { get; }

    /// <summary>The denominator, at least 0; 0 makes the ratio undefined.</summary>
    public long Denominator { get; }

    /// <summary>True when the denominator is positive.</summary>
    public bool IsDefined => Denominator > 0;

    /// <summary>The value as a decimal (rounded to decimal's 28 significant digits), or null when undefined.</summary>
    public decimal? Value => IsDefined ? (decimal)Numerator / Denominator : null;

    /// <summary>Creates a ratio.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A part is negative.</exception>
    public static Ratio Of(long numerator, long denominator)
    {
        Preconditions.CheckArgumentRange(numerator, 0, long.MaxValue);
        Preconditions.CheckArgumentRange(denominator, 0, long.MaxValue);
        return new Ratio(numerator, denominator);
    }

    /// <summary>Creates a ratio whose numerator may be negative (e.g. ROI: a net loss over capital).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is negative, or the numerator is <see cref="long.MinValue"/>.</exception>
    public static Ratio OfSigned(long numerator, long denominator)
    {
        Preconditions.CheckArgumentRange(numerator, -long.MaxValue, long.MaxValue);
        Preconditions.CheckArgumentRange(denominator, 0, long.MaxValue);
        return new Ratio(numerator, denominator);
    }

    /// <summary>True when defined and strictly below <paramref name="rate"/>.</summary>
    public bool IsBelow(Rate rate) => IsDefined && Scaled < Threshold(rate);

    /// <summary>True when defined and at most <paramref name="rate"/>.</summary>
    public bool IsAtMost(Rate rate) => IsDefined && Scaled <= Threshold(rate);

    /// <summary>True when defined and strictly above <paramref name="rate"/>.</summary>
    public bool IsAbove(Rate rate) => IsDefined && Scaled > Threshold(rate);

    /// <summary>True when defined and at least <paramref name="rate"/>.</summary>
    public bool IsAtLeast(Rate rate) => IsDefined && Scaled >= Threshold(rate);

    private Int128 Scaled => (Int128)Numerator * Rate.BasisPointsPerWhole;

    private Int128 Threshold(Rate rate) => (Int128)Denominator * rate.BasisPoints;

    /// <summary>The ratio as a percentage with two decimals and its figures, e.g. <c>7,50 % (3/40)</c>; <c>n/a (0/0)</c> when undefined.</summary>
    public override string ToString() =>
        (Value is { } v ? (v * 100m).ToString("0.00", CultureInfo.GetCultureInfo("id-ID")) + " %" : "n/a")
        + $" ({Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)})";
}
