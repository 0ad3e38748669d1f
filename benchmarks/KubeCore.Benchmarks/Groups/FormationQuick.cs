using KubeCore.Benchmarks.Quick;

namespace KubeCore.Benchmarks.Groups;

/// <summary>Quick-mode figures for the formation check.</summary>
[QuickOrder(20)]
public sealed class FormationQuick : IQuickSuite
{
    /// <summary>Budget: nanoseconds per formation check.</summary>
    public const double BudgetNanoseconds = 5_000;

    /// <summary>Budget: bytes allocated per formation check.</summary>
    public const double BudgetBytes = 4 * 1024;

    /// <inheritdoc />
    public string Name => "Formation check of a 10-member group (GRP-01..04, MEM-01..05)";

    /// <inheritdoc />
    public IEnumerable<QuickLine> Run(Measurer measurer)
    {
        var bench = new FormationBenchmarks();
        bench.Setup();
        var m = measurer.Measure(bench.EvaluateProposal);
        yield return QuickLine.AtMostTime("Group.EvaluateProposal, 10 founders, KubePermensos2019", m, BudgetNanoseconds);
        yield return QuickLine.AtMostBytes("  allocation per check", m, BudgetBytes, "check");
    }
}
