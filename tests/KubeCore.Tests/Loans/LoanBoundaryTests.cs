using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Loans;

/// <summary>
/// Both sides of the loan limits the other loan tests leave open. The standard loan here is KsmP2kp's 1,5 % a month,
/// 500.000 over 3 months weekly disbursed on Monday 6 February 2017: 12 installments of 41.666 principal + 1.875 jasa
/// = 43.541 due on the Mondays from 13 February, the last 41.674 + 1.875 = 43.549; 522.500 in all.
/// </summary>
public class LoanBoundaryTests
{
    private static readonly LocalDate Feb6 = new(2017, 2, 6);
    private static readonly LocalDate Feb13 = new(2017, 2, 13);
    private static readonly LocalDate Feb20 = new(2017, 2, 20);
    private static readonly Rate JasaPerMonth = ProgramProfiles.KsmP2kp.Loans.MonthlyServiceCharge;

    private static LoanTerms Terms(long principal) => LoanTerms.Of(Rupiah.Of(principal), 3, InstallmentFrequency.Weekly, JasaPerMonth);

    private static LoanAccount StandardLoan() => LoanAccount.Open(RepaymentSchedule.Compute(Terms(500_000), Feb6));

    [Fact]
    [Trait("Rule", "LOAN-04")]
    public void A_principal_of_zero_or_less_has_no_loan_terms_and_one_rupiah_has()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Terms(0));
        Should.Throw<ArgumentOutOfRangeException>(() => Terms(-1));
        Terms(1).Principal.ShouldBe(Rupiah.Of(1));
    }

    [Fact]
    [Trait("Rule", "LOAN-04")]
    public void The_jasa_remainder_is_owed_with_the_last_installment_so_after_maturity_the_whole_flat_jasa_is_in_arrears()
    {
        // 110.000 over 3 months weekly at 1,5 %: jasa 110.000 × 1,5 % × 3 = 4.950 flat; 4.950 / 12 = 412 a week
        // (11 × 412 = 4.532), the last one 418; principal 9.166 a week, the last 110.000 − 11 × 9.166 = 9.174.
        var account = LoanAccount.Open(RepaymentSchedule.Compute(Terms(110_000), Feb6));
        var schedule = account.Schedule;
        schedule.Installments[0].Amount.ShouldBe(Rupiah.Of(9_578));
        schedule.Installments[^1].Amount.ShouldBe(Rupiah.Of(9_592));
        schedule.Total.ShouldBe(Rupiah.Of(114_950));

        // Monday 1 May is the 12th due date: 11 installments overdue, 11 × 9.578 = 105.358.
        var lastDueDate = new LocalDate(2017, 5, 1);
        var onTheDay = account.StatusAsOf(lastDueDate);
        onTheDay.InstallmentsOverdue.ShouldBe(11);
        onTheDay.Arrears.ShouldBe(Rupiah.Of(105_358));

        // The day after, all 12 are overdue: the whole 110.000 + 4.950, the 6 rupiah of remainder included.
        var dayAfter = account.StatusAsOf(lastDueDate.PlusDays(1));
        dayAfter.InstallmentsOverdue.ShouldBe(12);
        dayAfter.ArrearsServiceCharge.ShouldBe(Rupiah.Of(4_950));
        dayAfter.Arrears.ShouldBe(Rupiah.Of(114_950));
    }

    [Fact]
    [Trait("Rule", "LOAN-05")]
    public void A_loan_book_allocates_raw_payments_jasa_first_and_refuses_a_payment_of_zero()
    {
        // Paid 43.541 on the first due date and 43.541 a week late on 27 February (both installments of 20 and 27
        // February due then): 1.875 + 2 × 1.875 = 5.625 jasa, 41.666 + 39.791 = 81.457 principal.
        var builder = new LoanBook.Builder();
        builder.Add(Terms(500_000), Feb6, [new Payment(Feb13, Rupiah.Of(43_541)), new Payment(new LocalDate(2017, 2, 27), Rupiah.Of(43_541))]).ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => builder.Add(Terms(500_000), Feb6, [new Payment(Feb13, Rupiah.Zero)]));
        builder.Count.ShouldBe(1);

        var status = builder.Build().StatusAsOf(0, new LocalDate(2017, 2, 27));
        status.OutstandingPrincipal.ShouldBe(Rupiah.Of(500_000 - 81_457));
        status.OutstandingServiceCharge.ShouldBe(Rupiah.Of(22_500 - 5_625));
    }

    [Fact]
    [Trait("Rule", "PORT-02")]
    public void A_loan_book_refuses_a_second_payment_dated_before_the_first_and_takes_one_on_the_same_day()
    {
        var builder = new LoanBook.Builder();
        Should.Throw<RuleViolationException>(() => builder.Add(Terms(500_000), Feb6, [new Payment(Feb20, Rupiah.Of(43_541)), new Payment(Feb13, Rupiah.Of(43_541))]))
            .Violation.ErrorCode.ShouldBe(LoanErrors.PaymentBackdated);
        builder.Count.ShouldBe(0);

        builder.Add(Terms(500_000), Feb6, [new Payment(Feb20, Rupiah.Of(43_541)), new Payment(Feb20, Rupiah.Of(43_541))]).ShouldBe(0);
        builder.Build().PaymentCount.ShouldBe(2);
    }

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void An_application_for_exactly_the_available_fund_has_no_warning_and_one_rupiah_more_is_warned()
    {
        // Capital 300.000 and 14 weeks × 10 members × 5.000 = 700.000 of savings in cash: the fund has 300.000 to lend.
        var (group, _, fund) = new LoanFundBuilder().WithCapital(300_000).Build();
        var on = new LoanFundBuilder().SavingsEnd;
        fund.AvailableToLend.ShouldBe(Rupiah.Of(300_000));

        LoanApplication For(long principal) => new(LoanId.New(), group.Ordinary[0], Rupiah.Of(principal), 3, InstallmentFrequency.Weekly, "modal usaha warung", on);
        fund.AssessApplication(For(300_000)).Warnings.ShouldBeEmpty();
        fund.AssessApplication(For(300_001)).Warnings.ShouldHaveSingleItem().ErrorCode.ShouldBe(LoanErrors.AboveAvailableFund);
    }

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void A_purpose_of_200_characters_is_recorded_and_one_of_201_is_refused()
    {
        var (group, _, fund) = new LoanFundBuilder().Build();
        var on = new LoanFundBuilder().SavingsEnd;
        LoanApplication For(int length) => new(LoanId.New(), group.Ordinary[0], Rupiah.Of(300_000), 3, InstallmentFrequency.Weekly, new string('m', length), on);

        Should.Throw<RuleViolationException>(() => fund.Apply(For(LoanApplication.MaxPurposeLength + 1))).Violation.ErrorCode.ShouldBe(LoanErrors.TextTooLong);
        fund.Loans.ShouldBeEmpty();
        fund.Apply(For(LoanApplication.MaxPurposeLength)).Purpose.Length.ShouldBe(200);
    }

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void A_loan_is_approved_once_and_a_second_approval_is_refused_as_the_wrong_state()
    {
        var (group, _, fund) = new LoanFundBuilder().Build();
        var on = new LoanFundBuilder().SavingsEnd;
        var loan = fund.ApplyFor(group.Ordinary[0], 300_000, on);

        fund.ApproveAtMeeting(group, loan, on).State.ShouldBe(LoanState.Approved);
        Should.Throw<RuleViolationException>(() => fund.ApproveAtMeeting(group, loan, on))
            .Violations.Select(v => v.ErrorCode).ShouldBe([LoanErrors.WrongLoanState]);
    }

    [Fact]
    [Trait("Rule", "LOAN-07")]
    public void A_member_whose_arrears_the_group_covered_may_not_borrow_until_the_cover_is_recovered()
    {
        // As TanggungRentengExamplesTests: A (10.000 of savings) borrows 300.000 over 3 months weekly on 1 May 2017
        // and pays nothing; on 23 May the three installments overdue (3 × 26.125 = 78.375) are covered: 10.000 from
        // A's savings, 68.375 from IKS and the other members, which A owes back.
        var (group, ledger, fund) = new LoanFundBuilder().WithMembers(5).SavingWeekly(13, 1_000).WithCapital(500_000).WithIks(20_000).Build();
        var a = group.Ordinary[0];
        var may1 = new LocalDate(2017, 5, 1);
        var may23 = new LocalDate(2017, 5, 23);
        ledger.Withdraw(HostToday.Of(may1), may1, a, Rupiah.Of(3_000));
        var loan = fund.Lend(group, a, 300_000, may1);
        fund.CoverArrears(HostToday.Of(may23), loan.Id, may23);
        fund.RecoveryOwedBy(a).ShouldBe(Rupiah.Of(68_375));
        fund.StatusOf(loan.Id, may23).HasArrears.ShouldBeFalse();

        LoanApplication Again(LocalDate on) => new(LoanId.New(), a, Rupiah.Of(100_000), 3, InstallmentFrequency.Weekly, "modal", on);
        var owing = fund.AssessApplication(Again(may23)).Violations.Select(v => v.ErrorCode).ToList();
        owing.ShouldContain(LoanErrors.MemberOwesRecovery);
        owing.ShouldNotContain(LoanErrors.MemberInArrears);

        // A pays the 68.375 back on 1 June: the recovery no longer stands in the way (the open loan still does).
        var june1 = new LocalDate(2017, 6, 1);
        fund.Recover(HostToday.Of(june1), loan.Id, june1, Rupiah.Of(68_375)).StillOwed.ShouldBe(Rupiah.Zero);
        fund.AssessApplication(Again(june1)).Violations.Select(v => v.ErrorCode).ShouldNotContain(LoanErrors.MemberOwesRecovery);
    }

    [Fact]
    [Trait("Rule", "LOAN-08")]
    public void A_cover_of_exactly_the_arrears_is_recorded_and_one_rupiah_more_is_refused()
    {
        // On 21 February the installments of 13 and 20 February are overdue: 2 × 43.541 = 87.082.
        var account = StandardLoan();
        var feb21 = new LocalDate(2017, 2, 21);
        account.StatusAsOf(feb21).Arrears.ShouldBe(Rupiah.Of(87_082));

        account.CheckCover(feb21, Rupiah.Of(87_083)).ShouldNotBeNull().ErrorCode.ShouldBe(LoanErrors.CoverExceedsArrears);
        account.CheckCover(feb21, Rupiah.Of(87_082)).ShouldBeNull();
        account.RecordCover(feb21, Rupiah.Of(87_082)).StatusAsOf(feb21).HasArrears.ShouldBeFalse();
    }

    [Fact]
    [Trait("Rule", "LOAN-08")]
    public void A_cover_passes_the_payment_checks_first_so_one_dated_before_the_last_payment_is_refused()
    {
        // Paid on 20 February; by 1 March the installments of 27 February (and the one of 13 February, partly) are overdue.
        var account = StandardLoan().Record(Feb20, Rupiah.Of(43_541));
        var march1 = new LocalDate(2017, 3, 1);
        account.StatusAsOf(march1).HasArrears.ShouldBeTrue();

        account.CheckCover(Feb20.PlusDays(-1), Rupiah.Of(1)).ShouldNotBeNull().ErrorCode.ShouldBe(LoanErrors.PaymentBackdated);
        account.CheckCover(march1, Rupiah.Zero).ShouldNotBeNull().ErrorCode.ShouldBe(LoanErrors.AmountNotPositive);
        account.CheckCover(march1, Rupiah.Of(1)).ShouldBeNull();
    }

    [Fact]
    [Trait("Rule", "GRP-05")]
    public void An_under_strength_group_is_refused_a_loan_and_the_same_group_active_is_not()
    {
        var (group, _, fund) = new LoanFundBuilder().Build();
        var application = new LoanApplication(LoanId.New(), group.Ordinary[0], Rupiah.Of(300_000), 3, InstallmentFrequency.Weekly, "modal usaha warung", new LoanFundBuilder().SavingsEnd);
        fund.AssessApplication(application).IsApproved.ShouldBeTrue();

        group.Status = KubeCore.Groups.GroupStatus.UnderStrength;
        fund.AssessApplication(application).Violations.Select(v => v.ErrorCode).ShouldBe([KubeCore.Groups.GroupErrors.UnderStrengthBlocksMoney]);
    }
}
