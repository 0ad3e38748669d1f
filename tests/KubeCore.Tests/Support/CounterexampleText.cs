namespace KubeCore.Tests.Support;

/// <summary>
/// Readable text for generated inputs: a record prints a list or array member as its type name, so the records
/// that carry one override ToString with <see cref="Items{T}"/> and a falsified property shows its items.
/// </summary>
public static class CounterexampleText
{
    /// <summary>The items as <c>[a, b, c]</c>.</summary>
    public static string Items<T>(IEnumerable<T> items) => "[" + string.Join(", ", items) + "]";
}
