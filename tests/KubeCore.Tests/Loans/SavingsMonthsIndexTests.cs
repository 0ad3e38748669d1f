using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using NodaTime;
using static KubeCore.Tests.Loans.LoanArbitraries;

namespace KubeCore.Tests.Loans;

/// <summary>
/// LOAN-01's savings months come from an incremental index of the ledger's deposits: these tests hold it to the
/// definition, a rescan of every ledger entry (<see cref="LoanRevolving.ConsecutiveSavingsMonthsByRescan"/>).
/// </summary>
[Trait("Category", "Implementation")]
public class SavingsMonthsIndexTests
{
    private static readonly LocalDate Start = new(2017, 1, 30);

    [Property(MaxTest = 150, Arbitrary = [typeof(LoanArbitraries)])]
    public bool The_savings_months_of_the_fund_always_equal_a_rescan_of_the_ledger_whatever_deposits_reversals_and_dates(SavingsHistory c)
    {
        var operations = c.Operations;
        var (group, ledger, fund) = new LoanFundBuilder().StartingOn(Start).SavingWeekly(0).Build();
        var deposits = new List<EntryId>();
        var date = Start;
        foreach (var operation in operations)
        {
            date = date.PlusDays(operation.DaysLater);
            switch (operation.Step)
            {
                case Step.Deposit:
                    deposits.Add(ledger.Deposit(HostToday.Of(date), date, group.Members[operation.Pick % group.Members.Count], Rupiah.Of(5_000)).Id);
                    break;
                case Step.Reverse when deposits.Count > 0:
                    var deposit = deposits[operation.Pick % deposits.Count];
                    if (!ledger.IsReversed(deposit))
                    {
                        ledger.Reverse(HostToday.Of(date), date, deposit, "salah catat");
                    }
                    break;
                case Step.Ask:
                    if (!AgreesWithRescan(fund, ledger, date.PlusDays(operation.AsOfOffset)))
                    {
                        return false;
                    }
                    break;
            }
        }
        // Every as-of date from before the opening to well after the last entry, once the history is complete.
        for (var asOf = Start.PlusDays(-31); asOf <= date.PlusDays(100); asOf = asOf.PlusDays(3))
        {
            if (!AgreesWithRescan(fund, ledger, asOf))
            {
                return false;
            }
        }
        return true;
    }

    [Fact]
    public void A_month_whose_only_deposit_is_reversed_stops_counting_from_the_day_of_the_reversal_and_not_before()
    {
        var (group, ledger, fund) = new LoanFundBuilder().StartingOn(Start).SavingWeekly(0).Build();
        var member = group.Members[0];
        // One deposit in each of February, March and April 2017; the March one is reversed on 3 May.
        ledger.Deposit(HostToday.Of(new LocalDate(2017, 2, 6)), new LocalDate(2017, 2, 6), member, Rupiah.Of(5_000));
        var march = ledger.Deposit(HostToday.Of(new LocalDate(2017, 3, 6)), new LocalDate(2017, 3, 6), member, Rupiah.Of(5_000));
        ledger.Deposit(HostToday.Of(new LocalDate(2017, 4, 3)), new LocalDate(2017, 4, 3), member, Rupiah.Of(5_000));

        fund.ConsecutiveSavingsMonths(new LocalDate(2017, 5, 2)).ShouldBe(3);
        ledger.Reverse(HostToday.Of(new LocalDate(2017, 5, 3)), new LocalDate(2017, 5, 3), march.Id, "salah catat");

        fund.ConsecutiveSavingsMonths(new LocalDate(2017, 5, 2)).ShouldBe(3); // as of before the reversal: unchanged (PORT-02)
        fund.ConsecutiveSavingsMonths(new LocalDate(2017, 5, 3)).ShouldBe(1); // February and April, no longer a run
        fund.ConsecutiveSavingsMonths(new LocalDate(2017, 4, 30)).ShouldBe(2); // the month of the as-of date never counts
        LoanRevolving.ConsecutiveSavingsMonthsByRescan(ledger, new LocalDate(2017, 5, 3)).ShouldBe(1);
    }

    [Fact]
    public void A_reversed_deposit_does_not_take_its_month_away_while_another_deposit_of_that_month_stands()
    {
        var (group, ledger, fund) = new LoanFundBuilder().StartingOn(Start).SavingWeekly(0).Build();
        var first = ledger.Deposit(HostToday.Of(new LocalDate(2017, 2, 6)), new LocalDate(2017, 2, 6), group.Members[0], Rupiah.Of(5_000));
        ledger.Deposit(HostToday.Of(new LocalDate(2017, 2, 13)), new LocalDate(2017, 2, 13), group.Members[1], Rupiah.Of(5_000));
        ledger.Deposit(HostToday.Of(new LocalDate(2017, 3, 6)), new LocalDate(2017, 3, 6), group.Members[0], Rupiah.Of(5_000));
        ledger.Reverse(HostToday.Of(new LocalDate(2017, 3, 7)), new LocalDate(2017, 3, 7), first.Id, "salah catat");

        fund.ConsecutiveSavingsMonths(new LocalDate(2017, 2, 10)).ShouldBe(0); // February is not complete yet
        fund.ConsecutiveSavingsMonths(new LocalDate(2017, 4, 1)).ShouldBe(2);
    }

    [Fact]
    public void The_fund_answers_LOAN_01_for_a_fund_opened_on_a_ledger_that_already_has_a_history()
    {
        var (group, ledger, _) = new LoanFundBuilder().StartingOn(Start).SavingWeekly(14).Build();
        var late = LoanRevolving.Open(group, ledger);

        late.ConsecutiveSavingsMonths(new LocalDate(2017, 5, 1)).ShouldBe(LoanRevolving.ConsecutiveSavingsMonthsByRescan(ledger, new LocalDate(2017, 5, 1)));
        late.ConsecutiveSavingsMonths(new LocalDate(2017, 5, 1)).ShouldBe(4); // January (from the 30th) to April
    }

    private static bool AgreesWithRescan(LoanRevolving fund, SavingsLedger ledger, LocalDate asOf) =>
        fund.ConsecutiveSavingsMonths(asOf) == LoanRevolving.ConsecutiveSavingsMonthsByRescan(ledger, asOf);
}
