using System.Net.Http.Headers;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeCore.Api.Tests.Support;

/// <summary>The API in process (Development environment, so the dev signing key is configured) over a throwaway database.</summary>
public sealed class ApiFactory(DatabaseEngine engine, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = TestDatabase.Create(engine);

    public DatabaseEngine Engine => engine;

    /// <summary>The database this host was given (a second host on the same database passes it as its setting).</summary>
    public string ConnectionString => settings?.GetValueOrDefault(_database.ConfigurationKey) ?? _database.ConnectionString;

    /// <summary>Every log line the API wrote.</summary>
    public LogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(_database.ConfigurationKey, _database.ConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug).AddFilter(_ => true));
    }

    /// <summary>A client carrying a bearer token for <paramref name="role"/> (and, for a bendahara, the group).</summary>
    public HttpClient ClientAs(string role, Guid? groupId = null, string? subject = null, string language = "en")
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenService>().Issue(subject ?? role + "-" + Guid.NewGuid().ToString("N")[..6], role, groupId);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    /// <summary>A client of <paramref name="host"/> (e.g. a <c>WithWebHostBuilder</c> variant) with a token that host issued for <paramref name="role"/>.</summary>
    public HttpClient ClientAsWith(WebApplicationFactory<Program> host, string role, string subject, string language = "en")
    {
        var client = host.CreateClient();
        var token = host.Services.GetRequiredService<TokenService>().Issue(subject, role, null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>One API host per engine for the whole test run (tests use fresh, unique data).</summary>
public sealed class ApiHosts : IAsyncDisposable
{
    private readonly Dictionary<DatabaseEngine, ApiFactory> _hosts = [];
    private readonly Lock _lock = new();

    public ApiFactory For(DatabaseEngine engine)
    {
        lock (_lock)
        {
            if (!_hosts.TryGetValue(engine, out var host))
            {
                host = new ApiFactory(engine);
                _ = host.Server; // start now, inside the lock
                _hosts[engine] = host;
            }
            return host;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync();
        }
    }
}
