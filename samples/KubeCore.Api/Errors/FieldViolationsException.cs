namespace KubeCore.Api.Errors;

/// <summary>
/// Rule violations found while reading a request, each at the JSON path of the value that broke it (e.g.
/// <c>$.persons[1].nik</c>): collected with <see cref="Add"/> and <see cref="Collect{T}"/>, then thrown all at once by
/// <see cref="ThrowIfAny"/> and answered with 422 and one error per violation.
/// </summary>
public sealed class FieldViolationsException() : Exception("Rule violations at request fields.")
{
    private readonly List<(string Field, RuleViolation Violation)> _violations = [];

    /// <summary>The violations with their fields.</summary>
    public IReadOnlyList<(string Field, RuleViolation Violation)> Violations => _violations;

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
            _violations.AddRange(e.Violations.Select(v => (field, v)));
            return default;
        }
    }

    /// <summary>Throws this exception when anything was collected.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw this;
        }
    }
}
