using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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
    public sealed record AttendanceSheet(int Members, AttendanceStatus[] Marks)
    {
        public override string ToString() => $"AttendanceSheet {{ Members = {Members}, Marks = {Support.CounterexampleText.Items(Marks)} }}";
    }

    /// <summary>The kind of decision a meeting takes.</summary>
    public sealed record AnyDecisionKind(DecisionKind Kind);

    /// <summary>A group of 6..20 members.</summary>
    public sealed record QuorateGroupSize(int Members);

    /// <summary>A group of 1..15 members and the kind of decision its meeting takes.</summary>
    public sealed record MeetingCase(int Members, DecisionKind Kind);

    /// <summary>A group of 2..15 members and what is wrong with the attendance: 0 a member unmarked, 1 a stranger marked, 2 a member who left marked.</summary>
    public sealed record AttendanceDefect(int Members, int Defect);

    /// <summary>The days of twelve meetings after the start, and which week to read the evidence of.</summary>
    public sealed record MeetingDays(IReadOnlyList<int> Days, int WeekPick)
    {
        public override string ToString() => $"MeetingDays {{ Days = {Support.CounterexampleText.Items(Days)}, WeekPick = {WeekPick} }}";
    }

    public static class MeetingArbitraries
    {
        private static Gen<DecisionKind> Kinds => Gen.Elements(DecisionKind.LoanApproval, DecisionKind.OfficerElection, DecisionKind.ProfitSplit, DecisionKind.Other);

        public static Arbitrary<AttendanceSheet> AttendanceSheets() =>
            (from members in Gen.Choose(1, 25)
             from marks in Gen.Elements(Marks).ArrayOf(members)
             select new AttendanceSheet(members, marks)).ToArbitrary();

        public static Arbitrary<AnyDecisionKind> DecisionKinds() => Kinds.Select(k => new AnyDecisionKind(k)).ToArbitrary();

        public static Arbitrary<QuorateGroupSize> QuorateGroupSizes() => Gen.Choose(6, 20).Select(m => new QuorateGroupSize(m)).ToArbitrary();

        public static Arbitrary<MeetingCase> MeetingCases() =>
            (from members in Gen.Choose(1, 15)
             from kind in Kinds
             select new MeetingCase(members, kind)).ToArbitrary();

        public static Arbitrary<AttendanceDefect> AttendanceDefects() =>
            (from members in Gen.Choose(2, 15)
             from defect in Gen.Choose(0, 2)
             select new AttendanceDefect(members, defect)).ToArbitrary();

        public static Arbitrary<MeetingDays> MeetingDayLists() =>
            (from days in Gen.Choose(0, 60).ListOf(12)
             from weekPick in Gen.Choose(0, 9)
             select new MeetingDays(days, weekPick)).ToArbitrary();
    }

    private static Meeting Hold(TestGroup group, AttendanceStatus[] marks)
    {
        var meeting = Meeting.Open(group, MeetingId.New(), GuyubRukunStart.PlusDays(5));
        meeting.RecordAttendance(group.Members.Select((m, i) => new AttendanceMark(m, marks[i])));
        return meeting;
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(MeetingArbitraries)])]
    [Trait("Rule", "LOAN-06")]
    public bool A_decision_needing_quorum_is_never_taken_with_half_or_fewer_members_present(AttendanceSheet attendance, AnyDecisionKind decisionKind)
    {
        var kind = decisionKind.Kind;
        var group = Ksm(attendance.Members);
        var meeting = Hold(group, attendance.Marks);
        var present = attendance.Marks.Count(m => m is AttendanceStatus.Present or AttendanceStatus.Late);
        var moreThanHalf = 2 * present > attendance.Members;
        meeting.HasQuorum.ShouldBe(moreThanHalf);
        var needs = kind != DecisionKind.Other;
        if (needs && !moreThanHalf)
        {
            var violation = Should.Throw<RuleViolationException>(() => DecideAs(meeting, kind, "pinjaman/pengurus/laba")).Violation;
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
            var decision = DecideAs(meeting, kind, "keputusan");
            decision.HadQuorum.ShouldBe(moreThanHalf);
            decision.MemberCount.ShouldBe(attendance.Members);
            decision.PresentCount.ShouldBe(present);
            meeting.Decisions.ShouldBe([decision]);
        }
        return true;
    }

    [Fact]
    [Trait("Rule", "FIVE-02")]
    public void An_attendance_list_whose_last_mark_repeats_a_member_is_refused_and_records_nothing()
    {
        var group = Ksm(5);
        var meeting = Meeting.Open(group, MeetingId.New(), new LocalDate(2024, 3, 4), "pertemuan rutin mingguan");
        var marks = Attendance(group, 5).Append(new AttendanceMark(group.Members[0], AttendanceStatus.Present)).ToArray();

        Should.Throw<ArgumentException>(() => meeting.RecordAttendance(marks));

        meeting.AttendanceRecorded.ShouldBeFalse();
    }

    [Fact]
    [Trait("Rule", "SAV-06")]
    public void A_profit_split_with_exactly_half_the_members_present_is_refused_as_SAV_06_and_with_one_more_present_it_is_decided()
    {
        var group = Ksm(6);
        var present = AttendanceStatus.Present;
        var absent = AttendanceStatus.Absent;

        var half = Hold(group, [present, present, present, absent, absent, absent]);
        var violation = Should.Throw<RuleViolationException>(() => half.Decide(DecisionKind.ProfitSplit, "Pembagian SHU dan IKS")).Violation;
        violation.RuleId.ShouldBe(RuleIds.Sav06);
        violation.ErrorCode.ShouldBe(MeetingErrors.ProfitSplitWithoutQuorum);
        half.Decisions.ShouldBeEmpty();

        var moreThanHalf = Hold(group, [present, present, present, present, absent, absent]);
        var split = moreThanHalf.Decide(DecisionKind.ProfitSplit, "Pembagian SHU dan IKS");
        split.HadQuorum.ShouldBeTrue();
        moreThanHalf.Decisions.ShouldBe([split]);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MeetingArbitraries)])]
    [Trait("Rule", "LOAN-06")]
    public bool Late_members_count_toward_quorum_and_excused_or_absent_members_do_not(AttendanceSheet attendance)
    {
        var group = Ksm(attendance.Members);
        var meeting = Hold(group, attendance.Marks);
        var expected = group.Members.Where((m, i) => attendance.Marks[i] is AttendanceStatus.Present or AttendanceStatus.Late).ToList();
        meeting.Present.ShouldBe(expected);
        meeting.MemberCount.ShouldBe(attendance.Members);
        meeting.HasQuorum.ShouldBe(group.Profile.Meetings.IsQuorum(expected.Count, attendance.Members));
        return true;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MeetingArbitraries)])]
    [Trait("Rule", "LOAN-06")]
    public bool A_loan_approval_names_the_loan_and_is_evidence_only_for_that_loan(QuorateGroupSize size)
    {
        var members = size.Members;
        var group = Ksm(members);
        var meeting = HeldMeeting(group, GuyubRukunStart, (members / 2) + 1);
        var loan = LoanId.New();
        var approval = meeting.ApproveLoan(loan);
        approval.ApprovesLoan(loan).ShouldBeTrue();
        approval.ApprovesLoan(LoanId.New()).ShouldBeFalse();
        approval.Subject.ShouldBe(loan.ToString());
        approval.ProfileId.ShouldBe(group.Profile.Id);
        return true;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MeetingArbitraries)])]
    [Trait("Rule", "OFF-03")]
    public bool An_officer_election_records_exactly_who_was_present_when_the_members_decided(AttendanceSheet attendance)
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
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MeetingArbitraries)])]
    [Trait("Rule", "FIVE-02")]
    public bool Decisions_are_refused_until_the_attendance_is_recorded_and_attendance_is_recorded_once(MeetingCase c)
    {
        var (members, kind) = c;
        var group = Ksm(members);
        var meeting = Meeting.Open(group, MeetingId.New(), GuyubRukunStart);
        Should.Throw<RuleViolationException>(() => DecideAs(meeting, kind, "x"))
            .Violation.ErrorCode.ShouldBe(MeetingErrors.AttendanceNotRecorded);
        meeting.Decisions.ShouldBeEmpty();
        meeting.RecordAttendance(Attendance(group, members));
        DecideAs(meeting, kind, "x").Kind.ShouldBe(kind);
        Should.Throw<RuleViolationException>(() => meeting.RecordAttendance(Attendance(group, 0)))
            .Violation.ErrorCode.ShouldBe(MeetingErrors.AttendanceAlreadyRecorded);
        meeting.PresentCount.ShouldBe(members);
        return true;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MeetingArbitraries)])]
    [Trait("Rule", "FIVE-02")]
    public bool Attendance_marks_every_current_member_and_nobody_else(AttendanceDefect c)
    {
        var (members, defect) = c;
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
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MeetingArbitraries)])]
    [Trait("Rule", "FIVE-02")]
    public bool The_weekly_evidence_lists_exactly_the_meetings_with_attendance_held_in_that_week(MeetingDays c)
    {
        var (days, weekPick) = c;
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
    }

    // A loan approval names its loan (typed); every other kind is taken by its note alone.
    private static MeetingDecision DecideAs(Meeting meeting, DecisionKind kind, string note) =>
        meeting.Decide(new TakeDecisionCommand(kind, note, Loan: kind == DecisionKind.LoanApproval ? new LoanId(new Guid("6c1f7a52-3c1d-4c1e-9a52-0b7e2f6d0a11")) : null));
}
