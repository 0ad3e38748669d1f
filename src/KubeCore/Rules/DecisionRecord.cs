using System.Collections.ObjectModel;
using System.Globalization;
using KubeCore.Common;

namespace KubeCore.Rules;

/// <summary>
/// The checks of one <see cref="Decision"/> as recorded, in a few flat arrays shared by the whole decision: for
/// each check (8 bytes) the start of its values and its shape; for each shape (a rule id and a list of parameter
/// names, shared by every check of that rule with the same names, such as MEM-01 for each of ten founders) where
/// its names start; the values, unformatted; the violations, only once a check has one.
/// </summary>
/// <remarks>A snapshot: the arrays are only ever appended to beyond <see cref="Count"/>, so it never changes.</remarks>
internal readonly struct DecisionRecord
{
    private readonly DecisionRecordWriter.Entry[] _entries;
    private readonly RuleViolation?[]? _violations;
    private readonly ParameterValue[] _values;
    private readonly string[] _names;
    private readonly DecisionRecordWriter.Shape[] _shapes;

    internal DecisionRecord(DecisionRecordWriter.Entry[] entries, RuleViolation?[]? violations, ParameterValue[] values, string[] names, DecisionRecordWriter.Shape[] shapes, int count)
    {
        _entries = entries;
        _violations = violations;
        _values = values;
        _names = names;
        _shapes = shapes;
        Count = count;
    }

    /// <summary>The number of checks.</summary>
    internal int Count { get; }

    internal RuleId RuleIdOf(int check) => _shapes[_entries[check].Shape].RuleId;

    internal CheckOutcome OutcomeOf(int check) => _entries[check].Outcome;

    internal RuleViolation? ViolationOf(int check) => _violations?[check];

    /// <summary>True when some check has <paramref name="outcome"/>.</summary>
    internal bool Any(CheckOutcome outcome)
    {
        foreach (var entry in _entries.AsSpan(0, Count))
        {
            if (entry.Outcome == outcome)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The violations of the checks with <paramref name="outcome"/>, in order.</summary>
    internal List<RuleViolation> ViolationsOf(CheckOutcome outcome)
    {
        var violations = new List<RuleViolation>();
        for (var i = 0; i < Count; i++)
        {
            if (_entries[i].Outcome == outcome)
            {
                violations.Add(_violations![i]!);
            }
        }
        return violations;
    }

    /// <summary>
    /// The parameters of one check by name, formatted invariantly exactly as they were when recorded eagerly:
    /// a repeated name keeps its first place and its last value.
    /// </summary>
    internal ReadOnlyDictionary<string, string> FormatParameters(int check)
    {
        var entry = _entries[check];
        var shape = _shapes[entry.Shape];
        var map = new Dictionary<string, string>(shape.Count, StringComparer.Ordinal);
        for (var i = 0; i < shape.Count; i++)
        {
            var value = _values[entry.ValueStart + i].Value;
            map[_names[shape.NameStart + i]] = KubeCoreMessages.FormatValue(value is DeferredValue deferred ? deferred.Compute() : value, CultureInfo.InvariantCulture);
        }
        return new ReadOnlyDictionary<string, string>(map);
    }

    /// <summary>
    /// What to keep of a parameter value: the value itself when formatting it later gives the same text as now
    /// (null, strings and immutable values whose text depends neither on the current culture nor on anything that
    /// can change), otherwise its text now.
    /// </summary>
    internal static object? Keep(object? value) =>
        IsFormattedTheSameLater(value) ? value : KubeCoreMessages.FormatValue(value, CultureInfo.InvariantCulture);

    private static bool IsFormattedTheSameLater(object? value) => value switch
    {
        // Exact type tests first (one compare each), the most frequent in a decision (ids, small numbers, flags,
        // dates) at the head; then enums (one class test, before the slower tests below); the interface test last.
        null or string => true,
        PersonId or int or HouseholdId or bool or NodaTime.LocalDate => true,
        Enum => true,
        // KubeCoreMessages.FormatValue formats these with fixed patterns and the invariant culture.
        Rupiah or Rate => true,
        // KubeCore values whose ToString reads only their own fields, never the culture.
        GroupId or PendampingId or MeetingId or LoanId or EntryId or ExerciseId => true,
        RegionCode or Nik or FamilyCardNumber => true,
        long or char or decimal => true,
        NodaTime.Period or DeferredValue => true,
        // A boxed value is a private copy; the base library's and NodaTime's values honour the invariant culture
        // they are given (numbers, enums, Guid, dates). KubeCore has no IFormattable type of its own.
        ValueType and IFormattable => true,
        _ => false,
    };
}

/// <summary>Records checks for a <see cref="DecisionBuilder"/>: appends only, so every snapshot stays as it was.</summary>
internal struct DecisionRecordWriter
{
    private Entry[] _entries;
    private RuleViolation?[]? _violations;
    private ParameterValue[] _values;
    private string[] _names;
    private Shape[] _shapes;

    // The writer's own bookkeeping per shape (snapshots never read it): where the values of its last check start, and
    // the shape of the check recorded after it last time, tried first (checks come in the same order for each person).
    private ShapeState[] _shapeStates;
    private int _lastShape;
    private int _count;
    private int _valueCount;
    private int _nameCount;
    private int _shapeCount;

    internal DecisionRecordWriter(int checks, int parameters)
    {
        _entries = new Entry[Math.Max(checks, 1)];
        _values = new ParameterValue[Math.Max(parameters, 1)];
        _names = new string[Math.Clamp(parameters, 1, 32)];
        _shapes = new Shape[Math.Clamp(checks, 1, 16)];
        _shapeStates = new ShapeState[_shapes.Length];
        _lastShape = -1;
    }

    internal readonly DecisionRecord Snapshot() => new(_entries, _violations, _values, _names, _shapes, _count);

    internal void Add(RuleId ruleId, CheckOutcome outcome, RuleViolation? violation, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var shape = ShapeOf(ruleId, parameters);
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
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
        // A value that is the very object kept at the same place by the shape's last check (a profile parameter, a
        // shared box) was kept as it is then, and Keep decides by the value alone: it is kept as it is again.
        ref var state = ref _shapeStates[shape];
        var previous = state.LastValueStart;
        for (var i = 0; i < parameters.Length; i++)
        {
            var value = parameters[i].Value;
            _values[_valueCount++] = new ParameterValue(previous >= 0 && ReferenceEquals(value, _values[previous + i].Value) ? value : DecisionRecord.Keep(value));
        }
        state.LastValueStart = start;
        _entries[_count++] = new Entry(start, shape, outcome);
    }

    private int ShapeOf(RuleId ruleId, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var shape = FindShape(ruleId, parameters);
        if (_lastShape >= 0)
        {
            _shapeStates[_lastShape].Next = shape;
        }
        _lastShape = shape;
        return shape;
    }

    private int FindShape(RuleId ruleId, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (_lastShape >= 0 && _shapeStates[_lastShape].Next is var predicted and >= 0 && IsShape(predicted, ruleId, parameters))
        {
            return predicted;
        }
        for (var s = _shapeCount - 1; s >= 0; s--)
        {
            if (IsShape(s, ruleId, parameters))
            {
                return s;
            }
        }
        foreach (var (name, _) in parameters)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(parameters));
        }
        if (_nameCount + parameters.Length > _names.Length)
        {
            Array.Resize(ref _names, Math.Max(_names.Length * 2, _nameCount + parameters.Length));
        }
        if (_shapeCount == _shapes.Length)
        {
            Array.Resize(ref _shapes, _shapeCount * 2);
            Array.Resize(ref _shapeStates, _shapes.Length);
        }
        var nameStart = _nameCount;
        foreach (var (name, _) in parameters)
        {
            _names[_nameCount++] = name;
        }
        _shapes[_shapeCount] = new Shape(ruleId, nameStart, parameters.Length);
        _shapeStates[_shapeCount] = new ShapeState { LastValueStart = -1, Next = -1 };
        return _shapeCount++;
    }

    // Rule ids and parameter names are nearly always the very same string objects (constants), so the reference
    // test settles most comparisons before the character comparison.
    private readonly bool IsShape(int index, RuleId ruleId, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var shape = _shapes[index];
        return shape.Count == parameters.Length
            && (ReferenceEquals(shape.RuleId.Value, ruleId.Value) || shape.RuleId == ruleId)
            && HasNames(shape, parameters);
    }

    private readonly bool HasNames(Shape shape, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var name = _names[shape.NameStart + i];
            var given = parameters[i].Name;
            if (!ReferenceEquals(name, given) && !string.Equals(name, given, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>One check: where its values start, its shape and its outcome (8 bytes).</summary>
    internal readonly struct Entry(int valueStart, int shape, CheckOutcome outcome)
    {
        private readonly ushort _shape = checked((ushort)shape);
        private readonly byte _outcome = (byte)outcome;

        internal int ValueStart { get; } = valueStart;

        internal int Shape => _shape;

        internal CheckOutcome Outcome => (CheckOutcome)_outcome;
    }

    /// <summary>The writer's bookkeeping of one shape: where its last check's values start, and the shape recorded after it last (-1: none yet).</summary>
    private struct ShapeState
    {
        internal int LastValueStart;
        internal int Next;
    }

    /// <summary>A rule id and the names of its parameters, <see cref="Count"/> from <see cref="NameStart"/>.</summary>
    internal readonly record struct Shape(RuleId RuleId, int NameStart, int Count);
}

/// <summary>
/// A recorded parameter value. Wrapped in a struct so that storing one into the decision's array needs no
/// covariant array-store type check, as storing into an <c>object?[]</c> does.
/// </summary>
internal readonly record struct ParameterValue(object? Value);

/// <summary>A parameter value computed only when it is formatted (see <c>DecisionBuilder.Deferred</c>).</summary>
internal abstract class DeferredValue
{
    internal abstract object? Compute();
}

internal sealed class DeferredValue<TState>(TState state, Func<TState, object?> value) : DeferredValue
{
    internal override object? Compute() => value(state);
}
