using System.Reflection;
using BenchmarkDotNet.Running;
using KubeCore.Benchmarks.Quick;

namespace KubeCore.Benchmarks;

/// <summary>
/// Entry point. <c>--quick [--cpu-time] [--filter text]...</c> runs the Stopwatch quick mode with budgets (exit code 1 on any
/// FAIL); anything else goes to BenchmarkDotNet (e.g. <c>--filter '*Schedule*'</c>).
/// </summary>
public static class Program
{
    /// <summary>
    /// The quick-mode suites of this assembly, in <see cref="QuickOrderAttribute"/> order. Found by reflection, so a new
    /// suite needs only to implement <see cref="IQuickSuite"/> and carry its order.
    /// </summary>
    public static IReadOnlyList<IQuickSuite> QuickSuites { get; } = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IQuickSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.GetCustomAttribute<QuickOrderAttribute>()?.Order ?? int.MaxValue)
        .ThenBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (IQuickSuite)Activator.CreateInstance(t)!)
        .ToList();

    /// <summary>Runs the quick mode or BenchmarkDotNet.</summary>
    public static int Main(string[] args)
    {
        if (args.Contains("--quick"))
        {
            var filters = new List<string>();
            for (var i = 0; i < args.Length - 1; i++)
            {
                if (args[i] == "--filter")
                {
                    filters.Add(args[i + 1]);
                }
            }
            QuickLine.JudgeOnCpuTime = args.Contains("--cpu-time");
            return QuickRunner.Run(QuickSuites, filters, new Measurer(), Console.Out);
        }
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
