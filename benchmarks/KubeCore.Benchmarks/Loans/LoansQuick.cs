using KubeCore.Benchmarks.Quick;

namespace KubeCore.Benchmarks.Loans;

/// <summary>Quick-mode figures for the 12-installment schedule.</summary>
[QuickOrder(40)]
public sealed class ScheduleQuick : IQuickSuite
{
    /// <summary>Budget: nanoseconds per schedule.</summary>
    public const double BudgetNanoseconds = 2_000;

    /// <inheritdoc />
    public string Name => "12-installment loan schedule (LOAN-04)";

    /// <inheritdoc />
    public IEnumerable<QuickLine> Run(Measurer measurer)
    {
        var bench = new ScheduleBenchmarks();
        bench.Setup();
        var m = measurer.Measure(bench.TwelveInstallments);
        yield return QuickLine.AtMostTime("RepaymentSchedule.Compute, 12 weekly installments", m, BudgetNanoseconds);
        yield return QuickLine.Context("  allocated per schedule", QuickLine.Bytes(m.BytesPerOperation));
    }
}

/// <summary>Quick-mode figures for PORT-01 over one million loans.</summary>
[QuickOrder(50)]
public sealed class PortfolioQuick : IQuickSuite
{
    /// <summary>Budget: milliseconds for one evaluation of the whole book.</summary>
    public const double BudgetNanoseconds = 200e6;

    /// <inheritdoc />
    public string Name => "LAR/PAR/RR over 1 million loans (PORT-01)";

    /// <inheritdoc />
    public IEnumerable<QuickLine> Run(Measurer measurer)
    {
        var bench = new PortfolioBenchmarks();
        bench.Setup();
        var m = measurer.MeasureLong(bench.IndicatorsAsOf, times: 7);
        yield return QuickLine.AtMostTime($"LoanBook.Evaluate as of a date, {bench.Book.Count:N0} loans, {bench.Book.PaymentCount:N0} payments", m, BudgetNanoseconds);
        yield return QuickLine.Context("  per loan", QuickLine.Time(QuickLine.Judged(m) / bench.Book.Count), $"allocated {QuickLine.Bytes(m.BytesPerOperation)} per evaluation");
    }
}
