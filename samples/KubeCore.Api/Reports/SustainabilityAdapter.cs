using System.Globalization;
using KubeCore.Api.Groups;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Groups;
using KubeCore.Savings;

namespace KubeCore.Api.Reports;

/// <summary>
/// Builds the facts of a period that the sustainability indicators read (<see cref="SustainabilityEvidence"/>, STG-02)
/// from the stored ledger, the meetings and the loan fund. Conventions where the library leaves the facts to the host:
/// <list type="bullet">
/// <item>the period is <c>weeks</c> whole bookkeeping weeks from the week containing its first day;</item>
/// <item>officers complete and members: as the group stands now;</item>
/// <item>member savings at a date: the member-savings legs of every entry dated before the period (start) or in it (end);</item>
/// <item>an installment is paid on time when its payments dated on or before its due date settle it;</item>
/// <item>business income: the profits recorded with <c>RecordBusinessProfit</c> (the <c>profit=</c> of their memo), split at the period's middle week.</item>
/// </list>
/// </summary>
public static class SustainabilityAdapter
{
    /// <summary>The period's facts.</summary>
    public static SustainabilityEvidence Build(GroupState state, BookWeek first, int weeks)
    {
        var ledger = state.OpenLedger;
        var periodWeeks = Enumerable.Range(0, weeks).Select(first.PlusWeeks).ToList();
        var last = periodWeeks[^1];
        var middle = first.PlusWeeks(weeks / 2);
        var meetings = state.Meetings.Meetings.Where(m => m.Date >= first.Start && m.Date <= last.End && m.AttendanceRecorded).ToList();
        var entries = ledger.Entries.Where(e => e.BookDate >= first.Start && e.BookDate <= last.End).ToList();

        long Savings(Func<LedgerEntry, bool> before) => ledger.Entries.Where(before)
            .SelectMany(e => e.Legs).Where(l => l.Account.Kind == AccountKind.MemberSavings).Sum(l => l.SignedAmount);
        long Profit(LedgerEntry e) => e.Profit?.Amount ?? 0;

        var installments = (state.Loans?.Loans ?? []).Where(l => l.Account is not null)
            .SelectMany(l => l.Schedule!.Installments.Where(i => i.DueDate >= first.Start && i.DueDate <= last.End)
                .Select(i => l.Account!.InstallmentsAsOf(i.DueDate).First(p => p.Installment.Number == i.Number).IsSettled))
            .ToList();
        var profits = entries.Where(e => e.Kind == EntryKind.IksFromProfit).ToList();

        return new SustainabilityEvidence(
            Weeks: weeks,
            WeeksWithMeeting: periodWeeks.Count(w => meetings.Any(m => w.Contains(m.Date))),
            WeeksClosed: periodWeeks.Count(ledger.IsClosed),
            OfficersComplete: Enum.GetValues<OfficerRole>().All(r => state.Group.OfficerHolding(r) is not null),
            AttendanceRecorded: meetings.Sum(m => m.MemberCount),
            AttendancePresent: meetings.Sum(m => m.PresentCount),
            IksContributed: Rupiah.Of(profits.SelectMany(e => e.Legs).Where(l => l.Account.Kind == AccountKind.Iks).Sum(l => l.SignedAmount)),
            MembersWhoDecided: meetings.Where(m => m.Decisions.Count > 0).SelectMany(m => m.Present).Distinct().Count(),
            Members: state.Group.MemberCount,
            SavingsAtStart: Rupiah.Of(Savings(e => e.BookDate < first.Start)),
            SavingsAtEnd: Rupiah.Of(Savings(e => e.BookDate <= last.End)),
            InstallmentsDue: installments.Count,
            InstallmentsPaidOnTime: installments.Count(settled => settled),
            IncomeFirstHalf: Rupiah.Of(profits.Where(e => e.BookDate < middle.Start).Sum(Profit)),
            IncomeSecondHalf: Rupiah.Of(profits.Where(e => e.BookDate >= middle.Start).Sum(Profit)));
    }
}
