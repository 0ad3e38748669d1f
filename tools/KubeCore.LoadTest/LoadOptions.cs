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

    /// <summary>Concurrent clients (default 32).</summary>
    public int Clients { get; init; } = 32;

    /// <summary>Deposits to send in all, warm-up excluded (default 20 000).</summary>
    public int Requests { get; init; } = 20_000;

    /// <summary>Deposits sent first and not measured (default 1 000).</summary>
    public int WarmUp { get; init; } = 1_000;

    /// <summary>Stop sending after this many seconds even if requests remain (default 120).</summary>
    public int MaxSeconds { get; init; } = 120;

    /// <summary>Groups the deposits are spread over (default: one per client).</summary>
    public int? Groups { get; init; }

    /// <summary>Members per group (default 10).</summary>
    public int Members { get; init; } = 10;

    /// <summary>Budget: acknowledged money-moving requests per second.</summary>
    public double BudgetPerSecond { get; init; } = 1_000;

    /// <summary>Budget: 99th percentile latency in milliseconds.</summary>
    public double BudgetP99Milliseconds { get; init; } = 50;

    public int GroupCount => Groups ?? Clients;

    /// <summary>
    /// Parses <c>--url U | --start-api PATH, --clients N, --requests N, --warmup N, --max-seconds S, --groups N, --members N</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An option is unknown, missing its value, out of bounds, or the URL is not loopback.</exception>
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
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --url http://127.0.0.1:PORT | --start-api PATH/KubeCore.Api.dll, --clients N, --requests N, --warmup N, --max-seconds S, --groups N, --members N"),
            };
        }
        if ((o.Url is null) == (o.StartApi is null))
        {
            throw new ArgumentException("Give exactly one of --url (a running API on loopback) or --start-api (the API's dll, started here).");
        }
        return o;
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
