using System.Globalization;
using System.Text;
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
    internal WeekTotals(
        BookWeek week, IReadOnlyList<EntryId> entries, IReadOnlyDictionary<EntryKind, Rupiah> byKind,
        IReadOnlyDictionary<PersonId, Rupiah> depositsByMember, Rupiah deposits, Rupiah withdrawals,
        Rupiah cashIn, Rupiah cashOut, Rupiah openingCash, Rupiah closingCash)
    {
        Week = week;
        Entries = entries;
        ByKind = byKind;
        DepositsByMember = depositsByMember;
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
    public IReadOnlyList<EntryId> Entries { get; }

    /// <summary>The total amount (sum of debits) of the week's entries, by kind; kinds without entries are absent.</summary>
    public IReadOnlyDictionary<EntryKind, Rupiah> ByKind { get; }

    /// <summary>Savings deposited in the week per member, net of reversals of deposits booked in the same week (FIVE-01).</summary>
    public IReadOnlyDictionary<PersonId, Rupiah> DepositsByMember { get; }

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
        var text = new StringBuilder(200);
        text.Append("week=").Append(Week.ToString())
            .Append(";entries=").Append(Entries.Count.ToString(CultureInfo.InvariantCulture))
            .Append(";cashIn=").Append(Plain(CashIn))
            .Append(";cashOut=").Append(Plain(CashOut))
            .Append(";openingCash=").Append(Plain(OpeningCash))
            .Append(";closingCash=").Append(Plain(ClosingCash))
            .Append(";deposits=").Append(Plain(Deposits))
            .Append(";withdrawals=").Append(Plain(Withdrawals));
        foreach (var kind in Enum.GetValues<EntryKind>())
        {
            if (ByKind.TryGetValue(kind, out var amount))
            {
                text.Append(";kind:").Append(kind.ToString()).Append('=').Append(Plain(amount));
            }
        }
        return text.ToString();
    }

    private static string Plain(Rupiah amount) => amount.Amount.ToString(CultureInfo.InvariantCulture);
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
