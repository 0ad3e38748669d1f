using System.Globalization;
using FluentValidation.Results;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Tests.Loans;

public class LoanValidatorTests
{
    private static readonly LocalDate Date = new(2017, 5, 1);
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    // Renders a failure the way KubeCoreLanguageManager does for a host, with the placeholders the rule supplied.
    private static string Render(ValidationFailure failure, CultureInfo culture) =>
        KubeCoreMessages.Format(failure.ErrorCode, culture, failure.FormattedMessagePlaceholderValues ?? new Dictionary<string, object?>());

    [Fact]
    public void A_valid_application_passes_and_every_broken_field_gets_its_coded_message_in_Indonesian_and_English()
    {
        var validator = new LoanApplicationValidator(ProgramProfiles.KsmP2kp);
        validator.Validate(new LoanApplication(LoanId.New(), PersonId.New(), Rupiah.Of(500_000), 3, InstallmentFrequency.Weekly, "modal usaha", Date)).IsValid.ShouldBeTrue();

        var result = validator.Validate(new LoanApplication(default, default, Rupiah.Zero, 24, InstallmentFrequency.Weekly | InstallmentFrequency.Monthly, " ", Date));

        result.Errors.Select(e => e.ErrorCode).ShouldBe(
            [LoanErrors.LoanRequired, LoanErrors.BorrowerNotMember, LoanErrors.PrincipalNotPositive, LoanErrors.TermOutOfRange, LoanErrors.FrequencyNotAllowed, LoanErrors.PurposeMissing], ignoreOrder: true);
        var term = result.Errors.Single(e => e.ErrorCode == LoanErrors.TermOutOfRange);
        Render(term, Indonesian).ShouldBe("Jangka waktu 24 bulan di luar batas 3..12 bulan.");
        Render(term, English).ShouldBe("The term of 24 months is outside 3..12 months.");
        Render(result.Errors.Single(e => e.ErrorCode == LoanErrors.PrincipalNotPositive), English).ShouldBe("The principal must be positive (applied for Rp 0).");
        result.Errors.ShouldAllBe(e => !Render(e, Indonesian).Contains('{') && !Render(e, English).Contains('{'));
    }

    [Fact]
    public void A_repayment_needs_a_loan_and_a_positive_amount()
    {
        var validator = new RecordRepaymentCommandValidator();
        validator.Validate(new RecordRepaymentCommand(LoanId.New(), Date, Rupiah.Of(43_541))).IsValid.ShouldBeTrue();
        var result = validator.Validate(new RecordRepaymentCommand(default, Date, Rupiah.Of(-1)));
        result.Errors.Select(e => e.ErrorCode).ShouldBe([LoanErrors.LoanRequired, LoanErrors.AmountNotPositive], ignoreOrder: true);
        Render(result.Errors.Single(e => e.ErrorCode == LoanErrors.AmountNotPositive), Indonesian).ShouldBe("Jumlah pembayaran harus lebih dari nol (diberikan -Rp 1).");
    }

    [Fact]
    public void An_approval_needs_a_loan_approval_decision_of_this_loan_with_quorum_and_a_signatory()
    {
        var loan = LoanId.New();
        var validator = new ApproveLoanCommandValidator();
        var members = Enumerable.Range(0, 10).Select(_ => PersonId.New()).ToList();
        var good = new MeetingDecision(MeetingId.New(), GroupId.New(), Date, DecisionKind.LoanApproval, loan.ToString(), members.Take(6).ToList(), 10, true, "KsmP2kp@1");
        validator.Validate(new ApproveLoanCommand(loan, good, members[0])).IsValid.ShouldBeTrue();

        var bad = good with { Kind = DecisionKind.Other, Subject = "pinjaman lain", HadQuorum = false, Present = members.Take(3).ToList() };
        var result = validator.Validate(new ApproveLoanCommand(loan, bad, default));
        result.Errors.Select(e => e.ErrorCode).ShouldBe(
            [LoanErrors.NotALoanApproval, LoanErrors.DecisionSubjectMismatch, LoanErrors.NoQuorum, LoanErrors.ApproverNotOfficer], ignoreOrder: true);
        Render(result.Errors.Single(e => e.ErrorCode == LoanErrors.NoQuorum), English).ShouldBe("The meeting had no quorum: 3 of 10 members present.");
    }

    [Fact]
    public void A_recovery_needs_a_loan_and_a_positive_amount()
    {
        var result = new RecoverCoverCommandValidator().Validate(new RecoverCoverCommand(default, Date, Rupiah.Zero));
        result.Errors.Select(e => e.ErrorCode).ShouldBe([LoanErrors.LoanRequired, LoanErrors.AmountNotPositive], ignoreOrder: true);
    }

    [Fact]
    public void Every_loan_error_code_starts_with_its_rule_id()
    {
        var codes = typeof(LoanErrors).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        codes.ShouldNotBeEmpty();
        codes.ShouldAllBe(c => c.StartsWith("LOAN0") || c.StartsWith("OFF05_") || c.StartsWith("PORT02_") || c.StartsWith("COL0"));
        foreach (var code in codes)
        {
            var rule = RuleId.Parse(code[..code.IndexOf('_')].Insert(code.IndexOfAny("0123456789".ToCharArray()), "-"));
            RuleCatalogue.Get(rule).ShouldNotBeNull(code);
        }
    }
}
