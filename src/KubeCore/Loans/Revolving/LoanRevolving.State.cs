using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Meetings;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Loans;

/// <content>Stored state, restore and changes as facts (issue #13).</content>
public sealed partial class LoanRevolving
{
    private const string Aggregate = nameof(LoanRevolving);

    /// <summary>The fund as a plain-data state for the host's store (see <see cref="LoanRevolvingState"/>).</summary>
    public LoanRevolvingState ToState() => new(
        LoanRevolvingState.CurrentFormat,
        Group,
        _loans.Select(l => l.ToState()).ToArray(),
        _statementList.ToArray(),
        _referralList.ToArray(),
        _covers.Select(CoverState).ToArray(),
        _recoveries.Select(RecoveryState).ToArray(),
        _upkLoans.ToArray());

    /// <summary>
    /// The facts recorded since the fund was opened or restored, or since the last call, in order; clears them (a second
    /// call returns nothing new). Store them after a state, and <see cref="Restore(LoanRevolvingState, IEnumerable{LoanFundFact}, SavingsLedger, IGroupStanding)"/>
    /// brings the fund back to where it is now.
    /// </summary>
    public IReadOnlyList<LoanFundFact> TakeChanges()
    {
        var taken = _changes.ToArray();
        _changes.Clear();
        return taken;
    }

    /// <summary>
    /// Restores a fund from its stored state on its already restored ledger. Checks the state's STRUCTURE only and never
    /// re-runs a LOAN rule (a loan today's rules would refuse restores): the format; the group; no repeated loan id,
    /// statement, referral or ledger entry; each loan's fields agree with its state (an approved loan has an approval, a
    /// disbursed one its disbursement, a withdrawn or repaid one its closing date; a loan is repaid exactly when its
    /// payments settle its schedule); each payment's parts add up, its date does not go back, and it stays within the
    /// schedule; and every ledger entry the fund names exists in <paramref name="ledger"/> with the kind, loan, date and
    /// amounts the fund holds (the disbursement, each repayment and tanggung renteng step, each recovery line, each UPK
    /// loan). Schedules are recomputed from the stored terms (a pure function of them).
    /// </summary>
    /// <param name="state">The stored state.</param>
    /// <param name="ledger">The group's ledger, restored first (it may be later than the state: it holds the entries of facts applied after it).</param>
    /// <param name="group">The group's standing now (its profile governs new operations).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The ledger belongs to another group than <paramref name="group"/>.</exception>
    /// <exception cref="StateRestoreException">The state is in another format, or broken (the part is named).</exception>
    public static LoanRevolving Restore(LoanRevolvingState state, SavingsLedger ledger, IGroupStanding group)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(group);
        Preconditions.CheckArgument(ledger.Group == group.Id, nameof(ledger), "The ledger belongs to another group.");
        StateRestoreException.CheckFormat(Aggregate, state.Format, LoanRevolvingState.CurrentFormat);
        Check(state.Group == group.Id, "Group", $"the state is of group {state.Group}, not {group.Id}");
        Check(state.Loans is not null, "Loans", "missing");
        Check(state.Statements is not null, "Statements", "missing");
        Check(state.Referrals is not null, "Referrals", "missing");
        Check(state.Covers is not null, "Covers", "missing");
        Check(state.Recoveries is not null, "Recoveries", "missing");
        Check(state.UpkLoans is not null, "UpkLoans", "missing");

        var fund = new LoanRevolving(group, ledger);
        var entries = new HashSet<EntryId>();
        for (var i = 0; i < state.Loans.Count; i++)
        {
            fund.RestoreLoan(state.Loans[i], $"Loans[{i}]", entries);
        }
        for (var i = 0; i < state.Statements.Count; i++)
        {
            fund.AddStatement(state.Statements[i], $"Statements[{i}]");
        }
        for (var i = 0; i < state.Referrals.Count; i++)
        {
            var part = $"Referrals[{i}]";
            var referral = state.Referrals[i];
            Check(referral is not null, part, "missing");
            Check(fund._byId.TryGetValue(referral!.TriggeringLoan, out var loan) && loan.Borrower == referral.Member, $"{part}.TriggeringLoan",
                "no loan of the member has the id");
            fund.AddReferral(referral, part);
        }
        for (var i = 0; i < state.Covers.Count; i++)
        {
            var part = $"Covers[{i}]";
            var cover = state.Covers[i];
            Check(cover?.Steps is not null, part, "missing");
            var loan = fund.LoanFor(cover!.Loan, part + ".Loan");
            for (var k = 0; k < cover.Steps.Count; k++)
            {
                var step = cover.Steps[k];
                var at = step is null ? -1 : IndexOf(loan.PaymentEntries, step.Entry);
                Check(at >= 0 && loan.Account!.Payments[at].Source == PaymentSource.JointLiability && loan.Account.Payments[at].Amount == step!.Amount,
                    $"{part}.Steps[{k}].Entry", "not a tanggung renteng payment of the loan with the step's amount");
            }
            fund._covers.Add(fund.CoverFrom(cover, part));
        }
        for (var i = 0; i < state.Recoveries.Count; i++)
        {
            fund.AddRecovery(state.Recoveries[i], $"Recoveries[{i}]", entries);
        }
        for (var i = 0; i < state.UpkLoans.Count; i++)
        {
            fund.AddUpkLoan(state.UpkLoans[i], $"UpkLoans[{i}]", entries);
        }
        return fund;
    }

    /// <summary>
    /// Restores a fund from a stored state and the facts taken (<see cref="TakeChanges"/>) after it, in order: the state
    /// as <see cref="Restore(LoanRevolvingState, SavingsLedger, IGroupStanding)"/> does, then each fact with the same
    /// structural checks (a fact names a loan of the fund in the state its change needs, and the ledger entries it names
    /// exist and agree). No LOAN rule runs. The restored fund's <see cref="TakeChanges"/> starts empty.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The ledger belongs to another group than <paramref name="group"/>.</exception>
    /// <exception cref="StateRestoreException">The state or a fact is broken (the part is named, e.g. <c>Changes[4].Payment.Entry</c>).</exception>
    public static LoanRevolving Restore(LoanRevolvingState state, IEnumerable<LoanFundFact> changes, SavingsLedger ledger, IGroupStanding group)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var fund = Restore(state, ledger, group);
        var i = 0;
        foreach (var fact in changes)
        {
            var part = $"Changes[{i++}]";
            Check(fact is not null, part, "missing");
            fund.ApplyFact(fact!, part);
        }
        return fund;
    }

    // A live operation records its change: the one path that changes the fund, also taken on restore.
    private void Record(LoanFundFact fact)
    {
        ApplyFact(fact, null);
        _changes.Add(fact);
    }

    // Applies a fact. part is null for a live fact (its rules have just passed, so nothing is checked) and names the fact
    // on restore, where every structural check runs and a failure throws StateRestoreException naming the part.
    private void ApplyFact(LoanFundFact fact, string? part)
    {
        switch (fact)
        {
            case StatementSignedFact f:
                AddStatement(f.Statement, Sub(part, ".Statement"));
                break;
            case LoanAppliedFact f:
                {
                    if (part is not null)
                    {
                        Check(f.Loan.Value != Guid.Empty && !_byId.ContainsKey(f.Loan), $"{part}.Loan", "the loan id is empty or taken");
                        Check(f.Borrower.Value != Guid.Empty, $"{part}.Borrower", "empty id");
                        Check(f.Purpose is not null, $"{part}.Purpose", "missing");
                        Check(f.MemberLoanNumber >= 1, $"{part}.MemberLoanNumber", "below 1");
                    }
                    var terms = TermsOf(f.Principal, f.TermMonths, f.Frequency, f.MonthlyServiceCharge, part);
                    AddLoan(Loan.Applied(f.Loan, f.Borrower, terms, f.Purpose!, f.AppliedOn, f.MemberLoanNumber));
                    break;
                }
            case LoanApprovedFact f:
                {
                    var loan = LoanFor(f.Loan, Sub(part, ".Loan"));
                    CheckIf(part, loan.State == LoanState.Applied, ".Loan", "the loan is not applied");
                    loan.MarkApproved(ApprovalFrom(f.Approval, Sub(part, ".Approval")));
                    break;
                }
            case LoanWithdrawnFact f:
                {
                    var loan = LoanFor(f.Loan, Sub(part, ".Loan"));
                    CheckIf(part, loan.State is LoanState.Applied or LoanState.Approved, ".Loan", "the loan is neither applied nor approved");
                    CheckIf(part, f.Reason is not null, ".Reason", "missing");
                    loan.MarkWithdrawn(f.Date, f.Reason!);
                    break;
                }
            case LoanDisbursedFact f:
                {
                    var loan = LoanFor(f.Loan, Sub(part, ".Loan"));
                    if (part is not null)
                    {
                        Check(loan.State == LoanState.Approved, $"{part}.Loan", "the loan is not approved");
                        CheckEntry(f.Entry, EntryKind.LoanDisbursement, loan, f.Date, loan.Principal, part + ".Entry");
                        Check(f.Referral is null || (f.Referral.Member == loan.Borrower && f.Referral.TriggeringLoan == loan.Id), $"{part}.Referral",
                            "the referral is not of this loan's borrower and loan");
                    }
                    Disbursed(loan, f.Date, f.Entry, Sub(part, ".Date"));
                    if (f.Referral is not null)
                    {
                        AddReferral(f.Referral, Sub(part, ".Referral"));
                    }
                    break;
                }
            case RepaymentRecordedFact f:
                {
                    var loan = LoanFor(f.Loan, Sub(part, ".Loan"));
                    CheckIf(part, loan.State == LoanState.Disbursed, ".Loan", "the loan is not disbursed and open");
                    CheckIf(part, f.Payment?.Source == PaymentSource.Borrower, ".Payment.Source", "not the borrower's payment");
                    AddPayment(loan, f.Payment!, Sub(part, ".Payment"), null);
                    break;
                }
            case ArrearsCoveredFact f:
                {
                    CheckIf(part, f.Cover?.Steps is not null && f.Payments is not null && f.Payments.Count == f.Cover.Steps.Count, ".Payments",
                        "one payment per step of the cover");
                    var loan = LoanFor(f.Cover!.Loan, Sub(part, ".Cover.Loan"));
                    CheckIf(part, loan.State == LoanState.Disbursed, ".Cover.Loan", "the loan is not disbursed and open");
                    for (var i = 0; i < f.Payments!.Count; i++)
                    {
                        var payment = f.Payments[i];
                        CheckIf(part, payment is not null && payment.Source == PaymentSource.JointLiability && payment.Entry == f.Cover.Steps[i]?.Entry
                            && payment.Amount == f.Cover.Steps[i].Amount && payment.Date == f.Cover.Date,
                            $".Payments[{i}]", "not the tanggung renteng payment of the step");
                        AddPayment(loan, payment!, Sub(part, $".Payments[{i}]"), null);
                    }
                    _covers.Add(CoverFrom(f.Cover, Sub(part, ".Cover")));
                    break;
                }
            case CoverRecoveredFact f:
                AddRecovery(f.Recovery, Sub(part, ".Recovery"), null);
                break;
            case UpkLoanReceivedFact f:
                AddUpkLoan(f.Loan, Sub(part, ".Loan"), null);
                break;
            default:
                CheckIf(part ?? throw new ArgumentException("Unknown fact.", nameof(fact)), false, string.Empty, $"unknown fact {fact.GetType().Name}");
                break;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Restoring the parts
    // ------------------------------------------------------------------------------------------------

    private void RestoreLoan(FundLoanState? s, string part, HashSet<EntryId> entries)
    {
        Check(s is not null, part, "missing");
        Check(s!.Id.Value != Guid.Empty, $"{part}.Id", "empty id");
        Check(!_byId.ContainsKey(s.Id), $"{part}.Id", $"loan {s.Id} appears twice");
        Check(s.Borrower.Value != Guid.Empty, $"{part}.Borrower", "empty id");
        Check(s.Purpose is not null, $"{part}.Purpose", "missing");
        Check(s.MemberLoanNumber >= 1, $"{part}.MemberLoanNumber", "below 1");
        Check(s.Payments is not null, $"{part}.Payments", "missing");
        Check(Enum.IsDefined(s.State), $"{part}.State", $"unknown state {s.State}");
        var terms = TermsOf(s.Principal, s.TermMonths, s.Frequency, s.MonthlyServiceCharge, part);

        var approved = s.State is LoanState.Approved or LoanState.Disbursed or LoanState.Repaid;
        var disbursed = s.State is LoanState.Disbursed or LoanState.Repaid;
        var closed = s.State is LoanState.Repaid or LoanState.Withdrawn;
        Check(s.Approval is not null || !approved, $"{part}.Approval", $"a loan {s.State} needs its approval");
        Check(s.State != LoanState.Applied || s.Approval is null, $"{part}.Approval", "an applied loan has no approval yet");
        Check((s.DisbursedOn is not null) == disbursed, $"{part}.DisbursedOn", $"the disbursement date disagrees with the state {s.State}");
        Check((s.DisbursementEntry is not null) == disbursed, $"{part}.DisbursementEntry", $"the disbursement entry disagrees with the state {s.State}");
        Check(disbursed || s.Payments!.Count == 0, $"{part}.Payments", "a loan not disbursed has no payments");
        Check((s.ClosedOn is not null) == closed, $"{part}.ClosedOn", $"the closing date disagrees with the state {s.State}");
        Check((s.WithdrawalReason is not null) == (s.State == LoanState.Withdrawn), $"{part}.WithdrawalReason", $"the withdrawal reason disagrees with the state {s.State}");

        var loan = Loan.Applied(s.Id, s.Borrower, terms, s.Purpose!, s.AppliedOn, s.MemberLoanNumber);
        if (s.Approval is not null)
        {
            loan.MarkApproved(ApprovalFrom(s.Approval, part + ".Approval"));
        }
        if (disbursed)
        {
            var entry = s.DisbursementEntry!.Value;
            Check(entries.Add(entry), $"{part}.DisbursementEntry", $"entry {entry} is named twice");
            CheckEntry(entry, EntryKind.LoanDisbursement, loan, s.DisbursedOn!.Value, loan.Principal, part + ".DisbursementEntry");
            Disbursed(loan, s.DisbursedOn.Value, entry, part + ".DisbursedOn");
            for (var i = 0; i < s.Payments!.Count; i++)
            {
                Check(loan.State == LoanState.Disbursed, $"{part}.Payments[{i}]", "a payment after the loan was repaid");
                AddPayment(loan, s.Payments[i], $"{part}.Payments[{i}]", entries);
            }
            Check((s.State == LoanState.Repaid) == loan.Account!.IsRepaid, $"{part}.State",
                $"the loan is {s.State} but its payments leave {loan.Account.Outstanding} owed");
        }
        loan.SetStored(s.State, s.ClosedOn, s.WithdrawalReason);
        AddLoan(loan);
    }

    private void AddLoan(Loan loan)
    {
        _loans.Add(loan);
        _byId.Add(loan.Id, loan);
    }

    private void Disbursed(Loan loan, LocalDate date, EntryId entry, string? part)
    {
        try
        {
            loan.MarkDisbursed(date, entry);
        }
        catch (ArgumentException) when (part is not null)
        {
            throw StateRestoreException.Broken(Aggregate, part, "the schedule cannot be dated from this date");
        }
    }

    private void AddPayment(Loan loan, LoanPaymentState p, string? part, HashSet<EntryId>? entries)
    {
        if (part is not null)
        {
            var account = loan.Account!;
            Check(p is not null, part, "missing");
            Check(Enum.IsDefined(p!.Source), $"{part}.Source", $"unknown source {p.Source}");
            Check(p.Amount.IsPositive, $"{part}.Amount", "not positive");
            Check(p.DueServiceCharge.Amount >= 0 && p.OverduePrincipal.Amount >= 0 && p.CurrentPrincipal.Amount >= 0 && p.PrepaidServiceCharge.Amount >= 0
                && p.PrepaidPrincipal.Amount >= 0, part, "a negative part");
            var principal = (Int128)p.OverduePrincipal.Amount + p.CurrentPrincipal.Amount + p.PrepaidPrincipal.Amount;
            var charge = (Int128)p.DueServiceCharge.Amount + p.PrepaidServiceCharge.Amount;
            Check(principal + charge == p.Amount.Amount, $"{part}.Amount", "the parts do not add up to the amount");
            Check(p.Date >= account.Schedule.DisbursedOn, $"{part}.Date", "before the disbursement");
            Check(account.LastPaymentDate is not { } last || p.Date >= last, $"{part}.Date", "before the previous payment");
            Check(account.PrincipalRepaid.Amount + principal <= account.Schedule.Principal.Amount, part, "more principal than the schedule's");
            Check(account.ServiceChargePaid.Amount + charge <= account.Schedule.TotalServiceCharge.Amount, part, "more jasa than the schedule's");
            Check(entries is null || entries.Add(p.Entry), $"{part}.Entry", $"entry {p.Entry} is named twice");
            CheckEntry(p.Entry, p.Source == PaymentSource.Borrower ? EntryKind.LoanRepayment : EntryKind.RentengCover, loan, p.Date, p.Amount, part + ".Entry",
                Rupiah.Of((long)principal));
        }
        var allocation = new PaymentAllocation(p.Date, p.Amount, p.DueServiceCharge, p.OverduePrincipal, p.CurrentPrincipal, p.PrepaidServiceCharge, p.PrepaidPrincipal);
        loan.AddPayment(new RecordedPayment(p.Date, p.Amount, p.Source, allocation), p.Entry);
    }

    private void AddStatement(JointLiabilityStatement statement, string? part)
    {
        if (part is not null)
        {
            Check(statement is not null, part, "missing");
            Check(statement!.Member.Value != Guid.Empty, $"{part}.Member", "empty id");
            Check(!_statements.ContainsKey(statement.Member), $"{part}.Member", $"member {statement.Member} signed twice");
            Check(statement.DocumentReference is not null, $"{part}.DocumentReference", "missing");
        }
        _statements.Add(statement.Member, statement);
        _statementList.Add(statement);
    }

    private void AddReferral(BankReferral referral, string? part)
    {
        if (part is not null)
        {
            Check(referral.Member.Value != Guid.Empty, $"{part}.Member", "empty id");
            Check(!_referrals.ContainsKey(referral.Member), $"{part}.Member", $"member {referral.Member} is referred twice");
            Check(Enum.IsDefined(referral.Reason), $"{part}.Reason", $"unknown reason {referral.Reason}");
        }
        _referrals.Add(referral.Member, referral);
        _referralList.Add(referral);
    }

    private void AddRecovery(RentengRecoveryState r, string? part, HashSet<EntryId>? entries)
    {
        if (part is not null)
        {
            Check(r?.Lines is not null, part, "missing");
            var loan = LoanFor(r!.Loan, part + ".Loan");
            Check(loan.WasDisbursed && loan.Borrower == r.Borrower, $"{part}.Loan", "not a disbursed loan of the borrower");
            Check(r.Amount.IsPositive, $"{part}.Amount", "not positive");
            Int128 sum = 0;
            for (var i = 0; i < r.Lines.Count; i++)
            {
                var line = r.Lines[i];
                var at = $"{part}.Lines[{i}]";
                Check(line is not null && line.Amount.IsPositive, at, "missing or not positive");
                Check(line!.Member is not { } m || m.Value != Guid.Empty, $"{at}.Member", "empty id");
                Check(entries is null || entries.Add(line.Entry), $"{at}.Entry", $"entry {line.Entry} is named twice");
                CheckEntry(line.Entry, EntryKind.RentengRecovery, loan, r.Date, line.Amount, at + ".Entry", Rupiah.Zero);
                sum += line.Amount.Amount;
            }
            Check(sum == r.Amount.Amount, $"{part}.Amount", "the lines do not add up to the amount");
        }
        var lines = r.Lines.Select(l => new RecoveryLine(l.Member is { } m ? RentengClaimant.OfMember(m) : RentengClaimant.Iks, l.Amount, l.Entry)).ToArray();
        _recoveries.Add(new RentengRecovery(r.Loan, r.Borrower, r.Date, r.Amount, Array.AsReadOnly(lines), r.StillOwed));
    }

    private void AddUpkLoan(UpkLoan upk, string? part, HashSet<EntryId>? entries)
    {
        if (part is not null)
        {
            Check(upk is not null, part, "missing");
            Check(upk!.Amount.IsPositive, $"{part}.Amount", "not positive");
            Check(entries is null || entries.Add(upk.Entry), $"{part}.Entry", $"entry {upk.Entry} is named twice");
            CheckEntry(upk.Entry, EntryKind.LoanCapitalAdded, null, upk.Date, upk.Amount, part + ".Entry");
        }
        _upkLoans.Add(upk);
    }

    private RentengCover CoverFrom(RentengCoverState c, string? part)
    {
        var steps = new RentengStep[c.Steps.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            var s = c.Steps[i];
            var at = Sub(part, $".Steps[{i}]");
            CheckIf(at, s is not null && s.Contributions is not null && Enum.IsDefined(s.Source), string.Empty, "missing or unknown source");
            var contributions = new RentengContribution[s!.Contributions!.Count];
            for (var k = 0; k < contributions.Length; k++)
            {
                var x = s.Contributions[k];
                CheckIf(at, x is not null && x.Amount.IsPositive && Enum.IsDefined(x.Source) && (x.Source != RentengSource.MemberSavings || x.Member is { } m && m.Value != Guid.Empty),
                    $".Contributions[{k}]", "missing, not positive, or a member's contribution without the member");
                contributions[k] = x!.Source switch
                {
                    RentengSource.BorrowerSavings => RentengContribution.FromBorrowerSavings(x.Amount),
                    RentengSource.Iks => RentengContribution.FromIks(x.Amount),
                    _ => RentengContribution.FromMemberSavings(x.Member!.Value, x.Amount),
                };
            }
            steps[i] = new RentengStep(s.Source, s.Amount, s.Principal, s.ServiceCharge, Array.AsReadOnly(contributions), s.Entry);
        }
        return new RentengCover(c.Loan, c.Borrower, c.Date, c.InstallmentsOverdue, c.Arrears, Array.AsReadOnly(steps), c.ProRataRemainder, c.Shortfall);
    }

    private LoanApproval ApprovalFrom(LoanApprovalState a, string? part)
    {
        CheckIf(part, a is not null && a.Present is not null && a.Subject is not null && a.ProfileId is not null, string.Empty, "missing or incomplete");
        CheckIf(part, a!.ApprovedBy.Value != Guid.Empty, ".ApprovedBy", "empty id");
        var decision = new MeetingDecision(a.Meeting, Group, a.DecidedOn, DecisionKind.LoanApproval, a.Subject!, a.Present!, a.MemberCount, a.HadQuorum, a.ProfileId!);
        return new LoanApproval(decision, a.ApprovedBy, a.ApprovedOn);
    }

    private Loan LoanFor(LoanId id, string? part)
    {
        if (_byId.TryGetValue(id, out var loan))
        {
            return loan;
        }
        throw part is null ? new InvalidOperationException($"No loan {id} in this fund.") : StateRestoreException.Broken(Aggregate, part, $"no loan {id} in the fund");
    }

    private static LoanTerms TermsOf(Rupiah principal, int termMonths, InstallmentFrequency frequency, Rate rate, string? part)
    {
        CheckIf(part, principal.IsPositive, ".Principal", "not positive");
        CheckIf(part, termMonths is >= 1 and <= LoanTerms.MaxCalculableTermMonths, ".TermMonths", "outside 1..600");
        CheckIf(part, frequency is InstallmentFrequency.Weekly or InstallmentFrequency.Monthly, ".Frequency", $"not one frequency: {frequency}");
        return LoanTerms.Of(principal, termMonths, frequency, rate);
    }

    // The ledger entry exists with the kind, loan, book date and amount (the sum of its debits) the fund holds, and, for a
    // loan entry, the principal on the loan's receivable (debited by a disbursement, credited by a repayment or cover).
    private void CheckEntry(EntryId id, EntryKind kind, Loan? loan, LocalDate date, Rupiah amount, string part, Rupiah? principal = null)
    {
        var entry = Ledger.FindEntry(id);
        Check(entry is not null, part, $"entry {id} is not in the ledger");
        Check(entry!.Kind == kind, part, $"entry {id} is a {entry.Kind}, not a {kind}");
        Check(loan is null || (entry.Loan == loan.Id && entry.Member == loan.Borrower), part, $"entry {id} is not of loan {loan?.Id}");
        Check(entry.BookDate == date, part, $"entry {id} is dated {entry.BookDate:uuuu-MM-dd}, not {date:uuuu-MM-dd}");
        long debits = 0, receivable = 0;
        Span<LedgerLeg> scratch = stackalloc LedgerLeg[2];
        foreach (var leg in entry.LegsInto(scratch))
        {
            debits += leg.Side == LegSide.Debit ? leg.Amount.Amount : 0;
            receivable += leg.Account.Kind == AccountKind.LoanReceivable && leg.Account.Loan == loan?.Id ? leg.Amount.Amount : 0;
        }
        Check(debits == amount.Amount, part, $"entry {id} moves {Rupiah.Of(debits)}, not {amount}");
        Check(loan is null || receivable == (principal ?? amount).Amount, part, $"entry {id} moves {Rupiah.Of(receivable)} of the loan's principal, not {principal ?? amount}");
    }

    // ------------------------------------------------------------------------------------------------
    // To state
    // ------------------------------------------------------------------------------------------------

    internal static LoanApprovalState ApprovalState(LoanApproval approval)
    {
        var d = approval.Decision;
        return new LoanApprovalState(d.MeetingId, d.Date, d.Subject, (d.Present ?? []).ToArray(), d.MemberCount, d.HadQuorum, d.ProfileId, approval.ApprovedBy, approval.ApprovedOn);
    }

    private static LoanPaymentState PaymentState(RecordedPayment p, EntryId entry)
    {
        var a = p.Allocation;
        return new LoanPaymentState(p.Date, p.Amount, p.Source, a.DueServiceCharge, a.OverduePrincipal, a.CurrentPrincipal, a.PrepaidServiceCharge, a.PrepaidPrincipal, entry);
    }

    private static RentengCoverState CoverState(RentengCover c) => new(
        c.Loan, c.Borrower, c.Date, c.InstallmentsOverdue, c.Arrears,
        c.Steps.Select(s => new RentengStepState(s.Source, s.Amount, s.Principal, s.ServiceCharge,
            s.Contributions.Select(x => new RentengContributionState(x.Source, x.Member, x.Amount)).ToArray(), s.Entry)).ToArray(),
        c.ProRataRemainder, c.Shortfall);

    private static RentengRecoveryState RecoveryState(RentengRecovery r) => new(
        r.Loan, r.Borrower, r.Date, r.Amount, r.Lines.Select(l => new RecoveryLineState(l.Claimant.Member, l.Amount, l.Entry)).ToArray(), r.StillOwed);

    private static int IndexOf(IReadOnlyList<EntryId> entries, EntryId entry)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] == entry)
            {
                return i;
            }
        }
        return -1;
    }

    private static string? Sub(string? part, string sub) => part is null ? null : part + sub;

    // The part and the reason are formatted only when the check fails (see StateRestoreException.Require).
    private static void Check(
        [DoesNotReturnIf(false)] bool condition,
        [InterpolatedStringHandlerArgument(nameof(condition))] BrokenText part,
        [InterpolatedStringHandlerArgument(nameof(condition))] BrokenText reason) =>
        StateRestoreException.Require(condition, Aggregate, part, reason);

    // A check that runs on restore only (part is not null); part + sub and the reason are built only when it fails.
    private static void CheckIf(string? part, bool condition, string sub, [InterpolatedStringHandlerArgument(nameof(condition))] BrokenText reason)
    {
        if (part is not null && !condition)
        {
            throw StateRestoreException.Broken(Aggregate, part + sub, reason.ToStringAndClear());
        }
    }
}
