using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KubeCore.Common;
using NodaTime;

namespace KubeCore.Savings;

/// <summary>
/// The totals of one bookkeeping week (SAV-05), computed from the entries dated in that week. They
/// reconcile when <c>OpeningCash + CashIn − CashOut = ClosingCash</c>, where the opening and closing cash
/// come from the ledger's running cash balance and the movements from the week's entries.
/// </summary>
public sealed class WeekTotals
{
    private const int KindSlots = 17;

    // The names of the entry kinds by value (Enum.ToString of each, computed once).
    private static readonly string[] KindNames = BuildKindNames();

    // The week's entries with legs are the ledger's entries at positions [_first, _last] (0-based, inclusive; none
    // when _count is 0): the ledger is append-only, so the range stays valid. The lists a caller may read are built
    // from it on first read only (a week close reads none of them).
    private readonly SavingsLedger _ledger;
    private readonly int _first;
    private readonly int _last;
    private readonly int _count;
    private readonly KindAmounts _byKindAmounts;
    private readonly int _kindsPresent;
    private ReadOnlyCollection<EntryId>? _entries;
    private ReadOnlyDictionary<EntryKind, Rupiah>? _byKind;
    private ReadOnlyDictionary<PersonId, Rupiah>? _depositsByMember;

    internal WeekTotals(
        SavingsLedger ledger, BookWeek week, int first, int last, int count, in KindAmounts byKind, int kindsPresent,
        Rupiah deposits, Rupiah withdrawals, Rupiah cashIn, Rupiah cashOut, Rupiah openingCash, Rupiah closingCash)
    {
        _ledger = ledger;
        _first = first;
        _last = last;
        _count = count;
        _byKindAmounts = byKind;
        _kindsPresent = kindsPresent;
        Week = week;
        Deposits = deposits;
        Withdrawals = withdrawals;
        CashIn = cashIn;
        CashOut = cashOut;
        OpeningCash = openingCash;
        ClosingCash = closingCash;
    }

    /// <summary>The week.</summary>
    public BookWeek Week { get; }

    /// <summary>The ids of the entries with legs dated in the week, in ledger order (evidence for FIVE-01/FIVE-03).</summary>
    public IReadOnlyList<EntryId> Entries => _entries ??= BuildEntries();

    /// <summary>The total amount (sum of debits) of the week's entries, by kind; kinds without entries are absent.</summary>
    public IReadOnlyDictionary<EntryKind, Rupiah> ByKind => _byKind ??= BuildByKind();

    /// <summary>
    /// Savings deposited in the week per member, net of reversals of deposits booked in the same week (FIVE-01); members
    /// whose net is not positive are absent. Read-only; enumerated in the order of each member's first deposit in the week.
    /// </summary>
    public IReadOnlyDictionary<PersonId, Rupiah> DepositsByMember => _depositsByMember ??= BuildDepositsByMember();

    /// <summary>Total savings deposits (gross, before reversals).</summary>
    public Rupiah Deposits { get; }

    /// <summary>Total savings withdrawals (gross, before reversals).</summary>
    public Rupiah Withdrawals { get; }

    /// <summary>Cash received in the week (sum of positive cash movements of its entries).</summary>
    public Rupiah CashIn { get; }

    /// <summary>Cash paid out in the week (sum of negative cash movements, as a positive amount).</summary>
    public Rupiah CashOut { get; }

    /// <summary>Cash at the start of the week's first day (after every entry dated earlier).</summary>
    public Rupiah OpeningCash { get; }

    /// <summary>Cash at the end of the week's last day (after every entry dated in or before the week).</summary>
    public Rupiah ClosingCash { get; }

    /// <summary>True when <c>OpeningCash + CashIn − CashOut = ClosingCash</c>.</summary>
    public bool Reconciles => OpeningCash + CashIn - CashOut == ClosingCash;

    /// <summary>
    /// The canonical, culture-invariant text of the totals that a <see cref="EntryKind.WeekClosed"/> entry carries as
    /// its memo: <c>week=2017-01-30/2017-02-05;entries=12;cashIn=60000;cashOut=0;openingCash=0;closingCash=60000;deposits=60000;withdrawals=0</c>
    /// followed by <c>;kind:SavingsDeposit=60000</c> for each kind present, in kind order. Amounts are plain integers of rupiah.
    /// </summary>
    public string ToCanonicalText()
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[512]);
        text.AppendLiteral("week=");
        AppendDate(ref text, Week.Start);
        text.AppendLiteral("/");
        AppendDate(ref text, Week.End);
        text.AppendLiteral(";entries=");
        text.AppendFormatted(_count);
        text.AppendLiteral(";cashIn=");
        text.AppendFormatted(CashIn.Amount);
        text.AppendLiteral(";cashOut=");
        text.AppendFormatted(CashOut.Amount);
        text.AppendLiteral(";openingCash=");
        text.AppendFormatted(OpeningCash.Amount);
        text.AppendLiteral(";closingCash=");
        text.AppendFormatted(ClosingCash.Amount);
        text.AppendLiteral(";deposits=");
        text.AppendFormatted(Deposits.Amount);
        text.AppendLiteral(";withdrawals=");
        text.AppendFormatted(Withdrawals.Amount);
        // Enum values in ascending order are kind order (as Enum.GetValues returns them).
        for (var kind = 1; kind < KindSlots; kind++)
        {
            if ((_kindsPresent & (1 << kind)) != 0)
            {
                text.AppendLiteral(";kind:");
                text.AppendLiteral(KindNames[kind]);
                text.AppendLiteral("=");
                text.AppendFormatted(_byKindAmounts[kind]);
            }
        }
        return text.ToStringAndClear();
    }

    private static void AppendDate(ref DefaultInterpolatedStringHandler text, LocalDate date)
    {
        if (IsoDateText.IsFast(date))
        {
            Span<char> chars = stackalloc char[IsoDateText.Length];
            IsoDateText.Write(chars, date);
            text.AppendFormatted((ReadOnlySpan<char>)chars);
        }
        else
        {
            text.AppendFormatted(date, "uuuu-MM-dd");
        }
    }

    private ReadOnlyCollection<EntryId> BuildEntries()
    {
        var ids = new EntryId[_count];
        if (_count == 0)
        {
            return Array.AsReadOnly(ids);
        }
        var entries = _ledger.Entries;
        var n = 0;
        for (var i = _first; i <= _last; i++)
        {
            var entry = entries[i];
            if (entry.LegCount != 0)
            {
                ids[n++] = entry.Id;
            }
        }
        return Array.AsReadOnly(ids);
    }

    private ReadOnlyDictionary<EntryKind, Rupiah> BuildByKind()
    {
        var byKind = new Dictionary<EntryKind, Rupiah>();
        for (var kind = 1; kind < KindSlots; kind++)
        {
            if ((_kindsPresent & (1 << kind)) != 0)
            {
                byKind[(EntryKind)kind] = Rupiah.Of(_byKindAmounts[kind]);
            }
        }
        return byKind.AsReadOnly();
    }

    private ReadOnlyDictionary<PersonId, Rupiah> BuildDepositsByMember()
    {
        var byMember = new Dictionary<PersonId, long>();
        if (_count > 0)
        {
            var entries = _ledger.Entries;
            for (var i = _first; i <= _last; i++)
            {
                var entry = entries[i];
                if (entry.Kind == EntryKind.SavingsDeposit)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(byMember, entry.Member!.Value, out _) += entry.Amount.Amount;
                }
                else if (entry.Kind == EntryKind.Reversal && _ledger.ReversesDeposit(entry))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(byMember, entry.Member!.Value, out _) -= entry.Amount.Amount;
                }
            }
        }
        var result = new Dictionary<PersonId, Rupiah>();
        foreach (var (member, amount) in byMember)
        {
            if (amount > 0)
            {
                result[member] = Rupiah.Of(amount);
            }
        }
        return result.AsReadOnly();
    }

    /// <summary>Per-kind totals of a week, indexed by the kind's value (1..16), held inline.</summary>
    private static string[] BuildKindNames()
    {
        var names = new string[KindSlots];
        for (var kind = 0; kind < KindSlots; kind++)
        {
            names[kind] = ((EntryKind)kind).ToString();
        }
        return names;
    }

    [InlineArray(KindSlots)]
    internal struct KindAmounts
    {
        private long _element;
    }
}

/// <summary>A closed bookkeeping week (SAV-05): its totals, when it was closed and the closing entry.</summary>
/// <param name="Totals">The totals, which reconcile.</param>
/// <param name="ClosedOn">The book date of the close (on or after the week's last day).</param>
/// <param name="CloseEntry">The <see cref="EntryKind.WeekClosed"/> entry in the ledger.</param>
public sealed record WeekClose(WeekTotals Totals, LocalDate ClosedOn, EntryId CloseEntry)
{
    /// <summary>The week closed.</summary>
    public BookWeek Week => Totals.Week;
}
