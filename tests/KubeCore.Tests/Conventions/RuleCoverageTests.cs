using KubeCore.Rules;

namespace KubeCore.Tests.Conventions;

/// <summary>The rulebook is complete: every catalogue rule is checked by a test, and every rule tag is real.</summary>
public class RuleCoverageTests
{
    private static IReadOnlyList<RuleTag> Tags => RuleTagScanner.Scan(typeof(RuleCoverageTests).Assembly);

    [Fact]
    [Trait("Category", "Coverage")]
    public void Every_rule_in_the_catalogue_has_at_least_one_running_test_tagged_with_it()
    {
        var tested = Tags.Where(t => t.IsTest && !t.IsSkipped).Select(t => t.Rule).ToHashSet(StringComparer.Ordinal);
        var missing = RuleCatalogue.All.Where(r => !tested.Contains(r.Id.Value)).ToList();
        if (missing.Count > 0)
        {
            var byArea = missing.GroupBy(r => r.Id.Area).Select(g => $"  {g.Key}: {string.Join(", ", g.Select(r => r.Id))}");
            Assert.Fail(
                $"{missing.Count} of {RuleCatalogue.All.Count} catalogue rules have no running test tagged [Trait(\"Rule\", id)]:\n"
                + string.Join('\n', byArea)
                + "\nAdd a property test per rule in tests/KubeCore.Tests/Rulebook/<Area>RulesTests.cs (skipped tests do not count).");
        }
    }

    [Fact]
    public void Every_rule_trait_names_a_rule_of_the_catalogue()
    {
        var unknown = Tags
            .Where(t => !(IsRuleId(t.Rule, out var id) && RuleCatalogue.Contains(id)))
            .Select(t => $"  [Trait(\"Rule\", \"{t.Rule}\")] on {t.ClassName}.{t.MethodName}")
            .ToList();
        unknown.ShouldBeEmpty("Rule traits must name a catalogue rule id exactly (e.g. \"GRP-01\"):\n" + string.Join('\n', unknown));
    }

    [Fact]
    public void Every_rule_trait_sits_on_a_test()
    {
        var notTests = Tags.Where(t => !t.IsTest).Select(t => $"  {t.ClassName}.{t.MethodName} ({t.Rule})").ToList();
        notTests.ShouldBeEmpty("A Rule trait on a method without [Fact]/[Theory] checks nothing:\n" + string.Join('\n', notTests));
    }

    private static bool IsRuleId(string text, out RuleId id)
    {
        try
        {
            id = RuleId.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            id = default;
            return false;
        }
    }
}
