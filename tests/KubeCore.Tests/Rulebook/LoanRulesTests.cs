using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;
using static KubeCore.Tests.Builders.LoanGenerators;

namespace KubeCore.Tests.Rulebooks;

public class LoanRulesTests
{
    // ---------------------------------------------------------------- LOAN-03 term, frequency, due dates

    [Fact]
    [Trait("Rule", "LOAN-03")]
    public void A_term_is_accepted_exactly_when_it_lies_within_the_profile_minimum_and_maximum_inclusive() =>
        Rulebook.Verify(Prop.ForAll(
            Gen.Choose(-5, 40).ToArbitrary(),
            Gen.Choose(1, 12).ToArbitrary(),
            Gen.Choose(0, 24).ToArbitrary(),
            (term, min, span) =>
            {
                var parameters = Profile.Loans with { MinTermMonths = min, MaxTermMonths = min + span };
                var violation = LoanRules.CheckTerm(term, parameters);
                var within = term >= min && term <= min + span;
                return within ? violation is null : violation is { ErrorCode: LoanErrors.TermOutOfRange } && violation.RuleId == RuleIds.Loan03;
            }));

    [Fact]
    [Trait("Rule", "LOAN-03")]
    public void A_frequency_is_accepted_only_when_the_profile_allows_it() =>
        Rulebook.Verify(Prop.ForAll(
            Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly, InstallmentFrequency.Weekly | InstallmentFrequency.Monthly).ToArbitrary(),
            Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly, InstallmentFrequency.Weekly | InstallmentFrequency.Monthly).ToArbitrary(),
            (allowed, asked) =>
            {
                var violation = LoanRules.CheckFrequency(asked, Profile.Loans with { AllowedFrequencies = allowed });
                var ok = asked != (InstallmentFrequency.Weekly | InstallmentFrequency.Monthly) && allowed.HasFlag(asked);
                return ok ? violation is null : violation?.ErrorCode == LoanErrors.FrequencyNotAllowed;
            }));

    [Fact]
    [Trait("Rule", "LOAN-03")]
    public void Every_due_date_is_computed_from_the_disbursement_date_and_the_first_falls_one_period_after_it() =>
        Rulebook.Verify(Prop.ForAll(Schedule.ToArbitrary(), schedule =>
        {
            var start = schedule.DisbursedOn;
            var weekly = schedule.Terms.Frequency == InstallmentFrequency.Weekly;
            var expectedCount = weekly ? schedule.Terms.TermMonths * RepaymentSchedule.WeeksPerMonth : schedule.Terms.TermMonths;
            var firstIsOnePeriodLater = schedule.Installments[0].DueDate == (weekly ? start.PlusWeeks(1) : start.PlusMonths(1));
            var anchored = schedule.Installments.All(i => i.DueDate == (weekly ? start.PlusWeeks(i.Number) : start.PlusMonths(i.Number)));
            var increasing = schedule.Installments.Zip(schedule.Installments.Skip(1)).All(p => p.First.DueDate < p.Second.DueDate);
            return schedule.Count == expectedCount && firstIsOnePeriodLater && anchored && increasing
                && schedule.Installments.Select(i => i.Number).SequenceEqual(Enumerable.Range(1, schedule.Count));
        }));

    // ---------------------------------------------------------------- LOAN-04 flat service charge

    [Fact]
    [Trait("Rule", "LOAN-04")]
    public void The_installments_of_a_schedule_always_add_up_to_principal_plus_total_jasa() =>
        Rulebook.Verify(Prop.ForAll(Schedule.ToArbitrary(), schedule =>
            Rupiah.Sum(schedule.Installments.Select(i => i.Principal)) == schedule.Terms.Principal
            && Rupiah.Sum(schedule.Installments.Select(i => i.ServiceCharge)) == schedule.TotalServiceCharge
            && Rupiah.Sum(schedule.Installments.Select(i => i.Amount)) == schedule.Terms.Principal + schedule.TotalServiceCharge
            && schedule.Total == schedule.Terms.Principal + schedule.TotalServiceCharge));

    [Fact]
    [Trait("Rule", "LOAN-04")]
    public void Only_the_last_installment_carries_a_rounding_remainder() =>
        Rulebook.Verify(Prop.ForAll(Schedule.ToArbitrary(), schedule =>
        {
            var n = schedule.Count;
            var first = schedule.Installments[0];
            var last = schedule.Installments[^1];
            var allButLastEqual = schedule.Installments.Take(n - 1).All(i => i.Principal == first.Principal && i.ServiceCharge == first.ServiceCharge);
            var regularIsTruncatedQuotient = first.Principal.Amount == schedule.Terms.Principal.Amount / n
                && first.ServiceCharge.Amount == schedule.TotalServiceCharge.Amount / n;
            var remainders = (last.Principal - first.Principal).Amount == schedule.Terms.Principal.Amount % n
                && (last.ServiceCharge - first.ServiceCharge).Amount == schedule.TotalServiceCharge.Amount % n;
            return allButLastEqual && regularIsTruncatedQuotient && (n == 1 || remainders);
        }));

    [Fact]
    [Trait("Rule", "LOAN-04")]
    public void The_total_jasa_is_the_monthly_rate_of_the_original_principal_times_the_months_whatever_the_frequency() =>
        Rulebook.Verify(Prop.ForAll(Terms.ToArbitrary(), DisbursementDate.ToArbitrary(), (terms, start) =>
        {
            var schedule = RepaymentSchedule.Compute(terms, start);
            var other = LoanTerms.Of(terms.Principal, terms.TermMonths,
                terms.Frequency == InstallmentFrequency.Weekly ? InstallmentFrequency.Monthly : InstallmentFrequency.Weekly, terms.MonthlyServiceCharge);
            var exact = (decimal)terms.Principal.Amount * terms.MonthlyServiceCharge.BasisPoints * terms.TermMonths / 10_000m;
            return schedule.TotalServiceCharge.Amount == decimal.Truncate(exact)
                && RepaymentSchedule.Compute(other, start).TotalServiceCharge == schedule.TotalServiceCharge;
        }));

    // ---------------------------------------------------------------- LOAN-05 allocation

    private static Gen<(LoanAccount Account, LocalDate Date, Rupiah Amount)> NextPayment =>
        from account in Account.Where(a => !a.IsRepaid)
        let earliest = account.LastPaymentDate ?? account.Schedule.DisbursedOn
        from offset in Gen.Choose(0, Period.DaysBetween(earliest, account.Schedule.MaturityDate) + 100)
        from amount in Gen.Choose(1, (int)Math.Min(int.MaxValue, account.Outstanding.Amount))
        select (account, earliest.PlusDays(offset), Rupiah.Of(amount));

    [Fact]
    [Trait("Rule", "LOAN-05")]
    public void A_payment_never_reaches_principal_while_jasa_is_due() =>
        Rulebook.Verify(Prop.ForAll(NextPayment.ToArbitrary(), t =>
        {
            var (account, date, amount) = t;
            var after = account.Record(date, amount);
            var allocation = after.Payments[^1].Allocation;
            var dueCount = account.Schedule.CountDueOnOrBefore(date);
            var jasaDue = Rupiah.Sum(account.Schedule.Installments.Take(dueCount).Select(i => i.ServiceCharge));
            return allocation.Principal == Rupiah.Zero || after.ServiceChargePaid >= jasaDue;
        }));

    [Fact]
    [Trait("Rule", "LOAN-05")]
    public void Overdue_principal_is_paid_before_current_principal_and_both_before_any_prepayment() =>
        Rulebook.Verify(Prop.ForAll(NextPayment.ToArbitrary(), t =>
        {
            var (account, date, amount) = t;
            var after = account.Record(date, amount);
            var a = after.Payments[^1].Allocation;
            var overdue = account.Schedule.Installments.Where(i => i.DueDate < date).ToList();
            var due = account.Schedule.Installments.Where(i => i.DueDate <= date).ToList();
            var overduePrincipalSettled = after.PrincipalRepaid >= Rupiah.Sum(overdue.Select(i => i.Principal));
            var dueSettled = after.PrincipalRepaid >= Rupiah.Sum(due.Select(i => i.Principal))
                && after.ServiceChargePaid >= Rupiah.Sum(due.Select(i => i.ServiceCharge));
            return (a.CurrentPrincipal == Rupiah.Zero || overduePrincipalSettled)
                && (a.PrepaidPrincipal + a.PrepaidServiceCharge == Rupiah.Zero || dueSettled)
                && a.ServiceCharge + a.Principal == amount
                && after.ServiceChargePaid + after.PrincipalRepaid == account.ServiceChargePaid + account.PrincipalRepaid + amount;
        }));

    [Fact]
    [Trait("Rule", "LOAN-05")]
    public void A_payment_above_what_the_loan_owes_is_refused_and_changes_nothing() =>
        Rulebook.Verify(Prop.ForAll(Account.ToArbitrary(), Gen.Choose(1, 1_000_000).ToArbitrary(), (account, extra) =>
        {
            var date = account.LastPaymentDate ?? account.Schedule.DisbursedOn;
            var before = account.Payments.Count;
            var ex = Record.Exception(() => account.Record(date, account.Outstanding + Rupiah.Of(extra)));
            return ex is RuleViolationException rve
                && rve.Violation.RuleId == RuleIds.Loan05
                && rve.Violation.ErrorCode is LoanErrors.Overpayment or LoanErrors.LoanAlreadyRepaid
                && account.Payments.Count == before;
        }));
}
