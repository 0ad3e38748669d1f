using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;

namespace KubeCore.Rules;

/// <summary>
/// A <see cref="Decision"/> as plain data, for an aggregate's stored state: what was decided, under which profile, as of
/// which date, and every check with its parameter values and violation as text. Taken once when the decision is made
/// (<see cref="Of"/>); it never runs a rule again, so a stored decision reads the same under any later version.
/// </summary>
/// <param name="Subject">What was decided (<see cref="Decision.Subject"/>).</param>
/// <param name="ProfileId">The profile and version that produced it (<see cref="Decision.ProfileId"/>).</param>
/// <param name="AsOf">The date it was made as of, or null.</param>
/// <param name="Checks">Every rule checked, in order.</param>
public sealed record DecisionSnapshot(string Subject, string ProfileId, LocalDate? AsOf, IReadOnlyList<CheckSnapshot> Checks)
{
    /// <summary>True when no check failed.</summary>
    [JsonIgnore]
    public bool IsApproved => Checks.All(c => c.Outcome != CheckOutcome.Failed);

    /// <summary>The ids of the rules checked, in order.</summary>
    [JsonIgnore]
    public IEnumerable<RuleId> RuleIds => Checks.Select(c => c.RuleId);

    /// <summary>The violations of the checks that warned.</summary>
    [JsonIgnore]
    public IReadOnlyList<ViolationSnapshot> Warnings => Checks.Where(c => c.Outcome == CheckOutcome.Warning && c.Violation is not null).Select(c => c.Violation!).ToArray();

    /// <summary>The decision as plain data; parameter values and message arguments are formatted invariantly now.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public static DecisionSnapshot Of(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionSnapshot(decision.Subject, decision.ProfileId, decision.AsOf,
            decision.Checks.Select(c => new CheckSnapshot(c.RuleId, c.Outcome, c.Parameters, c.Violation is { } v ? ViolationSnapshot.Of(v) : null)).ToArray());
    }
}

/// <summary>One check of a <see cref="DecisionSnapshot"/>.</summary>
/// <param name="RuleId">The rule checked.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Parameters">The parameter values used, by name, formatted invariantly (as <see cref="RuleCheck.Parameters"/>).</param>
/// <param name="Violation">The violation of a failed or warning check, else null.</param>
public sealed record CheckSnapshot(RuleId RuleId, CheckOutcome Outcome, IReadOnlyDictionary<string, string> Parameters, ViolationSnapshot? Violation);

/// <summary>A <see cref="RuleViolation"/> as plain data: its message arguments formatted invariantly when it was recorded.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="ErrorCode">The stable error code.</param>
/// <param name="Arguments">The message arguments by placeholder name, as text.</param>
public sealed record ViolationSnapshot(RuleId RuleId, string ErrorCode, IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>The message in the culture's language (Indonesian for <c>id</c> cultures, English otherwise), from the recorded arguments.</summary>
    public string Message(CultureInfo? culture = null) =>
        KubeCoreMessages.Format(ErrorCode, culture ?? CultureInfo.CurrentUICulture, new ReadOnlyDictionary<string, object?>(Arguments.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal)));

    /// <summary>The violation as plain data.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="violation"/> is null.</exception>
    public static ViolationSnapshot Of(RuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new ViolationSnapshot(violation.RuleId, violation.ErrorCode,
            new ReadOnlyDictionary<string, string>(violation.Arguments.ToDictionary(a => a.Key, a => KubeCoreMessages.FormatValue(a.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal)));
    }
}
