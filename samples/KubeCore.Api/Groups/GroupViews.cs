using System.Security.Claims;
using KubeCore.Groups;
using KubeCore.Meetings;

namespace KubeCore.Api.Groups;

/// <summary>A group as shown (NIK and family-card numbers masked unless the caller may see them, PRIV-01).</summary>
public sealed record GroupView(
    GroupId Id, string Name, string ProfileId, GroupKind Kind, RegionCode Desa, GroupStatus Status,
    LocalDate ProposedOn, LocalDate InitialMeetingScheduledOn, LocalDate? InitialMeetingHeldOn, LocalDate? FormedOn,
    VerificationView? Verification, LocalDate? ActivatedOn, LocalDate? UnderStrengthSince, LocalDate? UnderStrengthDeadline,
    GroupBankAccount? BankAccount, Dissolution? Dissolution, int MemberCount, IReadOnlyList<MemberView> Members, OfficersView Officers,
    IReadOnlyList<OfficerElection> Elections, LocalDate? BooksOpenedOn, long Version);

/// <summary>A member as shown.</summary>
public sealed record MemberView(PersonId PersonId, string Name, string Nik, Sex Sex, HouseholdId HouseholdId, string FamilyCard, RegionCode Desa, LocalDate JoinedOn, LocalDate? LeftOn);

/// <summary>The current office holders (null: vacant, OFF-04).</summary>
public sealed record OfficersView(PersonId? Ketua, PersonId? Sekretaris, PersonId? Bendahara);

/// <summary>Dinas Sosial's verification with the decision that allowed it.</summary>
public sealed record VerificationView(string VerifierName, string Agency, LocalDate VerifiedOn, DecisionView Decision);

/// <summary>A decision: every rule checked, with the parameter values used and the outcome (an auditor can reproduce it).</summary>
public sealed record DecisionView(string Subject, string ProfileId, LocalDate? AsOf, bool Approved, IReadOnlyList<CheckView> Checks);

/// <summary>One rule check of a decision.</summary>
public sealed record CheckView(string RuleId, CheckOutcome Outcome, IReadOnlyDictionary<string, string> Parameters, ProblemError? Violation);

/// <summary>A meeting as shown.</summary>
public sealed record MeetingView(MeetingId Id, LocalDate Date, string Agenda, IReadOnlyDictionary<PersonId, AttendanceStatus> Attendance, int PresentCount, int MemberCount, bool HasQuorum, IReadOnlyList<MeetingDecision> Decisions);

/// <summary>A ledger entry as shown.</summary>
public sealed record EntryView(EntryId Id, long Sequence, LocalDate BookDate, EntryKind Kind, PersonId? Member, LoanId? Loan, Rupiah Amount, string Reference, string Memo, EntryId? Reverses, IReadOnlyList<LedgerLegState> Legs, string PreviousHash, string Hash);

/// <summary>What a posting produced: its entries and the balances after it.</summary>
public sealed record PostingView(IReadOnlyList<EntryView> Entries, BalancesView Balances, long Version);

/// <summary>The ledger's balances (SAV-03: <see cref="Conserved"/> says the conservation identity holds).</summary>
public sealed record BalancesView(
    Rupiah Cash, Rupiah MemberSavingsTotal, Rupiah Iks, Rupiah Grant, Rupiah LoanFund, Rupiah OutstandingPrincipal, Rupiah LoanFundAvailable,
    Rupiah MaxDisbursement, Rupiah ServiceChargeIncome, Rupiah Expenses, IReadOnlyList<SaverView> Savers, bool Conserved, int EntryCount, string HeadHash);

/// <summary>One member's savings balance.</summary>
public sealed record SaverView(PersonId Member, Rupiah Savings);

/// <summary>Builds views from library objects.</summary>
public static class GroupViews
{
    /// <summary>The group as the caller may see it.</summary>
    public static GroupView View(GroupState state, long version, ClaimsPrincipal user)
    {
        var g = state.Group;
        var reveal = user.MayRevealPersonalData();
        return new GroupView(
            g.Id, g.Name, g.Profile.Id, g.Kind, g.Desa, g.Status, g.ProposedOn, g.InitialMeetingScheduledOn, g.InitialMeetingHeldOn, g.FormedOn,
            g.Verification is { } v ? new VerificationView(v.VerifierName, v.Agency, v.VerifiedOn, View(v.Decision)) : null,
            g.ActivatedOn, g.UnderStrengthSince, g.UnderStrengthDeadline, g.BankAccount, g.Dissolution, g.MemberCount,
            g.Members.Select(m => new MemberView(m.PersonId, m.Name, reveal ? m.Nik.Reveal() : m.Nik.Masked, m.Sex, m.HouseholdId,
                reveal ? m.FamilyCard.Reveal() : m.FamilyCard.Masked, m.Desa, m.JoinedOn, m.LeftOn)).ToList(),
            new OfficersView(g.OfficerHolding(OfficerRole.Ketua), g.OfficerHolding(OfficerRole.Sekretaris), g.OfficerHolding(OfficerRole.Bendahara)),
            g.Elections, state.Ledger?.OpenedOn, version);
    }

    /// <summary>A decision with its messages in the request's language.</summary>
    public static DecisionView View(Decision decision) =>
        new(decision.Subject, decision.ProfileId, decision.AsOf, decision.IsApproved, decision.Checks.Select(c => new CheckView(c.RuleId.ToString(), c.Outcome,
            c.Parameters, c.Violation is { } v ? ProblemError.Of(v) : null)).ToList());

    /// <summary>A decision recorded in a group's state (e.g. its verification), with its messages in the request's language.</summary>
    public static DecisionView View(DecisionSnapshot decision) =>
        new(decision.Subject, decision.ProfileId, decision.AsOf, decision.IsApproved, decision.Checks.Select(c => new CheckView(c.RuleId.ToString(), c.Outcome,
            c.Parameters, c.Violation is { } v ? new ProblemError(v.RuleId.ToString(), v.ErrorCode, v.Message(CultureInfo.CurrentUICulture)) : null)).ToList());

    /// <summary>A meeting.</summary>
    public static MeetingView View(Meeting m) =>
        new(m.Id, m.Date, m.Agenda, m.Attendance, m.PresentCount, m.MemberCount, m.HasQuorum, m.Decisions);

    /// <summary>A ledger entry.</summary>
    public static EntryView View(LedgerEntry e) =>
        new(e.Id, e.Sequence, e.BookDate, e.Kind, e.Member, e.Loan, e.Amount, e.Reference, e.Memo, e.Reverses, e.ToState().Legs, e.PreviousHash.ToString(), e.Hash.ToString());

    /// <summary>The ledger's balances.</summary>
    public static BalancesView View(SavingsLedger ledger)
    {
        var b = ledger.Balances;
        return new BalancesView(b.Cash, b.MemberSavingsTotal, b.Iks, b.Grant, b.LoanFund, b.OutstandingPrincipal, b.LoanFundAvailable,
            b.MaxDisbursement, b.ServiceChargeIncome, b.Expenses, b.Savers.Select(s => new SaverView(s.Member, s.Savings)).ToList(),
            b.IsConserved, ledger.Count, ledger.LastHash.ToString());
    }

    /// <summary>A loan, with its position as of <paramref name="asOf"/> when it was disbursed by then.</summary>
    public static LoanView View(Loans.Loan loan, LocalDate? asOf)
    {
        var status = asOf is { } date && loan.DisbursedOn is { } disbursed && disbursed <= date ? loan.StatusAsOf(date) : (Loans.LoanStatus?)null;
        return new LoanView(loan.Id, loan.Borrower, loan.Principal, loan.Terms.TermMonths, loan.Terms.Frequency, loan.Terms.MonthlyServiceCharge,
            loan.Purpose, loan.AppliedOn, loan.MemberLoanNumber, loan.State,
            loan.Approval is { } a ? new LoanApprovalView(a.Decision.MeetingId, a.Decision.Date, a.Decision.Present.Count, a.Decision.MemberCount, a.Decision.HadQuorum, a.ApprovedBy, a.ApprovedOn) : null,
            loan.DisbursedOn, loan.DisbursementEntry,
            loan.Schedule?.Installments, loan.Account?.Outstanding, loan.ClosedOn, loan.WithdrawalReason, status);
    }
}

/// <summary>A loan as shown, under the caller's loan id.</summary>
public sealed record LoanView(
    LoanId Id, PersonId Borrower, Rupiah Principal, int TermMonths, Loans.InstallmentFrequency Frequency, Rate MonthlyServiceCharge, string Purpose,
    LocalDate AppliedOn, int MemberLoanNumber, Loans.LoanState State, LoanApprovalView? Approval, LocalDate? DisbursedOn, EntryId? DisbursementEntry,
    IReadOnlyList<Loans.Installment>? Schedule, Rupiah? Outstanding, LocalDate? ClosedOn, string? WithdrawalReason, Loans.LoanStatus? Status);

/// <summary>Who approved a loan, at which meeting (LOAN-06).</summary>
public sealed record LoanApprovalView(MeetingId Meeting, LocalDate DecidedOn, int Present, int MemberCount, bool HadQuorum, PersonId ApprovedBy, LocalDate ApprovedOn);
