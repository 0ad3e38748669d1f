using System.Reflection;
using FsCheck.Xunit;
using KubeCore.Rules;
using KubeCore.Tests.PublicApi;

namespace KubeCore.Tests.Conventions;

/// <summary>docs/RULEBOOK.md is generated (tools/KubeCore.Rulebook); these tests keep it honest and in sync.</summary>
public class RulebookDocumentTests
{
    private static readonly string Root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    [Fact]
    public void The_checked_in_rulebook_is_what_the_generator_produces_now()
    {
        var expected = RulebookDocument.Render(RuleTagScanner.Scan(typeof(RulebookDocumentTests).Assembly), EnforcerScanner.Scan(Root), WorkedExampleBook.Load(Root));
        var path = RepositoryLayout.RulebookPath(Root);
        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        if (actual != expected)
        {
            Assert.Fail(
                "docs/RULEBOOK.md is out of date (- checked in, + generated now):\n" + TextDiff.Lines(actual, expected)
                + $"\nRegenerate it from the repository root and commit it:\n    {RulebookDocument.Command}");
        }
    }

    [Fact]
    public void The_tag_scanner_reads_the_rule_traits_of_the_test_methods()
    {
        var tags = RuleTagScanner.Scan(typeof(RulebookDocumentTests).Assembly);
        tags.ShouldContain(new RuleTag("MEM-06", "NikTests", "A_NIK_never_agrees_with_the_other_sex", IsTest: true, IsSkipped: false));
        tags.Single(t => t.MethodName == "A_NIK_never_agrees_with_the_other_sex").Sentence.ShouldBe("A NIK never agrees with the other sex");
        tags.ShouldNotContain(t => t.ClassName == nameof(RulebookDocumentTests));
    }

    [Fact]
    public void The_tag_scanner_counts_every_FsCheck_property_tagged_with_a_rule_as_a_running_test()
    {
        // The scanner knows xunit's FactAttribute by name and accepts subclasses: FsCheck.Xunit's [Property] is one.
        typeof(PropertyAttribute).IsSubclassOf(typeof(FactAttribute)).ShouldBeTrue();
        var assembly = typeof(RulebookDocumentTests).Assembly;
        var tagged = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.IsDefined(typeof(PropertyAttribute), inherit: false)
                && m.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute) && a.ConstructorArguments is [{ Value: "Rule" }, _]))
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);
        var tags = RuleTagScanner.Scan(assembly).Where(t => tagged.Contains(t.MethodName)).ToList();

        tagged.ShouldNotBeEmpty();
        tags.Select(t => t.MethodName).ToHashSet(StringComparer.Ordinal).SetEquals(tagged).ShouldBeTrue();
        tags.ShouldAllBe(t => t.IsTest && !t.IsSkipped);
        tags.ShouldContain(new RuleTag("GRP-01", "GroupRulesTests", "A_group_is_proposed_only_with_a_member_count_within_its_profile_range", IsTest: true, IsSkipped: false));
    }

    [Fact]
    public void The_enforcer_scanner_names_the_enclosing_type_and_ignores_comments_and_strings()
    {
        const string source = """
            namespace KubeCore.Sample;

            /// <summary>Checks <see cref="RuleIds.Grp02"/> (a comment: not a usage).</summary>
            public sealed class Outer
            {
                private const string Text = "RuleIds.Grp03 in a string is not a usage";
                // RuleIds.Grp04 in a line comment is not a usage
                public RuleId A() => RuleIds.Grp01;

                public sealed record Positional(int X);

                private sealed class Inner
                {
                    public RuleId B() => RuleIds.Mem06;
                }

                public RuleId C() => RuleIds . Off04;
            }
            """;
        var usages = EnforcerScanner.Usages(EnforcerScanner.CodeOnly(source)).ToList();
        usages.ShouldBe([("Grp01", "Outer"), ("Mem06", "Outer.Inner"), ("Off04", "Outer")]);
    }

    [Fact]
    public void The_enforcer_scanner_finds_the_foundation_checks_in_the_library_sources()
    {
        var enforcers = EnforcerScanner.Scan(Root);
        enforcers.ShouldContain(new RuleEnforcer(RuleIds.Mem06, "Nik", "src/KubeCore/Common/Nik.cs"));
        enforcers.ShouldContain(new RuleEnforcer(RuleIds.Grp05, "GroupStandingRules", "src/KubeCore/Groups/IGroupStanding.cs"));
        enforcers.ShouldNotContain(e => e.Path.EndsWith("RuleIds.cs", StringComparison.Ordinal) || e.Path.EndsWith("RuleCatalogue.cs", StringComparison.Ordinal));
    }
}
