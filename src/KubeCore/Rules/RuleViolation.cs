using System.Collections.ObjectModel;
using System.Globalization;

namespace KubeCore.Rules;

/// <summary>
/// A business-rule violation: the rule broken, a stable error code, and the named arguments of its
/// message. The message text is never stored: <see cref="Message"/> renders it in Indonesian or English
/// from <see cref="KubeCoreMessages"/>.
/// </summary>
public sealed class RuleViolation
{
    private RuleViolation(RuleId ruleId, string errorCode, IReadOnlyDictionary<string, object?> arguments)
    {
        RuleId = ruleId;
        ErrorCode = errorCode;
        Arguments = arguments;
    }

    /// <summary>The rule that was broken.</summary>
    public RuleId RuleId { get; }

    /// <summary>The stable error code, also the message key (e.g. <c>GRP01_TOO_FEW_MEMBERS</c>).</summary>
    public string ErrorCode { get; }

    /// <summary>The message arguments by placeholder name.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>Creates a violation.</summary>
    /// <param name="ruleId">The rule broken.</param>
    /// <param name="errorCode">A code registered in <see cref="KubeCoreMessages"/>.</param>
    /// <param name="arguments">Named message arguments.</param>
    /// <exception cref="ArgumentException">The code is blank or an argument name repeats.</exception>
    public static RuleViolation Of(RuleId ruleId, string errorCode, params (string Name, object? Value)[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ArgumentNullException.ThrowIfNull(arguments);
        var map = new Dictionary<string, object?>(arguments.Length, StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            map.Add(name, value);
        }
        return new RuleViolation(ruleId, errorCode, new ReadOnlyDictionary<string, object?>(map));
    }

    /// <summary>The message in the culture's language: Indonesian for <c>id</c> cultures, English otherwise.</summary>
    /// <param name="culture">The culture; null means the current UI culture.</param>
    public string Message(CultureInfo? culture = null) => KubeCoreMessages.Format(ErrorCode, culture ?? CultureInfo.CurrentUICulture, Arguments);

    /// <summary>Rule id, code and English message, for diagnostics.</summary>
    public override string ToString() => $"{RuleId} {ErrorCode}: {Message(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Thrown by an aggregate's behaviour method when a business rule refuses the operation. The aggregate
/// is left exactly as it was before the call.
/// </summary>
public sealed class RuleViolationException : Exception
{
    /// <summary>Creates the exception for one or more violations.</summary>
    public RuleViolationException(IReadOnlyList<RuleViolation> violations)
        : base(Describe(violations))
    {
        Violations = violations;
    }

    /// <summary>Creates the exception for one violation.</summary>
    public RuleViolationException(RuleViolation violation)
        : this([violation ?? throw new ArgumentNullException(nameof(violation))])
    {
    }

    /// <summary>Every violation, at least one.</summary>
    public IReadOnlyList<RuleViolation> Violations { get; }

    /// <summary>The first violation.</summary>
    public RuleViolation Violation => Violations[0];

    private static string Describe(IReadOnlyList<RuleViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Count == 0)
        {
            throw new ArgumentException("At least one violation is required.", nameof(violations));
        }
        return string.Join("; ", violations.Select(v => v.ToString()));
    }
}
