using System.Reflection;

namespace KubeCore.Tests.Conventions;

/// <summary>
/// Tags mean rules: <c>[Trait("Rule", id)]</c> sits only on tests that state the rule (the rulebook lists them under it).
/// Tests of how the library does something (a compact form against the general one, an index against a rescan, a hash
/// format) carry <c>[Trait("Category", "Implementation")]</c> or <c>[Trait("Category", "Format")]</c> instead, and the
/// rulebook does not list them.
/// </summary>
public class TagConventionTests
{
    /// <summary>The categories of tests that state no rule.</summary>
    private static readonly string[] NonRuleCategories = ["Implementation", "Format"];

    /// <summary>Folders (namespaces) of tests about persistence, the public surface, conventions and test support, not rules.</summary>
    private static readonly string[] ImplementationFolders =
        ["KubeCore.Tests.State", "KubeCore.Tests.PublicApi", "KubeCore.Tests.Conventions", "KubeCore.Tests.Support", "KubeCore.Tests.Builders"];

    /// <summary>Rule-tagged tests in implementation folders, by class and method (<c>*</c> for a class-level tag), with the reason.</summary>
    private static readonly Dictionary<string, string> FolderExceptions = new(StringComparer.Ordinal)
    {
        ["GoldenStateFileTests.The_week_of_the_cover_read_from_the_restored_group_shows_the_absent_defaulters_missing_savings_and_her_unpaid_installment"] =
            "FIVE-05 judged on the week of the golden file's tanggung renteng cover, read from the restored group: the rule's worked example on stored data",
        ["LoanRevolvingStateTests.An_application_naming_a_loan_id_the_fund_already_has_is_refused_and_a_fresh_id_is_accepted"] =
            "LOAN-06 refuses a host-given loan id the fund already has; the test came with the host-controlled ids of the state work",
        ["ProfileAdoptionTests.*"] =
            "adopting a new profile version is a GRP-06 design choice (a dated fact judged by the rules); its tests sit with the restore tests it came with",
    };

    [Fact]
    public void A_rule_tagged_test_carries_no_implementation_or_format_category()
    {
        var both = Tests()
            .Where(t => t.Rules.Count > 0 && t.Categories.Any(c => NonRuleCategories.Contains(c, StringComparer.Ordinal)))
            .Select(t => $"{t.Key} (Rule {string.Join(", ", t.Rules)}; Category {string.Join(", ", t.Categories)})")
            .ToList();
        both.ShouldBeEmpty("A test either states a rule (Rule trait) or checks an implementation or format (Category trait), not both:\n  "
            + string.Join("\n  ", both));
    }

    [Fact]
    public void Tests_in_implementation_folders_carry_no_rule_tag_except_the_listed_ones()
    {
        var tagged = Tests().Where(t => t.Rules.Count > 0 && IsImplementationFolder(t.Namespace)).ToList();
        var unlisted = tagged.Where(t => !FolderExceptions.ContainsKey(t.Key) && !FolderExceptions.ContainsKey(t.ClassName + ".*"))
            .Select(t => $"{t.Namespace}.{t.Key} (Rule {string.Join(", ", t.Rules)})")
            .ToList();
        var gone = FolderExceptions.Keys
            .Where(k => !tagged.Any(t => t.Key == k || (k.EndsWith(".*", StringComparison.Ordinal) && t.ClassName + ".*" == k)))
            .ToList();
        if (unlisted.Count > 0 || gone.Count > 0)
        {
            Assert.Fail("Rule tags belong on rule tests (tests/KubeCore.Tests/Rulebook or a domain folder), not in "
                + string.Join(", ", ImplementationFolders) + ".\n"
                + (unlisted.Count > 0 ? "Not listed:\n  " + string.Join("\n  ", unlisted) + "\n" : string.Empty)
                + (gone.Count > 0 ? "Listed but no longer rule-tagged there (remove from the list):\n  " + string.Join("\n  ", gone) : string.Empty));
        }
    }

    [Fact]
    public void The_scan_sees_rule_tests_and_implementation_and_format_tests()
    {
        // Guards the two conventions above against silently looking at nothing.
        var tests = Tests().ToList();
        tests.ShouldContain(t => t.Key == "LedgerHashFormatTests.A_deposit_fits_in_two_SHA256_blocks" && t.Categories.Contains("Implementation") && t.Rules.Count == 0);
        tests.ShouldContain(t => t.Categories.Contains("Format"));
        tests.ShouldContain(t => t.ClassName == "ProfileAdoptionTests" && t.Rules.Contains("GRP-06"));
        tests.Count(t => t.Rules.Count > 0).ShouldBeGreaterThan(300);
    }

    private sealed record TestMethod(string Namespace, string ClassName, string MethodName, IReadOnlyList<string> Rules, IReadOnlyList<string> Categories)
    {
        public string Key => $"{ClassName}.{MethodName}";
    }

    private static bool IsImplementationFolder(string ns) =>
        ImplementationFolders.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal));

    /// <summary>Every xunit test method of this assembly with its Rule and Category traits, class-level traits included.</summary>
    private static IEnumerable<TestMethod> Tests()
    {
        foreach (var type in typeof(TagConventionTests).Assembly.GetTypes())
        {
            var classTraits = Traits(type.GetCustomAttributesData()).ToList();
            foreach (var method in type.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            {
                var attributes = method.GetCustomAttributesData();
                if (!attributes.Any(a => typeof(FactAttribute).IsAssignableFrom(a.AttributeType)))
                {
                    continue;
                }
                var traits = Traits(attributes).Concat(classTraits).ToList();
                yield return new TestMethod(type.Namespace ?? string.Empty, type.Name, method.Name, Values(traits, "Rule"), Values(traits, "Category"));
            }
        }
    }

    private static IEnumerable<(string Name, string Value)> Traits(IEnumerable<CustomAttributeData> attributes) =>
        attributes
            .Where(a => a.AttributeType == typeof(TraitAttribute) && a.ConstructorArguments.Count == 2)
            .Select(a => (a.ConstructorArguments[0].Value as string ?? string.Empty, a.ConstructorArguments[1].Value as string ?? string.Empty));

    private static List<string> Values(IEnumerable<(string Name, string Value)> traits, string name) =>
        traits.Where(t => t.Name == name).Select(t => t.Value).Distinct(StringComparer.Ordinal).ToList();
}
