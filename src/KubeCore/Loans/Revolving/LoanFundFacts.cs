using System.Text.Json.Serialization;
using KubeCore.Common;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>
/// A change of a <see cref="LoanRevolving"/> fund, recorded after its rules passed (<see cref="LoanRevolving.TakeChanges"/>):
/// plain data, like <see cref="LoanRevolvingState"/>. A stored state plus the facts taken after it restore the fund
/// (<see cref="LoanRevolving.Restore(LoanRevolvingState, IEnumerable{LoanFundFact}, SavingsLedger, Groups.IGroupStanding)"/>).
/// The money of a fact is in the ledger entries it names; the ledger stores those itself.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StatementSignedFact), "statement-signed")]
[JsonDerivedType(typeof(LoanAppliedFact), "loan-applied")]
[JsonDerivedType(typeof(LoanApprovedFact), "loan-approved")]
[JsonDerivedType(typeof(LoanWithdrawnFact), "loan-withdrawn")]
[JsonDerivedType(typeof(LoanDisbursedFact), "loan-disbursed")]
[JsonDerivedType(typeof(RepaymentRecordedFact), "repayment-recorded")]
[JsonDerivedType(typeof(ArrearsCoveredFact), "arrears-covered")]
[JsonDerivedType(typeof(CoverRecoveredFact), "cover-recovered")]
[JsonDerivedType(typeof(UpkLoanReceivedFact), "upk-loan-received")]
public abstract record LoanFundFact;

/// <summary>A member signed the joint-liability statement (LOAN-01 b).</summary>
/// <param name="Statement">The statement.</param>
public sealed record StatementSignedFact(JointLiabilityStatement Statement) : LoanFundFact;

/// <summary>A member applied for a loan: the new loan, in state <see cref="LoanState.Applied"/>.</summary>
/// <param name="Loan">The loan id (the host's).</param>
/// <param name="Borrower">The member.</param>
/// <param name="Principal">The principal.</param>
/// <param name="TermMonths">The term in months.</param>
/// <param name="Frequency">The installment frequency.</param>
/// <param name="MonthlyServiceCharge">The profile's service charge when the member applied.</param>
/// <param name="Purpose">What the loan is for.</param>
/// <param name="AppliedOn">The application date.</param>
/// <param name="MemberLoanNumber">The member's loan number in the group.</param>
public sealed record LoanAppliedFact(
    LoanId Loan,
    PersonId Borrower,
    Rupiah Principal,
    int TermMonths,
    InstallmentFrequency Frequency,
    Rate MonthlyServiceCharge,
    string Purpose,
    LocalDate AppliedOn,
    int MemberLoanNumber) : LoanFundFact;

/// <summary>A meeting approved a loan (LOAN-06).</summary>
/// <param name="Loan">The loan.</param>
/// <param name="Approval">The approval.</param>
public sealed record LoanApprovedFact(LoanId Loan, LoanApprovalState Approval) : LoanFundFact;

/// <summary>An application was withdrawn before disbursement.</summary>
/// <param name="Loan">The loan.</param>
/// <param name="Date">The date.</param>
/// <param name="Reason">Why.</param>
public sealed record LoanWithdrawnFact(LoanId Loan, LocalDate Date, string Reason) : LoanFundFact;

/// <summary>A loan was disbursed (LOAN-06); its schedule runs from <paramref name="Date"/>.</summary>
/// <param name="Loan">The loan.</param>
/// <param name="Date">The disbursement date.</param>
/// <param name="Entry">The ledger entry.</param>
/// <param name="Referral">The bank referral this disbursement triggered (LOAN-02), or null.</param>
public sealed record LoanDisbursedFact(LoanId Loan, LocalDate Date, EntryId Entry, BankReferral? Referral) : LoanFundFact;

/// <summary>A borrower's payment was recorded (LOAN-05).</summary>
/// <param name="Loan">The loan.</param>
/// <param name="Payment">The payment with its allocation and ledger entry.</param>
public sealed record RepaymentRecordedFact(LoanId Loan, LoanPaymentState Payment) : LoanFundFact;

/// <summary>The group covered a defaulter's arrears (LOAN-08).</summary>
/// <param name="Cover">The cover.</param>
/// <param name="Payments">The loan's tanggung renteng payments, one per step of the cover, in order.</param>
public sealed record ArrearsCoveredFact(RentengCoverState Cover, IReadOnlyList<LoanPaymentState> Payments) : LoanFundFact;

/// <summary>A defaulter paid back those who covered (LOAN-08).</summary>
/// <param name="Recovery">The recovery.</param>
public sealed record CoverRecoveredFact(RentengRecoveryState Recovery) : LoanFundFact;

/// <summary>The KSM borrowed from the UPK (LOAN-01 b).</summary>
/// <param name="Loan">The UPK loan booked.</param>
public sealed record UpkLoanReceivedFact(UpkLoan Loan) : LoanFundFact;
