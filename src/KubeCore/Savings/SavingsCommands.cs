using FluentValidation;
using KubeCore.Common;
using KubeCore.Rules.Parameters;
using NodaTime;

namespace KubeCore.Savings;

/// <summary>Input: a member saves (<see cref="SavingsLedger.Deposit"/>).</summary>
/// <param name="Member">The saver.</param>
/// <param name="Date">The book date.</param>
/// <param name="Amount">Positive whole rupiah.</param>
/// <param name="Reference">Receipt reference, optional, at most <see cref="LedgerEntry.MaxReferenceLength"/> characters.</param>
public sealed record DepositSavingsCommand(PersonId Member, LocalDate Date, Rupiah Amount, string? Reference = null);

/// <summary>Input: a member withdraws savings (<see cref="SavingsLedger.Withdraw"/>).</summary>
/// <param name="Member">The member.</param>
/// <param name="Date">The book date.</param>
/// <param name="Amount">Positive whole rupiah.</param>
/// <param name="Reference">Receipt reference, optional, at most <see cref="LedgerEntry.MaxReferenceLength"/> characters.</param>
public sealed record WithdrawSavingsCommand(PersonId Member, LocalDate Date, Rupiah Amount, string? Reference = null);

/// <summary>Input: reverse an entry (<see cref="SavingsLedger.Reverse"/>).</summary>
/// <param name="Entry">The entry to reverse.</param>
/// <param name="Date">The book date of the reversal (in the open week).</param>
/// <param name="Reason">Why; required, at most <see cref="LedgerEntry.MaxMemoLength"/> characters.</param>
/// <param name="Reference">Optional reference, at most <see cref="LedgerEntry.MaxReferenceLength"/> characters.</param>
public sealed record ReverseEntryCommand(EntryId Entry, LocalDate Date, string Reason, string? Reference = null);

/// <summary>Input: close a bookkeeping week (<see cref="SavingsLedger.CloseWeek"/>).</summary>
/// <param name="WeekStart">The first day of the week; must fall on the profile's <c>Savings.WeekStartsOn</c>.</param>
/// <param name="ClosedOn">The close date, on or after the week's last day.</param>
public sealed record CloseBookWeekCommand(LocalDate WeekStart, LocalDate ClosedOn);

/// <summary>Input: a business profit from which the IKS share is set aside (<see cref="SavingsLedger.RecordBusinessProfit"/>).</summary>
/// <param name="Date">The book date.</param>
/// <param name="Profit">Positive whole rupiah.</param>
/// <param name="Reference">Optional reference, at most <see cref="LedgerEntry.MaxReferenceLength"/> characters.</param>
public sealed record RecordBusinessProfitCommand(LocalDate Date, Rupiah Profit, string? Reference = null);

/// <summary>Validates <see cref="DepositSavingsCommand"/>: member given (SAV-04), amount positive (SAV-07), reference length (SAV-01).</summary>
public sealed class DepositSavingsCommandValidator : AbstractValidator<DepositSavingsCommand>
{
    /// <summary>Creates the validator.</summary>
    public DepositSavingsCommandValidator()
    {
        RuleFor(c => c.Member).Must(m => m.Value != Guid.Empty).WithErrorCode(SavingsErrors.MemberRequired);
        RuleFor(c => c.Amount).Must(a => a.IsPositive).WithErrorCode(SavingsErrors.AmountNotPositive);
        RuleFor(c => c.Reference).MaximumLength(LedgerEntry.MaxReferenceLength).WithErrorCode(SavingsErrors.TextTooLong);
    }
}

/// <summary>Validates <see cref="WithdrawSavingsCommand"/>: member given, amount positive (SAV-07), reference length.</summary>
public sealed class WithdrawSavingsCommandValidator : AbstractValidator<WithdrawSavingsCommand>
{
    /// <summary>Creates the validator.</summary>
    public WithdrawSavingsCommandValidator()
    {
        RuleFor(c => c.Member).Must(m => m.Value != Guid.Empty).WithErrorCode(SavingsErrors.MemberRequired);
        RuleFor(c => c.Amount).Must(a => a.IsPositive).WithErrorCode(SavingsErrors.AmountNotPositive);
        RuleFor(c => c.Reference).MaximumLength(LedgerEntry.MaxReferenceLength).WithErrorCode(SavingsErrors.TextTooLong);
    }
}

/// <summary>Validates <see cref="ReverseEntryCommand"/>: entry given, reason not blank (as <see cref="SavingsLedger.Reverse"/> judges it) and not too long (SAV-01).</summary>
public sealed class ReverseEntryCommandValidator : AbstractValidator<ReverseEntryCommand>
{
    /// <summary>Creates the validator.</summary>
    public ReverseEntryCommandValidator()
    {
        RuleFor(c => c.Entry).Must(e => e.Value != Guid.Empty).WithErrorCode(SavingsErrors.EntryRequired);
        RuleFor(c => c.Reason).Must(r => !ReadableName.IsBlank(r)).WithErrorCode(SavingsErrors.ReversalReasonRequired);
        RuleFor(c => c.Reason).MaximumLength(LedgerEntry.MaxMemoLength).WithErrorCode(SavingsErrors.TextTooLong);
        RuleFor(c => c.Reference).MaximumLength(LedgerEntry.MaxReferenceLength).WithErrorCode(SavingsErrors.TextTooLong);
    }
}

/// <summary>Validates <see cref="CloseBookWeekCommand"/> against the profile's week (SAV-05).</summary>
public sealed class CloseBookWeekCommandValidator : AbstractValidator<CloseBookWeekCommand>
{
    /// <summary>Creates the validator for the profile's savings parameters.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public CloseBookWeekCommandValidator(SavingsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var weekStartsOn = parameters.WeekStartsOn;
        RuleFor(c => c.WeekStart).Must(d => d.DayOfWeek == weekStartsOn).WithErrorCode(SavingsErrors.WeekStartMisaligned);
        RuleFor(c => c.ClosedOn).Must((c, closedOn) => closedOn >= LastDayOfWeekFrom(c.WeekStart)).WithErrorCode(SavingsErrors.ClosedBeforeWeekEnd);
    }

    // Six days after the start, or the calendar's last day near 9999-12-31 (never throws; SAV-09).
    private static LocalDate LastDayOfWeekFrom(LocalDate start) =>
        start <= LocalDate.MaxIsoValue.PlusDays(-6) ? start.PlusDays(6) : LocalDate.MaxIsoValue;
}

/// <summary>Validates <see cref="RecordBusinessProfitCommand"/>: profit positive (SAV-07), reference length.</summary>
public sealed class RecordBusinessProfitCommandValidator : AbstractValidator<RecordBusinessProfitCommand>
{
    /// <summary>Creates the validator.</summary>
    public RecordBusinessProfitCommandValidator()
    {
        RuleFor(c => c.Profit).Must(a => a.IsPositive).WithErrorCode(SavingsErrors.AmountNotPositive);
        RuleFor(c => c.Reference).MaximumLength(LedgerEntry.MaxReferenceLength).WithErrorCode(SavingsErrors.TextTooLong);
    }
}
