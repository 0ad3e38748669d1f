using KubeCore.Common;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using static KubeCore.Tests.Builders.LedgerBuilders;

namespace KubeCore.Tests.Meetings;

public class MeetingTests
{
    [Fact]
    public void Six_of_ten_members_present_approve_a_loan_and_five_do_not()
    {
        var group = Ksm(10);
        var quorate = HeldMeeting(group, GuyubRukunStart, 6);
        quorate.ApproveLoan(LoanId.New()).HadQuorum.ShouldBeTrue();

        var half = HeldMeeting(group, GuyubRukunStart, 5);
        var ex = Should.Throw<RuleViolationException>(() => half.ApproveLoan(LoanId.New()));
        ex.Violation.ErrorCode.ShouldBe(MeetingErrors.LoanApprovalWithoutQuorum);
        ex.Violation.Message(System.Globalization.CultureInfo.GetCultureInfo("id-ID")).ShouldBe("Keputusan ini memerlukan kuorum: hadir 5 dari 10 anggota tidak cukup.");
        half.Decide(DecisionKind.Other, "jadwal pertemuan pindah ke hari Sabtu").HadQuorum.ShouldBeFalse();
    }

    [Fact]
    public void Four_present_and_two_late_of_ten_make_a_quorum_but_excused_members_do_not()
    {
        var group = Ksm(10);
        var meeting = Meeting.Open(group, MeetingId.New(), GuyubRukunStart);
        meeting.RecordAttendance(group.Members.Select((m, i) => new AttendanceMark(m, i switch
        {
            < 4 => AttendanceStatus.Present,
            < 6 => AttendanceStatus.Late,
            < 9 => AttendanceStatus.Excused,
            _ => AttendanceStatus.Absent,
        })));
        meeting.PresentCount.ShouldBe(6);
        meeting.HasQuorum.ShouldBeTrue();
    }

    [Fact]
    public void A_profile_with_an_inclusive_half_quorum_accepts_exactly_half()
    {
        var profile = ProgramProfiles.KsmP2kp.Derive("KsmHalf", 1, "test", GuyubRukunStart,
            p => p with { Meetings = p.Meetings with { QuorumIsExclusive = false } });
        var group = new TestGroup(profile, 10);
        HeldMeeting(group, GuyubRukunStart, 5).Decide(DecisionKind.OfficerElection, "ketua: Sumiati").HadQuorum.ShouldBeTrue();
    }

    [Fact]
    public void Meetings_of_another_group_or_registered_twice_are_rejected()
    {
        var group = Ksm(5);
        var register = new MeetingRegister(group.Id);
        var meeting = HeldMeeting(group, GuyubRukunStart, 3);
        register.Add(meeting);
        Should.Throw<ArgumentException>(() => register.Add(meeting));
        Should.Throw<ArgumentException>(() => register.Add(HeldMeeting(Ksm(5), GuyubRukunStart, 3)));
        Should.Throw<ArgumentException>(() => Meeting.Open(group, default, GuyubRukunStart));
    }
}
