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
    int Retried,
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

    /// <summary>Deposits sent that no answer acknowledged, retries included.</summary>
    public int Unacknowledged => Sent - Acknowledged;
}

/// <summary>
/// Sends deposits from <see cref="LoadOptions.Clients"/> concurrent clients, each to its own group in turn (clients
/// share groups when there are fewer groups), client <c>c</c> through API instance <c>c mod N</c>, every deposit with a fresh
/// Idempotency-Key, sent again under the same key after a 409 or 503 up to <see cref="LoadOptions.Retries"/> times; records
/// each deposit's latency (first send to last answer) and every non-201 status; then reads every group's ledger back and
/// checks it holds exactly the acknowledged deposits, by entry id, and that its hash chain verifies.
/// </summary>
internal static class LoadRun
{
    // apiCpu: the API process's CPU time so far, when this tool started it (null otherwise).
    public static async Task<LoadResult> RunAsync(IReadOnlyList<Api> apis, LoadOptions options, IReadOnlyList<ReadyGroup> groups, TextWriter output, Func<TimeSpan>? apiCpu, CancellationToken ct)
    {
        var acknowledged = new ConcurrentDictionary<Guid, ConcurrentBag<string>>();
        foreach (var g in groups)
        {
            acknowledged[g.Id] = [];
        }
        var errors = new ConcurrentDictionary<string, int>();
        var depositDay = Api.Iso(GroupSetup.BooksOpenedOn.AddDays(1));

        // Warm-up (not measured, but its deposits are in the ledgers and are checked too).
        var api = apis[0];
        var warm = await SendAsync(apis, options, groups, options.WarmUp, depositDay, "warm", acknowledged, errors, null, TimeSpan.FromSeconds(options.MaxSeconds), ct);
        output.WriteLine($"  warm-up: {warm.Sent:N0} deposits in {warm.Elapsed.TotalSeconds:0.0} s");
        errors.Clear();

        var latencies = new ConcurrentBag<double[]>();
        var toolCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var apiCpuBefore = apiCpu?.Invoke();
        var measured = await SendAsync(apis, options, groups, options.Requests, depositDay, "run", acknowledged, errors, latencies, TimeSpan.FromSeconds(options.MaxSeconds), ct);
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
        return new LoadResult(measured.Sent, measured.Acknowledged, measured.Errors, measured.Retried, new Dictionary<string, int>(errors), measured.Elapsed, all, ledgerDeposits, expected, intact, idsMatch, toolCpu, apiCpuUsed);
    }

    private static async Task<(int Sent, int Acknowledged, int Errors, int Retried, TimeSpan Elapsed)> SendAsync(
        IReadOnlyList<Api> apis, LoadOptions options, IReadOnlyList<ReadyGroup> groups, int requests, string day, string phase,
        ConcurrentDictionary<Guid, ConcurrentBag<string>> acknowledged, ConcurrentDictionary<string, int> errors,
        ConcurrentBag<double[]>? latencies, TimeSpan limit, CancellationToken ct)
    {
        var next = -1;
        var sent = 0;
        var ok = 0;
        var failed = 0;
        var retried = 0;
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, options.Clients).Select(async c =>
        {
            var group = groups[c % groups.Count];
            var api = apis[c % apis.Count];
            var mine = latencies is null ? null : new List<double>();
            var rotation = c;
            int n;
            while ((n = Interlocked.Increment(ref next)) < requests && clock.Elapsed < limit)
            {
                var member = group.Members[rotation++ % group.Members.Count];
                var key = $"load-{phase}-{group.Id:N}-{n}"; // unique per deposit: a reused key would be answered from the store
                var start = Stopwatch.GetTimestamp();
                for (var attempt = 0; ; attempt++)
                {
                    string? error;
                    try
                    {
                        using var response = await api.PostAsync($"/groups/{group.Id}/savings/deposits", new { member, date = day, amount = 5_000, reference = $"LT-{phase}-{n}" }, group.TreasurerToken, key, ct);
                        var body = await response.Content.ReadAsStringAsync(ct);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            using var json = JsonDocument.Parse(body);
                            acknowledged[group.Id].Add(json.RootElement.GetProperty("entries")[0].GetProperty("id").GetString()!);
                            Interlocked.Increment(ref ok);
                            break;
                        }
                        error = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable && attempt < options.Retries)
                        {
                            // Sent again under the same key: the server answers it once, whichever attempt lands.
                            errors.AddOrUpdate(error + " (retried)", 1, (_, v) => v + 1);
                            Interlocked.Increment(ref retried);
                            Interlocked.Increment(ref failed);
                            continue;
                        }
                    }
                    catch (HttpRequestException e)
                    {
                        error = e.GetType().Name;
                    }
                    Interlocked.Increment(ref failed);
                    errors.AddOrUpdate(error, 1, (_, v) => v + 1);
                    break;
                }
                mine?.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref sent);
            }
            if (mine is not null)
            {
                latencies!.Add([.. mine]);
            }
        }).ToArray();
        await Task.WhenAll(clients);
        return (sent, ok, failed, retried, clock.Elapsed);
    }
}
