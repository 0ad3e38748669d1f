namespace KubeCore.Migrate;

/// <summary>
/// Converts a KubeCore 0.1 database (command streams) to 0.2 (states), once, in place:
/// <c>dotnet run --project tools/KubeCore.Migrate -- &lt;sqlite file&gt;</c> or <c>-- --postgres "&lt;connection string&gt;"</c>.
/// </summary>
internal static class MigrateProgram
{
    private static Task<int> Main(string[] args) => Cli.RunAsync(args, Console.Out, Console.Error);
}
