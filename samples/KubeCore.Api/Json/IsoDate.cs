using System.Diagnostics.CodeAnalysis;
using NodaTime.Text;

namespace KubeCore.Api.Json;

/// <summary>A <see cref="LocalDate"/> in a route or query string (<c>?asOf=2019-04-05</c>), ISO-8601; anything else is a 400 problem.</summary>
/// <param name="Value">The date.</param>
public readonly record struct IsoDate(LocalDate Value) : IParsable<IsoDate>
{
    public static IsoDate Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var date) ? date : throw new FormatException("A date must be ISO-8601, e.g. 2019-04-05.");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out IsoDate result)
    {
        var parsed = s is null ? null : LocalDatePattern.Iso.Parse(s);
        result = parsed is { Success: true } ? new IsoDate(parsed.Value) : default;
        return parsed is { Success: true };
    }

    public override string ToString() => LocalDatePattern.Iso.Format(Value);
}
