using System.Collections.ObjectModel;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Meetings;

/// <summary>How a member attended a meeting (daftar hadir).</summary>
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
    private readonly IGroupStanding _group;
    private readonly ProgramProfile _profile;
    private readonly List<MeetingDecision> _decisions = [];
    // The marks as recorded; the dictionary view is built on first use (the batch and the rules read the arrays).
    private AttendanceMark[] _marks = [];
    private ReadOnlyDictionary<PersonId, AttendanceStatus>? _attendance;
    private PersonId[] _present = [];

    private Meeting(IGroupStanding group, MeetingId id, LocalDate date, string agenda)
    {
        _group = group;
        _profile = group.Profile;
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
    /// <exception cref="ArgumentException">An id is the default id or the agenda is longer than 500 characters.</exception>
    public static Meeting Open(IGroupStanding group, MeetingId id, LocalDate date, string? agenda = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        IdGuard.Check(group.Id);
        IdGuard.Check(id, nameof(id));
        Preconditions.CheckArgument(agenda is null || agenda.Length <= 500, nameof(agenda), "The agenda is too long.");
        return new Meeting(group, id, date, agenda ?? string.Empty);
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
        MemberCount = members.Count;
        AttendanceRecorded = true;
    }

    // Up to this many marks, pairwise comparisons are cheaper than a hash set.
    private const int SmallGroup = 32;

    private static bool IsMarkedBefore(AttendanceMark[] marks, int index)
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

    /// <summary>True for decision kinds that always need quorum: loan approval, officer election, profit split.</summary>
    public static bool NeedsQuorum(DecisionKind kind) => kind is DecisionKind.LoanApproval or DecisionKind.OfficerElection or DecisionKind.ProfitSplit;

    /// <summary>
    /// Takes a decision at this meeting and returns it with who was present. Kinds in <see cref="NeedsQuorum"/> (and any
    /// kind when <paramref name="requiresQuorum"/>) are refused without quorum.
    /// </summary>
    /// <param name="kind">What is decided about.</param>
    /// <param name="subject">A reference to the subject (a loan id, the officers elected) or a short text, at most 200 characters.</param>
    /// <param name="requiresQuorum">For <see cref="DecisionKind.Other"/>: whether this decision needs quorum.</param>
    /// <exception cref="ArgumentException">The kind is undefined or the subject blank or too long.</exception>
    /// <exception cref="RuleViolationException">FIVE-02 attendance not recorded; LOAN-06 / OFF-03 / SAV-06 without quorum.</exception>
    public MeetingDecision Decide(DecisionKind kind, string subject, bool requiresQuorum = false)
    {
        Preconditions.CheckArgument(Enum.IsDefined(kind), nameof(kind), "Unknown decision kind.");
        Preconditions.CheckNotBlank(subject);
        Preconditions.CheckArgument(subject.Length <= 200, nameof(subject), "The subject is too long.");
        if (!AttendanceRecorded)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Five02, MeetingErrors.AttendanceNotRecorded, ("MeetingId", Id)));
        }
        var quorum = HasQuorum;
        if ((NeedsQuorum(kind) || requiresQuorum) && !quorum)
        {
            var (rule, code) = kind switch
            {
                DecisionKind.OfficerElection => (RuleIds.Off03, MeetingErrors.ElectionWithoutQuorum),
                DecisionKind.ProfitSplit => (RuleIds.Sav06, MeetingErrors.ProfitSplitWithoutQuorum),
                _ => (RuleIds.Loan06, MeetingErrors.LoanApprovalWithoutQuorum),
            };
            throw new RuleViolationException(RuleViolation.Of(rule, code, ("Present", _present.Length), ("Members", MemberCount)));
        }
        var decision = new MeetingDecision(Id, Group, Date, kind, subject, _present, MemberCount, quorum, ProfileId);
        _decisions.Add(decision);
        return decision;
    }

    /// <summary>Approves <paramref name="loan"/> (LOAN-06): a <see cref="DecisionKind.LoanApproval"/> whose subject is the loan id.</summary>
    /// <exception cref="ArgumentException">The loan id is the default id.</exception>
    /// <exception cref="RuleViolationException">FIVE-02 attendance not recorded; LOAN-06 without quorum.</exception>
    public MeetingDecision ApproveLoan(LoanId loan) => Decide(DecisionKind.LoanApproval, IdGuard.Check(loan).ToString());
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
public sealed class MeetingRegister
{
    private readonly List<Meeting> _meetings = [];
    private readonly HashSet<MeetingId> _ids = [];
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

    /// <summary>Adds a meeting.</summary>
    /// <exception cref="ArgumentException">The meeting is of another group or already registered.</exception>
    public void Add(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        Preconditions.CheckArgument(meeting.Group == Group, nameof(meeting), "The meeting is of another group.");
        Preconditions.CheckArgument(!_ids.Contains(meeting.Id), nameof(meeting), "The meeting is already registered.");
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
