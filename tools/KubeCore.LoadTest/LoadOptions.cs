using System.Globalization;
using System.Net;

namespace KubeCore.LoadTest;

/// <summary>
/// Options of a load run. Bounded by design: at most <see cref="MaxRequests"/> requests and
/// <see cref="MaxSecondsCap"/> seconds, and only against a loopback address.
/// </summary>
internal sealed record LoadOptions
{
    /// <summary>The largest request count accepted.</summary>
    public const int MaxRequests = 1_000_000;

    /// <summary>The longest run accepted, in seconds.</summary>
    public const int MaxSecondsCap = 600;

    /// <summary>The API's base address; must be loopback. Null with <see cref="StartApi"/>.</summary>
    public Uri? Url { get; init; }

    /// <summary>Path of KubeCore.Api.dll to start on a free loopback port with a fresh SQLite file (Development environment), or null.</summary>
    public string? StartApi { get; init; }

    /// <summary>
    /// A PostgreSQL server on loopback (connection string) for the started API instead of SQLite: the run creates its own
    /// fresh database there and drops it at the end. Null: SQLite.
    /// </summary>
    public string? Postgres { get; init; }

    /// <summary>API instances started on the same database, each on its own port; client <c>c</c> talks to instance <c>c mod N</c> (default 1).</summary>
    public int Instances { get; init; } = 1;

    /// <summary>Times a client sends a deposit again, under the same key, after a 409 or 503 (default 0).</summary>
    public int Retries { get; init; }

    /// <summary>Concurrent clients (default 32).</summary>
    public int Clients { get; init; } = 32;

    /// <summary>Deposits to send in all, warm-up excluded (default 20 000).</summary>
    public int Requests { get; init; } = 20_000;

    /// <summary>
    /// Deposits sent first and not measured (default 10 000): on 2 cores the API's tier-1 JIT is still compiling after
    /// 1 000 (≈ 15 % of its CPU in a profile), which doubled the CPU per request measured (docs/PERFORMANCE.md).
    /// </summary>
    public int WarmUp { get; init; } = 10_000;

    /// <summary>Stop sending after this many seconds even if requests remain (default 120).</summary>
    public int MaxSeconds { get; init; } = 120;

    /// <summary>Groups the deposits are spread over (default: one per client).</summary>
    public int? Groups { get; init; }

    /// <summary>Members per group (default 10).</summary>
    public int Members { get; init; } = 10;

    public int GroupCount => Groups ?? Clients;

    /// <summary>The budget this run is judged by (docs/PERFORMANCE.md, issue 13): by engine, and whether every client writes to one group.</summary>
    public LoadBudget Budget => GroupCount == 1
        ? new LoadBudget($"{Engine}, {Clients} writers on one group", Clients: 16, PerSecond: 300, P99Milliseconds: null, ZeroErrors: false)
        : new LoadBudget($"{Engine}{(Postgres is null ? string.Empty : " with its default durability")}, {Clients} clients over {GroupCount} groups", Clients: 32, PerSecond: 1_000, P99Milliseconds: 50, ZeroErrors: true);

    /// <summary>The engine's name in the budget line.</summary>
    public string Engine => Postgres is not null ? "PostgreSQL" : StartApi is not null ? "SQLite" : "the running API";

    /// <summary>
    /// Parses <c>--url U | --start-api PATH, --postgres CS, --instances N, --clients N, --requests N, --warmup N, --max-seconds S,
    /// --groups N | --one-group, --members N, --retries N</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An option is unknown, missing its value, out of bounds, the URL or the PostgreSQL host is not loopback, or an option needs <c>--start-api</c>.</exception>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int(int min, int max) => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
                ? v
                : throw new ArgumentException($"{args[i - 1]} needs an integer in {min}..{max}.");
            o = args[i] switch
            {
                "--url" => o with { Url = Loopback(Value()) },
                "--start-api" => o with { StartApi = Value() },
                "--clients" => o with { Clients = Int(1, 1_024) },
                "--requests" => o with { Requests = Int(1, MaxRequests) },
                "--warmup" => o with { WarmUp = Int(0, MaxRequests) },
                "--max-seconds" => o with { MaxSeconds = Int(1, MaxSecondsCap) },
                "--groups" => o with { Groups = Int(1, 10_000) },
                "--members" => o with { Members = Int(5, 100) },
                "--one-group" => o with { Groups = 1 },
                "--postgres" => o with { Postgres = LoopbackPostgres(Value()) },
                "--instances" => o with { Instances = Int(1, 8) },
                "--retries" => o with { Retries = Int(0, 10) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --url http://127.0.0.1:PORT | --start-api PATH/KubeCore.Api.dll [--postgres \"Host=127.0.0.1;Port=P;Username=U\"] [--instances N], --clients N, --requests N, --warmup N, --max-seconds S, --groups N | --one-group, --members N, --retries N"),
            };
        }
        if ((o.Url is null) == (o.StartApi is null))
        {
            throw new ArgumentException("Give exactly one of --url (a running API on loopback) or --start-api (the API's dll, started here).");
        }
        if (o.StartApi is null && (o.Postgres is not null || o.Instances > 1))
        {
            throw new ArgumentException("--postgres and --instances start the API here: give --start-api.");
        }
        return o;
    }

    /// <summary>The connection string when its host is a loopback address (the run creates and drops a database there).</summary>
    /// <exception cref="ArgumentException">Not a connection string, or its host is not loopback.</exception>
    public static string LoopbackPostgres(string text)
    {
        Npgsql.NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new Npgsql.NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--postgres: not a connection string ({e.Message}).", e);
        }
        var host = builder.Host ?? string.Empty;
        var loopback = host is "localhost" || host.StartsWith('/') || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        return loopback ? text : throw new ArgumentException($"--postgres: '{host}' is not a loopback address: the load tool only runs against this machine.");
    }

    /// <summary>The URL when its host is a loopback address; refuses anything else (the tool never loads a remote server).</summary>
    /// <exception cref="ArgumentException">Not an absolute http(s) URL on a loopback host.</exception>
    public static Uri Loopback(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{text}' is not an http(s) URL.");
        }
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return loopback ? uri : throw new ArgumentException($"'{uri.Host}' is not a loopback address: the load tool only runs against this machine.");
    }
}

/// <summary>A pass/fail budget: throughput, p99 (null: not judged), errors (every non-201 answer) or only unacknowledged deposits, and an exact ledger.</summary>
internal sealed record LoadBudget(string Name, int Clients, double PerSecond, double? P99Milliseconds, bool ZeroErrors);
