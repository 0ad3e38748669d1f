using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using KubeCore.Api.Groups;
using KubeCore.Api.Json;
using KubeCore.Api.Mapping;
using KubeCore.Benchmarks.Quick;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using LibraryGroupState = KubeCore.Groups.GroupState;

namespace KubeCore.Benchmarks.State;

/// <summary>
/// Cold load of one group from the reference API's store (issue #13): the API's own <c>StateStore.LoadAsync</c> on a group
/// that is not in its state cache reads the aggregate row, the state parts (JSON) and every ledger row, and
/// <see cref="GroupType"/> restores them (hash chain verified). The ten-year group of <see cref="TenYearGroup"/> is written
/// by the API's own write path first (<see cref="ApiStore"/>). SQLite always (a file, WAL, as the API configures it);
/// PostgreSQL when <c>KUBECORE_TEST_POSTGRES</c> names a server.
/// </summary>
[QuickOrder(71)]
public sealed class ApiColdLoadQuick : IQuickSuite
{
    /// <summary>Budget (issue #13): cold load of one group with ten years of history from SQLite, ≤ 20 ms.</summary>
    public const double SqliteBudgetNanoseconds = 20_000_000;

    /// <summary>Budget (issue #13): the same from PostgreSQL, ≤ 30 ms.</summary>
    public const double PostgresBudgetNanoseconds = 30_000_000;

    /// <summary>The variable naming the PostgreSQL server (as for the API tests).</summary>
    public const string PostgresVariable = "KUBECORE_TEST_POSTGRES";

    // Each load is timed on its own (medians and spread of single loads, not of batches).
    private const int Loads = 31;

    // A load runs EF Core's, the provider's and the library's code a few times per load, not in a hot loop, so tiered
    // compilation (with dynamic PGO: tier 0, instrumented, optimised) takes seconds to finish it, more on a busy machine:
    // with the usual 800 ms warm-up perf still found the JIT's background thread busy and the load partly in tier-0
    // code. So each engine's loads first run until no method has been compiled for this long.
    private static readonly TimeSpan JitQuiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxJitWarmUp = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public string Name => "Cold load from the reference API store: one group with 10 years of history (SQLite; PostgreSQL with KUBECORE_TEST_POSTGRES)";

    /// <inheritdoc />
    public IEnumerable<QuickLine> Run(Measurer measurer)
    {
        // Microsoft.Data.Sqlite's async calls complete synchronously, so the whole load runs on the measuring thread and
        // its CPU time is the load's: judged like the other figures (wall, or CPU with --cpu-time).
        using (var sqlite = new Owned(ApiStore.Sqlite()))
        {
            foreach (var line in Setup(sqlite.Store, "SQLite"))
            {
                yield return line;
            }
            yield return WarmUntilJitDone(sqlite.Store.Load);
            var load = measurer.MeasureLong(sqlite.Store.Load, Loads);
            yield return QuickLine.AtMostTime("Cold load of one group from SQLite", load, SqliteBudgetNanoseconds);
            foreach (var line in Split(measurer, sqlite.Store, onServer: false))
            {
                yield return line;
            }
        }

        if (Environment.GetEnvironmentVariable(PostgresVariable) is not { Length: > 0 } server)
        {
            yield return QuickLine.Context("Cold load of one group from PostgreSQL: skipped", "-",
                $"set {PostgresVariable} to a server's connection string, e.g. eval \"$(bash scripts/postgres.sh start --durable)\"");
            yield break;
        }
        using (var postgres = new Owned(ApiStore.Postgres(server)))
        {
            foreach (var line in Setup(postgres.Store, "PostgreSQL"))
            {
                yield return line;
            }
            yield return WarmUntilJitDone(postgres.Store.Load);
            var load = measurer.MeasureLong(postgres.Store.Load, Loads);
            yield return QuickLine.AtMostWallTime("Cold load of one group from PostgreSQL", load, PostgresBudgetNanoseconds,
                "judged on wall time: the load waits on the server and Npgsql finishes on pool threads");
            foreach (var line in Split(measurer, postgres.Store, onServer: true))
            {
                yield return line;
            }
        }
    }

    // Runs the operation until the process has compiled no method for JitQuiet (JitInfo counts the background tier-ups too).
    private static QuickLine WarmUntilJitDone<T>(Func<T> operation)
    {
        var clock = Stopwatch.StartNew();
        var quietSince = TimeSpan.Zero;
        var compiled = JitInfo.GetCompiledMethodCount();
        var calls = 0;
        while (clock.Elapsed - quietSince < JitQuiet && clock.Elapsed < MaxJitWarmUp)
        {
            Sink<T>.Value = operation();
            calls++;
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                (compiled, quietSince) = (now, clock.Elapsed);
            }
        }
        var settled = clock.Elapsed - quietSince >= JitQuiet;
        return QuickLine.Context("  warm-up", $"{calls} loads",
            $"{clock.Elapsed.TotalSeconds:0.0} s, " + (settled ? $"until no method was compiled for {JitQuiet.TotalSeconds:0} s" : $"stopped at {MaxJitWarmUp.TotalSeconds:0} s with the JIT still compiling"));
    }

    // The CPU of every thread of this process per load (pool threads and the GC included; a server's is not), over Loads loads.
    private static QuickLine ProcessCpu(ApiStore store)
    {
        using var process = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Loads; i++)
        {
            Sink<GroupState>.Value = store.Load();
        }
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds * 1e6 / Loads;
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)Loads;
        return QuickLine.Context("  process CPU per load (every thread of this process)", QuickLine.Time(cpu),
            $"wall {QuickLine.Time(wall.Elapsed.TotalMilliseconds * 1e6 / Loads)}, {QuickLine.Bytes(allocated)} allocated per load, means of {Loads} in a row");
    }

    private static IEnumerable<QuickLine> Setup(ApiStore store, string engine)
    {
        store.WriteHistoryAsync().GetAwaiter().GetResult();
        store.MeasurePartsAsync().GetAwaiter().GetResult();
        yield return QuickLine.Context(
            $"  {engine}: {TenYearGroup.Members} members, {TenYearGroup.Weeks} weeks in {store.Version} units, {store.LedgerRows:N0} ledger rows",
            QuickLine.Bytes(store.PartChars) + " of parts",
            $"built and written by the API's write path in {store.WriteTime.TotalSeconds:0.0} s" + (store.SqliteBytes > 0 ? $"; database and WAL {QuickLine.Bytes(store.SqliteBytes)}" : string.Empty));
    }

    // onServer: the figures that wait on a server (PostgreSQL) print wall time, the measuring thread's CPU leaves most out.
    private static IEnumerable<QuickLine> Split(Measurer measurer, ApiStore store, bool onServer)
    {
        string Shown(Measurement m) => QuickLine.Time(onServer ? m.NanosecondsPerOperation : QuickLine.Judged(m));
        yield return ProcessCpu(store);
        var read = measurer.MeasureLong(store.ReadRows, Loads);
        yield return QuickLine.Context($"  of which reading the rows (aggregate and parts by EF Core, {store.LedgerRows:N0} ledger rows by DirectRows.LedgerAsync)" + (onServer ? ", wall" : string.Empty), Shown(read), QuickLine.Spread(read));
        var bare = measurer.MeasureLong(store.ReadLedgerBare, Loads);
        yield return QuickLine.Context("    for comparison: every column of the ledger rows through a bare DbDataReader (GetValues)" + (onServer ? ", wall" : string.Empty), Shown(bare), QuickLine.Spread(bare));
        var rows = store.ReadRows();
        var restore = measurer.MeasureLong(() => GroupType.Instance.Restore(store.GroupId, rows.Parts, rows.Ledger), Loads);
        yield return QuickLine.Context("  of which GroupType.Restore of the rows in memory", QuickLine.Time(QuickLine.Judged(restore)), QuickLine.Spread(restore));
        if (onServer)
        {
            yield break;
        }
        var states = measurer.MeasureLong(() => rows.Ledger.Select(LedgerMapping.ToState).ToList(), Loads);
        yield return QuickLine.Context("    of which ledger rows to entry states (legs and facts JSON)", QuickLine.Time(QuickLine.Judged(states)),
            $"{QuickLine.Time(QuickLine.Judged(states) / store.LedgerRows)}/row");
        var group = KubeCore.Groups.Group.Restore(JsonSerializer.Deserialize<LibraryGroupState>(rows.Parts["group"], KubeCoreJsonConverters.Storage)!, ProgramProfiles.Resolve);
        var entries = rows.Ledger.Select(LedgerMapping.ToState).ToList();
        var ledger = measurer.MeasureLong(() => SavingsLedger.Restore(new LedgerState(LedgerState.CurrentFormat, group.Id, [.. entries]), group), Loads);
        yield return QuickLine.Context("    of which SavingsLedger.Restore of the states (hash chain, balances)", QuickLine.Time(QuickLine.Judged(ledger)),
            $"{QuickLine.Time(QuickLine.Judged(ledger) / store.LedgerRows)}/entry");
        foreach (var (name, deserialize) in PartReads)
        {
            var json = rows.Parts[name];
            var part = measurer.MeasureLong(() => deserialize(json), Loads);
            yield return QuickLine.Context($"    of which the part '{name}' from its JSON ({QuickLine.Bytes(json.Length)}) to its state", QuickLine.Time(QuickLine.Judged(part)), QuickLine.Spread(part));
        }
        var meetingsState = JsonSerializer.Deserialize<MeetingRegisterState>(rows.Parts["meetings"], KubeCoreJsonConverters.Storage)!;
        var meetings = measurer.MeasureLong(() => MeetingRegister.Restore(meetingsState, group, ProgramProfiles.Resolve), Loads);
        yield return QuickLine.Context("    of which MeetingRegister.Restore of its state", QuickLine.Time(QuickLine.Judged(meetings)), QuickLine.Spread(meetings));
    }

    // The parts a group's cold load deserializes, as GroupType.Restore reads them (the reports part is absent here).
    private static readonly (string Name, Func<string, object> Read)[] PartReads =
    [
        ("meetings", json => JsonSerializer.Deserialize<MeetingRegisterState>(json, KubeCoreJsonConverters.Storage)!),
        ("fund", json => JsonSerializer.Deserialize<LoanRevolvingState>(json, KubeCoreJsonConverters.Storage)!),
        ("group", json => JsonSerializer.Deserialize<LibraryGroupState>(json, KubeCoreJsonConverters.Storage)!),
    ];

    // Disposes the store when the iterator is left, whether it ran to the end or not.
    private sealed class Owned(ApiStore store) : IDisposable
    {
        public ApiStore Store { get; } = store;

        public void Dispose() => Store.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
