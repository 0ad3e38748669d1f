using KubeCore.Common;
using KubeCore.Groups;
using NodaTime;

namespace KubeCore.Savings;

/// <summary>
/// The stored form of a <see cref="SavingsLedger"/> (a storage contract): its group and every entry, in sequence order,
/// with each entry's canonical format and hashes. Everything else the ledger holds (balances, reversals, week closes,
/// claims, the week's first day) is derived from the entries. Restore with
/// <see cref="SavingsLedger.Restore(LedgerState, IGroupStanding)"/>.
/// </summary>
/// <param name="Format">The format of this state record: <see cref="CurrentFormat"/>.</param>
/// <param name="Group">The group whose ledger this is.</param>
/// <param name="Entries">Every entry, entry 1 (the opening) first.</param>
public sealed record LedgerState(int Format, GroupId Group, IReadOnlyList<LedgerEntryState> Entries)
{
    /// <summary>The state format this version writes and reads.</summary>
    public const int CurrentFormat = 1;
}

/// <summary>One ledger entry as plain data: every field its hash covers, the format it was hashed in, and the hashes.</summary>
/// <param name="Format">The canonical encoding <see cref="Hash"/> was computed over (1, 2 or 3; see <see cref="LedgerEntry"/>).</param>
/// <param name="Id">The entry's id.</param>
/// <param name="Sequence">The position in the ledger, from 1.</param>
/// <param name="BookDate">The book date (ISO calendar).</param>
/// <param name="Kind">What the entry records.</param>
/// <param name="Legs">The postings, in order.</param>
/// <param name="Member">The member concerned, or null.</param>
/// <param name="Loan">The loan concerned, or null.</param>
/// <param name="Reverses">For a reversal, the entry it reverses; otherwise null.</param>
/// <param name="Reference">The external reference; empty when none.</param>
/// <param name="Memo">The free text; empty when none.</param>
/// <param name="Profit">A profit entry's declared business profit (<see cref="LedgerEntry.Profit"/>), or null.</param>
/// <param name="IksPurpose">An IKS spend's purpose (<see cref="LedgerEntry.IksPurpose"/>), or null.</param>
/// <param name="WeekStartsOn">The opening's first day of the week (<see cref="LedgerEntry.WeekStartsOn"/>), or null.</param>
/// <param name="ProfileId">The opening's program profile id (<see cref="LedgerEntry.ProfileId"/>), or null.</param>
/// <param name="ClosedWeekStart">A week close's week (its first day, <see cref="LedgerEntry.ClosedWeekStart"/>), or null.</param>
/// <param name="PreviousHash">The previous entry's hash (zeros for entry 1).</param>
/// <param name="Hash">The entry's stored hash.</param>
public sealed record LedgerEntryState(
    int Format,
    EntryId Id,
    long Sequence,
    LocalDate BookDate,
    EntryKind Kind,
    IReadOnlyList<LedgerLegState> Legs,
    PersonId? Member,
    LoanId? Loan,
    EntryId? Reverses,
    string Reference,
    string Memo,
    Rupiah? Profit,
    IksPurpose? IksPurpose,
    IsoDayOfWeek? WeekStartsOn,
    string? ProfileId,
    LocalDate? ClosedWeekStart,
    EntryHash PreviousHash,
    EntryHash Hash);

/// <summary>One leg of a stored entry.</summary>
/// <param name="Account">The account kind.</param>
/// <param name="Member">The member of a savings or receivable account, or null.</param>
/// <param name="Loan">The loan of a receivable account, or null.</param>
/// <param name="Side">Debit or credit.</param>
/// <param name="Amount">The amount, positive.</param>
public sealed record LedgerLegState(AccountKind Account, PersonId? Member, LoanId? Loan, LegSide Side, Rupiah Amount);
