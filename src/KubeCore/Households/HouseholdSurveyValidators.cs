using FluentValidation;

namespace KubeCore.Households;

/// <summary>
/// Validates a <see cref="BpsHouseholdSurvey"/> (POV-01 input). A survey that passes is
/// <see cref="BpsHouseholdSurvey.IsWellFormed"/> and can be assessed by <see cref="BpsPovertyAssessor"/>.
/// Every rule carries a <see cref="HouseholdErrors"/> code, which is also its message key.
/// </summary>
public sealed class BpsHouseholdSurveyValidator : AbstractValidator<BpsHouseholdSurvey>
{
    /// <summary>Creates the validator.</summary>
    public BpsHouseholdSurveyValidator()
    {
        RuleFor(x => x.FloorAreaM2).GreaterThanOrEqualTo(1).WithErrorCode(HouseholdErrors.BpsFloorAreaNotPositive);
        RuleFor(x => x.HouseholdSize).InclusiveBetween(1, BpsHouseholdSurvey.MaxHouseholdSize).WithErrorCode(HouseholdErrors.BpsHouseholdSizeOutOfRange);
        RuleFor(x => x.Floor).IsInEnum().WithErrorCode(HouseholdErrors.BpsFloorTypeUnknown);
        RuleFor(x => x.Wall).IsInEnum().WithErrorCode(HouseholdErrors.BpsWallTypeUnknown);
        RuleFor(x => x.DrinkingWater).IsInEnum().WithErrorCode(HouseholdErrors.BpsWaterSourceUnknown);
        RuleFor(x => x.CookingFuel).IsInEnum().WithErrorCode(HouseholdErrors.BpsCookingFuelUnknown);
        RuleFor(x => x.ProteinMealsPerWeek).InclusiveBetween(0, BpsHouseholdSurvey.MaxProteinMealsPerWeek).WithErrorCode(HouseholdErrors.BpsProteinMealsOutOfRange);
        RuleFor(x => x.ClothingSetsPerYear).InclusiveBetween(0, BpsHouseholdSurvey.MaxClothingSetsPerYear).WithErrorCode(HouseholdErrors.BpsClothingSetsOutOfRange);
        RuleFor(x => x.MealsPerDay).InclusiveBetween(0, BpsHouseholdSurvey.MaxMealsPerDay).WithErrorCode(HouseholdErrors.BpsMealsPerDayOutOfRange);
        RuleFor(x => x.HeadWork).IsInEnum().WithErrorCode(HouseholdErrors.BpsHeadWorkUnknown);
        RuleFor(x => x.HeadFarmLandM2).GreaterThanOrEqualTo(0).WithErrorCode(HouseholdErrors.BpsFarmLandNegative);
        RuleFor(x => x.HeadMonthlyIncome).Must(r => !r.IsNegative).WithErrorCode(HouseholdErrors.BpsHeadIncomeNegative);
        RuleFor(x => x.HeadSchooling).IsInEnum().WithErrorCode(HouseholdErrors.BpsHeadSchoolingUnknown);
        RuleFor(x => x.SaleableAssets).Must(r => !r.IsNegative).WithErrorCode(HouseholdErrors.BpsSaleableAssetsNegative);
    }
}

/// <summary>
/// Validates a <see cref="Kepmensos262HouseholdSurvey"/> (POV-02 input). A survey that passes is
/// <see cref="Kepmensos262HouseholdSurvey.IsWellFormed"/>. Dwelling observations are checked only when the
/// household has a shelter. Every rule carries a <see cref="HouseholdErrors"/> code.
/// </summary>
public sealed class Kepmensos262HouseholdSurveyValidator : AbstractValidator<Kepmensos262HouseholdSurvey>
{
    /// <summary>Creates the validator.</summary>
    public Kepmensos262HouseholdSurveyValidator()
    {
        RuleFor(x => x.MonthlyFoodSpending).Must(r => !r.IsNegative).WithErrorCode(HouseholdErrors.Kepmensos262FoodSpendingNegative);
        RuleFor(x => x.MonthlyTotalSpending)
            .Must((survey, total, context) =>
            {
                context.MessageFormatter.AppendArgument("Total", total).AppendArgument("Food", survey.MonthlyFoodSpending);
                return total >= survey.MonthlyFoodSpending;
            })
            .WithErrorCode(HouseholdErrors.Kepmensos262TotalBelowFood);
        When(x => x.HasShelter, () =>
        {
            RuleFor(x => x.Floor).IsInEnum().WithErrorCode(HouseholdErrors.Kepmensos262FloorTypeUnknown);
            RuleFor(x => x.Wall).IsInEnum().WithErrorCode(HouseholdErrors.Kepmensos262WallTypeUnknown);
            RuleFor(x => x.ElectricityVa).GreaterThanOrEqualTo(0).WithErrorCode(HouseholdErrors.Kepmensos262ElectricityVaNegative);
        });
    }
}
