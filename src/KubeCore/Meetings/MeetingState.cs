using System.Text.Json.Serialization;
using KubeCore.Common;
using KubeCore.Groups;
using NodaTime;

namespace KubeCore.Meetings;

/// <summary>
/// The stored state of a <see cref="Meeting"/> (issue #13): a storage contract of plain data, read back by
/// <see cref="Meeting.Restore(MeetingState, IGroupStanding, Rules.ProfileResolver)"/>.
/// </summary>
/// <param name="Format">The state's format version (<see cref="CurrentFormat"/>).</param>
/// <param name="Id">The meeting's id.</param>
/// <param name="GroupId">The group.</param>
/// <param name="Date">The meeting date.</param>
/// <param name="Agenda">The agenda; may be empty, never null.</param>
/// <param name="ProfileId">The profile (<c>Code@Version</c>) whose quorum rule applies, fixed when the meeting was opened.</param>
/// <param name="AttendanceRecorded">True once the attendance is recorded.</param>
/// <param name="Attendance">The marks as recorded, in order; empty before the attendance.</param>
/// <param name="MemberCount">The members when the attendance was recorded (as many as marks); 0 before.</param>
/// <param name="Decisions">The decisions taken, in order; none before the attendance.</param>
public sealed record MeetingState(
    int Format,
    MeetingId Id,
    GroupId GroupId,
    LocalDate Date,
    string Agenda,
    string ProfileId,
    bool AttendanceRecorded,
    IReadOnlyList<AttendanceMark> Attendance,
    int MemberCount,
    IReadOnlyList<MeetingDecisionState> Decisions)
{
    /// <summary>The format this version of KubeCore writes and reads.</summary>
    public const int CurrentFormat = 1;
}

/// <summary>
/// One decision of a stored meeting. Its meeting, group, date, presence, member count and profile are the meeting's.
/// </summary>
/// <param name="Kind">What was decided about.</param>
/// <param name="Subject">The free-text note.</param>
/// <param name="HadQuorum">Whether the presence made a quorum when the decision was taken.</param>
/// <param name="Loan">The loan a loan approval approves; null for every other kind.</param>
/// <param name="Officers">The officers an election named; null when none were named or for every other kind.</param>
public sealed record MeetingDecisionState(DecisionKind Kind, string Subject, bool HadQuorum, LoanId? Loan, IReadOnlyList<DecidedOfficer>? Officers)
{
    internal static MeetingDecisionState Of(MeetingDecision decision) =>
        new(decision.Kind, decision.Subject, decision.HadQuorum, decision.Loan,
            decision.Officers?.Select(o => new DecidedOfficer(o.Role, o.PersonId)).ToArray());
}

/// <summary>An officer named by a stored election decision (OFF-03).</summary>
/// <param name="Role">The office, stored by name.</param>
/// <param name="Person">The member elected.</param>
public sealed record DecidedOfficer(
    [property: JsonConverter(typeof(JsonStringEnumConverter<OfficerRole>))] OfficerRole Role,
    PersonId Person);

/// <summary>
/// A change to a <see cref="Meeting"/> after its rules passed (<see cref="Meeting.TakeChanges"/>): applied to a stored
/// state by <see cref="Meeting.Restore(MeetingState, IEnumerable{MeetingFact}, IGroupStanding, Rules.ProfileResolver)"/>.
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(MeetingAttendanceRecorded), "attendance-recorded")]
[JsonDerivedType(typeof(MeetingDecisionTaken), "decision-taken")]
public abstract record MeetingFact;

/// <summary>The attendance was recorded (FIVE-02).</summary>
/// <param name="Marks">The marks, one per current member, in order.</param>
/// <param name="MemberCount">The current members then.</param>
public sealed record MeetingAttendanceRecorded(IReadOnlyList<AttendanceMark> Marks, int MemberCount) : MeetingFact;

/// <summary>A decision was taken (LOAN-06, OFF-03, SAV-06).</summary>
/// <param name="Decision">The decision.</param>
public sealed record MeetingDecisionTaken(MeetingDecisionState Decision) : MeetingFact;

/// <summary>The stored state of a <see cref="MeetingRegister"/>: its group and every meeting's state, in the order added.</summary>
/// <param name="Format">The state's format version (<see cref="CurrentFormat"/>).</param>
/// <param name="GroupId">The group.</param>
/// <param name="Meetings">The meetings, in the order added.</param>
public sealed record MeetingRegisterState(int Format, GroupId GroupId, IReadOnlyList<MeetingState> Meetings)
{
    /// <summary>The format this version of KubeCore writes and reads.</summary>
    public const int CurrentFormat = 1;
}

/// <summary>A change to a <see cref="MeetingRegister"/> (<see cref="MeetingRegister.TakeChanges"/>).</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(MeetingRegistered), "meeting-registered")]
[JsonDerivedType(typeof(RegisteredMeetingChanged), "meeting-changed")]
public abstract record MeetingRegisterFact;

/// <summary>A meeting was added to the register, in this state.</summary>
/// <param name="Meeting">The meeting's state when it was added.</param>
public sealed record MeetingRegistered(MeetingState Meeting) : MeetingRegisterFact;

/// <summary>A registered meeting changed after it was added.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Change">The change.</param>
public sealed record RegisteredMeetingChanged(MeetingId MeetingId, MeetingFact Change) : MeetingRegisterFact;
