using System.Diagnostics;
using KubeCore.NationalBatch;

namespace KubeCore.Performance.Tests;

/// <summary>The batch's gen0 budget: an environment setting the batch gives itself by starting once more.</summary>
public class Gen0BudgetTests
{
    [Fact]
    public void A_run_without_the_variable_restarts_and_one_with_it_in_either_form_runs_in_place()
    {
        Gen0Budget.ShouldRestart(_ => null).ShouldBeTrue();
        Gen0Budget.ShouldRestart(_ => string.Empty).ShouldBeTrue();
        Gen0Budget.ShouldRestart(name => name == "DOTNET_GCgen0size" ? "0x4000000" : null).ShouldBeFalse();
        Gen0Budget.ShouldRestart(name => name == "DOTNET_GCgen0size" ? "0" : null).ShouldBeFalse();
        Gen0Budget.ShouldRestart(name => name == "COMPlus_GCgen0size" ? "0x2000000" : null).ShouldBeFalse();
    }

    [Fact]
    public void Through_the_dotnet_host_the_assembly_comes_first_then_the_arguments_unchanged()
    {
        var info = Gen0Budget.StartInfo("/usr/share/dotnet/dotnet", "/x/KubeCore.NationalBatch.dll", ["--groups", "2000", "--breakdown"]);

        info.FileName.ShouldBe("/usr/share/dotnet/dotnet");
        info.ArgumentList.ShouldBe(["/x/KubeCore.NationalBatch.dll", "--groups", "2000", "--breakdown"]);
        info.Environment["DOTNET_GCgen0size"].ShouldBe("0x4000000");
        info.UseShellExecute.ShouldBeFalse();
        info.RedirectStandardOutput.ShouldBeFalse();
    }

    [Fact]
    public void Through_the_app_host_only_the_arguments_follow()
    {
        var info = Gen0Budget.StartInfo("/x/KubeCore.NationalBatch", "/x/KubeCore.NationalBatch.dll", ["--groups", "5"]);

        info.FileName.ShouldBe("/x/KubeCore.NationalBatch");
        info.ArgumentList.ShouldBe(["--groups", "5"]);
        info.Environment["DOTNET_GCgen0size"].ShouldBe("0x4000000");
    }

    [Fact]
    public void A_plain_dotnet_run_says_it_restarts_and_the_batch_runs_with_the_budget()
    {
        var (exit, output, error) = RunBatch(gen0size: null);

        exit.ShouldBe(0);
        error.ShouldContain("running again with DOTNET_GCgen0size=0x4000000");
        output.ShouldContain("gen0 budget DOTNET_GCgen0size=0x4000000");
        output.ShouldContain("PASS  consistency");
        // Once: the batch itself runs in place and prints its report once.
        output.Split("National batch:").Length.ShouldBe(2);
    }

    [Fact]
    public void A_run_with_the_variable_set_runs_in_place_with_the_same_totals()
    {
        var (exit, output, error) = RunBatch(gen0size: "0");
        var (_, restarted, _) = RunBatch(gen0size: null);

        exit.ShouldBe(0);
        error.ShouldNotContain("running again");
        output.ShouldContain("gen0 budget DOTNET_GCgen0size=0");
        Totals(output).ShouldBe(Totals(restarted));
    }

    // The report without its timing lines (wall time, entries per second, GC and CPU figures).
    private static string Totals(string report) => string.Join('\n', report.Split('\n')
        .Where(line => line.StartsWith("Groups", StringComparison.Ordinal) || line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith("Weeks", StringComparison.Ordinal) || line.StartsWith("Portfolio", StringComparison.Ordinal)));

    private static (int Exit, string Output, string Error) RunBatch(string? gen0size)
    {
        var dll = typeof(Gen0Budget).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--groups", "20", "--batch", "5", "--progress", "0" })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("DOTNET_GCgen0size");
        info.Environment.Remove("COMPlus_GCgen0size");
        if (gen0size is not null)
        {
            info.Environment["DOTNET_GCgen0size"] = gen0size;
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
