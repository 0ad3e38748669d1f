using KubeCore.Rules;
using KubeCore.Tests.Examples;

namespace KubeCore.Tests.Conventions;

/// <summary>docs/examples/*.yaml: every rule has worked examples on both sides of its limits, and each is run.</summary>
[Trait("Category", "Format")]
public class WorkedExampleConventionTests
{
    private static IReadOnlyList<WorkedExampleFile> Files => WorkedExampleTests.Files;

    [Fact]
    public void Every_rule_of_the_catalogue_has_an_example_file_with_at_least_three_rows()
    {
        var byRule = Files.ToDictionary(f => f.Rule, StringComparer.Ordinal);
        var missing = RuleCatalogue.All
            .Where(r => !byRule.TryGetValue(r.Id.Value, out var file) || file.Rows.Count < 3)
            .Select(r => $"{r.Id}: {(byRule.TryGetValue(r.Id.Value, out var f) ? f.Rows.Count : 0)} rows")
            .ToList();
        missing.ShouldBeEmpty($"docs/examples/<RULE>.yaml needs at least 3 rows for: {string.Join("; ", missing)}");
    }

    [Fact]
    public void The_book_holds_at_least_four_hundred_worked_examples() =>
        Files.Sum(f => f.Rows.Count).ShouldBeGreaterThanOrEqualTo(400);

    [Fact]
    public void Every_file_shows_an_accepted_case_and_every_rule_with_error_codes_shows_a_refused_one()
    {
        var problems = new List<string>();
        foreach (var file in Files)
        {
            if (!file.Rows.Any(r => r.Accepted))
            {
                problems.Add($"{file.File}: no accepted row (the legal side of the limit)");
            }
            var prefix = file.Rule.Replace("-", string.Empty, StringComparison.Ordinal) + "_";
            if (KubeCoreMessages.All.Any(m => m.Code.StartsWith(prefix, StringComparison.Ordinal)) && file.Rows.All(r => r.Accepted))
            {
                problems.Add($"{file.File}: the rule has error codes ({prefix}…) but no row is refused");
            }
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_rule_has_rows_under_each_distinct_value_of_its_parameters()
    {
        // Profiles that give the rule's parameters different values are different cases: each needs a row.
        var problems = new List<string>();
        foreach (var rule in RuleCatalogue.All.Where(r => r.Parameters.Count > 0))
        {
            var file = Files.SingleOrDefault(f => f.Rule == rule.Id.Value);
            if (file is null)
            {
                continue; // reported by the first convention
            }
            var profilesWithRows = file.Rows.Select(r => r.Profile).ToHashSet(StringComparer.Ordinal);
            var cases = ProgramProfiles.All
                .GroupBy(p => string.Join(" | ", rule.Parameters.Select(d => d.FormattedValueIn(p))), StringComparer.Ordinal)
                .Where(g => g.Key.Split(" | ").Any(v => v != "—"));
            foreach (var @case in cases.Where(c => !c.Any(p => profilesWithRows.Contains(p.Code))))
            {
                problems.Add($"{file.File}: no row under any of {string.Join(", ", @case.Select(p => p.Code))} ({@case.Key})");
            }
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Each_rule_of_the_catalogue_has_exactly_one_example_runner()
    {
        var runners = WorkedExampleTests.Runners();
        runners.GroupBy(r => r.Rule).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.GetType().Name))}")
            .ShouldBeEmpty("one runner per rule");
        RuleCatalogue.All.Select(r => r.Id).Except(runners.Select(r => r.Rule)).ShouldBeEmpty("rules without an ExampleRunner");
    }

    [Fact]
    public void Row_names_are_unique_within_a_file() =>
        Files.SelectMany(f => f.Rows.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{f.File}: '{g.Key}' ×{g.Count()}"))
            .ShouldBeEmpty();

    [Theory]
    [InlineData("rule: GRP-01\nexamples:\n  - name: x\n    profile: Kub\n    outcome: maybe\n", "GRP-01.yaml:3", "neither 'accepted' nor a KubeCore error code")]
    [InlineData("rule: GRP-01\nexamples:\n  - name: x\n    profile: Nowhere\n    outcome: accepted\n", "GRP-01.yaml:3", "unknown profile 'Nowhere'")]
    [InlineData("rule: GRP-02\nexamples: []\n", "GRP-01.yaml:1", "declares rule 'GRP-02'")]
    [InlineData("rule: GRP-01\nexamples:\n  - name: x\n    profile: Kub\n    outcome: accepted\n    expected: 3\n", "GRP-01.yaml:6", "unknown key 'expected'")]
    [InlineData("rule: GRP-01\nexamples:\n  - name: x\n    profile: Kub\n   outcome: accepted\n", "GRP-01.yaml:", "not valid YAML")]
    [InlineData("rule: GRP-01\nexamples:\n  - name: x\n    profile: Kub\n    given: { members: [1, { a: 2 }] }\n    outcome: accepted\n", "GRP-01.yaml:5", "lists only plain values")]
    public void A_malformed_example_file_is_refused_with_its_file_and_line(string text, string where, string what)
    {
        var e = Should.Throw<WorkedExampleException>(() => WorkedExampleBook.Parse("GRP-01.yaml", text));
        e.Message.ShouldStartWith(where);
        e.Message.ShouldContain(what);
    }

    [Fact]
    public void A_row_that_gives_an_input_the_runner_cannot_read_names_its_file_and_line()
    {
        var row = WorkedExampleBook.Parse("GRP-01.yaml", "rule: GRP-01\nexamples:\n  - name: x\n    profile: Kub\n    given: { members: four }\n    outcome: accepted\n").Rows[0];
        Should.Throw<WorkedExampleException>(() => row.Int("members")).Message.ShouldBe("GRP-01.yaml:3 (x): cannot read the input 'members' = 'four' as Int32");
        Should.Throw<WorkedExampleException>(() => row.Text("age")).Message.ShouldContain("needs the input 'age'");
        row.Int("age", 30).ShouldBe(30);
    }
}
