using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>The operating figures CCr and ROI need, for 1 January of the as-of year through the as-of date.</summary>
/// <param name="Costs">Operating costs of the period; not negative.</param>
/// <param name="OtherIncome">Income other than the jasa collected on the loans of the book; not negative.</param>
/// <param name="Capital">
/// The total capital of the loan fund on the as-of date (P2KP + PNPM + other), ROI's denominator; not negative.
/// Zero (the default) leaves ROI undefined.
/// </param>
public readonly record struct OperatingFigures(Rupiah Costs, Rupiah OtherIncome, Rupiah Capital = default);

/// <summary>Loans of one collectibility class in a portfolio.</summary>
/// <param name="Class">The class.</param>
/// <param name="Loans">Active loans in the class.</param>
/// <param name="OutstandingPrincipal">Their balance.</param>
/// <param name="Provision">The class's provision rate of that balance, truncated once to whole rupiah.</param>
public sealed record CollectibilityBucket(Collectibility Class, long Loans, Rupiah OutstandingPrincipal, Rupiah Provision);

/// <summary>
/// The portfolio indicators of a <see cref="LoanBook"/> as of a date (PORT-01), computed only from the
/// payments dated on or before it (PORT-02): evaluating the same book as of the same date always gives
/// an equal report, and payments dated later never change it.
/// </summary>
public sealed record PortfolioReport
{
    /// <summary>The as-of date.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The profile whose parameters were applied.</summary>
    public required string ProfileId { get; init; }

    /// <summary>The collectibility scheme of <see cref="Collectibility"/>.</summary>
    public required CollectibilityScheme Scheme { get; init; }

    /// <summary>Loans disbursed on or before the as-of date.</summary>
    public required long LoansDisbursed { get; init; }

    /// <summary>Of those, loans with an outstanding principal (the LAR denominator).</summary>
    public required long ActiveLoans { get; init; }

    /// <summary>Active loans with at least the at-risk count of installments overdue (the LAR numerator).</summary>
    public required long LoansAtRisk { get; init; }

    /// <summary>Total outstanding principal of active loans (PAR and RR denominator).</summary>
    public required Rupiah OutstandingPrincipal { get; init; }

    /// <summary>Outstanding principal of loans at risk (PAR numerator).</summary>
    public required Rupiah AtRiskPrincipal { get; init; }

    /// <summary>Principal of overdue installments not paid, over all active loans (RR).</summary>
    public required Rupiah ArrearsPrincipal { get; init; }

    /// <summary>Jasa of overdue installments not paid, over all loans.</summary>
    public required Rupiah ArrearsServiceCharge { get; init; }

    /// <summary>Jasa collected from 1 January of the as-of year through the as-of date (CCr income).</summary>
    public required Rupiah ServiceChargeCollectedYearToDate { get; init; }

    /// <summary>LAR.</summary>
    public required PortfolioIndicator LoanAtRisk { get; init; }

    /// <summary>PAR.</summary>
    public required PortfolioIndicator PortfolioAtRisk { get; init; }

    /// <summary>RR.</summary>
    public required PortfolioIndicator RepaymentRate { get; init; }

    /// <summary>CCr; undefined when no operating figures were given or costs were zero.</summary>
    public required PortfolioIndicator CostCoverage { get; init; }

    /// <summary>
    /// ROI: (net profit of the year to date × 12 / n) / capital, n the as-of month, net profit the CCr income minus
    /// the costs (<see cref="PortfolioIndicators.ReturnOnInvestment"/>); undefined when no operating figures were
    /// given or the capital was zero.
    /// </summary>
    public PortfolioIndicator ReturnOnInvestment { get; init; } = new(PortfolioIndicatorKind.ReturnOnInvestment, default, IndicatorBand.Undefined);

    /// <summary>Active loans by collectibility class (Kol 1..5, in order) under <see cref="Scheme"/>.</summary>
    public required IReadOnlyList<CollectibilityBucket> Collectibility { get; init; }

    /// <summary>The sum of the class provisions.</summary>
    public Rupiah TotalProvision => Rupiah.Sum(Collectibility.Select(b => b.Provision));

    /// <summary>The rules applied: PORT-01, PORT-02 and the collectibility rule of the scheme.</summary>
    public IReadOnlyList<RuleId> RuleIds =>
        [Rules.RuleIds.Port01, Rules.RuleIds.Port02, Scheme == CollectibilityScheme.InstallmentsOverdue ? Rules.RuleIds.Col01 : Rules.RuleIds.Col02];

    /// <summary>True when the portfolio had no active loan as of the date (every ratio but CCr is undefined).</summary>
    public bool IsEmpty => ActiveLoans == 0;

    /// <inheritdoc />
    public bool Equals(PortfolioReport? other) =>
        other is not null
        && AsOf == other.AsOf && ProfileId == other.ProfileId && Scheme == other.Scheme
        && LoansDisbursed == other.LoansDisbursed && ActiveLoans == other.ActiveLoans && LoansAtRisk == other.LoansAtRisk
        && OutstandingPrincipal == other.OutstandingPrincipal && AtRiskPrincipal == other.AtRiskPrincipal
        && ArrearsPrincipal == other.ArrearsPrincipal && ArrearsServiceCharge == other.ArrearsServiceCharge
        && ServiceChargeCollectedYearToDate == other.ServiceChargeCollectedYearToDate
        && LoanAtRisk == other.LoanAtRisk && PortfolioAtRisk == other.PortfolioAtRisk
        && RepaymentRate == other.RepaymentRate && CostCoverage == other.CostCoverage && ReturnOnInvestment == other.ReturnOnInvestment
        && Collectibility.SequenceEqual(other.Collectibility);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AsOf, ProfileId, ActiveLoans, LoansAtRisk, OutstandingPrincipal, AtRiskPrincipal, ArrearsPrincipal);
}
