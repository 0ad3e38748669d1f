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

        internal static object Box(TEnum value)
        {
            for (var i = 0; i < Values.Length; i++)
            {
                if (EqualityComparer<TEnum>.Default.Equals(Values[i], value))
                {
                    return Boxes[i];
                }
            }
            return value;
        }
    }
}
