using KubeCore.Common;
using KubeCore.Compliance;
using NodaTime;

namespace KubeCore.Rules.Parameters;

/// <summary>An amount in force from a date, with its source (OpenFisca-style dated parameter).</summary>
/// <param name="EffectiveFrom">The first date the amount applies.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record DatedAmount(LocalDate EffectiveFrom, Rupiah Amount, string Source);

/// <summary>Parameters of aid grants and their accountability (AID-01..03).</summary>
public sealed record AidParameters
{
    /// <summary>AID-01: the grant per group by effective date, oldest first; empty when the program gives no grants.</summary>
    public IReadOnlyList<DatedAmount> GrantSchedule { get; init; } = [];

    /// <summary>AID-02: the least age of a group for development aid (BLPS); null when the profile sets none.</summary>
    public Period? DevelopmentAidMinGroupAge { get; init; }

    /// <summary>AID-02: the least stage for development aid. Default Berkembang.</summary>
    public GroupStage DevelopmentAidMinStage { get; init; } = GroupStage.Berkembang;

    /// <summary>AID-03: the LPJ accountability report is due this long after disbursement. Default 21 days (Banten 2025).</summary>
    public Period LpjDuePeriod { get; init; } = Period.FromDays(21);

    /// <summary>The grant in force on <paramref name="date"/>, or null when none is.</summary>
    public DatedAmount? GrantOn(LocalDate date) => GrantSchedule.LastOrDefault(g => g.EffectiveFrom <= date);

    internal void Validate()
    {
        Preconditions.CheckArgument(GrantSchedule is not null && GrantSchedule.All(g => g.Amount.IsPositive), nameof(GrantSchedule), "Grant amounts must be positive.");
        for (var i = 1; i < GrantSchedule.Count; i++)
        {
            Preconditions.CheckArgument(GrantSchedule[i].EffectiveFrom > GrantSchedule[i - 1].EffectiveFrom, nameof(GrantSchedule), "Grant dates must rise strictly.");
        }
        Preconditions.CheckArgument(LpjDuePeriod is not null && !LpjDuePeriod.HasTimeComponent, nameof(LpjDuePeriod), "The LPJ due period is a date period.");
    }
}

/// <summary>Parameters of the five basic rules report and stages (FIVE-01..05, STG-01..02).</summary>
public sealed record ComplianceParameters
{
    /// <summary>FIVE-01: the share of members who must save in a week for the rule to be met. Default 100 %.</summary>
    public Rate SavingsShareOfMembers { get; init; } = Rate.Whole;

    /// <summary>STG-02: the attendance share at or above which the social indicator is met. Default 75 % (design choice).</summary>
    public Rate SustainableAttendanceShare { get; init; } = Rate.FromPercent(75);

    /// <summary>STG-01: months of rising profit and capital for stage Maju. Default 3 (design choice).</summary>
    public int MajuRisingMonths { get; init; } = 3;

    /// <summary>
    /// STG-01: a stage is reached when the group shows strictly more than this share of its traits (and of each
    /// lower stage's); exactly this share goes to the lower stage. Default 50 %, "a majority": 3 of a stage's 4
    /// traits (a design choice; the source places groups by the traits they show without a count).
    /// </summary>
    public Rate StageTraitShare { get; init; } = Rate.FromPercent(50);

    internal void Validate()
    {
        Preconditions.CheckArgument(SavingsShareOfMembers <= Rate.Whole && SustainableAttendanceShare <= Rate.Whole, nameof(SavingsShareOfMembers), "A share cannot exceed 100 %.");
        Preconditions.CheckArgument(MajuRisingMonths >= 1, nameof(MajuRisingMonths), "At least one month is needed.");
        Preconditions.CheckArgument(StageTraitShare < Rate.Whole, nameof(StageTraitShare), "The stage trait share must be below 100 % (no stage could be reached).");
    }
}
