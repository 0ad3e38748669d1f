using KubeCore.Common;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>A domain event of a group's revolving loan fund, raised only on a real change.</summary>
public interface ILoanFundEvent
{
    /// <summary>The group.</summary>
    GroupId Group { get; }

    /// <summary>The date the change took effect.</summary>
    LocalDate Date { get; }
}

/// <summary>A member signed the joint-liability statement (LOAN-01).</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The date signed.</param>
/// <param name="Member">The member.</param>
public sealed record JointLiabilityStatementSigned(GroupId Group, LocalDate Date, PersonId Member) : ILoanFundEvent;

/// <summary>A member applied for a loan.</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The application date.</param>
/// <param name="Loan">The new loan.</param>
/// <param name="Borrower">The member.</param>
/// <param name="Principal">The principal asked for.</param>
public sealed record LoanApplied(GroupId Group, LocalDate Date, LoanId Loan, PersonId Borrower, Rupiah Principal) : ILoanFundEvent;

/// <summary>A meeting approved a loan (LOAN-06).</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The decision date.</param>
/// <param name="Loan">The loan.</param>
/// <param name="Meeting">The meeting.</param>
/// <param name="ApprovedBy">The signing officer.</param>
public sealed record LoanApproved(GroupId Group, LocalDate Date, LoanId Loan, MeetingId Meeting, PersonId ApprovedBy) : ILoanFundEvent;

/// <summary>An application was withdrawn before disbursement.</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The date.</param>
/// <param name="Loan">The loan.</param>
/// <param name="Reason">Why.</param>
public sealed record LoanWithdrawn(GroupId Group, LocalDate Date, LoanId Loan, string Reason) : ILoanFundEvent;

/// <summary>A loan was disbursed from the loan fund (LOAN-06).</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The disbursement date.</param>
/// <param name="Loan">The loan.</param>
/// <param name="Borrower">The member.</param>
/// <param name="Principal">The principal.</param>
/// <param name="Entry">The ledger entry.</param>
public sealed record LoanDisbursed(GroupId Group, LocalDate Date, LoanId Loan, PersonId Borrower, Rupiah Principal, EntryId Entry) : ILoanFundEvent;

/// <summary>A borrower's payment was recorded and allocated (LOAN-05); its principal is back in the fund (LOAN-09).</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The payment date.</param>
/// <param name="Loan">The loan.</param>
/// <param name="Allocation">The allocation.</param>
/// <param name="Entry">The ledger entry.</param>
public sealed record RepaymentRecorded(GroupId Group, LocalDate Date, LoanId Loan, PaymentAllocation Allocation, EntryId Entry) : ILoanFundEvent;

/// <summary>A loan was fully repaid.</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The date of the last payment.</param>
/// <param name="Loan">The loan.</param>
public sealed record LoanRepaid(GroupId Group, LocalDate Date, LoanId Loan) : ILoanFundEvent;

/// <summary>The group covered a defaulter's arrears by tanggung renteng (LOAN-08).</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The date.</param>
/// <param name="Cover">The cover.</param>
public sealed record ArrearsCoveredJointly(GroupId Group, LocalDate Date, RentengCover Cover) : ILoanFundEvent;

/// <summary>A defaulter paid back those who covered (LOAN-08).</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The date.</param>
/// <param name="Recovery">The recovery.</param>
public sealed record CoverRecovered(GroupId Group, LocalDate Date, RentengRecovery Recovery) : ILoanFundEvent;

/// <summary>A member reached the graduation threshold and is referred to a bank (LOAN-02).</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The date.</param>
/// <param name="Referral">The referral.</param>
public sealed record MemberReferredToBank(GroupId Group, LocalDate Date, BankReferral Referral) : ILoanFundEvent;

/// <summary>The KSM borrowed from the UPK: the loan is booked into the group's loan fund (LOAN-01 b).</summary>
/// <param name="Group">The group.</param>
/// <param name="Date">The booking date.</param>
/// <param name="Amount">The amount the UPK lent.</param>
/// <param name="Entry">The ledger entry (<see cref="Savings.EntryKind.LoanCapitalAdded"/>).</param>
public sealed record UpkLoanReceived(GroupId Group, LocalDate Date, Rupiah Amount, EntryId Entry) : ILoanFundEvent;
