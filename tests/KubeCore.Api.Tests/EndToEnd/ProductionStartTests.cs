using System.Diagnostics;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.EndToEnd;

/// <summary>The built API as a process, started the way an operator would start it in Production.</summary>
public sealed class ProductionStartTests
{
    [Fact]
    public async Task In_production_without_a_signing_key_the_api_refuses_to_start_with_one_line_and_a_nonzero_exit_before_touching_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("kubecore-prod-").FullName;
        try
        {
            var database = Path.Combine(folder, "kubecore.db");
            var bin = AppContext.BaseDirectory;
            var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(bin, "KubeCore.Api.dll"), "--urls", "http://127.0.0.1:0", "--contentRoot", bin])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Auth__SigningKey"] = string.Empty;
            start.Environment["ConnectionStrings__Sqlite"] = "Data Source=" + database;
            start.Environment["ConnectionStrings__Postgres"] = string.Empty;
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
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
