using System.Collections.ObjectModel;
using System.Globalization;
using KubeCore.Common;

namespace KubeCore.Rules;

/// <summary>How one rule came out in a <see cref="Decision"/>.</summary>
public enum CheckOutcome
{
    /// <summary>The rule was checked and holds.</summary>
    Passed = 1,

    /// <summary>The rule was checked and is broken; the check carries the violation.</summary>
    Failed = 2,

    /// <summary>The rule does not apply under this profile or in this situation.</summary>
    NotApplicable = 3,

    /// <summary>The rule holds but something deserves attention (e.g. PRA-01: more than 100 households).</summary>
    Warning = 4,
}

/// <summary>
/// One rule checked for a decision: the rule, its outcome, the parameter values it used and, when it
/// failed or warned, the coded violation.
/// </summary>
public sealed class RuleCheck
{
    internal RuleCheck(RuleId ruleId, CheckOutcome outcome, IReadOnlyDictionary<string, string> parameters, RuleViolation? violation)
    {
        RuleId = ruleId;
        Outcome = outcome;
        Parameters = parameters;
        Violation = violation;
    }

    /// <summary>The rule checked.</summary>
    public RuleId RuleId { get; }

    /// <summary>The outcome.</summary>
    public CheckOutcome Outcome { get; }

    /// <summary>Parameter values used, by name, formatted invariantly (money as <c>Rp 1.000</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The violation (for <see cref="CheckOutcome.Failed"/> and <see cref="CheckOutcome.Warning"/>), else null.</summary>
    public RuleViolation? Violation { get; }

    /// <summary>A one-line account: <c>GRP-01 Passed (MinMembers=5, MaxMembers=20)</c>.</summary>
    public override string ToString()
    {
        var parameters = Parameters.Count == 0 ? string.Empty : " (" + string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}")) + ")";
        var violation = Violation is null ? string.Empty : $" {Violation.ErrorCode}";
        return $"{RuleId} {Outcome}{violation}{parameters}";
    }
}

/// <summary>
/// A decision the library made (eligible? formed? may lend?), with its explanation: every rule checked,
/// the parameter values and the profile version used, so an auditor can reproduce it.
/// </summary>
public sealed class Decision
{
    internal Decision(string subject, string profileId, NodaTime.LocalDate? asOf, IReadOnlyList<RuleCheck> checks)
    {
        Subject = subject;
        ProfileId = profileId;
        AsOf = asOf;
        Checks = checks;
    }

    /// <summary>What was decided, e.g. <c>Membership eligibility</c>.</summary>
    public string Subject { get; }

    /// <summary>The profile and version that produced the decision, e.g. <c>KubePermensos2019@1</c>.</summary>
    public string ProfileId { get; }

    /// <summary>The date the decision was made as of, when it depends on one.</summary>
    public NodaTime.LocalDate? AsOf { get; }

    /// <summary>Every rule checked, in order.</summary>
    public IReadOnlyList<RuleCheck> Checks { get; }

    /// <summary>True when no check failed (warnings and not-applicable checks do not reject).</summary>
    public bool IsApproved => Checks.All(c => c.Outcome != CheckOutcome.Failed);

    /// <summary>The violations of the failed checks.</summary>
    public IReadOnlyList<RuleViolation> Violations => Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => c.Violation!).ToList();

    /// <summary>The warnings.</summary>
    public IReadOnlyList<RuleViolation> Warnings => Checks.Where(c => c.Outcome == CheckOutcome.Warning).Select(c => c.Violation!).ToList();

    /// <summary>The ids of the rules checked.</summary>
    public IEnumerable<RuleId> RuleIds => Checks.Select(c => c.RuleId);

    /// <summary>Throws a <see cref="RuleViolationException"/> with every violation when the decision rejects.</summary>
    public void ThrowIfRejected()
    {
        if (!IsApproved)
        {
            throw new RuleViolationException(Violations);
        }
    }

    /// <summary>A multi-line account of the decision, for logs and audit trails.</summary>
    public override string ToString() =>
        $"{Subject} under {ProfileId}{(AsOf is { } d ? " as of " + d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : string.Empty)}: {(IsApproved ? "approved" : "rejected")}"
        + string.Concat(Checks.Select(c => Environment.NewLine + "  " + c));
}

/// <summary>Builds a <see cref="Decision"/> one rule check at a time.</summary>
public sealed class DecisionBuilder
{
    private readonly List<RuleCheck> _checks = [];
    private readonly string _subject;
    private readonly string _profileId;
    private readonly NodaTime.LocalDate? _asOf;

    /// <summary>Starts a decision about <paramref name="subject"/> under <paramref name="profile"/>.</summary>
    public DecisionBuilder(string subject, ProgramProfile profile, NodaTime.LocalDate? asOf = null)
    {
        _subject = Preconditions.CheckNotBlank(subject);
        _profileId = Preconditions.CheckNotNull(profile).Id;
        _asOf = asOf;
    }

    /// <summary>
    /// Records a check of <paramref name="ruleId"/>: passed when <paramref name="holds"/>, otherwise failed
    /// with the violation <paramref name="violation"/> builds.
    /// </summary>
    public DecisionBuilder Check(RuleId ruleId, bool holds, Func<RuleViolation> violation, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(violation);
        _checks.Add(new RuleCheck(ruleId, holds ? CheckOutcome.Passed : CheckOutcome.Failed, Format(parameters), holds ? null : violation()));
        return this;
    }

    /// <summary>Records a check whose result is an optional violation: null means passed.</summary>
    public DecisionBuilder Check(RuleId ruleId, RuleViolation? violation, params (string Name, object? Value)[] parameters)
    {
        _checks.Add(new RuleCheck(ruleId, violation is null ? CheckOutcome.Passed : CheckOutcome.Failed, Format(parameters), violation));
        return this;
    }

    /// <summary>Records a warning: the rule holds, but the violation describes what needs attention.</summary>
    public DecisionBuilder Warn(RuleViolation warning, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(warning);
        _checks.Add(new RuleCheck(warning.RuleId, CheckOutcome.Warning, Format(parameters), warning));
        return this;
    }

    /// <summary>Records that a rule does not apply.</summary>
    public DecisionBuilder NotApplicable(RuleId ruleId, params (string Name, object? Value)[] parameters)
    {
        _checks.Add(new RuleCheck(ruleId, CheckOutcome.NotApplicable, Format(parameters), null));
        return this;
    }

    /// <summary>The decision.</summary>
    public Decision Build() => new(_subject, _profileId, _asOf, _checks.ToArray());

    private static ReadOnlyDictionary<string, string> Format((string Name, object? Value)[] parameters)
    {
        var map = new Dictionary<string, string>(parameters.Length, StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            map[name] = KubeCoreMessages.FormatValue(value, CultureInfo.InvariantCulture);
        }
        return new ReadOnlyDictionary<string, string>(map);
    }
}

