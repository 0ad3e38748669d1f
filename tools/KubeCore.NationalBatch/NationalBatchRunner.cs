using System.Diagnostics;
using System.Globalization;
using KubeCore.Loans;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.NationalBatch;

/// <summary>The outcome of a run: totals, wall time and peak memory.</summary>
/// <param name="Options">The options run.</param>
/// <param name="Totals">The merged totals.</param>
/// <param name="Elapsed">Wall time of the simulation (process start-up excluded).</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set (VmHWM on Linux).</param>
/// <param name="AsOf">The as-of date of collectibility and portfolio.</param>
/// <param name="Profile">The profile applied.</param>
/// <param name="Breakdown">The merged section costs when <see cref="BatchOptions.Breakdown"/> was set.</param>
internal sealed record BatchResult(BatchOptions Options, WorkerTotals Totals, TimeSpan Elapsed, long PeakWorkingSetBytes, LocalDate AsOf, ProgramProfile Profile, Breakdown? Breakdown)
{
    public PortfolioIndicator LoanAtRisk => PortfolioIndicators.LoanAtRisk(Totals.PortfolioAtRisk, Totals.PortfolioActive, Profile.Portfolio);

    public PortfolioIndicator PortfolioAtRisk => PortfolioIndicators.PortfolioAtRisk(
        KubeCore.Common.Rupiah.Of(Totals.PortfolioAtRiskPrincipal), KubeCore.Common.Rupiah.Of(Totals.PortfolioOutstanding), Profile.Portfolio);

    public PortfolioIndicator RepaymentRate => PortfolioIndicators.RepaymentRate(
        KubeCore.Common.Rupiah.Of(Totals.PortfolioArrearsPrincipal), KubeCore.Common.Rupiah.Of(Totals.PortfolioOutstanding), Profile.Portfolio);

    /// <summary>True when the per-loan collectibility (COL-01) and the loan book's breakdown agree, chains verify and SAV-03 held.</summary>
    public bool IsConsistent =>
        Totals.ChainFailures == 0 && Totals.ConservationFailures == 0
        && Totals.KolLoans.AsSpan().SequenceEqual(Totals.PortfolioKolLoans)
        && Totals.Groups == Options.Groups
        && Totals.WeeksChecked == (long)Options.Groups * Options.Weeks;

    public bool WithinTime => Elapsed.TotalSeconds <= Options.BudgetSeconds;

    public bool WithinMemory => PeakWorkingSetBytes <= Options.BudgetPeakBytes;
}

/// <summary>
/// Runs the national batch: groups are simulated in work items of <see cref="BatchOptions.GroupsPerBatch"/> on
/// <see cref="BatchOptions.Threads"/> dedicated threads. Nothing outlives its work item except the running totals: a
/// group's ledger, meetings and loan accounts are dropped when the group is done, and a work item's loan book when its
/// portfolio figures are added. Every PORT-01 ratio is a ratio of sums, so adding per-batch sums is exact.
/// </summary>
internal static class NationalBatchRunner
{
    /// <summary>The first day of the simulated year (a Monday, the profile's first day of the week).</summary>
    public static readonly LocalDate Start = new(2025, 1, 6);

    public static BatchResult Run(BatchOptions options, TextWriter output)
    {
        var profile = ProgramProfiles.KsmP2kp;
        var clock = Stopwatch.StartNew();
        var batches = (options.Groups + options.GroupsPerBatch - 1) / options.GroupsPerBatch;
        var next = -1;
        long groupsDone = 0;
        long entriesDone = 0;
        var workers = new WorkerTotals[options.Threads];
        var clocks = new Breakdown?[options.Threads];
        var errors = new List<Exception>();
        var threads = new Thread[options.Threads];
        LocalDate asOf = default;
        for (var t = 0; t < options.Threads; t++)
        {
            var totals = workers[t] = new WorkerTotals();
            var sections = clocks[t] = options.Breakdown ? new Breakdown() : null;
            var simulator = new GroupSimulator(options, profile, Start);
            asOf = simulator.AsOf;
            threads[t] = new Thread(() =>
            {
                try
                {
                    int batch;
                    while ((batch = Interlocked.Increment(ref next)) < batches)
                    {
                        var first = (long)batch * options.GroupsPerBatch;
                        var last = Math.Min(options.Groups, first + options.GroupsPerBatch);
                        var book = new LoanBook.Builder();
                        var entriesBefore = totals.Entries;
                        for (var g = first; g < last; g++)
                        {
                            simulator.Simulate(g, totals, book, sections);
                        }
                        sections?.Start();
                        totals.Add(book.Build().Evaluate(simulator.AsOf, profile));
                        sections?.Mark(Section.PortfolioBook);
                        Interlocked.Add(ref groupsDone, last - first);
                        Interlocked.Add(ref entriesDone, totals.Entries - entriesBefore);
                    }
                }
                catch (Exception e)
                {
                    lock (errors)
                    {
                        errors.Add(e);
                    }
                    Interlocked.Exchange(ref next, batches);
                }
            })
            {
                Name = $"batch-worker-{t}",
                IsBackground = true,
            };
        }

        output.WriteLine($"National batch: {options.Groups:N0} groups × {options.Members} members × {options.Weeks} weeks, profile {profile.Id}, "
            + $"{options.Threads} threads, {options.GroupsPerBatch} groups per work item, seed {options.Seed}");
        foreach (var thread in threads)
        {
            thread.Start();
        }
        var progressEvery = options.ProgressSeconds > 0 ? TimeSpan.FromSeconds(options.ProgressSeconds) : Timeout.InfiniteTimeSpan;
        foreach (var thread in threads)
        {
            while (!thread.Join(progressEvery))
            {
                var done = Interlocked.Read(ref groupsDone);
                var entries = Interlocked.Read(ref entriesDone);
                using var self = Process.GetCurrentProcess();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {clock.Elapsed.TotalSeconds,6:0.0} s  {done,9:N0} groups ({100.0 * done / options.Groups,5:0.0} %)  {entries,13:N0} entries  "
                    + $"{entries / clock.Elapsed.TotalSeconds / 1e6,5:0.00} M entries/s  working set {self.WorkingSet64 / (double)(1 << 30):0.00} GB"));
            }
        }
        clock.Stop();
        if (errors.Count > 0)
        {
            throw new AggregateException("A batch worker failed.", errors);
        }

        var merged = new WorkerTotals();
        foreach (var worker in workers)
        {
            merged.Merge(worker);
        }
        Breakdown? breakdown = null;
        foreach (var c in clocks)
        {
            if (c is not null)
            {
                (breakdown ??= new Breakdown()).Merge(c);
            }
        }
        using var process = Process.GetCurrentProcess();
        return new BatchResult(options, merged, clock.Elapsed, process.PeakWorkingSet64, asOf, profile, breakdown);
    }
}
