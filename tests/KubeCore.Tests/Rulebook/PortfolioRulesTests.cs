using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Tests.Builders;
using NodaTime;
using static KubeCore.Tests.Builders.LoanGenerators;
using static KubeCore.Tests.RulebookProperties.PortfolioRulesArbitraries;

namespace KubeCore.Tests.RulebookProperties;

public class PortfolioRulesTests
{
    private static LoanAccount Truncate(LoanAccount account, LocalDate asOf) =>
        RecordAll(account.Schedule, account.Payments.Where(p => p.Date <= asOf).Select(p => new Payment(p.Date, p.Amount)));

    [Property(MaxTest = 200, Arbitrary = [typeof(PortfolioRulesArbitraries)])]
    [Trait("Rule", "PORT-01")]
    public bool LAR_PAR_and_RR_equal_their_definitions_over_the_loans_positions_as_of_the_date(PortfolioAsOf t)
    {
        var (loans, asOf) = t;
        var threshold = Profile.Portfolio.AtRiskArrearsInstallments;
        var positions = loans.Where(l => l.Schedule.DisbursedOn <= asOf).Select(l => l.StatusAsOf(asOf)).ToList();
        var active = positions.Where(s => s.OutstandingPrincipal.IsPositive).ToList();
        var atRisk = active.Where(s => s.InstallmentsOverdue >= threshold).ToList();
        var balance = Rupiah.Sum(active.Select(s => s.OutstandingPrincipal));
        var arrears = Rupiah.Sum(active.Select(s => s.ArrearsPrincipal));

        var report = LoanBook.Of(loans).Evaluate(asOf, Profile);
        return report.LoanAtRisk.Ratio == Ratio.Of(atRisk.Count, active.Count)
            && report.PortfolioAtRisk.Ratio == Ratio.Of(Rupiah.Sum(atRisk.Select(s => s.OutstandingPrincipal)).Amount, balance.Amount)
            && report.RepaymentRate.Ratio == Ratio.Of((balance - arrears).Amount, balance.Amount)
            && report.LoansDisbursed == positions.Count
            && report.Collectibility.Sum(b => b.Loans) == active.Count
            && report.Collectibility.Sum(b => b.OutstandingPrincipal.Amount) == balance.Amount;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(PortfolioRulesArbitraries)])]
    [Trait("Rule", "PORT-01")]
    public bool Bands_follow_the_stated_boundaries_exactly(BoundaryRatio t)
    {
        var (part, whole) = t;
        var p = Profile.Portfolio;
        var ratio = Ratio.Of(part, whole);
        var pct = 100m * part / whole;
        var atRisk = pct < 10m ? IndicatorBand.Good : pct <= 20m ? IndicatorBand.Adequate : IndicatorBand.Poor;
        var repayment = pct > 90m ? IndicatorBand.Good : pct >= 80m ? IndicatorBand.Adequate : IndicatorBand.Poor;
        var coverage = pct > 125m ? IndicatorBand.Good : pct >= 100m ? IndicatorBand.Adequate : IndicatorBand.Poor;
        return PortfolioIndicators.AtRiskBand(ratio, p) == atRisk
            && PortfolioIndicators.RepaymentBand(ratio, p) == repayment
            && PortfolioIndicators.CostCoverageBand(ratio, p) == coverage;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(PortfolioRulesArbitraries)])]
    [Trait("Rule", "PORT-01")]
    public bool An_empty_portfolio_has_undefined_ratios_and_no_band(PortfolioAsOf t)
    {
        var (loans, asOf) = t;
        var report = LoanBook.Of(loans).Evaluate(asOf, Profile);
        var empty = report.ActiveLoans == 0;
        return empty == report.IsEmpty
            && (!empty || (report.LoanAtRisk.Band == IndicatorBand.Undefined && report.PortfolioAtRisk.Band == IndicatorBand.Undefined
                && report.RepaymentRate.Band == IndicatorBand.Undefined && report.LoanAtRisk.Ratio.Value is null))
            && (empty || report.LoanAtRisk.Band != IndicatorBand.Undefined)
            && report.CostCoverage.Band == IndicatorBand.Undefined;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(PortfolioRulesArbitraries)])]
    [Trait("Rule", "PORT-01")]
    public bool Cost_coverage_is_jasa_of_the_year_to_date_plus_other_income_over_costs(PortfolioWithCosts c)
    {
        var (t, costs, other) = c;
        var (loans, asOf) = t;
        var jasa = Rupiah.Sum(loans.SelectMany(l => l.Payments)
            .Where(p => p.Date.Year == asOf.Year && p.Date <= asOf)
            .Select(p => p.Allocation.ServiceCharge));
        var report = LoanBook.Of(loans).Evaluate(asOf, Profile, new OperatingFigures(Rupiah.Of(costs), Rupiah.Of(other)));
        return report.ServiceChargeCollectedYearToDate == jasa
            && report.CostCoverage.Ratio == Ratio.Of((jasa + Rupiah.Of(other)).Amount, costs)
            && (costs != 0 || report.CostCoverage.Band == IndicatorBand.Undefined);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(PortfolioRulesArbitraries)])]
    [Trait("Rule", "PORT-02")]
    public bool PAR_as_of_a_date_ignores_every_payment_recorded_after_it(PortfolioAsOf t)
    {
        var (loans, asOf) = t;
        var snapshot = loans.Select(l => Truncate(l, asOf)).ToList();
        return LoanBook.Of(loans).Evaluate(asOf, Profile, scheme: CollectibilityScheme.DaysPastDue)
            == LoanBook.Of(snapshot).Evaluate(asOf, Profile, scheme: CollectibilityScheme.DaysPastDue);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(PortfolioRulesArbitraries)])]
    [Trait("Rule", "PORT-02")]
    public bool The_same_book_as_of_the_same_date_always_gives_the_same_report(PortfolioAsOf t)
    {
        var (loans, asOf) = t;
        var book = LoanBook.Of(loans);
        var rebuilt = LoanBook.Of(loans.Reverse());
        return book.Evaluate(asOf, Profile) == book.Evaluate(asOf, Profile)
            && book.Evaluate(asOf, Profile) == rebuilt.Evaluate(asOf, Profile);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(PortfolioRulesArbitraries)])]
    [Trait("Rule", "PORT-02")]
    public bool A_loan_position_as_of_a_date_ignores_later_payments_and_a_raw_book_agrees_with_the_account(AccountAsOf t)
    {
        var (account, asOf) = t;
        var builder = new LoanBook.Builder();
        builder.Add(account.Schedule.Terms, account.Schedule.DisbursedOn, account.Payments.Select(p => new Payment(p.Date, p.Amount)).ToArray());
        return account.StatusAsOf(asOf) == Truncate(account, asOf).StatusAsOf(asOf)
            && builder.Build().StatusAsOf(0, asOf) == account.StatusAsOf(asOf);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(PortfolioRulesArbitraries)])]
    [Trait("Rule", "PORT-02")]
    public bool A_payment_dated_before_the_latest_recorded_one_is_refused(AccountWithPayments c)
    {
        var account = c.Account;
        var ex = Record.Exception(() => account.Record(account.LastPaymentDate!.Value.PlusDays(-1), Rupiah.Of(1)));
        return ex is KubeCore.Rules.RuleViolationException { Violation.ErrorCode: LoanErrors.PaymentBackdated };
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(PortfolioRulesArbitraries)])]
    [Trait("Rule", "PORT-02")]
    public bool A_funds_indicators_and_lending_decision_as_of_a_date_never_change_when_later_entries_are_booked(LaterEntriesCase c)
    {
        var (paid, days, cost) = c;
        var may1 = new LocalDate(2017, 5, 1);
        var (group, ledger, fund) = new LoanFundBuilder().Build();
        ledger.RecordExpense(HostToday.Of(may1), may1, Rupiah.Of(cost), "ATK");
        var loan = fund.Lend(group, group.Ordinary[0], 500_000, may1);
        fund.PayOnTime(loan, may1.PlusWeeks(paid));
        var asOf = may1.PlusDays(days);
        var report = fund.PortfolioAsOf(asOf);
        var decision = fund.MayLend(asOf).ToString();

        // Later: a payment, an expense and the reversal of January's deposits, all dated after the as-of date.
        var later = (ledger.LastBookDate > asOf ? ledger.LastBookDate : asOf).PlusDays(1);
        if (!fund.GetLoan(loan.Id).Account!.IsRepaid)
        {
            fund.Repay(HostToday.Of(later), loan.Id, later, Rupiah.Of(1_000));
        }
        ledger.RecordExpense(HostToday.Of(later), later, Rupiah.Of(5_000), "transport");
        foreach (var deposit in ledger.Entries.Where(e => e.Kind == KubeCore.Savings.EntryKind.SavingsDeposit && e.BookDate.Month == 1).ToList())
        {
            ledger.Reverse(HostToday.Of(later), later, deposit.Id, "salah catat");
        }
        return fund.PortfolioAsOf(asOf) == report && fund.MayLend(asOf).ToString() == decision
            && report.CostCoverage.Ratio.Denominator == cost;
    }
}
