using KubeCore.Common;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>
/// An incremental index of a ledger's savings deposits by calendar month, for LOAN-01's
/// <see cref="LoanRevolving.ConsecutiveSavingsMonths"/>: it reads each new ledger entry once (the ledger only ever
/// appends), instead of rescanning the whole ledger for every application, disbursement and monthly check.
/// </summary>
/// <remarks>
/// The ledger books entries in date order (SAV-05), so the deposits of one month are contiguous and the months come
/// in ascending order. Each deposit keeps the date of its reversal, if any, so a query as of any date gives what a
/// rescan of the entries dated on or before it would: a deposit counts when booked on or before the date and not
/// reversed on or before it (PORT-02). Should the entries ever not be in date order, the index says so
/// (<see cref="TryConsecutiveMonths"/> returns false) and the caller rescans.
/// Not thread-safe: one writer at a time, like the ledger.
/// </remarks>
internal sealed class SavingsMonthsIndex
{
    private readonly SavingsLedger _ledger;
    private Deposit[] _deposits = new Deposit[64];
    private int _depositCount;
    private int[] _months = new int[16];
    private int[] _monthStarts = new int[16];
    private int _monthCount;
    private int _seen;
    private LocalDate _lastDate;
    private bool _outOfOrder;

    internal SavingsMonthsIndex(SavingsLedger ledger)
    {
        _ledger = ledger;
        _lastDate = LocalDate.MinIsoValue;
    }

    /// <summary>The month number of a date: year × 12 + month − 1 (consecutive months differ by one).</summary>
    internal static int MonthNumber(LocalDate date) => (date.Year * 12) + date.Month - 1;

    /// <summary>
    /// The longest run of consecutive months before the month of <paramref name="asOf"/> each with a deposit booked on
    /// or before <paramref name="asOf"/> and not reversed on or before it; false when the ledger is not in date order.
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
            var month = _months[i];
            if (month >= current)
            {
                break;
            }
            if (!Counts(i, asOf))
            {
                continue;
            }
            run = month == previous + 1 ? run + 1 : 1;
            if (run > longest)
            {
                longest = run;
            }
            previous = month;
        }
        return true;
    }

    private bool Counts(int monthIndex, LocalDate asOf)
    {
        var end = monthIndex + 1 < _monthCount ? _monthStarts[monthIndex + 1] : _depositCount;
        for (var d = _monthStarts[monthIndex]; d < end; d++)
        {
            ref readonly var deposit = ref _deposits[d];
            if (deposit.BookDate > asOf)
            {
                return false;
            }
            if (!deposit.IsReversed || deposit.ReversedOn > asOf)
            {
                return true;
            }
        }
        return false;
    }

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
            }
            else
            {
                _lastDate = date;
            }
            if (entry.Kind == EntryKind.SavingsDeposit)
            {
                AddDeposit(entry.Id, date);
            }
            if (entry.Reverses is { } reversed)
            {
                MarkReversed(reversed, date);
            }
        }
    }

    private void AddDeposit(EntryId id, LocalDate date)
    {
        var month = MonthNumber(date);
        if (_monthCount == 0 || month != _months[_monthCount - 1])
        {
            if (_monthCount > 0 && month < _months[_monthCount - 1])
            {
                _outOfOrder = true;
            }
            if (_monthCount == _months.Length)
            {
                Array.Resize(ref _months, _monthCount * 2);
                Array.Resize(ref _monthStarts, _monthCount * 2);
            }
            _months[_monthCount] = month;
            _monthStarts[_monthCount] = _depositCount;
            _monthCount++;
        }
        if (_depositCount == _deposits.Length)
        {
            Array.Resize(ref _deposits, _depositCount * 2);
        }
        _deposits[_depositCount++] = new Deposit(id, date, IsReversed: false, ReversedOn: default);
    }

    private void MarkReversed(EntryId original, LocalDate reversedOn)
    {
        // Reversals are rare: a backward search finds the deposit (usually a recent one).
        for (var d = _depositCount - 1; d >= 0; d--)
        {
            if (_deposits[d].Id == original)
            {
                if (!_deposits[d].IsReversed)
                {
                    _deposits[d] = _deposits[d] with { IsReversed = true, ReversedOn = reversedOn };
                }
                return;
            }
        }
    }

    private readonly record struct Deposit(EntryId Id, LocalDate BookDate, bool IsReversed, LocalDate ReversedOn);
}
