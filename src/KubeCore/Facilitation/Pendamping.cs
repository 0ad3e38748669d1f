using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Facilitation;

/// <summary>
/// A pendamping (social facilitator) appointed by Dinas Sosial, with the groups they accompany, their visits
/// and monthly reports (FAC-01..03), and the groups' reports of inactivity to Dinas Sosial.
/// </summary>
/// <remarks>
/// <para><b>Which profile governs.</b> A pendamping is appointed under one program profile (by SK Kepala Dinas
/// Sosial for that program) passed to <see cref="Appoint"/>. Its <c>Facilitation</c> parameters
/// (<c>MaxGroupsPerPendamping</c>, <c>ReportInterval</c>, <c>InactivityPeriod</c>) govern every group the pendamping
/// accompanies, whatever profile version each group was formed under; a group must be of the same
/// <see cref="GroupKind"/> as the pendamping's profile.</para>
/// <para>Conventions where the sources are silent:</para>
/// <list type="bullet">
/// <item>FAC-01 counts the assignments in force on the assignment date or later (a future release does not free a
/// place early), so the pendamping never accompanies more than the maximum on any date.</item>
/// <item>FAC-02 activity is the assignment itself, a visit or a monthly report. With no activity for
/// <c>InactivityPeriod</c> the pendamping is inactive for that group from last activity + period (inclusive), and the group
/// owes Dinas Sosial a report (seed 003) until it records one on or after that date
/// (<see cref="RecordInactivityReported"/>). Renewed activity starts a new period; a new inactivity owes a new report.</item>
/// <item>A monthly report is due <c>ReportInterval</c> after the previous one (or after the assignment), inclusive.</item>
/// <item>Queries take an as-of date and ignore records dated after it.</item>
/// </list>
/// </remarks>
public sealed class Pendamping
{
    private readonly List<PendampingAssignment> _assignments = [];
    private readonly List<FacilitationVisit> _visits = [];
    private readonly List<MonthlyReport> _reports = [];
    private readonly List<InactivityReport> _inactivityReports = [];
    private readonly List<FacilitationEvent> _events = [];

    private Pendamping(PendampingId id, string name, ProgramProfile profile, LocalDate appointedOn)
    {
        Id = id;
        Name = name;
        Profile = profile;
        AppointedOn = appointedOn;
        _events.Add(new PendampingAppointed(id, appointedOn, profile.Id));
    }

    /// <summary>The pendamping's id.</summary>
    public PendampingId Id { get; }

    /// <summary>The pendamping's name.</summary>
    public string Name { get; }

    /// <summary>The profile the pendamping was appointed under; it governs FAC-01 and FAC-02.</summary>
    public ProgramProfile Profile { get; }

    /// <summary>The appointment date.</summary>
    public LocalDate AppointedOn { get; }

    /// <summary>FAC-01: the most groups this pendamping may accompany (<c>Facilitation.MaxGroupsPerPendamping</c>).</summary>
    public int MaxGroups => Profile.Facilitation.MaxGroupsPerPendamping;

    /// <summary>Every assignment, current and past, in the order made.</summary>
    public IReadOnlyList<PendampingAssignment> Assignments => _assignments.AsReadOnly();

    /// <summary>Every visit, in the order recorded.</summary>
    public IReadOnlyList<FacilitationVisit> Visits => _visits.AsReadOnly();

    /// <summary>Every monthly report, in the order submitted.</summary>
    public IReadOnlyList<MonthlyReport> Reports => _reports.AsReadOnly();

    /// <summary>Every report of the pendamping's inactivity made by a group to Dinas Sosial.</summary>
    public IReadOnlyList<InactivityReport> InactivityReports => _inactivityReports.AsReadOnly();

    /// <summary>Every event this instance raised, in order.</summary>
    public IReadOnlyList<FacilitationEvent> Events => _events.AsReadOnly();

    /// <summary>Appoints a pendamping under <paramref name="profile"/>; the name is stored normalised (MEM-07: NFC, trimmed).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is blank or the id is the default.</exception>
    /// <exception cref="RuleViolationException">MEM-07: the name is empty once invisible characters are removed, holds a control or bidi-override character, or is longer than <see cref="ReadableName.DefaultMaxLength"/>.</exception>
    public static Pendamping Appoint(PendampingId id, string name, ProgramProfile profile, LocalDate appointedOn)
    {
        Preconditions.CheckArgument(id != default, nameof(id), "The pendamping id is required.");
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckNotNull(profile);
        return new Pendamping(id, ReadableName.Normalize(name), profile, appointedOn);
    }

    /// <summary>
    /// Replays an appointment stored before (e.g. a host rebuilding a pendamping from stored commands): as
    /// <see cref="Appoint"/> without MEM-07, which judges new names only, so a name stored before MEM-07 still loads.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is blank or the id is the default.</exception>
    public static Pendamping AppointStored(PendampingId id, string name, ProgramProfile profile, LocalDate appointedOn)
    {
        Preconditions.CheckArgument(id != default, nameof(id), "The pendamping id is required.");
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckNotNull(profile);
        return new Pendamping(id, name.Trim(), profile, appointedOn);
    }

    /// <summary>The groups accompanied on <paramref name="date"/>.</summary>
    public IReadOnlyCollection<GroupId> GroupsOn(LocalDate date) => _assignments.Where(a => a.Covers(date)).Select(a => a.GroupId).ToArray();

    /// <summary>
    /// Assigns a group (FAC-01): refused when the group is dissolved or of another kind, the date precedes the
    /// appointment, the group is already accompanied by this pendamping, or the pendamping already has
    /// <see cref="MaxGroups"/> assignments in force on that date or later.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The command's group id is not <paramref name="group"/>'s.</exception>
    /// <exception cref="RuleViolationException">Every FAC-01 violation.</exception>
    public void Assign(AssignPendamping command, IGroupStanding group)
    {
        Preconditions.CheckNotNull(command);
        Preconditions.CheckNotNull(group);
        Preconditions.CheckArgument(command.GroupId == group.Id, nameof(command), "The command names another group.");
        var date = command.AssignedOn;
        var violations = new List<RuleViolation>();
        if (group.Status == GroupStatus.Dissolved)
        {
            violations.Add(RuleViolation.Of(RuleIds.Fac01, FacilitationErrors.GroupDissolved, ("GroupId", group.Id)));
        }
        if (group.Profile.Kind != Profile.Kind)
        {
            violations.Add(RuleViolation.Of(RuleIds.Fac01, FacilitationErrors.OtherGroupKind, ("GroupId", group.Id), ("GroupKind", group.Profile.Kind), ("PendampingKind", Profile.Kind)));
        }
        if (date < AppointedOn)
        {
            violations.Add(RuleViolation.Of(RuleIds.Fac01, FacilitationErrors.BeforeAppointment, ("Date", date), ("AppointedOn", AppointedOn)));
        }
        var inForce = _assignments.Where(a => a.InForceOnOrAfter(date)).ToList();
        if (inForce.Any(a => a.GroupId == group.Id))
        {
            violations.Add(RuleViolation.Of(RuleIds.Fac01, FacilitationErrors.AlreadyAssigned, ("Pendamping", Name), ("GroupId", group.Id)));
        }
        else if (inForce.Count >= MaxGroups)
        {
            violations.Add(RuleViolation.Of(RuleIds.Fac01, FacilitationErrors.CapacityReached, ("Pendamping", Name), ("Groups", inForce.Count), ("MaxGroups", MaxGroups)));
        }
        ThrowIfAny(violations);

        _assignments.Add(new PendampingAssignment(group.Id, date, null));
        _events.Add(new GroupAssigned(Id, date, group.Id));
    }

    /// <summary>
    /// Ends the current assignment of a group from <paramref name="releasedOn"/> (no longer accompanied from that
    /// day). The date must be on or after the assignment and after every visit or report recorded under it.
    /// </summary>
    /// <exception cref="RuleViolationException">FAC-01: the group is not currently assigned, or the date is too early.</exception>
    public void Release(GroupId groupId, LocalDate releasedOn)
    {
        var index = _assignments.FindIndex(a => a.GroupId == groupId && a.ReleasedOn is null);
        if (index < 0)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Fac01, FacilitationErrors.NotAssigned, ("Pendamping", Name), ("GroupId", groupId)));
        }
        var assignment = _assignments[index];
        var recorded = ActivityDates(groupId).Concat(_inactivityReports.Where(r => r.GroupId == groupId).Select(r => r.ReportedOn))
            .Where(d => d >= assignment.AssignedOn).ToList();
        var earliest = recorded.Count == 0 ? assignment.AssignedOn : Max(assignment.AssignedOn, recorded.Max().PlusDays(1));
        if (releasedOn < earliest)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Fac01, FacilitationErrors.ReleaseTooEarly, ("Date", releasedOn), ("Earliest", earliest)));
        }
        _assignments[index] = assignment with { ReleasedOn = releasedOn };
        _events.Add(new GroupReleased(Id, releasedOn, groupId));
    }

    /// <summary>Records a visit (FAC-02 activity) to a group accompanied on that date.</summary>
    /// <exception cref="ArgumentNullException">The visit or its notes are null.</exception>
    /// <exception cref="ArgumentException">The notes are blank.</exception>
    /// <exception cref="RuleViolationException">FAC-02: the group was not accompanied on that date.</exception>
    public void RecordVisit(FacilitationVisit visit)
    {
        Preconditions.CheckNotNull(visit);
        Preconditions.CheckNotBlank(visit.Notes);
        ThrowIfAny([.. CheckAssignedOn(visit.GroupId, visit.VisitedOn)]);
        _visits.Add(visit with { Notes = visit.Notes.Trim() });
        _events.Add(new VisitRecorded(Id, visit.VisitedOn, visit.GroupId));
    }

    /// <summary>
    /// Records a monthly report on a group accompanied on the report date (FAC-02), with the strategy aspects
    /// addressed (FAC-03): at least one, each a single aspect named once with a non-blank note.
    /// </summary>
    /// <exception cref="ArgumentNullException">The report, its summary, its notes or a note is null.</exception>
    /// <exception cref="ArgumentException">The summary is blank.</exception>
    /// <exception cref="RuleViolationException">Every FAC-02 and FAC-03 violation.</exception>
    public void SubmitReport(MonthlyReport report)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotBlank(report.Summary);
        Preconditions.CheckNotNull(report.Notes);
        Preconditions.CheckArgument(report.Notes.All(n => n is not null && n.Note is not null), nameof(report), "A note is null.");
        var violations = CheckAssignedOn(report.GroupId, report.SubmittedOn).ToList();
        violations.AddRange(AspectViolations(report.Notes));
        ThrowIfAny(violations);
        _reports.Add(report with { Summary = report.Summary.Trim(), Notes = report.Notes.Select(n => n with { Note = n.Note.Trim() }).ToArray() });
        _events.Add(new MonthlyReportSubmitted(Id, report.SubmittedOn, report.GroupId, report.Aspects));
    }

    /// <summary>
    /// Records that the group reported this pendamping's inactivity to Dinas Sosial on <paramref name="reportedOn"/>,
    /// discharging the obligation FAC-02 places on the group.
    /// </summary>
    /// <exception cref="RuleViolationException">FAC-02: the group was not accompanied on that date, the pendamping is not inactive for it, or this inactivity was already reported.</exception>
    public void RecordInactivityReported(GroupId groupId, LocalDate reportedOn)
    {
        var activity = ActivityOn(reportedOn).FirstOrDefault(a => a.GroupId == groupId);
        if (activity is null)
        {
            throw new RuleViolationException(NotAssignedOn(groupId, reportedOn));
        }
        if (activity.InactiveSince > reportedOn)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Fac02, FacilitationErrors.PendampingNotInactive, ("Pendamping", Name), ("GroupId", groupId), ("Date", reportedOn), ("InactiveSince", activity.InactiveSince)));
        }
        if (activity.InactivityReportedOn is { } earlier && earlier >= activity.InactiveSince)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Fac02, FacilitationErrors.InactivityAlreadyReported, ("Pendamping", Name), ("GroupId", groupId), ("ReportedOn", earlier)));
        }
        _inactivityReports.Add(new InactivityReport(groupId, reportedOn, activity.InactiveSince));
        _events.Add(new InactivityReportedToDinasSosial(Id, reportedOn, groupId, activity.InactiveSince));
    }

    /// <summary>The facilitation state of every group accompanied on <paramref name="asOf"/>, from the records dated up to it.</summary>
    public IReadOnlyList<FacilitationActivity> ActivityOn(LocalDate asOf)
    {
        var views = new List<FacilitationActivity>();
        foreach (var assignment in _assignments.Where(a => a.Covers(asOf)))
        {
            var from = assignment.AssignedOn;
            var group = assignment.GroupId;
            var reports = _reports.Where(r => r.GroupId == group && r.SubmittedOn >= from && r.SubmittedOn <= asOf).Select(r => r.SubmittedOn).ToList();
            var visits = _visits.Where(v => v.GroupId == group && v.VisitedOn >= from && v.VisitedOn <= asOf).Select(v => v.VisitedOn);
            var lastActivity = reports.Concat(visits).Append(from).Max();
            LocalDate? lastReport = reports.Count == 0 ? null : reports.Max();
            var inactivityReports = _inactivityReports.Where(r => r.GroupId == group && r.ReportedOn >= from && r.ReportedOn <= asOf).Select(r => r.ReportedOn).ToList();
            views.Add(new FacilitationActivity(
                Id, group, from, lastActivity,
                lastActivity.Plus(Profile.Facilitation.InactivityPeriod),
                lastReport,
                (lastReport ?? from).Plus(Profile.Facilitation.ReportInterval),
                inactivityReports.Count == 0 ? null : inactivityReports.Max()));
        }
        return views;
    }

    /// <summary>True when, on <paramref name="asOf"/>, the pendamping accompanies the group but has had no visit or report for it for <c>Facilitation.InactivityPeriod</c> (FAC-02).</summary>
    public bool IsInactiveFor(GroupId groupId, LocalDate asOf) =>
        ActivityOn(asOf).Any(a => a.GroupId == groupId && a.InactiveSince <= asOf);

    /// <summary>
    /// FAC-02: the groups that, on <paramref name="asOf"/>, owe Dinas Sosial a report of this pendamping's
    /// inactivity, each with the date since which it is owed (<see cref="FacilitationActivity.InactiveSince"/>).
    /// </summary>
    public IReadOnlyList<FacilitationActivity> UnreportedInactivity(LocalDate asOf) =>
        new GroupsOwingInactivityReport(asOf).Evaluate(ActivityOn(asOf)).ToArray();

    /// <summary>FAC-02: the groups whose monthly report is overdue on <paramref name="asOf"/> (due date before it).</summary>
    public IReadOnlyList<FacilitationActivity> OverdueMonthlyReports(LocalDate asOf) =>
        new MonthlyReportsOverdue(asOf).Evaluate(ActivityOn(asOf)).ToArray();

    /// <summary>The pendamping's load on <paramref name="date"/>: assignments in force on it or later, and the maximum (FAC-01).</summary>
    public PendampingLoad LoadOn(LocalDate date) => new(Id, Name, _assignments.Count(a => a.InForceOnOrAfter(date)), MaxGroups);

    /// <summary>FAC-03: the strategy aspects addressed for a group in the monthly reports dated from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public StrategyAspects AspectsAddressed(GroupId groupId, LocalDate from, LocalDate to) =>
        _reports.Where(r => r.GroupId == groupId && r.SubmittedOn >= from && r.SubmittedOn <= to)
            .Aggregate(StrategyAspects.None, (all, r) => all | r.Aspects);

    /// <summary>The name and id.</summary>
    public override string ToString() => $"Pendamping {Name} ({Id})";

    internal static IEnumerable<RuleViolation> AspectViolations(IReadOnlyList<AspectNote> notes)
    {
        if (notes.Count == 0)
        {
            yield return RuleViolation.Of(RuleIds.Fac03, FacilitationErrors.NoAspect);
        }
        foreach (var note in notes)
        {
            if (!IsSingleAspect(note.Aspect))
            {
                yield return RuleViolation.Of(RuleIds.Fac03, FacilitationErrors.NotOneAspect, ("Aspect", note.Aspect));
            }
            else if (string.IsNullOrWhiteSpace(note.Note))
            {
                yield return RuleViolation.Of(RuleIds.Fac03, FacilitationErrors.AspectNoteRequired, ("Aspect", note.Aspect));
            }
        }
        foreach (var repeated in notes.Where(n => IsSingleAspect(n.Aspect)).GroupBy(n => n.Aspect).Where(g => g.Count() > 1))
        {
            yield return RuleViolation.Of(RuleIds.Fac03, FacilitationErrors.AspectRepeated, ("Aspect", repeated.Key));
        }
    }

    internal static bool IsSingleAspect(StrategyAspects aspect) =>
        aspect != StrategyAspects.None && (aspect & StrategyAspects.All) == aspect && ((int)aspect & ((int)aspect - 1)) == 0;

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static void ThrowIfAny(List<RuleViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations.ToArray());
        }
    }

    private IEnumerable<LocalDate> ActivityDates(GroupId groupId) =>
        _visits.Where(v => v.GroupId == groupId).Select(v => v.VisitedOn)
            .Concat(_reports.Where(r => r.GroupId == groupId).Select(r => r.SubmittedOn));

    private IEnumerable<RuleViolation> CheckAssignedOn(GroupId groupId, LocalDate date)
    {
        if (!_assignments.Any(a => a.GroupId == groupId && a.Covers(date)))
        {
            yield return NotAssignedOn(groupId, date);
        }
    }

    private RuleViolation NotAssignedOn(GroupId groupId, LocalDate date) =>
        RuleViolation.Of(RuleIds.Fac02, FacilitationErrors.NotAssignedOnDate, ("Pendamping", Name), ("GroupId", groupId), ("Date", date));
}
