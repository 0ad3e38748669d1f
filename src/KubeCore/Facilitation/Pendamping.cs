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
    private readonly List<PendampingFact> _changes = [];

    private Pendamping(PendampingId id, string name, ProgramProfile profile, LocalDate appointedOn)
    {
        Id = id;
        Name = name;
        Profile = profile;
        AppointedOn = appointedOn;
    }

    private static Pendamping Appointed(PendampingId id, string name, ProgramProfile profile, LocalDate appointedOn)
    {
        var pendamping = new Pendamping(id, name, profile, appointedOn);
        pendamping._events.Add(new PendampingAppointed(id, appointedOn, profile.Id));
        return pendamping;
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

    /// <summary>Every event this instance raised, in order (a restored pendamping starts with none).</summary>
    public IReadOnlyList<FacilitationEvent> Events => _events.AsReadOnly();

    /// <summary>Appoints a pendamping under <paramref name="profile"/>; the name is stored normalised (MEM-07: NFC, trimmed).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is the default.</exception>
    /// <exception cref="RuleViolationException">MEM-07: the name is empty, white space only or empty once invisible characters are removed (<see cref="CommonErrors.NameEmpty"/>), holds a control or bidi-override character, or is longer than <see cref="ReadableName.DefaultMaxLength"/>;
    /// or the appointment is dated before <paramref name="profile"/> takes effect (<see cref="ProfileErrors.NotYetInForce"/>, under FAC-01).</exception>
    public static Pendamping Appoint(PendampingId id, string name, ProgramProfile profile, LocalDate appointedOn)
    {
        Preconditions.CheckArgument(id != default, nameof(id), "The pendamping id is required.");
        ArgumentNullException.ThrowIfNull(name);
        Preconditions.CheckNotNull(profile);
        if (appointedOn < profile.EffectiveFrom)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Fac01, ProfileErrors.NotYetInForce, ("Profile", profile.Id), ("EffectiveFrom", profile.EffectiveFrom), ("AsOf", appointedOn)));
        }
        return Appointed(id, ReadableName.Normalize(name), profile, appointedOn);
    }

    /// <summary>
    /// Restores a pendamping from its stored state (issue #13), checking structure only: the format, the id and name,
    /// the profile, assignments whose periods of one group never overlap and end on or after they start, and visits and
    /// reports each on a day its group was accompanied. FAC-01 (capacity), FAC-03 and MEM-07 are not re-run: a
    /// pendamping stored under older rules loads.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state is broken, in another format, or names an unknown profile.</exception>
    public static Pendamping Restore(PendampingState state, ProfileResolver profiles) => Restore(state, [], profiles);

    /// <summary>Restores a pendamping from a stored state and the changes taken after it (<see cref="TakeChanges"/>), in order, with structural checks only.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state or a change (<c>Changes[i]</c>) is broken, or the profile is unknown.</exception>
    public static Pendamping Restore(PendampingState state, IEnumerable<PendampingFact> changes, ProfileResolver profiles)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(profiles);
        StateRestoreException.CheckFormat(Aggregate, state.Format, PendampingState.CurrentFormat);
        StateRestoreException.Check(state.Id.Value != Guid.Empty, Aggregate, "Id", "the pendamping id is empty");
        StateRestoreException.Check(!string.IsNullOrWhiteSpace(state.Name), Aggregate, "Name", "the name is blank");
        StateRestoreException.Check(state.Assignments is not null, Aggregate, "Assignments", "the assignments are missing");
        StateRestoreException.Check(state.Visits is not null, Aggregate, "Visits", "the visits are missing");
        StateRestoreException.Check(state.Reports is not null, Aggregate, "Reports", "the reports are missing");
        StateRestoreException.Check(state.InactivityReports is not null, Aggregate, "InactivityReports", "the inactivity reports are missing");
        var profile = StateRestoreException.Resolve(profiles, Aggregate, state.ProfileId);
        var pendamping = new Pendamping(state.Id, state.Name, profile, state.AppointedOn);
        for (var i = 0; i < state.Assignments!.Count; i++)
        {
            var a = state.Assignments[i];
            var part = $"Assignments[{i}]";
            StateRestoreException.Check(a is not null && a.GroupId.Value != Guid.Empty, Aggregate, part, "the assignment or its group is missing");
            StateRestoreException.Check(a!.ReleasedOn is null || a.ReleasedOn.Value >= a.AssignedOn, Aggregate, part + ".ReleasedOn", "released before assigned");
            StateRestoreException.Check(!pendamping._assignments.Any(b => b.GroupId == a.GroupId && Overlap(a, b)), Aggregate, part,
                $"the group {a.GroupId} is assigned twice over the same days");
            pendamping._assignments.Add(a);
        }
        for (var i = 0; i < state.Visits!.Count; i++)
        {
            pendamping.ApplyStored(new PendampingVisitRecorded(state.Visits[i]), $"Visits[{i}]", fromState: true);
        }
        for (var i = 0; i < state.Reports!.Count; i++)
        {
            pendamping.ApplyStored(new PendampingReportSubmitted(state.Reports[i]), $"Reports[{i}]", fromState: true);
        }
        for (var i = 0; i < state.InactivityReports!.Count; i++)
        {
            pendamping.ApplyStored(new PendampingInactivityReported(state.InactivityReports[i]), $"InactivityReports[{i}]", fromState: true);
        }
        var c = 0;
        foreach (var change in changes)
        {
            pendamping.ApplyStored(change, $"Changes[{c++}]", fromState: false);
        }
        return pendamping;
    }

    /// <summary>The pendamping's state, to store (issue #13): plain data that <see cref="Restore(PendampingState, ProfileResolver)"/> reads back.</summary>
    public PendampingState ToState() =>
        new(PendampingState.CurrentFormat, Id, Name, Profile.Id, AppointedOn, [.. _assignments], [.. _visits], [.. _reports], [.. _inactivityReports]);

    /// <summary>
    /// The changes since the pendamping was appointed or restored, or since the last call, in order; taking them clears
    /// them. Store them with a state to restore this pendamping.
    /// </summary>
    public IReadOnlyList<PendampingFact> TakeChanges()
    {
        var taken = _changes.ToArray();
        _changes.Clear();
        return taken;
    }

    private const string Aggregate = nameof(Pendamping);

    private static bool Overlap(PendampingAssignment a, PendampingAssignment b) =>
        (a.ReleasedOn is null || b.AssignedOn < a.ReleasedOn.Value) && (b.ReleasedOn is null || a.AssignedOn < b.ReleasedOn.Value);

    // Live operations: the rules passed; the fact is the change, and raises its event.
    private void Record(PendampingFact change)
    {
        Apply(change);
        _changes.Add(change);
        _events.Add(change switch
        {
            PendampingGroupAssigned f => new GroupAssigned(Id, f.AssignedOn, f.GroupId),
            PendampingGroupReleased f => new GroupReleased(Id, f.ReleasedOn, f.GroupId),
            PendampingVisitRecorded f => new VisitRecorded(Id, f.Visit.VisitedOn, f.Visit.GroupId),
            PendampingReportSubmitted f => new MonthlyReportSubmitted(Id, f.Report.SubmittedOn, f.Report.GroupId, f.Report.Aspects),
            PendampingInactivityReported f => new InactivityReportedToDinasSosial(Id, f.Report.ReportedOn, f.Report.GroupId, f.Report.InactiveSince),
            _ => throw new ArgumentException($"Unknown change {change.GetType().Name}.", nameof(change)),
        });
    }

    // The one path that changes a pendamping, live and on restore.
    private void Apply(PendampingFact change)
    {
        switch (change)
        {
            case PendampingGroupAssigned f:
                _assignments.Add(new PendampingAssignment(f.GroupId, f.AssignedOn, null));
                break;
            case PendampingGroupReleased f:
                var index = _assignments.FindIndex(a => a.GroupId == f.GroupId && a.ReleasedOn is null);
                _assignments[index] = _assignments[index] with { ReleasedOn = f.ReleasedOn };
                break;
            case PendampingVisitRecorded f:
                _visits.Add(f.Visit);
                break;
            case PendampingReportSubmitted f:
                _reports.Add(f.Report);
                break;
            case PendampingInactivityReported f:
                _inactivityReports.Add(f.Report);
                break;
            default:
                throw new ArgumentException($"Unknown change {change.GetType().Name}.", nameof(change));
        }
    }

    // A stored change (or a stored visit or report): structure checked, then applied, not recorded as new.
    private void ApplyStored(PendampingFact? change, string part, bool fromState)
    {
        StateRestoreException.Check(change is not null, Aggregate, part, "the change is missing");
        var inner = fromState ? part : part + (change switch
        {
            PendampingVisitRecorded => ".Visit",
            PendampingReportSubmitted or PendampingInactivityReported => ".Report",
            _ => string.Empty,
        });
        switch (change)
        {
            case PendampingGroupAssigned f:
                StateRestoreException.Check(f.GroupId.Value != Guid.Empty, Aggregate, part + ".GroupId", "the group id is empty");
                StateRestoreException.Check(!_assignments.Any(a => a.GroupId == f.GroupId && a.InForceOnOrAfter(f.AssignedOn)), Aggregate, part,
                    $"the group {f.GroupId} is already assigned on {f.AssignedOn:uuuu-MM-dd} or later");
                break;
            case PendampingGroupReleased f:
                var open = _assignments.Find(a => a.GroupId == f.GroupId && a.ReleasedOn is null);
                StateRestoreException.Check(open is not null, Aggregate, part + ".GroupId", $"the group {f.GroupId} is not assigned");
                StateRestoreException.Check(f.ReleasedOn >= open!.AssignedOn, Aggregate, part + ".ReleasedOn", "released before assigned");
                break;
            case PendampingVisitRecorded f:
                StateRestoreException.Check(f.Visit is not null && f.Visit.Notes is not null, Aggregate, inner, "the visit or its notes are missing");
                CheckAccompanied(f.Visit!.GroupId, f.Visit.VisitedOn, inner);
                break;
            case PendampingReportSubmitted f:
                StateRestoreException.Check(f.Report is not null && f.Report.Summary is not null && f.Report.Notes is not null
                    && f.Report.Notes.All(n => n is not null && n.Note is not null), Aggregate, inner, "the report, its summary or a note is missing");
                CheckAccompanied(f.Report!.GroupId, f.Report.SubmittedOn, inner);
                break;
            case PendampingInactivityReported f:
                StateRestoreException.Check(f.Report is not null, Aggregate, inner, "the report is missing");
                CheckAccompanied(f.Report!.GroupId, f.Report.ReportedOn, inner);
                break;
            default:
                throw StateRestoreException.Broken(Aggregate, part, $"unknown change {change!.GetType().Name}");
        }
        Apply(change);
    }

    private void CheckAccompanied(GroupId group, LocalDate date, string part) =>
        StateRestoreException.Check(_assignments.Any(a => a.GroupId == group && a.Covers(date)), Aggregate, part,
            $"the group {group} was not accompanied on {date:uuuu-MM-dd}");

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

        Record(new PendampingGroupAssigned(group.Id, date));
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
        Record(new PendampingGroupReleased(groupId, releasedOn));
    }

    /// <summary>Records a visit (FAC-02 activity) to a group accompanied on that date.</summary>
    /// <exception cref="ArgumentNullException">The visit is null.</exception>
    /// <exception cref="RuleViolationException">FAC-02: the notes are null or blank (<see cref="FacilitationErrors.ReportFieldRequired"/>:
    /// white space, invisible characters or controls only) or longer than <see cref="FacilitationVisit.MaxNotesLength"/>
    /// (<see cref="FacilitationErrors.TextTooLong"/>); the group was not accompanied on that date. Nothing changes.</exception>
    public void RecordVisit(FacilitationVisit visit)
    {
        Preconditions.CheckNotNull(visit);
        var violations = CheckAssignedOn(visit.GroupId, visit.VisitedOn).ToList();
        if (CheckRecordText(visit.Notes, nameof(FacilitationVisit.Notes), FacilitationVisit.MaxNotesLength) is { } notes)
        {
            violations.Insert(0, notes);
        }
        ThrowIfAny(violations);
        Record(new PendampingVisitRecorded(visit with { Notes = visit.Notes.Trim() }));
    }

    /// <summary>
    /// Records a monthly report on a group accompanied on the report date (FAC-02), with the strategy aspects
    /// addressed (FAC-03): at least one, each a single aspect named once with a non-blank note.
    /// </summary>
    /// <exception cref="ArgumentNullException">The report, its notes or a note is null.</exception>
    /// <exception cref="RuleViolationException">Every FAC-02 and FAC-03 violation: the summary null or blank
    /// (<see cref="FacilitationErrors.ReportFieldRequired"/>: white space, invisible characters or controls only) or longer than
    /// <see cref="MonthlyReport.MaxSummaryLength"/> (<see cref="FacilitationErrors.TextTooLong"/>), the group not accompanied on
    /// the date, the aspects. Nothing changes.</exception>
    public void SubmitReport(MonthlyReport report)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(report.Notes);
        Preconditions.CheckArgument(report.Notes.All(n => n is not null && n.Note is not null), nameof(report), "A note is null.");
        var violations = CheckAssignedOn(report.GroupId, report.SubmittedOn).ToList();
        if (CheckRecordText(report.Summary, nameof(MonthlyReport.Summary), MonthlyReport.MaxSummaryLength) is { } summary)
        {
            violations.Insert(0, summary);
        }
        violations.AddRange(AspectViolations(report.Notes));
        ThrowIfAny(violations);
        Record(new PendampingReportSubmitted(report with { Summary = report.Summary.Trim(), Notes = report.Notes.Select(n => n with { Note = n.Note.Trim() }).ToArray() }));
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
        Record(new PendampingInactivityReported(new InactivityReport(groupId, reportedOn, activity.InactiveSince)));
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
            else if (ReadableName.IsBlank(note.Note))
            {
                yield return RuleViolation.Of(RuleIds.Fac03, FacilitationErrors.AspectNoteRequired, ("Aspect", note.Aspect));
            }
        }
        foreach (var repeated in notes.Where(n => IsSingleAspect(n.Aspect)).GroupBy(n => n.Aspect).Where(g => g.Count() > 1))
        {
            yield return RuleViolation.Of(RuleIds.Fac03, FacilitationErrors.AspectRepeated, ("Aspect", repeated.Key));
        }
    }

    /// <summary>
    /// FAC-02: null when <paramref name="text"/>, the <paramref name="field"/> of a visit or monthly report, is given and
    /// fits; otherwise <see cref="FacilitationErrors.ReportFieldRequired"/> when it is null or blank as
    /// <see cref="ReadableName.IsBlank"/> judges it, or <see cref="FacilitationErrors.TextTooLong"/> when it is longer than
    /// <paramref name="maxLength"/>. The one check behind <see cref="RecordVisit"/>, <see cref="SubmitReport"/> and their validators.
    /// </summary>
    internal static RuleViolation? CheckRecordText(string? text, string field, int maxLength) =>
        ReadableName.IsBlank(text) ? RuleViolation.Of(RuleIds.Fac02, FacilitationErrors.ReportFieldRequired, ("PropertyName", field))
        : text!.Length > maxLength ? RuleViolation.Of(RuleIds.Fac02, FacilitationErrors.TextTooLong, ("PropertyName", field), ("TotalLength", text.Length), ("MaxLength", maxLength))
        : null;

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
