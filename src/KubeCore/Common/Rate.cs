using System.Globalization;

namespace KubeCore.Common;

/// <summary>
/// A non-negative rate or share, in basis points (1 bp = 0,01 %; 10 000 bp = 100 %).
/// Used for service charges (1,5 % = 150 bp), quotas (30 % = 3 000 bp) and provisions.
/// </summary>
/// <remarks>
/// Exact integer arithmetic: comparing a share with a rate never goes through floating point.
/// The default value is zero.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.RateJsonConverter))]
public readonly record struct Rate : IComparable<Rate>
{
    /// <summary>Basis points in one whole (100 %).</summary>
    public const int BasisPointsPerWhole = 10_000;

    private Rate(int basisPoints) => BasisPoints = basisPoints;

    /// <summary>The rate in basis points, from 0 to 1 000 000 (0 % to 10 000 %).</summary>
    public int BasisPoints { get; }

    /// <summary>The rate as a percentage, e.g. 1,5 for 150 bp.</summary>
    public decimal Percent => BasisPoints / 100m;

    /// <summary>Zero.</summary>
    public static Rate Zero => default;

    /// <summary>One hundred percent.</summary>
    public static Rate Whole => new(BasisPointsPerWhole);

    /// <summary>Creates a rate from basis points.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0..1 000 000.</exception>
    public static Rate FromBasisPoints(int basisPoints) =>
        new(Preconditions.CheckArgumentRange(basisPoints, 0, 1_000_000));

    /// <summary>Creates a rate from a percentage that is a whole number of basis points (1,5 → 150 bp).</summary>
    /// <exception cref="ArgumentException">The percentage has more than two decimals or is out of range.</exception>
    public static Rate FromPercent(decimal percent)
    {
        var bp = percent * 100m;
        Preconditions.CheckArgument(bp == decimal.Truncate(bp), nameof(percent), "A rate must be a whole number of basis points (at most two decimals of a percent).");
        Preconditions.CheckArgument(bp is >= 0 and <= 1_000_000, nameof(percent), "A rate must be between 0 % and 10 000 %.");
        return new Rate((int)bp);
    }

    /// <summary>
    /// This rate of an amount, truncated toward zero to whole rupiah (the stated rounding rule of
    /// <see cref="Rupiah"/>). Use <see cref="Of(Rupiah, long)"/> to apply it over several periods exactly.
    /// </summary>
    public Rupiah Of(Rupiah amount) => Of(amount, 1);

    /// <summary>
    /// This rate of an amount, for <paramref name="periods"/> periods, computed exactly and truncated
    /// toward zero once at the end (so 1,5 % over 24 months of Rp 5.000.000 is exactly Rp 1.800.000).
    /// </summary>
    public Rupiah Of(Rupiah amount, long periods)
    {
        Preconditions.CheckArgument(periods >= 0, nameof(periods), "The number of periods must not be negative.");
        var numerator = checked((Int128)amount.Amount * BasisPoints * periods);
        return Rupiah.Of((long)(numerator / BasisPointsPerWhole));
    }

    /// <summary>
    /// True when <paramref name="part"/> / <paramref name="whole"/> is at least this rate, computed exactly.
    /// A whole of zero meets only a zero rate.
    /// </summary>
    public bool IsMetBy(long part, long whole)
    {
        Preconditions.CheckArgument(part >= 0 && whole >= 0, nameof(part), "Counts must not be negative.");
        return (Int128)part * BasisPointsPerWhole >= (Int128)whole * BasisPoints;
    }

    /// <summary>
    /// True when <paramref name="part"/> / <paramref name="whole"/> is strictly greater than this rate
    /// (e.g. "more than half"), computed exactly.
    /// </summary>
    public bool IsExceededBy(long part, long whole)
    {
        Preconditions.CheckArgument(part >= 0 && whole >= 0, nameof(part), "Counts must not be negative.");
        return (Int128)part * BasisPointsPerWhole > (Int128)whole * BasisPoints;
    }

    /// <inheritdoc />
    public int CompareTo(Rate other) => BasisPoints.CompareTo(other.BasisPoints);

    /// <summary>Compares two rates.</summary>
    public static bool operator <(Rate left, Rate right) => left.BasisPoints < right.BasisPoints;

    /// <summary>Compares two rates.</summary>
    public static bool operator >(Rate left, Rate right) => left.BasisPoints > right.BasisPoints;

    /// <summary>Compares two rates.</summary>
    public static bool operator <=(Rate left, Rate right) => left.BasisPoints <= right.BasisPoints;

    /// <summary>Compares two rates.</summary>
    public static bool operator >=(Rate left, Rate right) => left.BasisPoints >= right.BasisPoints;

    /// <summary>Formats as a percentage with a decimal comma: <c>1,5 %</c>.</summary>
    public override string ToString() =>
        Percent.ToString("0.##", IndonesianNumbers) + " %";

    private static readonly NumberFormatInfo IndonesianNumbers = new() { NumberDecimalSeparator = "," };
}
