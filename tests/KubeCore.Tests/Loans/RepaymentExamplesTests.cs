using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using NodaTime;
using static KubeCore.Tests.Builders.LoanGenerators;

namespace KubeCore.Tests.Loans;

public class RepaymentExamplesTests
{
    [Fact]
    public void The_Asahan_loan_of_Rp_5_000_000_over_24_months_at_1_5_percent_costs_Rp_283_333_a_month_and_Rp_6_800_000_in_all()
    {
        // dokumen.tips proposal-pinjaman (UPK BKM Baru Mandiri, Asahan 2013): Rp 5.000.000, 24 months,
        // installment about Rp 284.000. The calculator prices 24 months although the KSM profile's term
        // maximum is 12: the LOAN-03 term check is separate.
        var schedule = RepaymentSchedule.Compute(Rupiah.Of(5_000_000), 24, InstallmentFrequency.Monthly, Rate.FromPercent(1.5m), new LocalDate(2013, 3, 1));

        schedule.Count.ShouldBe(24);
        schedule.TotalServiceCharge.ShouldBe(Rupiah.Of(1_800_000));
        schedule.Installments.Take(23).ShouldAllBe(i => i.Principal == Rupiah.Of(208_333) && i.ServiceCharge == Rupiah.Of(75_000));
        schedule.RegularInstallment.ShouldBe(Rupiah.Of(283_333));
        schedule.Installments[^1].Principal.ShouldBe(Rupiah.Of(208_341));
        schedule.LastInstallment.ShouldBe(Rupiah.Of(283_341));
        schedule.Total.ShouldBe(Rupiah.Of(6_800_000));
        schedule.MaturityDate.ShouldBe(new LocalDate(2015, 3, 1));
        LoanRules.CheckTerm(24, ProgramProfiles.KsmP2kp.Loans)!.ErrorCode.ShouldBe(LoanErrors.TermOutOfRange);
    }

    [Fact]
    public void A_first_KSM_loan_of_Rp_500_000_over_3_months_weekly_is_12_installments_of_Rp_43_541_and_a_last_of_Rp_43_549()
    {
        var schedule = RepaymentSchedule.Compute(Rupiah.Of(500_000), 3, InstallmentFrequency.Weekly, Rate.FromPercent(1.5m), new LocalDate(2017, 2, 6));

        schedule.Count.ShouldBe(12);
        schedule.TotalServiceCharge.ShouldBe(Rupiah.Of(22_500)); // 1,5 % × 3 months, whatever the frequency
        schedule.Installments[0].ShouldBe(new Installment(1, new LocalDate(2017, 2, 13), Rupiah.Of(41_666), Rupiah.Of(1_875)));
        schedule.RegularInstallment.ShouldBe(Rupiah.Of(43_541));
        schedule.Installments[^1].ShouldBe(new Installment(12, new LocalDate(2017, 5, 1), Rupiah.Of(41_674), Rupiah.Of(1_875)));
        schedule.Total.ShouldBe(Rupiah.Of(522_500));
    }

    [Fact]
    public void Monthly_due_dates_of_a_loan_disbursed_on_31_January_are_clamped_per_month_never_chained()
    {
        var schedule = RepaymentSchedule.Compute(Rupiah.Of(1_200_000), 4, InstallmentFrequency.Monthly, Rate.FromPercent(1.5m), new LocalDate(2024, 1, 31));

        schedule.Installments.Select(i => i.DueDate).ShouldBe(
        [
            new LocalDate(2024, 2, 29), new LocalDate(2024, 3, 31), new LocalDate(2024, 4, 30), new LocalDate(2024, 5, 31),
        ]);
        var account = LoanAccount.Open(schedule);
        account.StatusAsOf(new LocalDate(2024, 2, 29)).InstallmentsOverdue.ShouldBe(0);
        account.StatusAsOf(new LocalDate(2024, 3, 1)).InstallmentsOverdue.ShouldBe(1);
        account.StatusAsOf(new LocalDate(2024, 3, 31)).InstallmentsDue.ShouldBe(1);
        account.StatusAsOf(new LocalDate(2024, 4, 1)).InstallmentsDue.ShouldBe(2);
    }

    [Fact]
    public void A_late_partial_payment_goes_to_jasa_first_then_overdue_principal_oldest_first()
    {
        // Rp 1.200.000 over 4 months: 4 × (300.000 + 18.000).
        var account = ALoan().Of(1_200_000).Over(4, InstallmentFrequency.Monthly).At(1.5m).DisbursedOn(new LocalDate(2024, 1, 10)).Build();

        // On 15 March two installments are overdue (10 Feb, 10 Mar): Rp 400.000 pays 2 × 18.000 jasa, then 364.000 principal.
        var allocation = account.Allocate(new LocalDate(2024, 3, 15), Rupiah.Of(400_000));
        allocation.DueServiceCharge.ShouldBe(Rupiah.Of(36_000));
        allocation.OverduePrincipal.ShouldBe(Rupiah.Of(364_000));
        allocation.CurrentPrincipal.ShouldBe(Rupiah.Zero);

        account = account.Record(new LocalDate(2024, 3, 15), Rupiah.Of(400_000));
        var status = account.StatusAsOf(new LocalDate(2024, 3, 15));
        status.InstallmentsOverdue.ShouldBe(1);
        status.ArrearsPrincipal.ShouldBe(Rupiah.Of(236_000));
        status.ArrearsServiceCharge.ShouldBe(Rupiah.Zero);
        status.DaysPastDue.ShouldBe(5); // the 10 March installment is still short
        status.OldestUnpaidDueDate.ShouldBe(new LocalDate(2024, 3, 10));

        // On the due date 10 April, Rp 572.000 pays 18.000 jasa of April, then 236.000 overdue and 300.000 current principal, then 18.000 ahead.
        var next = account.Allocate(new LocalDate(2024, 4, 10), Rupiah.Of(572_000));
        next.ShouldBe(new PaymentAllocation(new LocalDate(2024, 4, 10), Rupiah.Of(572_000), Rupiah.Of(18_000), Rupiah.Of(236_000), Rupiah.Of(300_000), Rupiah.Of(18_000), Rupiah.Zero));
    }

    [Fact]
    public void A_payment_before_the_due_date_settles_the_coming_installment_and_a_refused_payment_changes_nothing()
    {
        var account = ALoan().Of(500_000).Over(3, InstallmentFrequency.Weekly).DisbursedOn(new LocalDate(2017, 2, 6)).Build();
        account = account.Record(new LocalDate(2017, 2, 11), Rupiah.Of(43_541));
        account.StatusAsOf(new LocalDate(2017, 2, 14)).InstallmentsOverdue.ShouldBe(0);
        account.Payments[0].Allocation.PrepaidServiceCharge.ShouldBe(Rupiah.Of(1_875));
        account.Payments[0].Allocation.PrepaidPrincipal.ShouldBe(Rupiah.Of(41_666));

        var refused = Should.Throw<RuleViolationException>(() => account.Record(new LocalDate(2017, 2, 10), Rupiah.Of(1_000)));
        refused.Violation.ErrorCode.ShouldBe(LoanErrors.PaymentBackdated);
        refused.Violation.RuleId.ShouldBe(RuleIds.Port02);
        Should.Throw<RuleViolationException>(() => account.Record(new LocalDate(2017, 2, 1), Rupiah.Of(1_000)))
            .Violation.ErrorCode.ShouldBe(LoanErrors.PaymentBeforeDisbursement);
        account.Payments.Count.ShouldBe(1);
    }
}
