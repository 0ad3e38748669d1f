using FsCheck;
using FsCheck.Fluent;
using KubeCore.Rules;
using KubeCore.Tests.Support;

namespace KubeCore.Tests.State;

/// <summary>
/// A random script of operations on one aggregate: each step is a few numbers the aggregate's test reads as an operation
/// (valid or not), and <see cref="Cut"/> is the step before which the aggregate is saved and restored.
/// </summary>
public sealed record OperationScript(IReadOnlyList<int[]> Steps, int Cut)
{
    public override string ToString() =>
        $"OperationScript {{ Cut = {Cut}, Steps = {string.Join(" ", Steps.Select(s => "[" + string.Join(",", s) + "]"))} }}";
}

public static class OperationScriptArbitraries
{
    public static Arbitrary<OperationScript> Scripts() =>
        (from steps in Gen.Choose(0, 99).ArrayOf(6).ListOf().Select(l => l.Take(14).ToArray())
         from cut in Gen.Choose(0, steps.Length)
         select new OperationScript(steps, cut)).ToArbitrary();
}

/// <summary>Runs an operation script live and with a save/restore at the cut, and compares.</summary>
public static class StateScript
{
    /// <summary>The outcome of one operation: its result text, or the error codes of its refusal, or that it was an argument error.</summary>
    public static string Outcome<T>(T aggregate, Func<T, string> operation)
    {
        try
        {
            return "ok " + operation(aggregate);
        }
        catch (RuleViolationException e)
        {
            return "refused " + string.Join(",", e.Violations.Select(v => v.ErrorCode));
        }
        catch (ArgumentException e)
        {
            return "argument " + e.ParamName;
        }
    }

    /// <summary>
    /// True when the run saved (state through JSON) and restored before step <c>Cut</c> gives, at every later step, the same
    /// outcome and the same serialized state as the uninterrupted run.
    /// </summary>
    public static bool SaveAndRestoreChangeNothing<T, TState>(OperationScript script, Func<T> create, Func<T, int[], string> step,
        Func<T, TState> toState, Func<TState, T> restore)
    {
        var live = create();
        var liveOutcomes = new List<string>();
        foreach (var s in script.Steps)
        {
            liveOutcomes.Add(Outcome(live, a => step(a, s)) + " → " + StateJson.Serialize(toState(live)));
        }
        var interrupted = create();
        var outcomes = new List<string>();
        for (var i = 0; i < script.Steps.Count; i++)
        {
            if (i == script.Cut)
            {
                interrupted = restore(StateJson.RoundTrip(toState(interrupted)));
            }
            outcomes.Add(Outcome(interrupted, a => step(a, script.Steps[i])) + " → " + StateJson.Serialize(toState(interrupted)));
        }
        if (script.Cut == script.Steps.Count)
        {
            interrupted = restore(StateJson.RoundTrip(toState(interrupted)));
        }
        return liveOutcomes.SequenceEqual(outcomes) && StateJson.Serialize(toState(live)) == StateJson.Serialize(toState(interrupted));
    }

    /// <summary>
    /// True when the state saved before step <c>Cut</c> plus the changes taken afterwards (both through JSON) restore to an
    /// aggregate whose serialized state is the live one's, and taking the changes again yields nothing.
    /// </summary>
    public static bool StateAndChangesRestoreTheLiveAggregate<T, TState, TFact>(OperationScript script, Func<T> create, Func<T, int[], string> step,
        Func<T, TState> toState, Func<T, IReadOnlyList<TFact>> takeChanges, Func<TState, IReadOnlyList<TFact>, T> restore)
    {
        var live = create();
        var saved = default(TState);
        for (var i = 0; i <= script.Steps.Count; i++)
        {
            if (i == script.Cut)
            {
                saved = StateJson.RoundTrip(toState(live));
                takeChanges(live);
            }
            if (i < script.Steps.Count)
            {
                Outcome(live, a => step(a, script.Steps[i]));
            }
        }
        var changes = StateJson.RoundTrip(takeChanges(live));
        var nothingNew = takeChanges(live).Count == 0;
        var restored = restore(saved!, changes);
        return nothingNew && StateJson.Serialize(toState(restored)) == StateJson.Serialize(toState(live))
            && takeChanges(restored).Count == 0;
    }

    /// <summary>A deterministic non-empty Guid for a small number, so ids repeat across the runs of one script.</summary>
    public static Guid G(int n, int kind = 0) => new(n + 1, (short)kind, 0, 0, 0, 0, 0, 0, 0, 0, 1);
}
