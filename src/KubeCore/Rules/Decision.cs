using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json.Serialization;
using KubeCore.Common;

namespace KubeCore.Rules;

/// <summary>How one rule came out in a <see cref="Decision"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckOutcome>))]
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
/// <remarks>
/// The parameter values are kept as recorded and formatted to text the first time <see cref="Parameters"/> is
/// read (most decisions are only asked whether they approve). The text is the same as if it had been formatted
/// when the check was recorded: values whose text could change later or depend on the current culture are
/// formatted at once. Instances are immutable and safe to read from several threads at once.
/// </remarks>
public sealed class RuleCheck
{
    private readonly DecisionRecord _record;
    private readonly int _index;
    private IReadOnlyDictionary<string, string>? _parameters;

    internal RuleCheck(in DecisionRecord record, int index)
    {
        _record = record;
        _index = index;
        RuleId = record.RuleIdOf(index);
        Outcome = record.OutcomeOf(index);
        Violation = record.ViolationOf(index);
    }

    /// <summary>The rule checked.</summary>
    public RuleId RuleId { get; }

    /// <summary>The outcome.</summary>
    public CheckOutcome Outcome { get; }

    /// <summary>Parameter values used, by name, formatted invariantly (money as <c>Rp 1.000</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters => Volatile.Read(ref _parameters) ?? FormatOnce();

    /// <summary>The violation (for <see cref="CheckOutcome.Failed"/> and <see cref="CheckOutcome.Warning"/>), else null.</summary>
    public RuleViolation? Violation { get; }

    /// <summary>A one-line account: <c>GRP-01 Passed (MinMembers=5, MaxMembers=20)</c>.</summary>
    public override string ToString()
    {
        var parameters = Parameters.Count == 0 ? string.Empty : " (" + string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}")) + ")";
        var violation = Violation is null ? string.Empty : $" {Violation.ErrorCode}";
        return $"{RuleId} {Outcome}{violation}{parameters}";
    }

    // Two threads reading at once may both format; both get the one dictionary that was published first.
    private IReadOnlyDictionary<string, string> FormatOnce()
    {
        var formatted = _record.FormatParameters(_index);
        return Interlocked.CompareExchange(ref _parameters, formatted, null) ?? formatted;
    }
}

/// <summary>
/// A decision the library made (eligible? formed? may lend?), with its explanation: every rule checked,
/// the parameter values and the profile version used, so an auditor can reproduce it.
/// </summary>
/// <remarks>Immutable and safe to read from several threads at once.</remarks>
public sealed class Decision
{
    private readonly DecisionRecord _record;
    private readonly string? _subjectPrefix;
    private readonly object? _subjectValue;
    private string? _subject;
    private RuleCheck[]? _checks;

    internal Decision(string? subject, string? subjectPrefix, object? subjectValue, string profileId, NodaTime.LocalDate? asOf, DecisionRecord record)
    {
        _subject = subject;
        _subjectPrefix = subjectPrefix;
        _subjectValue = subjectValue;
        ProfileId = profileId;
        AsOf = asOf;
        _record = record;
    }

    /// <summary>What was decided, e.g. <c>Membership eligibility</c>.</summary>
    public string Subject => Volatile.Read(ref _subject) ?? FormatSubject();

    /// <summary>The profile and version that produced the decision, e.g. <c>KubePermensos2019@1</c>.</summary>
    public string ProfileId { get; }

    /// <summary>The date the decision was made as of, when it depends on one.</summary>
    public NodaTime.LocalDate? AsOf { get; }

    /// <summary>Every rule checked, in order.</summary>
    public IReadOnlyList<RuleCheck> Checks => Volatile.Read(ref _checks) ?? CreateChecks();

    /// <summary>True when no check failed (warnings and not-applicable checks do not reject).</summary>
    public bool IsApproved => !_record.Any(CheckOutcome.Failed);

    /// <summary>The violations of the failed checks.</summary>
    public IReadOnlyList<RuleViolation> Violations => _record.ViolationsOf(CheckOutcome.Failed);

    /// <summary>The warnings.</summary>
    public IReadOnlyList<RuleViolation> Warnings => _record.ViolationsOf(CheckOutcome.Warning);

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

    private string FormatSubject()
    {
        var subject = string.Concat(_subjectPrefix, _subjectValue?.ToString());
        return Interlocked.CompareExchange(ref _subject, subject, null) ?? subject;
    }

    private RuleCheck[] CreateChecks()
    {
        var checks = new RuleCheck[_record.Count];
        for (var i = 0; i < checks.Length; i++)
        {
            checks[i] = new RuleCheck(_record, i);
        }
        return Interlocked.CompareExchange(ref _checks, checks, null) ?? checks;
    }
}

/// <summary>Builds a <see cref="Decision"/> one rule check at a time.</summary>
/// <remarks>
/// <para>Every dated decision under a profile is built here, so this is the one place that refuses a decision
/// dated before its profile's <see cref="ProgramProfile.EffectiveFrom"/>: when the as-of date is earlier, the
/// first check recorded is preceded by a failed check of the same rule with <see cref="ProfileErrors.NotYetInForce"/>
/// (the rule, as the profile states it, was not yet in force), so the decision rejects; the checks themselves are
/// still recorded as they came out, for the explanation. A decision without a date is not checked.</para>
/// <para>
/// Parameter values are recorded unformatted in one array shared by the whole decision and formatted when
/// someone reads <see cref="RuleCheck.Parameters"/>. The builder only ever appends, so it may go on after
/// <see cref="Build"/>: the decisions already built do not change.</para>
/// </remarks>
public sealed class DecisionBuilder
{
    private readonly string? _subject;
    private readonly string? _subjectPrefix;
    private readonly object? _subjectValue;
    private readonly string _profileId;
    private readonly NodaTime.LocalDate? _asOf;
    private DecisionRecordWriter _record;

    // The profile's effective date while the decision is dated before it and no check has been recorded yet.
    private NodaTime.LocalDate? _notYetInForceUntil;

    /// <summary>Starts a decision about <paramref name="subject"/> under <paramref name="profile"/>.</summary>
    public DecisionBuilder(string subject, ProgramProfile profile, NodaTime.LocalDate? asOf = null)
        : this(subject, profile, asOf, checks: 8, parameters: 16)
    {
    }

    /// <summary>Starts a decision with room for about <paramref name="checks"/> checks and <paramref name="parameters"/> parameter values in all.</summary>
    internal DecisionBuilder(string subject, ProgramProfile profile, NodaTime.LocalDate? asOf, int checks, int parameters)
    {
        _subject = Preconditions.CheckNotBlank(subject);
        _profileId = Preconditions.CheckNotNull(profile).Id;
        _asOf = asOf;
        _notYetInForceUntil = asOf < profile.EffectiveFrom ? profile.EffectiveFrom : null;
        _record = new DecisionRecordWriter(checks, parameters);
    }

    /// <summary>
    /// Starts a decision whose subject is <paramref name="subjectPrefix"/> followed by <paramref name="subjectValue"/>'s
    /// text, e.g. <c>"Formation of group " + groupId</c>, made only if someone reads <see cref="Decision.Subject"/>.
    /// The value must be immutable and its <c>ToString</c> must not depend on the current culture (an id).
    /// </summary>
    internal DecisionBuilder(string subjectPrefix, object subjectValue, ProgramProfile profile, NodaTime.LocalDate? asOf, int checks, int parameters)
    {
        _subjectPrefix = Preconditions.CheckNotBlank(subjectPrefix);
        _subjectValue = Preconditions.CheckNotNull(subjectValue);
        _profileId = Preconditions.CheckNotNull(profile).Id;
        _asOf = asOf;
        _notYetInForceUntil = asOf < profile.EffectiveFrom ? profile.EffectiveFrom : null;
        _record = new DecisionRecordWriter(checks, parameters);
    }

    /// <summary>
    /// Records a check of <paramref name="ruleId"/>: passed when <paramref name="holds"/>, otherwise failed
    /// with the violation <paramref name="violation"/> builds.
    /// </summary>
    public DecisionBuilder Check(RuleId ruleId, bool holds, Func<RuleViolation> violation, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(violation);
        Add(ruleId, holds ? CheckOutcome.Passed : CheckOutcome.Failed, holds ? null : violation(), parameters);
        return this;
    }

    /// <summary>
    /// The same as the <c>Check</c> that takes a <c>Func&lt;RuleViolation&gt;</c>, for a violation built from
    /// <paramref name="state"/>, so a static lambda needs no closure.
    /// </summary>
    internal DecisionBuilder Check<TState>(RuleId ruleId, bool holds, TState state, Func<TState, RuleViolation> violation, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(violation);
        Add(ruleId, holds ? CheckOutcome.Passed : CheckOutcome.Failed, holds ? null : violation(state), parameters);
        return this;
    }

    /// <summary>Records a check whose result is an optional violation: null means passed.</summary>
    public DecisionBuilder Check(RuleId ruleId, RuleViolation? violation, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        Add(ruleId, violation is null ? CheckOutcome.Passed : CheckOutcome.Failed, violation, parameters);
        return this;
    }

    /// <summary>Records a warning: the rule holds, but the violation describes what needs attention.</summary>
    public DecisionBuilder Warn(RuleViolation warning, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(warning);
        Add(warning.RuleId, CheckOutcome.Warning, warning, parameters);
        return this;
    }

    /// <summary>Records that a rule does not apply.</summary>
    public DecisionBuilder NotApplicable(RuleId ruleId, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        Add(ruleId, CheckOutcome.NotApplicable, null, parameters);
        return this;
    }

    private void Add(RuleId ruleId, CheckOutcome outcome, RuleViolation? violation, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (_notYetInForceUntil is { } effectiveFrom)
        {
            _notYetInForceUntil = null;
            _record.Add(ruleId, CheckOutcome.Failed,
                ProfileErrors.NotYetInForceOf(ruleId, _profileId, effectiveFrom, _asOf),
                [("Profile", _profileId), ("ProfileEffectiveFrom", effectiveFrom)]);
        }
        _record.Add(ruleId, outcome, violation, parameters);
    }

    /// <summary>The decision.</summary>
    public Decision Build() => new(_subject, _subjectPrefix, _subjectValue, _profileId, _asOf, _record.Snapshot());

    /// <summary>
    /// A parameter whose value is computed only when the check's parameters are read, for a value that is
    /// costly to compute and seldom read. <paramref name="value"/> must be pure and <paramref name="state"/> must
    /// not change afterwards, or the text would not be the one of the moment the check was recorded.
    /// </summary>
    internal static (string Name, object? Value) Deferred<TState>(string name, TState state, Func<TState, object?> value) =>
        (name, new DeferredValue<TState>(state, value));
}
