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
    public void The_enforcer_scanner_names_the_enclosing_type_and_member_and_ignores_comments_and_strings()
    {
        const string source = """
            namespace KubeCore.Sample;

            /// <summary>Checks <see cref="RuleIds.Grp02"/> (a comment: not a usage).</summary>
            public sealed class Outer
            {
                private const string Text = "RuleIds.Grp03 in a string is not a usage";
                private static readonly RuleId Field = RuleIds.Pov01;
                // RuleIds.Grp04 in a line comment is not a usage
                public RuleId A() => RuleIds.Grp01;

                public Outer() { Check(() => KubeCore.Rules.RuleIds.Sav03); }

                public static RuleId Rule => RuleIds.Loan04;

                public sealed record Positional(int X);

                private sealed class Inner
                {
                    public RuleId B() { RuleId Local() => RuleIds.Mem06; return Local(); }
                }

                public RuleId C() => RuleIds . Off04;
            }
            """;
        var usages = EnforcerScanner.Usages(source).ToList();
        usages.ShouldBe([
            ("Pov01", "Outer", "Field"), ("Grp01", "Outer", "A"), ("Sav03", "Outer", "(constructor)"),
            ("Loan04", "Outer", "Rule"), ("Mem06", "Outer.Inner", "B"), ("Off04", "Outer", "C")]);
    }

    [Fact]
    public void The_enforcer_scanner_finds_the_foundation_checks_and_computations_in_the_library_sources()
    {
        var enforcers = EnforcerScanner.Scan(Root);
        enforcers.ShouldContain(e => e.Rule == RuleIds.Mem06 && e.TypeName == "Nik" && e.Path == "src/KubeCore/Common/Nik.cs");
        enforcers.ShouldContain(e => e.Rule == RuleIds.Grp05 && e.TypeName == "GroupStandingRules" && e.Path == "src/KubeCore/Groups/IGroupStanding.cs");
        enforcers.ShouldContain(new RuleEnforcer(RuleIds.Priv01, "PersonalData", "Rule", "src/KubeCore/Common/PersonalData.cs"));
        enforcers.ShouldNotContain(e => e.Path.EndsWith("RuleIds.cs", StringComparison.Ordinal) || e.Path.EndsWith("RuleCatalogue.cs", StringComparison.Ordinal)
            || e.Path.EndsWith("RuleSourceWords.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_rule_of_the_catalogue_is_named_by_a_member_of_the_library()
    {
        var named = EnforcerScanner.Scan(Root).Select(e => e.Rule).ToHashSet();
        var missing = RuleCatalogue.All.Where(r => !named.Contains(r.Id)).Select(r => r.Id.Value).ToList();
        missing.ShouldBeEmpty(
            "These rules are named by no member of src/KubeCore (RuleIds.Xxx00 in code, not in comments): name the rule in the "
            + "member that enforces or computes it (a violation, a Rule property of the computation, an invariant's message): "
            + string.Join(", ", missing));
    }
}
