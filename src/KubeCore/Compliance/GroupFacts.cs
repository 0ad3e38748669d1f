using System.Globalization;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Compliance;

/// <summary>
/// Derives the facts the compliance rules read from a group's own record: the <see cref="GroupWeek"/> of the five basic
/// rules (FIVE-01..05) and the <see cref="SustainabilityEvidence"/> of the sustainability indicators (STG-02), from the
/// group, its <see cref="MeetingRegister"/>, its <see cref="SavingsLedger"/> and its <see cref="LoanRevolving"/> fund.
/// Every id in the facts is the library's own (ledger entry ids, loan ids, meeting ids).
/// </summary>
/// <remarks>
/// <para><b>Conventions of a week</b> (FIVE-01..05; the rule catalogue lists them with each rule):</para>
/// <list type="bullet">
/// <item>Members of the week (FIVE-01): for a <see cref="Group"/>, every person who joined on or before the week's last
/// day and had not left on or before its first day (<see cref="GroupMember.LeftOn"/> is the first day they are no longer
/// a member: a member who left on the week's first day is not a member that week, one who left the next day is), once
/// each, in the group's member order; for any other <see cref="IGroupStanding"/> (which keeps no history), its current
/// members.</item>
/// <item>A member's savings (FIVE-01): their <see cref="EntryKind.SavingsDeposit"/> entries dated in the week that are
/// not reversed (a reversal at any time takes the deposit out), in ledger order.</item>
/// <item>The meeting (FIVE-02): the first meeting of the week, by date, with attendance recorded.</item>
/// <item>The book close (FIVE-03): the close entry of the week when it was closed; a week closed later, with a later
/// week, counts as closed as soon as the close is in the ledger.</item>
/// <item>May lend (FIVE-04): the fund's LOAN-01 (a) decision as of the week's first day (from the first week in every
/// built-in profile); false without a fund.</item>
/// <item>Loans disbursed (FIVE-04): the fund's loans disbursed on a day of the week, in the fund's order.</item>
/// <item>Unserved requests (FIVE-04): the fund's loans approved by the week's last day and neither disbursed nor
/// withdrawn by then. A request that never reached the fund is not in the record.</item>
/// <item>Installments due (FIVE-05): every installment of a disbursed loan whose due date is in the week. It counts as
/// settled when the loan's payments dated on or before the week's last day settle it (the LOAN-05 allocation; so an
/// installment due on the week's last day and paid that day is settled, one paid the next day is not). Its settlement
/// evidence is the loan's repayment and tanggung renteng cover entries dated from the week's first day (or, for one
/// paid in advance, from the day it was settled) to the day it was settled; it is covered jointly (LOAN-08) when one of
/// them is a cover.</item>
/// </list>
/// <para><b>Conventions of a period</b> (STG-02): the period is <c>weeks</c> whole bookkeeping weeks from the first;
/// weeks with a meeting and weeks closed follow the week conventions (a week counts as closed when the books are closed
/// through it); attendance and decisions are read from the meetings with attendance recorded in the period; members are
/// the members of the period's last week, and the members who decided are those of them present at a meeting of the
/// period that took a decision; officers complete: the offices as they stand now; member savings at the start are the
/// member-savings legs of every entry dated before the period, at the end of every entry dated on or before its last
/// day; an installment due in the period is paid on time when the payments dated on or before its due date settle it;
/// IKS contributed and business income come from the business profits recorded in the period
/// (<see cref="SavingsLedger.RecordBusinessProfit"/>) that are not reversed, the income split at the period's middle
/// week (weeks before <c>weeks / 2</c> are the first half).</para>
/// <para>Before the books are opened (no ledger, no fund) there are no deposits, closes, loans, IKS or income: a group
/// that keeps no books fails FIVE-01 and FIVE-03, and FIVE-04 and FIVE-05 have nothing to judge.</para>
/// </remarks>
public static class GroupFacts
{
    /// <summary>
    /// The facts of <paramref name="week"/> that the five basic rules read (<see cref="RuleIds.Five01"/>, <see cref="RuleIds.Five02"/>,
    /// <see cref="RuleIds.Five03"/>, <see cref="RuleIds.Five04"/>, <see cref="RuleIds.Five05"/>); see the class remarks.
    /// </summary>
    /// <param name="group">The group (a <see cref="Group"/> for membership by date; any standing for its current members).</param>
    /// <param name="meetings">The group's meetings.</param>
    /// <param name="ledger">The group's savings ledger, or null before the books are opened.</param>
    /// <param name="fund">The group's revolving fund on <paramref name="ledger"/>, or null when it has none.</param>
    /// <param name="week">The week; it starts on the ledger's week day (without a ledger, the profile's <c>Savings.WeekStartsOn</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> or <paramref name="meetings"/> is null.</exception>
    /// <exception cref="ArgumentException">The register, ledger or fund is of another group, the fund is on another
    /// ledger (or there is a fund without a ledger), or the week starts on another day.</exception>
    public static GroupWeek Week(IGroupStanding group, MeetingRegister meetings, SavingsLedger? ledger, LoanRevolving? fund, BookWeek week)
    {
        CheckRecord(group, meetings, ledger, fund, week);
        var members = MembersIn(group, week);
        var entries = ledger?.Entries ?? [];
        var (from, to) = IndexRange(entries, week.Start, week.End);
        // Counted first, so each member's deposits are one exact array (the national batch asks every week).
        var counts = new int[members.Count];
        for (var i = from; i < to; i++)
        {
            if (SaverIndex(ledger!, entries[i], members) is var at and >= 0)
            {
                counts[at]++;
            }
        }
        var deposits = new EntryId[members.Count][];
        for (var m = 0; m < members.Count; m++)
        {
            deposits[m] = counts[m] == 0 ? [] : new EntryId[counts[m]];
            counts[m] = 0;
        }
        for (var i = from; i < to; i++)
        {
            if (SaverIndex(ledger!, entries[i], members) is var at and >= 0)
            {
                deposits[at][counts[at]++] = entries[i].Id;
            }
        }
        var savings = new MemberWeekSavings[members.Count];
        for (var m = 0; m < members.Count; m++)
        {
            savings[m] = new MemberWeekSavings(members[m], deposits[m]);
        }

        var held = meetings.HeldIn(week);
        var meeting = held.Count > 0 ? held[0].Id : (MeetingId?)null;
        return new GroupWeek(
            group.Id, week.Start, savings, meeting, ledger is null ? null : CloseOf(ledger, week),
            fund is not null && fund.CanLend(week.Start),
            fund is null ? [] : Disbursed(fund, week),
            fund is null ? 0 : Unserved(fund, week),
            fund is null ? [] : Due(fund, entries, week));
    }

    /// <summary>
    /// The facts of the <paramref name="weeks"/> bookkeeping weeks from <paramref name="first"/> that the sustainability
    /// indicators read (<see cref="RuleIds.Stg02"/>); see the class remarks.
    /// </summary>
    /// <param name="group">The group (a <see cref="Group"/> for membership by date; any standing for its current members).</param>
    /// <param name="meetings">The group's meetings.</param>
    /// <param name="ledger">The group's savings ledger, or null before the books are opened.</param>
    /// <param name="fund">The group's revolving fund on <paramref name="ledger"/>, or null when it has none.</param>
    /// <param name="first">The period's first week.</param>
    /// <param name="weeks">Weeks in the period, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> or <paramref name="meetings"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weeks"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Week"/>.</exception>
    public static SustainabilityEvidence Sustainability(IGroupStanding group, MeetingRegister meetings, SavingsLedger? ledger, LoanRevolving? fund, BookWeek first, int weeks)
    {
        CheckRecord(group, meetings, ledger, fund, first);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var last = first.PlusWeeks(weeks - 1);
        var middle = first.PlusWeeks(weeks / 2);
        var held = meetings.Meetings.Where(m => m.AttendanceRecorded && m.Date >= first.Start && m.Date <= last.End).ToList();
        var weeksWithMeeting = 0;
        var weeksClosed = 0;
        for (var w = first; w <= last; w = w.Next)
        {
            weeksWithMeeting += held.Any(m => w.Contains(m.Date)) ? 1 : 0;
            weeksClosed += ledger is not null && ledger.IsClosed(w) ? 1 : 0;
        }
        var members = MembersIn(group, last);
        var deciders = held.Where(m => m.Decisions.Count > 0).SelectMany(m => m.Present).Distinct().Count(members.Contains);

        var entries = ledger?.Entries ?? [];
        long Savings(Func<LedgerEntry, bool> dated) => entries.Where(dated)
            .SelectMany(e => e.Legs).Where(l => l.Account.Kind == AccountKind.MemberSavings).Sum(l => l.SignedAmount);
        var profits = entries.Where(e => e.Kind == EntryKind.IksFromProfit && e.BookDate >= first.Start && e.BookDate <= last.End && !ledger!.IsReversed(e.Id)).ToList();
        var installments = (fund?.Loans ?? []).Where(l => l.Account is not null)
            .SelectMany(l => l.Schedule!.Installments.Where(i => i.DueDate >= first.Start && i.DueDate <= last.End)
                .Select(i => l.Account!.InstallmentsAsOf(i.DueDate)[i.Number - 1].IsSettled))
            .ToList();

        return new SustainabilityEvidence(
            Weeks: weeks,
            WeeksWithMeeting: weeksWithMeeting,
            WeeksClosed: weeksClosed,
            OfficersComplete: Enum.GetValues<OfficerRole>().All(r => group.OfficerHolding(r) is not null),
            AttendanceRecorded: held.Sum(m => m.MemberCount),
            AttendancePresent: held.Sum(m => m.PresentCount),
            IksContributed: Rupiah.Of(profits.SelectMany(e => e.Legs).Where(l => l.Account.Kind == AccountKind.Iks).Sum(l => l.SignedAmount)),
            MembersWhoDecided: deciders,
            Members: members.Count,
            SavingsAtStart: Rupiah.Of(Savings(e => e.BookDate < first.Start)),
            SavingsAtEnd: Rupiah.Of(Savings(e => e.BookDate <= last.End)),
            InstallmentsDue: installments.Count,
            InstallmentsPaidOnTime: installments.Count(settled => settled),
            IncomeFirstHalf: Rupiah.Of(profits.Where(e => e.BookDate < middle.Start).Sum(e => DeclaredProfit(e).Amount)),
            IncomeSecondHalf: Rupiah.Of(profits.Where(e => e.BookDate >= middle.Start).Sum(e => DeclaredProfit(e).Amount)));
    }

    /// <summary>
    /// The members of <paramref name="week"/>: for a <see cref="Group"/>, every person who joined on or before the week's
    /// last day and had not left on or before its first day, once each, in member order; for any other standing, its
    /// current members.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    public static IReadOnlyList<PersonId> MembersIn(IGroupStanding group, BookWeek week)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group is not Group withHistory)
        {
            return [.. group.CurrentMembers];
        }
        var members = new List<PersonId>();
        foreach (var member in withHistory.Members)
        {
            if (member.JoinedOn <= week.End && (member.LeftOn is not { } left || left > week.Start) && !members.Contains(member.PersonId))
            {
                members.Add(member.PersonId);
            }
        }
        return members;
    }

    private static void CheckRecord(IGroupStanding group, MeetingRegister meetings, SavingsLedger? ledger, LoanRevolving? fund, BookWeek week)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meetings);
        Preconditions.CheckArgument(meetings.Group == group.Id, nameof(meetings), "The meetings are of another group.");
        Preconditions.CheckArgument(ledger is null || ledger.Group == group.Id, nameof(ledger), "The ledger is of another group.");
        Preconditions.CheckArgument(fund is null || ReferenceEquals(fund.Ledger, ledger), nameof(fund), "The fund is not on this ledger.");
        var startsOn = ledger?.WeekStartsOn ?? group.Profile.Savings.WeekStartsOn;
        Preconditions.CheckArgument(week.Start.DayOfWeek == startsOn, nameof(week), "The week does not start on the books' week day.");
    }

    // The entries dated from..to (both inclusive) are entries[start..end): book dates never decrease, so look back from the latest.
    private static (int Start, int End) IndexRange(IReadOnlyList<LedgerEntry> entries, LocalDate from, LocalDate to)
    {
        var end = entries.Count;
        while (end > 0 && entries[end - 1].BookDate > to)
        {
            end--;
        }
        var start = end;
        while (start > 0 && entries[start - 1].BookDate >= from)
        {
            start--;
        }
        return (start, end);
    }

    // The index of the member whose savings the entry is (a deposit, not reversed), or -1.
    private static int SaverIndex(SavingsLedger ledger, LedgerEntry entry, IReadOnlyList<PersonId> members)
    {
        if (entry.Kind != EntryKind.SavingsDeposit || entry.Member is not { } member)
        {
            return -1;
        }
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] == member)
            {
                return ledger.IsReversed(entry.Id) ? -1 : i;
            }
        }
        return -1;
    }

    // The closes are in week order: look back from the latest.
    private static EntryId? CloseOf(SavingsLedger ledger, BookWeek week)
    {
        var closes = ledger.Closes;
        for (var i = closes.Count - 1; i >= 0 && closes[i].Week >= week; i--)
        {
            if (closes[i].Week == week)
            {
                return closes[i].CloseEntry;
            }
        }
        return null;
    }

    private static IReadOnlyList<LoanId> Disbursed(LoanRevolving fund, BookWeek week)
    {
        List<LoanId>? disbursed = null;
        foreach (var loan in fund.Loans)
        {
            if (loan.DisbursedOn is { } on && week.Contains(on))
            {
                (disbursed ??= []).Add(loan.Id);
            }
        }
        return disbursed is null ? [] : disbursed;
    }

    private static int Unserved(LoanRevolving fund, BookWeek week)
    {
        var unserved = 0;
        foreach (var loan in fund.Loans)
        {
            if (loan.Approval is { } approval && approval.ApprovedOn <= week.End
                && !(loan.DisbursedOn is { } disbursed && disbursed <= week.End)
                && !(loan.State == LoanState.Withdrawn && loan.ClosedOn <= week.End))
            {
                unserved++;
            }
        }
        return unserved;
    }

    private static IReadOnlyList<InstallmentDue> Due(LoanRevolving fund, IReadOnlyList<LedgerEntry> entries, BookWeek week)
    {
        List<InstallmentDue>? due = null;
        foreach (var loan in fund.Loans)
        {
            if (loan.Account is not { } account || account.Schedule.DisbursedOn > week.End || account.Schedule.MaturityDate < week.Start)
            {
                continue;
            }
            foreach (var installment in account.Schedule.Installments)
            {
                if (!week.Contains(installment.DueDate))
                {
                    continue;
                }
                if (SettledOn(account, installment.Number) is not { } settledOn || settledOn > week.End)
                {
                    (due ??= []).Add(new InstallmentDue(loan.Id, installment.Number, [], false));
                    continue;
                }
                var evidence = new List<EntryId>(1);
                var covered = false;
                var (from, to) = IndexRange(entries, LocalDate.Min(settledOn, week.Start), settledOn);
                for (var i = from; i < to; i++)
                {
                    var entry = entries[i];
                    if (entry.Kind is EntryKind.LoanRepayment or EntryKind.RentengCover && entry.Loan == loan.Id)
                    {
                        evidence.Add(entry.Id);
                        covered |= entry.Kind == EntryKind.RentengCover;
                    }
                }
                (due ??= []).Add(new InstallmentDue(loan.Id, installment.Number, evidence, covered));
            }
        }
        return due is null ? [] : due;
    }

    // The date of the payment that settled installment `number` (its jasa and principal fully allocated, LOAN-05), or null.
    private static LocalDate? SettledOn(LoanAccount account, int number)
    {
        long charge = 0, principal = 0;
        var installments = account.Schedule.Installments;
        for (var i = 0; i < number; i++)
        {
            charge += installments[i].ServiceCharge.Amount;
            principal += installments[i].Principal.Amount;
        }
        long paidCharge = 0, paidPrincipal = 0;
        foreach (var payment in account.Payments)
        {
            paidCharge += payment.Allocation.ServiceCharge.Amount;
            paidPrincipal += payment.Allocation.Principal.Amount;
            if (paidCharge >= charge && paidPrincipal >= principal)
            {
                return payment.Date;
            }
        }
        return null;
    }

    // The profit a business-profit entry declares (typed in the entry; read from the memo of format 1 and 2 entries by
    // the ledger itself); zero when it declares none.
    private static Rupiah DeclaredProfit(LedgerEntry e) => e.Profit ?? Rupiah.Zero;
}
