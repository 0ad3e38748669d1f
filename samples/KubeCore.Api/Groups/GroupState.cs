using KubeCore.Aid;
using KubeCore.Groups;
using KubeCore.Loans;
using KubeCore.Meetings;
using LibraryGroupState = KubeCore.Groups.GroupState;

namespace KubeCore.Api.Groups;

/// <summary>
/// A group's state for one request: the <see cref="KubeCore.Groups.Group"/>, its meetings, its savings ledger, its
/// revolving loan fund (which posts to that ledger) and its accountability reports, each restored from the library's
/// own state. Optimistic concurrency is per group: every change of any of these bumps the group's one version.
/// </summary>
public sealed class GroupState
{
    internal GroupState(Group group, MeetingRegister meetings, SavingsLedger? ledger, LoanRevolving? loans, List<AccountabilityReport> reports, bool stored)
    {
        (Group, Meetings, Ledger, Loans, AccountabilityReports) = (group, meetings, ledger, loans, reports);
        (GroupStored, FundStored, ReportsStored) = (stored, loans is not null && stored, stored ? reports.Count : -1);
    }

    /// <summary>A new group, proposed now.</summary>
    public GroupState(Group group)
        : this(group, new MeetingRegister(group.Id), null, null, [], stored: false)
    {
    }

    /// <summary>The group.</summary>
    public Group Group { get; }

    /// <summary>The group's meetings.</summary>
    public MeetingRegister Meetings { get; }

    /// <summary>The host's today in the group's time zone for the change being made (SAV-09).</summary>
    public HostToday Today { get; internal set; }

    /// <summary>The savings ledger, or null before the books are opened.</summary>
    public SavingsLedger? Ledger { get; private set; }

    /// <summary>The revolving loan fund, or null before the books are opened.</summary>
    public LoanRevolving? Loans { get; private set; }

    /// <summary>The accountability reports (LPJ) of the grants credited, oldest first (AID-03).</summary>
    public List<AccountabilityReport> AccountabilityReports { get; }

    internal bool GroupStored { get; set; }

    internal bool FundStored { get; set; }

    internal int ReportsStored { get; set; }

    /// <summary>The ledger, or 409 <see cref="ApiErrors.BooksNotOpened"/>.</summary>
    public SavingsLedger OpenLedger => Ledger ?? throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.BooksNotOpened);

    /// <summary>The revolving fund, or 409 <see cref="ApiErrors.BooksNotOpened"/>.</summary>
    public LoanRevolving OpenFund => Loans ?? throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.BooksNotOpened);

    /// <summary>The current LPJ, or 409 <see cref="ApiErrors.NoGrant"/>.</summary>
    public AccountabilityReport CurrentReport => AccountabilityReports.LastOrDefault() ?? throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.NoGrant);

    /// <summary>The meeting with this id, or null.</summary>
    public Meeting? Meeting(MeetingId id) => Meetings.Meetings.FirstOrDefault(m => m.Id == id);

    /// <summary>The fund's loan, or 404.</summary>
    public Loan Loan(LoanId id) => OpenFund.Loans.FirstOrDefault(l => l.Id == id) ?? throw ApiException.NotFound("loan");

    /// <summary>Opens the books (the ledger, its first entry <paramref name="openingId"/>) and the fund on them; 409 when they are open.</summary>
    public void OpenBooks(NodaTime.LocalDate openedOn, EntryId openingId, string? reference)
    {
        if (Ledger is not null)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.BooksAlreadyOpened, ("OpenedOn", Ledger.OpenedOn));
        }
        Ledger = SavingsLedger.Open(Group, openedOn, openingId, reference);
        Loans = LoanRevolving.Open(Group, Ledger);
    }
}

/// <summary>
/// The group aggregate as stored: parts <c>group</c> (<see cref="LibraryGroupState"/>), <c>meetings</c>
/// (<see cref="MeetingRegisterState"/>), <c>fund</c> (<see cref="LoanRevolvingState"/>) and <c>reports</c>
/// (<see cref="AccountabilityReportState"/> list), and the ledger as rows of <c>ledger_entries</c>.
/// </summary>
public sealed class GroupType : StateType<GroupState>
{
    /// <summary>The one instance.</summary>
    public static GroupType Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "group";

    /// <inheritdoc />
    public override bool HasLedger => true;

    /// <inheritdoc />
    /// <exception cref="LedgerIntegrityException">The stored ledger does not verify (tampering or corruption).</exception>
    public override GroupState Restore(Guid id, IReadOnlyDictionary<string, string> parts, IReadOnlyList<LedgerEntryRow> ledger) =>
        Restore(id, parts, ledger, earlier: null);

    /// <inheritdoc />
    /// <remarks>
    /// A part that was not written since is <paramref name="earlier"/>'s own, in memory (rebound to a group or ledger that
    /// is new); the ledger is <paramref name="earlier"/>'s caught up with the later rows.
    /// </remarks>
    public override GroupState CatchUp(Guid id, GroupState earlier, IReadOnlyDictionary<string, string> changedParts, IReadOnlyList<LedgerEntryRow> laterLedger) =>
        Restore(id, changedParts, laterLedger, earlier);

    private static GroupState Restore(Guid id, IReadOnlyDictionary<string, string> parts, IReadOnlyList<LedgerEntryRow> ledger, GroupState? earlier)
    {
        var group = Part<LibraryGroupState>(parts, "group") is { } g ? Group.Restore(g, ProgramProfiles.Resolve)
            : earlier?.Group ?? throw StateRestoreException.Broken("Group", "group", "the part is missing");
        var meetings = Part<MeetingRegisterState>(parts, "meetings") is { } m ? MeetingRegister.Restore(m, group, ProgramProfiles.Resolve)
            : earlier is null ? new MeetingRegister(group.Id)
            : ReferenceEquals(earlier.Group, group) ? earlier.Meetings
            : MeetingRegister.Restore(earlier.Meetings.ToState(), group, ProgramProfiles.Resolve);
        SavingsLedger? books = null;
        if (earlier?.Ledger is not null || ledger.Count > 0)
        {
            try
            {
                var entries = ledger.Select(LedgerMapping.ToState);
                books = earlier?.Ledger is { } before
                    ? SavingsLedger.Restore(before, entries, group)
                    : SavingsLedger.Restore(new LedgerState(LedgerState.CurrentFormat, group.Id, [.. entries]), group);
            }
            catch (Exception broken) when (broken is StateRestoreException or ArgumentException)
            {
                // A stored chain that does not verify is not the caller's fault: it is tampering or corruption.
                throw new LedgerIntegrityException(id, broken);
            }
        }
        // The fund posts to the ledger, a new one after a catch-up: restored on it from its part, or from the earlier fund's state.
        var fund = books is not null && (Part<LoanRevolvingState>(parts, "fund") ?? earlier?.Loans?.ToState()) is { } f ? LoanRevolving.Restore(f, books, group) : null;
        var reports = Part<List<AccountabilityReportState>>(parts, "reports")?.Select(AccountabilityReport.Restore).ToList() ?? earlier?.AccountabilityReports ?? [];
        return new GroupState(group, meetings, books, fund, reports, stored: true);
    }

    /// <inheritdoc />
    public override long LedgerCount(GroupState state) => state.Ledger?.Count ?? 0;

    /// <inheritdoc />
    public override IEnumerable<(string Part, object State)> TakeChanges(GroupState state)
    {
        // Every TakeChanges is called (no short-circuit): what was taken is forgotten.
        if ((state.Group.TakeChanges().Count > 0) | !state.GroupStored)
        {
            yield return ("group", state.Group.ToState());
        }
        if ((state.Meetings.TakeChanges().Count > 0) | !state.GroupStored)
        {
            yield return ("meetings", state.Meetings.ToState());
        }
        if (state.Loans is { } fund && ((fund.TakeChanges().Count > 0) | !state.FundStored))
        {
            yield return ("fund", fund.ToState());
            state.FundStored = true;
        }
        if ((state.AccountabilityReports.Count(r => r.TakeChanges().Count > 0) > 0) | state.ReportsStored != state.AccountabilityReports.Count)
        {
            yield return ("reports", state.AccountabilityReports.Select(r => r.ToState()).ToList());
            state.ReportsStored = state.AccountabilityReports.Count;
        }
        state.GroupStored = true;
    }

    /// <inheritdoc />
    public override IEnumerable<LedgerEntryRow> TakeEntries(GroupState state) =>
        state.Ledger?.TakeChanges().Select(LedgerMapping.ToRow) ?? [];

    /// <inheritdoc />
    /// <remarks>The host's today in the group's own time zone (WIB, WITA or WIT by its province) for SAV-09.</remarks>
    public override void BeforeChange(GroupState state, DateTimeOffset now) =>
        state.Today = HostToday.InRegion(NodaTime.Instant.FromDateTimeOffset(now), state.Group.Desa);

    /// <inheritdoc />
    public override object Summary(GroupState state) => new GroupSummary(state.Group.Name, state.Group.Profile.Id, state.Group.Status, state.Group.Desa.ToString(), state.Group.MemberCount);
}

/// <summary>A group in a listing.</summary>
public sealed record GroupSummary(string Name, string ProfileId, KubeCore.Groups.GroupStatus Status, string Desa, int MemberCount);

/// <summary>Loading groups.</summary>
public static class GroupLoading
{
    /// <summary>The group's state as of its current version, or 404.</summary>
    public static Task<Loaded<GroupState>> GetGroupAsync(this StateStore store, Guid groupId, CancellationToken cancellationToken) =>
        store.GetAsync(GroupType.Instance, groupId, "group", cancellationToken);
}
