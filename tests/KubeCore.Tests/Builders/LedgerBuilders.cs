using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Tests.Builders;

/// <summary>A small, settable <see cref="IGroupStanding"/> for ledger and meeting tests (the real Group aggregate lives elsewhere).</summary>
public sealed class TestGroup : IGroupStanding
{
    private readonly List<PersonId> _members = [];
    private readonly Dictionary<OfficerRole, PersonId> _officers = [];

    public TestGroup(ProgramProfile profile, int memberCount, GroupStatus status = GroupStatus.Active, GroupId? id = null)
    {
        Profile = profile;
        Status = status;
        Id = id ?? GroupId.New();
        for (var i = 0; i < memberCount; i++)
        {
            _members.Add(PersonId.New());
        }
        if (_members.Count >= 3)
        {
            _officers[OfficerRole.Ketua] = _members[0];
            _officers[OfficerRole.Sekretaris] = _members[1];
            _officers[OfficerRole.Bendahara] = _members[2];
        }
    }

    public GroupId Id { get; }

    public ProgramProfile Profile { get; set; }

    public GroupStatus Status { get; set; }

    public IReadOnlyCollection<PersonId> CurrentMembers => _members;

    public IReadOnlyList<PersonId> Members => _members;

    public PersonId OfficerHolding(OfficerRole role, PersonId fallback) => _officers.GetValueOrDefault(role, fallback);

    PersonId? IGroupStanding.OfficerHolding(OfficerRole role) => _officers.TryGetValue(role, out var p) ? p : null;

    public void VacateOffice(OfficerRole role) => _officers.Remove(role);

    public PersonId Join()
    {
        var member = PersonId.New();
        _members.Add(member);
        return member;
    }

    public void Leave(PersonId member)
    {
        _members.Remove(member);
        foreach (var (role, holder) in _officers.ToList())
        {
            if (holder == member)
            {
                _officers.Remove(role);
            }
        }
    }
}

/// <summary>Builds ledgers and meetings for tests.</summary>
public static class LedgerBuilders
{
    /// <summary>Monday 30 January 2017, the day after the BKM Guyub Rukun KSM training (seed 004).</summary>
    public static readonly LocalDate GuyubRukunStart = new(2017, 1, 30);

    public static TestGroup Ksm(int members = 10, GroupStatus status = GroupStatus.Active) =>
        new(ProgramProfiles.KsmP2kp, members, status);

    public static SavingsLedger OpenLedger(TestGroup group, LocalDate? openedOn = null) =>
        SavingsLedger.Open(group, openedOn ?? GuyubRukunStart, EntryId.New());

    /// <summary>A ledger with every member's savings at <paramref name="eachSaves"/> and loan capital <paramref name="capital"/>.</summary>
    public static SavingsLedger FundedLedger(TestGroup group, long eachSaves = 50_000, long capital = 1_000_000, LocalDate? openedOn = null)
    {
        var ledger = OpenLedger(group, openedOn);
        var date = ledger.OpenedOn;
        foreach (var member in group.Members)
        {
            ledger.Deposit(HostToday.Of(date), date, member, Rupiah.Of(eachSaves), "setoran awal");
        }
        if (capital > 0)
        {
            ledger.AddLoanCapital(HostToday.Of(date), date, Rupiah.Of(capital), "modal UPK");
        }
        return ledger;
    }

    public static IEnumerable<AttendanceMark> Attendance(TestGroup group, int present, AttendanceStatus others = AttendanceStatus.Absent) =>
        group.Members.Select((m, i) => new AttendanceMark(m, i < present ? AttendanceStatus.Present : others));

    public static Meeting HeldMeeting(TestGroup group, LocalDate date, int present)
    {
        var meeting = Meeting.Open(group, MeetingId.New(), date, "pertemuan rutin mingguan");
        meeting.RecordAttendance(Attendance(group, present));
        return meeting;
    }
}
