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
/// <remarks>
/// The parameter values are kept as recorded and formatted to text the first time <see cref="Parameters"/> is
/// read (most decisions are only asked whether they approve). The text is the same as if it had been formatted
/// when the check was recorded: values whose text could change later or depend on the current culture are
/// formatted at once. Instances are immutable and safe to read from several threads at once.
/// </remarks>
public sealed class RuleCheck
{
    private readonly DecisionParameter[] _values;
    private readonly int _start;
    private readonly int _count;
    private IReadOnlyDictionary<string, string>? _parameters;

    internal RuleCheck(RuleId ruleId, CheckOutcome outcome, RuleViolation? violation, DecisionParameter[] values, int start, int count)
    {
        RuleId = ruleId;
        Outcome = outcome;
        Violation = violation;
        _values = values;
        _start = start;
        _count = count;
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
        var formatted = DecisionParameter.Format(_values.AsSpan(_start, _count));
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
    private readonly DecisionBuilder.Entry[] _entries;
    private readonly RuleViolation?[]? _violations;
    private readonly int _count;
    private readonly DecisionParameter[] _values;
    private RuleCheck[]? _checks;

    internal Decision(string subject, string profileId, NodaTime.LocalDate? asOf, DecisionBuilder.Entry[] entries, RuleViolation?[]? violations, int count, DecisionParameter[] values)
    {
        Subject = subject;
        ProfileId = profileId;
        AsOf = asOf;
        _entries = entries;
        _violations = violations;
        _count = count;
        _values = values;
    }

    /// <summary>What was decided, e.g. <c>Membership eligibility</c>.</summary>
    public string Subject { get; }

    /// <summary>The profile and version that produced the decision, e.g. <c>KubePermensos2019@1</c>.</summary>
    public string ProfileId { get; }

    /// <summary>The date the decision was made as of, when it depends on one.</summary>
    public NodaTime.LocalDate? AsOf { get; }

    /// <summary>Every rule checked, in order.</summary>
    public IReadOnlyList<RuleCheck> Checks => Volatile.Read(ref _checks) ?? CreateChecks();

    /// <summary>True when no check failed (warnings and not-applicable checks do not reject).</summary>
    public bool IsApproved
    {
        get
        {
            foreach (ref readonly var entry in Entries)
            {
                if (entry.Outcome == CheckOutcome.Failed)
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>The violations of the failed checks.</summary>
    public IReadOnlyList<RuleViolation> Violations => ViolationsOf(CheckOutcome.Failed);

    /// <summary>The warnings.</summary>
    public IReadOnlyList<RuleViolation> Warnings => ViolationsOf(CheckOutcome.Warning);

    /// <summary>The ids of the rules checked.</summary>
    public IEnumerable<RuleId> RuleIds => Checks.Select(c => c.RuleId);

    private ReadOnlySpan<DecisionBuilder.Entry> Entries => _entries.AsSpan(0, _count);

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

    private List<RuleViolation> ViolationsOf(CheckOutcome outcome)
    {
        var violations = new List<RuleViolation>();
        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].Outcome == outcome)
            {
                violations.Add(_violations![i]!);
            }
        }
        return violations;
    }

    private RuleCheck[] CreateChecks()
    {
        var checks = new RuleCheck[_count];
        for (var i = 0; i < checks.Length; i++)
        {
            ref readonly var entry = ref _entries[i];
            checks[i] = new RuleCheck(entry.RuleId, entry.Outcome, _violations?[i], _values, entry.Start, entry.Count);
        }
        return Interlocked.CompareExchange(ref _checks, checks, null) ?? checks;
    }
}

/// <summary>Builds a <see cref="Decision"/> one rule check at a time.</summary>
/// <remarks>
/// Parameter values are recorded unformatted in one array shared by the whole decision and formatted when
/// someone reads <see cref="RuleCheck.Parameters"/>. A builder may go on after <see cref="Build"/>: the
/// decisions already built do not change.
/// </remarks>
public sealed class DecisionBuilder
{
    private readonly string _subject;
    private readonly string _profileId;
    private readonly NodaTime.LocalDate? _asOf;
    private Entry[] _entries;
    private RuleViolation?[]? _violations;
    private int _count;
    private DecisionParameter[] _values;
    private int _valueCount;

    // True once Build handed the arrays to a decision: the next check copies them first (copy on write).
    private bool _shared;

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
        _entries = new Entry[Math.Max(checks, 1)];
        _values = parameters > 0 ? new DecisionParameter[parameters] : [];
    }

    /// <summary>
    /// Records a check of <paramref name="ruleId"/>: passed when <paramref name="holds"/>, otherwise failed
    /// with the violation <paramref name="violation"/> builds.
    /// </summary>
    public DecisionBuilder Check(RuleId ruleId, bool holds, Func<RuleViolation> violation, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return Add(ruleId, holds ? CheckOutcome.Passed : CheckOutcome.Failed, holds ? null : violation(), parameters);
    }

    /// <summary>
    /// The same as the <c>Check</c> that takes a <c>Func&lt;RuleViolation&gt;</c>, for a violation built from
    /// <paramref name="state"/>, so a static lambda needs no closure.
    /// </summary>
    internal DecisionBuilder Check<TState>(RuleId ruleId, bool holds, TState state, Func<TState, RuleViolation> violation, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return Add(ruleId, holds ? CheckOutcome.Passed : CheckOutcome.Failed, holds ? null : violation(state), parameters);
    }

    /// <summary>Records a check whose result is an optional violation: null means passed.</summary>
    public DecisionBuilder Check(RuleId ruleId, RuleViolation? violation, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Add(ruleId, violation is null ? CheckOutcome.Passed : CheckOutcome.Failed, violation, parameters);

    /// <summary>Records a warning: the rule holds, but the violation describes what needs attention.</summary>
    public DecisionBuilder Warn(RuleViolation warning, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return Add(warning.RuleId, CheckOutcome.Warning, warning, parameters);
    }

    /// <summary>Records that a rule does not apply.</summary>
    public DecisionBuilder NotApplicable(RuleId ruleId, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Add(ruleId, CheckOutcome.NotApplicable, null, parameters);

    /// <summary>The decision.</summary>
    public Decision Build()
    {
        _shared = true;
        return new Decision(_subject, _profileId, _asOf, _entries, _violations, _count, _values);
    }

    /// <summary>
    /// A parameter whose value is computed only when the check's parameters are read, for a value that is
    /// costly to compute and seldom read. <paramref name="value"/> must be pure and <paramref name="state"/> must
    /// not change afterwards, or the text would not be the one of the moment the check was recorded.
    /// </summary>
    internal static (string Name, object? Value) Deferred<TState>(string name, TState state, Func<TState, object?> value) =>
        (name, new DeferredValue<TState>(state, value));

    private DecisionBuilder Add(RuleId ruleId, CheckOutcome outcome, RuleViolation? violation, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (_shared)
        {
            _entries = (Entry[])_entries.Clone();
            _violations = (RuleViolation?[]?)_violations?.Clone();
            _values = (DecisionParameter[])_values.Clone();
            _shared = false;
        }
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            if (_violations is not null)
            {
                Array.Resize(ref _violations, _entries.Length);
            }
        }
        if (violation is not null)
        {
            _violations ??= new RuleViolation?[_entries.Length];
            _violations[_count] = violation;
        }
        if (_valueCount + parameters.Length > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(_values.Length * 2, _valueCount + parameters.Length));
        }
        var start = _valueCount;
        foreach (var (name, value) in parameters)
        {
            _values[_valueCount++] = DecisionParameter.Record(name, value);
        }
        _entries[_count++] = new Entry(ruleId, outcome, start, parameters.Length);
        return this;
    }

    /// <summary>
    /// One check as recorded (16 bytes): its parameters are <see cref="Count"/> values from <see cref="Start"/> in the
    /// decision's array; its violation, if any, is at the same index in a separate array that exists only once a
    /// check has one.
    /// </summary>
    internal readonly struct Entry
    {
        private readonly ushort _count;
        private readonly byte _outcome;

        internal Entry(RuleId ruleId, CheckOutcome outcome, int start, int count)
        {
            RuleId = ruleId;
            Start = start;
            _count = checked((ushort)count);
            _outcome = (byte)outcome;
        }

        internal RuleId RuleId { get; }

        internal int Start { get; }

        internal int Count => _count;

        internal CheckOutcome Outcome => (CheckOutcome)_outcome;
    }
}

/// <summary>One parameter of a check as recorded: its name and its value, or the value's text when it had to be formatted at once.</summary>
internal readonly record struct DecisionParameter(string Name, object? Value)
{
    /// <summary>
    /// Keeps <paramref name="value"/> as it is when formatting it later gives the same text as now: null,
    /// strings and immutable values whose text depends neither on the current culture nor on anything that can
    /// change. Anything else (a mutable object, a type that might read the current culture) is formatted now.
    /// </summary>
    internal static DecisionParameter Record(string name, object? value) =>
        new(name, IsFormattedTheSameLater(value) ? value : KubeCoreMessages.FormatValue(value, CultureInfo.InvariantCulture));

    /// <summary>The parameters by name, formatted invariantly; a repeated name keeps its first place and its last value.</summary>
    internal static ReadOnlyDictionary<string, string> Format(ReadOnlySpan<DecisionParameter> parameters)
    {
        var map = new Dictionary<string, string>(parameters.Length, StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            map[name] = KubeCoreMessages.FormatValue(value is DeferredValue deferred ? deferred.Compute() : value, CultureInfo.InvariantCulture);
        }
        return new ReadOnlyDictionary<string, string>(map);
    }

    private static bool IsFormattedTheSameLater(object? value) => value switch
    {
        null or string or DeferredValue => true,
        // KubeCoreMessages.FormatValue formats these with fixed patterns and the invariant culture.
        Rupiah or Rate or NodaTime.LocalDate => true,
        // A boxed value is a private copy; the base library's and NodaTime's values honour the invariant culture
        // they are given (numbers, enums, Guid, dates). KubeCore has no IFormattable type of its own.
        ValueType and IFormattable => true,
        bool or char => true,
        // KubeCore values whose ToString reads only their own fields, without the culture.
        PersonId or HouseholdId or GroupId or PendampingId or MeetingId or LoanId or EntryId or ExerciseId => true,
        RegionCode or Nik or FamilyCardNumber => true,
        NodaTime.Period => true,
        _ => false,
    };
}

/// <summary>A parameter value computed only when it is formatted (see <c>DecisionBuilder.Deferred</c>).</summary>
internal abstract class DeferredValue
{
    internal abstract object? Compute();
}

internal sealed class DeferredValue<TState>(TState state, Func<TState, object?> value) : DeferredValue
{
    internal override object? Compute() => value(state);
}
