using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using KubeCore.Rules;

namespace KubeCore.Common;

/// <summary>
/// Error codes of restoring an aggregate from a stored state (<c>Restore</c> methods). Restoring checks the state's
/// structure only (format version, sequences, hash chain, sums, references between its parts) and never re-runs
/// business rules: stored history always loads; only new operations are judged by the current rules.
/// </summary>
public static class StateErrors
{
    /// <summary>The state's format version is not one this version of KubeCore reads.</summary>
    public const string FormatUnsupported = "STATE_FORMAT_UNSUPPORTED";

    /// <summary>A part of the state contradicts another (or itself); the part is named.</summary>
    public const string Broken = "STATE_BROKEN";

    /// <summary>The host's profile resolver does not know the profile the state names.</summary>
    public const string ProfileUnknown = "STATE_PROFILE_UNKNOWN";

    internal static readonly MessageTable Messages = new("State",
    [
        new(FormatUnsupported, "Status {Aggregate} berformat {Format}; versi ini membaca format {Supported}.", "The {Aggregate} state is in format {Format}; this version reads format {Supported}."),
        new(Broken, "Status {Aggregate} rusak pada bagian {Part}: {Reason}.", "The {Aggregate} state is broken at {Part}: {Reason}."),
        new(ProfileUnknown, "Profil program {ProfileId} dari status {Aggregate} tidak dikenal oleh penyedia profil.", "The program profile {ProfileId} of the {Aggregate} state is not known to the profile resolver."),
    ]);
}

/// <summary>
/// Thrown by a <c>Restore</c> method when a stored state is structurally broken: <see cref="ErrorCode"/> is one of
/// <see cref="StateErrors"/>, <see cref="Part"/> names the broken part (e.g. <c>Entries[41].PreviousHash</c>).
/// Nothing is restored.
/// </summary>
public sealed class StateRestoreException : Exception
{
    private StateRestoreException(string errorCode, string aggregate, string part, string reason, IReadOnlyDictionary<string, object?> arguments)
        : base(KubeCoreMessages.Format(errorCode, CultureInfo.InvariantCulture, arguments))
    {
        ErrorCode = errorCode;
        Aggregate = aggregate;
        Part = part;
        Reason = reason;
        Arguments = arguments;
    }

    /// <summary>The stable error code (one of <see cref="StateErrors"/>).</summary>
    public string ErrorCode { get; }

    /// <summary>The aggregate whose state is broken, e.g. <c>Group</c>.</summary>
    public string Aggregate { get; }

    /// <summary>The broken part, e.g. <c>Members[3].PersonId</c>.</summary>
    public string Part { get; }

    /// <summary>What is wrong with the part, in English.</summary>
    public string Reason { get; }

    /// <summary>The message arguments by placeholder name.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The message in the culture's language: Indonesian for <c>id</c> cultures, English otherwise.</summary>
    public string Describe(CultureInfo? culture = null) => KubeCoreMessages.Format(ErrorCode, culture ?? CultureInfo.CurrentUICulture, Arguments);

    /// <summary><see cref="StateErrors.Broken"/>: <paramref name="part"/> of the <paramref name="aggregate"/> state is wrong.</summary>
    public static StateRestoreException Broken(string aggregate, string part, string reason) =>
        new(StateErrors.Broken, aggregate, part, reason, Map(("Aggregate", aggregate), ("Part", part), ("Reason", reason)));

    /// <summary>Refuses a state whose format is not <paramref name="supported"/> (<see cref="StateErrors.FormatUnsupported"/>).</summary>
    /// <exception cref="StateRestoreException">When <paramref name="format"/> differs from <paramref name="supported"/>.</exception>
    public static void CheckFormat(string aggregate, int format, int supported)
    {
        if (format != supported)
        {
            throw new StateRestoreException(StateErrors.FormatUnsupported, aggregate, "Format", $"format {format} is not {supported}",
                Map(("Aggregate", aggregate), ("Format", format), ("Supported", supported)));
        }
    }

    /// <summary>Refuses a state whose <paramref name="part"/> does not hold <paramref name="condition"/> (<see cref="StateErrors.Broken"/>).</summary>
    /// <exception cref="StateRestoreException">When the condition is false.</exception>
    public static void Check(bool condition, string aggregate, string part, string reason)
    {
        if (!condition)
        {
            throw Broken(aggregate, part, reason);
        }
    }

    // The same check for the library's own restore loops: the part and the reason are formatted only when the check
    // fails (see BrokenText), so a state that holds costs no string per checked field.
    internal static void Require(
        [DoesNotReturnIf(false)] bool condition,
        string aggregate,
        [InterpolatedStringHandlerArgument(nameof(condition))] BrokenText part,
        [InterpolatedStringHandlerArgument(nameof(condition))] BrokenText reason)
    {
        if (!condition)
        {
            throw Broken(aggregate, part.ToStringAndClear(), reason.ToStringAndClear());
        }
    }

    /// <summary>The profile the state names, from the host's resolver, or <see cref="StateErrors.ProfileUnknown"/>.</summary>
    /// <exception cref="StateRestoreException">The resolver does not know <paramref name="profileId"/>.</exception>
    public static ProgramProfile Resolve(ProfileResolver profiles, string aggregate, string profileId)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return profiles(profileId) ?? throw new StateRestoreException(StateErrors.ProfileUnknown, aggregate, "ProfileId", $"profile {profileId} is unknown",
            Map(("Aggregate", aggregate), ("ProfileId", profileId)));
    }

    private static Dictionary<string, object?> Map(params ReadOnlySpan<(string Name, object? Value)> arguments)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            map.Add(name, value);
        }
        return map;
    }
}

/// <summary>
/// The part or reason of a restore check (<see cref="StateRestoreException.Require"/>): an interpolated string is
/// formatted only when the check's condition is false (its holes are not even evaluated otherwise), a plain string is
/// taken as it is. Holes are formatted as in a C# interpolated string (the current culture).
/// </summary>
/// <remarks>
/// One reference wide (the text, a builder while the text is built, or nothing for a check that held): a restore
/// loop makes two per check, and wider handlers made the callers' stack frames kilobytes large, zeroed on every call.
/// </remarks>
[InterpolatedStringHandler]
internal readonly ref struct BrokenText
{
    // A string (a plain text), a StringBuilder (an interpolated text being built: the check failed), or null.
    private readonly object? _value;

    /// <summary>Starts an interpolated text that is built only when <paramref name="condition"/> is false.</summary>
    public BrokenText(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        _ = formattedCount;
        shouldAppend = !condition;
        _value = condition ? null : new StringBuilder(literalLength + 16);
    }

    private BrokenText(string text) => _value = text;

    /// <summary>A text already built.</summary>
    public static implicit operator BrokenText(string text) => new(text);

    /// <summary>Appends a literal part.</summary>
    public void AppendLiteral(string value) => Builder.Append(value);

    /// <summary>Appends a hole.</summary>
    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    /// <summary>Appends a hole with a format.</summary>
    public void AppendFormatted<T>(T value, string? format) =>
        Builder.Append(value is IFormattable formattable ? formattable.ToString(format, null) : value?.ToString());

    /// <summary>The text (empty for an interpolated text whose condition held).</summary>
    public string ToStringAndClear() => _value?.ToString() ?? string.Empty;

    private StringBuilder Builder => (StringBuilder)_value!;
}
