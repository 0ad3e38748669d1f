using KubeCore.Common;
using KubeCore.Rules.Parameters;

namespace KubeCore.Loans;

/// <summary>The performance bands of POB Pinjaman Bergulir PNPM MP 2013 (PORT-01).</summary>
public enum IndicatorBand
{
    /// <summary>Memuaskan / sangat baik (good).</summary>
    Good = 1,

    /// <summary>Memadai / cukup (adequate).</summary>
    Adequate = 2,

    /// <summary>Kurang / tidak memadai (poor).</summary>
    Poor = 3,

    /// <summary>The ratio is undefined (zero denominator, e.g. an empty portfolio or no costs): no band.</summary>
    Undefined = 4,
}

/// <summary>The portfolio indicators of PORT-01.</summary>
public enum PortfolioIndicatorKind
{
    /// <summary>LAR, loan at risk: loans with at least the at-risk arrears count / active loans with a balance.</summary>
    LoanAtRisk = 1,

    /// <summary>PAR, portfolio at risk: balance of loans at risk / total balance.</summary>
    PortfolioAtRisk = 2,

    /// <summary>RR, repayment rate: (balance − principal in arrears) / balance.</summary>
    RepaymentRate = 3,

    /// <summary>CCr, cost coverage: income / cost of the year to date.</summary>
    CostCoverage = 4,

    /// <summary>ROI, return on investment: net profit of the year to date, annualised (× 12 / n months), / total capital.</summary>
    ReturnOnInvestment = 5,
}

/// <summary>One indicator: its exact ratio and band.</summary>
/// <param name="Kind">Which indicator.</param>
/// <param name="Ratio">The exact ratio.</param>
/// <param name="Band">The band (<see cref="IndicatorBand.Undefined"/> when the ratio is undefined).</param>
public sealed record PortfolioIndicator(PortfolioIndicatorKind Kind, Ratio Ratio, IndicatorBand Band);

/// <summary>
/// The PORT-01 indicators and their bands. Boundaries follow the parameter documentation:
/// LAR and PAR are good strictly below <see cref="PortfolioParameters.AtRiskGoodBelow"/> (10 %),
/// adequate up to and including <see cref="PortfolioParameters.AtRiskAdequateUpTo"/> (20 %), poor above;
/// RR is good strictly above <see cref="PortfolioParameters.RepaymentGoodAbove"/> (90 %), adequate from
/// <see cref="PortfolioParameters.RepaymentAdequateFrom"/> (80 %) inclusive, poor below; CCr is good strictly
/// above <see cref="PortfolioParameters.CostCoverageGoodAbove"/> (125 %), adequate from
/// <see cref="PortfolioParameters.CostCoverageAdequateFrom"/> (100 %) inclusive, poor below; ROI is good strictly
/// above <see cref="PortfolioParameters.ReturnOnInvestmentGoodAbove"/> (10 %), adequate from
/// <see cref="PortfolioParameters.ReturnOnInvestmentAdequateFrom"/> (0 %) inclusive, poor below (a loss).
/// An undefined ratio has the band <see cref="IndicatorBand.Undefined"/>.
/// </summary>
/// <remarks>
/// The source (POB Pinjaman Bergulir PNPM MP 2013) is known only through a thesis copy that lost the ≤/&lt; signs
/// of its band table: which side of each edge a ratio exactly on it falls is <b>KubeCore's stated choice</b>, the one
/// above, not the source's.
/// </remarks>
public static class PortfolioIndicators
{
    /// <summary>The band of a LAR or PAR ratio.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static IndicatorBand AtRiskBand(Ratio ratio, PortfolioParameters parameters)
    {
        Preconditions.CheckNotNull(parameters);
        return !ratio.IsDefined ? IndicatorBand.Undefined
            : ratio.IsBelow(parameters.AtRiskGoodBelow) ? IndicatorBand.Good
            : ratio.IsAtMost(parameters.AtRiskAdequateUpTo) ? IndicatorBand.Adequate
            : IndicatorBand.Poor;
    }

    /// <summary>The band of an RR ratio.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static IndicatorBand RepaymentBand(Ratio ratio, PortfolioParameters parameters)
    {
        Preconditions.CheckNotNull(parameters);
        return HigherIsBetter(ratio, parameters.RepaymentGoodAbove, parameters.RepaymentAdequateFrom);
    }

    /// <summary>The band of a CCr ratio.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static IndicatorBand CostCoverageBand(Ratio ratio, PortfolioParameters parameters)
    {
        Preconditions.CheckNotNull(parameters);
        return HigherIsBetter(ratio, parameters.CostCoverageGoodAbove, parameters.CostCoverageAdequateFrom);
    }

    /// <summary>The band of an ROI ratio (which may be negative).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static IndicatorBand ReturnOnInvestmentBand(Ratio ratio, PortfolioParameters parameters)
    {
        Preconditions.CheckNotNull(parameters);
        return HigherIsBetter(ratio, parameters.ReturnOnInvestmentGoodAbove, parameters.ReturnOnInvestmentAdequateFrom);
    }

    // RR, CCr and ROI: good above one threshold, adequate from a lower one inclusive, poor below it.
    private static IndicatorBand HigherIsBetter(Ratio ratio, Rate goodAbove, Rate adequateFrom) =>
        !ratio.IsDefined ? IndicatorBand.Undefined
            : ratio.IsAbove(goodAbove) ? IndicatorBand.Good
            : ratio.IsAtLeast(adequateFrom) ? IndicatorBand.Adequate
            : IndicatorBand.Poor;

    /// <summary>LAR: <paramref name="loansAtRisk"/> / <paramref name="activeLoans"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the loans at risk exceed the active loans.</exception>
    public static PortfolioIndicator LoanAtRisk(long loansAtRisk, long activeLoans, PortfolioParameters parameters)
    {
        Preconditions.CheckArgumentRange(loansAtRisk, 0, Math.Max(0, activeLoans));
        var ratio = Ratio.Of(loansAtRisk, activeLoans);
        return new PortfolioIndicator(PortfolioIndicatorKind.LoanAtRisk, ratio, AtRiskBand(ratio, parameters));
    }

    /// <summary>PAR: <paramref name="atRiskPrincipal"/> / <paramref name="outstandingPrincipal"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative or the part exceeds the whole.</exception>
    public static PortfolioIndicator PortfolioAtRisk(Rupiah atRiskPrincipal, Rupiah outstandingPrincipal, PortfolioParameters parameters)
    {
        Preconditions.CheckArgumentRange(atRiskPrincipal.Amount, 0, Math.Max(0, outstandingPrincipal.Amount));
        var ratio = Ratio.Of(atRiskPrincipal.Amount, outstandingPrincipal.Amount);
        return new PortfolioIndicator(PortfolioIndicatorKind.PortfolioAtRisk, ratio, AtRiskBand(ratio, parameters));
    }

    /// <summary>RR: (<paramref name="outstandingPrincipal"/> − <paramref name="arrearsPrincipal"/>) / <paramref name="outstandingPrincipal"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative or the arrears exceed the balance.</exception>
    public static PortfolioIndicator RepaymentRate(Rupiah arrearsPrincipal, Rupiah outstandingPrincipal, PortfolioParameters parameters)
    {
        Preconditions.CheckArgumentRange(arrearsPrincipal.Amount, 0, Math.Max(0, outstandingPrincipal.Amount));
        var ratio = Ratio.Of(outstandingPrincipal.Amount - arrearsPrincipal.Amount, outstandingPrincipal.Amount);
        return new PortfolioIndicator(PortfolioIndicatorKind.RepaymentRate, ratio, RepaymentBand(ratio, parameters));
    }

    /// <summary>CCr: <paramref name="income"/> / <paramref name="costs"/> over the same period.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public static PortfolioIndicator CostCoverage(Rupiah income, Rupiah costs, PortfolioParameters parameters)
    {
        var ratio = Ratio.Of(income.Amount, costs.Amount);
        return new PortfolioIndicator(PortfolioIndicatorKind.CostCoverage, ratio, CostCoverageBand(ratio, parameters));
    }

    /// <summary>
    /// ROI (SOURCES.md §3.7, POB 2013): (net profit of January through month <paramref name="months"/> × 12 /
    /// <paramref name="months"/>) / total capital (P2KP + PNPM + other). The ratio keeps the exact figures
    /// (<paramref name="netProfit"/> × 12) / (<paramref name="capital"/> × <paramref name="months"/>), so no
    /// rounding happens; a loss gives a negative ratio (band poor); zero capital gives an undefined ratio.
    /// </summary>
    /// <param name="netProfit">Income minus costs from 1 January through the as-of date; negative for a loss.</param>
    /// <param name="capital">The total capital of the loan fund; not negative.</param>
    /// <param name="months">The number of months of the year to date (the as-of month, 1..12).</param>
    /// <param name="parameters">The band edges.</param>
    /// <exception cref="ArgumentOutOfRangeException">The capital is negative or the months are not 1..12.</exception>
    /// <exception cref="OverflowException">A product leaves the range of a 64-bit integer.</exception>
    public static PortfolioIndicator ReturnOnInvestment(Rupiah netProfit, Rupiah capital, int months, PortfolioParameters parameters)
    {
        Preconditions.CheckArgumentRange(capital.Amount, 0, long.MaxValue);
        Preconditions.CheckArgumentRange(months, 1, 12);
        var ratio = Ratio.OfSigned(checked(netProfit.Amount * 12), checked(capital.Amount * months));
        return new PortfolioIndicator(PortfolioIndicatorKind.ReturnOnInvestment, ratio, ReturnOnInvestmentBand(ratio, parameters));
    }
}
