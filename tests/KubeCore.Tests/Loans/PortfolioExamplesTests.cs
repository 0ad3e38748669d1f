using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using NodaTime;
using static KubeCore.Tests.Builders.LoanGenerators;

namespace KubeCore.Tests.Loans;

public class PortfolioExamplesTests
{
    private readonly ITestOutputHelper _output;

    public PortfolioExamplesTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_UPK_book_of_KSM_loans_as_of_10_April_has_one_loan_at_risk_of_three_and_a_poor_LAR()
    {
        var start = new LocalDate(2024, 1, 5);
        // Four monthly installments due 5 Feb, 5 Mar, 5 Apr, 5 May.
        var onTime = ALoan().Of(1_200_000).Over(4, InstallmentFrequency.Monthly).DisbursedOn(start).PayingOnTime(4).Build();
        var oneLate = ALoan().Of(1_200_000).Over(4, InstallmentFrequency.Monthly).DisbursedOn(start).PayingOnTime(2).Build();
        var threeLate = ALoan().Of(2_000_000).Over(10, InstallmentFrequency.Monthly).DisbursedOn(start).Build();
        var notYetDisbursed = ALoan().Of(500_000).Over(3, InstallmentFrequency.Weekly).DisbursedOn(new LocalDate(2024, 6, 1)).Build();

        var report = LoanBook.Of([onTime, oneLate, threeLate, notYetDisbursed]).Evaluate(new LocalDate(2024, 4, 10), ProgramProfiles.KsmP2kp);

        report.LoansDisbursed.ShouldBe(3);
        report.ActiveLoans.ShouldBe(3); // the 5 May payment of the on-time loan is after the as-of date
        report.LoansAtRisk.ShouldBe(1);
        report.LoanAtRisk.Ratio.ShouldBe(Ratio.Of(1, 3));
        report.LoanAtRisk.Band.ShouldBe(IndicatorBand.Poor);
        report.OutstandingPrincipal.ShouldBe(Rupiah.Of(300_000 + 600_000 + 2_000_000));
        report.AtRiskPrincipal.ShouldBe(Rupiah.Of(2_000_000));
        report.PortfolioAtRisk.Band.ShouldBe(IndicatorBand.Poor);
        report.ArrearsPrincipal.ShouldBe(Rupiah.Of(300_000 + 600_000));
        report.RepaymentRate.Ratio.ShouldBe(Ratio.Of(2_000_000, 2_900_000));
        report.RepaymentRate.Band.ShouldBe(IndicatorBand.Poor);
        report.Collectibility.Select(b => b.Loans).ShouldBe([1L, 2L, 0L, 0L, 0L]);
        report.Collectibility[1].Provision.ShouldBe(Rupiah.Of(130_000)); // 5 % of Rp 2.600.000
        report.Collectibility[0].Provision.ShouldBe(Rupiah.Of(3_000)); // 1 % of Rp 300.000

        var emptyReport = LoanBook.Of([]).Evaluate(new LocalDate(2024, 4, 10), ProgramProfiles.KsmP2kp);
        emptyReport.IsEmpty.ShouldBeTrue();
        emptyReport.PortfolioAtRisk.Band.ShouldBe(IndicatorBand.Undefined);
        emptyReport.PortfolioAtRisk.Ratio.ToString().ShouldBe("n/a (0/0)");
    }

    [Fact]
    public void LAR_PAR_and_RR_over_one_million_loans_as_of_a_date_take_well_under_a_second()
    {
        var random = new Random(2013);
        var builder = new LoanBook.Builder();
        var payments = new Payment[8];
        for (var i = 0; i < 1_000_000; i++)
        {
            var frequency = random.Next(2) == 0 ? InstallmentFrequency.Weekly : InstallmentFrequency.Monthly;
            var terms = LoanTerms.Of(Rupiah.Of(random.Next(100_000, 2_000_000)), random.Next(3, 13), frequency, Rate.FromPercent(1.5m));
            var start = new LocalDate(2022, 1, 1).PlusDays(random.Next(0, 900));
            var count = Math.Min(random.Next(0, 8), terms.InstallmentCount - 1);
            var installment = Rupiah.Of((terms.Principal.Amount / terms.InstallmentCount) + 1_000);
            var date = start;
            for (var k = 0; k < count; k++)
            {
                date = date.PlusDays(random.Next(5, 40));
                payments[k] = new Payment(date, installment);
            }
            builder.Add(terms, start, payments.AsSpan(0, count));
        }
        var book = builder.Build();
        var asOf = new LocalDate(2024, 6, 30);
        // Its speed (≤ 200 ms) is a budget of the quick benchmarks, never a timed unit test: this checks the result.
        var report = book.Evaluate(asOf, ProgramProfiles.KsmP2kp);
        _output.WriteLine($"1 000 000 loans, {book.PaymentCount} payments: LAR {report.LoanAtRisk.Ratio}, PAR {report.PortfolioAtRisk.Ratio}, RR {report.RepaymentRate.Ratio}");

        report.LoansDisbursed.ShouldBe(1_000_000);
    }
}
