using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Savings;

/// <summary>
/// A group's savings ledger (buku kas dan tabungan kelompok): append-only, double entry and hash-chained
/// (SAV-01..07). Every money movement of the group is one <see cref="LedgerEntry"/>: savings, IKS, aid grant,
/// loan fund capital, loan disbursements and repayments, tanggung renteng cover and recovery, expenses,
/// reversals and weekly closes.
/// </summary>
/// <remarks>
/// <para><b>Append-only (SAV-01).</b> Entries are never edited or deleted. A correction is a
/// <see cref="EntryKind.Reversal"/> entry naming the entry it reverses, with every leg mirrored. An entry is
/// reversed at most once; a reversal, the opening and a week close cannot be reversed (to undo a wrong
/// reversal, post the correct entry again). Each entry carries the previous entry's SHA-256 hash
/// (<see cref="LedgerEntry"/> documents the canonical encoding), so <see cref="VerifyChain()"/> names the first
/// tampered entry.</para>
/// <para><b>Never negative (SAV-02).</b> No posting takes cash, a member's savings, IKS, the grant, the loan
/// fund's available amount, a loan's outstanding principal, income, expenses or a renteng claim below zero.</para>
/// <para><b>Conservation (SAV-03).</b> Holds by construction (every entry balances) and is asserted after every entry.</para>
/// <para><b>Dates (SAV-05).</b> Book dates never go backwards along the ledger, are never before the opening,
/// and never fall in a closed week; weeks are closed in order, each on or after its last day. Because dates
/// never decrease, <see cref="SnapshotAsOf"/> is a replay of a prefix of the chain (PORT-02).</para>
/// <para><b>Today (SAV-09).</b> Every posting and close takes the host's <see cref="HostToday"/> (the date in the group's
/// time zone; the library reads no clock) and refuses a book date after it, so one far-future typo cannot freeze the
/// books (SAV-05 would refuse every real date after it). Dates near 9999-12-31 are refused with a code, never thrown.</para>
/// <para><b>Limits (SAV-08).</b> No entry's amount exceeds the profile's <c>Savings.MaxSingleAmount</c> (a reversal,
/// which restores an accepted entry, is exempt), and the ledger's turnover — the sum of every entry's amount, which
/// bounds every balance, running total, weekly total and claim — stays within the range of a 64-bit integer. Both are
/// checked in the one place every posting passes before it is appended; stored entries are not re-judged by the
/// ceiling when a ledger is rehydrated.</para>
/// <para><b>Failures.</b> A behaviour method throws <see cref="ArgumentException"/> for a programmer error (default
/// ids, overlong text, an unknown loan) and <see cref="RuleViolationException"/> for a refused operation; in both
/// cases the ledger is left exactly as it was.</para>
/// <para>Not thread-safe: one writer at a time.</para>
/// </remarks>
public sealed class SavingsLedger
{
    private readonly IGroupStanding _group;
    private readonly List<LedgerEntry> _entries = [];
    // Entries whose id does not follow this ledger's id scheme (possible only in rehydrated foreign data).
    private readonly Dictionary<EntryId, int> _foreignIds = [];
    private readonly Dictionary<EntryId, EntryId> _reversedBy = [];
    private readonly List<WeekClose> _closes = [];
    private readonly LedgerBalances _balances = new();
    private readonly EntryIdSource _ids;
    private EntryHash _lastHash;
    // SAV-08: the sum of every entry's amount (saturating when rehydrated from older data); bounds every balance and total.
    private long _turnover;
    private LocalDate _lastDate;
    private LocalDate? _closedThrough;
    private BookWeek _nextWeekToClose;
    // The entries before this index were restored or taken by TakeChanges; the rest are the changes not yet taken.
    private int _taken;

    private const string StateName = "SavingsLedger";

    private SavingsLedger(IGroupStanding group, LocalDate openedOn, IsoDayOfWeek weekStartsOn, EntryId openingId)
    {
        _group = group;
        _ids = EntryIdSource.FromOpening(openingId);
        OpenedOn = openedOn;
        WeekStartsOn = weekStartsOn;
        _lastDate = openedOn;
        _nextWeekToClose = BookWeek.Containing(openedOn, weekStartsOn);
    }

    // A copy of `earlier` for `group`'s standing, sharing nothing mutable with it (entries themselves are immutable).
    private SavingsLedger(SavingsLedger earlier, IGroupStanding group)
        : this(group, earlier.OpenedOn, earlier.WeekStartsOn, earlier._entries[0].Id)
    {
        _entries = new List<LedgerEntry>(earlier._entries.Count + 16);
        _entries.AddRange(earlier._entries);
        _foreignIds = new(earlier._foreignIds);
        _reversedBy = new(earlier._reversedBy);
        _closes = [.. earlier._closes];
        _balances = earlier._balances.Copy();
        (_lastHash, _turnover, _lastDate) = (earlier._lastHash, earlier._turnover, earlier._lastDate);
        (_closedThrough, _nextWeekToClose, _taken) = (earlier._closedThrough, earlier._nextWeekToClose, earlier._taken);
    }

    /// <summary>The group whose ledger this is.</summary>
    public GroupId Group => _group.Id;

    /// <summary>The group's standing, consulted for membership and money-moving checks.</summary>
    public IGroupStanding Standing => _group;

    /// <summary>The first book date; the date of the <see cref="EntryKind.BooksOpened"/> entry.</summary>
    public LocalDate OpenedOn { get; }

    /// <summary>The first day of a bookkeeping week, fixed when the books were opened (from <c>Savings.WeekStartsOn</c>).</summary>
    public IsoDayOfWeek WeekStartsOn { get; }

    /// <summary>Every entry, in sequence order (index i holds sequence i + 1).</summary>
    public IReadOnlyList<LedgerEntry> Entries => _entries;

    /// <summary>The number of entries, the opening included.</summary>
    public int Count => _entries.Count;

    /// <summary>The hash of the last entry: publish it to anchor the chain (see <see cref="VerifyChain(IReadOnlyList{LedgerEntry}, EntryHash?)"/>).</summary>
    public EntryHash LastHash => _lastHash;

    /// <summary>The book date of the last entry; a new entry is dated on or after it.</summary>
    public LocalDate LastBookDate => _lastDate;

    /// <summary>
    /// The ledger's turnover (SAV-08): the sum of every entry's amount. Every balance, running total, weekly total
    /// and renteng claim is at most this, so a posting that keeps it representable keeps them all representable.
    /// </summary>
    public Rupiah Turnover => Rupiah.Of(_turnover);

    /// <summary>The live running balances (O(1) reads).</summary>
    public LedgerBalances Balances => _balances;

    /// <summary>Group cash. Shortcut for <see cref="LedgerBalances.Cash"/>.</summary>
    public Rupiah Cash => _balances.Cash;

    /// <summary>
    /// The loan fund's available amount (LOAN-06 "available cash"): loan fund capital − outstanding principal.
    /// Shortcut for <see cref="LedgerBalances.LoanFundAvailable"/>; see also <see cref="LedgerBalances.MaxDisbursement"/>.
    /// </summary>
    public Rupiah LoanFundAvailable => _balances.LoanFundAvailable;

    /// <summary>A member's savings, O(1). Shortcut for <see cref="LedgerBalances.SavingsOf"/>.</summary>
    public Rupiah SavingsOf(PersonId member) => _balances.SavingsOf(member);

    /// <summary>A loan's outstanding principal, O(1). Shortcut for <see cref="LedgerBalances.OutstandingPrincipalOf"/>.</summary>
    public Rupiah OutstandingPrincipalOf(LoanId loan) => _balances.OutstandingPrincipalOf(loan);

    /// <summary>The closed weeks, in order.</summary>
    public IReadOnlyList<WeekClose> Closes => _closes;

    /// <summary>The last day of the last closed week, or null when no week is closed. Nothing can be dated on or before it.</summary>
    public LocalDate? ClosedThrough => _closedThrough;

    /// <summary>The first open week: the only week <see cref="CloseWeek"/> accepts next.</summary>
    public BookWeek NextWeekToClose => _nextWeekToClose;

    /// <summary>True when <paramref name="week"/> is closed.</summary>
    public bool IsClosed(BookWeek week) => _closedThrough is { } through && week.End <= through;

    /// <summary>The week containing <paramref name="date"/>, in this ledger's weeks.</summary>
    public BookWeek WeekOf(LocalDate date) => BookWeek.Containing(date, WeekStartsOn);

    /// <summary>SAV-03 in full (see <see cref="LedgerBalances.CheckConservation"/>).</summary>
    public bool CheckConservation() => _balances.CheckConservation();

    /// <summary>The entry with this id, or null.</summary>
    public LedgerEntry? FindEntry(EntryId id) => IndexOf(id) is var i and >= 0 ? _entries[i] : null;

    /// <summary>True when the entry has been reversed.</summary>
    public bool IsReversed(EntryId id) => _reversedBy.ContainsKey(id);

    /// <summary>The reversal of the entry, or null when it was not reversed.</summary>
    public EntryId? ReversalOf(EntryId id) => _reversedBy.TryGetValue(id, out var by) ? by : null;

    // ----------------------------------------------------------------------------------------------
    // Opening and rehydration
    // ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Opens a group's books on <paramref name="openedOn"/>: entry 1, <see cref="EntryKind.BooksOpened"/>, with the id
    /// <paramref name="openingId"/>, naming the profile and the first day of the week (<see cref="LedgerEntry.ProfileId"/>,
    /// <see cref="LedgerEntry.WeekStartsOn"/>; the memo repeats them for a reader: <c>profile=KsmP2kp@1;weekStartsOn=Monday</c>).
    /// </summary>
    /// <remarks>
    /// The host chooses the opening's id (e.g. <see cref="EntryId.New"/>, or an id it derives from its own keys); the
    /// library draws no random numbers. Every later entry's id is derived from it and the entry's sequence number n:
    /// the opening id's 128 bits (big-endian, RFC 4122 order) with its last 64 bits XOR-ed with <c>1 XOR n</c> (so entry 1
    /// is the opening id itself). Ids are unique within the ledger; across ledgers they are as unique as the opening ids
    /// the host gives (give each ledger a fresh random id).
    /// </remarks>
    /// <param name="group">The group's standing.</param>
    /// <param name="openedOn">The first book date.</param>
    /// <param name="openingId">The id of the opening entry, chosen by the host (not the default id).</param>
    /// <param name="reference">An external reference for the opening, optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException">The group id or <paramref name="openingId"/> is the default id, or the date is not ISO.</exception>
    /// <exception cref="RuleViolationException">SAV-01: the reference is too long (<see cref="SavingsErrors.TextTooLong"/>).</exception>
    public static SavingsLedger Open(IGroupStanding group, LocalDate openedOn, EntryId openingId, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        IdGuard.Check(group.Id);
        IdGuard.Check(openingId, nameof(openingId));
        CheckText(reference);
        var weekStartsOn = group.Profile.Savings.WeekStartsOn;
        var ledger = new SavingsLedger(group, openedOn, weekStartsOn, openingId);
        var memo = OpeningMemo(group.Profile.Id, weekStartsOn);
        var opening = LedgerEntry.Create(group.Id, openingId, 1, openedOn, EntryKind.BooksOpened, [], null, null, reference, memo, null, EntryHash.Zero,
            new EntryFacts(null, null, weekStartsOn, group.Profile.Id, null));
        ledger.Append(opening, null, ownId: true);
        return ledger;
    }


    /// <summary>
    /// Rebuilds a ledger from stored entries (e.g. rows rebuilt with <see cref="LedgerEntry.FromStored"/>): verifies
    /// the chain (and the trusted head when given), then checks the same structure as
    /// <see cref="Restore(LedgerState, IGroupStanding)"/>. No ledger rule is re-run: an entry stored under older rules
    /// (or a profile since made stricter) loads as it was written; only new postings are judged by today's rules.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">There are no entries, or they belong to another group than <paramref name="group"/>.</exception>
    /// <exception cref="RuleViolationException">
    /// <see cref="SavingsErrors.ChainBroken"/> naming the position, entry and <see cref="ChainBreak"/> reason.
    /// </exception>
    /// <exception cref="StateRestoreException">The chain verifies but its entries contradict each other (see
    /// <see cref="Restore(LedgerState, IGroupStanding)"/>); <see cref="StateRestoreException.Part"/> names <c>Entries[i]…</c>.</exception>
    public static SavingsLedger Rehydrate(IGroupStanding group, IEnumerable<LedgerEntry> entries, EntryHash? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var verification = VerifyChain(list, expectedHead);
        if (!verification.IsIntact)
        {
            throw new RuleViolationException(Broken(verification.FirstBrokenPosition!.Value, verification.FirstBrokenEntry!.Value, verification.Reason!.Value));
        }
        Preconditions.CheckArgument(list[0].Group == group.Id, nameof(entries), "The entries belong to another group's ledger.");
        var ledger = Build(group, list, static i => "Entries[" + i.ToString(CultureInfo.InvariantCulture) + "]");
        ledger._taken = ledger._entries.Count;
        return ledger;
    }

    // ----------------------------------------------------------------------------------------------
    // State (storage by the host) and changes
    // ----------------------------------------------------------------------------------------------

    /// <summary>The ledger as plain data for the host's store: its group and every entry (see <see cref="LedgerState"/>).</summary>
    public LedgerState ToState()
    {
        var entries = new LedgerEntryState[_entries.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = _entries[i].ToState();
        }
        return new LedgerState(LedgerState.CurrentFormat, Group, entries);
    }

    /// <summary>
    /// The entries appended since the books were opened, the ledger was restored, or the last call, as plain data, and
    /// forgets them (a second call returns only what was appended in between). A host appends them to its store;
    /// <see cref="Restore(LedgerState, IEnumerable{LedgerEntryState}, IGroupStanding)"/> of the earlier state and these
    /// entries gives this ledger back. Entries posted by a <see cref="Loans.LoanRevolving"/> on this ledger are included.
    /// </summary>
    public IReadOnlyList<LedgerEntryState> TakeChanges()
    {
        if (_taken == _entries.Count)
        {
            return [];
        }
        var changes = new LedgerEntryState[_entries.Count - _taken];
        for (var i = 0; i < changes.Length; i++)
        {
            changes[i] = _entries[_taken + i].ToState();
        }
        _taken = _entries.Count;
        return changes;
    }

    /// <summary>
    /// Restores a ledger from its stored state. Checks STRUCTURE only and re-runs no ledger rule, so history written
    /// under older rules or a since-stricter profile always loads; only new postings are judged by today's rules. The
    /// checks: the state's format; the group; then, entry by entry, well-formed fields, the stored hash recomputed in the
    /// entry's format (<c>Entries[i].Hash</c>), the sequence (<c>.Sequence</c>), the link to the previous hash
    /// (<c>.PreviousHash</c>), the opening first and only first (<c>.Kind</c>) naming the week's first day
    /// (<c>.WeekStartsOn</c>), balanced legs (<c>.Legs</c>), dates that never decrease (<c>.BookDate</c>), unique ids
    /// (<c>.Id</c>), a reversal mirroring an earlier, reversible entry not reversed before (<c>.Reverses</c>, <c>.Legs</c>),
    /// a loan entry's receivable legs naming its loan and that loan's one borrower (<c>.Legs</c>), a week close naming a
    /// week that starts on the ledger's first day (<c>.ClosedWeekStart</c>), and every derived balance and claim within
    /// the range of a 64-bit integer (<c>.Legs</c>). The ledger's turnover (SAV-08) saturates rather than refusing old data.
    /// </summary>
    /// <param name="state">The stored state.</param>
    /// <param name="group">The group's standing now (membership and standing are not re-judged for stored entries).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException"><see cref="StateErrors.FormatUnsupported"/> for an unknown state format;
    /// <see cref="StateErrors.Broken"/> naming the part (<c>Group</c>, <c>Entries</c>, <c>Entries[i].…</c>).</exception>
    public static SavingsLedger Restore(LedgerState state, IGroupStanding group) => Restore(state, [], group);

    /// <summary>
    /// Restores a ledger from a stored state and the entries taken with <see cref="TakeChanges"/> after it, checked like
    /// the state's own entries (parts <c>Changes[j].…</c>): the result equals the ledger the changes were taken from.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">As <see cref="Restore(LedgerState, IGroupStanding)"/>.</exception>
    public static SavingsLedger Restore(LedgerState state, IEnumerable<LedgerEntryState> changes, IGroupStanding group)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(group);
        StateRestoreException.CheckFormat(StateName, state.Format, LedgerState.CurrentFormat);
        StateRestoreException.Check(state.Group == group.Id, StateName, "Group", "the state belongs to another group than the standing given");
        StateRestoreException.Check(state.Entries is { Count: > 0 }, StateName, "Entries", "a ledger has at least its opening entry");
        var stored = state.Entries.Count;
        // Without changes (a plain cold load) the state's own list is read as it is.
        var all = changes.TryGetNonEnumeratedCount(out var changeCount) && changeCount == 0 ? state.Entries : state.Entries.Concat(changes).ToList();
        var part = EntriesThenChanges(stored);
        var entries = new List<LedgerEntry>(all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            entries.Add(RestoredEntry(state.Group, all[i], i == 0 ? null : entries[i - 1], i, part));
        }
        var ledger = Build(group, entries, part);
        ledger._taken = ledger._entries.Count;
        return ledger;
    }

    /// <summary>
    /// Catches a live ledger up with the entries another process appended after it (as its host stored them from that
    /// process's <see cref="TakeChanges"/>): the result equals the ledger restored from storage at the later point, and
    /// <paramref name="earlier"/> is left as it was. Only the new entries are hashed and checked, as by
    /// <see cref="Restore(LedgerState, IGroupStanding)"/>, against the entries before them (<paramref name="earlier"/>'s were
    /// when it was restored or written, and none of those checks depends on the group's standing): the result starts
    /// from a copy of <paramref name="earlier"/>'s balances and indexes, so a catch-up costs in proportion to the new
    /// entries, not to the ledger's length. A host that keeps aggregates in memory between requests uses it instead of a
    /// full restore when its copy is a few entries behind.
    /// </summary>
    /// <param name="earlier">A ledger of the same group whose own appends have all been taken (<see cref="TakeChanges"/>).</param>
    /// <param name="changes">The entries appended after it, in order (parts <c>Changes[j].…</c>).</param>
    /// <param name="group">The group's standing now.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException"><see cref="StateErrors.Broken"/> naming the part: <c>Group</c> (another group's
    /// ledger), <c>Earlier</c> (appends not taken yet), or <c>Changes[j].…</c> as for the entries of a restore.</exception>
    public static SavingsLedger Restore(SavingsLedger earlier, IEnumerable<LedgerEntryState> changes, IGroupStanding group)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(group);
        StateRestoreException.Check(earlier.Group == group.Id, StateName, "Group", "the earlier ledger belongs to another group than the standing given");
        StateRestoreException.Check(earlier._taken == earlier._entries.Count, StateName, "Earlier", "the earlier ledger has appends not taken yet, so it is not a stored point");
        var known = earlier._entries.Count;
        var part = EntriesThenChanges(known);
        var ledger = new SavingsLedger(earlier, group);
        Span<LedgerLeg> scratch = stackalloc LedgerLeg[2];
        foreach (var change in changes)
        {
            var i = ledger._entries.Count;
            ledger.AppendRestored(RestoredEntry(earlier.Group, change, ledger._entries[^1], i, part), i, part, scratch);
        }
        ledger._taken = ledger._entries.Count;
        return ledger;
    }

    // Names position i of a restore: Entries[i] for the first `stored` entries, Changes[j] for those after them.
    private static Func<int, string> EntriesThenChanges(int stored) => i => i < stored
        ? "Entries[" + i.ToString(CultureInfo.InvariantCulture) + "]"
        : "Changes[" + (i - stored).ToString(CultureInfo.InvariantCulture) + "]";

    // One stored entry, read and its hash checked (structure is checked by Build).
    private static LedgerEntry RestoredEntry(GroupId group, LedgerEntryState? state, LedgerEntry? previous, int i, Func<int, string> part)
    {
        if (state is null)
        {
            throw StateRestoreException.Broken(StateName, part(i), "the entry is missing");
        }
        LedgerEntry entry;
        try
        {
            entry = LedgerEntry.FromState(group, state, previous);
        }
        catch (ArgumentException e)
        {
            throw StateRestoreException.Broken(StateName, part(i), "a field is malformed: " + e.Message);
        }
        Require(entry.HashIsValid, part, i, ".Hash", "the stored hash is not the hash of the entry's fields in its format");
        return entry;
    }

    // The structural rebuild shared by Restore and Rehydrate (hashes already checked): see Restore's summary.
    private static SavingsLedger Build(IGroupStanding group, List<LedgerEntry> entries, Func<int, string> part)
    {
        var opening = entries[0];
        StateRestoreException.Check(opening.Kind == EntryKind.BooksOpened, StateName, part(0) + ".Kind", "entry 1 is not the opening of the books");
        StateRestoreException.Check(opening.WeekStartsOn is not null, StateName, part(0) + ".WeekStartsOn", "the opening names no first day of the week");
        var ledger = new SavingsLedger(group, opening.BookDate, opening.WeekStartsOn!.Value, opening.Id);
        ledger._entries.EnsureCapacity(entries.Count);
        Span<LedgerLeg> scratch = stackalloc LedgerLeg[2];
        for (var i = 0; i < entries.Count; i++)
        {
            ledger.AppendRestored(entries[i], i, part, scratch);
        }
        return ledger;
    }

    // Entry i of a restore (its hash already checked), checked against the entries before it, then appended.
    private void AppendRestored(LedgerEntry entry, int i, Func<int, string> part, Span<LedgerLeg> scratch)
    {
        var previous = i == 0 ? EntryHash.Zero : _entries[^1].Hash;
        Require(entry.Group == Group, part, i, ".Group", "the entry belongs to another group's ledger");
        Require(entry.Sequence == i + 1, part, i, ".Sequence", "the sequence is not the entry's position");
        Require(entry.PreviousHash == previous, part, i, ".PreviousHash", "the previous hash is not the previous entry's hash");
        Require(i == 0 || entry.Kind != EntryKind.BooksOpened, part, i, ".Kind", "only entry 1 opens the books");
        Require(i == 0 || entry.BookDate >= _lastDate, part, i, ".BookDate", "the date is before the previous entry's");
        Require(IndexOf(entry.Id) < 0, part, i, ".Id", "an earlier entry has the same id");
        try
        {
            Require(IsBalanced(entry), part, i, ".Legs", "the debits and credits differ, or a legless kind has legs");
            var legs = entry.LegsInto(scratch);
            Append(entry, legs, StructuralClaims(entry, legs, part, i));
        }
        catch (OverflowException)
        {
            throw StateRestoreException.Broken(StateName, part(i) + ".Legs", "a balance or claim would leave the range of a 64-bit integer");
        }
    }

    // A structural check of entry i whose part name (e.g. "Entries[41].Legs") is only built when the check fails.
    private static void Require(bool condition, Func<int, string> part, int i, string field, string reason)
    {
        if (!condition)
        {
            throw StateRestoreException.Broken(StateName, part(i) + field, reason);
        }
    }

    // The structure of one restored entry against the earlier ones; its claim changes (renteng) when it is fine.
    private ClaimChange[]? StructuralClaims(LedgerEntry entry, ReadOnlySpan<LedgerLeg> legs, Func<int, string> part, int i)
    {
        switch (entry.Kind)
        {
            case EntryKind.BooksOpened:
                return null;
            case EntryKind.WeekClosed:
                Require(entry.ClosedWeekStart is { } start && start.DayOfWeek == WeekStartsOn && BookWeek.StartingOn(start, WeekStartsOn).HasNext, part, i, ".ClosedWeekStart", "the close names no week starting on the ledger's first day of the week");
                return null;
            case EntryKind.Reversal:
                {
                    var index = entry.Reverses is { } target ? IndexOf(target) : -1;
                    Require(index >= 0, part, i, ".Reverses", "the reversed entry is not an earlier entry");
                    var original = _entries[index];
                    Require(original.Kind is not (EntryKind.BooksOpened or EntryKind.WeekClosed or EntryKind.Reversal), part, i, ".Reverses", "the reversed entry is an opening, a week close or a reversal");
                    Require(!_reversedBy.ContainsKey(original.Id), part, i, ".Reverses", "the reversed entry was already reversed");
                    Span<LedgerLeg> originalScratch = stackalloc LedgerLeg[2];
                    var originalLegs = original.LegsInto(originalScratch);
                    Require(original.Member == entry.Member && original.Loan == entry.Loan && IsMirror(originalLegs, legs), part, i, ".Legs", "a reversal mirrors every leg, the member and the loan of the entry it reverses");
                    return Negate(ClaimChanges(original.Kind, originalLegs, original.Member));
                }
            default:
                {
                    Require(entry.Reverses is null, part, i, ".Reverses", "only a reversal names a reversed entry");
                    Require(LegsFitEntry(entry, legs), part, i, ".Legs", "a loan entry names its loan and borrower, and its receivable legs name them and the loan's one borrower");
                    return ClaimChanges(entry.Kind, legs, entry.Member);
                }
        }
    }

    // ----------------------------------------------------------------------------------------------
    // Chain verification
    // ----------------------------------------------------------------------------------------------

    /// <summary>Verifies this ledger's own chain (see <see cref="VerifyChain(IReadOnlyList{LedgerEntry}, EntryHash?)"/>).</summary>
    public ChainVerification VerifyChain() => VerifyChain(_entries, null);

    /// <summary>
    /// Verifies an exported sequence of entries, in order (SAV-01). For each position p (from 1) it checks, in this
    /// order: the stored hash equals the hash recomputed from the fields (<see cref="ChainBreak.HashMismatch"/>);
    /// the sequence is p (<see cref="ChainBreak.SequenceMismatch"/>); the group is the first entry's
    /// (<see cref="ChainBreak.WrongGroup"/>); the previous hash is the stored hash of entry p − 1, zeros for p = 1
    /// (<see cref="ChainBreak.PreviousHashMismatch"/>); entry 1 is the opening (<see cref="ChainBreak.MissingOpening"/>);
    /// the entry balances (<see cref="ChainBreak.Unbalanced"/>). Then, when <paramref name="expectedHead"/> is given,
    /// that the last hash equals it (<see cref="ChainBreak.HeadMismatch"/>), which also catches a rewritten suffix.
    /// A change to any field of entry p is reported at p.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="entries"/> is empty (a ledger has at least its opening).</exception>
    public static ChainVerification VerifyChain(IReadOnlyList<LedgerEntry> entries, EntryHash? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Preconditions.CheckArgument(entries.Count > 0, nameof(entries), "A ledger has at least its opening entry.");
        var group = Preconditions.CheckNotNull(entries[0]).Group;
        var previous = EntryHash.Zero;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentNullException(nameof(entries), "An entry is null.");
            var position = i + 1;
            ChainBreak? reason =
                !entry.HashIsValid ? ChainBreak.HashMismatch
                : entry.Sequence != position ? ChainBreak.SequenceMismatch
                : entry.Group != group ? ChainBreak.WrongGroup
                : entry.PreviousHash != previous ? ChainBreak.PreviousHashMismatch
                : (i == 0) != (entry.Kind == EntryKind.BooksOpened) ? ChainBreak.MissingOpening
                : !IsBalanced(entry) ? ChainBreak.Unbalanced
                : null;
            if (reason is { } r)
            {
                return ChainVerification.Broken(entries.Count, position, entry.Id, r);
            }
            previous = entry.Hash;
        }
        if (expectedHead is { } head && head != previous)
        {
            return ChainVerification.Broken(entries.Count, entries.Count, entries[^1].Id, ChainBreak.HeadMismatch);
        }
        return ChainVerification.Intact(entries.Count);
    }

    // ----------------------------------------------------------------------------------------------
    // Savings (SAV-02, SAV-04)
    // ----------------------------------------------------------------------------------------------

    /// <summary>A current member saves <paramref name="amount"/> (tabungan): debit cash, credit the member's savings.</summary>
    /// <param name="today">The host's today in the group's time zone (SAV-09).</param>
    /// <param name="date">Book date: not after today, not before the last entry, not in a closed week.</param>
    /// <param name="member">The saver, a current member of the group.</param>
    /// <param name="amount">Positive whole rupiah, at most the profile's <c>Savings.MaxSingleAmount</c>.</param>
    /// <param name="reference">Receipt reference, at most <see cref="LedgerEntry.MaxReferenceLength"/> characters.</param>
    /// <exception cref="ArgumentException">The member id is the default id.</exception>
    /// <exception cref="RuleViolationException">SAV-01 reference too long (<see cref="SavingsErrors.TextTooLong"/>), SAV-09 date after today, SAV-05 date, SAV-07 amount, SAV-08 ceiling or totals, or SAV-04 not a current member.</exception>
    public LedgerEntry Deposit(HostToday today, LocalDate date, PersonId member, Rupiah amount, string? reference = null)
    {
        IdGuard.Check(member);
        CheckText(reference);
        ThrowIf(CheckDates(today, date) ?? CheckPositive(amount) ?? CheckLimits(EntryKind.SavingsDeposit, amount.Amount)
            ?? CheckCurrentMember(member, RuleIds.Sav04, SavingsErrors.NotACurrentMember));
        // The same append as every other entry: a pair of legs is stored and hashed as a pair by the entry itself.
        return Post(date, EntryKind.SavingsDeposit,
            [LedgerLeg.Debit(LedgerAccount.Cash, amount), LedgerLeg.Credit(LedgerAccount.MemberSavings(member), amount)],
            member, null, reference, null, null, null);
    }

    /// <summary>
    /// A member (current or former) withdraws <paramref name="amount"/> of their savings: debit savings, credit cash.
    /// </summary>
    /// <exception cref="ArgumentException">The member id is the default id.</exception>
    /// <exception cref="RuleViolationException">SAV-01 reference too long, SAV-05 date, SAV-07 amount, SAV-02 savings or cash insufficient.</exception>
    public LedgerEntry Withdraw(HostToday today, LocalDate date, PersonId member, Rupiah amount, string? reference = null)
    {
        IdGuard.Check(member);
        CheckText(reference);
        ThrowIf(CheckDates(today, date) ?? CheckPositive(amount));
        return Post(date, EntryKind.SavingsWithdrawal,
            [LedgerLeg.Debit(LedgerAccount.MemberSavings(member), amount), LedgerLeg.Credit(LedgerAccount.Cash, amount)],
            member, null, reference, null, null, null);
    }

    /// <summary>
    /// The SAV-04 report as of <paramref name="asOf"/> for the group's current members (see
    /// <see cref="SavingsArrearsReport"/> for the catch-up rule). A member owes the profile's
    /// <c>Savings.WeeklySavingsAmount</c> (as it is now) for every week from the week of the later of their join date
    /// and <see cref="OpenedOn"/>, through the week containing <paramref name="asOf"/>.
    /// </summary>
    /// <param name="asOf">The report date; entries dated after it are ignored.</param>
    /// <param name="joinedOn">Join dates by member; a current member missing here is taken to have joined when the books opened.</param>
    public SavingsArrearsReport SavingsArrears(LocalDate asOf, IReadOnlyDictionary<PersonId, LocalDate>? joinedOn = null)
    {
        var weekly = _group.Profile.Savings.WeeklySavingsAmount.Amount;
        var deposited = new Dictionary<PersonId, long>();
        foreach (var entry in _entries)
        {
            if (entry.BookDate > asOf)
            {
                break;
            }
            if (entry.Kind == EntryKind.SavingsDeposit)
            {
                deposited[entry.Member!.Value] = deposited.GetValueOrDefault(entry.Member!.Value) + entry.Amount.Amount;
            }
            else if (entry.Kind == EntryKind.Reversal && Original(entry).Kind == EntryKind.SavingsDeposit)
            {
                deposited[entry.Member!.Value] = deposited.GetValueOrDefault(entry.Member!.Value) - entry.Amount.Amount;
            }
        }
        var asOfWeek = WeekOf(asOf);
        var lines = new List<MemberSavingsArrears>();
        foreach (var member in _group.CurrentMembers)
        {
            var joined = joinedOn is not null && joinedOn.TryGetValue(member, out var j) ? j : OpenedOn;
            var start = joined > OpenedOn ? joined : OpenedOn;
            var from = WeekOf(start);
            var due = asOf < start ? 0 : asOfWeek.WeeksSince(from) + 1;
            var paid = Math.Max(0, deposited.GetValueOrDefault(member));
            var coveredAll = paid / weekly;
            var covered = (int)Math.Min(coveredAll, due);
            var missing = new List<BookWeek>(due - covered);
            for (var w = covered; w < due; w++)
            {
                missing.Add(from.PlusWeeks(w));
            }
            var owed = checked(due * weekly);
            lines.Add(new MemberSavingsArrears(member, from, due, covered, missing, Rupiah.Of(paid), Rupiah.Of(owed),
                Rupiah.Of(Math.Max(0, owed - paid)), Rupiah.Of(Math.Max(0, paid - owed))));
        }
        return new SavingsArrearsReport(Group, asOf, Rupiah.Of(weekly), lines);
    }

    // ----------------------------------------------------------------------------------------------
    // IKS (SAV-06), grant (AID), loan fund capital, transfers, expenses
    // ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Records a business profit and sets aside the profile's <c>Savings.IksShareOfProfit</c> of it for the IKS fund
    /// (SAV-06): debit cash, credit IKS, by the share computed with <see cref="Rate.Of(Rupiah)"/> (truncated toward
    /// zero to whole rupiah). The remainder stays with the business (the UEP's own capital) and is not booked here;
    /// the memo states profit, rate, share and remainder (<c>profit=1000000;rateBp=1000;iks=100000;retained=900000</c>).
    /// </summary>
    /// <exception cref="RuleViolationException">SAV-01 reference too long, SAV-05 date, SAV-07 profit not positive, SAV-06 a share of zero.</exception>
    public LedgerEntry RecordBusinessProfit(HostToday today, LocalDate date, Rupiah profit, string? reference = null)
    {
        CheckText(reference);
        ThrowIf(CheckDates(today, date) ?? CheckPositive(profit) ?? CheckCeiling(profit.Amount));
        var rate = _group.Profile.Savings.IksShareOfProfit;
        var share = rate.Of(profit);
        if (!share.IsPositive)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Sav06, SavingsErrors.NoIksShare, ("Profit", profit), ("Rate", rate)));
        }
        var memo = string.Create(CultureInfo.InvariantCulture, $"profit={profit.Amount};rateBp={rate.BasisPoints};iks={share.Amount};retained={(profit - share).Amount}");
        return Post(date, EntryKind.IksFromProfit,
            [LedgerLeg.Debit(LedgerAccount.Cash, share), LedgerLeg.Credit(LedgerAccount.Iks, share)],
            null, null, reference, memo, null, null, new EntryFacts(profit, null, null, null, null));
    }

    /// <summary>
    /// Spends IKS on a solidarity purpose described in text, naming no member (e.g. help to a poor non-member family,
    /// a neighbourhood activity): debit IKS, credit cash. The memo is the purpose text. To help a member in social need,
    /// use <see cref="SpendIks(HostToday, LocalDate, Rupiah, IksPurpose, string, PersonId?, string?)"/>, which names the member.
    /// </summary>
    /// <exception cref="RuleViolationException">SAV-06 the purpose is blank (<see cref="SavingsErrors.IksPurposeRequired"/>), SAV-01 a text
    /// too long, SAV-05 date, SAV-07 amount, SAV-02 IKS or cash insufficient.</exception>
    public LedgerEntry SpendIks(HostToday today, LocalDate date, Rupiah amount, string purpose, string? reference = null)
    {
        CheckIksPurpose(purpose);
        CheckText(reference, purpose);
        ThrowIf(CheckDates(today, date) ?? CheckPositive(amount));
        return Post(date, EntryKind.IksSpend,
            [LedgerLeg.Debit(LedgerAccount.Iks, amount), LedgerLeg.Credit(LedgerAccount.Cash, amount)],
            null, null, reference, purpose, null, null);
    }

    /// <summary>
    /// Spends IKS on a stated purpose (SAV-06): debit IKS, credit cash. The fund serves "anggota kelompok, keluarga
    /// miskin lainnya" in social need and the neighbourhood's development, so a spend may name a current member as its
    /// <paramref name="beneficiary"/> (the entry's member): the member receives the help in cash, and the spend reduces
    /// IKS, never the member's savings. Refused: a spend whose purpose is <see cref="IksPurpose.ProfitShare"/> (a profit
    /// share or dividend to members, <see cref="SavingsErrors.IksNotADividend"/>), and a beneficiary who is not a current
    /// member (<see cref="SavingsErrors.IksBeneficiaryNotAMember"/>; help to another family names no member). Moving IKS
    /// into savings is refused by <see cref="TransferBetweenFunds"/>.
    /// </summary>
    /// <remarks>The memo is <c>purpose=SocialNeed;description=…</c>: the purpose by name, then the description as given.</remarks>
    /// <param name="today">The host's today in the group's time zone (SAV-09).</param>
    /// <param name="date">Book date.</param>
    /// <param name="amount">Positive whole rupiah.</param>
    /// <param name="purpose">What the spend is for.</param>
    /// <param name="description">What happened and for whom (e.g. "biaya rumah sakit, anak Ibu Sari"); required.</param>
    /// <param name="beneficiary">The member helped, or null when the spend helps no member (another family, the community).</param>
    /// <param name="reference">Receipt reference, optional.</param>
    /// <exception cref="ArgumentException">The purpose is unknown, or the beneficiary is the default id.</exception>
    /// <exception cref="RuleViolationException">SAV-06 the description is blank (<see cref="SavingsErrors.IksPurposeRequired"/>), SAV-01 a
    /// text too long, SAV-06 profit share or beneficiary not a member, SAV-05 date, SAV-07 amount, SAV-02 IKS or cash insufficient.</exception>
    public LedgerEntry SpendIks(HostToday today, LocalDate date, Rupiah amount, IksPurpose purpose, string description, PersonId? beneficiary = null, string? reference = null)
    {
        Preconditions.CheckArgument(Enum.IsDefined(purpose), nameof(purpose), "Unknown IKS purpose.");
        if (beneficiary is { } member)
        {
            IdGuard.Check(member, nameof(beneficiary));
        }
        CheckIksPurpose(description);
        var memo = IksSpendMemo(purpose, description);
        CheckText(reference, memo);
        var violation = purpose == IksPurpose.ProfitShare
            ? RuleViolation.Of(RuleIds.Sav06, SavingsErrors.IksNotADividend, ("Amount", amount))
            : beneficiary is { } named ? CheckCurrentMember(named, RuleIds.Sav06, SavingsErrors.IksBeneficiaryNotAMember) : null;
        ThrowIf(violation ?? CheckDates(today, date) ?? CheckPositive(amount));
        return Post(date, EntryKind.IksSpend,
            [LedgerLeg.Debit(LedgerAccount.Iks, amount), LedgerLeg.Credit(LedgerAccount.Cash, amount)],
            beneficiary, null, reference, memo, null, null, new EntryFacts(null, purpose, null, null, null));
    }

    /// <summary>
    /// SAV-06: an IKS spend is recorded with its purpose, a text a person can read: refused with
    /// <see cref="SavingsErrors.IksPurposeRequired"/> when it is null or blank as <see cref="ReadableName.IsBlank"/> judges it
    /// (white space, invisible characters and controls only), naming the parameter as the caller wrote it.
    /// </summary>
    private static void CheckIksPurpose(string? text, [CallerArgumentExpression(nameof(text))] string name = "")
    {
        if (ReadableName.IsBlank(text))
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Sav06, SavingsErrors.IksPurposeRequired, ("PropertyName", name)));
        }
    }

    private const string IksPurposeMemoPrefix = "purpose=";

    private static string IksSpendMemo(IksPurpose purpose, string description) =>
        IksPurposeMemoPrefix + purpose.ToString() + ";description=" + description;

    /// <summary>
    /// An aid grant reaches the group's account (AID-01, GRP-07): debit cash, credit grant. The group must be allowed
    /// to move money (<see cref="GroupStandingRules.CheckMayMoveMoney"/>: active, not under strength, bendahara in office).
    /// </summary>
    /// <exception cref="RuleViolationException">SAV-01 reference too long, SAV-05 date, SAV-07 amount, GRP-05/GRP-06/OFF-04 standing.</exception>
    public LedgerEntry CreditGrant(HostToday today, LocalDate date, Rupiah amount, string? reference = null)
    {
        CheckText(reference);
        ThrowIf(CheckDates(today, date) ?? CheckPositive(amount) ?? GroupStandingRules.CheckMayMoveMoney(_group));
        return Post(date, EntryKind.GrantCredited,
            [LedgerLeg.Debit(LedgerAccount.Cash, amount), LedgerLeg.Credit(LedgerAccount.Grant, amount)],
            null, null, reference, null, null, null);
    }

    /// <summary>Grant money is spent against a receipt (AID-03): debit grant, credit cash. Spends never exceed the grant (SAV-02).</summary>
    /// <param name="today">The host's today in the group's time zone (SAV-09).</param>
    /// <param name="date">Book date.</param>
    /// <param name="amount">Positive whole rupiah.</param>
    /// <param name="receiptReference">The receipt (kuitansi) reference; required.</param>
    /// <param name="category">The spending category for the LPJ, optional, stored as the memo.</param>
    /// <exception cref="RuleViolationException">AID-03 the receipt reference is blank (<see cref="Aid.AidErrors.ReceiptMissing"/>, judged as
    /// the LPJ judges it), SAV-01 a text too long, SAV-05 date, SAV-07 amount, SAV-02 grant or cash insufficient.</exception>
    public LedgerEntry SpendGrant(HostToday today, LocalDate date, Rupiah amount, string receiptReference, string? category = null)
    {
        ThrowIf(Aid.AccountabilityReport.CheckReceipt(receiptReference, amount));
        CheckText(receiptReference, category);
        ThrowIf(CheckDates(today, date) ?? CheckPositive(amount));
        return Post(date, EntryKind.GrantSpend,
            [LedgerLeg.Debit(LedgerAccount.Grant, amount), LedgerLeg.Credit(LedgerAccount.Cash, amount)],
            null, null, receiptReference, category, null, null);
    }

    /// <summary>
    /// Capital comes into the loan fund from outside the group: debit cash, credit loan fund. The ledger checks no LOAN-01
    /// gate: book a UPK loan to a KSM with <see cref="Loans.LoanRevolving.BorrowFromUpk"/>, which checks LOAN-01 (b) first.
    /// </summary>
    /// <exception cref="RuleViolationException">SAV-01 reference too long, SAV-05 date, SAV-07 amount.</exception>
    public LedgerEntry AddLoanCapital(HostToday today, LocalDate date, Rupiah amount, string? reference = null)
    {
        CheckText(reference);
        ThrowIf(CheckDates(today, date) ?? CheckPositive(amount));
        return Post(date, EntryKind.LoanCapitalAdded,
            [LedgerLeg.Debit(LedgerAccount.Cash, amount), LedgerLeg.Credit(LedgerAccount.LoanFund, amount)],
            null, null, reference, null, null, null);
    }

    /// <summary>
    /// Moves money between group funds without touching cash: debit <paramref name="from"/>, credit <paramref name="to"/>.
    /// Allowed: grant → loan fund or IKS; loan fund → grant or IKS; a member's savings → loan fund, IKS or grant (a
    /// member's voluntary contribution). Refused: anything out of IKS (SAV-06: IKS is never moved into savings or another
    /// fund; it leaves only as an IKS spend with its purpose, which may help a member in need, or as renteng cover), and
    /// the grant or the loan fund into a member's savings (GRP-07: group assets; a member receives loan fund money only
    /// as a loan).
    /// </summary>
    /// <exception cref="ArgumentException">An account is not a fund (cash, receivable, income, expenses), the accounts are
    /// equal, or both are member savings.</exception>
    /// <exception cref="RuleViolationException">SAV-01 reference too long, SAV-06, GRP-07, SAV-05 date, SAV-07 amount, SAV-02 source insufficient.</exception>
    public LedgerEntry TransferBetweenFunds(HostToday today, LocalDate date, LedgerAccount from, LedgerAccount to, Rupiah amount, string? reference = null)
    {
        Preconditions.CheckArgument(IsFund(from), nameof(from), "Only IKS, grant, loan fund and member savings take part in a fund transfer.");
        Preconditions.CheckArgument(IsFund(to), nameof(to), "Only IKS, grant, loan fund and member savings take part in a fund transfer.");
        Preconditions.CheckArgument(from != to, nameof(to), "A transfer needs two different accounts.");
        Preconditions.CheckArgument(!(from.Kind == AccountKind.MemberSavings && to.Kind == AccountKind.MemberSavings), nameof(to), "Savings do not move between members.");
        CheckText(reference);
        RuleViolation? fundRule = from.Kind == AccountKind.Iks
            ? RuleViolation.Of(RuleIds.Sav06, SavingsErrors.IksNotPaidOut, ("To", to))
            : to.Kind == AccountKind.MemberSavings
                ? RuleViolation.Of(RuleIds.Grp07, SavingsErrors.GroupFundNotForMember, ("From", from.Kind))
                : null;
        ThrowIf(fundRule ?? CheckDates(today, date) ?? CheckPositive(amount));
        return Post(date, EntryKind.FundTransfer,
            [LedgerLeg.Debit(from, amount), LedgerLeg.Credit(to, amount)],
            from.Member, null, reference, null, null, null);
    }

    /// <summary>
    /// An operating expense is paid from group cash: debit expenses, credit cash. Expenses may exceed service-charge
    /// income (PORT-01 cost coverage then falls below 100 %) but never take cash below zero.
    /// </summary>
    /// <exception cref="RuleViolationException">SAV-01 a text too long, SAV-05 date, SAV-07 amount, SAV-02 cash insufficient.</exception>
    public LedgerEntry RecordExpense(HostToday today, LocalDate date, Rupiah amount, string? reference = null, string? description = null)
    {
        CheckText(reference, description);
        ThrowIf(CheckDates(today, date) ?? CheckPositive(amount));
        return Post(date, EntryKind.Expense,
            [LedgerLeg.Debit(LedgerAccount.Expenses, amount), LedgerLeg.Credit(LedgerAccount.Cash, amount)],
            null, null, reference, description, null, null);
    }

    // ----------------------------------------------------------------------------------------------
    // Loans (LOAN-05, LOAN-06, LOAN-08, LOAN-09) at the ledger level
    // ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Disburses <paramref name="principal"/> of <paramref name="loan"/> to <paramref name="borrower"/>: debit the loan
    /// receivable, credit cash. Needs a current member as borrower, a group allowed to move money (GRP-05, GRP-06,
    /// OFF-04), and at least the principal in both <see cref="LoanFundAvailable"/> and <see cref="Cash"/>. The LOAN rules
    /// (meeting decision, ceilings, arrears…) are the loan aggregate's to check before calling. Several disbursements
    /// of one loan (tranches) are allowed, always to the same borrower.
    /// </summary>
    /// <exception cref="ArgumentException">A default id, or a loan id already disbursed to another borrower.</exception>
    /// <exception cref="RuleViolationException">SAV-01 reference too long, SAV-05 date, SAV-07 amount, LOAN-06 borrower not a member, GRP-05/GRP-06/OFF-04
    /// standing, SAV-02 loan fund available or cash insufficient.</exception>
    public LedgerEntry DisburseLoan(HostToday today, LocalDate date, LoanId loan, PersonId borrower, Rupiah principal, string? reference = null)
    {
        IdGuard.Check(loan);
        IdGuard.Check(borrower, nameof(borrower));
        CheckText(reference);
        Preconditions.CheckArgument(_balances.BorrowerOf(loan) is not { } known || known == borrower, nameof(loan), "The loan was disbursed to another borrower.");
        ThrowIf(CheckDates(today, date) ?? CheckPositive(principal)
            ?? CheckCurrentMember(borrower, RuleIds.Loan06, SavingsErrors.BorrowerNotAMember)
            ?? GroupStandingRules.CheckMayMoveMoney(_group));
        return Post(date, EntryKind.LoanDisbursement,
            [LedgerLeg.Debit(LedgerAccount.LoanReceivable(loan, borrower), principal), LedgerLeg.Credit(LedgerAccount.Cash, principal)],
            borrower, loan, reference, null, null, null);
    }

    /// <summary>
    /// A borrower pays an installment: debit cash by <paramref name="principal"/> + <paramref name="serviceCharge"/>;
    /// credit the loan receivable by the principal (which returns to the loan fund's available amount, LOAN-09) and
    /// service-charge income by the jasa. The LOAN-05 allocation (jasa first) is the loan aggregate's; either part may be
    /// zero, not both.
    /// </summary>
    /// <exception cref="ArgumentException">The loan was never disbursed.</exception>
    /// <exception cref="RuleViolationException">SAV-01 reference too long, SAV-05 date, SAV-07 amounts (negative, or both zero), SAV-02 principal above outstanding.</exception>
    public LedgerEntry RecordRepayment(HostToday today, LocalDate date, LoanId loan, Rupiah principal, Rupiah serviceCharge, string? reference = null)
    {
        var borrower = KnownBorrower(loan);
        CheckText(reference);
        ThrowIf(CheckDates(today, date) ?? CheckParts(principal, serviceCharge) ?? CheckSum(principal.Amount, serviceCharge.Amount));
        var legs = new LedgerLeg[1 + (principal.IsPositive ? 1 : 0) + (serviceCharge.IsPositive ? 1 : 0)];
        legs[0] = LedgerLeg.Debit(LedgerAccount.Cash, principal + serviceCharge);
        var i = 1;
        if (principal.IsPositive)
        {
            legs[i++] = LedgerLeg.Credit(LedgerAccount.LoanReceivable(loan, borrower), principal);
        }
        if (serviceCharge.IsPositive)
        {
            legs[i] = LedgerLeg.Credit(LedgerAccount.ServiceChargeIncome, serviceCharge);
        }
        return PostOwned(date, EntryKind.LoanRepayment, legs, borrower, loan, reference, null, null, null);
    }

    /// <summary>
    /// Tanggung renteng (LOAN-08): covers <paramref name="principal"/> + <paramref name="serviceCharge"/> of a defaulter's
    /// arrears on <paramref name="loan"/> from the <paramref name="contributions"/> (the borrower's savings, IKS, other
    /// members' savings). Debit each contributing account; credit the loan receivable (principal) and service-charge
    /// income (jasa). IKS and each other member acquire a claim on the borrower (<see cref="LedgerBalances.RentengClaim"/>)
    /// to be recovered with <see cref="RecoverCover"/>; the borrower's own savings create none. Record one call per step
    /// of the LOAN-08 order; the order and the pro-rata split are the loan aggregate's.
    /// </summary>
    /// <exception cref="ArgumentException">The loan was never disbursed; contributions are empty, do not add up to the
    /// covered amount, repeat a source or member, or name the borrower as another member.</exception>
    /// <exception cref="RuleViolationException">SAV-01 reference too long, SAV-05 date, SAV-07 amounts, SAV-02 (a contributor's savings, IKS, or principal above outstanding).</exception>
    public LedgerEntry CoverArrears(HostToday today, LocalDate date, LoanId loan, Rupiah principal, Rupiah serviceCharge, IReadOnlyList<RentengContribution> contributions, string? reference = null)
    {
        var borrower = KnownBorrower(loan);
        ArgumentNullException.ThrowIfNull(contributions);
        CheckText(reference);
        Preconditions.CheckArgument(contributions.Count > 0, nameof(contributions), "A cover needs at least one contribution.");
        long total = 0;
        for (var i = 0; i < contributions.Count; i++)
        {
            var c = contributions[i];
            Preconditions.CheckArgument(c.Amount.IsPositive, nameof(contributions), "Every contribution needs a positive amount.");
            Preconditions.CheckArgument(c.Source != RentengSource.MemberSavings || c.Member != borrower, nameof(contributions), "The borrower contributes as BorrowerSavings, not as another member.");
            for (var k = 0; k < i; k++)
            {
                Preconditions.CheckArgument(contributions[k].Source != c.Source || contributions[k].Member != c.Member, nameof(contributions), "A source contributes once per cover.");
            }
            total = SaturatingAdd(total, c.Amount.Amount);
        }
        ThrowIf(CheckDates(today, date) ?? CheckParts(principal, serviceCharge) ?? CheckSum(principal.Amount, serviceCharge.Amount) ?? CheckLimits(EntryKind.RentengCover, total));
        Preconditions.CheckArgument(total == principal.Amount + serviceCharge.Amount, nameof(contributions), "The contributions must add up to the principal plus the service charge covered.");
        var legs = new LedgerLeg[contributions.Count + (principal.IsPositive ? 1 : 0) + (serviceCharge.IsPositive ? 1 : 0)];
        var p = 0;
        foreach (var c in contributions)
        {
            var account = c.Source switch
            {
                RentengSource.BorrowerSavings => LedgerAccount.MemberSavings(borrower),
                RentengSource.Iks => LedgerAccount.Iks,
                _ => LedgerAccount.MemberSavings(c.Member!.Value),
            };
            legs[p++] = LedgerLeg.Debit(account, c.Amount);
        }
        if (principal.IsPositive)
        {
            legs[p++] = LedgerLeg.Credit(LedgerAccount.LoanReceivable(loan, borrower), principal);
        }
        if (serviceCharge.IsPositive)
        {
            legs[p] = LedgerLeg.Credit(LedgerAccount.ServiceChargeIncome, serviceCharge);
        }
        return PostOwned(date, EntryKind.RentengCover, legs, borrower, loan, reference, null, null, ClaimChanges(EntryKind.RentengCover, legs, borrower));
    }

    /// <summary>
    /// The defaulter pays back <paramref name="amount"/> to a party that covered for them (LOAN-08): debit cash, credit
    /// IKS or the covering member's savings. Never more than the claimant's open claim on the loan.
    /// </summary>
    /// <exception cref="ArgumentException">The loan was never disbursed.</exception>
    /// <exception cref="RuleViolationException">SAV-01 reference too long, SAV-05 date, SAV-07 amount, SAV-02 recovery above the claim.</exception>
    public LedgerEntry RecoverCover(HostToday today, LocalDate date, LoanId loan, RentengClaimant claimant, Rupiah amount, string? reference = null)
    {
        var borrower = KnownBorrower(loan);
        CheckText(reference);
        ThrowIf(CheckDates(today, date) ?? CheckPositive(amount));
        LedgerLeg[] legs = [LedgerLeg.Debit(LedgerAccount.Cash, amount), LedgerLeg.Credit(claimant.Account, amount)];
        return PostOwned(date, EntryKind.RentengRecovery, legs, borrower, loan, reference, null, null, ClaimChanges(EntryKind.RentengRecovery, legs, borrower));
    }

    // ----------------------------------------------------------------------------------------------
    // Corrections (SAV-01) and weekly close (SAV-05)
    // ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Reverses entry <paramref name="entry"/>: a <see cref="EntryKind.Reversal"/> dated <paramref name="date"/> (in an
    /// open week) with every leg mirrored, the same member and loan, and <paramref name="reason"/> as memo. Restores every
    /// balance the entry changed (and renteng claims). Refused when the entry is unknown, already reversed, or is the
    /// opening, a week close or a reversal (a reversal of a reversal is refused: post the correct entry again instead),
    /// or when undoing it would take a balance below zero (e.g. a deposit already withdrawn).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is the default id.</exception>
    /// <exception cref="RuleViolationException">SAV-01 blank reason (empty, white space or invisible characters only:
    /// <see cref="SavingsErrors.ReversalReasonRequired"/>) / reason or reference too long (<see cref="SavingsErrors.TextTooLong"/>) / unknown / already reversed / not reversible, SAV-05 date, SAV-02 balances.</exception>
    public LedgerEntry Reverse(HostToday today, LocalDate date, EntryId entry, string reason, string? reference = null)
    {
        IdGuard.Check(entry);
        ArgumentNullException.ThrowIfNull(reason);
        if (ReadableName.IsBlank(reason))
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Sav01, SavingsErrors.ReversalReasonRequired));
        }
        CheckText(reference, reason);
        var index = IndexOf(entry);
        if (index < 0)
        {
            throw new RuleViolationException(RuleViolation.Of(RuleIds.Sav01, SavingsErrors.UnknownEntry, ("EntryId", entry)));
        }
        var original = _entries[index];
        ThrowIf(today.CheckNotAfter(date) ?? CheckReversible(original) ?? CheckDate(date));
        Span<LedgerLeg> scratch = stackalloc LedgerLeg[2];
        var originalLegs = original.LegsInto(scratch);
        var legs = new LedgerLeg[originalLegs.Length];
        for (var i = 0; i < legs.Length; i++)
        {
            legs[i] = originalLegs[i].Mirror();
        }
        var claims = Negate(ClaimChanges(original.Kind, originalLegs, original.Member));
        return PostOwned(date, EntryKind.Reversal, legs, original.Member, original.Loan, reference, reason, original.Id, claims);
    }

    /// <summary>
    /// Closes <paramref name="week"/> (SAV-05): computes its totals from its entries, checks they reconcile, and appends a
    /// <see cref="EntryKind.WeekClosed"/> entry dated <paramref name="closedOn"/> whose reference is the week's first day
    /// (ISO) and whose memo is <see cref="WeekTotals.ToCanonicalText"/>. From then on no entry can be dated in the week.
    /// Weeks close in order, starting with the week of <see cref="OpenedOn"/>; a week with no entries is closed with zero totals.
    /// </summary>
    /// <param name="today">The host's today in the group's time zone (SAV-09): the close is not dated after it.</param>
    /// <param name="week">The week; must be <see cref="NextWeekToClose"/>.</param>
    /// <param name="closedOn">The date of the close: on or after the week's last day, not before the last entry, not after today.</param>
    /// <exception cref="ArgumentException">The week does not start on <see cref="WeekStartsOn"/>.</exception>
    /// <exception cref="RuleViolationException">SAV-09 after today or the calendar's last week; SAV-05 out of order, not ended, or date before the last entry.</exception>
    public WeekClose CloseWeek(HostToday today, BookWeek week, LocalDate closedOn)
    {
        Preconditions.CheckArgument(week.Start.DayOfWeek == WeekStartsOn, nameof(week), "The week does not start on the ledger's first day of the week.");
        ThrowIf(today.CheckNotAfter(closedOn) ?? CheckCloseWeek(week, closedOn));
        var totals = ComputeWeekTotals(week);
        if (!totals.Reconciles)
        {
            throw new InvalidOperationException("SAV-05: the week's totals do not reconcile with the running cash balance; the ledger is corrupt.");
        }
        var entry = LedgerEntry.CreateNext(_group.Id, _ids.Next(_entries.Count + 1), _entries.Count + 1, closedOn, EntryKind.WeekClosed, [], null, null, null,
            IsoDateText.Format(week.Start), totals.ToCanonicalText(), null, LastEntry, new EntryFacts(null, null, null, null, week.Start));
        Append(entry, null, totals, ownId: true);
        return _closes[^1].CloseEntry == entry.Id ? _closes[^1] : throw new InvalidOperationException("The close was not registered.");
    }

    /// <summary>The entries (all kinds) dated within <paramref name="week"/>, in ledger order.</summary>
    public IReadOnlyList<LedgerEntry> EntriesIn(BookWeek week)
    {
        var result = new List<LedgerEntry>();
        for (var i = _entries.Count - 1; i >= 0 && _entries[i].BookDate >= week.Start; i--)
        {
            if (_entries[i].BookDate <= week.End)
            {
                result.Add(_entries[i]);
            }
        }
        result.Reverse();
        return result;
    }

    /// <summary>
    /// The totals of <paramref name="week"/> from its entries, whether or not it is closed (SAV-05, FIVE-01, FIVE-03).
    /// Cost: proportional to the entries dated on or after the week's start.
    /// </summary>
    public WeekTotals ComputeWeekTotals(BookWeek week)
    {
        long fromStart = 0;
        long afterEnd = 0;
        long cashIn = 0;
        long cashOut = 0;
        long deposits = 0;
        long withdrawals = 0;
        var count = 0;
        var first = 0;
        var last = -1;
        var kindsPresent = 0;
        var byKind = default(WeekTotals.KindAmounts);
        var entries = CollectionsMarshal.AsSpan(_entries);
        Span<LedgerLeg> scratch = stackalloc LedgerLeg[2];
        for (var i = entries.Length - 1; i >= 0 && entries[i].BookDate >= week.Start; i--)
        {
            var entry = entries[i];
            long delta = 0;
            long debits = 0;
            long entryIn = 0;
            long entryOut = 0;
            var legs = entry.IsPairEntry ? default : entry.LegsInto(scratch);
            if (entry.IsPairEntry)
            {
                // One debit and one credit of the amount; cash (debit-normal) gains on a cash debit, loses on a cash credit.
                (debits, entryIn, entryOut) = entry.PairFacts;
                delta = entryIn - entryOut;
            }
            foreach (ref readonly var leg in legs)
            {
                var amount = leg.Amount.Amount;
                if (leg.Side == LegSide.Debit)
                {
                    debits = checked(debits + amount);
                }
                if (leg.Account.Kind == AccountKind.Cash)
                {
                    var signed = leg.SignedAmount;
                    delta += signed;
                    if (signed > 0)
                    {
                        entryIn += amount;
                    }
                    else
                    {
                        entryOut += amount;
                    }
                }
            }
            fromStart += delta;
            if (entry.BookDate > week.End)
            {
                afterEnd += delta;
                continue;
            }
            if (legs.IsEmpty && !entry.IsPairEntry)
            {
                continue;
            }
            if (last < 0)
            {
                last = i;
            }
            first = i;
            count++;
            cashIn += entryIn;
            cashOut += entryOut;
            var kind = (int)entry.Kind;
            kindsPresent |= 1 << kind;
            byKind[kind] = checked(byKind[kind] + debits);
            if (entry.Kind == EntryKind.SavingsDeposit)
            {
                deposits += debits;
            }
            else if (entry.Kind == EntryKind.SavingsWithdrawal)
            {
                withdrawals += debits;
            }
        }
        var cash = _balances.Cash.Amount;
        return new WeekTotals(this, week, first, last, count, byKind, kindsPresent, Rupiah.Of(deposits), Rupiah.Of(withdrawals),
            Rupiah.Of(cashIn), Rupiah.Of(cashOut), Rupiah.Of(cash - fromStart), Rupiah.Of(cash - afterEnd));
    }

    /// <summary>True when <paramref name="entry"/> is a reversal of a savings deposit (FIVE-01 nets it out of the week's deposits).</summary>
    internal bool ReversesDeposit(LedgerEntry entry) => entry.Kind == EntryKind.Reversal && Original(entry).Kind == EntryKind.SavingsDeposit;

    // ----------------------------------------------------------------------------------------------
    // Snapshots (PORT-02)
    // ----------------------------------------------------------------------------------------------

    /// <summary>
    /// The balances as of the end of <paramref name="asOf"/>: a fresh replay of every entry dated on or before it (a
    /// prefix of the chain, since dates never decrease). The snapshot names the last entry it includes and that
    /// entry's hash, so any indicator computed from it can be reproduced and tied to the chain (PORT-02).
    /// </summary>
    public LedgerSnapshot SnapshotAsOf(LocalDate asOf)
    {
        var balances = new LedgerBalances();
        var count = 0;
        Span<LedgerLeg> scratch = stackalloc LedgerLeg[2];
        Span<LedgerLeg> originalScratch = stackalloc LedgerLeg[2];
        foreach (var entry in _entries)
        {
            if (entry.BookDate > asOf)
            {
                break;
            }
            var legs = entry.LegsInto(scratch);
            balances.Apply(legs);
            var claims = entry.Kind == EntryKind.Reversal
                ? Negate(ClaimChanges(Original(entry).Kind, Original(entry).LegsInto(originalScratch), entry.Member))
                : ClaimChanges(entry.Kind, legs, entry.Member);
            if (claims is not null)
            {
                balances.ApplyClaims(entry.Loan!.Value, ToTuples(claims));
            }
            count++;
        }
        var last = count == 0 ? null : _entries[count - 1];
        return new LedgerSnapshot(Group, asOf, count, last?.Id, last?.Hash, balances);
    }

    // ----------------------------------------------------------------------------------------------
    // Internals
    // ----------------------------------------------------------------------------------------------

    private LedgerEntry Post(LocalDate date, EntryKind kind, ReadOnlySpan<LedgerLeg> legs, PersonId? member, LoanId? loan, string? reference, string? memo, EntryId? reverses, ClaimChange[]? claims, EntryFacts? facts = null) =>
        Post(date, kind, legs, null, member, loan, reference, memo, reverses, claims, facts);

    // The entry keeps the caller's fresh array as its legs (no copy).
    private LedgerEntry PostOwned(LocalDate date, EntryKind kind, LedgerLeg[] legs, PersonId? member, LoanId? loan, string? reference, string? memo, EntryId? reverses, ClaimChange[]? claims) =>
        Post(date, kind, legs, legs, member, loan, reference, memo, reverses, claims);

    private LedgerEntry Post(LocalDate date, EntryKind kind, ReadOnlySpan<LedgerLeg> legs, LedgerLeg[]? owned, PersonId? member, LoanId? loan, string? reference, string? memo, EntryId? reverses, ClaimChange[]? claims, EntryFacts? facts = null)
    {
        ThrowIf(CheckLimits(kind, Debits(legs)) ?? _balances.Check(legs) ?? CheckClaims(loan, claims));
        var entry = LedgerEntry.CreateNext(_group.Id, _ids.Next(_entries.Count + 1), _entries.Count + 1, date, kind, legs, owned, member, loan, reference, memo, reverses, LastEntry, facts);
        Append(entry, legs, claims, ownId: true);
        return entry;
    }

    private LedgerEntry? LastEntry => _entries.Count == 0 ? null : _entries[^1];

    private void Append(LedgerEntry entry, ClaimChange[]? claims, WeekTotals? closedWeekTotals = null, bool ownId = false)
    {
        Span<LedgerLeg> scratch = stackalloc LedgerLeg[2];
        Append(entry, entry.LegsInto(scratch), claims, closedWeekTotals, ownId);
    }

    // The one append: `legs` are the entry's own legs (a posting passes those it built the entry from).
    private void Append(LedgerEntry entry, ReadOnlySpan<LedgerLeg> legs, ClaimChange[]? claims, WeekTotals? closedWeekTotals = null, bool ownId = false)
    {
        if (!ownId && entry.Id != _ids.Next(entry.Sequence))
        {
            _foreignIds.Add(entry.Id, _entries.Count);
        }
        _entries.Add(entry);
        _balances.Apply(legs);
        if (claims is not null)
        {
            _balances.ApplyClaims(entry.Loan!.Value, ToTuples(claims));
        }
        if (entry.Reverses is { } reversed)
        {
            _reversedBy.Add(reversed, entry.Id);
        }
        if (entry.Kind == EntryKind.WeekClosed)
        {
            // The close entry has no legs: the week's totals are the same after it as before it.
            var totals = closedWeekTotals ?? ComputeWeekTotals(BookWeek.StartingOn(entry.ClosedWeekStart!.Value, WeekStartsOn));
            var week = totals.Week;
            _closes.Add(new WeekClose(totals, entry.BookDate, entry.Id));
            _closedThrough = week.End;
            _nextWeekToClose = week.Next;
        }
        Appended(entry);
    }

    // After every append: the chain head, the last date, and SAV-03 from the running totals (O(1)).
    private void Appended(LedgerEntry entry)
    {
        _turnover = SaturatingAdd(_turnover, entry.Amount.Amount);
        _lastHash = entry.Hash;
        _lastDate = entry.BookDate;
        if (!_balances.IsConserved)
        {
            throw new InvalidOperationException($"{RuleIds.Sav03} broken after entry {entry.Sequence}: the ledger is corrupt.");
        }
    }

    // A loan entry's receivable legs name the loan's known borrower and the entry's loan; renteng entries name a loan.
    private bool LegsFitEntry(LedgerEntry entry, ReadOnlySpan<LedgerLeg> legs)
    {
        if (entry.Kind is EntryKind.RentengCover or EntryKind.RentengRecovery or EntryKind.LoanRepayment or EntryKind.LoanDisbursement
            && (entry.Loan is null || entry.Member is null))
        {
            return false;
        }
        foreach (ref readonly var leg in legs)
        {
            if (leg.Account.Kind == AccountKind.LoanReceivable)
            {
                if (leg.Account.Loan != entry.Loan || leg.Account.Member != entry.Member)
                {
                    return false;
                }
                if (_balances.BorrowerOf(leg.Account.Loan!.Value) is { } known && known != leg.Account.Member)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>SAV-09 then SAV-05 for a posting on <paramref name="date"/> by a host whose today is <paramref name="today"/>.</summary>
    internal RuleViolation? CheckDates(HostToday today, LocalDate date) => today.CheckNotAfter(date) ?? CheckDate(date);

    /// <summary>
    /// SAV-08, the one check every new posting passes before it is appended: the entry's <paramref name="amount"/> is
    /// within the profile's <c>Savings.MaxSingleAmount</c> (a reversal, which restores an accepted entry, is exempt),
    /// and the ledger's turnover after it stays representable. Also used by the loan fund before an operation that
    /// posts several entries, with their sum.
    /// </summary>
    internal RuleViolation? CheckLimits(EntryKind kind, long amount)
    {
        var ceiling = _group.Profile.Savings.MaxSingleAmount;
        if (kind != EntryKind.Reversal && amount > ceiling.Amount)
        {
            return AboveCeiling(amount, ceiling);
        }
        return amount > long.MaxValue - _turnover ? TotalsOutOfRange(amount) : null;
    }

    /// <summary>SAV-08 for one amount of an operation (e.g. a loan's principal or a payment) before any entry is built.</summary>
    internal RuleViolation? CheckCeiling(long amount)
    {
        var ceiling = _group.Profile.Savings.MaxSingleAmount;
        return amount > ceiling.Amount ? AboveCeiling(amount, ceiling) : null;
    }

    /// <summary>SAV-08 for the entries of an operation that posts several (their amounts' sum): the turnover after them stays representable.</summary>
    internal RuleViolation? CheckTurnoverRoom(long total) =>
        total > long.MaxValue - _turnover ? TotalsOutOfRange(total) : null;

    private static RuleViolation AboveCeiling(long amount, Rupiah ceiling) =>
        RuleViolation.Of(RuleIds.Sav08, SavingsErrors.AmountAboveCeiling, ("Amount", Rupiah.Of(amount)), ("MaxSingleAmount", ceiling));

    /// <summary>SAV-08: an amount (or a sum) whose totals would not be representable; the one place this violation is built.</summary>
    internal static RuleViolation TotalsOutOfRange(long amount) =>
        RuleViolation.Of(RuleIds.Sav08, SavingsErrors.TotalsOutOfRange, ("Amount", Rupiah.Of(amount)), ("Limit", Rupiah.Of(long.MaxValue)));

    // SAV-08: two non-negative parts whose sum would not be representable.
    private static RuleViolation? CheckSum(long a, long b) =>
        a >= 0 && b >= 0 && a > long.MaxValue - b ? TotalsOutOfRange(long.MaxValue) : null;

    // The sum of the debit legs, saturating at long.MaxValue (a sum that large is refused by SAV-08 anyway).
    private static long Debits(ReadOnlySpan<LedgerLeg> legs)
    {
        long debits = 0;
        foreach (var leg in legs)
        {
            if (leg.Side == LegSide.Debit)
            {
                debits = SaturatingAdd(debits, leg.Amount.Amount);
            }
        }
        return debits;
    }

    internal static long SaturatingAdd(long total, long amount) =>
        amount > 0 && total > long.MaxValue - amount ? long.MaxValue : total + amount;

    /// <summary>SAV-05 for a posting on <paramref name="date"/>; also used by the loan fund before an operation that posts several entries.</summary>
    internal RuleViolation? CheckDate(LocalDate date)
    {
        if (date < OpenedOn)
        {
            return RuleViolation.Of(RuleIds.Sav05, SavingsErrors.DateBeforeOpening, ("Date", date), ("OpenedOn", OpenedOn));
        }
        if (_closedThrough is { } through && date <= through)
        {
            return RuleViolation.Of(RuleIds.Sav05, SavingsErrors.WeekClosed, ("Date", date), ("ClosedThrough", through));
        }
        if (date < _lastDate)
        {
            return RuleViolation.Of(RuleIds.Sav05, SavingsErrors.DateBeforeLastEntry, ("Date", date), ("LastDate", _lastDate));
        }
        return null;
    }

    private RuleViolation? CheckCloseWeek(BookWeek week, LocalDate closedOn)
    {
        if (!week.HasNext)
        {
            // The calendar's last week: no week would follow it to take the next entries.
            return DateOutOfRange(week.Start);
        }
        if (week != _nextWeekToClose)
        {
            return RuleViolation.Of(RuleIds.Sav05, SavingsErrors.WeekOutOfOrder, ("Week", week), ("Expected", _nextWeekToClose));
        }
        if (closedOn < week.End)
        {
            return RuleViolation.Of(RuleIds.Sav05, SavingsErrors.WeekNotEnded, ("Week", week), ("ClosedOn", closedOn));
        }
        return CheckDate(closedOn);
    }

    private RuleViolation? CheckReversible(LedgerEntry original)
    {
        if (original.Kind is EntryKind.BooksOpened or EntryKind.WeekClosed or EntryKind.Reversal)
        {
            return RuleViolation.Of(RuleIds.Sav01, SavingsErrors.NotReversible, ("EntryId", original.Id), ("Kind", original.Kind));
        }
        if (_reversedBy.TryGetValue(original.Id, out var by))
        {
            return RuleViolation.Of(RuleIds.Sav01, SavingsErrors.AlreadyReversed, ("EntryId", original.Id), ("ReversedBy", by));
        }
        return null;
    }

    private RuleViolation? CheckCurrentMember(PersonId member, RuleId rule, string code) =>
        IsCurrentMember(member) ? null : RuleViolation.Of(rule, code, ("Member", member));

    // The standing's own Contains (a set's is O(1)) without going through Enumerable.Contains.
    private bool IsCurrentMember(PersonId member) => _group.CurrentMembers switch
    {
        HashSet<PersonId> set => set.Contains(member),
        ICollection<PersonId> collection => collection.Contains(member),
        var members => members.Contains(member),
    };

    private RuleViolation? CheckClaims(LoanId? loan, ClaimChange[]? claims) =>
        claims is null || loan is not { } l ? null : _balances.CheckClaims(l, ToTuples(claims));

    /// <summary>SAV-09: a date outside the ISO calendar's range (the one place this violation is built).</summary>
    internal static RuleViolation DateOutOfRange(LocalDate date) =>
        RuleViolation.Of(RuleIds.Sav09, SavingsErrors.DateOutOfRange, ("Date", date));

    private static RuleViolation? CheckPositive(Rupiah amount) =>
        amount.IsPositive ? null : NotPositive(amount);

    private static RuleViolation? CheckParts(Rupiah principal, Rupiah serviceCharge) =>
        principal.IsNegative || serviceCharge.IsNegative || (!principal.IsPositive && !serviceCharge.IsPositive)
            ? NotPositive(principal.IsNegative ? principal : serviceCharge)
            : null;

    private static RuleViolation NotPositive(Rupiah amount) =>
        RuleViolation.Of(RuleIds.Sav07, SavingsErrors.AmountNotPositive, ("Amount", amount));

    private PersonId KnownBorrower(LoanId loan)
    {
        IdGuard.Check(loan);
        return _balances.BorrowerOf(loan) ?? throw new ArgumentException("The loan was never disbursed in this ledger.", nameof(loan));
    }

    private LedgerEntry Original(LedgerEntry reversal) => _entries[IndexOf(reversal.Reverses!.Value)];

    // O(1) without a per-entry dictionary: an id of this ledger's scheme encodes its sequence number.
    private int IndexOf(EntryId id)
    {
        if (_ids.TrySequence(id, out var sequence) && sequence >= 1 && sequence <= _entries.Count && _entries[(int)(sequence - 1)].Id == id)
        {
            return (int)(sequence - 1);
        }
        return _foreignIds.TryGetValue(id, out var index) ? index : -1;
    }

    private static void ThrowIf(RuleViolation? violation)
    {
        if (violation is not null)
        {
            throw new RuleViolationException(violation);
        }
    }

    /// <summary>
    /// SAV-01: refuses a reference longer than <see cref="LedgerEntry.MaxReferenceLength"/> or a memo (a reason, a purpose,
    /// a description, a category) longer than <see cref="LedgerEntry.MaxMemoLength"/> with <see cref="SavingsErrors.TextTooLong"/>,
    /// naming the parameter as the caller wrote it. Called first in every posting, before anything changes, and by
    /// <see cref="Loans.LoanRevolving.SignJointLiabilityStatement"/> for the statement's document reference.
    /// </summary>
    internal static void CheckText(string? reference, string? memo = null,
        [CallerArgumentExpression(nameof(reference))] string referenceName = "", [CallerArgumentExpression(nameof(memo))] string memoName = "")
    {
        if (reference is { Length: > LedgerEntry.MaxReferenceLength })
        {
            throw TextTooLong(referenceName, reference.Length, LedgerEntry.MaxReferenceLength);
        }
        if (memo is { Length: > LedgerEntry.MaxMemoLength })
        {
            throw TextTooLong(memoName, memo.Length, LedgerEntry.MaxMemoLength);
        }
    }

    private static RuleViolationException TextTooLong(string name, int length, int maxLength) =>
        new(RuleViolation.Of(RuleIds.Sav01, SavingsErrors.TextTooLong, ("PropertyName", name), ("TotalLength", length), ("MaxLength", maxLength)));

    private static bool IsFund(LedgerAccount account) =>
        account.Kind is AccountKind.Iks or AccountKind.Grant or AccountKind.LoanFund or AccountKind.MemberSavings;

    private static bool IsBalanced(LedgerEntry entry)
    {
        var legless = entry.Kind is EntryKind.BooksOpened or EntryKind.WeekClosed;
        if (legless != (entry.LegCount == 0))
        {
            return false;
        }
        if (entry.IsPairEntry)
        {
            // A pair is one debit and one credit of its one amount: balanced by its shape.
            return true;
        }
        long debits = 0;
        long credits = 0;
        Span<LedgerLeg> scratch = stackalloc LedgerLeg[2];
        foreach (var leg in entry.LegsInto(scratch))
        {
            if (leg.Side == LegSide.Debit)
            {
                debits = checked(debits + leg.Amount.Amount);
            }
            else
            {
                credits = checked(credits + leg.Amount.Amount);
            }
        }
        return debits == credits;
    }

    private static bool IsMirror(ReadOnlySpan<LedgerLeg> original, ReadOnlySpan<LedgerLeg> reversal)
    {
        if (original.Length != reversal.Length)
        {
            return false;
        }
        for (var i = 0; i < original.Length; i++)
        {
            if (original[i].Mirror() != reversal[i])
            {
                return false;
            }
        }
        return true;
    }

    // Claim changes of a renteng entry: a cover gives IKS and other contributing members a claim; a recovery reduces it.
    private static ClaimChange[]? ClaimChanges(EntryKind kind, ReadOnlySpan<LedgerLeg> legs, PersonId? borrower)
    {
        if (kind is not (EntryKind.RentengCover or EntryKind.RentengRecovery))
        {
            return null;
        }
        var side = kind == EntryKind.RentengCover ? LegSide.Debit : LegSide.Credit;
        var sign = kind == EntryKind.RentengCover ? 1 : -1;
        var changes = new List<ClaimChange>();
        foreach (var leg in legs)
        {
            if (leg.Side != side)
            {
                continue;
            }
            if (leg.Account.Kind == AccountKind.Iks)
            {
                changes.Add(new ClaimChange(RentengClaimant.Iks, sign * leg.Amount.Amount));
            }
            else if (leg.Account.Kind == AccountKind.MemberSavings && leg.Account.Member != borrower)
            {
                changes.Add(new ClaimChange(RentengClaimant.OfMember(leg.Account.Member!.Value), sign * leg.Amount.Amount));
            }
        }
        return changes.ToArray();
    }

    private static ClaimChange[]? Negate(ClaimChange[]? changes)
    {
        if (changes is null)
        {
            return null;
        }
        var result = new ClaimChange[changes.Length];
        for (var i = 0; i < changes.Length; i++)
        {
            result[i] = new ClaimChange(changes[i].Claimant, -changes[i].Delta);
        }
        return result;
    }

    private static (RentengClaimant Claimant, long Delta)[] ToTuples(ClaimChange[] claims)
    {
        var result = new (RentengClaimant, long)[claims.Length];
        for (var i = 0; i < claims.Length; i++)
        {
            result[i] = (claims[i].Claimant, claims[i].Delta);
        }
        return result;
    }

    private static RuleViolation Broken(long position, EntryId entry, ChainBreak reason) =>
        RuleViolation.Of(RuleIds.Sav01, SavingsErrors.ChainBroken, ("Position", position), ("EntryId", entry), ("Reason", reason));

    private static string OpeningMemo(string profileId, IsoDayOfWeek weekStartsOn) =>
        "profile=" + profileId + ";weekStartsOn=" + weekStartsOn.ToString();

    private readonly record struct ClaimChange(RentengClaimant Claimant, long Delta);

    // Entry ids: the host's opening id is base XOR 1 in its last eight bytes, and entry n is base with n XOR-ed into
    // them, so a restored ledger recovers the base from its opening. Unique within a ledger, as unique across ledgers as
    // the opening ids the host gives, and far cheaper than 16 random bytes per entry.
    private sealed class EntryIdSource
    {
        private readonly ulong _head;
        private readonly ulong _tail;

        private EntryIdSource(ulong head, ulong tail)
        {
            _head = head;
            _tail = tail;
        }

        public static EntryIdSource FromOpening(EntryId opening) => FromBase(opening.Value, 1);

        public EntryId Next(long sequence)
        {
            Span<byte> bytes = stackalloc byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, _head);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], _tail ^ (ulong)sequence);
            var guid = new Guid(bytes, bigEndian: true);
            return guid == Guid.Empty
                ? throw new InvalidOperationException("The ledger's id scheme produced the empty Guid (possible only with a zero opening id prefix).")
                : new EntryId(guid);
        }

        public bool TrySequence(EntryId id, out long sequence)
        {
            Span<byte> bytes = stackalloc byte[16];
            id.Value.TryWriteBytes(bytes, bigEndian: true, out _);
            sequence = (long)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) ^ _tail);
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) == _head;
        }

        private static EntryIdSource FromBase(Guid value, ulong xor)
        {
            Span<byte> bytes = stackalloc byte[16];
            value.TryWriteBytes(bytes, bigEndian: true, out _);
            return new EntryIdSource(
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) ^ xor);
        }
    }
}

/// <summary>
/// The ledger's balances as of a date (PORT-02): every entry dated on or before <see cref="AsOf"/> replayed afresh.
/// </summary>
/// <param name="Group">The group.</param>
/// <param name="AsOf">The date (inclusive).</param>
/// <param name="EntryCount">How many entries (a prefix of the chain) the snapshot includes.</param>
/// <param name="LastEntry">The last entry included, or null when none.</param>
/// <param name="LastHash">That entry's hash, tying the snapshot to the chain, or null when none.</param>
/// <param name="Balances">The balances as of the date (frozen).</param>
public sealed record LedgerSnapshot(GroupId Group, LocalDate AsOf, int EntryCount, EntryId? LastEntry, EntryHash? LastHash, LedgerBalances Balances);
