using System.Globalization;

namespace KubeCore.Benchmarks.Quick;

/// <summary>How a figure compares with its budget.</summary>
public enum Verdict
{
    /// <summary>Within budget.</summary>
    Pass,

    /// <summary>Over budget.</summary>
    Fail,

    /// <summary>No budget: a figure printed for context (e.g. the hardware baseline).</summary>
    Info,
}

/// <summary>One printed figure: what was measured, the value, the budget and the verdict.</summary>
/// <param name="Figure">What was measured.</param>
/// <param name="Value">The measured value, formatted with its unit.</param>
/// <param name="Budget">The budget, formatted with its unit ("-" when none).</param>
/// <param name="Verdict">Pass, fail or info.</param>
/// <param name="Detail">Spread and sample size, or a note.</param>
public sealed record QuickLine(string Figure, string Value, string Budget, Verdict Verdict, string Detail = "")
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// When true (<c>--cpu-time</c>), time budgets are judged on the thread's CPU time rather than wall time: on a machine
    /// shared with other work, wall time also counts the time the thread waited for a core. Default: wall time.
    /// </summary>
    public static bool JudgeOnCpuTime { get; set; }

    /// <summary>The figure a budget is judged on: the median wall time, or the median CPU time with <see cref="JudgeOnCpuTime"/>.</summary>
    public static double Judged(Measurement m) =>
        JudgeOnCpuTime && m.CpuNanosecondsPerOperation > 0 ? m.CpuNanosecondsPerOperation : m.NanosecondsPerOperation;

    /// <summary>A throughput figure with a lower bound, in operations per second.</summary>
    public static QuickLine AtLeastPerSecond(string figure, Measurement m, double budgetPerSecond, string unit)
    {
        var perSecond = 1e9 / Judged(m);
        return new(figure, Rate(perSecond, unit), "≥ " + Rate(budgetPerSecond, unit),
            perSecond >= budgetPerSecond ? Verdict.Pass : Verdict.Fail, Spread(m));
    }

    /// <summary>A time figure with an upper bound, in nanoseconds per operation.</summary>
    public static QuickLine AtMostTime(string figure, Measurement m, double budgetNanoseconds) =>
        new(figure, Time(Judged(m)), "≤ " + Time(budgetNanoseconds),
            Judged(m) <= budgetNanoseconds ? Verdict.Pass : Verdict.Fail, Spread(m));

    /// <summary>
    /// A time figure with an upper bound judged on wall time even with <see cref="JudgeOnCpuTime"/>: for an operation that
    /// waits on another process (a database server) or finishes on pool threads, the measuring thread's CPU time
    /// leaves part of it out. <paramref name="why"/> says so on the line.
    /// </summary>
    public static QuickLine AtMostWallTime(string figure, Measurement m, double budgetNanoseconds, string why) =>
        new(figure, Time(m.NanosecondsPerOperation), "≤ " + Time(budgetNanoseconds),
            m.NanosecondsPerOperation <= budgetNanoseconds ? Verdict.Pass : Verdict.Fail, Spread(m) + "; " + why);

    /// <summary>An allocation figure with an upper bound, in bytes per operation.</summary>
    public static QuickLine AtMostBytes(string figure, Measurement m, double budgetBytes, string per) =>
        new(figure, Bytes(m.BytesPerOperation) + "/" + per, "≤ " + Bytes(budgetBytes) + "/" + per,
            m.BytesPerOperation <= budgetBytes ? Verdict.Pass : Verdict.Fail, $"median of {m.Repetitions}");

    /// <summary>A figure printed for context, with no budget.</summary>
    public static QuickLine Context(string figure, string value, string detail = "") => new(figure, value, "-", Verdict.Info, detail);

    /// <summary>"23.4 M households/s".</summary>
    public static string Rate(double perSecond, string unit) => perSecond switch
    {
        >= 1e9 => (perSecond / 1e9).ToString("0.00", Invariant) + " G " + unit + "/s",
        >= 1e6 => (perSecond / 1e6).ToString("0.00", Invariant) + " M " + unit + "/s",
        >= 1e3 => (perSecond / 1e3).ToString("0.00", Invariant) + " k " + unit + "/s",
        _ => perSecond.ToString("0.0", Invariant) + " " + unit + "/s",
    };

    /// <summary>"1.23 µs".</summary>
    public static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => (nanoseconds / 1e9).ToString("0.00", Invariant) + " s",
        >= 1e6 => (nanoseconds / 1e6).ToString("0.00", Invariant) + " ms",
        >= 1e3 => (nanoseconds / 1e3).ToString("0.00", Invariant) + " µs",
        _ => nanoseconds.ToString("0.0", Invariant) + " ns",
    };

    /// <summary>"3.2 KB" (1 KB = 1024 bytes).</summary>
    public static string Bytes(double bytes) => bytes switch
    {
        >= 1 << 30 => (bytes / (1 << 30)).ToString("0.00", Invariant) + " GB",
        >= 1 << 20 => (bytes / (1 << 20)).ToString("0.00", Invariant) + " MB",
        >= 1 << 10 => (bytes / (1 << 10)).ToString("0.00", Invariant) + " KB",
        _ => bytes.ToString("0.#", Invariant) + " B",
    };

    /// <summary>"wall 1.2 µs [1.1 … 1.9], cpu 1.1 µs per op, 9 × 100,000 ops".</summary>
    public static string Spread(Measurement m) =>
        $"wall {Time(m.NanosecondsPerOperation)} [{Time(m.MinNanosecondsPerOperation)} … {Time(m.MaxNanosecondsPerOperation)}]"
        + (m.CpuNanosecondsPerOperation > 0 ? $", cpu {Time(m.CpuNanosecondsPerOperation)}" : string.Empty)
        + $" per op, {m.Repetitions} × {m.OperationsPerRepetition.ToString("N0", Invariant)}";
}

/// <summary>A group of figures measured together (one hot path).</summary>
public interface IQuickSuite
{
    /// <summary>The hot path's name, also the <c>--filter</c> key.</summary>
    string Name { get; }

    /// <summary>Sets up, measures and yields the figures as they are produced.</summary>
    IEnumerable<QuickLine> Run(Measurer measurer);
}

/// <summary>Where a suite is printed in the quick mode (ascending).</summary>
/// <param name="order">The position; suites without the attribute come last.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class QuickOrderAttribute(int order) : Attribute
{
    /// <summary>The position.</summary>
    public int Order { get; } = order;
}
