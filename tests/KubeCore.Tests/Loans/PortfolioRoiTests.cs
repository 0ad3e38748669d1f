using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Loans;
using NodaTime;
using static KubeCore.Tests.Builders.LoanGenerators;

namespace KubeCore.Tests.Loans;

/// <summary>An ROI in basis points (hundredths of a percent) over a capital, with the months of the year to date.</summary>
public sealed record RoiCase(int BasisPoints, long Capital, int Months);

/// <summary>A loan book as of a date, with operating figures for CCr and ROI.</summary>
public sealed record BookWithFigures(IReadOnlyList<LoanAccount> Loans, LocalDate AsOf, long Costs, long OtherIncome, long Capital);

public static class RoiArbitraries
{
    public static Arbitrary<RoiCase> RoiCase() =>
        (from basisPoints in Gen.Frequency(
             (3, Gen.Elements(0, 1_000).SelectMany(edge => Gen.Elements(edge - 1, edge, edge + 1))),
             (1, Gen.Choose(-10_000, 30_000)))
         from capitalUnits in Gen.Choose(1, 5_000)
         from months in Gen.Choose(1, 12)
         select new RoiCase(basisPoints, capitalUnits * 120_000L, months))
        .ToArbitrary();

    public static Arbitrary<BookWithFigures> BookWithFigures() =>
        (from loans in Portfolio
         from days in Gen.Choose(0, 7_500)
         from costs in Gen.Choose(0, 5_000_000)
         from other in Gen.Choose(0, 1_000_000)
         from capital in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 50_000_000)))
         select new BookWithFigures(loans, new LocalDate(2010, 1, 1).PlusDays(days), costs, other, capital))
        .ToArbitrary();
}

/// <summary>
/// PORT-01's ROI (added 2026-12-06): (net profit of January..month n × 12 / n) / total capital (SOURCES.md §3.7, POB
/// Pinjaman Bergulir PNPM MP 2013); above 10 % good, 0–10 % adequate, below 0 poor. The thesis copy lost the ≤/&lt; signs:
/// KubeCore's stated choice is good strictly above 10 %, adequate from 0 % inclusive up to 10 % inclusive.
/// </summary>
public class PortfolioRoiTests
{
    private static readonly KubeCore.Rules.Parameters.PortfolioParameters Bands = Profile.Portfolio;

    [Property(MaxTest = 200, Arbitrary = [typeof(RoiArbitraries)])]
    [Trait("Rule", "PORT-01")]
    public bool ROI_is_good_strictly_above_10_percent_adequate_from_0_to_10_percent_inclusive_and_poor_below_0(RoiCase c)
    {
        // The capital is a multiple of Rp 120.000, so a net profit of BasisPoints × (Capital / 120 000) × Months over
        // Months months annualises to exactly BasisPoints / 10 000 of the capital.
        var netProfit = c.BasisPoints * (c.Capital / 120_000) * c.Months;
        var indicator = PortfolioIndicators.ReturnOnInvestment(Rupiah.Of(netProfit), Rupiah.Of(c.Capital), c.Months, Bands);
        var expected = c.BasisPoints > 1_000 ? IndicatorBand.Good : c.BasisPoints >= 0 ? IndicatorBand.Adequate : IndicatorBand.Poor;
        return indicator.Band == expected
            && indicator.Kind == PortfolioIndicatorKind.ReturnOnInvestment
            && indicator.Ratio == Ratio.OfSigned(netProfit * 12, c.Capital * c.Months)
            && indicator.Ratio.Value == c.BasisPoints / 10_000m;
    }

    [Fact]
    [Trait("Rule", "PORT-01")]
    public void ROI_exactly_on_0_and_10_percent_is_adequate_and_one_rupiah_either_side_changes_the_band()
    {
        var capital = Rupiah.Of(12_000_000);
        IndicatorBand Band(long netProfitOfSixMonths) =>
            PortfolioIndicators.ReturnOnInvestment(Rupiah.Of(netProfitOfSixMonths), capital, 6, Bands).Band;

        // Six months to 30 June: Rp 600.000 of net profit is Rp 1.200.000 a year, 10 % of Rp 12.000.000.
        Band(600_000).ShouldBe(IndicatorBand.Adequate);
        Band(600_001).ShouldBe(IndicatorBand.Good);
        Band(0).ShouldBe(IndicatorBand.Adequate);
        Band(-1).ShouldBe(IndicatorBand.Poor);
        PortfolioIndicators.ReturnOnInvestment(Rupiah.Of(600_000), Rupiah.Zero, 6, Bands).Band.ShouldBe(IndicatorBand.Undefined);
        PortfolioIndicators.ReturnOnInvestment(Rupiah.Of(-600_000), capital, 6, Bands).Ratio.ToString().ShouldStartWith("-10,00 %");
    }

    [Fact]
    [Trait("Rule", "PORT-01")]
    public void ROI_refuses_a_negative_capital_and_a_period_outside_1_to_12_months()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PortfolioIndicators.ReturnOnInvestment(Rupiah.Of(1), Rupiah.Of(-1), 6, Bands));
        Should.Throw<ArgumentOutOfRangeException>(() => PortfolioIndicators.ReturnOnInvestment(Rupiah.Of(1), Rupiah.Of(1), 0, Bands));
        Should.Throw<ArgumentOutOfRangeException>(() => PortfolioIndicators.ReturnOnInvestment(Rupiah.Of(1), Rupiah.Of(1), 13, Bands));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(RoiArbitraries)])]
    [Trait("Rule", "PORT-01")]
    [Trait("Rule", "PORT-02")]
    public bool The_reports_ROI_is_the_year_to_date_net_profit_annualised_over_the_capital(BookWithFigures b)
    {
        var jasa = Rupiah.Sum(b.Loans.SelectMany(l => l.Payments)
            .Where(p => p.Date.Year == b.AsOf.Year && p.Date <= b.AsOf)
            .Select(p => p.Allocation.ServiceCharge));
        var report = LoanBook.Of(b.Loans).Evaluate(b.AsOf, Profile, new OperatingFigures(Rupiah.Of(b.Costs), Rupiah.Of(b.OtherIncome), Rupiah.Of(b.Capital)));
        var netProfit = jasa.Amount + b.OtherIncome - b.Costs;
        var withoutFigures = LoanBook.Of(b.Loans).Evaluate(b.AsOf, Profile);
        return report.ReturnOnInvestment.Ratio == Ratio.OfSigned(netProfit * 12, b.Capital * b.AsOf.Month)
            && (b.Capital != 0 || report.ReturnOnInvestment.Band == IndicatorBand.Undefined)
            && withoutFigures.ReturnOnInvestment.Band == IndicatorBand.Undefined
            && report == LoanBook.Of(b.Loans).Evaluate(b.AsOf, Profile, new OperatingFigures(Rupiah.Of(b.Costs), Rupiah.Of(b.OtherIncome), Rupiah.Of(b.Capital)));
    }
}
