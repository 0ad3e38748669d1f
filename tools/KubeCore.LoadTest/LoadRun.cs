using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace KubeCore.LoadTest;

/// <summary>What a load run measured.</summary>
internal sealed record LoadResult(
    int Sent,
    int Acknowledged,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorKinds,
    TimeSpan Elapsed,
    double[] LatenciesMs,
    int LedgerDeposits,
    int ExpectedDeposits,
    bool ChainsIntact,
    bool IdsMatch,
    TimeSpan ToolCpu,
    TimeSpan? ApiCpu)
{
    public double PerSecond => Acknowledged / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(rank, 0, LatenciesMs.Length - 1)];
    }

    public bool LedgerExact => LedgerDeposits == ExpectedDeposits && ChainsIntact && IdsMatch;
}

/// <summary>
/// Sends deposits from <see cref="LoadOptions.Clients"/> concurrent clients, each to its own group in turn (clients
/// share groups when there are fewer groups), every request with a fresh Idempotency-Key; records each latency and
/// status; then reads every group's ledger back and checks it holds exactly the acknowledged deposits, by entry id,
/// and that its hash chain verifies.
/// </summary>
internal static class LoadRun
{
    // apiCpu: the API process's CPU time so far, when this tool started it (null otherwise).
    public static async Task<LoadResult> RunAsync(Api api, LoadOptions options, IReadOnlyList<ReadyGroup> groups, TextWriter output, Func<TimeSpan>? apiCpu, CancellationToken ct)
    {
        var acknowledged = new ConcurrentDictionary<Guid, ConcurrentBag<string>>();
        foreach (var g in groups)
        {
            acknowledged[g.Id] = [];
        }
        var errors = new ConcurrentDictionary<string, int>();
        var depositDay = Api.Iso(GroupSetup.BooksOpenedOn.AddDays(1));

        // Warm-up (not measured, but its deposits are in the ledgers and are checked too).
        var warm = await SendAsync(api, options, groups, options.WarmUp, depositDay, "warm", acknowledged, errors, null, TimeSpan.FromSeconds(options.MaxSeconds), ct);
        output.WriteLine($"  warm-up: {warm.Sent:N0} deposits in {warm.Elapsed.TotalSeconds:0.0} s");
        errors.Clear();

        var latencies = new ConcurrentBag<double[]>();
        var toolCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var apiCpuBefore = apiCpu?.Invoke();
        var measured = await SendAsync(api, options, groups, options.Requests, depositDay, "run", acknowledged, errors, latencies, TimeSpan.FromSeconds(options.MaxSeconds), ct);
        var toolCpu = Process.GetCurrentProcess().TotalProcessorTime - toolCpuBefore;
        var apiCpuUsed = apiCpu?.Invoke() - apiCpuBefore;
        var all = latencies.SelectMany(l => l).Where(l => l >= 0).Order().ToArray();

        // Read back: exactly the acknowledged entries, by id, and an intact chain.
        var auditor = await api.TokenAsync(Api.Auditor, null, ct);
        var ledgerDeposits = 0;
        var intact = true;
        var idsMatch = true;
        foreach (var g in groups)
        {
            var ids = new List<string>();
            for (var skip = 0; ; skip += 500)
            {
                var page = await api.GetAsync($"/groups/{g.Id}/ledger?skip={skip}&take=500", auditor, ct);
                var count = 0;
                foreach (var entry in page.EnumerateArray())
                {
                    count++;
                    if (entry.GetProperty("kind").GetString() == "SavingsDeposit")
                    {
                        ids.Add(entry.GetProperty("id").GetString()!);
                    }
                }
                if (count < 500)
                {
                    break;
                }
            }
            ledgerDeposits += ids.Count;
            idsMatch &= ids.Order(StringComparer.Ordinal).SequenceEqual(acknowledged[g.Id].Order(StringComparer.Ordinal), StringComparer.Ordinal);
            var chain = await api.GetAsync($"/groups/{g.Id}/ledger/verification", auditor, ct);
            intact &= chain.GetProperty("intact").GetBoolean();
        }
        var expected = acknowledged.Values.Sum(b => b.Count);
        return new LoadResult(measured.Sent, measured.Acknowledged, measured.Errors, new Dictionary<string, int>(errors), measured.Elapsed, all, ledgerDeposits, expected, intact, idsMatch, toolCpu, apiCpuUsed);
    }

    private static async Task<(int Sent, int Acknowledged, int Errors, TimeSpan Elapsed)> SendAsync(
        Api api, LoadOptions options, IReadOnlyList<ReadyGroup> groups, int requests, string day, string phase,
        ConcurrentDictionary<Guid, ConcurrentBag<string>> acknowledged, ConcurrentDictionary<string, int> errors,
        ConcurrentBag<double[]>? latencies, TimeSpan limit, CancellationToken ct)
    {
        var next = -1;
        var sent = 0;
        var ok = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, options.Clients).Select(async c =>
        {
            var group = groups[c % groups.Count];
            var mine = latencies is null ? null : new List<double>();
            var rotation = c;
            int n;
            while ((n = Interlocked.Increment(ref next)) < requests && clock.Elapsed < limit)
            {
                var member = group.Members[rotation++ % group.Members.Count];
                var key = $"load-{phase}-{group.Id:N}-{n}"; // unique per request: a reused key would be answered from the store
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await api.PostAsync($"/groups/{group.Id}/savings/deposits", new { member, date = day, amount = 5_000, reference = $"LT-{phase}-{n}" }, group.TreasurerToken, key, ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    mine?.Add(elapsed);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        using var json = JsonDocument.Parse(body);
                        acknowledged[group.Id].Add(json.RootElement.GetProperty("entries")[0].GetProperty("id").GetString()!);
                        Interlocked.Increment(ref ok);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        errors.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, v) => v + 1);
                    }
                }
                catch (HttpRequestException e)
                {
                    mine?.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    Interlocked.Increment(ref failed);
                    errors.AddOrUpdate(e.GetType().Name, 1, (_, v) => v + 1);
                }
                Interlocked.Increment(ref sent);
            }
            if (mine is not null)
            {
                latencies!.Add([.. mine]);
            }
        }).ToArray();
        await Task.WhenAll(clients);
        return (sent, ok, failed, clock.Elapsed);
    }
}
