namespace KubeCore.Api.Errors;

/// <summary>
/// Rule violations found while reading a request, each at the JSON path of the value that broke it
/// (e.g. <c>$.persons[1].nik</c>). Answered with 422 and one error per violation.
/// </summary>
public sealed class FieldViolationsException(IReadOnlyList<(string Field, RuleViolation Violation)> violations)
    : Exception(string.Join("; ", violations.Select(v => v.Field + ": " + v.Violation.ErrorCode)))
{
    /// <summary>The violations with their fields.</summary>
    public IReadOnlyList<(string Field, RuleViolation Violation)> Violations { get; } = violations;
}

/// <summary>Collects field violations and throws them all at once.</summary>
public sealed class FieldViolations
{
    private readonly List<(string Field, RuleViolation Violation)> _violations = [];

    /// <summary>True when nothing was collected.</summary>
    public bool IsEmpty => _violations.Count == 0;

    /// <summary>Adds a violation at a field (ignored when null).</summary>
    public void Add(string field, RuleViolation? violation)
    {
        if (violation is not null)
        {
            _violations.Add((field, violation));
        }
    }

    /// <summary>Runs <paramref name="action"/>, collecting a <see cref="RuleViolationException"/> at <paramref name="field"/>; returns the action's result or default.</summary>
    public T? Collect<T>(string field, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (RuleViolationException e)
        {
            foreach (var violation in e.Violations)
            {
                _violations.Add((field, violation));
            }
            return default;
        }
    }

    /// <summary>Throws <see cref="FieldViolationsException"/> when anything was collected.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw new FieldViolationsException(_violations.ToList());
        }
    }
}
