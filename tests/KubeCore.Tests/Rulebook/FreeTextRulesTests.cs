using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Facilitation;
using KubeCore.Groups;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.WealthRanking;
using NodaTime;
using static KubeCore.Tests.Builders.LedgerBuilders;

namespace KubeCore.Tests.RulebookProperties;

/// <summary>
/// The free texts a person must give outside the ledger: a loan's purpose and the reason its application is withdrawn
/// (LOAN-06), a meeting decision's subject and the agenda (FIVE-02), a pendamping's visit notes and monthly summary
/// (FAC-02) and the verifier and agency of a group's verification (GRP-06). Each is refused with its rule's coded
/// violation when it is blank (white space, invisible characters or controls only: <see cref="ReadableName.IsBlank"/>, the
/// one definition) or one character longer than its named limit, and nothing changes; exactly at the limit, or blank plus
/// one visible letter, it is recorded.
/// </summary>
public class FreeTextRulesTests
{
    // Null, empty, white space, a tab, zero-width space, BOM, word joiner, soft hyphen, and a mix.
    private static readonly string?[] Blanks = [null, string.Empty, " ", "\t", "\u200B", "\uFEFF", "\u2060", "\u00AD", " \u200B\uFEFF\u2060 "];

    private static readonly LocalDate Appointed = new(2019, 3, 12);

    // ---- LOAN-06: the purpose of an application and the reason of a withdrawal ----

    private static (LoanRevolving Fund, Func<string, LoanApplication> For) Fund()
    {
        var (group, _, fund) = new LoanFundBuilder().Build();
        var on = new LoanFundBuilder().SavingsEnd;
        fund.TakeChanges();
        return (fund, purpose => new LoanApplication(LoanId.New(), group.Ordinary[0], Rupiah.Of(300_000), 3, InstallmentFrequency.Weekly, purpose, on));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "LOAN-06")]
    public bool A_loan_application_with_a_blank_purpose_is_refused_with_a_coded_violation_that_changes_nothing_and_one_visible_letter_makes_it_a_purpose(BlankText purpose)
    {
        var (fund, application) = Fund();
        var refusal = Should.Throw<RuleViolationException>(() => fund.Apply(application(purpose.Text))).Violations.Single();
        var unchanged = fund.Loans.Count == 0 && fund.TakeChanges().Count == 0;
        var loan = fund.Apply(application(purpose.Text + "x"));
        return refusal.RuleId == RuleIds.Loan06 && refusal.ErrorCode == LoanErrors.PurposeMissing && unchanged && loan.Purpose == purpose.Text + "x";
    }

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void A_loan_purpose_that_is_null_blank_or_invisible_or_201_characters_long_is_refused_and_one_of_exactly_200_is_recorded()
    {
        var (fund, application) = Fund();
        var validator = new LoanApplicationValidator(ProgramProfiles.KsmP2kp);
        foreach (var blank in Blanks)
        {
            var refusal = Should.Throw<RuleViolationException>(() => fund.Apply(application(blank!)), $"'{blank}'").Violation;
            (refusal.RuleId, refusal.ErrorCode).ShouldBe((RuleIds.Loan06, LoanErrors.PurposeMissing), $"'{blank}'");
            validator.Validate(application(blank!)).Errors.Select(e => e.ErrorCode).ShouldBe([LoanErrors.PurposeMissing], $"'{blank}'");
            fund.AssessApplication(application(blank!)).Violations.Select(v => (v.RuleId, v.ErrorCode)).ShouldBe([(RuleIds.Loan06, LoanErrors.PurposeMissing)], $"'{blank}'");
        }
        var tooLong = Should.Throw<RuleViolationException>(() => fund.Apply(application(new string('m', LoanApplication.MaxPurposeLength + 1)))).Violation;
        (tooLong.RuleId, tooLong.ErrorCode).ShouldBe((RuleIds.Loan06, LoanErrors.TextTooLong));
        tooLong.Arguments["PropertyName"].ShouldBe("Purpose");
        tooLong.Arguments["TotalLength"].ShouldBe(201);
        tooLong.Arguments["MaxLength"].ShouldBe(200);
        validator.Validate(application(new string('m', LoanApplication.MaxPurposeLength + 1))).Errors.Select(e => e.ErrorCode).ShouldBe([LoanErrors.TextTooLong]);
        fund.Loans.ShouldBeEmpty();
        fund.TakeChanges().ShouldBeEmpty();

        validator.Validate(application(new string('m', LoanApplication.MaxPurposeLength))).IsValid.ShouldBeTrue();
        fund.Apply(application(new string('m', LoanApplication.MaxPurposeLength))).Purpose.Length.ShouldBe(200);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "LOAN-06")]
    public bool A_withdrawal_with_a_blank_reason_is_refused_with_a_coded_violation_that_changes_nothing_and_one_visible_letter_makes_it_a_reason(BlankText reason)
    {
        var (fund, application) = Fund();
        var loan = fund.Apply(application("modal warung"));
        fund.TakeChanges();
        var refusal = Should.Throw<RuleViolationException>(() => fund.Withdraw(loan.Id, loan.AppliedOn, reason.Text)).Violations.Single();
        var unchanged = loan.State == LoanState.Applied && fund.TakeChanges().Count == 0;
        fund.Withdraw(loan.Id, loan.AppliedOn, reason.Text + "x");
        return refusal.RuleId == RuleIds.Loan06 && refusal.ErrorCode == LoanErrors.WithdrawalReasonRequired && unchanged
            && loan.State == LoanState.Withdrawn && loan.WithdrawalReason == reason.Text + "x";
    }

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void A_withdrawal_reason_that_is_null_blank_or_invisible_or_201_characters_long_is_refused_and_one_of_exactly_200_is_recorded()
    {
        var (fund, application) = Fund();
        var loan = fund.Apply(application("modal warung"));
        fund.TakeChanges();
        foreach (var blank in Blanks)
        {
            var refusal = Should.Throw<RuleViolationException>(() => fund.Withdraw(loan.Id, loan.AppliedOn, blank!), $"'{blank}'").Violation;
            (refusal.RuleId, refusal.ErrorCode).ShouldBe((RuleIds.Loan06, LoanErrors.WithdrawalReasonRequired), $"'{blank}'");
        }
        var tooLong = Should.Throw<RuleViolationException>(() => fund.Withdraw(loan.Id, loan.AppliedOn, new string('r', Loan.MaxWithdrawalReasonLength + 1))).Violation;
        (tooLong.RuleId, tooLong.ErrorCode).ShouldBe((RuleIds.Loan06, LoanErrors.TextTooLong));
        tooLong.Arguments["PropertyName"].ShouldBe("Reason");
        tooLong.Arguments["MaxLength"].ShouldBe(200);
        loan.State.ShouldBe(LoanState.Applied);
        fund.TakeChanges().ShouldBeEmpty();

        fund.Withdraw(loan.Id, loan.AppliedOn, new string('r', Loan.MaxWithdrawalReasonLength)).WithdrawalReason!.Length.ShouldBe(200);
    }

    // ---- FIVE-02: the subject of a decision and the agenda of a meeting ----

    private static Meeting MeetingWithAttendance(TestGroup group)
    {
        var meeting = Meeting.Open(group, MeetingId.New(), GuyubRukunStart.PlusDays(5));
        meeting.RecordAttendance(group.Members.Select(m => new AttendanceMark(m, AttendanceStatus.Present)));
        meeting.TakeChanges();
        return meeting;
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "FIVE-02")]
    public bool A_decision_with_a_blank_subject_is_refused_with_a_coded_violation_that_changes_nothing_and_one_visible_letter_makes_it_a_subject(BlankText subject)
    {
        var meeting = MeetingWithAttendance(Ksm());
        var refusal = Should.Throw<RuleViolationException>(() => meeting.Decide(DecisionKind.Other, subject.Text)).Violations.Single();
        var unchanged = meeting.Decisions.Count == 0 && meeting.TakeChanges().Count == 0;
        var decision = meeting.Decide(DecisionKind.Other, subject.Text + "x");
        return refusal.RuleId == RuleIds.Five02 && refusal.ErrorCode == MeetingErrors.DecisionSubjectRequired && unchanged
            && decision.Subject == subject.Text + "x" && meeting.Decisions.Count == 1;
    }

    [Fact]
    [Trait("Rule", "FIVE-02")]
    public void A_decision_subject_that_is_null_blank_or_invisible_or_201_characters_long_is_refused_and_one_of_exactly_200_is_recorded()
    {
        var meeting = MeetingWithAttendance(Ksm());
        var validator = new TakeDecisionCommandValidator();
        foreach (var blank in Blanks)
        {
            var refusal = Should.Throw<RuleViolationException>(() => meeting.Decide(new TakeDecisionCommand(DecisionKind.Other, blank!)), $"'{blank}'").Violation;
            (refusal.RuleId, refusal.ErrorCode).ShouldBe((RuleIds.Five02, MeetingErrors.DecisionSubjectRequired), $"'{blank}'");
            validator.Validate(new TakeDecisionCommand(DecisionKind.Other, blank!)).Errors.Select(e => e.ErrorCode).ShouldBe([MeetingErrors.DecisionSubjectRequired], $"'{blank}'");
        }
        var tooLong = new TakeDecisionCommand(DecisionKind.Other, new string('s', Meeting.MaxSubjectLength + 1));
        var refused = Should.Throw<RuleViolationException>(() => meeting.Decide(tooLong)).Violation;
        (refused.RuleId, refused.ErrorCode).ShouldBe((RuleIds.Five02, MeetingErrors.TextTooLong));
        refused.Arguments["PropertyName"].ShouldBe("Subject");
        refused.Arguments["TotalLength"].ShouldBe(201);
        refused.Arguments["MaxLength"].ShouldBe(200);
        validator.Validate(tooLong).Errors.Select(e => e.ErrorCode).ShouldBe([MeetingErrors.TextTooLong]);
        meeting.Decisions.ShouldBeEmpty();
        meeting.TakeChanges().ShouldBeEmpty();

        var atLimit = new TakeDecisionCommand(DecisionKind.Other, new string('s', Meeting.MaxSubjectLength));
        validator.Validate(atLimit).IsValid.ShouldBeTrue();
        meeting.Decide(atLimit).Subject.Length.ShouldBe(200);
    }

    [Fact]
    [Trait("Rule", "FIVE-02")]
    public void A_meeting_agenda_of_501_characters_is_refused_with_a_coded_violation_and_one_of_exactly_500_opens_the_meeting()
    {
        var group = Ksm();
        var validator = new RecordMeetingCommandValidator();
        var marks = group.Members.Select(m => new AttendanceMark(m, AttendanceStatus.Present)).ToList();
        var refusal = Should.Throw<RuleViolationException>(() => Meeting.Open(group, MeetingId.New(), GuyubRukunStart, new string('a', Meeting.MaxAgendaLength + 1))).Violation;
        (refusal.RuleId, refusal.ErrorCode).ShouldBe((RuleIds.Five02, MeetingErrors.TextTooLong));
        refusal.Arguments["PropertyName"].ShouldBe("Agenda");
        refusal.Arguments["MaxLength"].ShouldBe(500);
        validator.Validate(new RecordMeetingCommand(GuyubRukunStart, marks, new string('a', Meeting.MaxAgendaLength + 1))).Errors.Select(e => e.ErrorCode).ShouldBe([MeetingErrors.TextTooLong]);

        validator.Validate(new RecordMeetingCommand(GuyubRukunStart, marks, new string('a', Meeting.MaxAgendaLength))).IsValid.ShouldBeTrue();
        Meeting.Open(group, MeetingId.New(), GuyubRukunStart, new string('a', Meeting.MaxAgendaLength)).Agenda.Length.ShouldBe(500);
    }

    // ---- FAC-02: the notes of a visit and the summary of a monthly report ----

    private static (Pendamping Pendamping, GroupId Group) Accompanying()
    {
        var pendamping = PendampingBuilder.Appoint(on: Appointed);
        var group = new GroupStandingStub(ProgramProfiles.KubePermensos2019);
        pendamping.Assign(new AssignPendamping(group.Id, Appointed), group);
        pendamping.TakeChanges();
        return (pendamping, group.Id);
    }

    private static void Record(Pendamping pendamping, GroupId group, bool report, string? text)
    {
        if (report)
        {
            pendamping.SubmitReport(Facilitations.Report(group, Appointed.PlusDays(3)) with { Summary = text! });
        }
        else
        {
            pendamping.RecordVisit(new FacilitationVisit(group, Appointed.PlusDays(3), text!));
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "FAC-02")]
    public bool A_visit_or_monthly_report_with_a_blank_text_is_refused_with_a_coded_violation_that_changes_nothing_and_one_visible_letter_records_it(BlankText text, bool report)
    {
        var (pendamping, group) = Accompanying();
        var refusal = Should.Throw<RuleViolationException>(() => Record(pendamping, group, report, text.Text)).Violations.Single();
        var unchanged = pendamping.Visits.Count == 0 && pendamping.Reports.Count == 0 && pendamping.TakeChanges().Count == 0;
        Record(pendamping, group, report, text.Text + "x");
        var recorded = report ? pendamping.Reports.Single().Summary : pendamping.Visits.Single().Notes;
        return refusal.RuleId == RuleIds.Fac02 && refusal.ErrorCode == FacilitationErrors.ReportFieldRequired
            && (string?)refusal.Arguments["PropertyName"] == (report ? "Summary" : "Notes")
            && unchanged && recorded == (text.Text + "x").Trim();
    }

    [Fact]
    [Trait("Rule", "FAC-02")]
    public void Visit_notes_and_a_report_summary_that_are_null_blank_or_invisible_or_1001_characters_long_are_refused_and_exactly_1000_are_recorded()
    {
        var (pendamping, group) = Accompanying();
        var visits = new FacilitationVisitValidator();
        var reports = new MonthlyReportValidator();
        MonthlyReport Report(string? summary) => Facilitations.Report(group, Appointed.PlusDays(3)) with { Summary = summary! };
        FacilitationVisit Visit(string? notes) => new(group, Appointed.PlusDays(3), notes!);
        foreach (var report in new[] { false, true })
        {
            var field = report ? "Summary" : "Notes";
            foreach (var blank in Blanks)
            {
                var refusal = Should.Throw<RuleViolationException>(() => Record(pendamping, group, report, blank), $"{field} '{blank}'").Violation;
                (refusal.RuleId, refusal.ErrorCode, refusal.Arguments["PropertyName"]).ShouldBe((RuleIds.Fac02, FacilitationErrors.ReportFieldRequired, (object?)field), $"'{blank}'");
                (report ? reports.Validate(Report(blank)).Errors : visits.Validate(Visit(blank)).Errors).Select(e => e.ErrorCode).ShouldBe([FacilitationErrors.ReportFieldRequired], $"{field} '{blank}'");
            }
            var tooLong = new string('n', 1001);
            var refused = Should.Throw<RuleViolationException>(() => Record(pendamping, group, report, tooLong)).Violation;
            (refused.RuleId, refused.ErrorCode).ShouldBe((RuleIds.Fac02, FacilitationErrors.TextTooLong));
            refused.Arguments["PropertyName"].ShouldBe(field);
            refused.Arguments["TotalLength"].ShouldBe(1001);
            refused.Arguments["MaxLength"].ShouldBe(1000);
            (report ? reports.Validate(Report(tooLong)).Errors : visits.Validate(Visit(tooLong)).Errors).Select(e => e.ErrorCode).ShouldBe([FacilitationErrors.TextTooLong]);
        }
        pendamping.TakeChanges().ShouldBeEmpty();

        FacilitationVisit.MaxNotesLength.ShouldBe(1000);
        MonthlyReport.MaxSummaryLength.ShouldBe(1000);
        visits.Validate(Visit(new string('n', 1000))).IsValid.ShouldBeTrue();
        reports.Validate(Report(new string('n', 1000))).IsValid.ShouldBeTrue();
        Record(pendamping, group, report: false, new string('n', FacilitationVisit.MaxNotesLength));
        Record(pendamping, group, report: true, new string('n', MonthlyReport.MaxSummaryLength));
        pendamping.Visits.Single().Notes.Length.ShouldBe(1000);
        pendamping.Reports.Single().Summary.Length.ShouldBe(1000);
    }

    [Fact]
    [Trait("Rule", "FAC-03")]
    public void An_aspect_note_of_invisible_characters_only_is_refused_as_no_note()
    {
        var (pendamping, group) = Accompanying();
        var report = Facilitations.Report(group, Appointed.PlusDays(3), StrategyAspects.Motivation) with { Notes = [new AspectNote(StrategyAspects.Motivation, "\u200B\u2060")] };
        var refusal = Should.Throw<RuleViolationException>(() => pendamping.SubmitReport(report)).Violation;
        (refusal.RuleId, refusal.ErrorCode).ShouldBe((RuleIds.Fac03, FacilitationErrors.AspectNoteRequired));
        new MonthlyReportValidator().Validate(report).Errors.Select(e => e.ErrorCode).ShouldBe([FacilitationErrors.AspectNoteRequired]);
        pendamping.Reports.ShouldBeEmpty();
    }

    // ---- GRP-06: the verifier and the agency of a verification ----

    [Property(MaxTest = 50, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "GRP-06")]
    public bool A_verification_with_a_blank_verifier_or_agency_is_refused_with_a_coded_violation_that_changes_nothing_and_one_visible_letter_verifies(BlankText text, bool agency)
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubeBlps);
        var group = builder.BuildFormed();
        var command = builder.Verification(group, builder.VerifiedDate);
        VerifyGroup With(string value) => agency ? command with { Agency = value } : command with { VerifierName = value };
        var refusal = Should.Throw<RuleViolationException>(() => group.Verify(With(text.Text))).Violations.Single();
        var unchanged = group.Status == GroupStatus.Formed && group.Verification is null;
        group.Verify(With(text.Text + "x"));
        return refusal.RuleId == RuleIds.Grp06 && refusal.ErrorCode == GroupErrors.VerificationFieldRequired
            && (string?)refusal.Arguments["PropertyName"] == (agency ? "Agency" : "VerifierName")
            && unchanged && group.Status == GroupStatus.Verified;
    }

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void A_verifier_name_over_100_or_an_agency_over_200_characters_or_a_blank_one_is_refused_and_exactly_100_and_200_verify()
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubeBlps);
        var group = builder.BuildFormed();
        var command = builder.Verification(group, builder.VerifiedDate);
        var validator = new VerifyGroupValidator();
        foreach (var blank in Blanks)
        {
            foreach (var bad in new[] { command with { VerifierName = blank! }, command with { Agency = blank! } })
            {
                var refusal = Should.Throw<RuleViolationException>(() => group.Verify(bad), $"'{blank}'").Violation;
                (refusal.RuleId, refusal.ErrorCode).ShouldBe((RuleIds.Grp06, GroupErrors.VerificationFieldRequired), $"'{blank}'");
                validator.Validate(bad).Errors.Select(e => e.ErrorCode).ShouldBe([GroupErrors.VerificationFieldRequired], $"'{blank}'");
            }
        }
        foreach (var (bad, field, max) in new[]
        {
            (command with { VerifierName = new string('v', VerifyGroup.MaxVerifierNameLength + 1) }, "VerifierName", 100),
            (command with { Agency = new string('a', VerifyGroup.MaxAgencyLength + 1) }, "Agency", 200),
        })
        {
            var refusal = Should.Throw<RuleViolationException>(() => group.Verify(bad)).Violation;
            (refusal.RuleId, refusal.ErrorCode).ShouldBe((RuleIds.Grp06, GroupErrors.VerificationTextTooLong));
            refusal.Arguments["PropertyName"].ShouldBe(field);
            refusal.Arguments["TotalLength"].ShouldBe(max + 1);
            refusal.Arguments["MaxLength"].ShouldBe(max);
            validator.Validate(bad).Errors.Select(e => e.ErrorCode).ShouldBe([GroupErrors.VerificationTextTooLong]);
        }
        group.Status.ShouldBe(GroupStatus.Formed);
        group.Verification.ShouldBeNull();

        var atLimits = command with { VerifierName = new string('v', VerifyGroup.MaxVerifierNameLength), Agency = new string('a', VerifyGroup.MaxAgencyLength) };
        validator.Validate(atLimits).IsValid.ShouldBeTrue();
        group.Verify(atLimits);
        group.Verification!.VerifierName.Length.ShouldBe(100);
        group.Verification.Agency.Length.ShouldBe(200);
    }

    // ---- PRA-01: the informant's name ----

    [Fact]
    [Trait("Rule", "PRA-01")]
    public void An_informant_named_by_invisible_characters_only_is_refused_as_no_informant()
    {
        var exercise = new ExerciseBuilder().WithHouseholdCount(6).Build();
        var sorting = ExerciseBuilder.Sorting(exercise, "\u200B\uFEFF", 2, [1, 1, 1, 2, 2, 2]);
        var refusal = Should.Throw<RuleViolationException>(() => exercise.SubmitSorting(sorting)).Violations;
        refusal.Select(v => (v.RuleId, v.ErrorCode)).ShouldBe([(RuleIds.Pra01, WealthRankingErrors.InformantRequired)]);
        new InformantSortingValidator().Validate(sorting).Errors.Select(e => e.ErrorCode).ShouldBe([WealthRankingErrors.InformantRequired]);
        exercise.Sortings.ShouldBeEmpty();
    }
}
