using KubeCore.Common;

namespace KubeCore.Households;

/// <summary>
/// What a verifier observes of one household for the fakir-miskin criteria of Kepmensos 262/HUK/2022
/// (POV-02): the shelter gate and the eight further criteria (a)–(h).
/// </summary>
/// <remarks>
/// <para>An input value: every property is required. Check user input with
/// <see cref="Kepmensos262HouseholdSurveyValidator"/>; <see cref="Kepmensos262Assessor"/> refuses a
/// malformed survey with an <see cref="ArgumentException"/>. A well-formed survey has no negative
/// amount or VA, total spending at least the food spending, and (when the household has a shelter)
/// defined floor and wall values. When <see cref="HasShelter"/> is false the dwelling observations
/// (<see cref="Floor"/>, <see cref="Wall"/>, <see cref="HasOwnLatrine"/>, <see cref="ElectricityVa"/>)
/// are not read.</para>
/// <para>The default value is a well-formed survey of a household with no shelter.</para>
/// </remarks>
public readonly record struct Kepmensos262HouseholdSurvey
{
    /// <summary>The gate: false when the household has no place to shelter or live (fakir miskin outright).</summary>
    public required bool HasShelter { get; init; }

    /// <summary>(a) True when the head of household or the family's manager works.</summary>
    public required bool HeadOrManagerWorks { get; init; }

    /// <summary>(b) True when in the past year the household worried it would not eat, or went without eating.</summary>
    public required bool FoodInsecureInPastYear { get; init; }

    /// <summary>(c) Food spending per month, not negative.</summary>
    public required Rupiah MonthlyFoodSpending { get; init; }

    /// <summary>(c) Total spending per month (food included), at least <see cref="MonthlyFoodSpending"/>.</summary>
    public required Rupiah MonthlyTotalSpending { get; init; }

    /// <summary>(d) True when the household spent anything on clothing in the past year.</summary>
    public required bool BoughtClothingInPastYear { get; init; }

    /// <summary>(e) The dwelling's main floor material.</summary>
    public required FloorType Floor { get; init; }

    /// <summary>(f) The dwelling's main wall material.</summary>
    public required WallType Wall { get; init; }

    /// <summary>(g) True when the household has a latrine of its own (false: none, or a communal latrine).</summary>
    public required bool HasOwnLatrine { get; init; }

    /// <summary>(h) The household's electricity connection in VA; 0 when it has no electricity.</summary>
    public required int ElectricityVa { get; init; }

    /// <summary>True when every observation is within its range (the rules of <see cref="Kepmensos262HouseholdSurveyValidator"/>).</summary>
    public bool IsWellFormed =>
        !MonthlyFoodSpending.IsNegative
        && MonthlyTotalSpending >= MonthlyFoodSpending
        && (!HasShelter
            || ((uint)(Floor - FloorType.Earth) <= FloorType.Tiles - FloorType.Earth
                && (uint)(Wall - WallType.Makeshift) <= WallType.PlasteredBrick - WallType.Makeshift
                && ElectricityVa >= 0));
}
