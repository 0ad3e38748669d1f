using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace KubeCore.Common;

/// <summary>
/// Argument checks for programmer errors. A failed check throws an <see cref="ArgumentException"/>
/// (never a rule violation): business-rule violations are reported through
/// <see cref="Rules.RuleViolation"/>.
/// </summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class =>
        argument ?? throw new ArgumentNullException(paramName);

    /// <summary>
    /// <paramref name="argument"/> when it is not blank as <see cref="ReadableName.IsBlank"/> judges it (the library's one
    /// definition: white space, invisible format characters, combining marks alone and controls are blank).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="argument"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="argument"/> is blank.</exception>
    internal static string CheckNotBlank([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(argument, paramName);
        if (ReadableName.IsBlank(argument))
        {
            throw new ArgumentException("The value must not be empty, white space or invisible characters only.", paramName);
        }
        return argument;
    }

    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>
    /// The same for a message built by string interpolation: the message is built only when the check fails, so a
    /// passing check allocates nothing. The text is the one <c>$"..."</c> gives (current culture).
    /// </summary>
    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, [InterpolatedStringHandlerArgument(nameof(expression))] ref FailureMessageHandler message)
    {
        if (!expression)
        {
            throw new ArgumentException(message.ToStringAndClear(), paramName);
        }
    }

    internal static long CheckArgumentRange(long value, long minInclusive, long maxInclusive, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value should be in range [{minInclusive}-{maxInclusive}].");
        }
        return value;
    }

    internal static int CheckArgumentRange(int value, int minInclusive, int maxInclusive, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        (int)CheckArgumentRange((long)value, minInclusive, maxInclusive, paramName);
}

/// <summary>Builds a precondition's message only when the precondition fails (see <see cref="Preconditions"/>).</summary>
[InterpolatedStringHandler]
internal ref struct FailureMessageHandler
{
    private DefaultInterpolatedStringHandler _message;

    /// <summary>Starts a message that is built only when <paramref name="expression"/> is false.</summary>
    public FailureMessageHandler(int literalLength, int formattedCount, bool expression, out bool shouldAppend)
    {
        shouldAppend = !expression;
        _message = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    /// <summary>Appends literal text.</summary>
    public void AppendLiteral(string value) => _message.AppendLiteral(value);

    /// <summary>Appends a value as <c>$"..."</c> would.</summary>
    public void AppendFormatted<T>(T value) => _message.AppendFormatted(value);

    /// <summary>Appends a value with a format as <c>$"..."</c> would.</summary>
    public void AppendFormatted<T>(T value, string? format) => _message.AppendFormatted(value, format);

    /// <summary>The message.</summary>
    public string ToStringAndClear() => _message.ToStringAndClear();
}
