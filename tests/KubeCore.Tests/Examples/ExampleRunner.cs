using System.Globalization;
using KubeCore.Rules;
using KubeCore.Tests.Conventions;

namespace KubeCore.Tests.Examples;

/// <summary>
/// Runs the worked examples of one rule (<c>docs/examples/&lt;RULE&gt;.yaml</c>) through the public API: it reads a
/// row's inputs in domain words, performs the operation the rule judges, and answers what the library did. Exactly one
/// runner exists per rule of the catalogue (a convention test holds it so).
/// </summary>
public abstract class ExampleRunner
{
    /// <summary>The rule whose rows this runner reads.</summary>
    public abstract RuleId Rule { get; }

    /// <summary>Performs the row's operation and reports the outcome; a refusal is caught by the caller.</summary>
    internal abstract ExampleResult Run(WorkedExample example);

    /// <summary>The operation was accepted, with the figures it computed (name, value) if any.</summary>
    internal static ExampleResult Accepted(params (string Name, object Value)[] figures) =>
        new(WorkedExample.AcceptedOutcome, figures.ToDictionary(f => f.Name, f => Format(f.Value), StringComparer.Ordinal));

    /// <summary>The library answered a violation (returned rather than thrown).</summary>
    internal static ExampleResult Refused(RuleViolation violation) => new(violation.ErrorCode, new Dictionary<string, string>());

    /// <summary>The first violation of a list, or acceptance when it is empty.</summary>
    internal static ExampleResult FirstOf(IEnumerable<RuleViolation> violations, params (string Name, object Value)[] figures) =>
        violations.FirstOrDefault() is { } first ? Refused(first) : Accepted(figures);

    /// <summary>The first error of a FluentValidation result (its error code), or acceptance when it is valid.</summary>
    internal static ExampleResult Validated(FluentValidation.Results.ValidationResult result, params (string Name, object Value)[] figures) =>
        result.Errors.FirstOrDefault() is { } error ? new ExampleResult(error.ErrorCode, new Dictionary<string, string>()) : Accepted(figures);

    /// <summary>A figure as the files write it: integers and rupiah as plain digits, decimals invariant, dates ISO.</summary>
    internal static string Format(object value) => value switch
    {
        KubeCore.Common.Rupiah r => r.Amount.ToString(CultureInfo.InvariantCulture),
        NodaTime.LocalDate d => NodaTime.Text.LocalDatePattern.Iso.Format(d),
        bool b => b ? "true" : "false",
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>What the library did with a row: <c>accepted</c> or an error code, and the figures it computed.</summary>
internal sealed record ExampleResult(string Outcome, IReadOnlyDictionary<string, string> Figures);
