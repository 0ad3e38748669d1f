using System.Diagnostics;

namespace KubeCore.Benchmarks.Quick;

/// <summary>The figures of one measured operation: medians over the repetitions.</summary>
/// <param name="NanosecondsPerOperation">Median wall time per operation, in nanoseconds.</param>
/// <param name="MinNanosecondsPerOperation">Fastest repetition, in nanoseconds per operation.</param>
/// <param name="MaxNanosecondsPerOperation">Slowest repetition, in nanoseconds per operation.</param>
/// <param name="BytesPerOperation">Median bytes allocated on the measuring thread per operation.</param>
/// <param name="Repetitions">How many timed repetitions the medians are taken over.</param>
/// <param name="OperationsPerRepetition">Operations in one repetition.</param>
/// <param name="CpuNanosecondsPerOperation">Median thread CPU time per operation, in nanoseconds (0 when the clock is unavailable).</param>
public sealed record Measurement(
    double NanosecondsPerOperation,
    double MinNanosecondsPerOperation,
    double MaxNanosecondsPerOperation,
    double BytesPerOperation,
    int Repetitions,
    long OperationsPerRepetition,
    double CpuNanosecondsPerOperation)
{
    /// <summary>Operations per second at the median.</summary>
    public double OperationsPerSecond => 1e9 / NanosecondsPerOperation;

    /// <summary>Milliseconds per operation at the median.</summary>
    public double MillisecondsPerOperation => NanosecondsPerOperation / 1e6;
}

/// <summary>Where measured results go so the JIT cannot drop the work that made them.</summary>
/// <typeparam name="T">The result type.</typeparam>
public static class Sink<T>
{
    /// <summary>The last result.</summary>
    public static T? Value;
}

/// <summary>
/// A Stopwatch runner for the quick mode: warms the operation up (so tiered compilation reaches its
/// optimised code), sizes a repetition to <see cref="RepetitionTarget"/>, then times
/// <see cref="Repetitions"/> repetitions and reports medians. Allocation is read with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>, which counts every byte allocated by the thread.
/// </summary>
public sealed class Measurer
{
    /// <summary>Minimum wall time spent warming each operation up.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Maximum wall time spent warming each operation up.</summary>
    public TimeSpan MaxWarmUp { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Target wall time of one timed repetition.</summary>
    public TimeSpan RepetitionTarget { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Timed repetitions per operation (odd, so the median is one of them).</summary>
    public int Repetitions { get; init; } = 9;

    /// <summary>
    /// Measures <paramref name="operation"/>, each call of which performs <paramref name="operationsPerCall"/>
    /// operations (e.g. a loop over 100 000 households).
    /// </summary>
    public Measurement Measure<T>(Func<T> operation, long operationsPerCall = 1)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentOutOfRangeException.ThrowIfLessThan(operationsPerCall, 1);
        Settle();

        // Warm-up until tiered compilation has settled: rounds of about 50 ms, for at least WarmUp, until three
        // rounds in a row no longer beat the best round by 3 % (at most MaxWarmUp). Dynamic PGO goes through an
        // instrumented tier before the optimised one, and on a busy machine the background JIT lags.
        var warm = Stopwatch.StartNew();
        var best = double.MaxValue;
        var stableRounds = 0;
        var secondsPerCall = 0.0;
        while (warm.Elapsed < MaxWarmUp)
        {
            var round = Stopwatch.StartNew();
            long calls = 0;
            do
            {
                Sink<T>.Value = operation();
                calls++;
            }
            while (round.Elapsed < TimeSpan.FromMilliseconds(50));
            secondsPerCall = round.Elapsed.TotalSeconds / calls;
            stableRounds = secondsPerCall < best * 0.97 ? 0 : stableRounds + 1;
            best = Math.Min(best, secondsPerCall);
            if (warm.Elapsed >= WarmUp && stableRounds >= 3)
            {
                break;
            }
        }
        var callsPerRepetition = Math.Max(1, (long)Math.Round(RepetitionTarget.TotalSeconds / best));

        var nanos = new double[Repetitions];
        var cpu = new double[Repetitions];
        var bytes = new double[Repetitions];
        var ops = callsPerRepetition * operationsPerCall;
        for (var r = 0; r < Repetitions; r++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = ThreadCpuClock.Nanoseconds();
            var start = Stopwatch.GetTimestamp();
            for (long c = 0; c < callsPerRepetition; c++)
            {
                Sink<T>.Value = operation();
            }
            var end = Stopwatch.GetTimestamp();
            var cpuAfter = ThreadCpuClock.Nanoseconds();
            var allocatedAfter = GC.GetAllocatedBytesForCurrentThread();
            nanos[r] = (end - start) * (1e9 / Stopwatch.Frequency) / ops;
            cpu[r] = (double)(cpuAfter - cpuBefore) / ops;
            bytes[r] = (double)(allocatedAfter - allocatedBefore) / ops;
        }
        return new Measurement(Median(nanos), nanos.Min(), nanos.Max(), Median(bytes), Repetitions, ops, Median(cpu));
    }

    /// <summary>Times a single long-running operation <paramref name="times"/> times (after untimed warm-up calls for at least <see cref="WarmUp"/>) and reports medians.</summary>
    public Measurement MeasureLong<T>(Func<T> operation, int times, long operationsPerCall = 1)
    {
        ArgumentNullException.ThrowIfNull(operation);
        Settle();
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warm.Elapsed < WarmUp; i++)
        {
            Sink<T>.Value = operation();
        }
        var nanos = new double[times];
        var cpu = new double[times];
        var bytes = new double[times];
        for (var r = 0; r < times; r++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = ThreadCpuClock.Nanoseconds();
            var start = Stopwatch.GetTimestamp();
            Sink<T>.Value = operation();
            var end = Stopwatch.GetTimestamp();
            var cpuAfter = ThreadCpuClock.Nanoseconds();
            var allocatedAfter = GC.GetAllocatedBytesForCurrentThread();
            nanos[r] = (end - start) * (1e9 / Stopwatch.Frequency) / operationsPerCall;
            cpu[r] = (double)(cpuAfter - cpuBefore) / operationsPerCall;
            bytes[r] = (double)(allocatedAfter - allocatedBefore) / operationsPerCall;
        }
        return new Measurement(Median(nanos), nanos.Min(), nanos.Max(), Median(bytes), times, operationsPerCall, Median(cpu));
    }

    /// <summary>
    /// Measures two operations for a fair comparison: each is warmed up, then their timed repetitions alternate
    /// (A, B, A, B, ...), so drift on a shared machine (another process, frequency, a timer tick) hits both alike.
    /// </summary>
    public (Measurement A, Measurement B) MeasurePair<T>(Func<T> a, Func<T> b, long operationsPerCall = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var warmA = Measure(a, operationsPerCall);
        var warmB = Measure(b, operationsPerCall);
        var calls = Math.Max(1, warmA.OperationsPerRepetition / operationsPerCall);
        var ops = calls * operationsPerCall;
        var nanos = new double[2, Repetitions];
        var cpu = new double[2, Repetitions];
        var bytes = new double[2, Repetitions];
        for (var r = 0; r < Repetitions; r++)
        {
            for (var which = 0; which < 2; which++)
            {
                var operation = which == 0 ? a : b;
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var cpuBefore = ThreadCpuClock.Nanoseconds();
                var start = Stopwatch.GetTimestamp();
                for (long c = 0; c < calls; c++)
                {
                    Sink<T>.Value = operation();
                }
                var end = Stopwatch.GetTimestamp();
                var cpuAfter = ThreadCpuClock.Nanoseconds();
                var allocatedAfter = GC.GetAllocatedBytesForCurrentThread();
                nanos[which, r] = (end - start) * (1e9 / Stopwatch.Frequency) / ops;
                cpu[which, r] = (double)(cpuAfter - cpuBefore) / ops;
                bytes[which, r] = (double)(allocatedAfter - allocatedBefore) / ops;
            }
        }
        Measurement Of(int which)
        {
            var n = Enumerable.Range(0, Repetitions).Select(r => nanos[which, r]).ToArray();
            var c = Enumerable.Range(0, Repetitions).Select(r => cpu[which, r]).ToArray();
            var b = Enumerable.Range(0, Repetitions).Select(r => bytes[which, r]).ToArray();
            return new Measurement(Median(n), n.Min(), n.Max(), Median(b), Repetitions, ops, Median(c));
        }
        _ = warmB;
        return (Of(0), Of(1));
    }

    /// <summary>
    /// A full blocking collection before each figure (as BenchmarkDotNet forces one between iterations): the garbage an
    /// earlier figure left (a dead 1 000 000-entry ledger, a 1 M-loan book) is not collected, at random, inside this one.
    /// </summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
