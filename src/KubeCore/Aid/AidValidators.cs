using FluentValidation;
using KubeCore.Common;

namespace KubeCore.Aid;

/// <summary>Validates a spend before it is recorded in an LPJ (AID-03).</summary>
public sealed class AidSpendValidator : AbstractValidator<AidSpend>
{
    /// <summary>Creates the validator.</summary>
    public AidSpendValidator()
    {
        RuleFor(s => s.Amount).Must((spend, amount, context) =>
            {
                context.MessageFormatter.AppendArgument("Amount", amount);
                return amount.IsPositive;
            })
            .WithErrorCode(AidErrors.SpendNotPositive);
        RuleFor(s => s.ReceiptReference).Must((spend, receipt, context) =>
            {
                context.MessageFormatter.AppendArgument("Amount", spend.Amount);
                return AccountabilityReport.CheckReceipt(receipt, spend.Amount) is null;
            })
            .WithErrorCode(AidErrors.ReceiptMissing);
        RuleFor(s => s.Description).Must(description => !ReadableName.IsBlank(description)).WithErrorCode(AidErrors.DescriptionMissing);
        RuleFor(s => s.Category).IsInEnum().WithErrorCode(AidErrors.CategoryUnknown);
    }
}
