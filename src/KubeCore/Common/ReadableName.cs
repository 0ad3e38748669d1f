using System.Globalization;
using System.Text;
using KubeCore.Rules;

namespace KubeCore.Common;

/// <summary>
/// MEM-07: a person's or group's name is text a person can read. <see cref="Check"/> normalises a name (Unicode
/// NFC, then trimmed of white space) and refuses it when it is empty once invisible characters are removed, when it
/// holds a control, line-break, bidirectional-override or unpaired-surrogate character, or when it is longer than the
/// stated length in Unicode code points.
/// </summary>
/// <remarks>
/// <para><b>Invisible</b> characters are white space, format characters (Unicode category Cf: zero-width space and
/// joiners, the byte-order mark, soft hyphen, word joiner, direction marks), combining marks (Mn, Me) and the
/// filler characters U+115F, U+1160, U+3164, U+FFA0 and U+2800. They may appear inside a name (a combining accent
/// on a letter, a zero-width joiner in Indic script) but a name of nothing else is empty.</para>
/// <para><b>Unreadable</b> characters are controls (Cc: U+0000–U+001F, U+007F–U+009F, tab and newline included),
/// the line and paragraph separators U+2028 and U+2029, the bidirectional embeddings, overrides and isolates
/// U+202A–U+202E and U+2066–U+2069, and unpaired UTF-16 surrogates.</para>
/// <para>The length counts code points (not UTF-16 units, not grapheme clusters: a cluster can be made
/// arbitrarily long with combining marks) of the normalised name.</para>
/// <para>MEM-07 judges new registrations only: names stored before it still load through the restoring paths
/// (<c>Person.Restore</c>, <c>Group.Restore</c>, <c>Pendamping.Restore</c>: structure checked, no rule judged again).</para>
/// </remarks>
public static class ReadableName
{
    /// <summary>The default longest name: 100 code points (a design choice; MEM-07).</summary>
    public const int DefaultMaxLength = 100;

    /// <summary>
    /// MEM-07: the normalised name (NFC, trimmed) when <paramref name="name"/> is readable and at most
    /// <paramref name="maxLength"/> code points long; otherwise null and the violation.
    /// </summary>
    /// <param name="name">The name as given; null counts as empty.</param>
    /// <param name="maxLength">The longest name allowed, in code points, at least 1.</param>
    /// <param name="normalized">The name as it is to be stored, or null when refused.</param>
    /// <returns>Null when the name is readable, else the MEM-07 violation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is below 1.</exception>
    public static RuleViolation? Check(string? name, int maxLength, out string? normalized)
    {
        Preconditions.CheckArgumentRange(maxLength, 1, int.MaxValue);
        normalized = null;
        if (name is null)
        {
            return Empty();
        }
        // Unpaired surrogates first: string.Normalize throws on them.
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsSurrogate(name[i]))
            {
                if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
                {
                    i++;
                    continue;
                }
                return Unreadable(name[i], i);
            }
        }
        var text = name.IsNormalized(NormalizationForm.FormC) ? name : name.Normalize(NormalizationForm.FormC);
        text = text.Trim();
        var length = 0;
        var visible = false;
        var position = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            position++;
            // Printable ASCII other than the space (most names are nothing else) is readable and visible.
            if (rune.Value is > 0x20 and < 0x7F)
            {
                visible = true;
                length++;
                continue;
            }
            if (IsUnreadable(rune))
            {
                return Unreadable(rune.Value, position);
            }
            visible |= !IsInvisible(rune);
            length++;
        }
        if (!visible)
        {
            return Empty();
        }
        if (length > maxLength)
        {
            return RuleViolation.Of(RuleIds.Mem07, CommonErrors.NameTooLong, ("Length", length), ("MaxLength", maxLength));
        }
        normalized = text;
        return null;
    }

    /// <summary>
    /// True when <paramref name="text"/> is null or holds nothing a person can see: only white space, invisible characters
    /// and controls (see the remarks of <see cref="ReadableName"/>). The one definition of a blank text: a name that is
    /// blank is <see cref="CommonErrors.NameEmpty"/> (MEM-07), and other texts a person must give (the reason of a
    /// reversal, SAV-01) are judged blank by it too.
    /// </summary>
    internal static bool IsBlank(string? text)
    {
        if (text is null)
        {
            return true;
        }
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsInvisible(rune) && !IsUnreadable(rune))
            {
                return false;
            }
        }
        return true;
    }

    private static RuleViolation Empty() => RuleViolation.Of(RuleIds.Mem07, CommonErrors.NameEmpty);

    /// <summary>The normalised name (see <see cref="Check"/>), or a <see cref="RuleViolationException"/>.</summary>
    /// <exception cref="RuleViolationException">MEM-07: the name is empty, unreadable or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is below 1.</exception>
    public static string Normalize(string? name, int maxLength = DefaultMaxLength) =>
        Check(name, maxLength, out var normalized) is { } violation ? throw new RuleViolationException(violation) : normalized!;

    private static RuleViolation Unreadable(int codePoint, int position) =>
        RuleViolation.Of(RuleIds.Mem07, CommonErrors.NameUnreadableCharacter,
            ("CodePoint", "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture)), ("Position", position));

    private static bool IsUnreadable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control
        || rune.Value is 0x2028 or 0x2029 or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
        || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;
}
