using KubeCore.Rules;
using KubeCore.Tests.Conventions;
using PublicApiGenerator;

namespace KubeCore.Tests.PublicApi;

/// <summary>
/// The public API of KubeCore is a committed file, KubeCore.api.txt, beside this test. Any change to the
/// surface (a type, member, signature, nullability, default value...) fails the test with a diff until
/// the file is regenerated on purpose and the change reviewed in the commit. The text is PublicApiGenerator's
/// (types and members as C#, records as records, with nullability, defaults and attributes), without the assembly's own attributes
/// (they name the build, not the API).
/// </summary>
public class PublicApiTests
{
    /// <summary>The environment variable that makes the baseline test rewrite the file instead of comparing.</summary>
    public const string UpdateVariable = "UPDATE_PUBLIC_API";

    private static readonly ApiGeneratorOptions Options = new() { IncludeAssemblyAttributes = false, TreatRecordsAsClasses = false };

    private static string BaselinePath => Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), "tests", "KubeCore.Tests", "PublicApi", "KubeCore.api.txt");

    [Fact]
    public void The_public_API_of_KubeCore_matches_the_committed_baseline()
    {
        var actual = typeof(RuleCatalogue).Assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(BaselinePath, actual);
            TestContext.Current.SendDiagnosticMessage($"{UpdateVariable}=1: rewrote {BaselinePath}");
            return;
        }
        var expected = File.Exists(BaselinePath) ? File.ReadAllText(BaselinePath).ReplaceLineEndings("\n") : string.Empty;
        if (expected != actual)
        {
            Assert.Fail(
                "The public API of KubeCore differs from tests/KubeCore.Tests/PublicApi/KubeCore.api.txt "
                + "(- baseline, + now):\n" + TextDiff.Lines(expected, actual)
                + "\nIf the change is intended, regenerate the baseline and commit it with the change:\n"
                + "    bash scripts/update-public-api.sh\n"
                + $"(or: {UpdateVariable}=1 dotnet test tests/KubeCore.Tests -c Release --filter FullyQualifiedName~PublicApiTests)");
        }
    }
}
