using KubeCore.Common;
using NodaTime;

namespace KubeCore.Rules.Parameters;

/// <summary>Parameters of the poverty criteria and registry (POV-01..03, MEM-01).</summary>
public sealed record PovertyParameters
{
    /// <summary>POV-01: how many of the 14 BPS criteria make a household poor. Default 9.</summary>
    public int BpsMinCriteriaMet { get; init; } = 9;

    /// <summary>POV-01 criterion 1: floor area per person below this many m² is poor. Default 8.</summary>
    public int BpsFloorAreaPerPersonM2 { get; init; } = 8;

    /// <summary>POV-01 criterion 8: meat/milk/chicken at most this many times a week is poor. Default 1.</summary>
    public int BpsMaxProteinMealsPerWeek { get; init; } = 1;

    /// <summary>POV-01 criterion 9: at most this many sets of new clothes a year is poor. Default 1.</summary>
    public int BpsMaxClothingSetsPerYear { get; init; } = 1;

    /// <summary>POV-01 criterion 10: at most this many meals a day is poor. Default 2.</summary>
    public int BpsMaxMealsPerDay { get; init; } = 2;

    /// <summary>POV-01 criterion 12: a farming head with land below this many m² is poor. Default 500 (some copies: 0,5 ha).</summary>
    public int BpsFarmLandM2 { get; init; } = 500;

    /// <summary>POV-01 criterion 12: head's income below this per month is poor. Default Rp 600.000.</summary>
    public Rupiah BpsHeadMonthlyIncome { get; init; } = Rupiah.Of(600_000);

    /// <summary>POV-01 criterion 14: no saleable asset worth at least this is poor. Default Rp 500.000.</summary>
    public Rupiah BpsSaleableAsset { get; init; } = Rupiah.Of(500_000);

    /// <summary>
    /// POV-02: how many of the 8 further Kepmensos 262/HUK/2022 criteria make a household fakir miskin.
    /// Default 5 (a majority, by analogy with 9 of 14): the sources give no count, so this is a choice (L).
    /// </summary>
    public int Kepmensos262MinFurtherCriteriaMet { get; init; } = 5;

    /// <summary>POV-02 criterion (c): food above this share of total spending. Default 50 %.</summary>
    public Rate Kepmensos262FoodShare { get; init; } = Rate.FromPercent(50);

    /// <summary>POV-02 criterion (h): an electricity connection of at most this many VA (or none). Default 450.</summary>
    public int Kepmensos262MaxElectricityVa { get; init; } = 450;

    /// <summary>MEM-01: the highest DTKS/DTSEN decile that counts as poor. Default 4 (DTKS covers the lowest 40 %).</summary>
    public int MaxEligibleDecile { get; init; } = 4;

    /// <summary>POV-03: a decile older than this is stale and needs re-verification. Default 3 months.</summary>
    public Period DecileValidity { get; init; } = Period.FromMonths(3);

    internal void Validate()
    {
        Preconditions.CheckArgumentRange(BpsMinCriteriaMet, 1, 14);
        Preconditions.CheckArgumentRange(Kepmensos262MinFurtherCriteriaMet, 1, 8);
        Preconditions.CheckArgumentRange(MaxEligibleDecile, 1, 10);
        Preconditions.CheckArgument(BpsFloorAreaPerPersonM2 > 0 && BpsFarmLandM2 > 0, nameof(BpsFloorAreaPerPersonM2), "Areas must be positive.");
        Preconditions.CheckArgument(BpsHeadMonthlyIncome.IsPositive && BpsSaleableAsset.IsPositive, nameof(BpsHeadMonthlyIncome), "Amounts must be positive.");
        Preconditions.CheckArgument(DecileValidity is not null && !DecileValidity.HasTimeComponent, nameof(DecileValidity), "The validity is a date period.");
    }
}
