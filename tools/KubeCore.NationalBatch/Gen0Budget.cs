using System.Diagnostics;

namespace KubeCore.NationalBatch;

/// <summary>
/// The batch's gen0 budget. Its two workers allocate short-lived objects at a high rate; a 64 MB gen0 budget per heap
/// (instead of the default, sized from the cache) makes gen0 collections about 8 times rarer. The runtime takes that
/// budget from the environment only (<c>DOTNET_GCgen0size</c>: no runtimeconfig.json property sets it), so a plain
/// <c>dotnet KubeCore.NationalBatch.dll</c> run starts itself once more with the variable set, and says so on standard
/// error. Setting the variable yourself (any value; <c>0</c> is the runtime's default budget) runs the batch in place.
/// </summary>
internal static class Gen0Budget
{
    /// <summary>The runtime's variable for the gen0 budget (read as hexadecimal).</summary>
    public const string Variable = "DOTNET_GCgen0size";

    /// <summary>The same setting under its legacy prefix, which the runtime also reads.</summary>
    public const string LegacyVariable = "COMPlus_GCgen0size";

    /// <summary>64 MB.</summary>
    public const string Value = "0x4000000";

    /// <summary>True when neither form of the variable is set, so the batch should run itself again with it.</summary>
    public static bool ShouldRestart(Func<string, string?> environment) =>
        string.IsNullOrEmpty(environment(Variable)) && string.IsNullOrEmpty(environment(LegacyVariable));

    /// <summary>
    /// How to start the same program again: through the <c>dotnet</c> host with the assembly first when the process
    /// is that host, otherwise the process's own executable (the app host); the arguments follow unchanged.
    /// </summary>
    public static ProcessStartInfo StartInfo(string processPath, string assemblyPath, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(processPath) { UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(assemblyPath);
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment[Variable] = Value;
        return info;
    }

    /// <summary>
    /// Runs the batch again with the gen0 budget set, sharing this console, and returns its exit code; null when it
    /// cannot (no process path or assembly location), and the caller runs in place.
    /// </summary>
    public static int? Restart(string[] args, TextWriter log)
    {
        var processPath = Environment.ProcessPath;
        var assemblyPath = typeof(Gen0Budget).Assembly.Location;
        if (string.IsNullOrEmpty(processPath) || string.IsNullOrEmpty(assemblyPath))
        {
            return null;
        }
        log.WriteLine($"national batch: running again with {Variable}={Value} (a 64 MB gen0 budget; set {Variable} yourself to run in place)");
        // Ctrl+C reaches both processes: this one waits for the batch to stop and passes its exit code on.
        ConsoleCancelEventHandler wait = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += wait;
        try
        {
            using var batch = Process.Start(StartInfo(processPath, assemblyPath, args));
            if (batch is null)
            {
                return null;
            }
            batch.WaitForExit();
            return batch.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= wait;
        }
    }
}
