using KubeCore.Common;
using NodaTime;

namespace KubeCore.Savings;

/// <summary>
/// One member's routine-savings position as of a date (SAV-04).
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="ObligedFrom">The first week the member owes: the week of the later of their join date and the books' opening.</param>
/// <param name="WeeksDue">Weeks owed from <paramref name="ObligedFrom"/> through the week containing the as-of date (a week is due from its first day).</param>
/// <param name="WeeksCovered">Weeks paid for, oldest first: cumulative deposits ÷ weekly amount, truncated, at most <paramref name="WeeksDue"/>.</param>
/// <param name="MissingWeeks">The due weeks not covered, oldest first.</param>
/// <param name="Deposited">Savings deposits dated on or before the as-of date, net of their reversals.</param>
/// <param name="Owed">Weeks due × weekly amount.</param>
/// <param name="Shortfall">What the member must still deposit to be up to date (zero when up to date).</param>
/// <param name="Ahead">What the member deposited beyond what is due (covers future weeks).</param>
public sealed record MemberSavingsArrears(
    PersonId Member,
    BookWeek ObligedFrom,
    int WeeksDue,
    int WeeksCovered,
    IReadOnlyList<BookWeek> MissingWeeks,
    Rupiah Deposited,
    Rupiah Owed,
    Rupiah Shortfall,
    Rupiah Ahead)
{
    /// <summary>True when no due week is missing.</summary>
    public bool IsUpToDate => MissingWeeks.Count == 0;
}

/// <summary>
/// The SAV-04 report: for each current member, the weeks of routine savings (tabungan rutin mingguan)
/// missing as of a date.
/// </summary>
/// <remarks>
/// <para><b>Catch-up rule.</b> Deposits are cumulative and pay the oldest due week first: a member who
/// missed two weeks and then deposits three weekly amounts has covered all three weeks; a deposit larger than
/// what is due covers future weeks in advance; a partial deposit covers no week until the cumulative total
/// reaches the next multiple of the weekly amount. Withdrawals do not undo weeks already saved (routine
/// savings measures the habit of saving); reversals of deposits do.</para>
/// </remarks>
/// <param name="Group">The group.</param>
/// <param name="AsOf">The date of the report.</param>
/// <param name="WeeklyAmount">The profile's weekly amount used.</param>
/// <param name="Members">One line per current member.</param>
public sealed record SavingsArrearsReport(GroupId Group, LocalDate AsOf, Rupiah WeeklyAmount, IReadOnlyList<MemberSavingsArrears> Members)
{
    /// <summary>The members with at least one missing week.</summary>
    public IReadOnlyList<MemberSavingsArrears> InArrears => Members.Where(m => !m.IsUpToDate).ToList();
}
