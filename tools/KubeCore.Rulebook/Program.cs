// Generates docs/RULEBOOK.md from the rule catalogue, the built-in profiles, the tests tagged
// [Trait("Rule", id)], the worked examples in docs/examples and the library sources.
//
//   dotnet run --project tools/KubeCore.Rulebook                 writes docs/RULEBOOK.md
//   dotnet run --project tools/KubeCore.Rulebook -- --check      exit code 1 when the file is out of date
//   ... -- --tests path/to/KubeCore.Tests.dll                    reads the tags from another build
//
// Run from anywhere inside the repository. Exit codes: 0 done / in sync, 1 out of date, 2 usage or load error.
using System.Reflection;
using System.Runtime.Loader;
using KubeCore.Rules;
using KubeCore.Tests.Conventions;

var check = false;
string? testsArgument = null;
var usage = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--check":
            check = true;
            break;
        case "--tests" when i + 1 < args.Length:
            testsArgument = args[++i];
            break;
        default:
            usage = true;
            break;
    }
}
if (usage)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/KubeCore.Rulebook [-- [--check] [--tests KubeCore.Tests.dll]]");
    return 2;
}

string root;
try
{
    root = RepositoryLayout.FindRoot(Environment.CurrentDirectory);
}
catch (DirectoryNotFoundException)
{
    root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
}

var defaultTests = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "KubeCore.Rulebook.TestAssembly").Value!;
var testsPath = Path.GetFullPath(testsArgument ?? Path.Combine(root, defaultTests));
if (!File.Exists(testsPath))
{
    Console.Error.WriteLine($"No test assembly at {testsPath}: build tests/KubeCore.Tests first (dotnet run builds it in the same configuration).");
    return 2;
}

var tags = RuleTagScanner.Scan(new TestAssemblyContext(testsPath).LoadFromAssemblyPath(testsPath));
var enforcers = EnforcerScanner.Scan(root);
var examples = WorkedExampleBook.Load(root);
var document = RulebookDocument.Render(tags, enforcers, examples);
var path = RepositoryLayout.RulebookPath(root);
var relative = Path.GetRelativePath(root, path);
var tested = RuleCatalogue.All.Count(r => tags.Any(t => t.IsTest && !t.IsSkipped && t.Rule == r.Id.Value));
var summary = $"{RuleCatalogue.All.Count} rules, {tested} with tests, {RuleCatalogue.All.Count(r => enforcers.Any(e => e.Rule == r.Id))} named by library code, {examples.Sum(f => f.Rows.Count)} worked examples";

if (check)
{
    var current = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
    if (current == document)
    {
        Console.WriteLine($"{relative} is up to date ({summary}).");
        return 0;
    }
    Console.Error.WriteLine($"{relative} is out of date: run {RulebookDocument.Command}");
    return 1;
}

Directory.CreateDirectory(Path.GetDirectoryName(path)!);
File.WriteAllText(path, document);
Console.WriteLine($"Wrote {relative} ({summary}) from {Path.GetRelativePath(root, testsPath)}.");
return 0;

/// <summary>
/// Loads the test assembly with its own dependencies (xunit, FsCheck...) resolved from its deps.json,
/// while sharing this tool's KubeCore so the rule ids are the same types.
/// </summary>
internal sealed class TestAssemblyContext(string testsPath) : AssemblyLoadContext("KubeCore.Tests")
{
    private readonly AssemblyDependencyResolver _resolver = new(testsPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == typeof(RuleCatalogue).Assembly.GetName().Name)
        {
            return typeof(RuleCatalogue).Assembly;
        }
        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
