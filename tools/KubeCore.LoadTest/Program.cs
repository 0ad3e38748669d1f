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
var servers = new List<ApiProcess>();
PostgresDatabase? database = null;
var handlers = new List<HttpClient>();
try
{
    if (options.Postgres is { } postgres)
    {
        database = await PostgresDatabase.CreateAsync(postgres, ct);
        Console.WriteLine($"  PostgreSQL: {database.Durability}; this run's database is created by the API and dropped at the end");
    }
    if (options.StartApi is { } dll)
    {
        // One after the other: the first creates the schema.
        for (var i = 0; i < options.Instances; i++)
        {
            servers.Add(await ApiProcess.StartAsync(dll, Console.Out, database?.ConnectionString, ct));
        }
    }
    var addresses = options.Url is { } url ? [url] : servers.Select(s => s.Address).ToList();
    var apis = addresses.Select(address =>
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30), DefaultRequestVersion = HttpVersion.Version11 };
        handlers.Add(http);
        return new Api(http);
    }).ToList();
    var api = apis[0];

    Console.WriteLine($"Load test: {options.Requests:N0} deposits (+{options.WarmUp:N0} warm-up) from {options.Clients} clients over {options.GroupCount} groups, "
        + $"{string.Join(", ", addresses)}{(options.Retries > 0 ? $", up to {options.Retries} client retries on 409/503" : string.Empty)}");
    var pendamping = await api.TokenAsync(Api.Pendamping, null, ct);
    var dinsos = await api.TokenAsync(Api.Dinsos, null, ct);
    var groups = new List<ReadyGroup>();
    for (var g = 0; g < options.GroupCount; g++)
    {
        groups.Add(await GroupSetup.CreateAsync(api, pendamping, dinsos, g + 1, options.Members, ct));
    }
    Console.WriteLine($"  {groups.Count} groups formed, verified, activated, books opened");

    Func<TimeSpan>? apiCpu = servers.Count == 0 ? null : () => servers.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.CpuTime);
    var result = await LoadRun.RunAsync(apis, options, groups, Console.Out, apiCpu, ct);
    var ok = Report(result, options, database);
    return ok ? 0 : 1;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or FileNotFoundException or TaskCanceledException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine("Setup or run failed: " + e.Message);
    return 2;
}
finally
{
    handlers.ForEach(h => h.Dispose());
    foreach (var server in servers)
    {
        await server.DisposeAsync();
    }
    if (database is not null)
    {
        await database.DisposeAsync();
    }
}

static bool Report(LoadResult r, LoadOptions o, PostgresDatabase? database)
{
    string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    var budget = o.Budget;
    var throughput = r.PerSecond >= budget.PerSecond;
    var p99 = budget.P99Milliseconds is not { } p99Budget || r.Percentile(99) <= p99Budget;
    var noErrors = budget.ZeroErrors ? r.Errors == 0 : r.Unacknowledged == 0;
    var durable = database is null || database.Durable;
    Console.WriteLine();
    Console.WriteLine($"  sent {r.Sent:N0}, acknowledged {r.Acknowledged:N0} in {F(r.Elapsed.TotalSeconds)} s ({r.Retried:N0} client retries); latency p50 {F(r.Percentile(50))} ms, p90 {F(r.Percentile(90))} ms, p99 {F(r.Percentile(99))} ms, max {F(r.Percentile(100))} ms");
    // CPU per request is what to compare on a shared machine: wall-clock figures move with the other load.
    double PerRequest(TimeSpan cpu) => r.Sent == 0 ? 0 : cpu.TotalMicroseconds / r.Sent;
    Console.WriteLine($"  cpu during the measured phase: load tool {PerRequest(r.ToolCpu):0} µs/request"
        + (r.ApiCpu is { } apiCpu ? $", API {PerRequest(apiCpu):0} µs/request ({o.Instances} instance{(o.Instances == 1 ? string.Empty : "s")})" : string.Empty)
        + $" ({Environment.ProcessorCount} cores)");
    var kinds = r.ErrorKinds.Count > 0 ? " (" + string.Join(", ", r.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")) + ")" : string.Empty;
    Console.WriteLine($"{(throughput ? "PASS" : "FAIL")}  throughput   {F(r.PerSecond),8} req/s   budget ≥ {budget.PerSecond:0} req/s at {budget.Clients} clients");
    Console.WriteLine(budget.P99Milliseconds is { } p
        ? $"{(p99 ? "PASS" : "FAIL")}  p99 latency  {F(r.Percentile(99)),8} ms      budget ≤ {p:0} ms"
        : $"info  p99 latency  {F(r.Percentile(99)),8} ms      (no budget)");
    Console.WriteLine(budget.ZeroErrors
        ? $"{(noErrors ? "PASS" : "FAIL")}  errors       {r.Errors,8:N0}         budget 0{kinds}"
        : $"{(noErrors ? "PASS" : "FAIL")}  unacknowledged {r.Unacknowledged,6:N0}         budget 0 (answers other than 201: {r.Errors:N0}{kinds})");
    Console.WriteLine($"{(r.LedgerExact ? "PASS" : "FAIL")}  ledger       {r.LedgerDeposits,8:N0} deposits stored for {r.ExpectedDeposits:N0} acknowledged; ids {(r.IdsMatch ? "match" : "DIFFER")}; chains {(r.ChainsIntact ? "intact" : "BROKEN")}");
    if (database is not null)
    {
        Console.WriteLine($"{(durable ? "PASS" : "FAIL")}  durability   {database.Durability} (the budget is for PostgreSQL's defaults: bash scripts/postgres.sh start --durable)");
    }
    var pass = throughput && p99 && noErrors && r.LedgerExact && durable;
    var clients = o.Clients == budget.Clients ? string.Empty : $" (the budget is stated at {budget.Clients} clients; this run had {o.Clients})";
    Console.WriteLine($"BUDGET {(pass ? "PASS" : "FAIL")}  {budget.Name}, {o.Instances} API instance{(o.Instances == 1 ? string.Empty : "s")}: "
        + $"≥ {budget.PerSecond:0} deposits/s{(budget.P99Milliseconds is { } b ? $", p99 ≤ {b:0} ms" : string.Empty)}, {(budget.ZeroErrors ? "0 errors" : "0 unacknowledged")}, exact ledger{clients}");
    return pass;
}
