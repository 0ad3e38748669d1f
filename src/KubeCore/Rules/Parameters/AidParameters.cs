using KubeCore.Common;
using NodaTime;

namespace KubeCore.Rules.Parameters;

/// <summary>What a grant amount is counted per (AID-01).</summary>
public enum GrantBasis
{
    /// <summary>One amount per group, whatever its size (e.g. BLPS: Rp 30.000.000 per KUBE, seed 002).</summary>
    PerGroup = 1,

    /// <summary>
    /// The amount times the group's member households (KK) on the decision date (e.g. KUBE: Rp 2.000.000 × members,
    /// Mensos 2016 and 2020: 10 KK → Rp 20.000.000).
    /// </summary>
    PerMemberHousehold = 2,
}

/// <summary>
/// A grant rate in force from a date, with what it is counted per and its source (OpenFisca-style dated parameter).
/// </summary>
/// <param name="EffectiveFrom">The first date the rate applies.</param>
/// <param name="Amount">The rupiah per group, or per member household, as <paramref name="Basis"/> says.</param>
/// <param name="Basis">Whether <paramref name="Amount"/> is per group or per member household.</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record DatedGrant(LocalDate EffectiveFrom, Rupiah Amount, GrantBasis Basis, string Source)
{
    /// <summary>
    /// The grant to a group with <paramref name="memberHouseholds"/> member households: <see cref="Amount"/> for
    /// <see cref="GrantBasis.PerGroup"/>, <see cref="Amount"/> × <paramref name="memberHouseholds"/> (checked) for
    /// <see cref="GrantBasis.PerMemberHousehold"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="memberHouseholds"/> is negative.</exception>
    /// <exception cref="OverflowException">The product leaves the range of <see cref="Rupiah"/>.</exception>
    public Rupiah For(int memberHouseholds)
    {
        Preconditions.CheckArgumentRange(memberHouseholds, 0, int.MaxValue);
        return Basis == GrantBasis.PerMemberHousehold ? Amount * memberHouseholds : Amount;
    }

    /// <summary><c>Rp 2.000.000 per member household from 2016-01-01</c>, the form the rulebook shows.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Amount} {(Basis == GrantBasis.PerMemberHousehold ? "per member household" : "per group")} from {EffectiveFrom:uuuu-MM-dd}");
}

/// <summary>Parameters of aid grants and their accountability (AID-01..03).</summary>
public sealed record AidParameters
{
    /// <summary>
    /// AID-01: the grant rate (per group or per member household) by effective date, oldest first; empty when the
    /// program gives no grants.
    /// </summary>
    public IReadOnlyList<DatedGrant> GrantSchedule { get; init; } = [];

    /// <summary>AID-02: the least age of a group for development aid (BLPS); null when the profile sets none.</summary>
    public Period? DevelopmentAidMinGroupAge { get; init; }

    /// <summary>AID-03: the LPJ accountability report is due this long after disbursement. Default 21 days (Banten 2025).</summary>
    public Period LpjDuePeriod { get; init; } = Period.FromDays(21);

    /// <summary>The grant rate in force on <paramref name="date"/>, or null when none is.</summary>
    public DatedGrant? GrantOn(LocalDate date) => GrantSchedule.LastOrDefault(g => g.EffectiveFrom <= date);

    internal void Validate()
    {
        Preconditions.CheckArgument(GrantSchedule is not null && GrantSchedule.All(g => g is not null && g.Amount.IsPositive), nameof(GrantSchedule), "Grant amounts must be positive.");
        Preconditions.CheckArgument(GrantSchedule.All(g => Enum.IsDefined(g.Basis)), nameof(GrantSchedule), "A grant is counted per group or per member household.");
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
