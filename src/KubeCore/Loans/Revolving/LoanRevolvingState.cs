using System.Text.Json.Serialization;
using KubeCore.Common;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>
/// The stored state of a group's <see cref="LoanRevolving"/> fund (a storage contract: plain data only): everything the
/// fund holds that its <see cref="SavingsLedger"/> does not. Made by <see cref="LoanRevolving.ToState"/>, read back by
/// <see cref="LoanRevolving.Restore(LoanRevolvingState, SavingsLedger, Groups.IGroupStanding)"/>. The fund's rules come
/// from the group's profile; the state names none (each loan keeps the service charge it was applied for).
/// </summary>
/// <param name="Format">The format version: <see cref="CurrentFormat"/>.</param>
/// <param name="Group">The group whose fund this is.</param>
/// <param name="Loans">Every loan, in application order.</param>
/// <param name="Statements">The signed joint-liability statements, in signing order.</param>
/// <param name="Referrals">The bank referrals (LOAN-02), in the order made.</param>
/// <param name="Covers">The tanggung renteng covers (LOAN-08), in the order made.</param>
/// <param name="Recoveries">The recoveries of covers (LOAN-08), in the order made.</param>
/// <param name="UpkLoans">The loans received from the UPK (LOAN-01 b), in the order booked.</param>
public sealed record LoanRevolvingState(
    int Format,
    GroupId Group,
    IReadOnlyList<FundLoanState> Loans,
    IReadOnlyList<JointLiabilityStatement> Statements,
    IReadOnlyList<BankReferral> Referrals,
    IReadOnlyList<RentengCoverState> Covers,
    IReadOnlyList<RentengRecoveryState> Recoveries,
    IReadOnlyList<UpkLoan> UpkLoans)
{
    /// <summary>The format this version writes and reads: 1.</summary>
    public const int CurrentFormat = 1;
}

/// <summary>
/// One loan of a <see cref="LoanRevolvingState"/>. The repayment schedule is not stored: it is a pure function of the
/// terms and <see cref="DisbursedOn"/> (<see cref="RepaymentSchedule.Compute(LoanTerms, LocalDate)"/>, LOAN-03/04); the
/// allocation of each payment (LOAN-05) is stored as made.
/// </summary>
/// <param name="Id">The loan id.</param>
/// <param name="Borrower">The borrowing member.</param>
/// <param name="Principal">The principal.</param>
/// <param name="TermMonths">The term in months.</param>
/// <param name="Frequency">Weekly or monthly installments.</param>
/// <param name="MonthlyServiceCharge">The flat monthly service charge the loan was applied for.</param>
/// <param name="Purpose">What the loan is for.</param>
/// <param name="AppliedOn">The application date.</param>
/// <param name="MemberLoanNumber">The member's loan number in the group (1 for a first loan).</param>
/// <param name="State">The loan's state.</param>
/// <param name="Approval">The approval, once approved.</param>
/// <param name="DisbursedOn">The disbursement date (the schedule's anchor), once disbursed.</param>
/// <param name="DisbursementEntry">The ledger entry of the disbursement, once disbursed.</param>
/// <param name="Payments">The payments (by the borrower and by tanggung renteng), in the order recorded.</param>
/// <param name="ClosedOn">The date the loan was repaid or withdrawn, once final.</param>
/// <param name="WithdrawalReason">Why the application was withdrawn, when it was.</param>
public sealed record FundLoanState(
    LoanId Id,
    PersonId Borrower,
    Rupiah Principal,
    int TermMonths,
    InstallmentFrequency Frequency,
    Rate MonthlyServiceCharge,
    string Purpose,
    LocalDate AppliedOn,
    int MemberLoanNumber,
    LoanState State,
    LoanApprovalState? Approval,
    LocalDate? DisbursedOn,
    EntryId? DisbursementEntry,
    IReadOnlyList<LoanPaymentState> Payments,
    LocalDate? ClosedOn,
    string? WithdrawalReason);

/// <summary>
/// The approval of a loan (LOAN-06): the fields of the meeting's <see cref="Meetings.DecisionKind.LoanApproval"/>
/// decision (its group is the fund's group) and the officer who signed it.
/// </summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="DecidedOn">The meeting date.</param>
/// <param name="Subject">The decision's subject (the loan id as text).</param>
/// <param name="Present">The members present when the decision was taken.</param>
/// <param name="MemberCount">The group's member count at the meeting.</param>
/// <param name="HadQuorum">True when the presence made a quorum.</param>
/// <param name="ProfileId">The profile version whose quorum rule the meeting applied.</param>
/// <param name="ApprovedBy">The officer who signed the approval.</param>
/// <param name="ApprovedOn">The approval date.</param>
public sealed record LoanApprovalState(
    MeetingId Meeting,
    LocalDate DecidedOn,
    string Subject,
    IReadOnlyList<PersonId> Present,
    int MemberCount,
    bool HadQuorum,
    string ProfileId,
    PersonId ApprovedBy,
    LocalDate ApprovedOn);

/// <summary>One payment on a loan, with its allocation (LOAN-05) and its ledger entry.</summary>
/// <param name="Date">The payment date.</param>
/// <param name="Amount">The amount; the five parts add up to it.</param>
/// <param name="Source">Who paid: the borrower (a <see cref="EntryKind.LoanRepayment"/> entry) or tanggung renteng (a <see cref="EntryKind.RentengCover"/> entry).</param>
/// <param name="DueServiceCharge">Jasa of installments due on or before the date.</param>
/// <param name="OverduePrincipal">Principal of installments due before the date.</param>
/// <param name="CurrentPrincipal">Principal of the installment due on the date.</param>
/// <param name="PrepaidServiceCharge">Jasa paid in advance.</param>
/// <param name="PrepaidPrincipal">Principal paid in advance.</param>
/// <param name="Entry">The ledger entry that posted the payment.</param>
public sealed record LoanPaymentState(
    LocalDate Date,
    Rupiah Amount,
    PaymentSource Source,
    Rupiah DueServiceCharge,
    Rupiah OverduePrincipal,
    Rupiah CurrentPrincipal,
    Rupiah PrepaidServiceCharge,
    Rupiah PrepaidPrincipal,
    EntryId Entry);

/// <summary>A tanggung renteng cover (LOAN-08) as stored; see <see cref="RentengCover"/>.</summary>
/// <param name="Loan">The loan covered.</param>
/// <param name="Borrower">The defaulting borrower.</param>
/// <param name="Date">The date of the cover.</param>
/// <param name="InstallmentsOverdue">Installments overdue when covered.</param>
/// <param name="Arrears">The arrears to cover.</param>
/// <param name="Steps">The steps, in order; each is one of the loan's tanggung renteng payments.</param>
/// <param name="ProRataRemainder">The rupiah handed out one each after truncating the members' shares.</param>
/// <param name="Shortfall">What could not be covered.</param>
public sealed record RentengCoverState(
    LoanId Loan,
    PersonId Borrower,
    LocalDate Date,
    int InstallmentsOverdue,
    Rupiah Arrears,
    IReadOnlyList<RentengStepState> Steps,
    Rupiah ProRataRemainder,
    Rupiah Shortfall);

/// <summary>One step of a stored cover; see <see cref="RentengStep"/>.</summary>
/// <param name="Source">Where the money came from.</param>
/// <param name="Amount">The step's total.</param>
/// <param name="Principal">The part that settled overdue principal.</param>
/// <param name="ServiceCharge">The part that settled overdue jasa.</param>
/// <param name="Contributions">The contributions.</param>
/// <param name="Entry">The ledger entry.</param>
public sealed record RentengStepState(
    [property: JsonConverter(typeof(JsonStringEnumConverter<RentengSource>))] RentengSource Source,
    Rupiah Amount,
    Rupiah Principal,
    Rupiah ServiceCharge,
    IReadOnlyList<RentengContributionState> Contributions,
    EntryId Entry);

/// <summary>One contribution of a stored cover step; see <see cref="RentengContribution"/>.</summary>
/// <param name="Source">The source.</param>
/// <param name="Member">For <see cref="RentengSource.MemberSavings"/>, the contributing member; otherwise null.</param>
/// <param name="Amount">The amount, positive.</param>
public sealed record RentengContributionState(
    [property: JsonConverter(typeof(JsonStringEnumConverter<RentengSource>))] RentengSource Source,
    PersonId? Member,
    Rupiah Amount);

/// <summary>A recovery of a cover (LOAN-08) as stored; see <see cref="RentengRecovery"/>.</summary>
/// <param name="Loan">The covered loan.</param>
/// <param name="Borrower">The defaulter.</param>
/// <param name="Date">The date.</param>
/// <param name="Amount">What the defaulter paid; the lines add up to it.</param>
/// <param name="Lines">One line per claimant repaid.</param>
/// <param name="StillOwed">What the defaulter still owed on the loan's claims afterwards.</param>
public sealed record RentengRecoveryState(LoanId Loan, PersonId Borrower, LocalDate Date, Rupiah Amount, IReadOnlyList<RecoveryLineState> Lines, Rupiah StillOwed);

/// <summary>One line of a stored recovery; see <see cref="RecoveryLine"/>.</summary>
/// <param name="Member">The member repaid, or null for the IKS fund.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Entry">The ledger entry (<see cref="EntryKind.RentengRecovery"/>).</param>
public sealed record RecoveryLineState(PersonId? Member, Rupiah Amount, EntryId Entry);
