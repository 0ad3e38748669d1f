using KubeCore.Api.Commands;
using KubeCore.Api.Errors;
using KubeCore.Api.Mapping;
using KubeCore.Api.Persistence;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;

namespace KubeCore.Api.Groups;

/// <summary>
/// A group's state for one request: the <see cref="KubeCore.Groups.Group"/>, its meetings, its savings ledger as
/// stored (<see cref="Ledger"/>) and its revolving loan fund. Optimistic concurrency is per group: every command
/// of any of these bumps the group's one version.
/// </summary>
/// <remarks>
/// <para><b>Two ledgers.</b> The library posts ledger entries with fresh ids and hashes and its revolving fund
/// gives loans fresh ids, so neither can be rebuilt by replaying commands into the stored ledger. The stored
/// ledger (<see cref="Ledger"/>, rebuilt from its rows by <see cref="SavingsLedger.Rehydrate"/>, chain verified) is
/// the record; a <see cref="Shadow"/> ledger is rebuilt by replaying every command, with the revolving fund
/// (<see cref="Loans"/>) on it, so the fund's own rules decide every loan operation. Each live posting is made on
/// both; on every load the two must hold the same entries, field for field (ids and hashes apart), or the request
/// fails with an integrity error. Callers only ever see the stored ledger's entry ids and the loans' first ids.</para>
/// </remarks>
public sealed class GroupState(Group group)
{
    private readonly Dictionary<LoanId, LoanId> _toShadow = [];
    private readonly Dictionary<LoanId, LoanId> _toStored = [];

    /// <summary>The group.</summary>
    public Group Group { get; } = group;

    /// <summary>The group's meetings.</summary>
    public MeetingRegister Meetings { get; } = new(group.Id);

    /// <summary>The host's today in the group's time zone for the live command (SAV-09); null while replaying.</summary>
    internal HostToday? Today { get; set; }

    /// <summary>The stored savings ledger, or null before the books are opened.</summary>
    public SavingsLedger? Ledger { get; internal set; }

    /// <summary>The replayed twin of <see cref="Ledger"/> that the revolving fund posts to.</summary>
    internal SavingsLedger? Shadow { get; set; }

    /// <summary>The revolving loan fund, or null before the books are opened.</summary>
    public LoanRevolving? Loans { get; internal set; }

    /// <summary>The accountability reports (LPJ) of the grants credited, oldest first (AID-03).</summary>
    public List<Aid.AccountabilityReport> AccountabilityReports { get; } = [];

    /// <summary>The stored ledger, or 409 <see cref="ApiErrors.BooksNotOpened"/>.</summary>
    public SavingsLedger OpenLedger => Ledger ?? throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.BooksNotOpened);

    /// <summary>The revolving fund, or 409 <see cref="ApiErrors.BooksNotOpened"/>.</summary>
    public LoanRevolving OpenFund => Loans ?? throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.BooksNotOpened);

    /// <summary>The meeting with this id, or null.</summary>
    public Meeting? Meeting(MeetingId id) => Meetings.Meetings.FirstOrDefault(m => m.Id == id);

    /// <summary>The fund's loan for a caller's loan id, or 404.</summary>
    public Loan Loan(LoanId id) => _toShadow.TryGetValue(id, out var shadow) ? OpenFund.GetLoan(shadow) : throw ApiException.NotFound("loan");

    /// <summary>The caller's id of a fund loan.</summary>
    public LoanId StoredId(LoanId shadow) => _toStored[shadow];

    /// <summary>The stored ledger's entry at the same position as a shadow entry.</summary>
    public EntryId StoredEntry(EntryId shadowEntry) => OpenLedger.Entries[(int)Shadow!.FindEntry(shadowEntry)!.Sequence - 1].Id;

    /// <summary>
    /// Week facts the library derived from the shadow ledger and the fund (<see cref="KubeCore.Compliance.GroupFacts.Week"/>)
    /// with the callers' ids: the stored ledger's entry ids and the loans' first ids.
    /// </summary>
    public KubeCore.Compliance.GroupWeek WithStoredIds(KubeCore.Compliance.GroupWeek facts) => facts with
    {
        Savings = [.. facts.Savings.Select(s => s with { Deposits = [.. s.Deposits.Select(StoredEntry)] })],
        BookClose = facts.BookClose is { } close ? StoredEntry(close) : null,
        LoansDisbursed = [.. facts.LoansDisbursed.Select(StoredId)],
        InstallmentsDue = [.. facts.InstallmentsDue.Select(d => d with { Loan = StoredId(d.Loan), Settlement = [.. d.Settlement.Select(StoredEntry)] })],
    };

    internal LoanId ShadowId(LoanId stored) => _toShadow.TryGetValue(stored, out var shadow) ? shadow : throw ApiException.NotFound("loan");

    internal void MapLoan(LoanId stored, LoanId shadow)
    {
        _toShadow.Add(stored, shadow);
        _toStored.Add(shadow, stored);
    }
}

/// <summary>
/// The group stream: the group, its meetings, the shadow ledger and the loan fund are rebuilt by replaying every
/// command through the library; the stored ledger from its rows. See <see cref="GroupState"/> for the two ledgers.
/// </summary>
public sealed class GroupStream : StreamType<GroupState>
{
    /// <summary>The one instance.</summary>
    public static GroupStream Instance { get; } = new();

    private GroupStream()
    {
        Command<ProposeGroupCommand>("propose");
        Command<ElectOfficersCommand>("elect-officers");
        Command<HoldInitialMeetingCommand>("hold-initial-meeting");
        Command<VerifyGroupCommand>("verify");
        Command<ActivateGroupCommand>("activate");
        Command<AdmitMemberCommand>("admit-member");
        Command<RemoveMemberCommand>("remove-member");
        Command<MarkGraceExpiredCommand>("mark-grace-expired");
        Command<DissolveGroupCommand>("dissolve");
        Command<OpenBankAccountCommand>("open-bank-account");
        Command<RecordGroupMeetingCommand>("record-meeting");
        Command<OpenBooksCommand>("open-books");
        Command<DepositCommand>("deposit");
        Command<WithdrawCommand>("withdraw");
        Command<ReverseLedgerEntryCommand>("reverse-entry");
        Command<CloseWeekCommand>("close-week");
        Command<RecordProfitCommand>("record-profit");
        Command<SpendIksCommand>("spend-iks");
        Command<CreditGrantCommand>("credit-grant");
        Command<SpendGrantCommand>("spend-grant");
        Command<AddLoanCapitalCommand>("add-loan-capital");
        Command<RecordExpenseCommand>("record-expense");
        Command<SignJointLiabilityCommand>("sign-joint-liability");
        Command<ApplyLoanCommand>("apply-loan");
        Command<ApproveGroupLoanCommand>("approve-loan");
        Command<WithdrawLoanCommand>("withdraw-loan");
        Command<DisburseLoanCommand>("disburse-loan");
        Command<RepayLoanCommand>("repay-loan");
        Command<CoverArrearsCommand>("cover-arrears");
        Command<RecoverGroupCoverCommand>("recover-cover");
        Command<SubmitAccountabilityCommand>("submit-accountability");
    }

    /// <inheritdoc />
    public override string Name => "group";

    /// <inheritdoc />
    public override GroupState Start(object command) => new(Group.Propose(Proposal((ProposeGroupCommand)command)));

    /// <inheritdoc />
    /// <remarks>MEM-07 judges new names only: a group stored before it still loads.</remarks>
    public override GroupState StartStored(object command) => new(Group.ProposeStored(Proposal((ProposeGroupCommand)command)));

    /// <inheritdoc />
    /// <remarks>The host's today in the group's own time zone (WIB, WITA or WIT by its province) for SAV-09; the stored
    /// history replayed before it was judged when it was live, so the shadow ledger stops replaying now (SAV-08).</remarks>
    public override void BeforeLive(GroupState state, DateTimeOffset now)
    {
        state.Today = HostToday.InRegion(NodaTime.Instant.FromDateTimeOffset(now), state.Group.Desa);
        state.Shadow?.EndReplay();
    }

    private static ProposeGroup Proposal(ProposeGroupCommand c) =>
        new(c.GroupId, ProgramProfiles.All.Single(p => p.Id == c.ProfileId), c.Name, c.Desa, c.ProposedOn, c.InitialMeetingOn,
            c.Founders.Select(d => d.ToDomain()).ToList(), c.Consents.Select(x => new MemberConsent(x.PersonId, x.GivenOn)).ToList());

    /// <inheritdoc />
    public override object Apply(GroupState state, object command, ApplyMode mode)
    {
        var group = state.Group;
        var live = mode == ApplyMode.Live;
        switch (command)
        {
            case ElectOfficersCommand c:
                var decision = c.MeetingId is { } meetingId ? ElectionDecision(state, meetingId) : null;
                group.ElectOfficers(new ElectOfficers(c.ElectedOn, c.Officers, decision, c.DecidedBy));
                return c;
            case HoldInitialMeetingCommand c:
                group.HoldInitialMeeting(c.HeldOn);
                return c;
            case VerifyGroupCommand c:
                group.Verify(new VerifyGroup(c.VerifierName, c.Agency, c.VerifiedOn, c.Members.Select(d => d.ToDomain()).ToList()));
                return c;
            case ActivateGroupCommand c:
                group.Activate(c.ActivatedOn);
                return c;
            case AdmitMemberCommand c:
                group.AdmitMember(new AdmitMember(c.Member.ToDomain(), c.JoinedOn));
                return c;
            case RemoveMemberCommand c:
                group.RemoveMember(c.PersonId, c.LeftOn);
                return c;
            case MarkGraceExpiredCommand c:
                group.MarkGraceExpired(c.AsOf);
                return c;
            case DissolveGroupCommand c:
                group.Dissolve(c.DissolvedOn, c.Reason);
                return c;
            case OpenBankAccountCommand c:
                group.OpenBankAccount(new OpenBankAccount(c.Bank, c.AccountNumber, c.HolderName, c.OpenedOn));
                return c;
            case RecordGroupMeetingCommand c:
                RecordMeeting(state, c);
                return c;
            case OpenBooksCommand c:
                if (state.Shadow is not null)
                {
                    throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.BooksAlreadyOpened, ("OpenedOn", state.Shadow.OpenedOn));
                }
                // The shadow's ids are never shown (StoredEntry maps them by position): a fresh opening id per load is fine.
                state.Shadow = live ? SavingsLedger.Open(group, c.OpenedOn, EntryId.New(), c.Reference) : SavingsLedger.OpenForReplay(group, c.OpenedOn, EntryId.New(), c.Reference);
                state.Loans = LoanRevolving.Open(group, state.Shadow);
                if (live)
                {
                    state.Ledger = SavingsLedger.Open(group, c.OpenedOn, EntryId.New(), c.Reference);
                }
                return c;
            case SignJointLiabilityCommand c:
                state.OpenFund.SignJointLiabilityStatement(c.Member, c.SignedOn, c.DocumentReference);
                return c;
            case ApplyLoanCommand c:
                var stored = c.LoanId ?? LoanId.New(); // live: the API chooses the new loan's id (the library makes none)
                var loan = state.OpenFund.Apply(new LoanApplication(stored, c.Member, c.Principal, c.TermMonths, c.Frequency, c.Purpose, c.AppliedOn));
                state.MapLoan(stored, loan.Id);
                return c with { LoanId = stored };
            case ApproveGroupLoanCommand c:
                var approval = LoanDecision(state, c);
                state.OpenFund.Approve(state.ShadowId(c.Loan), approval, c.ApprovedBy);
                return c;
            case WithdrawLoanCommand c:
                state.OpenFund.Withdraw(state.ShadowId(c.Loan), c.Date, c.Reason);
                return c;
            case SubmitAccountabilityCommand c:
                CurrentReport(state).Submit(c.SubmittedOn);
                return c;
            default:
                return PostMoney(state, command, live);
        }
    }

    /// <inheritdoc />
    public override object Summary(GroupState state) => new GroupSummary(state.Group.Name, state.Group.Profile.Id, state.Group.Status, state.Group.Desa.ToString(), state.Group.MemberCount);

    /// <inheritdoc />
    public override int LedgerCount(GroupState state) => state.Ledger?.Count ?? 0;

    /// <inheritdoc />
    public override IEnumerable<LedgerEntryRow> LedgerRows(GroupState state, int from) =>
        state.Ledger is null ? [] : state.Ledger.Entries.Skip(from).Select(e => e.ToRow());

    /// <inheritdoc />
    public override void AttachLedger(GroupState state, IReadOnlyList<LedgerEntryRow> rows)
    {
        if (rows.Count > 0)
        {
            state.Ledger = SavingsLedger.Rehydrate(state.Group, rows.Select(r => r.ToEntry()));
        }
        LedgerTwins.CheckSame(state, 0);
    }

    /// <summary>A posting: the shadow ledger (through the fund for loans) always; the stored ledger when live, with the same content.</summary>
    private static object PostMoney(GroupState state, object command, bool live)
    {
        var shadow = state.Shadow ?? throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.BooksNotOpened);
        var stored = live ? state.OpenLedger : null;
        var before = shadow.Count;
        SavingsLedger[] ledgers = stored is null ? [shadow] : [stored, shadow];
        // SAV-09: live, the host's today in the group's zone; replayed, the command's own book date (judged when it was live).
        HostToday TodayFor(NodaTime.LocalDate bookDate) =>
            live ? state.Today ?? throw new InvalidOperationException("No host today for a live command.") : HostToday.Of(bookDate);
        void Both(Action<SavingsLedger> post)
        {
            foreach (var ledger in ledgers)
            {
                post(ledger);
            }
        }

        switch (command)
        {
            case DepositCommand c:
                Both(l => l.Deposit(TodayFor(c.Date), c.Date, c.Member, c.Amount, c.Reference));
                break;
            case WithdrawCommand c:
                Both(l => l.Withdraw(TodayFor(c.Date), c.Date, c.Member, c.Amount, c.Reference));
                break;
            case ReverseLedgerEntryCommand c:
                // The caller names a stored entry; the shadow's entry at the same position is its twin.
                var position = live
                    ? (stored!.FindEntry(c.Entry) ?? throw new RuleViolationException(RuleViolation.Of(RuleIds.Sav01, SavingsErrors.UnknownEntry, ("EntryId", c.Entry)))).Sequence
                    : c.Position ?? throw new InvalidOperationException("A stored reversal has no position.");
                stored?.Reverse(TodayFor(c.Date), c.Date, c.Entry, c.Reason, c.Reference);
                shadow.Reverse(TodayFor(c.Date), c.Date, shadow.Entries[(int)position - 1].Id, c.Reason, c.Reference);
                command = c with { Position = position };
                break;
            case CloseWeekCommand c:
                Both(l => l.CloseWeek(TodayFor(c.ClosedOn), BookWeek.StartingOn(c.WeekStart, l.WeekStartsOn), c.ClosedOn));
                break;
            case RecordProfitCommand c:
                Both(l => l.RecordBusinessProfit(TodayFor(c.Date), c.Date, c.Profit, c.Reference));
                break;
            case SpendIksCommand c:
                Both(l => l.SpendIks(TodayFor(c.Date), c.Date, c.Amount, c.Purpose, c.Reference));
                break;
            case CreditGrantCommand c:
                Both(l => l.CreditGrant(TodayFor(c.Date), c.Date, c.Amount, c.Reference));
                state.AccountabilityReports.Add(Aid.AccountabilityReport.Open(state.Group.Id, c.Amount, c.Date, state.Group.Profile));
                break;
            case SpendGrantCommand c:
                // The LPJ's rules first (receipt, once; within the grant), then the ledger's (SAV-02).
                CurrentReport(state).RecordSpend(new Aid.AidSpend(c.Date, c.Category, c.Amount, c.ReceiptReference, c.Description));
                Both(l => l.SpendGrant(TodayFor(c.Date), c.Date, c.Amount, c.ReceiptReference, c.Category.ToString()));
                break;
            case AddLoanCapitalCommand c:
                Both(l => l.AddLoanCapital(TodayFor(c.Date), c.Date, c.Amount, c.Reference));
                break;
            case RecordExpenseCommand c:
                Both(l => l.RecordExpense(TodayFor(c.Date), c.Date, c.Amount, c.Reference, c.Description));
                break;
            case DisburseLoanCommand c:
                var loan = state.OpenFund.Disburse(TodayFor(c.Date), state.ShadowId(c.Loan), c.Date);
                stored?.DisburseLoan(TodayFor(c.Date), c.Date, c.Loan, loan.Borrower, loan.Principal, StoredReference(state, shadow, before, c.Loan));
                break;
            case RepayLoanCommand c:
                var allocation = state.OpenFund.Repay(TodayFor(c.Date), state.ShadowId(c.Loan), c.Date, c.Amount);
                stored?.RecordRepayment(TodayFor(c.Date), c.Date, c.Loan, allocation.Principal, allocation.ServiceCharge, StoredReference(state, shadow, before, c.Loan));
                break;
            case CoverArrearsCommand c:
                var cover = state.OpenFund.CoverArrears(TodayFor(c.Date), state.ShadowId(c.Loan), c.Date);
                for (var i = 0; stored is not null && i < cover.Steps.Count; i++)
                {
                    var step = cover.Steps[i];
                    stored.CoverArrears(TodayFor(c.Date), c.Date, c.Loan, step.Principal, step.ServiceCharge, step.Contributions, StoredReference(state, shadow, before + i, c.Loan));
                }
                break;
            case RecoverGroupCoverCommand c:
                var recovery = state.OpenFund.Recover(TodayFor(c.Date), state.ShadowId(c.Loan), c.Date, c.Amount);
                for (var i = 0; stored is not null && i < recovery.Lines.Count; i++)
                {
                    stored.RecoverCover(TodayFor(c.Date), c.Date, c.Loan, recovery.Lines[i].Claimant, recovery.Lines[i].Amount, StoredReference(state, shadow, before + i, c.Loan));
                }
                break;
            default:
                throw new ArgumentException($"{command.GetType().Name} is not a group command.", nameof(command));
        }
        if (live)
        {
            LedgerTwins.CheckSame(state, before);
        }
        return command;
    }

    private static Aid.AccountabilityReport CurrentReport(GroupState state) =>
        state.AccountabilityReports.LastOrDefault() ?? throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.NoGrant);

    /// <summary>The reference the fund gave its shadow posting, naming the caller's loan id instead of the shadow's.</summary>
    private static string StoredReference(GroupState state, SavingsLedger shadow, int position, LoanId stored) =>
        shadow.Entries[position].Reference.Replace(state.ShadowId(stored).ToString(), stored.ToString(), StringComparison.Ordinal);

    private static void RecordMeeting(GroupState state, RecordGroupMeetingCommand c)
    {
        // Everything is checked on a fresh meeting before it joins the register, so a refusal leaves the group unchanged.
        var meeting = Meeting.Open(state.Group, c.MeetingId, c.Date, c.Agenda);
        meeting.RecordAttendance(c.Attendance);
        foreach (var decision in c.Decisions)
        {
            meeting.Decide(new TakeDecisionCommand(decision.Kind, decision.Subject, decision.RequiresQuorum, LoanOf(decision)));
        }
        state.Meetings.Add(meeting);
    }

    // The typed loan of a loan approval. Commands stored before decisions carried a typed loan named it only as the
    // subject text: read there for those alone, so stored history still replays.
    private static LoanId? LoanOf(DecisionData decision) =>
        decision.Kind != DecisionKind.LoanApproval ? decision.Loan
        : decision.Loan ?? (Guid.TryParse(decision.Subject, out var legacy) && legacy != Guid.Empty ? new LoanId(legacy) : null);

    private static MeetingDecision? ElectionDecision(GroupState state, MeetingId meetingId) =>
        (state.Meeting(meetingId) ?? throw ApiException.NotFound("meeting")).Decisions.LastOrDefault(d => d.Kind == DecisionKind.OfficerElection)
        ?? throw new RuleViolationException(RuleViolation.Of(RuleIds.Off03, GroupErrors.NoElectionRecord));

    /// <summary>The meeting's approval of the caller's loan id, handed to the fund under the loan's shadow id.</summary>
    private static MeetingDecision LoanDecision(GroupState state, ApproveGroupLoanCommand c)
    {
        var meeting = state.Meeting(c.Meeting) ?? throw ApiException.NotFound("meeting");
        var decision = meeting.Decisions.LastOrDefault(d => d.Kind == DecisionKind.LoanApproval && d.Loan == c.Loan)
            ?? meeting.Decisions.LastOrDefault()
            ?? throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan06, LoanErrors.NotALoanApproval, ("Kind", "—")));
        if (decision.Loan != c.Loan)
        {
            return decision;
        }
        // The fund knows the loan by its shadow id: the typed loan (and the subject, while the fund still compares it) name that.
        var shadow = state.ShadowId(c.Loan);
        return decision with { Loan = shadow, Subject = decision.Subject == c.Loan.ToString() ? shadow.ToString() : decision.Subject };
    }
}

/// <summary>A group in a listing.</summary>
public sealed record GroupSummary(string Name, string ProfileId, KubeCore.Groups.GroupStatus Status, string Desa, int MemberCount);

/// <summary>Loading groups.</summary>
public static class GroupLoading
{
    /// <summary>The group's state as of its current version, or 404.</summary>
    public static Task<Loaded<GroupState>> GetGroupAsync(this StreamStore store, Guid groupId, CancellationToken cancellationToken) =>
        store.GetAsync(GroupStream.Instance, groupId, "group", cancellationToken);
}
