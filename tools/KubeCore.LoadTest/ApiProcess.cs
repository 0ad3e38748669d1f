using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KubeCore.LoadTest;

/// <summary>Starts the reference API on a free loopback port with a fresh SQLite file or the given PostgreSQL database (Development), and stops it.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private ApiProcess(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The CPU time the API process has used so far (user and system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ApiProcess> StartAsync(string apiDll, TextWriter output, string? postgres, CancellationToken ct)
    {
        var dll = Path.GetFullPath(apiDll);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The API's dll was not found; build samples/KubeCore.Api first.", dll);
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var address = new Uri($"http://127.0.0.1:{port}");
        var folder = Directory.CreateTempSubdirectory("kubecore-load-").FullName;
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString(), "--contentRoot", Path.GetDirectoryName(dll)!])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Sqlite"] = "Data Source=" + Path.Combine(folder, "kubecore.db");
        start.Environment["ConnectionStrings__Postgres"] = postgres ?? string.Empty;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The API process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.WriteLine("  api: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, folder, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (process.HasExited)
            {
                await api.DisposeAsync();
                throw new InvalidOperationException($"The API exited with code {process.ExitCode} before answering /health.");
            }
            try
            {
                using var health = await probe.GetAsync("/health", ct);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(200, ct);
        }
        await api.DisposeAsync();
        throw new TimeoutException("The API did not answer /health within 180 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
