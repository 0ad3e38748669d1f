using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace KubeCore.Benchmarks.Quick;

/// <summary>
/// The <c>--quick</c> mode: runs every hot-path suite with the <see cref="Measurer"/>, prints each figure
/// next to its budget with PASS or FAIL, and returns a non-zero exit code on any FAIL (or on a suite that
/// throws). Budgets are stated for a Release build, so a Debug build fails outright.
/// </summary>
public static class QuickRunner
{
    /// <summary>Runs the suites whose name contains one of <paramref name="filters"/> (all when empty).</summary>
    /// <returns>0 when every figure passed, 1 otherwise.</returns>
    public static int Run(IReadOnlyList<IQuickSuite> suites, IReadOnlyList<string> filters, Measurer measurer, TextWriter output)
    {
        var total = Stopwatch.StartNew();
        output.WriteLine($"KubeCore quick benchmarks, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        output.WriteLine($"  {MachineDescription()}");
        output.WriteLine($"  load average before: {LoadAverage()}  (figures are medians of {measurer.Repetitions} repetitions; budgets judged on {(QuickLine.JudgeOnCpuTime ? "thread CPU time (--cpu-time)" : "wall time")})");
        if (IsDebugBuild())
        {
            output.WriteLine("FAIL: the budgets are for a Release build; run with -c Release.");
            return 1;
        }

        var selected = suites.Where(s => filters.Count == 0 || filters.Any(f => s.Name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();
        var failures = 0;
        var passes = 0;
        foreach (var suite in selected)
        {
            output.WriteLine();
            output.WriteLine($"== {suite.Name}");
            var suiteClock = Stopwatch.StartNew();
            try
            {
                foreach (var line in suite.Run(measurer))
                {
                    Print(line, output);
                    if (line.Verdict == Verdict.Fail)
                    {
                        failures++;
                    }
                    else if (line.Verdict == Verdict.Pass)
                    {
                        passes++;
                    }
                }
            }
            catch (Exception e)
            {
                failures++;
                output.WriteLine($"   FAIL  the suite threw {e.GetType().Name}: {e.Message}");
            }
            output.WriteLine($"   ({suiteClock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
        }

        output.WriteLine();
        output.WriteLine($"load average after: {LoadAverage()}");
        output.WriteLine($"{passes} within budget, {failures} over budget; quick mode took {total.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>"AMD EPYC, 2 logical cores, Linux ..., .NET 10.0.x, x64".</summary>
    public static string MachineDescription() =>
        $"{CpuModel()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}";

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg, or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown CPU";
        }
    }

    private static bool IsDebugBuild() =>
        typeof(KubeCore.Common.Rupiah).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true
        || typeof(QuickRunner).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;

    private static void Print(QuickLine line, TextWriter output)
    {
        var verdict = line.Verdict switch
        {
            Verdict.Pass => "PASS",
            Verdict.Fail => "FAIL",
            _ => "info",
        };
        output.WriteLine($"   {verdict}  {line.Figure,-58} {line.Value,16}   budget {line.Budget,-16} {line.Detail}");
    }
}
