using KubeCore.Common;
using NodaTime;

namespace KubeCore.Meetings;

/// <summary>What a meeting decided about.</summary>
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
/// <param name="Subject">A reference to the subject (e.g. a loan id) or a short text.</param>
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
    /// <summary>How many members were present (present or late).</summary>
    public int PresentCount => Present.Count;

    /// <summary>True when this is an approval of <paramref name="loan"/> taken with quorum (the LOAN-06 evidence).</summary>
    public bool ApprovesLoan(LoanId loan) =>
        Kind == DecisionKind.LoanApproval && HadQuorum && string.Equals(Subject, loan.ToString(), StringComparison.Ordinal);

    /// <summary>True when <paramref name="member"/> was present when the decision was taken.</summary>
    public bool WasPresent(PersonId member) => Present.Contains(member);
}
