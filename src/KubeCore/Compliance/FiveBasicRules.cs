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

    /// <summary>Not applicable that week (e.g. FIVE-04 before the group may lend, FIVE-05 with nothing due).</summary>
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
/// <param name="MayLend">True when the group may lend (LOAN-01 met) that week.</param>
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
    public FiveRuleOutcome this[RuleId rule] => Outcomes.First(o => o.RuleId == rule);

    /// <summary>True when no rule is <see cref="RuleStatus.NotMet"/>.</summary>
    public bool AllKept => Outcomes.All(o => o.Status != RuleStatus.NotMet);
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
/// <item>FIVE-04 loans revolve within the group: not applicable before the group may lend (LOAN-01); otherwise met
/// when the fund lent to a member that week or had no request it could serve, not met when it left a servable
/// request unserved.</item>
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
        Preconditions.CheckArgument(week.Savings.Select(s => s.Member).Distinct().Count() == week.Savings.Count, nameof(week), "A member may have one savings row per week.");

        var savers = week.Savings.Where(s => s.Deposits.Count > 0).ToList();
        var missing = week.Savings.Where(s => s.Deposits.Count == 0).Select(s => s.Member).ToList();
        var savings = week.Savings.Count == 0
            ? RuleStatus.NotApplicable
            : profile.Compliance.SavingsShareOfMembers.IsMetBy(savers.Count, week.Savings.Count) ? RuleStatus.Met : RuleStatus.NotMet;

        var lending = !week.MayLend
            ? RuleStatus.NotApplicable
            : week.LoansDisbursed.Count > 0 || week.UnservedRequests == 0 ? RuleStatus.Met : RuleStatus.NotMet;

        var repayment = week.InstallmentsDue.Count == 0
            ? RuleStatus.NotApplicable
            : week.InstallmentsDue.All(i => i.Settlement.Count > 0) ? RuleStatus.Met : RuleStatus.NotMet;

        FiveRuleOutcome[] outcomes =
        [
            new(RuleIds.Five01, savings, savers.SelectMany(s => s.Deposits).ToList(), null, [], missing),
            new(RuleIds.Five02, week.Meeting is null ? RuleStatus.NotMet : RuleStatus.Met, [], week.Meeting, [], []),
            new(RuleIds.Five03, week.BookClose is null ? RuleStatus.NotMet : RuleStatus.Met, week.BookClose is { } close ? [close] : [], null, [], []),
            new(RuleIds.Five04, lending, [], null, week.LoansDisbursed, []),
            new(RuleIds.Five05, repayment, week.InstallmentsDue.SelectMany(i => i.Settlement).ToList(), null,
                week.InstallmentsDue.Where(i => i.Settlement.Count == 0).Select(i => i.Loan).Distinct().ToList(), []),
        ];
        return new FiveRulesWeekReport(week.GroupId, week.WeekStart, profile.Id, outcomes);
    }
}
