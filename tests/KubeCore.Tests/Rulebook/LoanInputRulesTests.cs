using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Rulebooks;

/// <summary>
/// Bad money inputs and early dates on the loan path get the coded refusal (never an unexplained exception) and
/// change nothing: a payment of 0 or less is LOAN-05 <c>LOAN05_AMOUNT_NOT_POSITIVE</c>, and an application dated
/// before its profile is in force is refused like every other dated decision.
/// </summary>
public class LoanInputRulesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue + 1)]
    [Trait("Rule", "LOAN-05")]
    public void A_payment_of_zero_or_less_is_refused_with_the_LOAN05_code_and_a_payment_of_one_rupiah_is_recorded(long amount)
    {
        var account = LoanGenerators.ALoan().Of(500_000).Build();
        var date = account.Schedule.DisbursedOn.PlusDays(7);

        account.CheckPayment(date, Rupiah.Of(amount)).ShouldNotBeNull().ErrorCode.ShouldBe(LoanErrors.AmountNotPositive);
        Should.Throw<RuleViolationException>(() => account.Record(date, Rupiah.Of(amount))).Violation.ErrorCode.ShouldBe(LoanErrors.AmountNotPositive);
        Should.Throw<RuleViolationException>(() => account.Allocate(date, Rupiah.Of(amount))).Violation.ErrorCode.ShouldBe(LoanErrors.AmountNotPositive);
        Should.Throw<RuleViolationException>(() => account.RecordCover(date, Rupiah.Of(amount))).Violation.ErrorCode.ShouldBe(LoanErrors.AmountNotPositive);
        account.Payments.ShouldBeEmpty();

        account.Record(date, Rupiah.Of(1)).Payments.ShouldHaveSingleItem().Amount.ShouldBe(Rupiah.Of(1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5_000)]
    [Trait("Rule", "LOAN-05")]
    public void A_repayment_of_zero_or_less_through_the_fund_is_refused_with_the_LOAN05_code_and_nothing_is_posted(long amount)
    {
        var (group, ledger, fund) = new LoanFundBuilder().Build();
        var start = LoanFundBuilder.GuyubRukunStart.PlusWeeks(14);
        var loan = fund.Lend(group, group.Ordinary[0], 300_000, start);
        var due = loan.Schedule!.Installments[0].DueDate;
        var count = ledger.Count;

        Should.Throw<RuleViolationException>(() => fund.Repay(HostToday.Of(due), loan.Id, due, Rupiah.Of(amount)))
            .Violation.ErrorCode.ShouldBe(LoanErrors.AmountNotPositive);
        ledger.Count.ShouldBe(count);
        fund.GetLoan(loan.Id).Account!.Payments.ShouldBeEmpty();

        var allocation = fund.Repay(HostToday.Of(due), loan.Id, due, Rupiah.Of(1));
        (allocation.Principal + allocation.ServiceCharge).ShouldBe(Rupiah.Of(1));
        ledger.Count.ShouldBe(count + 1);
    }

    [Fact]
    [Trait("Rule", "LOAN-05")]
    public void A_recovery_of_zero_is_refused_with_the_LOAN05_code()
    {
        var (group, _, fund) = new LoanFundBuilder().Build();
        var start = LoanFundBuilder.GuyubRukunStart.PlusWeeks(14);
        var loan = fund.Lend(group, group.Ordinary[0], 300_000, start);
        Should.Throw<RuleViolationException>(() => fund.Recover(HostToday.Of(start), loan.Id, start, Rupiah.Zero))
            .Violation.ErrorCode.ShouldBe(LoanErrors.AmountNotPositive);
    }

    [Fact]
    [Trait("Rule", "LOAN-01")]
    public void An_application_dated_the_day_before_its_profile_takes_effect_is_refused_as_not_yet_in_force_and_one_dated_the_day_itself_is_accepted()
    {
        var profile = ProgramProfiles.KubePermensos2019;
        var (group, _, fund) = new LoanFundBuilder().WithProfile(profile).StartingOn(new LocalDate(2019, 1, 28)).SavingWeekly(6).Build();
        var member = group.Ordinary[0];

        var early = new LoanApplication(LoanId.New(), member, Rupiah.Of(300_000), 3, InstallmentFrequency.Weekly, "modal usaha warung", profile.EffectiveFrom.PlusDays(-1));
        Should.Throw<RuleViolationException>(() => fund.Apply(early)).Violations.Select(v => v.ErrorCode).ShouldContain(ProfileErrors.NotYetInForce);
        fund.Loans.ShouldBeEmpty();

        var onTheDay = early with { Loan = LoanId.New(), AppliedOn = profile.EffectiveFrom };
        fund.Apply(onTheDay).Id.ShouldBe(onTheDay.Loan);
    }
}
