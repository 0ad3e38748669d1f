using KubeCore.Benchmarks.Quick;

namespace KubeCore.Benchmarks.Compliance;

/// <summary>Quick-mode figures for the five basic rules (no budget of its own: it is a share of the national batch).</summary>
[QuickOrder(60)]
public sealed class FiveBasicRulesQuick : IQuickSuite
{
    /// <inheritdoc />
    public string Name => "Five basic rules (one group week)";

    /// <inheritdoc />
    public IEnumerable<QuickLine> Run(Measurer measurer)
    {
        var bench = new FiveBasicRulesBenchmarks();
        bench.Setup();
        var m = measurer.Measure(bench.CheckWeek);
        yield return new QuickLine("FiveBasicRules.Check, 10 members, 3 installments due", QuickLine.Time(QuickLine.Judged(m)), "-", Verdict.Info, QuickLine.Spread(m));
        yield return QuickLine.Context("  allocated per week checked", QuickLine.Bytes(m.BytesPerOperation));
    }
}
