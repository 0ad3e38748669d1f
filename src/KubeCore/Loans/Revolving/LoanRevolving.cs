using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Rules.Parameters;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>
/// A group's revolving loan fund (pinjaman bergulir, LOAN-01..09) on its <see cref="SavingsLedger"/>:
/// lending within the group (applications, approval at a meeting, disbursement, repayment, arrears, tanggung renteng
/// and its recovery, re-lending of repaid principal) and a KSM's loan from the UPK into the fund.
/// </summary>
/// <remarks>
/// <para><b>LOAN-01, two gates.</b> (a) Lending within the group may start as soon as a member asks, even at the first
/// meeting (seed 004 rule 4): the only gate is the profile's <c>Loans.MinSavingsMonthsBeforeInternalLending</c> (0 in
/// every built-in profile), see <see cref="MayLend"/>. (b) A KSM borrowing from the UPK needs
/// <c>Loans.MinSavingsMonthsBeforeUpkLoan</c> consecutive months of group savings (default 3) and the
/// joint-liability statement of every current member (<see cref="SignJointLiabilityStatement"/>), see
/// <see cref="AssessUpkAccess"/> and <see cref="BorrowFromUpk"/>. Both count months with the one
/// <see cref="ConsecutiveSavingsMonths"/>.</para>
/// <para><b>Flow.</b> <see cref="Apply"/> (eligibility <see cref="AssessApplication"/>: GRP-05/06, OFF-04, LOAN-01 a, -02, -03, -07) →
/// <see cref="Approve"/> at a meeting with quorum (LOAN-06) signed by an officer other than a borrowing
/// bendahara (OFF-05) → <see cref="Disburse"/> (eligibility again as of the disbursement date, and never
/// above the fund's available cash, LOAN-06) → <see cref="Repay"/> (LOAN-05) → <see cref="CoverArrears"/>
/// when the borrower has missed the renteng threshold (LOAN-08) → <see cref="Recover"/>. Repaid principal
/// goes back to the loan fund in the ledger, where the next disbursement finds it (LOAN-09).</para>
/// <para><b>Money.</b> Every movement is a ledger entry: a disbursement, a repayment (principal and jasa
/// parts), each step of a cover, each recovery line. The fund's available cash is the ledger's
/// <see cref="LedgerBalances.MaxDisbursement"/>: loan fund capital − outstanding principal, and never more than
/// the cash in hand.</para>
/// <para><b>Failures.</b> A refused operation throws <see cref="RuleViolationException"/> (with every violation
/// found) and changes nothing: neither the loans nor the ledger. Everything is checked before the first
/// ledger entry is posted; operations that post several entries (a cover, a recovery) check the ledger's
/// date rule (SAV-05) and every balance first.</para>
/// <para><b>Today and limits.</b> Disbursement, repayment, cover and recovery take the host's <see cref="HostToday"/>
/// and refuse a date after it (SAV-09); a date so close to 9999-12-31 that the repayment schedule cannot be dated is
/// refused with a code. An application's principal, and the schedule's total with jasa, stay within the profile's
/// <c>Savings.MaxSingleAmount</c> and the representable range (SAV-08), as does every amount the fund posts.</para>
/// <para>Not thread-safe: one writer at a time, the same writer as the ledger's.</para>
/// </remarks>
public sealed partial class LoanRevolving
{
    private readonly IGroupStanding _group;
    private readonly List<Loan> _loans = [];
    private readonly IReadOnlyList<Loan> _readOnlyLoans;
    private readonly Dictionary<LoanId, Loan> _byId = [];
    private readonly Dictionary<PersonId, JointLiabilityStatement> _statements = [];
    private readonly List<JointLiabilityStatement> _statementList = [];
    private readonly Dictionary<PersonId, BankReferral> _referrals = [];
    private readonly List<BankReferral> _referralList = [];
    private readonly List<RentengCover> _covers = [];
    private readonly List<RentengRecovery> _recoveries = [];
    private readonly List<UpkLoan> _upkLoans = [];
    private readonly List<ILoanFundEvent> _events = [];
    private readonly IReadOnlyList<ILoanFundEvent> _readOnlyEvents;
    private readonly List<LoanFundFact> _changes = [];
    private readonly SavingsMonthsIndex _savingsMonths;

    private LoanRevolving(IGroupStanding group, SavingsLedger ledger)
    {
        _group = group;
        Ledger = ledger;
        _savingsMonths = new SavingsMonthsIndex(ledger);
        _readOnlyLoans = _loans.AsReadOnly();
        _readOnlyEvents = _events.AsReadOnly();
    }

    /// <summary>The group.</summary>
    public GroupId Group => _group.Id;

    /// <summary>The group's standing (status, members, officers).</summary>
    public IGroupStanding Standing => _group;

    /// <summary>The group's profile (its parameters govern every rule here).</summary>
    public ProgramProfile Profile => _group.Profile;

    /// <summary>The group's ledger, where every money movement is posted.</summary>
    public SavingsLedger Ledger { get; }

    /// <summary>Every loan, in application order.</summary>
    public IReadOnlyList<Loan> Loans => _readOnlyLoans;

    /// <summary>The signed joint-liability statements, one per member who signed, in signing order.</summary>
    public IReadOnlyCollection<JointLiabilityStatement> Statements => _statementList.AsReadOnly();

    /// <summary>Members referred to a bank (LOAN-02 graduation), in the order referred.</summary>
    public IReadOnlyCollection<BankReferral> Referrals => _referralList.AsReadOnly();

    /// <summary>The tanggung renteng covers (LOAN-08), in the order made.</summary>
    public IReadOnlyList<RentengCover> Covers => _covers.AsReadOnly();

    /// <summary>The recoveries of covers (LOAN-08), in the order made.</summary>
    public IReadOnlyList<RentengRecovery> Recoveries => _recoveries.AsReadOnly();

    /// <summary>The loans received from the UPK (LOAN-01 b), in the order booked.</summary>
    public IReadOnlyList<UpkLoan> UpkLoans => _upkLoans.AsReadOnly();

    /// <summary>Domain events raised since the last <see cref="ClearEvents"/>, in order.</summary>
    public IReadOnlyList<ILoanFundEvent> Events => _readOnlyEvents;

    /// <summary>The fund's available cash now (LOAN-06): <see cref="LedgerBalances.MaxDisbursement"/>.</summary>
    public Rupiah AvailableToLend => Ledger.Balances.MaxDisbursement;

    /// <summary>Opens the revolving fund of <paramref name="group"/> on its ledger.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The ledger belongs to another group.</exception>
    public static LoanRevolving Open(IGroupStanding group, SavingsLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(ledger);
        Preconditions.CheckArgument(ledger.Group == group.Id, nameof(ledger), "The ledger belongs to another group.");
        return new LoanRevolving(group, ledger);
    }

    /// <summary>Clears <see cref="Events"/> (after the host has dispatched them).</summary>
    public void ClearEvents() => _events.Clear();

    /// <summary>The loan with this id.</summary>
    /// <exception cref="ArgumentException">No loan of this fund has the id.</exception>
    public Loan GetLoan(LoanId id) =>
        _byId.TryGetValue(id, out var loan) ? loan : throw new ArgumentException($"No loan {id} in this fund.", nameof(id));

    /// <summary>The member's bank referral, or null when not referred (LOAN-02).</summary>
    public BankReferral? ReferralOf(PersonId member) => _referrals.GetValueOrDefault(member);

    /// <summary>The member's joint-liability statement, or null.</summary>
    public JointLiabilityStatement? StatementOf(PersonId member) => _statements.GetValueOrDefault(member);

    // ------------------------------------------------------------------------------------------------
    // LOAN-01: savings history, lending within the group (a), the UPK loan and its joint-liability statements (b)
    // ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Records a current member's signed joint-liability statement (Pernyataan Kesanggupan Tanggung Renteng, LOAN-01 b):
    /// every current member's statement is needed before the KSM borrows from the UPK (<see cref="AssessUpkAccess"/>).
    /// Lending within the group does not need it.
    /// </summary>
    /// <exception cref="ArgumentException">The member id is the default id.</exception>
    /// <exception cref="RuleViolationException">SAV-01: the document reference is longer than <see cref="LedgerEntry.MaxReferenceLength"/>
    /// (<see cref="SavingsErrors.TextTooLong"/>, the limit of every reference the group's books keep); LOAN-01: not a current
    /// member, or already signed. Nothing changes.</exception>
    public JointLiabilityStatement SignJointLiabilityStatement(PersonId member, LocalDate signedOn, string? documentReference = null)
    {
        CheckId(member.Value, nameof(member));
        SavingsLedger.CheckText(documentReference);
        if (!_group.CurrentMembers.Contains(member))
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan01, LoanErrors.SignatoryNotMember, ("MemberId", member)));
        }
        if (_statements.TryGetValue(member, out var existing))
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan01, LoanErrors.StatementAlreadySigned, ("MemberId", member), ("SignedOn", existing.SignedOn)));
        }
        var statement = new JointLiabilityStatement(member, signedOn, documentReference ?? string.Empty);
        Record(new StatementSignedFact(statement));
        _events.Add(new JointLiabilityStatementSigned(Group, signedOn, member));
        return statement;
    }

    /// <summary>
    /// LOAN-01: the longest run of consecutive calendar months, all before the month of
    /// <paramref name="asOf"/>, in each of which at least one savings deposit was booked (and not reversed
    /// on or before <paramref name="asOf"/>, so the figure as of a date never changes later, PORT-02).
    /// The month of <paramref name="asOf"/> itself never counts (it is not complete).
    /// </summary>
    public int ConsecutiveSavingsMonths(LocalDate asOf) =>
        asOf.Calendar == CalendarSystem.Iso && _savingsMonths.TryConsecutiveMonths(asOf, out var months)
            ? months
            : ConsecutiveSavingsMonthsByRescan(Ledger, asOf);

    /// <summary>
    /// <see cref="ConsecutiveSavingsMonths"/> computed afresh from every entry of <paramref name="ledger"/> (the
    /// definition; the fund answers from its incremental <see cref="SavingsMonthsIndex"/>).
    /// </summary>
    internal static int ConsecutiveSavingsMonthsByRescan(SavingsLedger ledger, LocalDate asOf)
    {
        var months = new SortedSet<int>();
        var current = (asOf.Year * 12) + asOf.Month - 1;
        foreach (var entry in ledger.Entries)
        {
            if (entry.BookDate > asOf)
            {
                break;
            }
            if (entry.Kind == EntryKind.SavingsDeposit && !IsReversedOnOrBefore(ledger, entry.Id, asOf))
            {
                var month = (entry.BookDate.Year * 12) + entry.BookDate.Month - 1;
                if (month < current)
                {
                    months.Add(month);
                }
            }
        }
        int longest = 0, run = 0, previous = int.MinValue;
        foreach (var month in months)
        {
            run = month == previous + 1 ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = month;
        }
        return longest;
    }

    /// <summary>
    /// LOAN-01 (a) for the group as of <paramref name="asOf"/>: may it lend to its members? Lending within the group may
    /// start as soon as a member asks, even at the first meeting; the one check is the profile's minimum savings period
    /// (<c>Loans.MinSavingsMonthsBeforeInternalLending</c>, 0 in every built-in profile) against
    /// <see cref="ConsecutiveSavingsMonths"/>. The decision records both. No joint-liability statement is needed (that
    /// is gate (b), <see cref="AssessUpkAccess"/>).
    /// </summary>
    public Decision MayLend(LocalDate asOf)
    {
        var builder = new DecisionBuilder("Group may lend within the group (LOAN-01 a)", Profile, asOf);
        AddLendingChecks(builder, LendingOf(asOf));
        return builder.Build();
    }

    /// <summary>
    /// True when <see cref="MayLend"/> as of <paramref name="asOf"/> approves (LOAN-01 a), without building the decision:
    /// for a host that asks often (e.g. every week) and needs the explanation only when lending is refused.
    /// </summary>
    public bool CanLend(LocalDate asOf) => LendingOf(asOf).Holds;

    /// <summary>
    /// LOAN-01 (b) as of <paramref name="asOf"/>: may the KSM borrow from the UPK? Two checks, both recorded with their
    /// parameters: at least <c>Loans.MinSavingsMonthsBeforeUpkLoan</c> (default 3) <see cref="ConsecutiveSavingsMonths"/>
    /// (error <see cref="LoanErrors.UpkSavingsMonthsShort"/>), and, when
    /// <c>Loans.UpkLoanRequiresJointLiabilityStatement</c>, a joint-liability statement signed on or before the date by
    /// every current member (error <see cref="LoanErrors.StatementMissing"/>, naming the members without one).
    /// </summary>
    /// <remarks>
    /// Months are complete calendar months before the month of <paramref name="asOf"/>: a group that starts saving on
    /// 1 May counts May, June and July on 1 August (exactly 3 months), but only May and June on 30 July (2 months 29 days).
    /// </remarks>
    public Decision AssessUpkAccess(LocalDate asOf)
    {
        var builder = new DecisionBuilder("KSM may borrow from the UPK (LOAN-01 b)", Profile, asOf);
        AddUpkChecks(builder, UpkAccessOf(asOf));
        return builder.Build();
    }

    /// <summary>
    /// Books a loan from the UPK to the KSM into the group's loan fund (a <see cref="EntryKind.LoanCapitalAdded"/> entry:
    /// debit cash, credit loan fund) when <paramref name="date"/> is not after <paramref name="today"/> (SAV-09) and
    /// <see cref="AssessUpkAccess"/> approves as of <paramref name="date"/>, and raises
    /// <see cref="UpkLoanReceived"/>. This is the operation for a UPK loan: <see cref="SavingsLedger.AddLoanCapital"/>
    /// books other outside capital and checks no LOAN-01 gate.
    /// </summary>
    /// <exception cref="RuleViolationException">SAV-09: <paramref name="date"/> is after <paramref name="today"/>; LOAN-01 (b): too
    /// few months of savings, or a member's statement missing; the ledger's SAV-01 reference longer than
    /// <see cref="LedgerEntry.MaxReferenceLength"/> (<see cref="SavingsErrors.TextTooLong"/>), SAV-05 date, SAV-07 and
    /// SAV-08 amount rules. Nothing changes.</exception>
    public LedgerEntry BorrowFromUpk(HostToday today, LocalDate date, Rupiah amount, string? reference = null)
    {
        ThrowIfViolated(today.CheckNotAfter(date));
        AssessUpkAccess(date).ThrowIfRejected();
        var entry = Ledger.AddLoanCapital(today, date, amount, reference ?? "Pinjaman UPK");
        Record(new UpkLoanReceivedFact(new UpkLoan(date, amount, entry.Id)));
        _events.Add(new UpkLoanReceived(Group, date, amount, entry.Id));
        return entry;
    }

    // ------------------------------------------------------------------------------------------------
    // Eligibility, application, approval, disbursement
    // ------------------------------------------------------------------------------------------------

    /// <summary>
    /// The eligibility of <paramref name="application"/> as of its date, as a <see cref="Decision"/> that
    /// lists every check: GRP-05, GRP-06, OFF-04 (group standing); LOAN-01 a (borrower is a member; savings
    /// months against the profile's internal minimum, 0 in every built-in profile); LOAN-02 (bank referral, one open loan per member, first or repeat ceiling);
    /// LOAN-03 (term, frequency); LOAN-07 (member arrears and unrecovered cover, group arrears); LOAN-06 (a stated purpose:
    /// not blank, at most <see cref="LoanApplication.MaxPurposeLength"/> characters, <see cref="LoanRules.CheckPurpose"/>);
    /// SAV-08 (the principal within the profile's ceiling, the schedule's total representable); and a LOAN-06 warning when
    /// the fund's available cash is below the principal today.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="application"/> is null.</exception>
    public Decision AssessApplication(LoanApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return ApplicationDecision(application, EligibilityOf(application.Member, application.Principal, application.TermMonths, application.Frequency, application.AppliedOn, self: null));
    }

    private Decision ApplicationDecision(LoanApplication application, in EligibilityFacts facts)
    {
        var builder = Eligibility("Loan application", facts, application.Member, application.Principal, application.TermMonths, application.Frequency, application.AppliedOn);
        builder.Check(RuleIds.Loan06, LoanRules.CheckPurpose(application.Purpose), ("MaxLength", LoanApplication.MaxPurposeLength));
        builder.Check(RuleIds.Sav08, CheckAmounts(application.Principal, application.TermMonths), ("Savings.MaxSingleAmount", Profile.Savings.MaxSingleAmount), ("Principal", application.Principal));
        var available = AvailableToLend;
        if (application.Principal.IsPositive && application.Principal > available)
        {
            builder.Warn(AboveAvailableFund(application.Principal, available), ("Available", available));
        }
        return builder.Build();
    }

    /// <summary>
    /// Records an application when <see cref="AssessApplication"/> approves it; returns the new loan, whose id is the
    /// application's <see cref="LoanApplication.Loan"/> (the host's).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="application"/> is null.</exception>
    /// <exception cref="ArgumentException">A default loan or member id.</exception>
    /// <exception cref="RuleViolationException">LOAN-06 <see cref="LoanErrors.LoanIdTaken"/> when another loan of the fund has the id
    /// (checked first, alone); otherwise every failed check of the eligibility decision, among them LOAN-06
    /// <see cref="LoanErrors.PurposeMissing"/> when the purpose is null or blank (white space, invisible characters or controls
    /// only) and <see cref="LoanErrors.TextTooLong"/> when it is longer than <see cref="LoanApplication.MaxPurposeLength"/>.
    /// Nothing changes.</exception>
    public Loan Apply(LoanApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        CheckId(application.Loan.Value, nameof(application));
        CheckId(application.Member.Value, nameof(application));
        if (_byId.ContainsKey(application.Loan))
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan06, LoanErrors.LoanIdTaken, ("LoanId", application.Loan)));
        }
        var facts = EligibilityOf(application.Member, application.Principal, application.TermMonths, application.Frequency, application.AppliedOn, self: null);
        ApplicationDecision(application, facts).ThrowIfRejected();
        Record(new LoanAppliedFact(application.Loan, application.Member, application.Principal, application.TermMonths, application.Frequency,
            Profile.Loans.MonthlyServiceCharge, application.Purpose, application.AppliedOn, facts.PreviousLoans + 1));
        var loan = _byId[application.Loan];
        _events.Add(new LoanApplied(Group, application.AppliedOn, loan.Id, loan.Borrower, loan.Principal));
        return loan;
    }

    /// <summary>
    /// Approves an applied loan at a meeting (LOAN-06) signed by <paramref name="approvedBy"/> (OFF-05).
    /// </summary>
    /// <remarks>
    /// <b>Who approves.</b> The meeting decides; one officer (ketua, sekretaris or bendahara, holding that
    /// office when the approval is recorded) signs the approval on the meeting's behalf and is recorded as
    /// the approver. The decision must be a <see cref="DecisionKind.LoanApproval"/> of this group
    /// whose subject is the loan id (as <see cref="Meeting.ApproveLoan"/> makes it), taken on or after the
    /// application with quorum: <see cref="MeetingDecision.HadQuorum"/> and, re-checked under this group's
    /// profile, <see cref="Rules.Parameters.MeetingParameters.IsQuorum"/> of its presence. <b>OFF-05</b>
    /// (when <c>Officers.SegregateTreasurerLoans</c>): when the borrower is the current bendahara, the
    /// bendahara may not be the one who signs — another officer must.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    /// <exception cref="ArgumentException">Unknown loan, or a default id.</exception>
    /// <exception cref="RuleViolationException">LOAN-06 (state, kind, group, subject, date, quorum, approver) and OFF-05; nothing changes.</exception>
    public Loan Approve(LoanId loanId, MeetingDecision decision, PersonId approvedBy)
    {
        ArgumentNullException.ThrowIfNull(decision);
        CheckId(approvedBy.Value, nameof(approvedBy));
        var loan = GetLoan(loanId);
        var violations = new List<RuleViolation>();
        if (loan.State != LoanState.Applied)
        {
            violations.Add(WrongState(loan, LoanState.Applied));
        }
        if (decision.Kind != DecisionKind.LoanApproval)
        {
            violations.Add(RuleViolation.Of(RuleIds.Loan06, LoanErrors.NotALoanApproval, ("Kind", decision.Kind)));
        }
        if (decision.GroupId != Group)
        {
            violations.Add(RuleViolation.Of(RuleIds.Loan06, LoanErrors.DecisionOfOtherGroup, ("GroupId", decision.GroupId)));
        }
        if (!string.Equals(decision.Subject, loan.Id.ToString(), StringComparison.Ordinal))
        {
            violations.Add(RuleViolation.Of(RuleIds.Loan06, LoanErrors.DecisionSubjectMismatch, ("Subject", decision.Subject), ("LoanId", loan.Id)));
        }
        var present = decision.Present?.Count ?? 0;
        if (!decision.HadQuorum || !Profile.Meetings.IsQuorum(present, decision.MemberCount))
        {
            violations.Add(RuleViolation.Of(RuleIds.Loan06, LoanErrors.NoQuorum, ("Present", present), ("MemberCount", decision.MemberCount)));
        }
        if (decision.Date < loan.AppliedOn)
        {
            violations.Add(RuleViolation.Of(RuleIds.Loan06, LoanErrors.DecisionBeforeApplication, ("DecisionDate", decision.Date), ("AppliedOn", loan.AppliedOn)));
        }
        var officer = OfficeOf(approvedBy);
        if (officer is null)
        {
            violations.Add(RuleViolation.Of(RuleIds.Loan06, LoanErrors.ApproverNotOfficer, ("ApproverId", approvedBy)));
        }
        if (CheckSegregation(loan.Borrower, approvedBy) is { } segregation)
        {
            violations.Add(segregation);
        }
        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }
        Record(new LoanApprovedFact(loan.Id, ApprovalState(new LoanApproval(decision, approvedBy, decision.Date))));
        _events.Add(new LoanApproved(Group, decision.Date, loan.Id, decision.MeetingId, approvedBy));
        return loan;
    }

    /// <summary>
    /// OFF-05: null unless the profile segregates the bendahara's loans, <paramref name="borrower"/> is the
    /// current bendahara and <paramref name="approver"/> is that bendahara.
    /// </summary>
    public RuleViolation? CheckSegregation(PersonId borrower, PersonId approver) =>
        OfficerRules.CheckMayApproveLoan(_group, approver, borrower);

    /// <summary>Withdraws an application (applied or approved, not disbursed); frees the member's open slot.</summary>
    /// <exception cref="ArgumentException">Unknown loan.</exception>
    /// <exception cref="RuleViolationException">LOAN-06: the reason is null or blank (<see cref="LoanErrors.WithdrawalReasonRequired"/>:
    /// white space, invisible characters or controls only) or longer than <see cref="Loan.MaxWithdrawalReasonLength"/>
    /// (<see cref="LoanErrors.TextTooLong"/>); the loan is disbursed or closed. Nothing changes.</exception>
    public Loan Withdraw(LoanId loanId, LocalDate date, string reason)
    {
        if (LoanRules.CheckWithdrawalReason(reason) is { } refused)
        {
            throw new RuleViolationException(refused);
        }
        var loan = GetLoan(loanId);
        if (loan.State is not (LoanState.Applied or LoanState.Approved))
        {
            throw new RuleViolationException(WrongState(loan, LoanState.Applied));
        }
        Record(new LoanWithdrawnFact(loan.Id, date, reason));
        _events.Add(new LoanWithdrawn(Group, date, loan.Id, reason));
        return loan;
    }

    /// <summary>
    /// The decision to disburse an approved loan on <paramref name="date"/>: the eligibility checks of
    /// <see cref="AssessApplication"/> again as of that date (the loan itself excluded), then LOAN-06: the loan
    /// is approved, the date is not before the approval, and the principal is within the fund's available cash.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown loan.</exception>
    public Decision AssessDisbursement(LoanId loanId, LocalDate date)
    {
        var loan = GetLoan(loanId);
        return DisbursementDecision(loan, date, DisbursementEligibilityOf(loan, date));
    }

    private Decision DisbursementDecision(Loan loan, LocalDate date, in EligibilityFacts facts)
    {
        var builder = Eligibility("Loan disbursement", facts, loan.Borrower, loan.Principal, loan.Terms.TermMonths, loan.Terms.Frequency, date);
        builder.Check(RuleIds.Loan06, loan.State == LoanState.Approved ? null : WrongState(loan, LoanState.Approved), ("State", loan.State));
        if (loan.Approval is { } approval)
        {
            builder.Check(RuleIds.Loan06, date >= approval.ApprovedOn, () => RuleViolation.Of(RuleIds.Loan06, LoanErrors.DisbursementBeforeApproval, ("Date", date), ("ApprovedOn", approval.ApprovedOn)), ("ApprovedOn", approval.ApprovedOn));
            builder.Check(RuleIds.Off05, CheckSegregation(loan.Borrower, approval.ApprovedBy), ("Officers.SegregateTreasurerLoans", Profile.Officers.SegregateTreasurerLoans));
        }
        var available = AvailableToLend;
        builder.Check(RuleIds.Loan06, loan.Principal <= available, () => AboveAvailableFund(loan.Principal, available), ("Available", available), ("Principal", loan.Principal));
        return builder.Build();
    }

    /// <summary>
    /// Disburses an approved loan on <paramref name="date"/> when <see cref="AssessDisbursement"/> approves:
    /// posts the ledger entry and computes the schedule of the approved terms from the date (LOAN-03, LOAN-04). Raises <see cref="MemberReferredToBank"/> when this loan reaches the
    /// LOAN-02 graduation threshold.
    /// </summary>
    /// <param name="today">The host's today in the group's time zone (SAV-09).</param>
    /// <param name="loanId">The approved loan.</param>
    /// <param name="date">The disbursement date, not after today; the anchor of the schedule.</param>
    /// <exception cref="ArgumentException">Unknown loan.</exception>
    /// <exception cref="RuleViolationException">SAV-09 (after today, or a schedule past 9999-12-31), every failed check, or the ledger's refusal (SAV-05 date, SAV-02 cash, SAV-08); nothing changes.</exception>
    public Loan Disburse(HostToday today, LoanId loanId, LocalDate date)
    {
        var loan = GetLoan(loanId);
        ThrowIfViolated(today.CheckNotAfter(date) ?? CheckScheduleDates(loan.Terms.TermMonths, loan.Terms.Frequency, date));
        var facts = DisbursementEligibilityOf(loan, date);
        DisbursementDecision(loan, date, facts).ThrowIfRejected();
        var entry = Ledger.DisburseLoan(today, date, loan.Id, loan.Borrower, loan.Principal, Reference("Pencairan", loan.Id));
        // The member's disbursed loans, this one included.
        var count = facts.PreviousLoans + 1;
        var largest = Rupiah.Max(facts.LargestPrincipal, loan.Principal);
        BankReferral? referral = null;
        if (!_referrals.ContainsKey(loan.Borrower) && LoanRules.IsReferredToBank(count, largest, Profile.Loans))
        {
            var reason = count >= Profile.Loans.BankReferralAfterLoans ? BankReferralReason.LoanCount : BankReferralReason.Principal;
            referral = new BankReferral(loan.Borrower, date, reason, count, largest, loan.Id);
        }
        Record(new LoanDisbursedFact(loan.Id, date, entry.Id, referral));
        _events.Add(new LoanDisbursed(Group, date, loan.Id, loan.Borrower, loan.Principal, entry.Id));
        if (referral is not null)
        {
            _events.Add(new MemberReferredToBank(Group, date, referral));
        }
        return loan;
    }

    // ------------------------------------------------------------------------------------------------
    // LOAN-05 repayment, LOAN-08 tanggung renteng
    // ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Records a borrower's payment (LOAN-05): allocated jasa first, then overdue principal, then current
    /// principal, any excess prepaying later installments (see <see cref="LoanAccount"/>); posts one ledger
    /// entry with the principal (back in the loan fund, LOAN-09) and jasa (income) parts.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown loan.</exception>
    /// <exception cref="RuleViolationException">SAV-09 (after today), SAV-08 (above the ceiling), LOAN-05 (amount not positive, not disbursed, repaid, before disbursement, overpayment), PORT-02 (backdated), or the ledger's SAV-05 date rule; nothing changes.</exception>
    public PaymentAllocation Repay(HostToday today, LoanId loanId, LocalDate date, Rupiah amount)
    {
        var loan = GetLoan(loanId);
        ThrowIfViolated(today.CheckNotAfter(date) ?? Ledger.CheckCeiling(amount.Amount));
        var account = DisbursedAccount(loan);
        if (account.CheckPayment(date, amount) is { } violation)
        {
            throw new RuleViolationException(violation);
        }
        var allocation = account.AllocateChecked(date, amount, coverOnly: false);
        var entry = Ledger.RecordRepayment(today, date, loan.Id, allocation.Principal, allocation.ServiceCharge, loan.RepaymentReference);
        Record(new RepaymentRecordedFact(loan.Id, PaymentState(new RecordedPayment(date, amount, PaymentSource.Borrower, allocation), entry.Id)));
        _events.Add(new RepaymentRecorded(Group, date, loan.Id, allocation, entry.Id));
        if (loan.State == LoanState.Repaid)
        {
            _events.Add(new LoanRepaid(Group, date, loan.Id));
        }
        return allocation;
    }

    /// <summary>
    /// Tanggung renteng (LOAN-08): when the borrower has at least <c>Loans.RentengThresholdMissedInstallments</c>
    /// installments overdue as of <paramref name="date"/>, the arrears (overdue principal and jasa) are covered
    /// in this order, each step one ledger entry: (1) the borrower's own savings, up to their balance;
    /// (2) the IKS solidarity fund, up to its balance; (3) the other current members with savings, pro rata to
    /// their savings balances — each share truncated, the remaining rupiah handed out one each to the largest
    /// truncated fractions (ties: larger savings, then member id), so no member pays more than their savings.
    /// What no source can cover stays in arrears (<see cref="RentengCover.Shortfall"/>). Each step is applied to
    /// the loan as a cover payment that settles overdue installments only, jasa first (LOAN-05).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown loan.</exception>
    /// <exception cref="RuleViolationException">SAV-09 after today; LOAN-05 not disbursed / repaid / backdated; LOAN-08 below the threshold or nothing to cover with; SAV-05 date; SAV-08 a step above the ceiling or the totals out of range; nothing changes.</exception>
    public RentengCover CoverArrears(HostToday today, LoanId loanId, LocalDate date)
    {
        var loan = GetLoan(loanId);
        ThrowIfViolated(today.CheckNotAfter(date));
        var account = DisbursedAccount(loan);
        var threshold = Profile.Loans.RentengThresholdMissedInstallments;
        ThrowIfViolated(account.CheckDate(date));
        var status = account.StatusAsOf(date);
        if (status.InstallmentsOverdue < threshold)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan08, LoanErrors.BelowRentengThreshold, ("InstallmentsOverdue", status.InstallmentsOverdue), ("Threshold", threshold)));
        }
        ThrowIfViolated(Ledger.CheckDate(date));

        var arrears = status.Arrears;
        var remaining = arrears.Amount;
        var balances = Ledger.Balances;
        var own = Math.Min(remaining, balances.SavingsOf(loan.Borrower).Amount);
        remaining -= own;
        var iks = Math.Min(remaining, balances.Iks.Amount);
        remaining -= iks;
        var others = _group.CurrentMembers.Where(m => m != loan.Borrower)
            .Select(m => (Member: m, Savings: balances.SavingsOf(m).Amount))
            .Where(m => m.Savings > 0)
            .OrderBy(m => m.Member)
            .ToArray();
        var othersTotal = others.Sum(m => m.Savings);
        var fromOthers = Math.Min(remaining, othersTotal);
        remaining -= fromOthers;
        if (own + iks + fromOthers == 0)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan08, LoanErrors.NothingToCoverWith, ("Arrears", arrears)));
        }
        var shares = ProRata(fromOthers, others.Select(m => m.Savings).ToArray(), out var remainder);

        // Apply each step to the loan (pure) before posting anything.
        var plan = new List<(RentengSource Source, long Amount, PaymentAllocation Allocation, RentengContribution[] Contributions)>();
        var working = account;
        void Plan(RentengSource source, long amount, RentengContribution[] contributions)
        {
            if (amount <= 0)
            {
                return;
            }
            working = working.RecordCover(date, Rupiah.Of(amount));
            plan.Add((source, amount, working.LastPayment.Allocation, contributions));
        }
        Plan(RentengSource.BorrowerSavings, own, own > 0 ? [RentengContribution.FromBorrowerSavings(Rupiah.Of(own))] : []);
        Plan(RentengSource.Iks, iks, iks > 0 ? [RentengContribution.FromIks(Rupiah.Of(iks))] : []);
        Plan(RentengSource.MemberSavings, fromOthers, others.Select((m, i) => (m.Member, Share: shares[i])).Where(s => s.Share > 0)
            .Select(s => RentengContribution.FromMemberSavings(s.Member, Rupiah.Of(s.Share))).ToArray());

        // SAV-08 for every step before the first is posted.
        long planned = 0;
        foreach (var step in plan)
        {
            ThrowIfViolated(Ledger.CheckCeiling(step.Amount));
            planned = SavingsLedger.SaturatingAdd(planned, step.Amount);
        }
        ThrowIfViolated(Ledger.CheckTurnoverRoom(planned));

        var steps = new RentengStepState[plan.Count];
        var payments = new LoanPaymentState[plan.Count];
        for (var i = 0; i < plan.Count; i++)
        {
            var (source, amount, allocation, contributions) = plan[i];
            var entry = Ledger.CoverArrears(today, date, loan.Id, allocation.Principal, allocation.ServiceCharge, contributions, Reference("Tanggung renteng", loan.Id));
            steps[i] = new RentengStepState(source, Rupiah.Of(amount), allocation.Principal, allocation.ServiceCharge,
                Array.ConvertAll(contributions, c => new RentengContributionState(c.Source, c.Member, c.Amount)), entry.Id);
            payments[i] = PaymentState(new RecordedPayment(date, Rupiah.Of(amount), PaymentSource.JointLiability, allocation), entry.Id);
        }
        Record(new ArrearsCoveredFact(new RentengCoverState(loan.Id, loan.Borrower, date, status.InstallmentsOverdue, arrears, steps, Rupiah.Of(remainder), Rupiah.Of(remaining)), payments));
        var cover = _covers[^1];
        _events.Add(new ArrearsCoveredJointly(Group, date, cover));
        if (loan.State == LoanState.Repaid)
        {
            _events.Add(new LoanRepaid(Group, date, loan.Id));
        }
        return cover;
    }

    /// <summary>What the borrower of <paramref name="loanId"/> still owes those who covered for them (LOAN-08).</summary>
    /// <exception cref="ArgumentException">Unknown loan.</exception>
    public Rupiah RecoveryOwed(LoanId loanId) => RecoveryOwed(GetLoan(loanId));

    /// <summary>What <paramref name="member"/> owes over all their covered loans (LOAN-07, LOAN-08).</summary>
    public Rupiah RecoveryOwedBy(PersonId member)
    {
        var owed = Rupiah.Zero;
        foreach (var loan in _loans)
        {
            if (loan.Borrower == member && loan.WasDisbursed)
            {
                owed += RecoveryOwed(loan);
            }
        }
        return owed;
    }

    private Rupiah RecoveryOwed(Loan loan)
    {
        if (!loan.WasDisbursed)
        {
            return Rupiah.Zero;
        }
        var owed = Rupiah.Zero;
        foreach (var (_, claim) in Ledger.Balances.RentengClaimsOn(loan.Id))
        {
            owed += claim;
        }
        return owed;
    }

    /// <summary>
    /// The defaulter pays back <paramref name="amount"/> of what was covered for them (LOAN-08), to the
    /// claimants in the reverse of the cover order: first the other members, pro rata to their open claims
    /// (truncated shares, the remaining rupiah to the largest fractions, ties by larger claim then member id),
    /// then the IKS fund. One ledger entry per claimant repaid.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown loan.</exception>
    /// <exception cref="RuleViolationException">LOAN-05 amount not positive; SAV-09 after today; SAV-08 above the ceiling or the totals out of range; LOAN-08 nothing owed or above what is owed; SAV-05 date; nothing changes.</exception>
    public RentengRecovery Recover(HostToday today, LoanId loanId, LocalDate date, Rupiah amount)
    {
        var loan = GetLoan(loanId);
        ThrowIfViolated(LoanAccount.CheckAmount(amount) ?? today.CheckNotAfter(date) ?? Ledger.CheckCeiling(amount.Amount) ?? Ledger.CheckTurnoverRoom(amount.Amount));
        var owed = RecoveryOwed(loanId);
        if (owed == Rupiah.Zero)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan08, LoanErrors.NothingToRecover, ("MemberId", loan.Borrower)));
        }
        if (amount > owed)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan08, LoanErrors.RecoveryExceedsDebt, ("Amount", amount), ("Owed", owed)));
        }
        ThrowIfViolated(Ledger.CheckDate(date));
        var claims = Ledger.Balances.RentengClaimsOn(loan.Id);
        var members = claims.Where(c => !c.Claimant.IsIks && c.Claim.IsPositive).OrderBy(c => c.Claimant.Member!.Value).ToArray();
        var membersTotal = members.Sum(c => c.Claim.Amount);
        var toMembers = Math.Min(amount.Amount, membersTotal);
        var shares = ProRata(toMembers, members.Select(c => c.Claim.Amount).ToArray(), out _);
        var toIks = amount.Amount - toMembers;

        var lines = new List<RecoveryLineState>();
        for (var i = 0; i < members.Length; i++)
        {
            if (shares[i] > 0)
            {
                var entry = Ledger.RecoverCover(today, date, loan.Id, members[i].Claimant, Rupiah.Of(shares[i]), Reference("Pengembalian renteng", loan.Id));
                lines.Add(new RecoveryLineState(members[i].Claimant.Member, Rupiah.Of(shares[i]), entry.Id));
            }
        }
        if (toIks > 0)
        {
            var entry = Ledger.RecoverCover(today, date, loan.Id, RentengClaimant.Iks, Rupiah.Of(toIks), Reference("Pengembalian renteng", loan.Id));
            lines.Add(new RecoveryLineState(null, Rupiah.Of(toIks), entry.Id));
        }
        Record(new CoverRecoveredFact(new RentengRecoveryState(loan.Id, loan.Borrower, date, amount, lines.ToArray(), owed - amount)));
        var recovery = _recoveries[^1];
        _events.Add(new CoverRecovered(Group, date, recovery));
        return recovery;
    }

    // ------------------------------------------------------------------------------------------------
    // Positions and portfolio
    // ------------------------------------------------------------------------------------------------

    /// <summary>The position of a disbursed loan as of a date (PORT-02).</summary>
    /// <exception cref="ArgumentException">Unknown loan.</exception>
    /// <exception cref="InvalidOperationException">The loan was never disbursed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is before the disbursement.</exception>
    public LoanStatus StatusOf(LoanId loanId, LocalDate asOf) => GetLoan(loanId).StatusAsOf(asOf);

    /// <summary>A compact book of every disbursed loan as it stands (for <see cref="LoanBook.Evaluate"/>).</summary>
    public LoanBook Book() => LoanBook.Of(_loans.Where(l => l.Account is not null).Select(l => l.Account!));

    /// <summary>
    /// The fund's portfolio indicators as of <paramref name="asOf"/> (PORT-01, PORT-02). CCr's costs are the
    /// ledger's expenses of the year to date — cumulative expenses in the ledger snapshot as of the date minus
    /// those as of 31 December before (reversals count on their own book date) — and its income the jasa
    /// collected in the same period. ROI's capital is the loan fund's capital in the ledger snapshot as of the date.
    /// </summary>
    public PortfolioReport PortfolioAsOf(LocalDate asOf, CollectibilityScheme scheme = CollectibilityScheme.InstallmentsOverdue)
    {
        var snapshot = Ledger.SnapshotAsOf(asOf).Balances;
        var costs = snapshot.Expenses - Ledger.SnapshotAsOf(new LocalDate(asOf.Year, 1, 1).PlusDays(-1)).Balances.Expenses;
        return Book().Evaluate(asOf, Profile, new OperatingFigures(Rupiah.Max(Rupiah.Zero, costs), Rupiah.Zero, snapshot.LoanFund), scheme);
    }

    /// <summary>
    /// The installments of every disbursed loan falling due within <paramref name="from"/>..<paramref name="to"/>
    /// (both inclusive), each with whether it was settled — by the borrower or by tanggung renteng — by
    /// payments dated on or before <paramref name="asOf"/> (FIVE-05 evidence; PORT-02).
    /// </summary>
    public IReadOnlyList<DueInstallment> InstallmentsDueIn(LocalDate from, LocalDate to, LocalDate asOf)
    {
        var result = new List<DueInstallment>();
        foreach (var loan in _loans)
        {
            if (loan.Account is not { } account || account.Schedule.DisbursedOn > asOf)
            {
                continue;
            }
            foreach (var position in account.InstallmentsAsOf(asOf))
            {
                if (position.Installment.DueDate >= from && position.Installment.DueDate <= to)
                {
                    result.Add(new DueInstallment(loan.Id, loan.Borrower, position));
                }
            }
        }
        return result.AsReadOnly();
    }

    /// <summary>
    /// Loans whose outstanding principal in the ledger differs from their repayment account — empty when
    /// the fund and its ledger agree. A difference means a loan entry was posted or reversed in the ledger
    /// outside this fund (corrections of loan entries belong here, not in the ledger directly).
    /// </summary>
    public IReadOnlyList<(LoanId Loan, Rupiah InLedger, Rupiah InAccount)> ReconcileWithLedger() =>
        _loans.Where(l => l.Account is not null)
            .Select(l => (l.Id, InLedger: Ledger.OutstandingPrincipalOf(l.Id), InAccount: l.Account!.OutstandingPrincipal))
            .Where(x => x.InLedger != x.InAccount)
            .ToList()
            .AsReadOnly();

    // ------------------------------------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------------------------------------

    // Eligibility is computed once into EligibilityFacts with plain loops; the decision (every check with its
    // parameters) is built from those facts, and an operation proceeds only when that decision approves: the checks
    // are written once, as decision checks.
    private EligibilityFacts EligibilityOf(PersonId member, Rupiah principal, int termMonths, InstallmentFrequency frequency, LocalDate asOf, Loan? self)
    {
        var parameters = Profile.Loans;
        int previousCount = 0, loansInArrears = 0;
        var largest = Rupiah.Zero;
        var open = false;
        long memberArrears = 0, groupArrears = 0, recoveryOwed = 0;
        foreach (var loan in _loans)
        {
            var own = loan.Borrower == member;
            if (own && loan != self)
            {
                if (loan.WasDisbursed)
                {
                    previousCount++;
                    largest = Rupiah.Max(largest, loan.Principal);
                }
                open |= loan.IsOpen;
            }
            if (own && loan.WasDisbursed)
            {
                recoveryOwed = checked(recoveryOwed + RecoveryOwed(loan).Amount);
            }
            if (loan.HasArrearsAsOf(asOf))
            {
                var arrears = loan.StatusAsOf(asOf).Arrears.Amount;
                loansInArrears++;
                groupArrears = checked(groupArrears + arrears);
                if (own)
                {
                    memberArrears = checked(memberArrears + arrears);
                }
            }
        }
        return new EligibilityFacts(
            GroupStandingRules.CheckMayMoveMoney(_group),
            _group.CurrentMembers.Contains(member),
            LendingOf(asOf),
            previousCount,
            largest,
            open,
            LoanRules.CheckCeiling(principal, previousCount, parameters),
            LoanRules.CheckTerm(termMonths, parameters),
            LoanRules.CheckFrequency(frequency, parameters),
            Rupiah.Of(memberArrears),
            Rupiah.Of(recoveryOwed),
            loansInArrears,
            Rupiah.Of(groupArrears));
    }

    private DecisionBuilder Eligibility(string subject, in EligibilityFacts facts, PersonId member, Rupiah principal, int termMonths, InstallmentFrequency frequency, LocalDate asOf)
    {
        var parameters = Profile.Loans;
        var builder = new DecisionBuilder(subject, Profile, asOf);

        // Group standing: loans are blocked for an under-strength or inactive group, and without a bendahara.
        if (facts.Standing is { } standing)
        {
            builder.Check(standing.RuleId, standing, ("Status", _group.Status));
        }
        else
        {
            builder.Check(RuleIds.Grp05, null, ("Status", _group.Status));
            builder.Check(RuleIds.Grp06, null, ("Status", _group.Status));
            builder.Check(RuleIds.Off04, null, ("Bendahara", _group.OfficerHolding(OfficerRole.Bendahara)));
        }

        // LOAN-01
        builder.Check(RuleIds.Loan01, facts.IsMember, () => RuleViolation.Of(RuleIds.Loan01, LoanErrors.BorrowerNotMember, ("MemberId", member)), ("MemberId", member));
        AddLendingChecks(builder, facts.Lending);

        // LOAN-02
        var previousCount = facts.PreviousLoans;
        var largest = facts.LargestPrincipal;
        builder.Check(RuleIds.Loan02, !LoanRules.IsReferredToBank(previousCount, largest, parameters),
            () => RuleViolation.Of(RuleIds.Loan02, LoanErrors.ReferredToBank, ("MemberId", member), ("Loans", previousCount), ("LargestPrincipal", largest)),
            ("Loans.BankReferralAfterLoans", parameters.BankReferralAfterLoans), ("Loans.BankReferralPrincipal", parameters.BankReferralPrincipal), ("PreviousLoans", previousCount), ("LargestPrincipal", largest));
        builder.Check(RuleIds.Loan02, !facts.LoanOpen, () => RuleViolation.Of(RuleIds.Loan02, LoanErrors.LoanAlreadyOpen, ("MemberId", member)), ("MemberId", member));
        builder.Check(RuleIds.Loan02, facts.Ceiling,
            (previousCount == 0 ? "Loans.FirstLoanCeiling" : "Loans.RepeatLoanCeiling", previousCount == 0 ? parameters.FirstLoanCeiling : parameters.RepeatLoanCeiling), ("Principal", principal));

        // LOAN-03
        builder.Check(RuleIds.Loan03, facts.Term, ("Loans.MinTermMonths", parameters.MinTermMonths), ("Loans.MaxTermMonths", parameters.MaxTermMonths), ("TermMonths", termMonths));
        builder.Check(RuleIds.Loan03, facts.Frequency, ("Loans.AllowedFrequencies", parameters.AllowedFrequencies), ("Frequency", frequency));

        // LOAN-07
        var memberArrears = facts.MemberArrears;
        builder.Check(RuleIds.Loan07, memberArrears == Rupiah.Zero, () => RuleViolation.Of(RuleIds.Loan07, LoanErrors.MemberInArrears, ("MemberId", member), ("Arrears", memberArrears)), ("MemberArrears", memberArrears));
        var recoveryOwed = facts.RecoveryOwed;
        builder.Check(RuleIds.Loan07, recoveryOwed == Rupiah.Zero, () => RuleViolation.Of(RuleIds.Loan07, LoanErrors.MemberOwesRecovery, ("MemberId", member), ("Owed", recoveryOwed)), ("RecoveryOwed", recoveryOwed));
        var inArrears = facts.LoansInArrears;
        var groupArrears = facts.GroupArrears;
        builder.Check(RuleIds.Loan07, inArrears == 0, () => RuleViolation.Of(RuleIds.Loan07, LoanErrors.GroupInArrears, ("LoansInArrears", inArrears), ("Arrears", groupArrears)), ("LoansInArrears", inArrears), ("GroupArrears", groupArrears));
        return builder;
    }

    // The borrower's eligibility for disbursing loan (the loan itself not counted among their previous loans).
    private EligibilityFacts DisbursementEligibilityOf(Loan loan, LocalDate date) =>
        EligibilityOf(loan.Borrower, loan.Principal, loan.Terms.TermMonths, loan.Terms.Frequency, date, loan);

    // LOAN-01 (a), lending within the group: the savings months against the profile's internal minimum.
    private LendingFacts LendingOf(LocalDate asOf)
    {
        return new LendingFacts(ConsecutiveSavingsMonths(asOf), Profile.Loans.MinSavingsMonthsBeforeInternalLending, null);
    }

    // LOAN-01 (b), a KSM borrowing from the UPK: the savings months (the same count as gate a) and the members without a
    // statement signed on or before the date (null when the profile requires none).
    private LendingFacts UpkAccessOf(LocalDate asOf)
    {
        var parameters = Profile.Loans;
        var months = ConsecutiveSavingsMonths(asOf);
        if (!parameters.UpkLoanRequiresJointLiabilityStatement)
        {
            return new LendingFacts(months, parameters.MinSavingsMonthsBeforeUpkLoan, null);
        }
        List<PersonId>? missing = null;
        foreach (var member in _group.CurrentMembers)
        {
            if (!_statements.TryGetValue(member, out var signed) || signed.SignedOn > asOf)
            {
                (missing ??= []).Add(member);
            }
        }
        missing?.Sort();
        return new LendingFacts(months, parameters.MinSavingsMonthsBeforeUpkLoan, missing ?? []);
    }

    private void AddLendingChecks(DecisionBuilder builder, LendingFacts lending)
    {
        var required = lending.RequiredMonths;
        var months = lending.Months;
        builder.Check(RuleIds.Loan01, lending.MonthsHold,
            () => RuleViolation.Of(RuleIds.Loan01, LoanErrors.SavingsMonthsShort, ("Months", months), ("RequiredMonths", required)),
            ("Loans.MinSavingsMonthsBeforeInternalLending", required), ("Months", months));
    }

    private void AddUpkChecks(DecisionBuilder builder, LendingFacts access)
    {
        var required = access.RequiredMonths;
        var months = access.Months;
        builder.Check(RuleIds.Loan01, access.MonthsHold,
            () => RuleViolation.Of(RuleIds.Loan01, LoanErrors.UpkSavingsMonthsShort, ("Months", months), ("RequiredMonths", required)),
            ("Loans.MinSavingsMonthsBeforeUpkLoan", required), ("Months", months));
        if (access.MissingStatements is { } missing)
        {
            builder.Check(RuleIds.Loan01, access.StatementsHold,
                () => RuleViolation.Of(RuleIds.Loan01, LoanErrors.StatementMissing, ("Missing", missing.Count), ("MemberIds", string.Join(", ", missing))),
                ("Loans.UpkLoanRequiresJointLiabilityStatement", true), ("Missing", missing.Count));
        }
        else
        {
            builder.NotApplicable(RuleIds.Loan01, ("Loans.UpkLoanRequiresJointLiabilityStatement", false));
        }
    }

    private static bool IsReversedOnOrBefore(SavingsLedger ledger, EntryId entry, LocalDate asOf) =>
        ledger.ReversalOf(entry) is { } reversal && ledger.FindEntry(reversal) is { } r && r.BookDate <= asOf;

    private OfficerRole? OfficeOf(PersonId person)
    {
        foreach (var role in (ReadOnlySpan<OfficerRole>)[OfficerRole.Ketua, OfficerRole.Sekretaris, OfficerRole.Bendahara])
        {
            if (_group.OfficerHolding(role) == person)
            {
                return role;
            }
        }
        return null;
    }

    private LoanAccount DisbursedAccount(Loan loan) => loan.State switch
    {
        LoanState.Disbursed => loan.Account!,
        LoanState.Repaid => throw new RuleViolationException(LoanAccount.AlreadyRepaid(loan.ClosedOn)),
        _ => throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan05, LoanErrors.LoanNotDisbursed, ("LoanId", loan.Id))),
    };

    /// <summary>
    /// Splits <paramref name="amount"/> pro rata to <paramref name="weights"/> exactly (largest remainder):
    /// each share is truncated, then the remaining rupiah go one each to the largest truncated fractions
    /// (ties: larger weight, then lower index). No share exceeds its weight when amount ≤ Σ weights.
    /// </summary>
    internal static long[] ProRata(long amount, long[] weights, out long remainder)
    {
        var shares = new long[weights.Length];
        remainder = 0;
        if (amount == 0 || weights.Length == 0)
        {
            return shares;
        }
        Int128 total = 0;
        foreach (var w in weights)
        {
            total += w;
        }
        var fractions = new Int128[weights.Length];
        long assigned = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (Int128)amount * weights[i];
            shares[i] = (long)(exact / total);
            fractions[i] = exact % total;
            assigned += shares[i];
        }
        remainder = amount - assigned;
        var order = Enumerable.Range(0, weights.Length)
            .OrderByDescending(i => fractions[i]).ThenByDescending(i => weights[i]).ThenBy(i => i)
            .Take((int)remainder);
        foreach (var i in order)
        {
            shares[i]++;
        }
        return shares;
    }

    // SAV-08 for a loan's amounts: the principal within the ceiling, and principal plus the flat jasa over the term
    // (LOAN-04, computed exactly as the schedule does) representable.
    private RuleViolation? CheckAmounts(Rupiah principal, int termMonths)
    {
        if (Ledger.CheckCeiling(principal.Amount) is { } above)
        {
            return above;
        }
        var charge = (Int128)principal.Amount * Profile.Loans.MonthlyServiceCharge.BasisPoints * Math.Max(termMonths, 0) / Rate.BasisPointsPerWhole;
        return charge + principal.Amount > long.MaxValue
            ? SavingsLedger.TotalsOutOfRange(principal.Amount)
            : null;
    }

    // SAV-09: the last installment of a schedule disbursed on the date must fall within the ISO calendar (before 10000-01-01).
    private static RuleViolation? CheckScheduleDates(int termMonths, InstallmentFrequency frequency, LocalDate date)
    {
        var count = RepaymentSchedule.InstallmentCountFor(termMonths, frequency);
        var latest = frequency == InstallmentFrequency.Weekly ? LocalDate.MaxIsoValue.PlusWeeks(-count) : LocalDate.MaxIsoValue.PlusMonths(-count);
        return date <= latest ? null : SavingsLedger.DateOutOfRange(date);
    }

    private static RuleViolation AboveAvailableFund(Rupiah principal, Rupiah available) =>
        RuleViolation.Of(RuleIds.Loan06, LoanErrors.AboveAvailableFund, ("Principal", principal), ("Available", available));

    private static RuleViolation WrongState(Loan loan, LoanState required) =>
        RuleViolation.Of(RuleIds.Loan06, LoanErrors.WrongLoanState, ("LoanId", loan.Id), ("State", loan.State), ("Required", required));

    private static string Reference(string what, LoanId loan) => $"{what} {loan}";

    private static void CheckId(Guid value, string paramName) =>
        Preconditions.CheckArgument(value != Guid.Empty, paramName, "An identifier must not be the default (empty) id.");

    private static void ThrowIfViolated(RuleViolation? violation)
    {
        if (violation is not null)
        {
            throw new RuleViolationException(violation);
        }
    }
    // A LOAN-01 gate as of a date: the savings months and the months the gate requires, and (gate b) the members without a
    // signed statement (sorted; null for gate a and when the profile requires no statement). Its checks are written once,
    // here: the decision records each of them, and Holds (CanLend, the eligibility facts) is their conjunction.
    private readonly record struct LendingFacts(int Months, int RequiredMonths, List<PersonId>? MissingStatements)
    {
        public bool MonthsHold => Months >= RequiredMonths;

        public bool StatementsHold => MissingStatements is not { Count: > 0 };

        public bool Holds => MonthsHold && StatementsHold;
    }

    // What an eligibility decision checks (see Eligibility), computed once.
    private readonly record struct EligibilityFacts(
        RuleViolation? Standing,
        bool IsMember,
        LendingFacts Lending,
        int PreviousLoans,
        Rupiah LargestPrincipal,
        bool LoanOpen,
        RuleViolation? Ceiling,
        RuleViolation? Term,
        RuleViolation? Frequency,
        Rupiah MemberArrears,
        Rupiah RecoveryOwed,
        int LoansInArrears,
        Rupiah GroupArrears);
}
