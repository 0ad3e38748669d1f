namespace KubeCore.Migrate;

/// <summary>The command line of the migration tool (also called by the tests, in process).</summary>
public static class Cli
{
    /// <summary>The usage line.</summary>
    public const string Usage = "usage: dotnet run --project tools/KubeCore.Migrate -- <sqlite file> | --postgres \"<connection string>\"";

    /// <summary>Runs the tool: 0 converted, 1 refused or failed (database unchanged), 2 usage.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            MigrationReport report;
            switch (args)
            {
                case ["--postgres", var connectionString]:
                    report = await Migration.ConvertPostgresAsync(connectionString);
                    output.WriteLine($"KubeCore 0.1 -> 0.2: PostgreSQL database {report}.");
                    return 0;
                case [var file] when !file.StartsWith('-'):
                    report = await Migration.ConvertSqliteAsync(file);
                    output.WriteLine($"KubeCore 0.1 -> 0.2: {Path.GetFullPath(file)} {report}; the 0.1 file is kept as {Path.GetFullPath(file)}.v01.bak.");
                    return 0;
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (MigrationException refused)
        {
            error.WriteLine($"Not converted (the database is unchanged): {refused.Message}");
            return 1;
        }
    }
}
