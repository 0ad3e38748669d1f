using System.Text.Json.Serialization;
using KubeCore.Common;
using NodaTime;

namespace KubeCore.Facilitation;

/// <summary>
/// The stored state of a <see cref="Pendamping"/> (issue #13): a storage contract of plain data, read back by
/// <see cref="Pendamping.Restore(PendampingState, Rules.ProfileResolver)"/>.
/// </summary>
/// <param name="Format">The state's format version (<see cref="CurrentFormat"/>).</param>
/// <param name="Id">The pendamping's id.</param>
/// <param name="Name">The name as stored (never re-judged by MEM-07).</param>
/// <param name="ProfileId">The profile (<c>Code@Version</c>) the pendamping was appointed under.</param>
/// <param name="AppointedOn">The appointment date.</param>
/// <param name="Assignments">Every assignment, in the order made.</param>
/// <param name="Visits">Every visit, in the order recorded.</param>
/// <param name="Reports">Every monthly report, in the order submitted.</param>
/// <param name="InactivityReports">Every report of inactivity made by a group, in order.</param>
public sealed record PendampingState(
    int Format,
    PendampingId Id,
    string Name,
    string ProfileId,
    LocalDate AppointedOn,
    IReadOnlyList<PendampingAssignment> Assignments,
    IReadOnlyList<FacilitationVisit> Visits,
    IReadOnlyList<MonthlyReport> Reports,
    IReadOnlyList<InactivityReport> InactivityReports)
{
    /// <summary>The format this version of KubeCore writes and reads.</summary>
    public const int CurrentFormat = 1;
}

/// <summary>
/// A change to a <see cref="Pendamping"/> after its rules passed (<see cref="Pendamping.TakeChanges"/>): applied to a
/// stored state by <see cref="Pendamping.Restore(PendampingState, IEnumerable{PendampingFact}, Rules.ProfileResolver)"/>.
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(PendampingGroupAssigned), "group-assigned")]
[JsonDerivedType(typeof(PendampingGroupReleased), "group-released")]
[JsonDerivedType(typeof(PendampingVisitRecorded), "visit-recorded")]
[JsonDerivedType(typeof(PendampingReportSubmitted), "report-submitted")]
[JsonDerivedType(typeof(PendampingInactivityReported), "inactivity-reported")]
public abstract record PendampingFact;

/// <summary>A group was assigned (FAC-01).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="AssignedOn">The first day of facilitation.</param>
public sealed record PendampingGroupAssigned(GroupId GroupId, LocalDate AssignedOn) : PendampingFact;

/// <summary>The group's current assignment ended.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="ReleasedOn">The first day no longer accompanied.</param>
public sealed record PendampingGroupReleased(GroupId GroupId, LocalDate ReleasedOn) : PendampingFact;

/// <summary>A visit was recorded (FAC-02), its notes trimmed.</summary>
/// <param name="Visit">The visit as stored.</param>
public sealed record PendampingVisitRecorded(FacilitationVisit Visit) : PendampingFact;

/// <summary>A monthly report was submitted (FAC-02, FAC-03), its texts trimmed.</summary>
/// <param name="Report">The report as stored.</param>
public sealed record PendampingReportSubmitted(MonthlyReport Report) : PendampingFact;

/// <summary>A group reported the pendamping's inactivity to Dinas Sosial (FAC-02).</summary>
/// <param name="Report">The report.</param>
public sealed record PendampingInactivityReported(InactivityReport Report) : PendampingFact;
