using System.Text.Json.Serialization;
using KubeCore.Common;
using KubeCore.Groups;
using NodaTime;

namespace KubeCore.Meetings;

/// <summary>What a meeting decided about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionKind>))]
public enum DecisionKind
{
    /// <summary>Approval of a member's loan (LOAN-06).</summary>
    LoanApproval = 1,

    /// <summary>Election of officers (OFF-03).</summary>
    OfficerElection = 2,

    /// <summary>Split of business profit into capital, welfare and IKS (SAV-06, STG-01).</summary>
    ProfitSplit = 3,

    /// <summary>Any other decision.</summary>
    Other = 4,
}

/// <summary>
/// A decision taken at a group meeting, with who was present: the evidence other rules ask for
/// (LOAN-06 approval with quorum, OFF-03 election by the members).
/// </summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="GroupId">The group.</param>
/// <param name="Date">The meeting date.</param>
/// <param name="Kind">What was decided about.</param>
/// <param name="Subject">The free-text note of what was decided (for a loan approval made by <see cref="Meeting.ApproveLoan"/> without a note: the loan id as text). Read the typed <see cref="Loan"/> and <see cref="Officers"/>, never ids out of this text.</param>
/// <param name="Present">The members present (present or late) when the decision was taken.</param>
/// <param name="MemberCount">The group's member count at the meeting.</param>
/// <param name="HadQuorum">True when the presence made a quorum under the group's profile.</param>
/// <param name="ProfileId">The profile version whose quorum rule was applied.</param>
public sealed record MeetingDecision(
    MeetingId MeetingId,
    GroupId GroupId,
    LocalDate Date,
    DecisionKind Kind,
    string Subject,
    IReadOnlyList<PersonId> Present,
    int MemberCount,
    bool HadQuorum,
    string ProfileId)
{
    /// <summary>The loan a <see cref="DecisionKind.LoanApproval"/> approves (LOAN-06); null for every other kind.</summary>
    public LoanId? Loan { get; init; }

    /// <summary>The officers an <see cref="DecisionKind.OfficerElection"/> elected (OFF-03), when the meeting named them; null otherwise.</summary>
    public IReadOnlyList<OfficerAssignment>? Officers { get; init; }

    /// <summary>How many members were present (present or late).</summary>
    public int PresentCount => Present.Count;

    /// <summary>True when this is an approval of <paramref name="loan"/> (by its typed <see cref="Loan"/>) taken with quorum (the LOAN-06 evidence).</summary>
    public bool ApprovesLoan(LoanId loan) =>
        Kind == DecisionKind.LoanApproval && HadQuorum && Loan == loan;

    /// <summary>True when <paramref name="member"/> was present when the decision was taken.</summary>
    public bool WasPresent(PersonId member) => Present.Contains(member);
}
