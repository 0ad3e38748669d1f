using System.Diagnostics;
using System.Globalization;

namespace KubeCore.NationalBatch;

/// <summary>The parts of a simulated group week whose cost <see cref="Breakdown"/> reports.</summary>
internal enum Section
{
    WeekSetup,
    Meeting,
    Deposits,
    BusinessProfit,
    Installments,
    Lending,
    Renteng,
    WeekClose,
    WeekFacts,
    FiveBasicRules,
    YearEnd,
    PortfolioBook,
}

/// <summary>
/// Optional (<c>--breakdown</c>) wall time and allocation per <see cref="Section"/>, per worker: a mark costs two clock
/// reads, so it is off by default. Wall time includes time the thread waited for a core and GC pauses it triggered.
/// </summary>
internal sealed class Breakdown
{
    private static readonly int Count = Enum.GetValues<Section>().Length;
    private readonly long[] _ticks = new long[Count];
    private readonly long[] _bytes = new long[Count];
    private long _lastTicks;
    private long _lastBytes;

    /// <summary>Starts timing the next section from now.</summary>
    public void Start()
    {
        _lastTicks = Stopwatch.GetTimestamp();
        _lastBytes = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>Charges the time and allocation since the last mark to <paramref name="section"/>.</summary>
    public void Mark(Section section)
    {
        var ticks = Stopwatch.GetTimestamp();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        _ticks[(int)section] += ticks - _lastTicks;
        _bytes[(int)section] += bytes - _lastBytes;
        _lastTicks = ticks;
        _lastBytes = bytes;
    }

    public void Merge(Breakdown other)
    {
        for (var i = 0; i < Count; i++)
        {
            _ticks[i] += other._ticks[i];
            _bytes[i] += other._bytes[i];
        }
    }

    public void Print(TextWriter output, long groups)
    {
        var totalTicks = _ticks.Sum();
        output.WriteLine();
        output.WriteLine("Where the time goes (--breakdown; wall time of the workers, GC pauses charged to the allocating section):");
        for (var i = 0; i < Count; i++)
        {
            var seconds = _ticks[i] / (double)Stopwatch.Frequency;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(Section)i,-16} {100.0 * _ticks[i] / totalTicks,6:0.0} %  {seconds * 1e6 / groups,9:0.0} µs/group  {_bytes[i] / (double)groups / 1024,9:0.0} KB/group"));
        }
    }
}
