using KubeCore.Common;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>
/// An incremental index of the calendar months in which a ledger booked savings deposits, for LOAN-01's
/// <see cref="LoanRevolving.ConsecutiveSavingsMonths"/>: it reads each new ledger entry once (the ledger only ever
/// appends), instead of rescanning the whole ledger for every application, disbursement and monthly check.
/// </summary>
/// <remarks>
/// The ledger books entries in date order (SAV-05), so months come in ascending order and the deposits of one month
/// lie between its first and last deposit in the ledger. Per month the index keeps the date of the first deposit
/// and where its deposits lie: as of a date, a month without reversed deposits counts when its first deposit is
/// booked on or before that date. A month with a reversed deposit (rare) is decided as a rescan would decide it,
/// from its own entries: some deposit booked on or before the date and not reversed on or before it (PORT-02).
/// Should the entries ever not be in date order, the index says so (<see cref="TryConsecutiveMonths"/> returns
/// false) and the caller rescans. Not thread-safe: one writer at a time, like the ledger.
/// </remarks>
internal sealed class SavingsMonthsIndex
{
    private readonly SavingsLedger _ledger;
    private Month[] _months = new Month[16];
    private int _monthCount;
    private int _seen;
    private LocalDate _lastDate = LocalDate.MinIsoValue;
    private bool _outOfOrder;

    internal SavingsMonthsIndex(SavingsLedger ledger) => _ledger = ledger;

    /// <summary>The month number of a date: year × 12 + month − 1 (consecutive months differ by one).</summary>
    internal static int MonthNumber(LocalDate date) => (date.Year * 12) + date.Month - 1;

    /// <summary>
    /// The longest run of consecutive months before the month of <paramref name="asOf"/> (an ISO date), each with a
    /// deposit booked on or before <paramref name="asOf"/> and not reversed on or before it; false when the ledger is
    /// not in date order (then nothing is computed).
    /// </summary>
    internal bool TryConsecutiveMonths(LocalDate asOf, out int longest)
    {
        Sync();
        longest = 0;
        if (_outOfOrder)
        {
            return false;
        }
        var current = MonthNumber(asOf);
        int run = 0, previous = int.MinValue;
        for (var i = 0; i < _monthCount; i++)
        {
            ref readonly var month = ref _months[i];
            if (month.Number >= current)
            {
                break;
            }
            if (!Counts(month, asOf))
            {
                continue;
            }
            run = month.Number == previous + 1 ? run + 1 : 1;
            if (run > longest)
            {
                longest = run;
            }
            previous = month.Number;
        }
        return true;
    }

    private bool Counts(in Month month, LocalDate asOf)
    {
        if (!month.HasReversal)
        {
            return month.FirstDeposit <= asOf;
        }
        var entries = _ledger.Entries;
        for (var i = month.FirstEntry; i <= month.LastEntry; i++)
        {
            var entry = entries[i];
            if (entry.BookDate > asOf)
            {
                return false;
            }
            if (entry.Kind == EntryKind.SavingsDeposit && !IsReversedOnOrBefore(entry.Id, asOf))
            {
                return true;
            }
        }
        return false;
    }

    private bool IsReversedOnOrBefore(EntryId entry, LocalDate asOf) =>
        _ledger.ReversalOf(entry) is { } reversal && _ledger.FindEntry(reversal) is { } r && r.BookDate <= asOf;

    private void Sync()
    {
        var entries = _ledger.Entries;
        var count = entries.Count;
        for (; _seen < count; _seen++)
        {
            var entry = entries[_seen];
            var date = entry.BookDate;
            if (date.Calendar != CalendarSystem.Iso || date < _lastDate)
            {
                _outOfOrder = true;
                _seen = count;
                return;
            }
            _lastDate = date;
            if (entry.Kind == EntryKind.SavingsDeposit)
            {
                AddDeposit(date, _seen);
            }
            if (entry.Reverses is { } reversed && _ledger.FindEntry(reversed) is { Kind: EntryKind.SavingsDeposit } original)
            {
                MarkReversal(MonthNumber(original.BookDate));
            }
        }
    }

    private void AddDeposit(LocalDate date, int position)
    {
        var number = MonthNumber(date);
        if (_monthCount > 0 && _months[_monthCount - 1].Number == number)
        {
            _months[_monthCount - 1].LastEntry = position;
            return;
        }
        if (_monthCount == _months.Length)
        {
            Array.Resize(ref _months, _monthCount * 2);
        }
        _months[_monthCount++] = new Month { Number = number, FirstDeposit = date, FirstEntry = position, LastEntry = position };
    }

    private void MarkReversal(int number)
    {
        // Reversals are rare and usually of a recent deposit: search from the latest month.
        for (var i = _monthCount - 1; i >= 0; i--)
        {
            if (_months[i].Number == number)
            {
                _months[i].HasReversal = true;
                return;
            }
        }
    }

    // A month with at least one deposit: its number, its first deposit's date, where its deposits lie in the ledger
    // (first and last position, inclusive), and whether any of them has been reversed.
    private struct Month
    {
        public int Number;
        public LocalDate FirstDeposit;
        public int FirstEntry;
        public int LastEntry;
        public bool HasReversal;
    }
}
