using KubeCore.Common;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>A member's signed joint-liability statement (Pernyataan Kesanggupan Tanggung Renteng, LOAN-01).</summary>
/// <param name="Member">The member who signed.</param>
/// <param name="SignedOn">The date signed.</param>
/// <param name="DocumentReference">A reference to the signed paper (archive number), or empty.</param>
public sealed record JointLiabilityStatement(PersonId Member, LocalDate SignedOn, string DocumentReference);

/// <summary>Why a member is referred to a bank (LOAN-02 graduation).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<BankReferralReason>))]
public enum BankReferralReason
{
    /// <summary>The member has had <c>Loans.BankReferralAfterLoans</c> loans.</summary>
    LoanCount = 1,

    /// <summary>The member has had a loan of at least <c>Loans.BankReferralPrincipal</c>.</summary>
    Principal = 2,
}

/// <summary>
/// A member's referral to a formal bank (LOAN-02): after the profile's number of loans, or a loan of the
/// profile's referral principal, the UPK recommends the member to a bank and the group lends them no more.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="ReferredOn">The disbursement date of the loan that triggered the referral.</param>
/// <param name="Reason">What triggered it (the loan count takes precedence when both hold).</param>
/// <param name="LoansTaken">Loans disbursed to the member in this group.</param>
/// <param name="LargestPrincipal">The largest of those principals.</param>
/// <param name="TriggeringLoan">The loan whose disbursement triggered the referral.</param>
public sealed record BankReferral(PersonId Member, LocalDate ReferredOn, BankReferralReason Reason, int LoansTaken, Rupiah LargestPrincipal, LoanId TriggeringLoan);

/// <summary>One step of a tanggung renteng cover (LOAN-08), posted as one ledger entry.</summary>
/// <param name="Source">Where the money came from, in the LOAN-08 order.</param>
/// <param name="Amount">The step's total.</param>
/// <param name="Principal">The part that settled overdue principal.</param>
/// <param name="ServiceCharge">The part that settled overdue jasa.</param>
/// <param name="Contributions">The contributions (one for the borrower's savings or IKS; one per other member, pro rata).</param>
/// <param name="Entry">The ledger entry.</param>
public sealed record RentengStep(RentengSource Source, Rupiah Amount, Rupiah Principal, Rupiah ServiceCharge, IReadOnlyList<RentengContribution> Contributions, EntryId Entry);

/// <summary>
/// The result of covering a defaulter's arrears by tanggung renteng (LOAN-08).
/// </summary>
/// <param name="Loan">The loan covered.</param>
/// <param name="Borrower">The defaulting borrower.</param>
/// <param name="Date">The date of the cover.</param>
/// <param name="InstallmentsOverdue">Installments overdue when covered (at least the renteng threshold).</param>
/// <param name="Arrears">The arrears to cover (overdue principal and jasa).</param>
/// <param name="Steps">The steps taken, in order: the borrower's savings, the IKS fund, the other members pro rata.</param>
/// <param name="ProRataRemainder">
/// In the members' step, the rupiah left after every share was truncated, handed out one rupiah each to
/// the members with the largest truncated fractions (ties: larger savings, then member id).</param>
/// <param name="Shortfall">What could not be covered because every source ran dry; it stays in arrears.</param>
public sealed record RentengCover(LoanId Loan, PersonId Borrower, LocalDate Date, int InstallmentsOverdue, Rupiah Arrears, IReadOnlyList<RentengStep> Steps, Rupiah ProRataRemainder, Rupiah Shortfall)
{
    /// <summary>What was covered.</summary>
    public Rupiah Covered => Rupiah.Sum(Steps.Select(s => s.Amount));
}

/// <summary>One repayment of a cover to a party that covered (LOAN-08 recovery), posted as one ledger entry.</summary>
/// <param name="Claimant">Who is repaid: a member (to their savings) or the IKS fund.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Entry">The ledger entry.</param>
public sealed record RecoveryLine(RentengClaimant Claimant, Rupiah Amount, EntryId Entry);

/// <summary>
/// The result of a defaulter paying back the group (LOAN-08): the claims are repaid in the reverse of
/// the cover order — first the other members, pro rata to their open claims, then the IKS fund. (The
/// borrower's own savings create no claim: the borrower paid their own debt.)
/// </summary>
/// <param name="Loan">The covered loan.</param>
/// <param name="Borrower">The defaulter.</param>
/// <param name="Date">The date.</param>
/// <param name="Amount">What the defaulter paid.</param>
/// <param name="Lines">One line per claimant repaid.</param>
/// <param name="StillOwed">What the defaulter still owes on the loan's claims afterwards.</param>
public sealed record RentengRecovery(LoanId Loan, PersonId Borrower, LocalDate Date, Rupiah Amount, IReadOnlyList<RecoveryLine> Lines, Rupiah StillOwed);

/// <summary>An installment falling due in a period, with its position (see <see cref="LoanRevolving.InstallmentsDueIn"/>).</summary>
/// <param name="Loan">The loan.</param>
/// <param name="Borrower">The borrower.</param>
/// <param name="Position">The installment and what was paid of it as of the date asked.</param>
public sealed record DueInstallment(LoanId Loan, PersonId Borrower, InstallmentPosition Position)
{
    /// <summary>True when fully paid (by the borrower or by tanggung renteng).</summary>
    public bool IsSettled => Position.IsSettled;
}

/// <summary>A loan the KSM received from the UPK into its loan fund (LOAN-01 b, <see cref="LoanRevolving.BorrowFromUpk"/>).</summary>
/// <param name="Date">The booking date.</param>
/// <param name="Amount">The amount the UPK lent.</param>
/// <param name="Entry">The ledger entry (<see cref="EntryKind.LoanCapitalAdded"/>).</param>
public sealed record UpkLoan(LocalDate Date, Rupiah Amount, EntryId Entry);
