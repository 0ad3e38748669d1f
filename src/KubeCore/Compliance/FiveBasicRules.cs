using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Compliance;

/// <summary>How one of the five basic rules came out for a week.</summary>
public enum RuleStatus
{
    /// <summary>Met (terpenuhi).</summary>
    Met = 1,

    /// <summary>Not met (tidak terpenuhi).</summary>
    NotMet = 2,

    /// <summary>Not applicable that week (e.g. FIVE-01 for a group without members, FIVE-05 with nothing due).</summary>
    NotApplicable = 3,
}

/// <summary>A member's savings in a week: the ledger entries that credited their savings account.</summary>
/// <param name="Member">The member.</param>
/// <param name="Deposits">The deposit entries dated in the week (empty when the member did not save).</param>
public sealed record MemberWeekSavings(PersonId Member, IReadOnlyList<EntryId> Deposits);

/// <summary>An installment due in a week and how it was settled.</summary>
/// <param name="Loan">The loan.</param>
/// <param name="Number">The installment number, from 1.</param>
/// <param name="Settlement">The entries that paid it (repayment or tanggung renteng cover); empty when unpaid.</param>
/// <param name="CoveredByJointLiability">True when it was settled by tanggung renteng (LOAN-08) rather than by the borrower.</param>
public sealed record InstallmentDue(LoanId Loan, int Number, IReadOnlyList<EntryId> Settlement, bool CoveredByJointLiability);

/// <summary>
/// The facts of one group week that the five basic rules read (seed 004: tabungan, pertemuan, pembukuan,
/// perguliran and pengembalian, weekly). Adapters build it from the savings ledger, meetings and loans.
/// </summary>
/// <param name="GroupId">The group.</param>
/// <param name="WeekStart">The first day of the week (the profile's <c>Savings.WeekStartsOn</c>).</param>
/// <param name="Savings">One row per current member.</param>
/// <param name="Meeting">The meeting held that week with attendance recorded, or null.</param>
/// <param name="BookClose">The week's book-close entry when the week was closed and reconciled, or null.</param>
/// <param name="MayLend">True when the group may lend within the group (LOAN-01 a) that week: from the first week in every
/// built-in profile. When false (a derived profile's minimum savings period not yet reached) no request could be served,
/// so FIVE-04 is met whatever <paramref name="UnservedRequests"/> says.</param>
/// <param name="LoansDisbursed">Loans disbursed to members that week.</param>
/// <param name="UnservedRequests">Loan requests the fund could have served that week but did not.</param>
/// <param name="InstallmentsDue">Installments due that week.</param>
public sealed record GroupWeek(
    GroupId GroupId,
    LocalDate WeekStart,
    IReadOnlyList<MemberWeekSavings> Savings,
    MeetingId? Meeting,
    EntryId? BookClose,
    bool MayLend,
    IReadOnlyList<LoanId> LoansDisbursed,
    int UnservedRequests,
    IReadOnlyList<InstallmentDue> InstallmentsDue);

/// <summary>One rule's outcome for the week with the evidence that decided it.</summary>
/// <param name="RuleId">FIVE-01..05.</param>
/// <param name="Status">Met, not met or not applicable.</param>
/// <param name="EntryEvidence">Ledger entries that show it.</param>
/// <param name="MeetingEvidence">The meeting that shows it, for FIVE-02.</param>
/// <param name="LoanEvidence">For FIVE-04 the loans disbursed that week; for FIVE-05 the loans with an installment left unpaid.</param>
/// <param name="MembersMissing">Members who did not save, for FIVE-01.</param>
public sealed record FiveRuleOutcome(
    RuleId RuleId,
    RuleStatus Status,
    IReadOnlyList<EntryId> EntryEvidence,
    MeetingId? MeetingEvidence,
    IReadOnlyList<LoanId> LoanEvidence,
    IReadOnlyList<PersonId> MembersMissing);

/// <summary>The weekly compliance report of a group: the five basic rules, each with its evidence.</summary>
public sealed class FiveRulesWeekReport
{
    internal FiveRulesWeekReport(GroupId groupId, LocalDate weekStart, string profileId, IReadOnlyList<FiveRuleOutcome> outcomes)
    {
        GroupId = groupId;
        WeekStart = weekStart;
        ProfileId = profileId;
        Outcomes = outcomes;
    }

    /// <summary>The group.</summary>
    public GroupId GroupId { get; }

    /// <summary>The first day of the week.</summary>
    public LocalDate WeekStart { get; }

    /// <summary>The profile version applied.</summary>
    public string ProfileId { get; }

    /// <summary>FIVE-01..05 in order.</summary>
    public IReadOnlyList<FiveRuleOutcome> Outcomes { get; }

    /// <summary>The outcome of one rule.</summary>
    /// <exception cref="InvalidOperationException">The report has no outcome for <paramref name="rule"/>.</exception>
    public FiveRuleOutcome this[RuleId rule]
    {
        get
        {
            foreach (var outcome in Outcomes)
            {
                if (outcome.RuleId == rule)
                {
                    return outcome;
                }
            }
            throw new InvalidOperationException("Sequence contains no matching element");
        }
    }

    /// <summary>True when no rule is <see cref="RuleStatus.NotMet"/>.</summary>
    public bool AllKept
    {
        get
        {
            foreach (var outcome in Outcomes)
            {
                if (outcome.Status == RuleStatus.NotMet)
                {
                    return false;
                }
            }
            return true;
        }
    }
}

/// <summary>
/// The five basic rules of a group (lima aturan dasar; "Pancasutra" in KOTAKU practice), checked per week
/// (FIVE-01..05, seed 004).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>FIVE-01 routine savings: met when at least <c>Compliance.SavingsShareOfMembers</c> of current members
/// saved that week (default all). A group with no members is not applicable.</item>
/// <item>FIVE-02 routine meeting: met when a meeting with recorded attendance was held that week.</item>
/// <item>FIVE-03 routine bookkeeping: met when the week's books were closed and reconcile.</item>
/// <item>FIVE-04 loans revolve within the group: applicable from the first week (LOAN-01 a: lending may start at the
/// first meeting); met when the fund lent to a member that week or had no request it could serve (none could be served
/// while a profile's minimum savings period keeps the group from lending), not met when it left a servable request
/// unserved.</item>
/// <item>FIVE-05 repayment within the group: not applicable when nothing fell due; met when every installment due
/// was paid or covered by tanggung renteng (LOAN-08).</item>
/// </list>
/// </remarks>
public static class FiveBasicRules
{
    /// <summary>Checks the five rules for one week under <paramref name="profile"/>.</summary>
    /// <exception cref="ArgumentException">A member appears twice in the savings rows.</exception>
    public static FiveRulesWeekReport Check(GroupWeek week, ProgramProfile profile)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(profile);
        var rows = week.Savings;
        Preconditions.CheckArgument(HasDistinctMembers(rows), nameof(week), "A member may have one savings row per week.");

        // FIVE-01: the members who saved, their deposits, and the members who did not.
        int saverCount = 0, depositCount = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var deposits = rows[i].Deposits.Count;
            if (deposits > 0)
            {
                saverCount++;
                depositCount += deposits;
            }
        }
        var depositEvidence = depositCount == 0 ? [] : new EntryId[depositCount];
        var missing = saverCount == rows.Count ? [] : new PersonId[rows.Count - saverCount];
        int nextDeposit = 0, nextMissing = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var deposits = row.Deposits;
            if (deposits.Count == 0)
            {
                missing[nextMissing++] = row.Member;
                continue;
            }
            for (var d = 0; d < deposits.Count; d++)
            {
                depositEvidence[nextDeposit++] = deposits[d];
            }
        }
        var savings = rows.Count == 0
            ? RuleStatus.NotApplicable
            : profile.Compliance.SavingsShareOfMembers.IsMetBy(saverCount, rows.Count) ? RuleStatus.Met : RuleStatus.NotMet;

        // FIVE-04: applicable every week; only a request the group could have served and did not breaks it.
        var lending = week.LoansDisbursed.Count > 0 || week.UnservedRequests == 0 || !week.MayLend ? RuleStatus.Met : RuleStatus.NotMet;

        // FIVE-05: the entries that settled what fell due, and the loans (once each) with an installment left unpaid.
        var due = week.InstallmentsDue;
        int settlementCount = 0, unpaidCount = 0;
        for (var i = 0; i < due.Count; i++)
        {
            var settlement = due[i].Settlement.Count;
            settlementCount += settlement;
            unpaidCount += settlement == 0 ? 1 : 0;
        }
        var settlementEvidence = settlementCount == 0 ? [] : new EntryId[settlementCount];
        var unpaidLoans = unpaidCount == 0 ? [] : new List<LoanId>(unpaidCount);
        var nextSettlement = 0;
        for (var i = 0; i < due.Count; i++)
        {
            var installment = due[i];
            var settlement = installment.Settlement;
            if (settlement.Count == 0)
            {
                if (!unpaidLoans.Contains(installment.Loan))
                {
                    unpaidLoans.Add(installment.Loan);
                }
                continue;
            }
            for (var e = 0; e < settlement.Count; e++)
            {
                settlementEvidence[nextSettlement++] = settlement[e];
            }
        }
        var repayment = due.Count == 0
            ? RuleStatus.NotApplicable
            : unpaidCount == 0 ? RuleStatus.Met : RuleStatus.NotMet;

        FiveRuleOutcome[] outcomes =
        [
            new(RuleIds.Five01, savings, depositEvidence, null, [], missing),
            new(RuleIds.Five02, week.Meeting is null ? RuleStatus.NotMet : RuleStatus.Met, [], week.Meeting, [], []),
            new(RuleIds.Five03, week.BookClose is null ? RuleStatus.NotMet : RuleStatus.Met, week.BookClose is { } close ? [close] : [], null, [], []),
            new(RuleIds.Five04, lending, [], null, week.LoansDisbursed, []),
            new(RuleIds.Five05, repayment, settlementEvidence, null, unpaidLoans, []),
        ];
        return new FiveRulesWeekReport(week.GroupId, week.WeekStart, profile.Id, outcomes);
    }

    // One savings row per member: pairwise for a group-sized list, a set for a large one.
    private static bool HasDistinctMembers(IReadOnlyList<MemberWeekSavings> rows)
    {
        if (rows.Count > 32)
        {
            var seen = new HashSet<PersonId>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                if (!seen.Add(rows[i].Member))
                {
                    return false;
                }
            }
            return true;
        }
        for (var i = 1; i < rows.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (rows[j].Member == rows[i].Member)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
