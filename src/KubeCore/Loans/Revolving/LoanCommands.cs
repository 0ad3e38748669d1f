using FluentValidation;
using KubeCore.Common;
using KubeCore.Meetings;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>Input: a member applies for a loan (<see cref="LoanRevolving.Apply"/>).</summary>
/// <param name="Loan">
/// The new loan's id, chosen by the host (as <see cref="Groups.ProposeGroup"/> carries its group id): the library makes
/// no ids. Not the default id; unique within the fund (a repeated id is refused with <see cref="LoanErrors.LoanIdTaken"/>).
/// </param>
/// <param name="Member">The applying member.</param>
/// <param name="Principal">The principal asked for.</param>
/// <param name="TermMonths">The term in months.</param>
/// <param name="Frequency">Weekly or monthly installments.</param>
/// <param name="Purpose">
/// What the loan is for: not blank (<see cref="LoanErrors.PurposeMissing"/>) and at most <see cref="LoanApplication.MaxPurposeLength"/>
/// characters (<see cref="LoanErrors.TextTooLong"/>); LOAN-06, judged by <see cref="LoanRules.CheckPurpose"/>.
/// </param>
/// <param name="AppliedOn">The application date.</param>
public sealed record LoanApplication(LoanId Loan, PersonId Member, Rupiah Principal, int TermMonths, InstallmentFrequency Frequency, string Purpose, LocalDate AppliedOn)
{
    /// <summary>
    /// The longest purpose text: 200 UTF-16 code units (as <see cref="string.Length"/> counts them; a design choice). A longer
    /// purpose is refused with <see cref="LoanErrors.TextTooLong"/> (LOAN-06).
    /// </summary>
    public const int MaxPurposeLength = 200;
}

/// <summary>Input: a repayment (<see cref="LoanRevolving.Repay"/>).</summary>
/// <param name="Loan">The loan.</param>
/// <param name="Date">The payment date.</param>
/// <param name="Amount">The amount paid; positive.</param>
public sealed record RecordRepaymentCommand(LoanId Loan, LocalDate Date, Rupiah Amount);

/// <summary>Input: approval of a loan at a meeting (<see cref="LoanRevolving.Approve"/>).</summary>
/// <param name="Loan">The loan.</param>
/// <param name="Decision">The meeting decision.</param>
/// <param name="ApprovedBy">The officer who signs the approval on behalf of the meeting.</param>
public sealed record ApproveLoanCommand(LoanId Loan, MeetingDecision Decision, PersonId ApprovedBy);

/// <summary>Input: a tanggung renteng recovery from the defaulter (<see cref="LoanRevolving.Recover"/>).</summary>
/// <param name="Loan">The covered loan.</param>
/// <param name="Date">The date.</param>
/// <param name="Amount">The amount the defaulter pays back; positive.</param>
public sealed record RecoverCoverCommand(LoanId Loan, LocalDate Date, Rupiah Amount);

/// <summary>
/// Validates a <see cref="LoanApplication"/> against a profile: a loan id (LOAN-05 <see cref="LoanErrors.LoanRequired"/>), positive principal (LOAN-02), term within
/// the profile's range and an allowed frequency (LOAN-03), and a purpose (LOAN-06: the meeting approves
/// a stated purpose). Ceilings that depend on the member's history, arrears and the group's standing are
/// checked by <see cref="LoanRevolving.AssessApplication"/>.
/// </summary>
public sealed class LoanApplicationValidator : AbstractValidator<LoanApplication>
{
    /// <summary>Creates the validator for <paramref name="profile"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public LoanApplicationValidator(ProgramProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var loans = profile.Loans;
        RuleFor(a => a.Loan).Must(l => l.Value != Guid.Empty).WithErrorCode(LoanErrors.LoanRequired);
        RuleFor(a => a.Member)
            .Must((_, member, context) =>
            {
                context.MessageFormatter.AppendArgument("MemberId", member);
                return member.Value != Guid.Empty;
            })
            .WithErrorCode(LoanErrors.BorrowerNotMember);
        RuleFor(a => a.Principal)
            .Must((_, principal, context) =>
            {
                context.MessageFormatter.AppendArgument("Principal", principal.ToString());
                return principal.IsPositive;
            })
            .WithErrorCode(LoanErrors.PrincipalNotPositive);
        RuleFor(a => a.TermMonths)
            .Must((_, term, context) =>
            {
                context.MessageFormatter.AppendArgument("TermMonths", term).AppendArgument("MinTermMonths", loans.MinTermMonths).AppendArgument("MaxTermMonths", loans.MaxTermMonths);
                return LoanRules.CheckTerm(term, loans) is null;
            })
            .WithErrorCode(LoanErrors.TermOutOfRange);
        RuleFor(a => a.Frequency)
            .Must((_, frequency, context) =>
            {
                context.MessageFormatter.AppendArgument("Frequency", frequency).AppendArgument("AllowedFrequencies", loans.AllowedFrequencies);
                return LoanRules.CheckFrequency(frequency, loans) is null;
            })
            .WithErrorCode(LoanErrors.FrequencyNotAllowed);
        // LOAN-06: blank and too long as LoanRules.CheckPurpose judges them (ReadableName.IsBlank, MaxPurposeLength).
        RuleFor(a => a.Purpose)
            .Must((_, purpose, context) =>
            {
                context.MessageFormatter.AppendArgument("MaxLength", LoanApplication.MaxPurposeLength);
                return !ReadableName.IsBlank(purpose);
            })
            .WithErrorCode(LoanErrors.PurposeMissing);
        RuleFor(a => a.Purpose).MaximumLength(LoanApplication.MaxPurposeLength).WithErrorCode(LoanErrors.TextTooLong);
    }
}

/// <summary>Validates a <see cref="RecordRepaymentCommand"/>: a loan id and a positive amount (LOAN-05).</summary>
public sealed class RecordRepaymentCommandValidator : AbstractValidator<RecordRepaymentCommand>
{
    /// <summary>Creates the validator.</summary>
    public RecordRepaymentCommandValidator()
    {
        RuleFor(c => c.Loan).Must(l => l.Value != Guid.Empty).WithErrorCode(LoanErrors.LoanRequired);
        RuleFor(c => c.Amount)
            .Must((_, amount, context) =>
            {
                context.MessageFormatter.AppendArgument("Amount", amount.ToString());
                return amount.IsPositive;
            })
            .WithErrorCode(LoanErrors.AmountNotPositive);
    }
}

/// <summary>
/// Validates an <see cref="ApproveLoanCommand"/> (LOAN-06): the decision is a loan approval of this loan,
/// taken with quorum, and signed by someone.
/// </summary>
public sealed class ApproveLoanCommandValidator : AbstractValidator<ApproveLoanCommand>
{
    /// <summary>Creates the validator.</summary>
    public ApproveLoanCommandValidator()
    {
        RuleFor(c => c.Decision).NotNull().WithErrorCode(LoanErrors.NotALoanApproval);
        When(c => c.Decision is not null, () =>
        {
            RuleFor(c => c.Decision.Kind)
                .Must((_, kind, context) =>
                {
                    context.MessageFormatter.AppendArgument("Kind", kind);
                    return kind == DecisionKind.LoanApproval;
                })
                .WithErrorCode(LoanErrors.NotALoanApproval);
            RuleFor(c => c.Decision.Subject)
                .Must((command, subject, context) =>
                {
                    context.MessageFormatter.AppendArgument("Subject", subject).AppendArgument("LoanId", command.Loan);
                    return string.Equals(subject, command.Loan.ToString(), StringComparison.Ordinal);
                })
                .WithErrorCode(LoanErrors.DecisionSubjectMismatch);
            RuleFor(c => c.Decision.HadQuorum)
                .Must((command, quorum, context) =>
                {
                    context.MessageFormatter.AppendArgument("Present", command.Decision.Present?.Count ?? 0).AppendArgument("MemberCount", command.Decision.MemberCount);
                    return quorum;
                })
                .WithErrorCode(LoanErrors.NoQuorum);
        });
        RuleFor(c => c.ApprovedBy)
            .Must((_, approver, context) =>
            {
                context.MessageFormatter.AppendArgument("ApproverId", approver);
                return approver.Value != Guid.Empty;
            })
            .WithErrorCode(LoanErrors.ApproverNotOfficer);
    }
}

/// <summary>Validates a <see cref="RecoverCoverCommand"/>: a loan id and a positive amount (LOAN-08).</summary>
public sealed class RecoverCoverCommandValidator : AbstractValidator<RecoverCoverCommand>
{
    /// <summary>Creates the validator.</summary>
    public RecoverCoverCommandValidator()
    {
        RuleFor(c => c.Loan).Must(l => l.Value != Guid.Empty).WithErrorCode(LoanErrors.LoanRequired);
        RuleFor(c => c.Amount)
            .Must((_, amount, context) =>
            {
                context.MessageFormatter.AppendArgument("Amount", amount.ToString());
                return amount.IsPositive;
            })
            .WithErrorCode(LoanErrors.AmountNotPositive);
    }
}
