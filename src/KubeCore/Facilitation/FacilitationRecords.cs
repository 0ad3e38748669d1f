using System.Text.Json.Serialization;
using KubeCore.Common;
using NodaTime;

namespace KubeCore.Facilitation;

/// <summary>
/// The five aspects of the pendamping's facilitation strategy (FAC-03, seed 001: motivasi; peningkatan kesadaran
/// dan pelatihan kemampuan; manajemen diri; mobilisasi sumber; pembangunan dan pengembangan jaringan).
/// A set of aspects is a combination of flags.
/// </summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<StrategyAspects>))]
public enum StrategyAspects
{
    /// <summary>No aspect.</summary>
    None = 0,

    /// <summary>Motivasi (motivation).</summary>
    Motivation = 1,

    /// <summary>Peningkatan kesadaran dan pelatihan kemampuan (awareness raising and skills training).</summary>
    AwarenessAndSkillsTraining = 2,

    /// <summary>Manajemen diri (self-management).</summary>
    SelfManagement = 4,

    /// <summary>Mobilisasi sumber (resource mobilisation).</summary>
    ResourceMobilisation = 8,

    /// <summary>Pembangunan dan pengembangan jaringan (network building).</summary>
    NetworkBuilding = 16,

    /// <summary>All five aspects.</summary>
    All = Motivation | AwarenessAndSkillsTraining | SelfManagement | ResourceMobilisation | NetworkBuilding,
}

/// <summary>What the pendamping did on one strategy aspect in a month (FAC-03).</summary>
/// <param name="Aspect">Exactly one aspect.</param>
/// <param name="Note">What was done, e.g. <c>Pelatihan pembukuan sederhana untuk bendahara</c>.</param>
public sealed record AspectNote(StrategyAspects Aspect, string Note);

/// <summary>
/// A pendamping's monthly report on one group (FAC-02, FAC-03): the date, a summary of the group's progress and
/// one note per strategy aspect addressed. Input of <see cref="Pendamping.SubmitReport"/>; validated by <see cref="MonthlyReportValidator"/>.
/// </summary>
/// <param name="GroupId">The group reported on.</param>
/// <param name="SubmittedOn">The report date; it counts as the pendamping's activity for the group on that date.</param>
/// <param name="Summary">
/// The group's progress in the month: not blank (<see cref="FacilitationErrors.ReportFieldRequired"/>) and at most
/// <see cref="MaxSummaryLength"/> characters (<see cref="FacilitationErrors.TextTooLong"/>); FAC-02.
/// </param>
/// <param name="Notes">One note per aspect addressed; at least one.</param>
public sealed record MonthlyReport(GroupId GroupId, LocalDate SubmittedOn, string Summary, IReadOnlyList<AspectNote> Notes)
{
    /// <summary>
    /// The longest <see cref="Summary"/>: 1000 UTF-16 code units (as <see cref="string.Length"/> counts them; a design
    /// choice, the length of a ledger memo). A longer summary is refused with <see cref="FacilitationErrors.TextTooLong"/> (FAC-02).
    /// </summary>
    public const int MaxSummaryLength = 1000;

    /// <summary>The aspects addressed: the union of the notes' aspects (computed, so not stored).</summary>
    [JsonIgnore]
    public StrategyAspects Aspects => Notes is null ? StrategyAspects.None : Notes.Where(n => n is not null).Aggregate(StrategyAspects.None, (all, n) => all | n.Aspect);
}

/// <summary>A visit by the pendamping to a group (FAC-02). Input of <see cref="Pendamping.RecordVisit"/>; validated by <see cref="FacilitationVisitValidator"/>.</summary>
/// <param name="GroupId">The group visited.</param>
/// <param name="VisitedOn">The date; it counts as the pendamping's activity for the group.</param>
/// <param name="Notes">
/// What happened: not blank (<see cref="FacilitationErrors.ReportFieldRequired"/>) and at most <see cref="MaxNotesLength"/>
/// characters (<see cref="FacilitationErrors.TextTooLong"/>); FAC-02.
/// </param>
public sealed record FacilitationVisit(GroupId GroupId, LocalDate VisitedOn, string Notes)
{
    /// <summary>
    /// The longest <see cref="Notes"/>: 1000 UTF-16 code units (as <see cref="string.Length"/> counts them; a design
    /// choice, the length of a ledger memo). Longer notes are refused with <see cref="FacilitationErrors.TextTooLong"/> (FAC-02).
    /// </summary>
    public const int MaxNotesLength = 1000;
}

/// <summary>Assigns a group to a pendamping (FAC-01). Input of <see cref="Pendamping.Assign"/>; validated by <see cref="AssignPendampingValidator"/>.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="AssignedOn">The first day of facilitation.</param>
public sealed record AssignPendamping(GroupId GroupId, LocalDate AssignedOn);

/// <summary>One period in which a pendamping accompanies a group: from <paramref name="AssignedOn"/> (inclusive) to <paramref name="ReleasedOn"/> (exclusive).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="AssignedOn">The first day.</param>
/// <param name="ReleasedOn">The first day no longer accompanied, or null while assigned.</param>
public sealed record PendampingAssignment(GroupId GroupId, LocalDate AssignedOn, LocalDate? ReleasedOn)
{
    /// <summary>True when the pendamping accompanies the group on <paramref name="date"/>.</summary>
    public bool Covers(LocalDate date) => AssignedOn <= date && (ReleasedOn is null || date < ReleasedOn.Value);

    /// <summary>True when the assignment is in force on <paramref name="date"/> or later (including one that starts later).</summary>
    public bool InForceOnOrAfter(LocalDate date) => ReleasedOn is null || ReleasedOn.Value > date;
}

/// <summary>A group's report to Dinas Sosial that its pendamping is inactive (FAC-02; seed 003: "KUBE wajib melaporkannya ke Dinas Sosial").</summary>
/// <param name="GroupId">The group that reported.</param>
/// <param name="ReportedOn">The date of the report.</param>
/// <param name="InactiveSince">The date since which the pendamping was inactive for the group.</param>
public sealed record InactivityReport(GroupId GroupId, LocalDate ReportedOn, LocalDate InactiveSince);

/// <summary>
/// A flat view of one pendamping–group assignment as of a date (a read model a database can index): the last
/// activity (visit or report, or the assignment itself), the date the pendamping is inactive from, the next
/// monthly report due and the group's last inactivity report.
/// </summary>
/// <param name="PendampingId">The pendamping.</param>
/// <param name="GroupId">The group.</param>
/// <param name="AssignedOn">The assignment date.</param>
/// <param name="LastActivityOn">The latest of the assignment date, visits and monthly reports, up to the as-of date.</param>
/// <param name="InactiveSince">LastActivityOn + <c>Facilitation.InactivityPeriod</c>: from this date the pendamping is inactive for the group (inclusive).</param>
/// <param name="LastReportOn">The latest monthly report up to the as-of date, or null.</param>
/// <param name="NextReportDueOn">(LastReportOn or AssignedOn) + <c>Facilitation.ReportInterval</c>: the last day (inclusive) for the next monthly report.</param>
/// <param name="InactivityReportedOn">The latest report of the group to Dinas Sosial about this pendamping's inactivity, or null.</param>
public sealed record FacilitationActivity(
    PendampingId PendampingId,
    GroupId GroupId,
    LocalDate AssignedOn,
    LocalDate LastActivityOn,
    LocalDate InactiveSince,
    LocalDate? LastReportOn,
    LocalDate NextReportDueOn,
    LocalDate? InactivityReportedOn);

/// <summary>A flat view of a pendamping's load on a date (a read model a database can index).</summary>
/// <param name="PendampingId">The pendamping.</param>
/// <param name="Name">The pendamping's name.</param>
/// <param name="Groups">Assignments in force on the date or later (FAC-01 counts these).</param>
/// <param name="MaxGroups">The profile's <c>Facilitation.MaxGroupsPerPendamping</c>.</param>
public sealed record PendampingLoad(PendampingId PendampingId, string Name, int Groups, int MaxGroups);
