using KubeCore.Benchmarks.Baseline;
using KubeCore.Benchmarks.Quick;

namespace KubeCore.Benchmarks.Savings;

/// <summary>Quick-mode figures for the ledger: append throughput, balance reads at two sizes, and the hardware floor.</summary>
[QuickOrder(30)]
public sealed class LedgerQuick : IQuickSuite
{
    /// <summary>
    /// Budget: entries appended per second on one thread. Re-set on 2026-12-07 (issue 11) from ≥ 1 000 000 to the measured
    /// median + 20 % (1.08 µs × 1.2 ≈ 1.30 µs, i.e. ≥ 770 000/s) once SHA-256 went through the BCL instead of OpenSSL
    /// called directly (no unsafe code, no P/Invoke): the BCL hash alone costs ≈ 0.5–1 µs per entry here.
    /// See docs/PERFORMANCE.md.
    /// </summary>
    public const double AppendBudgetPerSecond = 770_000;

    /// <summary>"Costs the same": the large ledger's read may be at most this many times the small one's (noise allowance).</summary>
    public const double SameCostTolerance = 1.5;

    /// <inheritdoc />
    public string Name => "Ledger append with hash chaining, balance reads";

    /// <inheritdoc />
    public IEnumerable<QuickLine> Run(Measurer measurer)
    {
        // The append and the week first, with only the group set up: the read figures' 1 000 000-entry ledger (≈ 200 MB)
        // is built after them, so its collections are not measured as the append's cost (its effect is printed below).
        var bench = new LedgerBenchmarks();
        bench.SetupGroup();
        var append = measurer.Measure(bench.AppendDeposits, LedgerBenchmarks.AppendBatch);
        yield return QuickLine.AtLeastPerSecond("Ledger.Deposit append (SHA-256 chained, SAV-02/03 checked)", append, AppendBudgetPerSecond, "entries");
        yield return QuickLine.Context("  allocated per entry appended", QuickLine.Bytes(append.BytesPerOperation) + "/entry");

        var week = measurer.Measure(bench.CloseWeeks, LedgerBenchmarks.WeeksPerCall);
        // The append median comes from 10 000-entry ledgers and swings with where the GC falls; when it swings above a
        // small ledger's deposits the difference says nothing, so it is not printed as a (negative) close cost.
        var closeBeyond = QuickLine.Judged(week) - (10 * QuickLine.Judged(append));
        var closeText = closeBeyond > 0
            ? $"close ≈ {QuickLine.Time(closeBeyond)} beyond 10 appends"
            : "close not separable from this run's append median";
        yield return QuickLine.Context("A group week: 10 deposits + week close", QuickLine.Time(QuickLine.Judged(week)),
            $"{closeText}; {QuickLine.Bytes(week.BytesPerOperation)} per week");

        bench.Setup();
        var appendBeside = measurer.Measure(bench.AppendDeposits, LedgerBenchmarks.AppendBatch);
        yield return QuickLine.Context($"  the same append beside the {bench.Large.Count:N0}-entry ledger (a large live heap)", QuickLine.Time(QuickLine.Judged(appendBeside)),
            $"{QuickLine.Judged(appendBeside) / QuickLine.Judged(append):0.00} × the append alone; {QuickLine.Spread(appendBeside)}");

        var (small, large) = measurer.MeasurePair(bench.BalanceReadsSmallLedger, bench.BalanceReadsLargeLedger, LedgerBenchmarks.ReadBatch);
        yield return QuickLine.Context($"Member balance read, ledger of {bench.Small.Count:N0} entries", QuickLine.Time(QuickLine.Judged(small)), QuickLine.Spread(small));
        yield return QuickLine.Context($"Member balance read, ledger of {bench.Large.Count:N0} entries", QuickLine.Time(QuickLine.Judged(large)), QuickLine.Spread(large));
        var ratio = QuickLine.Judged(large) / QuickLine.Judged(small);
        yield return new QuickLine("Balance read: large / small ledger cost", ratio.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " ×",
            "≤ " + SameCostTolerance.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " ×", ratio <= SameCostTolerance ? Verdict.Pass : Verdict.Fail, "O(1): same cost at both sizes (repetitions alternate)");
        yield return QuickLine.AtMostBytes("Balance read allocation (large ledger)", large, 0, "read");

        // Hardware floor over the same bytes as the appended entries.
        var entryBytes = AverageCanonicalBytes(bench.Small);
        var entries = bench.Large.Count;
        var bytes = MemoryBaseline.RandomBytes((long)entryBytes * entries);
        var stream = measurer.MeasureLong(() => MemoryBaseline.Sum(bytes), times: 5, operationsPerCall: entries);
        yield return QuickLine.Context($"  floor: streaming sum over {QuickLine.Bytes(bytes.Length)} ({entries:N0} × {entryBytes} B)", QuickLine.Rate(1e9 / QuickLine.Judged(stream), "entries"),
            $"{entryBytes / QuickLine.Judged(stream):0.0} GB/s");
        var hash = measurer.Measure(() => MemoryBaseline.HashChain(bytes.AsSpan(0, entryBytes * LedgerBenchmarks.AppendBatch), entryBytes), LedgerBenchmarks.AppendBatch);
        yield return QuickLine.Context("  floor: bare SHA-256 chain over the same bytes (the ledger's own BCL SHA-256)", QuickLine.Rate(1e9 / QuickLine.Judged(hash), "entries"),
            $"{QuickLine.Time(QuickLine.Judged(hash))}/entry; append is {QuickLine.Judged(append) / QuickLine.Judged(hash):0.0} × this");
    }

    /// <summary>The mean canonical encoding length of the ledger's deposit entries, in bytes (what the hash reads).</summary>
    public static int AverageCanonicalBytes(KubeCore.Savings.SavingsLedger ledger)
    {
        var deposits = ledger.Entries.Where(e => e.Kind == KubeCore.Savings.EntryKind.SavingsDeposit).Take(100).ToList();
        return (int)Math.Round(deposits.Average(e => e.CanonicalBytes().Length));
    }
}
