using KubeCore.Common;
using KubeCore.Rules;

namespace KubeCore.Compliance;

/// <summary>One item of a stage checklist (STG-01) or a sustainability indicator (STG-02).</summary>
public enum ChecklistItem
{
    /// <summary>Berkembang: a pendamping accompanies the group.</summary>
    HasPendamping = 1,

    /// <summary>Berkembang: members received business or skills training.</summary>
    TrainingReceived = 2,

    /// <summary>Berkembang: ketua, sekretaris and bendahara are in office.</summary>
    OfficersComplete = 3,

    /// <summary>Berkembang: the group received aid (UEP/BLPS) or capital.</summary>
    AidReceived = 4,

    /// <summary>Berkembang: business profit is split into capital, welfare and IKS.</summary>
    ProfitSplit = 5,

    /// <summary>Maju: profit rose over the last months.</summary>
    RisingProfit = 6,

    /// <summary>Maju: capital rose over the last months.</summary>
    RisingCapital = 7,

    /// <summary>Maju: the IKS fund helps people outside the group.</summary>
    IksForOutsiders = 8,

    /// <summary>Maju: the group has partnerships (kemitraan) with businesses or institutions.</summary>
    Partnerships = 9,
}

/// <summary>The facts a stage assessment reads (STG-01), with where each came from.</summary>
/// <param name="HasPendamping">A pendamping is assigned and active.</param>
/// <param name="TrainingReceived">Training was received.</param>
/// <param name="OfficersComplete">All three offices are filled.</param>
/// <param name="AidReceived">Aid or capital was received.</param>
/// <param name="ProfitSplit">The latest profit split allocated capital, welfare and IKS (each more than zero).</param>
/// <param name="MonthlyProfit">Business profit per month, oldest first.</param>
/// <param name="MonthlyCapital">Business capital at each month end, oldest first.</param>
/// <param name="IksForOutsiders">IKS has been used for people outside the group.</param>
/// <param name="Partnerships">Active partnerships.</param>
public sealed record StageEvidence(
    bool HasPendamping,
    bool TrainingReceived,
    bool OfficersComplete,
    bool AidReceived,
    bool ProfitSplit,
    IReadOnlyList<Rupiah> MonthlyProfit,
    IReadOnlyList<Rupiah> MonthlyCapital,
    bool IksForOutsiders,
    int Partnerships);

/// <summary>The stage a group reached, with each checklist item and whether it was met.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Items">Every item checked, with its outcome.</param>
/// <param name="ProfileId">The profile version applied.</param>
public sealed record StageAssessment(GroupStage Stage, IReadOnlyDictionary<ChecklistItem, bool> Items, string ProfileId)
{
    /// <summary>The items that kept the group from the next stage (empty at Maju).</summary>
    public IReadOnlyList<ChecklistItem> MissingForNextStage =>
        Items.Where(i => !i.Value && (Stage == GroupStage.Tumbuh ? GroupStages.BerkembangItems : GroupStages.MajuItems).Contains(i.Key))
            .Select(i => i.Key).ToList();
}

/// <summary>The three sustainability indicators of STG-02 (seed 001).</summary>
public enum SustainabilityIndicator
{
    /// <summary>Kelembagaan: meetings held, officers in office, books closed.</summary>
    Institutional = 1,

    /// <summary>Sosial: attendance, IKS contributions, participation in decisions.</summary>
    Social = 2,

    /// <summary>Ekonomi: savings growth, repayment, income growth.</summary>
    Economic = 3,
}

/// <summary>The facts of a period that the sustainability indicators read (STG-02).</summary>
/// <param name="Weeks">Weeks in the period.</param>
/// <param name="WeeksWithMeeting">Weeks with a meeting (FIVE-02 met).</param>
/// <param name="WeeksClosed">Weeks whose books were closed (FIVE-03 met).</param>
/// <param name="OfficersComplete">All three offices filled at the end of the period.</param>
/// <param name="AttendanceRecorded">Member-meetings recorded (members × meetings).</param>
/// <param name="AttendancePresent">Of those, present or late.</param>
/// <param name="IksContributed">IKS contributed during the period.</param>
/// <param name="MembersWhoDecided">Distinct members who took part in at least one decision.</param>
/// <param name="Members">Current members.</param>
/// <param name="SavingsAtStart">Member savings at the start of the period.</param>
/// <param name="SavingsAtEnd">Member savings at the end.</param>
/// <param name="InstallmentsDue">Installments due in the period.</param>
/// <param name="InstallmentsPaidOnTime">Of those, paid by their due date.</param>
/// <param name="IncomeFirstHalf">Business income in the first half of the period.</param>
/// <param name="IncomeSecondHalf">Business income in the second half.</param>
public sealed record SustainabilityEvidence(
    int Weeks,
    int WeeksWithMeeting,
    int WeeksClosed,
    bool OfficersComplete,
    int AttendanceRecorded,
    int AttendancePresent,
    Rupiah IksContributed,
    int MembersWhoDecided,
    int Members,
    Rupiah SavingsAtStart,
    Rupiah SavingsAtEnd,
    int InstallmentsDue,
    int InstallmentsPaidOnTime,
    Rupiah IncomeFirstHalf,
    Rupiah IncomeSecondHalf);

/// <summary>One sustainability indicator with the sub-checks that decided it.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Met">True when every sub-check holds.</param>
/// <param name="Checks">Each sub-check by name, e.g. <c>MeetingsEveryWeek</c>.</param>
public sealed record IndicatorOutcome(SustainabilityIndicator Indicator, bool Met, IReadOnlyDictionary<string, bool> Checks);

/// <summary>
/// Group stages (STG-01) and sustainability indicators (STG-02).
/// </summary>
/// <remarks>
/// <para><b>Stages.</b> Every group starts at Tumbuh. It is Berkembang when all of
/// <see cref="BerkembangItems"/> hold, and Maju when it is Berkembang and all of <see cref="MajuItems"/> hold.
/// "Rising" means each of the last <c>Compliance.MajuRisingMonths</c> month-on-month changes is an increase (a
/// design choice: the source lists the criterion without a measure).</para>
/// <para><b>Sustainability</b> (seed 001; the sub-checks are KubeCore's, stated here): institutional = a meeting
/// and a book close every week of the period and all offices filled; social = attendance share at least
/// <c>Compliance.SustainableAttendanceShare</c>, some IKS contributed, and more than half of members took part in
/// a decision; economic = member savings grew, at least 90 % of installments were paid on time (the PORT-01 "good"
/// repayment band) and income did not fall from the first half of the period to the second.</para>
/// </remarks>
public static class GroupStages
{
    /// <summary>The items a group needs for Berkembang.</summary>
    public static IReadOnlyList<ChecklistItem> BerkembangItems { get; } =
        [ChecklistItem.HasPendamping, ChecklistItem.TrainingReceived, ChecklistItem.OfficersComplete, ChecklistItem.AidReceived, ChecklistItem.ProfitSplit];

    /// <summary>The further items a group needs for Maju.</summary>
    public static IReadOnlyList<ChecklistItem> MajuItems { get; } =
        [ChecklistItem.RisingProfit, ChecklistItem.RisingCapital, ChecklistItem.IksForOutsiders, ChecklistItem.Partnerships];

    /// <summary>The rule these assessments implement for stages.</summary>
    public static RuleId StageRule => RuleIds.Stg01;

    /// <summary>Assesses the stage of a group (STG-01).</summary>
    public static StageAssessment AssessStage(StageEvidence evidence, ProgramProfile profile)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(profile);
        var months = profile.Compliance.MajuRisingMonths;
        var items = new SortedDictionary<ChecklistItem, bool>
        {
            [ChecklistItem.HasPendamping] = evidence.HasPendamping,
            [ChecklistItem.TrainingReceived] = evidence.TrainingReceived,
            [ChecklistItem.OfficersComplete] = evidence.OfficersComplete,
            [ChecklistItem.AidReceived] = evidence.AidReceived,
            [ChecklistItem.ProfitSplit] = evidence.ProfitSplit,
            [ChecklistItem.RisingProfit] = IsRising(evidence.MonthlyProfit, months),
            [ChecklistItem.RisingCapital] = IsRising(evidence.MonthlyCapital, months),
            [ChecklistItem.IksForOutsiders] = evidence.IksForOutsiders,
            [ChecklistItem.Partnerships] = evidence.Partnerships > 0,
        };
        var stage = !BerkembangItems.All(i => items[i]) ? GroupStage.Tumbuh
            : !MajuItems.All(i => items[i]) ? GroupStage.Berkembang
            : GroupStage.Maju;
        return new StageAssessment(stage, items, profile.Id);
    }

    /// <summary>Assesses the three sustainability indicators of a period (STG-02).</summary>
    /// <exception cref="ArgumentException">A count is negative or a part exceeds its whole.</exception>
    public static IReadOnlyList<IndicatorOutcome> AssessSustainability(SustainabilityEvidence evidence, ProgramProfile profile)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(profile);
        Preconditions.CheckArgument(
            evidence.Weeks >= 0 && evidence.WeeksWithMeeting is >= 0 && evidence.WeeksWithMeeting <= evidence.Weeks && evidence.WeeksClosed >= 0 && evidence.WeeksClosed <= evidence.Weeks
            && evidence.AttendancePresent >= 0 && evidence.AttendancePresent <= evidence.AttendanceRecorded
            && evidence.MembersWhoDecided >= 0 && evidence.MembersWhoDecided <= evidence.Members
            && evidence.InstallmentsPaidOnTime >= 0 && evidence.InstallmentsPaidOnTime <= evidence.InstallmentsDue,
            nameof(evidence), "Counts must be non-negative and no part may exceed its whole.");

        var institutional = new SortedDictionary<string, bool>(StringComparer.Ordinal)
        {
            ["MeetingsEveryWeek"] = evidence.Weeks > 0 && evidence.WeeksWithMeeting == evidence.Weeks,
            ["BooksClosedEveryWeek"] = evidence.Weeks > 0 && evidence.WeeksClosed == evidence.Weeks,
            ["OfficersComplete"] = evidence.OfficersComplete,
        };
        var social = new SortedDictionary<string, bool>(StringComparer.Ordinal)
        {
            ["Attendance"] = evidence.AttendanceRecorded > 0 && profile.Compliance.SustainableAttendanceShare.IsMetBy(evidence.AttendancePresent, evidence.AttendanceRecorded),
            ["IksContributed"] = evidence.IksContributed.IsPositive,
            ["Participation"] = Rate.FromPercent(50).IsExceededBy(evidence.MembersWhoDecided, evidence.Members),
        };
        var economic = new SortedDictionary<string, bool>(StringComparer.Ordinal)
        {
            ["SavingsGrew"] = evidence.SavingsAtEnd > evidence.SavingsAtStart,
            ["RepaymentOnTime"] = evidence.InstallmentsDue == 0 || profile.Portfolio.RepaymentGoodAbove.IsMetBy(evidence.InstallmentsPaidOnTime, evidence.InstallmentsDue),
            ["IncomeHeld"] = evidence.IncomeSecondHalf >= evidence.IncomeFirstHalf,
        };
        return
        [
            new(SustainabilityIndicator.Institutional, institutional.Values.All(v => v), institutional),
            new(SustainabilityIndicator.Social, social.Values.All(v => v), social),
            new(SustainabilityIndicator.Economic, economic.Values.All(v => v), economic),
        ];
    }

    private static bool IsRising(IReadOnlyList<Rupiah> series, int months)
    {
        if (series.Count < months + 1)
        {
            return false;
        }
        for (var i = series.Count - months; i < series.Count; i++)
        {
            if (series[i] <= series[i - 1])
            {
                return false;
            }
        }
        return true;
    }
}
