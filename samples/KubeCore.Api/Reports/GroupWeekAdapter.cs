using KubeCore.Api.Groups;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Loans;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Api.Reports;

/// <summary>
/// Builds the facts of one group week that the five basic rules read (<see cref="GroupWeek"/>, seed 004) from the
/// stored ledger, the meetings and the loan fund. Ids are the callers' (stored entry ids, loans' first ids).
/// Conventions where the library leaves the facts to the host:
/// <list type="bullet">
/// <item>members of the week: joined on or before its last day and not left before its first;</item>
/// <item>a member's savings: their deposit entries dated in the week and not reversed;</item>
/// <item>the meeting: the first meeting of the week with attendance recorded;</item>
/// <item>may lend: the fund's LOAN-01 (a) decision (lending within the group) as of the week's first day: from the first
/// week in every built-in profile, so FIVE-04 applies from the first week;</item>
/// <item>unserved requests: loans approved by the week's last day, not disbursed by then and not withdrawn;</item>
/// <item>an installment due in the week is settled by the repayment and cover entries of its loan dated in the week,
/// and covered jointly when one of them is a tanggung renteng cover.</item>
/// </list>
/// </summary>
public static class GroupWeekAdapter
{
    /// <summary>The week's facts.</summary>
    public static GroupWeek Build(GroupState state, BookWeek week)
    {
        var ledger = state.OpenLedger;
        var fund = state.OpenFund;
        var inWeek = ledger.EntriesIn(week);
        var members = state.Group.Members.Where(m => m.JoinedOn <= week.End && (m.LeftOn is null || m.LeftOn > week.Start)).Select(m => m.PersonId).Distinct();
        var savings = members.Select(m => new MemberWeekSavings(m, inWeek
            .Where(e => e.Kind == EntryKind.SavingsDeposit && e.Member == m && !ledger.IsReversed(e.Id)).Select(e => e.Id).ToList())).ToList();
        var meeting = state.Meetings.HeldIn(week).FirstOrDefault(m => m.AttendanceRecorded)?.Id;
        var close = ledger.Closes.FirstOrDefault(c => c.Week == week)?.CloseEntry;

        var disbursed = fund.Loans.Where(l => l.DisbursedOn is { } d && week.Contains(d)).Select(l => state.StoredId(l.Id)).ToList();
        var unserved = fund.Loans.Count(l => l.Approval is { } a && a.ApprovedOn <= week.End && (l.DisbursedOn is null || l.DisbursedOn > week.End) && l.State != LoanState.Withdrawn);
        var due = new List<InstallmentDue>();
        foreach (var loan in fund.Loans.Where(l => l.Schedule is not null))
        {
            var stored = state.StoredId(loan.Id);
            var settling = inWeek.Where(e => e.Loan == stored && e.Kind is EntryKind.LoanRepayment or EntryKind.RentengCover).ToList();
            foreach (var installment in loan.Schedule!.Installments.Where(i => week.Contains(i.DueDate)))
            {
                var settled = loan.Account!.InstallmentsAsOf(week.End.PlusDays(1)).First(p => p.Installment.Number == installment.Number).IsSettled;
                due.Add(new InstallmentDue(stored, installment.Number, settled ? settling.Select(e => e.Id).ToList() : [], settled && settling.Any(e => e.Kind == EntryKind.RentengCover)));
            }
        }
        return new GroupWeek(state.Group.Id, week.Start, savings, meeting, close, fund.MayLend(week.Start).IsApproved, disbursed, unserved, due);
    }
}
