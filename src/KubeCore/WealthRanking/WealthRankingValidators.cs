using FluentValidation;
using KubeCore.Common;

namespace KubeCore.WealthRanking;

/// <summary>
/// Validates the input that opens a wealth-ranking exercise (<see cref="OpenWealthRankingExercise"/>):
/// an id, a village-level desa, and at least two distinct households. <see cref="WealthRankingExercise.Open"/>
/// refuses the same inputs with the same codes. Every rule carries a <see cref="WealthRankingErrors"/> code.
/// </summary>
public sealed class OpenWealthRankingExerciseValidator : AbstractValidator<OpenWealthRankingExercise>
{
    /// <summary>Creates the validator.</summary>
    public OpenWealthRankingExerciseValidator()
    {
        RuleFor(x => x.Id).Must(id => id.Value != Guid.Empty).WithErrorCode(WealthRankingErrors.ExerciseIdRequired);
        RuleFor(x => x.Desa)
            .Must((_, desa, context) =>
            {
                context.MessageFormatter.AppendArgument("Region", desa);
                return desa.Level == RegionLevel.Village;
            })
            .WithErrorCode(WealthRankingErrors.NotADesa);
        RuleFor(x => x.Households)
            .Must((_, households, context) =>
            {
                context.MessageFormatter.AppendArgument("Households", households?.Count ?? 0);
                return households is { Count: >= 2 };
            })
            .WithErrorCode(WealthRankingErrors.TooFewHouseholds);
        When(x => x.Households is not null, () =>
        {
            RuleForEach(x => x.Households).Must(id => id.Value != Guid.Empty).WithErrorCode(WealthRankingErrors.HouseholdIdRequired);
            RuleForEach(x => x.Households)
                .Must((command, id, context) =>
                {
                    context.MessageFormatter.AppendArgument("HouseholdId", id);
                    return id.Value == Guid.Empty || command.Households.Count(h => h == id) == 1;
                })
                .WithErrorCode(WealthRankingErrors.DuplicateHousehold);
        });
    }
}

/// <summary>
/// Validates the shape of one informant's sorting (<see cref="InformantSorting"/>): a named informant, at
/// least two piles, every placement in a pile 1..pile count, no household placed twice and no empty pile.
/// Whether the sorting covers exactly the exercise's households, and whether the informant already
/// sorted, is checked by <see cref="WealthRankingExercise.SubmitSorting"/> with the same codes.
/// Every rule carries a <see cref="WealthRankingErrors"/> code.
/// </summary>
public sealed class InformantSortingValidator : AbstractValidator<InformantSorting>
{
    /// <summary>Creates the validator.</summary>
    public InformantSortingValidator()
    {
        RuleFor(x => x.Informant).Must(name => !ReadableName.IsBlank(name)).WithErrorCode(WealthRankingErrors.InformantRequired);
        RuleFor(x => x.PileCount)
            .Must((_, piles, context) =>
            {
                context.MessageFormatter.AppendArgument("PileCount", piles);
                return piles >= 2;
            })
            .WithErrorCode(WealthRankingErrors.TooFewPiles);
        RuleFor(x => x.Placements)
            .Must((_, placements, context) =>
            {
                context.MessageFormatter.AppendArgument("Households", placements?.Count ?? 0);
                return placements is { Count: >= 2 };
            })
            .WithErrorCode(WealthRankingErrors.TooFewHouseholds);
        When(x => x.Placements is not null, () =>
        {
            RuleForEach(x => x.Placements).Must(p => p.Household.Value != Guid.Empty).WithErrorCode(WealthRankingErrors.HouseholdIdRequired);
            RuleForEach(x => x.Placements)
                .Must((sorting, placement, context) =>
                {
                    context.MessageFormatter.AppendArgument("HouseholdId", placement.Household)
                        .AppendArgument("Pile", placement.Pile)
                        .AppendArgument("PileCount", sorting.PileCount);
                    return placement.Pile >= 1 && placement.Pile <= sorting.PileCount;
                })
                .WithErrorCode(WealthRankingErrors.PileOutOfRange);
            RuleForEach(x => x.Placements)
                .Must((sorting, placement, context) =>
                {
                    context.MessageFormatter.AppendArgument("HouseholdId", placement.Household);
                    return sorting.Placements.Count(p => p.Household == placement.Household) == 1;
                })
                .WithErrorCode(WealthRankingErrors.HouseholdSortedTwice);
            RuleFor(x => x.Placements)
                .Must((sorting, placements, context) =>
                {
                    var empty = WealthRankingExercise.FirstEmptyPile(sorting.PileCount, placements);
                    context.MessageFormatter.AppendArgument("Pile", empty ?? 0).AppendArgument("PileCount", sorting.PileCount);
                    return empty is null;
                })
                .When(x => x.PileCount >= 2)
                .WithErrorCode(WealthRankingErrors.EmptyPile);
        });
    }
}
