using System.Diagnostics;
using System.Text;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.EndToEnd;

/// <summary>The built API as a process, started the way a newcomer or an operator starts it.</summary>
public sealed class ApiProcessStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kubecore-start-").FullName;

    [Fact]
    public async Task In_production_without_a_signing_key_the_api_refuses_to_start_with_one_line_and_a_nonzero_exit_before_touching_the_database()
    {
        var database = Path.Combine(_folder, "kubecore.db");
        var start = Start("Production");
        start.Environment["Auth__SigningKey"] = string.Empty;
        start.Environment["ConnectionStrings__Sqlite"] = "Data Source=" + database;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Http.Ct);
        var error = process.StandardError.ReadToEndAsync(Http.Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Http.Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The API kept running in Production with no signing key.");
        }

        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        process.ExitCode.ShouldNotBe(0);
        lines.Length.ShouldBe(1, string.Join('\n', lines) + "\nstdout:\n" + await output);
        lines[0].ShouldContain("Auth:SigningKey");
        lines[0].ShouldContain("Auth__SigningKey");
        File.Exists(database).ShouldBeFalse("the database file was created before the API gave up");
    }

    [Fact]
    public async Task A_database_written_by_0_1_is_refused_with_one_line_and_a_nonzero_exit_and_left_untouched()
    {
        // A real database written by the 0.1.0 API (command streams, ledger, households).
        var database = Path.Combine(_folder, "kubecore-0.1.db");
        File.Copy(MigrationTests.Fixture, database);
        var before = await File.ReadAllBytesAsync(database, Http.Ct);
        var start = Start("Development");
        start.Environment["ConnectionStrings__Sqlite"] = "Data Source=" + database;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Http.Ct);
        var error = process.StandardError.ReadToEndAsync(Http.Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Http.Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The API kept running on a 0.1 database.");
        }

        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        process.ExitCode.ShouldNotBe(0);
        lines.Length.ShouldBe(1, string.Join('\n', lines) + "\nstdout:\n" + await output);
        lines[0].ShouldContain("KubeCore 0.1");
        lines[0].ShouldContain(MigrationTests.ToolCommand);
        (await File.ReadAllBytesAsync(database, Http.Ct)).ShouldBe(before);
    }

    [Fact]
    public async Task A_first_start_in_a_fresh_user_profile_warns_about_nothing_and_says_where_the_docs_and_the_default_database_are()
    {
        // A new user: an empty home folder (no DataProtection keys yet), no connection string.
        var home = Directory.CreateDirectory(Path.Combine(_folder, "home")).FullName;
        var start = Start("Development");
        start.Environment["HOME"] = home;
        start.Environment.Remove("XDG_DATA_HOME");
        start.Environment["ConnectionStrings__Sqlite"] = string.Empty;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(line);
            }
            if (line.Contains("KubeCore API listening on", StringComparison.Ordinal))
            {
                started.TrySetResult(line);
            }
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string line;
        try
        {
            line = await started.Task.WaitAsync(TimeSpan.FromSeconds(90), Http.Ct);
            await Task.Delay(500, Http.Ct); // anything logged right after the start
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Http.Ct);
        }

        var text = output.ToString();
        var file = Path.Combine(home, ".local", "share", "KubeCore", "kubecore.db");
        line.ShouldContain("/swagger", customMessage: text);
        line.ShouldContain("/openapi/v1.json", customMessage: text);
        line.ShouldContain("SQLite file " + file, customMessage: text);
        File.Exists(file).ShouldBeTrue(text);
        text.Split('\n').Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))
            .ShouldBeEmpty(text);
        Directory.Exists(Path.Combine(home, ".aspnet", "DataProtection-Keys")).ShouldBeFalse("a DataProtection key was created at start");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    /// <summary>The API dll copied next to the tests, on a free loopback port, with the console logger at its defaults.</summary>
    private ProcessStartInfo Start(string environment)
    {
        var bin = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(bin, "KubeCore.Api.dll"), "--urls", "http://127.0.0.1:0", "--contentRoot", bin])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ConnectionStrings__Postgres"] = string.Empty;
        return start;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
