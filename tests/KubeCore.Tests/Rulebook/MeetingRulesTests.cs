using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using NodaTime;
using static KubeCore.Tests.Builders.LedgerBuilders;

namespace KubeCore.Tests.RulebookProperties;

public class MeetingRulesTests
{
    private static readonly AttendanceStatus[] Marks = [AttendanceStatus.Present, AttendanceStatus.Absent, AttendanceStatus.Excused, AttendanceStatus.Late];

    /// <summary>A group of 1..25 members and one random mark per member.</summary>
    private static Arbitrary<(int Members, AttendanceStatus[] Marks)> Attendances =>
        (from members in Gen.Choose(1, 25)
         from marks in Gen.Elements(Marks).ArrayOf(members)
         select (members, marks)).ToArbitrary();

    private static Meeting Hold(TestGroup group, AttendanceStatus[] marks)
    {
        var meeting = Meeting.Open(group, MeetingId.New(), GuyubRukunStart.PlusDays(5));
        meeting.RecordAttendance(group.Members.Select((m, i) => new AttendanceMark(m, marks[i])));
        return meeting;
    }

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void A_decision_needing_quorum_is_never_taken_with_half_or_fewer_members_present() =>
        Support.Rulebook.Verify(Prop.ForAll(
            Attendances,
            Gen.Elements(DecisionKind.LoanApproval, DecisionKind.OfficerElection, DecisionKind.ProfitSplit, DecisionKind.Other).ToArbitrary(),
            (attendance, kind) =>
            {
                var group = Ksm(attendance.Members);
                var meeting = Hold(group, attendance.Marks);
                var present = attendance.Marks.Count(m => m is AttendanceStatus.Present or AttendanceStatus.Late);
                var moreThanHalf = 2 * present > attendance.Members;
                meeting.HasQuorum.ShouldBe(moreThanHalf);
                var needs = kind != DecisionKind.Other;
                if (needs && !moreThanHalf)
                {
                    var violation = Should.Throw<RuleViolationException>(() => meeting.Decide(kind, "pinjaman/pengurus/laba")).Violation;
                    violation.RuleId.ShouldBe(kind switch
                    {
                        DecisionKind.OfficerElection => RuleIds.Off03,
                        DecisionKind.ProfitSplit => RuleIds.Sav06,
                        _ => RuleIds.Loan06,
                    });
                    violation.Arguments["Present"].ShouldBe(present);
                    meeting.Decisions.ShouldBeEmpty();
                    Should.Throw<RuleViolationException>(() => meeting.Decide(DecisionKind.Other, "x", requiresQuorum: true))
                        .Violation.ErrorCode.ShouldBe(MeetingErrors.LoanApprovalWithoutQuorum);
                }
                else
                {
                    var decision = meeting.Decide(kind, "keputusan");
                    decision.HadQuorum.ShouldBe(moreThanHalf);
                    decision.MemberCount.ShouldBe(attendance.Members);
                    decision.PresentCount.ShouldBe(present);
                    meeting.Decisions.ShouldBe([decision]);
                }
                return true;
            }), maxTest: 300);

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void Late_members_count_toward_quorum_and_excused_or_absent_members_do_not() =>
        Support.Rulebook.Verify(Prop.ForAll(Attendances, attendance =>
        {
            var group = Ksm(attendance.Members);
            var meeting = Hold(group, attendance.Marks);
            var expected = group.Members.Where((m, i) => attendance.Marks[i] is AttendanceStatus.Present or AttendanceStatus.Late).ToList();
            meeting.Present.ShouldBe(expected);
            meeting.MemberCount.ShouldBe(attendance.Members);
            meeting.HasQuorum.ShouldBe(group.Profile.Meetings.IsQuorum(expected.Count, attendance.Members));
            return true;
        }));

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void A_loan_approval_names_the_loan_and_is_evidence_only_for_that_loan() =>
        Support.Rulebook.Verify(Prop.ForAll(Gen.Choose(6, 20).ToArbitrary(), members =>
        {
            var group = Ksm(members);
            var meeting = HeldMeeting(group, GuyubRukunStart, (members / 2) + 1);
            var loan = LoanId.New();
            var approval = meeting.ApproveLoan(loan);
            approval.ApprovesLoan(loan).ShouldBeTrue();
            approval.ApprovesLoan(LoanId.New()).ShouldBeFalse();
            approval.Subject.ShouldBe(loan.ToString());
            approval.ProfileId.ShouldBe(group.Profile.Id);
            return true;
        }));

    [Fact]
    [Trait("Rule", "OFF-03")]
    public void An_officer_election_records_exactly_who_was_present_when_the_members_decided() =>
        Support.Rulebook.Verify(Prop.ForAll(Attendances, attendance =>
        {
            var group = Ksm(attendance.Members);
            var meeting = Hold(group, attendance.Marks);
            if (!meeting.HasQuorum)
            {
                Should.Throw<RuleViolationException>(() => meeting.Decide(DecisionKind.OfficerElection, "ketua, sekretaris, bendahara"))
                    .Violation.ErrorCode.ShouldBe(MeetingErrors.ElectionWithoutQuorum);
                return true;
            }
            var election = meeting.Decide(DecisionKind.OfficerElection, "ketua, sekretaris, bendahara");
            election.Present.ShouldBe(meeting.Present);
            foreach (var member in group.Members)
            {
                election.WasPresent(member).ShouldBe(Meeting.CountsAsPresent(meeting.Attendance[member]));
            }
            election.MeetingId.ShouldBe(meeting.Id);
            election.Date.ShouldBe(meeting.Date);
            return true;
        }));

    [Fact]
    [Trait("Rule", "FIVE-02")]
    public void Decisions_are_refused_until_the_attendance_is_recorded_and_attendance_is_recorded_once() =>
        Support.Rulebook.Verify(Prop.ForAll(
            Gen.Choose(1, 15).ToArbitrary(),
            Gen.Elements(DecisionKind.LoanApproval, DecisionKind.OfficerElection, DecisionKind.ProfitSplit, DecisionKind.Other).ToArbitrary(),
            (members, kind) =>
            {
                var group = Ksm(members);
                var meeting = Meeting.Open(group, MeetingId.New(), GuyubRukunStart);
                Should.Throw<RuleViolationException>(() => meeting.Decide(kind, "x"))
                    .Violation.ErrorCode.ShouldBe(MeetingErrors.AttendanceNotRecorded);
                meeting.Decisions.ShouldBeEmpty();
                meeting.RecordAttendance(Attendance(group, members));
                meeting.Decide(kind, "x").Kind.ShouldBe(kind);
                Should.Throw<RuleViolationException>(() => meeting.RecordAttendance(Attendance(group, 0)))
                    .Violation.ErrorCode.ShouldBe(MeetingErrors.AttendanceAlreadyRecorded);
                meeting.PresentCount.ShouldBe(members);
                return true;
            }));

    [Fact]
    [Trait("Rule", "FIVE-02")]
    public void Attendance_marks_every_current_member_and_nobody_else() =>
        Support.Rulebook.Verify(Prop.ForAll(
            Gen.Choose(2, 15).ToArbitrary(),
            Gen.Choose(0, 2).ToArbitrary(),
            (members, defect) =>
            {
                var group = Ksm(members);
                var meeting = Meeting.Open(group, MeetingId.New(), GuyubRukunStart);
                var marks = Attendance(group, members / 2).ToList();
                var code = defect switch
                {
                    0 => MeetingErrors.AttendanceIncomplete,
                    1 => MeetingErrors.AttendeeNotAMember,
                    _ => MeetingErrors.AttendeeNotAMember,
                };
                switch (defect)
                {
                    case 0: marks.RemoveAt(0); break;
                    case 1: marks.Add(new AttendanceMark(PersonId.New(), AttendanceStatus.Present)); break;
                    default:
                        var leaver = group.Members[^1];
                        group.Leave(leaver);
                        break;
                }
                Should.Throw<RuleViolationException>(() => meeting.RecordAttendance(marks)).Violation.ErrorCode.ShouldBe(code);
                meeting.AttendanceRecorded.ShouldBeFalse();
                meeting.Attendance.ShouldBeEmpty();
                return true;
            }));

    [Fact]
    [Trait("Rule", "FIVE-02")]
    public void The_weekly_evidence_lists_exactly_the_meetings_with_attendance_held_in_that_week() =>
        Support.Rulebook.Verify(Prop.ForAll(
            Gen.Choose(0, 60).ListOf(12).ToArbitrary(),
            Gen.Choose(0, 9).ToArbitrary(),
            (days, weekPick) =>
            {
                var group = Ksm(6);
                var register = new MeetingRegister(group.Id);
                var held = new List<Meeting>();
                for (var i = 0; i < days.Count; i++)
                {
                    var meeting = Meeting.Open(group, MeetingId.New(), GuyubRukunStart.PlusDays(days[i]));
                    if (i % 3 != 2)
                    {
                        meeting.RecordAttendance(Attendance(group, i % 7));
                        held.Add(meeting);
                    }
                    register.Add(meeting);
                }
                var week = BookWeek.Containing(GuyubRukunStart, IsoDayOfWeek.Monday).PlusWeeks(weekPick);
                var evidence = register.EvidenceFor(week);
                var expected = held.Where(m => week.Contains(m.Date)).OrderBy(m => m.Date).Select(m => m.Id).ToList();
                evidence.Meetings.Select(m => m.Meeting).Order().ShouldBe(expected.Order());
                evidence.MeetingHeld.ShouldBe(expected.Count > 0);
                evidence.Meetings.ShouldAllBe(m => week.Contains(m.Date) && m.Members == 6);
                evidence.Meetings.Select(m => m.Date).ShouldBeInOrder();
                return true;
            }));
}
