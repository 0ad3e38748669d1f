using KubeCore.Common;

namespace KubeCore.Households;

/// <summary>
/// What an enumerator observes of one household for the BPS 14 poverty criteria (POV-01), in natural
/// units. The criteria themselves (which observation counts as poor) are applied by
/// <see cref="BpsPovertyAssessor"/> with the thresholds of a program profile.
/// </summary>
/// <remarks>
/// <para>An input value: every property is required and set with an object initializer. Check user input
/// with <see cref="BpsHouseholdSurveyValidator"/>; the assessor refuses a malformed survey with an
/// <see cref="ArgumentException"/>. A well-formed survey has <see cref="FloorAreaM2"/> ≥ 1,
/// <see cref="HouseholdSize"/> 1..100, defined enum values, counts within their ranges and no negative
/// area or amount.</para>
/// <para>A small <c>readonly</c> struct, so surveys can be assessed in bulk without allocating. The
/// default value is not well-formed (a floor area of 0).</para>
/// </remarks>
public readonly record struct BpsHouseholdSurvey
{
    /// <summary>The most people a household may have (as <see cref="Household.Register"/>).</summary>
    public const int MaxHouseholdSize = 100;

    /// <summary>The most meat/milk/chicken meals a week a survey may record (three meals on seven days).</summary>
    public const int MaxProteinMealsPerWeek = 21;

    /// <summary>The most sets of new clothes a year a survey may record.</summary>
    public const int MaxClothingSetsPerYear = 52;

    /// <summary>The most meals a day a survey may record.</summary>
    public const int MaxMealsPerDay = 10;

    /// <summary>Criterion 1: the dwelling's floor area in whole square metres, at least 1.</summary>
    public required int FloorAreaM2 { get; init; }

    /// <summary>Criterion 1: the number of people living in the household, 1..100.</summary>
    public required int HouseholdSize { get; init; }

    /// <summary>Criterion 2: the main floor material.</summary>
    public required FloorType Floor { get; init; }

    /// <summary>Criterion 3: the main wall material.</summary>
    public required WallType Wall { get; init; }

    /// <summary>Criterion 4: true when the household has a toilet of its own (false: none, or shared with other households).</summary>
    public required bool HasOwnToilet { get; init; }

    /// <summary>Criterion 5: true when the dwelling's lighting is electric.</summary>
    public required bool HasElectricity { get; init; }

    /// <summary>Criterion 6: the main source of drinking water.</summary>
    public required WaterSource DrinkingWater { get; init; }

    /// <summary>Criterion 7: the main cooking fuel.</summary>
    public required CookingFuel CookingFuel { get; init; }

    /// <summary>Criterion 8: how many times a week the household eats meat, milk or chicken, 0..21.</summary>
    public required int ProteinMealsPerWeek { get; init; }

    /// <summary>Criterion 9: how many sets of new clothes each member buys a year, 0..52.</summary>
    public required int ClothingSetsPerYear { get; init; }

    /// <summary>Criterion 10: how many meals a day the household eats, 0..10.</summary>
    public required int MealsPerDay { get; init; }

    /// <summary>Criterion 11: true when the household can pay for treatment at a Puskesmas or poliklinik.</summary>
    public required bool CanAffordPuskesmas { get; init; }

    /// <summary>Criterion 12: the head of household's main work.</summary>
    public required Employment HeadWork { get; init; }

    /// <summary>Criterion 12: the land the head farms (owned or worked), in whole m², 0 when none. Only read when <see cref="HeadWork"/> is <see cref="Employment.Farmer"/>.</summary>
    public required int HeadFarmLandM2 { get; init; }

    /// <summary>Criterion 12: the head of household's income per month, not negative.</summary>
    public required Rupiah HeadMonthlyIncome { get; init; }

    /// <summary>Criterion 13: the head of household's highest completed schooling.</summary>
    public required Schooling HeadSchooling { get; init; }

    /// <summary>
    /// Criterion 14: the total value of the household's savings and easily sold goods (motorbike, gold,
    /// livestock, boat, other capital goods), not negative.
    /// </summary>
    public required Rupiah SaleableAssets { get; init; }

    /// <summary>True when every observation is within its range (the rules of <see cref="BpsHouseholdSurveyValidator"/>).</summary>
    /// <remarks>Evaluated without short-circuits (<c>&amp;</c>), so checking costs no data-dependent branches.</remarks>
    public bool IsWellFormed =>
        FloorAreaM2 >= 1
        & (uint)(HouseholdSize - 1) < MaxHouseholdSize
        & (uint)(Floor - FloorType.Earth) <= FloorType.Tiles - FloorType.Earth
        & (uint)(Wall - WallType.Makeshift) <= WallType.PlasteredBrick - WallType.Makeshift
        & (uint)(DrinkingWater - WaterSource.Piped) <= WaterSource.Rainwater - WaterSource.Piped
        & (uint)(CookingFuel - CookingFuel.Electricity) <= CookingFuel.Firewood - CookingFuel.Electricity
        & (uint)ProteinMealsPerWeek <= MaxProteinMealsPerWeek
        & (uint)ClothingSetsPerYear <= MaxClothingSetsPerYear
        & (uint)MealsPerDay <= MaxMealsPerDay
        & (uint)(HeadWork - Employment.Unemployed) <= Employment.Pensioner - Employment.Unemployed
        & HeadFarmLandM2 >= 0
        & !HeadMonthlyIncome.IsNegative
        & (uint)(HeadSchooling - Schooling.None) <= Schooling.Tertiary - Schooling.None
        & !SaleableAssets.IsNegative;
}
