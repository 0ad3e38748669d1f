using System.Collections.ObjectModel;
using System.Text.Json.Serialization;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Meetings;

/// <summary>How a member attended a meeting (daftar hadir).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttendanceStatus>))]
public enum AttendanceStatus
{
    /// <summary>Present (hadir). Counts toward quorum.</summary>
    Present = 1,

    /// <summary>Absent without leave (tidak hadir). Does not count.</summary>
    Absent = 2,

    /// <summary>Absent with leave (izin). Does not count toward quorum.</summary>
    Excused = 3,

    /// <summary>Came late (terlambat). Counts toward quorum: the member is there when decisions are taken.</summary>
    Late = 4,
}

/// <summary>One line of an attendance list.</summary>
/// <param name="Member">The member.</param>
/// <param name="Mark">How they attended.</param>
public readonly record struct AttendanceMark(PersonId Member, AttendanceStatus Mark);

/// <summary>
/// A group meeting (pertemuan kelompok; FIVE-02): its date, the attendance of every current member and the
/// decisions taken, each with who was present (<see cref="MeetingDecision"/>).
/// </summary>
/// <remarks>
/// <para><b>Order.</b> A meeting is opened, its attendance is recorded once (every current member marked, no one
/// else), and only then are decisions taken.</para>
/// <para><b>Quorum.</b> Present and late members count as present (a late member is there when decisions are
/// taken); absent and excused members do not. Quorum is <c>profile.Meetings.IsQuorum(present, members)</c> with the
/// members counted when the attendance was recorded (default: more than half). Loan approvals (LOAN-06), officer
/// elections (OFF-03) and profit splits (SAV-06) always need quorum; other decisions need it when the caller says so.</para>
/// </remarks>
public sealed class Meeting
{
    /// <summary>
    /// The longest agenda: 500 UTF-16 code units (as <see cref="string.Length"/> counts them; a design choice). A longer
    /// agenda is refused with <see cref="MeetingErrors.TextTooLong"/> (FIVE-02).
    /// </summary>
    public const int MaxAgendaLength = 500;

    /// <summary>
    /// The longest decision subject: 200 UTF-16 code units (as <see cref="string.Length"/> counts them; a design choice).
    /// A longer subject is refused with <see cref="MeetingErrors.TextTooLong"/> (FIVE-02).
    /// </summary>
    public const int MaxSubjectLength = 200;

    private readonly IGroupStanding _group;
    private readonly ProgramProfile _profile;
    private readonly List<MeetingDecision> _decisions = [];
    private readonly List<MeetingFact> _changes = [];
    // The marks as recorded; the dictionary view is built on first use (the batch and the rules read the arrays).
    private AttendanceMark[] _marks = [];
    private ReadOnlyDictionary<PersonId, AttendanceStatus>? _attendance;
    private PersonId[] _present = [];

    private Meeting(IGroupStanding group, ProgramProfile profile, MeetingId id, LocalDate date, string agenda)
    {
        _group = group;
        _profile = profile;
        Id = id;
        Date = date;
        Agenda = agenda;
    }

    /// <summary>The meeting's id.</summary>
    public MeetingId Id { get; }

    /// <summary>The group.</summary>
    public GroupId Group => _group.Id;

    /// <summary>The meeting date.</summary>
    public LocalDate Date { get; }

    /// <summary>The agenda or a short description; may be empty.</summary>
    public string Agenda { get; }

    /// <summary>The profile (<c>Code@Version</c>) whose quorum rule applies, fixed when the meeting was opened.</summary>
    public string ProfileId => _profile.Id;

    /// <summary>True once the attendance is recorded.</summary>
    public bool AttendanceRecorded { get; private set; }

    /// <summary>The attendance by member; empty until recorded.</summary>
    public IReadOnlyDictionary<PersonId, AttendanceStatus> Attendance => _attendance ??= AttendanceMap(_marks);

    /// <summary>The number of current members when the attendance was recorded; 0 before.</summary>
    public int MemberCount { get; private set; }

    /// <summary>The members counted as present (present or late), in the order the attendance listed them.</summary>
    public IReadOnlyList<PersonId> Present => _present;

    /// <summary>How many members count as present.</summary>
    public int PresentCount => _present.Length;

    /// <summary>True when the attendance is recorded and makes a quorum under the profile.</summary>
    public bool HasQuorum => AttendanceRecorded && _profile.Meetings.IsQuorum(_present.Length, MemberCount);

    /// <summary>The decisions taken, in order.</summary>
    public IReadOnlyList<MeetingDecision> Decisions => _decisions;

    /// <summary>Opens a meeting of <paramref name="group"/> on <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is the default id.</exception>
    /// <exception cref="RuleViolationException">FIVE-02: the agenda is longer than <see cref="MaxAgendaLength"/> (<see cref="MeetingErrors.TextTooLong"/>).</exception>
    public static Meeting Open(IGroupStanding group, MeetingId id, LocalDate date, string? agenda = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        IdGuard.Check(group.Id);
        IdGuard.Check(id, nameof(id));
        if (CheckAgenda(agenda) is { } tooLong)
        {
            throw new RuleViolationException(tooLong);
        }
        return new Meeting(group, group.Profile, id, date, agenda ?? string.Empty);
    }

    /// <summary>
    /// Restores a meeting from its stored state (issue #13), checking its structure only: the format, the group, the
    /// profile, distinct attendance marks for as many members as counted, and decisions only after the attendance, each
    /// with the typed reference its kind implies. No business rule is re-run: a meeting stored under an older rule loads.
    /// </summary>
    /// <param name="state">The stored state (<see cref="ToState"/>).</param>
    /// <param name="group">The meeting's group, restored by the host (its current members judge a later attendance).</param>
    /// <param name="profiles">The host's profiles; the meeting's <see cref="MeetingState.ProfileId"/> must resolve.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state is broken, in another format, or names an unknown profile.</exception>
    public static Meeting Restore(MeetingState state, IGroupStanding group, ProfileResolver profiles) => Restore(state, [], group, profiles);

    /// <summary>
    /// Restores a meeting from a stored state and the changes taken after it (<see cref="TakeChanges"/>), applied in
    /// order with structural checks only: the result equals the live meeting the changes were taken from.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state or a change is broken (a change's part is <c>Changes[i]</c>), or the profile is unknown.</exception>
    public static Meeting Restore(MeetingState state, IEnumerable<MeetingFact> changes, IGroupStanding group, ProfileResolver profiles)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var meeting = Restore(state, group, profiles, nameof(Meeting), string.Empty);
        var i = 0;
        foreach (var change in changes)
        {
            meeting.ApplyStored(change, nameof(Meeting), $"Changes[{i++}]");
        }
        return meeting;
    }

    // A change from storage (the register's restore): checked, then applied, not recorded as new.
    internal void ApplyStored(MeetingFact change, string aggregate, string part)
    {
        CheckChange(change, aggregate, part, change is MeetingDecisionTaken ? part + ".Decision." : part + ".");
        Apply(change);
    }

    internal static Meeting Restore(MeetingState state, IGroupStanding group, ProfileResolver profiles, string aggregate, string prefix)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(profiles);
        StateRestoreException.CheckFormat(aggregate, state.Format, MeetingState.CurrentFormat);
        StateRestoreException.Require(state.Id.Value != Guid.Empty, aggregate, $"{prefix}Id", "the meeting id is empty");
        StateRestoreException.Require(state.GroupId == group.Id, aggregate, $"{prefix}GroupId", $"the meeting is of group {state.GroupId}, not of {group.Id}");
        StateRestoreException.Require(state.Agenda is not null, aggregate, $"{prefix}Agenda", "the agenda is missing");
        StateRestoreException.Require(state.Attendance is not null, aggregate, $"{prefix}Attendance", "the attendance is missing");
        StateRestoreException.Require(state.Decisions is not null, aggregate, $"{prefix}Decisions", "the decisions are missing");
        var profile = StateRestoreException.Resolve(profiles, aggregate, state.ProfileId);
        var meeting = new Meeting(group, profile, state.Id, state.Date, state.Agenda!);
        if (state.AttendanceRecorded)
        {
            var change = new MeetingAttendanceRecorded(state.Attendance!, state.MemberCount);
            meeting.CheckChange(change, aggregate, prefix.TrimEnd('.'), prefix);
            meeting.Apply(change);
        }
        else
        {
            StateRestoreException.Require(state.Attendance!.Count == 0, aggregate, $"{prefix}Attendance", "marks are stored but the attendance is not recorded");
            StateRestoreException.Require(state.MemberCount == 0, aggregate, $"{prefix}MemberCount", "a member count is stored but the attendance is not recorded");
        }
        for (var i = 0; i < state.Decisions!.Count; i++)
        {
            var change = new MeetingDecisionTaken(state.Decisions[i]);
            meeting.CheckChange(change, aggregate, $"{prefix}Decisions[{i}]", $"{prefix}Decisions[{i}].");
            meeting.Apply(change);
        }
        return meeting;
    }

    /// <summary>The meeting's state, to store (issue #13): plain data that <see cref="Restore(MeetingState, IGroupStanding, ProfileResolver)"/> reads back.</summary>
    public MeetingState ToState() =>
        new(MeetingState.CurrentFormat, Id, Group, Date, Agenda, ProfileId, AttendanceRecorded, [.. _marks], MemberCount,
            _decisions.Select(MeetingDecisionState.Of).ToArray());

    /// <summary>
    /// The changes made since the meeting was opened or restored, or since the last call, in order; taking them clears
    /// them (a second call returns only what happened in between). Store them with a state to restore this meeting.
    /// </summary>
    public IReadOnlyList<MeetingFact> TakeChanges()
    {
        var taken = _changes.ToArray();
        _changes.Clear();
        return taken;
    }

    // Live operations: the rules passed; the fact is the change.
    private void Record(MeetingFact change)
    {
        Apply(change);
        _changes.Add(change);
    }

    // The one path that changes a meeting, live and on restore.
    private void Apply(MeetingFact change)
    {
        switch (change)
        {
            case MeetingAttendanceRecorded attendance:
                var list = attendance.Marks.ToArray();
                var present = 0;
                foreach (var mark in list)
                {
                    present += CountsAsPresent(mark.Mark) ? 1 : 0;
                }
                var presentMembers = present == 0 ? [] : new PersonId[present];
                present = 0;
                foreach (var mark in list)
                {
                    if (CountsAsPresent(mark.Mark))
                    {
                        presentMembers[present++] = mark.Member;
                    }
                }
                _marks = list;
                _attendance = null;
                _present = presentMembers;
                MemberCount = attendance.MemberCount;
                AttendanceRecorded = true;
                break;
            case MeetingDecisionTaken taken:
                var d = taken.Decision;
                _decisions.Add(new MeetingDecision(Id, Group, Date, d.Kind, d.Subject, _present, MemberCount, d.HadQuorum, ProfileId)
                {
                    Loan = d.Loan,
                    Officers = d.Officers?.Select(o => new OfficerAssignment(o.Role, o.Person)).ToArray(),
                });
                break;
            default:
                throw new ArgumentException($"Unknown meeting change {change.GetType().Name}.", nameof(change));
        }
    }

    // Structure only: what Apply needs to leave a meeting a live one could be in.
    private void CheckChange(MeetingFact? change, string aggregate, string part, string? prefix = null)
    {
        prefix ??= part + ".";
        StateRestoreException.Require(change is not null, aggregate, part, "the change is missing");
        switch (change)
        {
            case MeetingAttendanceRecorded attendance:
                StateRestoreException.Require(!AttendanceRecorded, aggregate, part, "the attendance is already recorded");
                StateRestoreException.Require(attendance.Marks is not null, aggregate, $"{prefix}Attendance", "the marks are missing");
                var marks = attendance.Marks!;
                HashSet<PersonId>? seen = marks.Count > SmallGroup ? new(marks.Count) : null;
                for (var i = 0; i < marks.Count; i++)
                {
                    var mark = marks[i];
                    StateRestoreException.Require(mark.Member.Value != Guid.Empty, aggregate, $"{prefix}Attendance[{i}].Member", "the member id is empty");
                    StateRestoreException.Require(seen is null ? !IsMarkedBefore(marks, i) : seen.Add(mark.Member), aggregate, $"{prefix}Attendance[{i}].Member",
                        $"member {mark.Member} is marked twice");
                    StateRestoreException.Require(Enum.IsDefined(mark.Mark), aggregate, $"{prefix}Attendance[{i}].Mark", $"mark {(int)mark.Mark} is unknown");
                }
                StateRestoreException.Require(attendance.MemberCount == attendance.Marks.Count, aggregate, $"{prefix}MemberCount",
                    $"{attendance.Marks.Count} marks for {attendance.MemberCount} members (every member is marked once)");
                break;
            case MeetingDecisionTaken taken:
                StateRestoreException.Require(AttendanceRecorded, aggregate, part, "a decision is stored before the attendance");
                var d = taken.Decision;
                StateRestoreException.Require(d is not null, aggregate, part, "the decision is missing");
                StateRestoreException.Require(Enum.IsDefined(d!.Kind), aggregate, $"{prefix}Kind", $"kind {(int)d.Kind} is unknown");
                StateRestoreException.Require(d.Subject is not null, aggregate, $"{prefix}Subject", "the subject is missing");
                StateRestoreException.Require((d.Kind == DecisionKind.LoanApproval) == (d.Loan is not null), aggregate, $"{prefix}Loan",
                    d.Loan is null ? "a loan approval names no loan" : "only a loan approval names a loan");
                StateRestoreException.Require(d.Loan is not { } loan || loan.Value != Guid.Empty, aggregate, $"{prefix}Loan", "the loan id is empty");
                StateRestoreException.Require(d.Officers is null || d.Kind == DecisionKind.OfficerElection, aggregate, $"{prefix}Officers", "only an officer election names officers");
                for (var i = 0; i < (d.Officers?.Count ?? 0); i++)
                {
                    var officer = d.Officers![i];
                    StateRestoreException.Require(officer is not null && Enum.IsDefined(officer.Role) && officer.Person.Value != Guid.Empty, aggregate,
                        $"{prefix}Officers[{i}]", "an officer needs a known role and a person");
                }
                break;
            default:
                throw StateRestoreException.Broken(aggregate, part, $"unknown change {change!.GetType().Name}");
        }
    }

    /// <summary>
    /// Records the attendance: exactly one mark for every current member of the group (FIVE-02). Fixes
    /// <see cref="MemberCount"/> and <see cref="Present"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="marks"/> is null.</exception>
    /// <exception cref="ArgumentException">A mark is undefined, a member id is the default id, or a member is marked twice.</exception>
    /// <exception cref="RuleViolationException">FIVE-02: already recorded, a non-member marked, or a current member missing.</exception>
    public void RecordAttendance(IEnumerable<AttendanceMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var list = marks.ToArray();
        HashSet<PersonId>? seen = list.Length > SmallGroup ? new(list.Length) : null;
        for (var i = 0; i < list.Length; i++)
        {
            var mark = list[i];
            IdGuard.Check(mark.Member);
            Preconditions.CheckArgument(mark.Mark is >= AttendanceStatus.Present and <= AttendanceStatus.Late, nameof(marks), "Unknown attendance mark.");
            Preconditions.CheckArgument(seen is null ? !IsMarkedBefore(list, i) : seen.Add(mark.Member), nameof(marks), "A member is marked twice.");
        }
        if (AttendanceRecorded)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Five02, MeetingErrors.AttendanceAlreadyRecorded, ("MeetingId", Id)));
        }
        var members = _group.CurrentMembers;
        foreach (var mark in list)
        {
            if (!members.Contains(mark.Member))
            {
                throw new RuleViolationException(RuleViolation.Of(RuleIds.Five02, MeetingErrors.AttendeeNotAMember, ("Member", mark.Member)));
            }
        }
        // The marks are distinct current members: as many marks as members leaves no one unmarked.
        var missing = members.Count == list.Length ? 0 : CountUnmarked(members, list);
        if (missing > 0)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Five02, MeetingErrors.AttendanceIncomplete, ("Missing", missing)));
        }
        Record(new MeetingAttendanceRecorded(list, members.Count));
    }

    // Up to this many marks, pairwise comparisons are cheaper than a hash set.
    private const int SmallGroup = 32;

    private static bool IsMarkedBefore(AttendanceMark[] marks, int index) => IsMarkedBefore(marks.AsSpan(), index);

    // The stored marks of a restore (any list; the JSON reader gives arrays or lists).
    private static bool IsMarkedBefore(IReadOnlyList<AttendanceMark> marks, int index)
    {
        if (marks is AttendanceMark[] array)
        {
            return IsMarkedBefore(array, index);
        }
        var member = marks[index].Member;
        for (var j = 0; j < index; j++)
        {
            if (marks[j].Member == member)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsMarkedBefore(ReadOnlySpan<AttendanceMark> marks, int index)
    {
        var member = marks[index].Member;
        for (var j = 0; j < index; j++)
        {
            if (marks[j].Member == member)
            {
                return true;
            }
        }
        return false;
    }

    // The members with no mark (the marks are distinct and all of members).
    private static int CountUnmarked(IReadOnlyCollection<PersonId> members, AttendanceMark[] marks)
    {
        var unmarked = 0;
        if (marks.Length > SmallGroup)
        {
            var marked = new HashSet<PersonId>(marks.Length);
            foreach (var mark in marks)
            {
                marked.Add(mark.Member);
            }
            foreach (var member in members)
            {
                unmarked += marked.Contains(member) ? 0 : 1;
            }
            return unmarked;
        }
        foreach (var member in members)
        {
            var found = false;
            for (var j = 0; j < marks.Length && !found; j++)
            {
                found = marks[j].Member == member;
            }
            unmarked += found ? 0 : 1;
        }
        return unmarked;
    }

    private static ReadOnlyDictionary<PersonId, AttendanceStatus> AttendanceMap(AttendanceMark[] marks)
    {
        if (marks.Length == 0)
        {
            return ReadOnlyDictionary<PersonId, AttendanceStatus>.Empty;
        }
        var map = new Dictionary<PersonId, AttendanceStatus>(marks.Length);
        foreach (var mark in marks)
        {
            map.Add(mark.Member, mark.Mark);
        }
        return new ReadOnlyDictionary<PersonId, AttendanceStatus>(map);
    }

    /// <summary>True for the marks that count toward quorum: <see cref="AttendanceStatus.Present"/> and <see cref="AttendanceStatus.Late"/>.</summary>
    public static bool CountsAsPresent(AttendanceStatus mark) => mark is AttendanceStatus.Present or AttendanceStatus.Late;

    /// <summary>
    /// FIVE-02: null when <paramref name="subject"/>, the note of what a decision decided, is given and fits; otherwise
    /// <see cref="MeetingErrors.DecisionSubjectRequired"/> when it is null or blank as <see cref="ReadableName.IsBlank"/>
    /// judges it, or <see cref="MeetingErrors.TextTooLong"/> when it is longer than <see cref="MaxSubjectLength"/>.
    /// </summary>
    internal static RuleViolation? CheckSubject(string? subject) =>
        ReadableName.IsBlank(subject)
            ? RuleViolation.Of(RuleIds.Five02, MeetingErrors.DecisionSubjectRequired)
            : CheckLength(subject!, nameof(TakeDecisionCommand.Subject), MaxSubjectLength);

    /// <summary>FIVE-02: null when <paramref name="agenda"/> is absent or fits in <see cref="MaxAgendaLength"/>, otherwise <see cref="MeetingErrors.TextTooLong"/>.</summary>
    internal static RuleViolation? CheckAgenda(string? agenda) =>
        agenda is null ? null : CheckLength(agenda, nameof(RecordMeetingCommand.Agenda), MaxAgendaLength);

    // The one place a meeting text too long is built (FIVE-02).
    private static RuleViolation? CheckLength(string text, string propertyName, int maxLength) =>
        text.Length <= maxLength
            ? null
            : RuleViolation.Of(RuleIds.Five02, MeetingErrors.TextTooLong, ("PropertyName", propertyName), ("TotalLength", text.Length), ("MaxLength", maxLength));

    /// <summary>True for decision kinds that always need quorum: loan approval, officer election, profit split.</summary>
    public static bool NeedsQuorum(DecisionKind kind) => kind is DecisionKind.LoanApproval or DecisionKind.OfficerElection or DecisionKind.ProfitSplit;

    /// <summary>
    /// Takes a decision at this meeting and returns it with who was present. Kinds in <see cref="NeedsQuorum"/> (and any
    /// kind when <paramref name="requiresQuorum"/>) are refused without quorum. A loan approval names its loan: take it
    /// with <see cref="ApproveLoan"/> or <see cref="Decide(TakeDecisionCommand)"/>.
    /// </summary>
    /// <param name="kind">What is decided about; not <see cref="DecisionKind.LoanApproval"/>.</param>
    /// <param name="subject">The free-text note (what was decided): not blank, at most <see cref="MaxSubjectLength"/> characters.</param>
    /// <param name="requiresQuorum">For <see cref="DecisionKind.Other"/>: whether this decision needs quorum.</param>
    /// <exception cref="ArgumentException">The kind is undefined or a loan approval.</exception>
    /// <exception cref="RuleViolationException">FIVE-02 subject blank (<see cref="MeetingErrors.DecisionSubjectRequired"/>) or too long
    /// (<see cref="MeetingErrors.TextTooLong"/>), attendance not recorded; OFF-03 / SAV-06 / LOAN-06 without quorum.</exception>
    public MeetingDecision Decide(DecisionKind kind, string subject, bool requiresQuorum = false) =>
        Decide(new TakeDecisionCommand(kind, subject, requiresQuorum));

    /// <summary>
    /// Takes a decision with its typed reference: a <see cref="DecisionKind.LoanApproval"/> names its
    /// <see cref="TakeDecisionCommand.Loan"/> (required), an <see cref="DecisionKind.OfficerElection"/> may name the
    /// <see cref="TakeDecisionCommand.Officers"/> elected; other kinds name neither. Quorum as
    /// <see cref="Decide(DecisionKind, string, bool)"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="ArgumentException">The kind is undefined; a loan approval without a loan (or with the default id); a
    /// loan or officers on a kind that names none; an officer with an unknown role or the default id.</exception>
    /// <exception cref="RuleViolationException">FIVE-02 the subject is null or blank (white space, invisible characters or
    /// controls only: <see cref="MeetingErrors.DecisionSubjectRequired"/>) or longer than <see cref="MaxSubjectLength"/>
    /// (<see cref="MeetingErrors.TextTooLong"/>), checked alone; attendance not recorded; LOAN-06 / OFF-03 / SAV-06 without
    /// quorum. Nothing changes.</exception>
    public MeetingDecision Decide(TakeDecisionCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var kind = command.Kind;
        Preconditions.CheckArgument(Enum.IsDefined(kind), nameof(command), "Unknown decision kind.");
        Preconditions.CheckArgument((kind == DecisionKind.LoanApproval) == (command.Loan is not null), nameof(command),
            "A loan approval names its loan (ApproveLoan), and only a loan approval does.");
        if (command.Loan is { } loan)
        {
            IdGuard.Check(loan);
        }
        Preconditions.CheckArgument(command.Officers is null || kind == DecisionKind.OfficerElection, nameof(command), "Only an officer election names officers.");
        var officers = command.Officers?.ToArray();
        foreach (var officer in officers ?? [])
        {
            Preconditions.CheckArgument(officer is not null && Enum.IsDefined(officer.Role), nameof(command), "An officer needs a known role.");
            IdGuard.Check(officer.PersonId);
        }
        if (CheckSubject(command.Subject) is { } subject)
        {
            throw new RuleViolationException(subject);
        }
        if (!AttendanceRecorded)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Five02, MeetingErrors.AttendanceNotRecorded, ("MeetingId", Id)));
        }
        var quorum = HasQuorum;
        if ((NeedsQuorum(kind) || command.RequiresQuorum) && !quorum)
        {
            var (rule, code) = kind switch
            {
                DecisionKind.OfficerElection => (RuleIds.Off03, MeetingErrors.ElectionWithoutQuorum),
                DecisionKind.ProfitSplit => (RuleIds.Sav06, MeetingErrors.ProfitSplitWithoutQuorum),
                _ => (RuleIds.Loan06, MeetingErrors.LoanApprovalWithoutQuorum),
            };
            throw new RuleViolationException(RuleViolation.Of(rule, code, ("Present", _present.Length), ("Members", MemberCount)));
        }
        Record(new MeetingDecisionTaken(new MeetingDecisionState(kind, command.Subject, quorum, command.Loan,
            officers?.Select(o => new DecidedOfficer(o.Role, o.PersonId)).ToArray())));
        return _decisions[^1];
    }

    /// <summary>
    /// Approves <paramref name="loan"/> (LOAN-06): a <see cref="DecisionKind.LoanApproval"/> whose typed
    /// <see cref="MeetingDecision.Loan"/> is the loan; its free-text subject is <paramref name="note"/>, or the loan id
    /// when no note is given.
    /// </summary>
    /// <exception cref="ArgumentException">The loan id is the default id, or the note is blank or longer than 200 characters.</exception>
    /// <exception cref="RuleViolationException">FIVE-02 attendance not recorded; LOAN-06 without quorum.</exception>
    public MeetingDecision ApproveLoan(LoanId loan, string? note = null) =>
        Decide(new TakeDecisionCommand(DecisionKind.LoanApproval, note ?? IdGuard.Check(loan).ToString(), Loan: loan));
}

/// <summary>One meeting as FIVE-02 evidence.</summary>
/// <param name="Meeting">The meeting id.</param>
/// <param name="Date">The date.</param>
/// <param name="Present">Members counted as present.</param>
/// <param name="Members">Members when the attendance was recorded.</param>
/// <param name="HadQuorum">True when the presence made a quorum.</param>
public sealed record MeetingEvidence(MeetingId Meeting, LocalDate Date, int Present, int Members, bool HadQuorum);

/// <summary>The meetings with recorded attendance held in one bookkeeping week (FIVE-02 evidence).</summary>
/// <param name="Week">The week.</param>
/// <param name="Meetings">The meetings held, by date.</param>
public sealed record WeeklyMeetingEvidence(BookWeek Week, IReadOnlyList<MeetingEvidence> Meetings)
{
    /// <summary>True when at least one meeting with recorded attendance was held in the week.</summary>
    public bool MeetingHeld => Meetings.Count > 0;
}

/// <summary>The register of a group's meetings (notulen), queried per week for FIVE-02.</summary>
/// <remarks>
/// The register owns the changes of its meetings: <see cref="Add"/> takes the meeting's pending changes into the state
/// it registers, and <see cref="TakeChanges"/> takes every registered meeting's later changes. Do not take changes from a
/// registered meeting yourself.
/// </remarks>
public sealed class MeetingRegister
{
    private readonly List<Meeting> _meetings = [];
    private readonly HashSet<MeetingId> _ids = [];
    private readonly List<MeetingRegisterFact> _changes = [];
    // The same meetings by date (ties in the order added), for the weekly queries; null once a meeting in another
    // calendar than ISO makes dates incomparable (the queries then filter and sort as they go).
    private List<Meeting>? _byDate = [];

    /// <summary>Creates an empty register for <paramref name="group"/>.</summary>
    /// <exception cref="ArgumentException">The id is the default id.</exception>
    public MeetingRegister(GroupId group) => Group = IdGuard.Check(group);

    /// <summary>The group.</summary>
    public GroupId Group { get; }

    /// <summary>Every meeting, in the order added.</summary>
    public IReadOnlyList<Meeting> Meetings => _meetings;

    /// <summary>Adds a meeting (and takes its pending changes: its state as added is the register's change).</summary>
    /// <exception cref="ArgumentException">The meeting is of another group or already registered.</exception>
    public void Add(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        Preconditions.CheckArgument(meeting.Group == Group, nameof(meeting), "The meeting is of another group.");
        Preconditions.CheckArgument(!_ids.Contains(meeting.Id), nameof(meeting), "The meeting is already registered.");
        meeting.TakeChanges();
        _changes.Add(new MeetingRegistered(meeting.ToState()));
        Insert(meeting);
    }

    /// <summary>The register's state, to store (issue #13): every meeting's state, in the order added.</summary>
    public MeetingRegisterState ToState() => new(MeetingRegisterState.CurrentFormat, Group, _meetings.Select(m => m.ToState()).ToArray());

    /// <summary>
    /// The changes since the register was created or restored, or since the last call: meetings added (with their state
    /// then) and the later changes of registered meetings, each meeting's in order. Taking them clears them.
    /// </summary>
    public IReadOnlyList<MeetingRegisterFact> TakeChanges()
    {
        var taken = new List<MeetingRegisterFact>(_changes);
        _changes.Clear();
        foreach (var meeting in _meetings)
        {
            foreach (var change in meeting.TakeChanges())
            {
                taken.Add(new RegisteredMeetingChanged(meeting.Id, change));
            }
        }
        return taken;
    }

    /// <summary>
    /// Restores a register from its stored state, checking structure only: the format, every meeting of the group, each
    /// once, each meeting's own structure (<see cref="Meeting.Restore(MeetingState, IGroupStanding, ProfileResolver)"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state is broken (the part is named, e.g. <c>Meetings[2].Decisions[0].Loan</c>) or a profile is unknown.</exception>
    public static MeetingRegister Restore(MeetingRegisterState state, IGroupStanding group, ProfileResolver profiles) => Restore(state, [], group, profiles);

    /// <summary>Restores a register from a stored state and the changes taken after it, in order (structural checks only).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state or a change (<c>Changes[i]</c>) is broken, or a profile is unknown.</exception>
    public static MeetingRegister Restore(MeetingRegisterState state, IEnumerable<MeetingRegisterFact> changes, IGroupStanding group, ProfileResolver profiles)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(group);
        const string aggregate = nameof(MeetingRegister);
        StateRestoreException.CheckFormat(aggregate, state.Format, MeetingRegisterState.CurrentFormat);
        StateRestoreException.Require(state.GroupId == group.Id, aggregate, "GroupId", $"the register is of group {state.GroupId}, not of {group.Id}");
        StateRestoreException.Require(state.Meetings is not null, aggregate, "Meetings", "the meetings are missing");
        var register = new MeetingRegister(group.Id);
        for (var i = 0; i < state.Meetings!.Count; i++)
        {
            register.RestoreMeeting(state.Meetings[i], group, profiles, $"Meetings[{i}]");
        }
        var c = 0;
        foreach (var change in changes)
        {
            var part = $"Changes[{c++}]";
            switch (change)
            {
                case MeetingRegistered registered:
                    register.RestoreMeeting(registered.Meeting, group, profiles, part + ".Meeting");
                    break;
                case RegisteredMeetingChanged changed:
                    var meeting = register._meetings.Find(m => m.Id == changed.MeetingId);
                    StateRestoreException.Require(meeting is not null, aggregate, $"{part}.MeetingId", $"meeting {changed.MeetingId} is not registered");
                    meeting!.ApplyStored(changed.Change, aggregate, part + ".Change");
                    break;
                default:
                    throw StateRestoreException.Broken(aggregate, part, change is null ? "the change is missing" : $"unknown change {change.GetType().Name}");
            }
        }
        return register;
    }

    private void RestoreMeeting(MeetingState? state, IGroupStanding group, ProfileResolver profiles, string part)
    {
        const string aggregate = nameof(MeetingRegister);
        StateRestoreException.Require(state is not null, aggregate, part, "the meeting is missing");
        StateRestoreException.Require(state!.GroupId == Group, aggregate, $"{part}.GroupId", $"the meeting is of group {state.GroupId}");
        StateRestoreException.Require(!_ids.Contains(state.Id), aggregate, $"{part}.Id", $"meeting {state.Id} is registered twice");
        Insert(Meeting.Restore(state, group, profiles, aggregate, part + "."));
    }

    private void Insert(Meeting meeting)
    {
        _ids.Add(meeting.Id);
        _meetings.Add(meeting);
        if (_byDate is null)
        {
            return;
        }
        if (meeting.Date.Calendar != CalendarSystem.Iso)
        {
            _byDate = null;
            return;
        }
        // Usually the latest meeting: after every meeting dated on or before it.
        var at = _byDate.Count;
        while (at > 0 && _byDate[at - 1].Date > meeting.Date)
        {
            at--;
        }
        _byDate.Insert(at, meeting);
    }

    /// <summary>The meetings dated in <paramref name="week"/> whose attendance is recorded, by date.</summary>
    public IReadOnlyList<Meeting> HeldIn(BookWeek week) => HeldInList(week);

    /// <summary>The FIVE-02 evidence of <paramref name="week"/>: meeting id, date and attendance of each meeting held.</summary>
    public WeeklyMeetingEvidence EvidenceFor(BookWeek week)
    {
        var held = HeldInList(week);
        var evidence = new List<MeetingEvidence>(held.Count);
        foreach (var m in held)
        {
            evidence.Add(new MeetingEvidence(m.Id, m.Date, m.PresentCount, m.MemberCount, m.HasQuorum));
        }
        return new(week, evidence);
    }

    private List<Meeting> HeldInList(BookWeek week)
    {
        if (_byDate is null || week.Start.Calendar != CalendarSystem.Iso)
        {
            return _meetings.Where(m => m.AttendanceRecorded && week.Contains(m.Date)).OrderBy(m => m.Date).ToList();
        }
        // The first meeting dated on or after the week's start, then on through the week.
        int lo = 0, hi = _byDate.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_byDate[mid].Date < week.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        var end = week.End;
        var held = new List<Meeting>();
        for (var i = lo; i < _byDate.Count && _byDate[i].Date <= end; i++)
        {
            if (_byDate[i].AttendanceRecorded)
            {
                held.Add(_byDate[i]);
            }
        }
        return held;
    }
}
