using KubeCore.Common;
using KubeCore.Rules;

namespace KubeCore.Compliance;

/// <summary>
/// One trait of a development stage (STG-01), as the source lists it (123dok, Kel. Kebon Waru: "ciri-ciri tahap
/// perkembangan KUBE"). Each stage has four traits; see <see cref="GroupStages.TraitsOf"/>.
/// </summary>
public enum StageTrait
{
    /// <summary>Tumbuh: a pendamping accompanies the group ("sudah memiliki pendamping KUBE").</summary>
    HasPendamping = 1,

    /// <summary>Tumbuh: the group attended training ("pernah mengikuti pelatihan").</summary>
    TrainingReceived = 2,

    /// <summary>Tumbuh: ketua, sekretaris and bendahara are in office ("pengurus dan organisasi telah dibentuk").</summary>
    OfficersComplete = 3,

    /// <summary>Tumbuh: the group received aid (UEP/BLPS) or capital ("telah menerima bantuan UEP").</summary>
    AidReceived = 4,

    /// <summary>Berkembang: group activities run regularly as the officers direct ("kegiatan kelompok telah dijalankan sesuai kepengurusannya").</summary>
    RegularActivity = 5,

    /// <summary>Berkembang: business profit went to capital ("keuntungan UEP sudah ada untuk modal").</summary>
    ProfitToCapital = 6,

    /// <summary>Berkembang: business profit went to member welfare ("... untuk kesejahteraan anggota").</summary>
    ProfitToWelfare = 7,

    /// <summary>Berkembang: business profit went to the IKS solidarity fund ("... untuk Iuran Kesetiakawanan Sosial").</summary>
    ProfitToIks = 8,

    /// <summary>Maju: profit rose over the last months ("keuntungan UEP meningkat").</summary>
    RisingProfit = 9,

    /// <summary>Maju: capital rose over the last months ("modal semakin besar").</summary>
    RisingCapital = 10,

    /// <summary>Maju: the IKS fund helps people outside the group ("IKS untuk ... keluarga miskin lainnya").</summary>
    IksForOutsiders = 11,

    /// <summary>Maju: the group has partnerships with businesses or institutions ("hubungan baik ... dengan lembaga ekonomi dan pengusaha").</summary>
    Partnerships = 12,
}

/// <summary>The facts a stage assessment reads (STG-01). The caller states them; the record does not hold them all.</summary>
/// <param name="HasPendamping">Tumbuh: a pendamping is assigned and active.</param>
/// <param name="TrainingReceived">Tumbuh: the group attended training.</param>
/// <param name="OfficersComplete">Tumbuh: all three offices are filled.</param>
/// <param name="AidReceived">Tumbuh: aid or capital was received.</param>
/// <param name="RegularActivity">Berkembang: group activities run regularly as the officers direct.</param>
/// <param name="ProfitToCapital">Berkembang: the latest profit split allocated more than zero to capital.</param>
/// <param name="ProfitToWelfare">Berkembang: the latest profit split allocated more than zero to member welfare.</param>
/// <param name="ProfitToIks">Berkembang: the latest profit split allocated more than zero to IKS.</param>
/// <param name="MonthlyProfit">Maju: business profit per month, oldest first.</param>
/// <param name="MonthlyCapital">Maju: business capital at each month end, oldest first.</param>
/// <param name="IksForOutsiders">Maju: IKS has been used for people outside the group.</param>
/// <param name="Partnerships">Maju: active partnerships (0 or more).</param>
public sealed record StageEvidence(
    bool HasPendamping,
    bool TrainingReceived,
    bool OfficersComplete,
    bool AidReceived,
    bool RegularActivity,
    bool ProfitToCapital,
    bool ProfitToWelfare,
    bool ProfitToIks,
    IReadOnlyList<Rupiah> MonthlyProfit,
    IReadOnlyList<Rupiah> MonthlyCapital,
    bool IksForOutsiders,
    int Partnerships);

/// <summary>The stage a group is placed at, with every trait and whether the group shows it.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Traits">Every trait of the three stages, with whether the group shows it.</param>
/// <param name="ProfileId">The profile version applied.</param>
public sealed record StageAssessment(GroupStage Stage, IReadOnlyDictionary<StageTrait, bool> Traits, string ProfileId)
{
    /// <summary>How many of <paramref name="stage"/>'s traits the group shows (0..4).</summary>
    public int ShownOf(GroupStage stage) => GroupStages.TraitsOf(stage).Count(t => Traits.TryGetValue(t, out var shown) && shown);

    /// <summary>
    /// The traits not shown of the stages the group must show a majority of to reach the next stage: at Tumbuh
    /// those of Tumbuh and Berkembang, at Berkembang those of Maju; empty at Maju.
    /// </summary>
    public IReadOnlyList<StageTrait> MissingForNextStage =>
        (Stage switch
        {
            GroupStage.Tumbuh => GroupStages.TraitsOf(GroupStage.Tumbuh).Concat(GroupStages.TraitsOf(GroupStage.Berkembang)),
            GroupStage.Berkembang => GroupStages.TraitsOf(GroupStage.Maju),
            _ => [],
        }).Where(t => !(Traits.TryGetValue(t, out var shown) && shown)).ToList();
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
/// <para><b>Stages.</b> The source (123dok, Kel. Kebon Waru) lists traits of each stage and places a group at the
/// stage whose traits it shows best: it rates KUBE HPMBK-1 Berkembang although it never attended training and put
/// no profit into IKS. So a stage is <b>not</b> an all-of checklist. KubeCore's stated reading of "shows best"
/// (a design choice; the source gives no count): stages are climbed in order, as the source does ("telah melewati
/// kriteria KUBE tahap tumbuh ... tergolong pada tipologi berkembang"). A group is <b>Berkembang</b> when it shows
/// more than <c>Compliance.StageTraitShare</c> (default 50 %, i.e. at least 3 of 4) of the Tumbuh traits and more
/// than that share of the Berkembang traits; it is <b>Maju</b> when it is Berkembang and shows more than that share
/// of the Maju traits; otherwise it is <b>Tumbuh</b> (every group starts there). Exactly half is not enough: a
/// tie goes to the lower stage. The source's HPMBK-1 shows 3 of 4 Tumbuh traits (no training) and 3 of 4
/// Berkembang traits (no IKS) and is Berkembang; a group with profit for capital and welfare but without regular
/// activity or IKS shows 2 of 4 and stays Tumbuh.</para>
/// <para>"Rising" profit or capital means each of the last <c>Compliance.MajuRisingMonths</c> month-on-month changes
/// is an increase (a design choice, default 3: the source lists the trait without a measure).</para>
/// <para><b>Sustainability</b> (seed 001; the sub-checks are KubeCore's, stated here): institutional = a meeting
/// and a book close every week of the period and all offices filled; social = attendance share at least
/// <c>Compliance.SustainableAttendanceShare</c>, some IKS contributed, and more than half of members took part in
/// a decision; economic = member savings grew, at least 90 % of installments were paid on time (the PORT-01 "good"
/// repayment band) and income did not fall from the first half of the period to the second.</para>
/// </remarks>
public static class GroupStages
{
    private static readonly StageTrait[] Tumbuh =
        [StageTrait.HasPendamping, StageTrait.TrainingReceived, StageTrait.OfficersComplete, StageTrait.AidReceived];

    private static readonly StageTrait[] Berkembang =
        [StageTrait.RegularActivity, StageTrait.ProfitToCapital, StageTrait.ProfitToWelfare, StageTrait.ProfitToIks];

    private static readonly StageTrait[] Maju =
        [StageTrait.RisingProfit, StageTrait.RisingCapital, StageTrait.IksForOutsiders, StageTrait.Partnerships];

    /// <summary>The rule these assessments implement for stages.</summary>
    public static RuleId StageRule => RuleIds.Stg01;

    /// <summary>The rule <see cref="AssessSustainability"/> implements: the sustainability indicators.</summary>
    public static RuleId SustainabilityRule => RuleIds.Stg02;

    /// <summary>The four traits the source lists for <paramref name="stage"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The stage is not defined.</exception>
    public static IReadOnlyList<StageTrait> TraitsOf(GroupStage stage) => stage switch
    {
        GroupStage.Tumbuh => Tumbuh,
        GroupStage.Berkembang => Berkembang,
        GroupStage.Maju => Maju,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    /// <summary>
    /// Places a group at a stage by the traits it shows (STG-01): Berkembang needs more than the profile's
    /// <c>Compliance.StageTraitShare</c> of the Tumbuh and of the Berkembang traits, Maju that and more than the share
    /// of the Maju traits; a tie (exactly the share) goes to the lower stage. See the class remarks.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument or a monthly series is null.</exception>
    /// <exception cref="ArgumentException">Partnerships is negative.</exception>
    public static StageAssessment AssessStage(StageEvidence evidence, ProgramProfile profile)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(evidence.MonthlyProfit, nameof(evidence));
        ArgumentNullException.ThrowIfNull(evidence.MonthlyCapital, nameof(evidence));
        Preconditions.CheckArgument(evidence.Partnerships >= 0, nameof(evidence), "Partnerships must not be negative.");
        var months = profile.Compliance.MajuRisingMonths;
        var traits = new SortedDictionary<StageTrait, bool>
        {
            [StageTrait.HasPendamping] = evidence.HasPendamping,
            [StageTrait.TrainingReceived] = evidence.TrainingReceived,
            [StageTrait.OfficersComplete] = evidence.OfficersComplete,
            [StageTrait.AidReceived] = evidence.AidReceived,
            [StageTrait.RegularActivity] = evidence.RegularActivity,
            [StageTrait.ProfitToCapital] = evidence.ProfitToCapital,
            [StageTrait.ProfitToWelfare] = evidence.ProfitToWelfare,
            [StageTrait.ProfitToIks] = evidence.ProfitToIks,
            [StageTrait.RisingProfit] = IsRising(evidence.MonthlyProfit, months),
            [StageTrait.RisingCapital] = IsRising(evidence.MonthlyCapital, months),
            [StageTrait.IksForOutsiders] = evidence.IksForOutsiders,
            [StageTrait.Partnerships] = evidence.Partnerships > 0,
        };
        var share = profile.Compliance.StageTraitShare;
        bool ShowsBest(StageTrait[] stageTraits) => share.IsExceededBy(stageTraits.Count(t => traits[t]), stageTraits.Length);
        var stage = !(ShowsBest(Tumbuh) && ShowsBest(Berkembang)) ? GroupStage.Tumbuh
            : !ShowsBest(Maju) ? GroupStage.Berkembang
            : GroupStage.Maju;
        return new StageAssessment(stage, traits, profile.Id);
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
