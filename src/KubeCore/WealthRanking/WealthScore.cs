using System.Globalization;
using System.Numerics;
using KubeCore.Common;

namespace KubeCore.WealthRanking;

/// <summary>
/// A household's PRA wealth-ranking score (PRA-02): the mean over informants of
/// <c>100 × pile / pile count</c>, kept as an exact fraction. Scores run 0..100, higher is poorer.
/// </summary>
/// <remarks>
/// <para>Never rounded for decisions: band membership (<see cref="IsAtMost"/>) and comparisons are exact
/// integer cross-multiplications. <see cref="Round"/> and <see cref="ToString"/> round half away from
/// zero for display only.</para>
/// <para>Always stored in lowest terms with a positive denominator, so equal scores are equal values.
/// The default value is zero (0/1).</para>
/// </remarks>
public readonly struct WealthScore : IEquatable<WealthScore>, IComparable<WealthScore>
{
    private readonly BigInteger _numerator;
    private readonly BigInteger _denominatorMinusOne; // so that default is 0/1

    private WealthScore(BigInteger numerator, BigInteger denominator)
    {
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (gcd > BigInteger.One)
        {
            numerator /= gcd;
            denominator /= gcd;
        }
        _numerator = numerator;
        _denominatorMinusOne = denominator - 1;
    }

    /// <summary>The numerator in lowest terms, not negative.</summary>
    public BigInteger Numerator => _numerator;

    /// <summary>The denominator in lowest terms, at least 1.</summary>
    public BigInteger Denominator => _denominatorMinusOne + 1;

    /// <summary>
    /// The score of one household: the mean over informants of <c>100 × piles[i] / pileCounts[i]</c>,
    /// exactly.
    /// </summary>
    /// <param name="piles">Each informant's pile for the household, 1 (richest) .. the informant's pile count (poorest).</param>
    /// <param name="pileCounts">Each informant's pile count, at least 2, in the same order.</param>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths, a pile count is below 2, or a pile is outside 1..its count.</exception>
    public static WealthScore Mean(ReadOnlySpan<int> piles, ReadOnlySpan<int> pileCounts)
    {
        Preconditions.CheckArgument(piles.Length > 0 && piles.Length == pileCounts.Length, nameof(piles), "Give one pile and one pile count per informant.");
        BigInteger numerator = BigInteger.Zero;
        BigInteger denominator = BigInteger.One;
        for (var i = 0; i < piles.Length; i++)
        {
            Preconditions.CheckArgument(pileCounts[i] >= 2, nameof(pileCounts), "An informant sorts into at least two piles.");
            Preconditions.CheckArgument(piles[i] >= 1 && piles[i] <= pileCounts[i], nameof(piles), "A pile is numbered 1..the informant's pile count.");
            // numerator/denominator + pile/count
            numerator = (numerator * pileCounts[i]) + (piles[i] * denominator);
            denominator *= pileCounts[i];
            var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
            numerator /= gcd;
            denominator /= gcd;
        }
        return new WealthScore(numerator * 100, denominator * piles.Length);
    }

    /// <summary>True when the score is at most <paramref name="value"/> (exact: numerator ≤ value × denominator).</summary>
    public bool IsAtMost(int value) => _numerator <= value * Denominator;

    /// <summary>The score rounded half away from zero to <paramref name="decimals"/> places (0..10), computed in integers.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0..10.</exception>
    public decimal Round(int decimals = 2)
    {
        Preconditions.CheckArgumentRange(decimals, 0, 10);
        var scale = BigInteger.Pow(10, decimals);
        var scaled = BigInteger.DivRem(_numerator * scale * 2 + Denominator, Denominator * 2).Quotient; // floor(x·10^d + 1/2), x ≥ 0
        return (decimal)scaled / (decimal)scale;
    }

    /// <inheritdoc />
    public bool Equals(WealthScore other) => _numerator == other._numerator && _denominatorMinusOne == other._denominatorMinusOne;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WealthScore other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_numerator, _denominatorMinusOne);

    /// <inheritdoc />
    public int CompareTo(WealthScore other) => (_numerator * other.Denominator).CompareTo(other._numerator * Denominator);

    /// <summary>Equality of exact values.</summary>
    public static bool operator ==(WealthScore left, WealthScore right) => left.Equals(right);

    /// <summary>Inequality of exact values.</summary>
    public static bool operator !=(WealthScore left, WealthScore right) => !left.Equals(right);

    /// <summary>Compares exact values.</summary>
    public static bool operator <(WealthScore left, WealthScore right) => left.CompareTo(right) < 0;

    /// <summary>Compares exact values.</summary>
    public static bool operator >(WealthScore left, WealthScore right) => left.CompareTo(right) > 0;

    /// <summary>Compares exact values.</summary>
    public static bool operator <=(WealthScore left, WealthScore right) => left.CompareTo(right) <= 0;

    /// <summary>Compares exact values.</summary>
    public static bool operator >=(WealthScore left, WealthScore right) => left.CompareTo(right) >= 0;

    /// <summary>The score rounded to two decimals with a decimal comma, e.g. <c>66,67</c> for 200/3 or <c>75</c>.</summary>
    public override string ToString() => Round(2).ToString("0.##", IndonesianNumbers);

    private static readonly NumberFormatInfo IndonesianNumbers = new() { NumberDecimalSeparator = "," };
}
