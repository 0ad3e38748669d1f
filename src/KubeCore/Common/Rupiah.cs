using System.Globalization;

namespace KubeCore.Common;

/// <summary>
/// An amount of Indonesian Rupiah in whole units (no sen), as a signed 64-bit integer.
/// </summary>
/// <remarks>
/// <para>Money is never floating point (SAV-07). All arithmetic is <c>checked</c>: an overflow throws
/// <see cref="OverflowException"/> rather than wrapping.</para>
/// <para><b>The one rounding rule.</b> Where a computation cannot stay in whole rupiah (a percentage, a
/// division into parts), the result is truncated toward zero, so a member is never charged more than the
/// exact figure, and any remainder is reported to the caller, who places it on a named part (for a loan,
/// the last installment). <see cref="Split"/> and <see cref="Rate.Of(Rupiah)"/> follow this rule.</para>
/// <para>Amounts may be negative (a net movement); operations that need a positive amount validate it.
/// The default value is <see cref="Zero"/>.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.RupiahJsonConverter))]
public readonly record struct Rupiah : IComparable<Rupiah>, IComparable
{
    /// <summary>Zero rupiah.</summary>
    public static Rupiah Zero => default;

    private Rupiah(long amount) => Amount = amount;

    /// <summary>The amount in whole rupiah.</summary>
    public long Amount { get; }

    /// <summary>True when the amount is greater than zero.</summary>
    public bool IsPositive => Amount > 0;

    /// <summary>True when the amount is less than zero.</summary>
    public bool IsNegative => Amount < 0;

    /// <summary>Creates an amount of whole rupiah.</summary>
    /// <param name="amount">The amount in whole rupiah; any sign.</param>
    public static Rupiah Of(long amount) => new(amount);

    /// <summary>Adds two amounts (checked).</summary>
    public static Rupiah operator +(Rupiah left, Rupiah right) => new(checked(left.Amount + right.Amount));

    /// <summary>Subtracts two amounts (checked).</summary>
    public static Rupiah operator -(Rupiah left, Rupiah right) => new(checked(left.Amount - right.Amount));

    /// <summary>Negates an amount (checked).</summary>
    public static Rupiah operator -(Rupiah value) => new(checked(-value.Amount));

    /// <summary>Multiplies an amount by a whole factor (checked).</summary>
    public static Rupiah operator *(Rupiah value, long factor) => new(checked(value.Amount * factor));

    /// <summary>Multiplies an amount by a whole factor (checked).</summary>
    public static Rupiah operator *(long factor, Rupiah value) => value * factor;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(Rupiah left, Rupiah right) => left.Amount < right.Amount;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(Rupiah left, Rupiah right) => left.Amount > right.Amount;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(Rupiah left, Rupiah right) => left.Amount <= right.Amount;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(Rupiah left, Rupiah right) => left.Amount >= right.Amount;

    /// <summary>The smaller of two amounts.</summary>
    public static Rupiah Min(Rupiah left, Rupiah right) => left <= right ? left : right;

    /// <summary>The larger of two amounts.</summary>
    public static Rupiah Max(Rupiah left, Rupiah right) => left >= right ? left : right;

    /// <summary>Sums a sequence of amounts (checked).</summary>
    public static Rupiah Sum(IEnumerable<Rupiah> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        long total = 0;
        foreach (var amount in amounts)
        {
            total = checked(total + amount.Amount);
        }
        return new Rupiah(total);
    }

    /// <summary>
    /// Splits this amount into <paramref name="parts"/> whole-rupiah parts that add up exactly to it:
    /// every part but the last is the quotient truncated toward zero, and the last part carries the
    /// remainder (the stated rounding rule).
    /// </summary>
    /// <param name="parts">Number of parts, at least 1.</param>
    /// <returns>An array of <paramref name="parts"/> amounts whose sum equals this amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is less than 1.</exception>
    public Rupiah[] Split(int parts)
    {
        Preconditions.CheckArgumentRange(parts, 1, int.MaxValue);
        var result = new Rupiah[parts];
        var each = Amount / parts;
        for (var i = 0; i < parts - 1; i++)
        {
            result[i] = new Rupiah(each);
        }
        result[parts - 1] = new Rupiah(checked(Amount - (each * (parts - 1))));
        return result;
    }

    /// <inheritdoc />
    public int CompareTo(Rupiah other) => Amount.CompareTo(other.Amount);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Rupiah other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type Rupiah.", nameof(obj)),
    };

    /// <summary>
    /// Formats the amount the Indonesian way, with a dot as the thousands separator:
    /// <c>Rp 5.000.000</c>, <c>-Rp 75.000</c>.
    /// </summary>
    public override string ToString()
    {
        var digits = Math.Abs((decimal)Amount).ToString("#,0", IndonesianNumbers);
        return Amount < 0 ? "-Rp " + digits : "Rp " + digits;
    }

    private static readonly NumberFormatInfo IndonesianNumbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
    };
}
