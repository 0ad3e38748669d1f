using BenchmarkDotNet.Attributes;
using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Benchmarks.Savings;

/// <summary>
/// The savings ledger: appending entries (each hashed with SHA-256 over its canonical bytes and chained to the
/// previous one, with the SAV-02/SAV-03 checks) and reading a member's balance from ledgers of different sizes.
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    /// <summary>Entries appended per <see cref="AppendDeposits"/> call.</summary>
    public const int AppendBatch = 10_000;

    private static readonly LocalDate Opened = new(2025, 1, 6);

    // The opening entry's id (the host's choice; every later entry id is derived from it).
    private static readonly EntryId OpeningId = new(Guid.Parse("6b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9"));

    // SAV-09: the host's today, on or after every book date the benchmarks use (the 1 000 000-entry ledger of the
    // balance-read figure spans about 1 900 years of weeks): the calendar's last day admits them all.
    private static readonly HostToday Today = HostToday.Of(LocalDate.MaxIsoValue);
    private BenchGroup _group = null!;
    private Rupiah _amount;
    private SavingsLedger _small = null!;
    private SavingsLedger _large = null!;

    /// <summary>Entries in the large ledger of the balance-read figure.</summary>
    [Params(1_000_000)]
    public int LargeLedgerEntries { get; set; } = 1_000_000;

    /// <summary>
    /// The group and the amount, for the append and week figures. Their ledgers are built afresh by each call, so the
    /// read figures' ledgers (200 MB at 1 000 000 entries) are not built for them: a large unrelated live heap makes
    /// each collection during an append dearer and would be measured as the append's cost (docs/PERFORMANCE.md).
    /// </summary>
    [GlobalSetup(Targets = [nameof(AppendDeposits), nameof(CloseWeeks)])]
    public void SetupGroup()
    {
        _group = new BenchGroup(ProgramProfiles.KsmP2kp, 10);
        _amount = Rupiah.Of(5_000);
    }

    /// <summary>The group and the two ledgers of the balance-read figures.</summary>
    [GlobalSetup(Targets = [nameof(BalanceReadsSmallLedger), nameof(BalanceReadsLargeLedger)])]
    public void Setup()
    {
        SetupGroup();
        _small = Build(1_000);
        _large = Build(LargeLedgerEntries);
    }

    /// <summary>A ledger of exactly <paramref name="entries"/> entries: the opening, then a year of weekly deposits and closes, repeated.</summary>
    public SavingsLedger Build(int entries)
    {
        var ledger = SavingsLedger.Open(_group, Opened, OpeningId);
        var members = _group.Members;
        var date = Opened;
        while (ledger.Count < entries)
        {
            for (var i = 0; i < members.Length && ledger.Count < entries - 1; i++)
            {
                ledger.Deposit(Today, date.PlusDays(2), members[i], _amount);
            }
            ledger.CloseWeek(Today, ledger.NextWeekToClose, date.PlusDays(6));
            date = date.PlusWeeks(1);
        }
        return ledger;
    }

    /// <summary>Appends <see cref="AppendBatch"/> deposits (hash-chained entries) to a freshly opened ledger.</summary>
    [Benchmark(OperationsPerInvoke = AppendBatch)]
    public SavingsLedger AppendDeposits()
    {
        var ledger = SavingsLedger.Open(_group, Opened, OpeningId);
        var members = _group.Members;
        var day = Opened.PlusDays(2);
        for (var i = 0; i < AppendBatch; i++)
        {
            ledger.Deposit(Today, day, members[i % members.Length], _amount);
        }
        return ledger;
    }

    /// <summary>Weeks per <see cref="CloseWeeks"/> call.</summary>
    public const int WeeksPerCall = 52;

    /// <summary>
    /// A year of a 10-member group's weeks: ten deposits and the week close (SAV-05: totals computed, reconciled and
    /// written as a chained entry). Operations: weeks.
    /// </summary>
    [Benchmark(OperationsPerInvoke = WeeksPerCall)]
    public SavingsLedger CloseWeeks()
    {
        var ledger = SavingsLedger.Open(_group, Opened, OpeningId);
        var members = _group.Members;
        for (var w = 0; w < WeeksPerCall; w++)
        {
            var week = ledger.NextWeekToClose;
            for (var i = 0; i < members.Length; i++)
            {
                ledger.Deposit(Today, week.Start.PlusDays(2), members[i], _amount);
            }
            ledger.CloseWeek(Today, week, week.End);
        }
        return ledger;
    }

    /// <summary>Balance reads per read benchmark call (every member in turn).</summary>
    public const int ReadBatch = 1_000;

    /// <summary>Members' savings balances read from a ledger of 1 000 entries.</summary>
    [Benchmark(OperationsPerInvoke = ReadBatch)]
    public long BalanceReadsSmallLedger() => ReadBalances(_small);

    /// <summary>Members' savings balances read from a ledger of <see cref="LargeLedgerEntries"/> entries.</summary>
    [Benchmark(OperationsPerInvoke = ReadBatch)]
    public long BalanceReadsLargeLedger() => ReadBalances(_large);

    private long ReadBalances(SavingsLedger ledger)
    {
        var members = _group.Members;
        long total = 0;
        for (var i = 0; i < ReadBatch; i++)
        {
            total += ledger.SavingsOf(members[i % members.Length]).Amount;
        }
        return total;
    }

    /// <summary>The small ledger (for the quick mode's figures).</summary>
    public SavingsLedger Small => _small;

    /// <summary>The large ledger.</summary>
    public SavingsLedger Large => _large;
}
