using System.Runtime.CompilerServices;

namespace KubeCore.Rules;

/// <summary>
/// Boxed parameter values shared by every decision, so a hot check records a small number or an enum value
/// without allocating. A box is never changed once made, so sharing one cannot change a decision.
/// </summary>
internal static class DecisionBoxes
{
    private static readonly object[] SmallInts = Enumerable.Range(0, 256).Select(i => (object)i).ToArray();

    /// <summary>The value boxed: a shared box for 0..255.</summary>
    internal static object Int(int value) => (uint)value < (uint)SmallInts.Length ? SmallInts[value] : value;

    /// <summary>The value boxed (null stays null, as when an <c>int?</c> is boxed).</summary>
    internal static object? Int(int? value) => value is { } v ? Int(v) : null;

    /// <summary>The value boxed: a shared box for every named value of the enum.</summary>
    internal static object Enum<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumBoxes<TEnum>.Box(value);

    private static class EnumBoxes<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly TEnum[] Values = System.Enum.GetValues<TEnum>();
        private static readonly object[] Boxes = Array.ConvertAll(Values, v => (object)v);

        // For an int-based enum whose named values are all in 0..63 (every enum of this library): the box of each
        // value by the value itself, so a hot check finds its box with one bounds test and one load.
        private static readonly object?[]? ByValue = IndexByValue();

        internal static object Box(TEnum value)
        {
            if (ByValue is { } byValue)
            {
                var index = Unsafe.As<TEnum, int>(ref value);
                return (uint)index < (uint)byValue.Length && byValue[index] is { } box ? box : value;
            }
            for (var i = 0; i < Values.Length; i++)
            {
                if (EqualityComparer<TEnum>.Default.Equals(Values[i], value))
                {
                    return Boxes[i];
                }
            }
            return value;
        }

        private static object?[]? IndexByValue()
        {
            if (System.Enum.GetUnderlyingType(typeof(TEnum)) != typeof(int))
            {
                return null;
            }
            var byValue = new object?[64];
            for (var i = 0; i < Values.Length; i++)
            {
                var value = Values[i];
                var index = Unsafe.As<TEnum, int>(ref value);
                if ((uint)index >= (uint)byValue.Length)
                {
                    return null;
                }
                byValue[index] ??= Boxes[i];
            }
            return byValue;
        }
    }
}
