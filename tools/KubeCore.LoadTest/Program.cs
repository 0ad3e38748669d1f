using System.Globalization;
using System.Net;
using KubeCore.LoadTest;

// Load test of the reference API's money-moving path (deposits), on loopback only and bounded in count and time.
// Exit code: 0 when every budget is met, 1 when one is missed, 2 on bad options or a failed setup.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds + 300));
var ct = cts.Token;
ApiProcess? server = null;
try
{
    if (options.StartApi is { } dll)
    {
        server = await ApiProcess.StartAsync(dll, Console.Out, ct);
    }
    var baseAddress = options.Url ?? server!.Address;
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30), DefaultRequestVersion = HttpVersion.Version11 };
    var api = new Api(http);

    Console.WriteLine($"Load test: {options.Requests:N0} deposits (+{options.WarmUp:N0} warm-up) from {options.Clients} clients over {options.GroupCount} groups, {baseAddress}");
    var pendamping = await api.TokenAsync(Api.Pendamping, null, ct);
    var dinsos = await api.TokenAsync(Api.Dinsos, null, ct);
    var groups = new List<ReadyGroup>();
    for (var g = 0; g < options.GroupCount; g++)
    {
        groups.Add(await GroupSetup.CreateAsync(api, pendamping, dinsos, g + 1, options.Members, ct));
    }
    Console.WriteLine($"  {groups.Count} groups formed, verified, activated, books opened");

    var result = await LoadRun.RunAsync(api, options, groups, Console.Out, server is null ? null : () => server.CpuTime, ct);
    var ok = Report(result, options);
    return ok ? 0 : 1;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or FileNotFoundException or TaskCanceledException)
{
    Console.Error.WriteLine("Setup or run failed: " + e.Message);
    return 2;
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }
}

static bool Report(LoadResult r, LoadOptions o)
{
    string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    var throughput = r.PerSecond >= o.BudgetPerSecond;
    var p99 = r.Percentile(99) <= o.BudgetP99Milliseconds;
    var noErrors = r.Errors == 0;
    Console.WriteLine();
    Console.WriteLine($"  sent {r.Sent:N0}, acknowledged {r.Acknowledged:N0} in {F(r.Elapsed.TotalSeconds)} s; latency p50 {F(r.Percentile(50))} ms, p90 {F(r.Percentile(90))} ms, p99 {F(r.Percentile(99))} ms, max {F(r.Percentile(100))} ms");
    // CPU per request is what to compare on a shared machine: wall-clock figures move with the other load.
    double PerRequest(TimeSpan cpu) => r.Sent == 0 ? 0 : cpu.TotalMicroseconds / r.Sent;
    Console.WriteLine($"  cpu during the measured phase: load tool {PerRequest(r.ToolCpu):0} µs/request"
        + (r.ApiCpu is { } apiCpu ? $", API {PerRequest(apiCpu):0} µs/request" : string.Empty)
        + $" ({Environment.ProcessorCount} cores)");
    Console.WriteLine($"{(throughput ? "PASS" : "FAIL")}  throughput   {F(r.PerSecond),8} req/s   budget ≥ {o.BudgetPerSecond:0} req/s at {o.Clients} clients");
    Console.WriteLine($"{(p99 ? "PASS" : "FAIL")}  p99 latency  {F(r.Percentile(99)),8} ms      budget ≤ {o.BudgetP99Milliseconds:0} ms");
    Console.WriteLine($"{(noErrors ? "PASS" : "FAIL")}  errors       {r.Errors,8:N0}         budget 0{(r.ErrorKinds.Count > 0 ? " (" + string.Join(", ", r.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")) + ")" : string.Empty)}");
    Console.WriteLine($"{(r.LedgerExact ? "PASS" : "FAIL")}  ledger       {r.LedgerDeposits,8:N0} deposits stored for {r.ExpectedDeposits:N0} acknowledged; ids {(r.IdsMatch ? "match" : "DIFFER")}; chains {(r.ChainsIntact ? "intact" : "BROKEN")}");
    return throughput && p99 && noErrors && r.LedgerExact;
}
