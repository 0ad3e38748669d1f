using KubeCore.Common;
using KubeCore.Meetings;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>The life of a loan in a group's revolving fund.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<LoanState>))]
public enum LoanState
{
    /// <summary>Applied for; awaiting the meeting's approval (LOAN-06).</summary>
    Applied = 1,

    /// <summary>Approved at a meeting with quorum; awaiting disbursement.</summary>
    Approved = 2,

    /// <summary>Disbursed; being repaid.</summary>
    Disbursed = 3,

    /// <summary>Fully repaid (principal and jasa), by the borrower or by tanggung renteng. Final.</summary>
    Repaid = 4,

    /// <summary>Withdrawn before disbursement (by the applicant, or declined by the meeting). Final.</summary>
    Withdrawn = 5,
}

/// <summary>The approval of a loan (LOAN-06, OFF-05): the meeting decision and the officer who signed it.</summary>
/// <param name="Decision">The meeting decision of kind <see cref="DecisionKind.LoanApproval"/>, taken with quorum.</param>
/// <param name="ApprovedBy">The officer (ketua, sekretaris or bendahara) who signed the approval on behalf of the meeting.</param>
/// <param name="ApprovedOn">The date of the decision.</param>
public sealed record LoanApproval(MeetingDecision Decision, PersonId ApprovedBy, LocalDate ApprovedOn);

/// <summary>
/// A member's loan from the group's revolving fund (pinjaman bergulir): its application, approval,
/// disbursement and repayment account. Changed only through <see cref="LoanRevolving"/>.
/// </summary>
public sealed class Loan
{
    /// <summary>
    /// The longest <see cref="WithdrawalReason"/>: 200 UTF-16 code units (as <see cref="string.Length"/> counts them; a
    /// design choice, the same as <see cref="LoanApplication.MaxPurposeLength"/>). A longer reason is refused with
    /// <see cref="LoanErrors.TextTooLong"/> (LOAN-06).
    /// </summary>
    public const int MaxWithdrawalReasonLength = 200;

    private readonly List<EntryId> _paymentEntries = [];
    private string? _repaymentReference;

    private Loan(LoanId id, PersonId borrower, LoanTerms terms, string purpose, LocalDate appliedOn, int memberLoanNumber)
    {
        Id = id;
        Borrower = borrower;
        Terms = terms;
        Purpose = purpose;
        AppliedOn = appliedOn;
        MemberLoanNumber = memberLoanNumber;
        State = LoanState.Applied;
        PaymentEntries = _paymentEntries.AsReadOnly();
    }

    /// <summary>The loan id (also the subject of its approval decision).</summary>
    public LoanId Id { get; }

    /// <summary>The borrowing member.</summary>
    public PersonId Borrower { get; }

    /// <summary>
    /// The terms. The service charge is the profile's <c>Loans.MonthlyServiceCharge</c> when the member
    /// applied: the meeting approves, and the member repays, the loan at that rate.
    /// </summary>
    public LoanTerms Terms { get; }

    /// <summary>The principal.</summary>
    public Rupiah Principal => Terms.Principal;

    /// <summary>What the loan is for (e.g. the member's business).</summary>
    public string Purpose { get; }

    /// <summary>The application date.</summary>
    public LocalDate AppliedOn { get; }

    /// <summary>The member's loan number in this group: 1 for a first loan (LOAN-02 first-loan ceiling), 2 and up for repeat loans.</summary>
    public int MemberLoanNumber { get; }

    /// <summary>True for the member's first loan.</summary>
    public bool IsFirstLoan => MemberLoanNumber == 1;

    /// <summary>The state.</summary>
    public LoanState State { get; private set; }

    /// <summary>The approval, once approved.</summary>
    public LoanApproval? Approval { get; private set; }

    /// <summary>The disbursement date, once disbursed.</summary>
    public LocalDate? DisbursedOn => Account?.Schedule.DisbursedOn;

    /// <summary>The ledger entry of the disbursement, once disbursed.</summary>
    public EntryId? DisbursementEntry { get; private set; }

    /// <summary>The repayment account (schedule and payments), once disbursed.</summary>
    public LoanAccount? Account { get; private set; }

    /// <summary>The repayment schedule, once disbursed.</summary>
    public RepaymentSchedule? Schedule => Account?.Schedule;

    /// <summary>The date the loan was repaid or withdrawn, once final.</summary>
    public LocalDate? ClosedOn { get; private set; }

    /// <summary>Why the application was withdrawn, when it was.</summary>
    public string? WithdrawalReason { get; private set; }

    /// <summary>True while the loan takes the member's one open slot (applied, approved or disbursed).</summary>
    public bool IsOpen => State is LoanState.Applied or LoanState.Approved or LoanState.Disbursed;

    /// <summary>True once disbursed (disbursed or repaid).</summary>
    public bool WasDisbursed => Account is not null;

    /// <summary>The schedule this loan would have if disbursed on <paramref name="disbursedOn"/> (for the meeting that approves it).</summary>
    public RepaymentSchedule ProjectedSchedule(LocalDate disbursedOn) => RepaymentSchedule.Compute(Terms, disbursedOn);

    /// <summary>The position as of <paramref name="asOf"/> (PORT-02: payments dated on or before it only).</summary>
    /// <exception cref="InvalidOperationException">The loan was never disbursed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the disbursement.</exception>
    public LoanStatus StatusAsOf(LocalDate asOf) =>
        (Account ?? throw new InvalidOperationException("The loan was never disbursed.")).StatusAsOf(asOf);

    /// <summary>True when disbursed on or before <paramref name="asOf"/> and, as of that date, in arrears.</summary>
    public bool HasArrearsAsOf(LocalDate asOf) => Account is { } a && a.Schedule.DisbursedOn <= asOf && a.HasArrearsAsOf(asOf);

    /// <summary>
    /// The ledger entry of each payment of <see cref="Account"/> (<see cref="LoanAccount.Payments"/>), in the same order:
    /// a <see cref="Savings.EntryKind.LoanRepayment"/> for the borrower's payments, a <see cref="Savings.EntryKind.RentengCover"/>
    /// for each tanggung renteng step.
    /// </summary>
    public IReadOnlyList<EntryId> PaymentEntries { get; }

    /// <summary>The reference of every repayment entry in the ledger ("Angsuran " and the loan id), made once.</summary>
    internal string RepaymentReference => _repaymentReference ??= $"Angsuran {Id}";

    /// <summary>A new applied loan (the fact's terms were checked by the caller).</summary>
    internal static Loan Applied(LoanId id, PersonId borrower, LoanTerms terms, string purpose, LocalDate appliedOn, int memberLoanNumber) =>
        new(id, borrower, terms, purpose, appliedOn, memberLoanNumber);

    internal void MarkApproved(LoanApproval approval)
    {
        Approval = approval;
        State = LoanState.Approved;
    }

    internal void MarkDisbursed(LocalDate date, EntryId entry)
    {
        Account = LoanAccount.Open(RepaymentSchedule.Compute(Terms, date));
        DisbursementEntry = entry;
        State = LoanState.Disbursed;
    }

    /// <summary>Appends a payment with its allocation (checked by the caller) and its ledger entry; closes the loan when repaid.</summary>
    internal void AddPayment(RecordedPayment payment, EntryId entry)
    {
        Account = Account!.AppendAllocated(payment);
        _paymentEntries.Add(entry);
        if (Account.IsRepaid)
        {
            State = LoanState.Repaid;
            ClosedOn = payment.Date;
        }
    }

    internal void MarkWithdrawn(LocalDate date, string reason)
    {
        State = LoanState.Withdrawn;
        ClosedOn = date;
        WithdrawalReason = reason;
    }

    /// <summary>Sets the final fields of a restored loan as stored (after its payments were added).</summary>
    internal void SetStored(LoanState state, LocalDate? closedOn, string? withdrawalReason)
    {
        State = state;
        ClosedOn = closedOn;
        WithdrawalReason = withdrawalReason;
    }

    /// <summary>The loan as stored.</summary>
    internal FundLoanState ToState()
    {
        var payments = new LoanPaymentState[_paymentEntries.Count];
        for (var i = 0; i < payments.Length; i++)
        {
            var p = Account!.Payments[i];
            var a = p.Allocation;
            payments[i] = new LoanPaymentState(p.Date, p.Amount, p.Source, a.DueServiceCharge, a.OverduePrincipal, a.CurrentPrincipal, a.PrepaidServiceCharge, a.PrepaidPrincipal, _paymentEntries[i]);
        }
        return new FundLoanState(
            Id, Borrower, Terms.Principal, Terms.TermMonths, Terms.Frequency, Terms.MonthlyServiceCharge, Purpose, AppliedOn, MemberLoanNumber, State,
            Approval is { } approval ? LoanRevolving.ApprovalState(approval) : null,
            DisbursedOn, DisbursementEntry, payments, ClosedOn, WithdrawalReason);
    }

    /// <summary>A one-line account of the loan.</summary>
    public override string ToString() => $"Loan {Id} to {Borrower}: {Principal}, {State}";
}
