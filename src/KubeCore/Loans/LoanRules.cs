using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Rules.Parameters;

namespace KubeCore.Loans;

/// <summary>Pure checks of loan terms against a profile (LOAN-02 ceilings, LOAN-03 term and frequency).</summary>
public static class LoanRules
{
    /// <summary>
    /// LOAN-03: null when <paramref name="termMonths"/> is within
    /// <see cref="LoanParameters.MinTermMonths"/>..<see cref="LoanParameters.MaxTermMonths"/> (both inclusive),
    /// otherwise the violation.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static RuleViolation? CheckTerm(int termMonths, LoanParameters parameters)
    {
        Preconditions.CheckNotNull(parameters);
        return termMonths >= parameters.MinTermMonths && termMonths <= parameters.MaxTermMonths
            ? null
            : RuleViolation.Of(RuleIds.Loan03, LoanErrors.TermOutOfRange, ("TermMonths", termMonths), ("MinTermMonths", parameters.MinTermMonths), ("MaxTermMonths", parameters.MaxTermMonths));
    }

    /// <summary>
    /// LOAN-03: null when <paramref name="frequency"/> is exactly one frequency and is among
    /// <see cref="LoanParameters.AllowedFrequencies"/>, otherwise the violation.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static RuleViolation? CheckFrequency(InstallmentFrequency frequency, LoanParameters parameters)
    {
        Preconditions.CheckNotNull(parameters);
        var single = frequency is InstallmentFrequency.Weekly or InstallmentFrequency.Monthly;
        return single && (parameters.AllowedFrequencies & frequency) == frequency
            ? null
            : RuleViolation.Of(RuleIds.Loan03, LoanErrors.FrequencyNotAllowed, ("Frequency", frequency), ("AllowedFrequencies", parameters.AllowedFrequencies));
    }

    /// <summary>
    /// LOAN-02: null when <paramref name="principal"/> is within the ceiling for the member's loan number
    /// (the first loan at most <see cref="LoanParameters.FirstLoanCeiling"/>, any later loan at most
    /// <see cref="LoanParameters.RepeatLoanCeiling"/>, both inclusive), otherwise the violation.
    /// </summary>
    /// <param name="principal">The principal applied for.</param>
    /// <param name="previousLoans">Loans already disbursed to the member by this group.</param>
    /// <param name="parameters">The loan parameters.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="previousLoans"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static RuleViolation? CheckCeiling(Rupiah principal, int previousLoans, LoanParameters parameters)
    {
        Preconditions.CheckNotNull(parameters);
        Preconditions.CheckArgumentRange(previousLoans, 0, int.MaxValue);
        if (!principal.IsPositive)
        {
            return RuleViolation.Of(RuleIds.Loan02, LoanErrors.PrincipalNotPositive, ("Principal", principal));
        }
        return previousLoans == 0
            ? principal <= parameters.FirstLoanCeiling ? null : RuleViolation.Of(RuleIds.Loan02, LoanErrors.AboveFirstCeiling, ("Principal", principal), ("Ceiling", parameters.FirstLoanCeiling))
            : principal <= parameters.RepeatLoanCeiling ? null : RuleViolation.Of(RuleIds.Loan02, LoanErrors.AboveRepeatCeiling, ("Principal", principal), ("Ceiling", parameters.RepeatLoanCeiling));
    }

    /// <summary>
    /// LOAN-02 graduation: true when a member with <paramref name="previousLoans"/> loans, the largest of
    /// <paramref name="largestPrincipal"/>, is referred to a bank: after at least
    /// <see cref="LoanParameters.BankReferralAfterLoans"/> loans, or after a loan of at least
    /// <see cref="LoanParameters.BankReferralPrincipal"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static bool IsReferredToBank(int previousLoans, Rupiah largestPrincipal, LoanParameters parameters)
    {
        Preconditions.CheckNotNull(parameters);
        return previousLoans >= parameters.BankReferralAfterLoans || (previousLoans > 0 && largestPrincipal >= parameters.BankReferralPrincipal);
    }

    /// <summary>
    /// LOAN-06 (the meeting approves a stated purpose): null when <paramref name="purpose"/> is given and fits; otherwise
    /// <see cref="LoanErrors.PurposeMissing"/> when it is null or blank as <see cref="ReadableName.IsBlank"/> judges it
    /// (white space, invisible characters or controls only), or <see cref="LoanErrors.TextTooLong"/> when it is longer than
    /// <see cref="LoanApplication.MaxPurposeLength"/>.
    /// </summary>
    internal static RuleViolation? CheckPurpose(string? purpose) =>
        ReadableName.IsBlank(purpose)
            ? RuleViolation.Of(RuleIds.Loan06, LoanErrors.PurposeMissing, ("MaxLength", LoanApplication.MaxPurposeLength))
            : CheckLength(purpose!, nameof(LoanApplication.Purpose), LoanApplication.MaxPurposeLength);

    /// <summary>
    /// LOAN-06: null when <paramref name="reason"/>, why an application is withdrawn, is given and fits; otherwise
    /// <see cref="LoanErrors.WithdrawalReasonRequired"/> when it is null or blank as <see cref="ReadableName.IsBlank"/> judges
    /// it, or <see cref="LoanErrors.TextTooLong"/> when it is longer than <see cref="Loan.MaxWithdrawalReasonLength"/>.
    /// </summary>
    internal static RuleViolation? CheckWithdrawalReason(string? reason) =>
        ReadableName.IsBlank(reason)
            ? RuleViolation.Of(RuleIds.Loan06, LoanErrors.WithdrawalReasonRequired)
            : CheckLength(reason!, "Reason", Loan.MaxWithdrawalReasonLength);

    // The one place a loan text too long is built (LOAN-06).
    private static RuleViolation? CheckLength(string text, string propertyName, int maxLength) =>
        text.Length <= maxLength
            ? null
            : RuleViolation.Of(RuleIds.Loan06, LoanErrors.TextTooLong, ("PropertyName", propertyName), ("TotalLength", text.Length), ("MaxLength", maxLength));
}
