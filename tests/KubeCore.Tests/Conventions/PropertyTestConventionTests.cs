namespace KubeCore.Tests.Conventions;

/// <summary>
/// Every property test is an FsCheck.Xunit <c>[Property]</c> method: xunit runs, counts and reports it, the rulebook
/// lists it, and a falsified property fails its test. No test under <c>tests/</c> runs FsCheck by hand.
/// </summary>
public class PropertyTestConventionTests
{
    // Built by concatenation so this file does not match its own patterns.
    private static readonly string[] Forbidden =
    [
        "Check" + ".One",
        "Check" + ".Quick",
        "Quick" + "Check",
        "Rulebook" + ".Verify",
        "Prop" + ".ForAll",
    ];

    [Fact]
    public void No_test_runs_a_property_by_hand_every_property_is_a_Property_method()
    {
        var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        var found = FindForbidden(root).ToList();
        if (found.Count > 0)
        {
            Assert.Fail(
                "Write each property as a [Property(MaxTest = N, Arbitrary = [typeof(XxxArbitraries)])] method whose parameters are the generated input, "
                + $"not by running FsCheck by hand ({found.Count} uses):\n  " + string.Join("\n  ", found));
        }
    }

    [Fact]
    public void The_convention_scans_the_test_sources()
    {
        // Guards the scan above against silently looking at nothing.
        var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        TestSources(root).ShouldContain(f => f.EndsWith("PropertyTestConventionTests.cs", StringComparison.Ordinal));
        TestSources(root).ShouldNotContain(f => f.Contains("/obj/", StringComparison.Ordinal) || f.Contains("/bin/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rulebook_counts_a_Property_method_as_a_test()
    {
        // FsCheck.Xunit's PropertyAttribute derives from xunit's FactAttribute, which is what the tag scanner looks for.
        var tags = RuleTagScanner.Scan(typeof(PropertyTestConventionTests).Assembly);
        tags.ShouldContain(new RuleTag("LOAN-04", "LoanRulesTests", "The_installments_of_a_schedule_always_add_up_to_principal_plus_total_jasa", IsTest: true, IsSkipped: false));
    }

    /// <summary>Each use of a forbidden call, as <c>path:line: pattern</c> with the path relative to the repository root.</summary>
    private static IEnumerable<string> FindForbidden(string root)
    {
        foreach (var relative in TestSources(root))
        {
            var lines = File.ReadAllLines(Path.Combine(root, relative));
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var pattern in Forbidden.Where(p => lines[i].Contains(p, StringComparison.Ordinal)))
                {
                    yield return $"{relative}:{i + 1}: {pattern}";
                }
            }
        }
    }

    /// <summary>Every C# source under <c>tests/</c> (build output left out), relative to the root, with forward slashes, in order.</summary>
    private static IEnumerable<string> TestSources(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
