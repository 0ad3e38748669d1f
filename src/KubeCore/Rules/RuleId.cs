using System.Text.RegularExpressions;

namespace KubeCore.Rules;

/// <summary>
/// The stable identifier of a rule in the catalogue, e.g. <c>GRP-01</c>: an upper-case area prefix of
/// 3 to 5 letters, a hyphen and a two-digit number. Rule ids are never renamed or reused.
/// </summary>
/// <remarks>The default value is not a valid rule id.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.RuleIdJsonConverter))]
public readonly partial record struct RuleId : IComparable<RuleId>
{
    private RuleId(string value) => Value = value;

    /// <summary>The id text, e.g. <c>GRP-01</c>.</summary>
    public string Value { get; }

    /// <summary>The area prefix, e.g. <c>GRP</c>.</summary>
    public string Area => Value[..Value.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>Parses a rule id.</summary>
    /// <exception cref="FormatException">The text is not of the form <c>AAA-00</c>.</exception>
    public static RuleId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Pattern().IsMatch(text) ? new RuleId(text) : throw new FormatException($"'{text}' is not a rule id of the form AAA-00.");
    }

    /// <inheritdoc />
    public int CompareTo(RuleId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>The id text.</summary>
    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex("^[A-Z]{3,5}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
