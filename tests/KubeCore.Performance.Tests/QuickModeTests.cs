using KubeCore.Benchmarks.Quick;

namespace KubeCore.Performance.Tests;

/// <summary>The quick mode's verdicts and exit code (timings themselves are not asserted: CI machines are shared).</summary>
public class QuickModeTests
{
    private static Measurement Measured(double nanoseconds, double bytes) => new(nanoseconds, nanoseconds, nanoseconds, bytes, 9, 1000, nanoseconds);

    [Fact]
    public void A_throughput_passes_at_or_above_its_budget_and_fails_below()
    {
        QuickLine.AtLeastPerSecond("x", Measured(100, 0), 10_000_000, "items").Verdict.ShouldBe(Verdict.Pass);
        QuickLine.AtLeastPerSecond("x", Measured(101, 0), 10_000_000, "items").Verdict.ShouldBe(Verdict.Fail);
    }

    [Fact]
    public void Time_and_allocation_budgets_are_upper_bounds()
    {
        QuickLine.AtMostTime("x", Measured(2_000, 0), 2_000).Verdict.ShouldBe(Verdict.Pass);
        QuickLine.AtMostTime("x", Measured(2_001, 0), 2_000).Verdict.ShouldBe(Verdict.Fail);
        QuickLine.AtMostBytes("x", Measured(1, 0), 0, "op").Verdict.ShouldBe(Verdict.Pass);
        QuickLine.AtMostBytes("x", Measured(1, 0.5), 0, "op").Verdict.ShouldBe(Verdict.Fail);
    }

    [Fact]
    public void The_runner_exits_non_zero_on_any_fail_and_on_a_suite_that_throws()
    {
        var fast = new Measurer { WarmUp = TimeSpan.Zero, MaxWarmUp = TimeSpan.FromMilliseconds(1), RepetitionTarget = TimeSpan.FromMilliseconds(1), Repetitions = 3 };

        QuickRunner.Run([new FixedSuite(Verdict.Pass)], [], fast, TextWriter.Null).ShouldBe(0);
        QuickRunner.Run([new FixedSuite(Verdict.Pass), new FixedSuite(Verdict.Fail)], [], fast, TextWriter.Null).ShouldBe(1);
        QuickRunner.Run([new ThrowingSuite()], [], fast, TextWriter.Null).ShouldBe(1);
        QuickRunner.Run([new FixedSuite(Verdict.Fail)], ["nothing matches"], fast, TextWriter.Null).ShouldBe(0);
    }

    [Fact]
    public void The_measurer_reports_allocation_per_operation()
    {
        var measurer = new Measurer { WarmUp = TimeSpan.Zero, MaxWarmUp = TimeSpan.FromMilliseconds(20), RepetitionTarget = TimeSpan.FromMilliseconds(5), Repetitions = 3 };

        var none = measurer.Measure(() => 42);
        var some = measurer.Measure(() => new byte[1000]);

        none.BytesPerOperation.ShouldBe(0);
        some.BytesPerOperation.ShouldBeInRange(1000, 1100);
        some.NanosecondsPerOperation.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_pair_is_measured_with_alternating_repetitions()
    {
        var measurer = new Measurer { WarmUp = TimeSpan.Zero, MaxWarmUp = TimeSpan.FromMilliseconds(20), RepetitionTarget = TimeSpan.FromMilliseconds(5), Repetitions = 3 };

        var shared = new byte[1];
        var (a, b) = measurer.MeasurePair(() => shared, () => new byte[100]);

        a.BytesPerOperation.ShouldBe(0);
        b.BytesPerOperation.ShouldBeInRange(100, 150);
        a.OperationsPerRepetition.ShouldBe(b.OperationsPerRepetition);
    }

    [Fact]
    public void Every_suite_of_the_benchmarks_is_found_in_order() =>
        KubeCore.Benchmarks.Program.QuickSuites.Select(s => s.Name).ShouldContain(n => n.StartsWith("Five basic rules", StringComparison.Ordinal));

    private sealed class FixedSuite(Verdict verdict) : IQuickSuite
    {
        public string Name => "fixed " + verdict;

        public IEnumerable<QuickLine> Run(Measurer measurer)
        {
            yield return new QuickLine("figure", "1", "1", verdict);
        }
    }

    private sealed class ThrowingSuite : IQuickSuite
    {
        public string Name => "throwing";

        public IEnumerable<QuickLine> Run(Measurer measurer) => throw new InvalidOperationException("boom");
    }
}
