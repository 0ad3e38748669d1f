using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using KubeCore.Aid;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Facilitation;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Savings;
using KubeCore.WealthRanking;

namespace KubeCore.Rules;

/// <summary>
/// Every error code of the library with its Indonesian and English message. The error code is the
/// message key, as in FluentValidation; <see cref="KubeCoreLanguageManager"/> serves the same texts
/// to validators.
/// </summary>
public static class KubeCoreMessages
{
    private static readonly MessageTable[] Tables =
    [
        ProfileErrors.Messages,
        CommonErrors.Messages,
        HouseholdErrors.Messages,
        WealthRankingErrors.Messages,
        GroupErrors.Messages,
        FacilitationErrors.Messages,
        MeetingErrors.Messages,
        SavingsErrors.Messages,
        LoanErrors.Messages,
        AidErrors.Messages,
        ComplianceErrors.Messages,
        StateErrors.Messages,
    ];

    private static readonly FrozenDictionary<string, MessageText> ByCode =
        Tables.SelectMany(t => t.Texts).ToFrozenDictionary(t => t.Code, StringComparer.Ordinal);

    /// <summary>Every message, by error code.</summary>
    public static IReadOnlyCollection<MessageText> All => ByCode.Values;

    /// <summary>True when the code has messages.</summary>
    public static bool Contains(string code) => ByCode.ContainsKey(code);

    /// <summary>The texts of one code.</summary>
    /// <exception cref="KeyNotFoundException">The code is unknown.</exception>
    public static MessageText Get(string code) => ByCode[code];

    /// <summary>
    /// Renders the message of <paramref name="code"/> in the culture's language (Indonesian when the
    /// culture's two-letter name is <c>id</c>, English otherwise), replacing each <c>{Name}</c> with the
    /// argument of that name. An unknown code renders as the code itself, so a message is never lost.
    /// </summary>
    public static string Format(string code, CultureInfo culture, IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!ByCode.TryGetValue(code, out var text))
        {
            return code;
        }
        var indonesian = IsIndonesian(culture);
        var template = indonesian ? text.Indonesian : text.English;
        var formatCulture = indonesian ? Indonesian : CultureInfo.InvariantCulture;
        var result = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }
            result.Append(template, i, open - i);
            var name = template.Substring(open + 1, close - open - 1);
            if (arguments.TryGetValue(name, out var value))
            {
                result.Append(FormatValue(value, formatCulture));
            }
            else
            {
                result.Append(template, open, close - open + 1);
            }
            i = close + 1;
        }
        return result.ToString();
    }

    /// <summary>True for cultures whose language is Indonesian (<c>id</c>, <c>id-ID</c>).</summary>
    public static bool IsIndonesian(CultureInfo culture) =>
        string.Equals(culture.TwoLetterISOLanguageName, "id", StringComparison.OrdinalIgnoreCase)
        || culture.Name.StartsWith("id", StringComparison.OrdinalIgnoreCase);

    /// <summary>Formats a message argument: money as <c>Rp 1.000</c>, dates ISO, numbers in the culture.</summary>
    public static string FormatValue(object? value, CultureInfo culture) => value switch
    {
        null => string.Empty,
        Rupiah rupiah => rupiah.ToString(),
        Rate rate => rate.ToString(),
        NodaTime.LocalDate date => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, culture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static IEnumerable<(string Area, MessageText Text)> ByArea() =>
        Tables.SelectMany(t => t.Texts.Select(text => (t.Area, text)));

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
}
