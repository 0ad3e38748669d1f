using KubeCore.Benchmarks.Quick;

namespace KubeCore.Benchmarks.Households;

/// <summary>Quick-mode figures for POV-01.</summary>
[QuickOrder(10)]
public sealed class BpsAssessmentQuick : IQuickSuite
{
    /// <summary>Budget: households assessed per second on one thread.</summary>
    public const double BudgetPerSecond = 10_000_000;

    /// <inheritdoc />
    public string Name => "BPS 14-criteria assessment (POV-01)";

    /// <inheritdoc />
    public IEnumerable<QuickLine> Run(Measurer measurer)
    {
        var bench = new BpsAssessmentBenchmarks();
        bench.Setup();
        var m = measurer.Measure(bench.AssessAll, BpsAssessmentBenchmarks.Households);
        yield return QuickLine.AtLeastPerSecond("BpsPovertyAssessor.AssessAll, 100 000 varied households", m, BudgetPerSecond, "households");
        yield return QuickLine.AtMostBytes("  allocation per household", m, 0, "household");
    }
}
