using System.Reflection;
using KubeCore.Rules;
using KubeCore.Tests.Conventions;

namespace KubeCore.Tests.Examples;

/// <summary>
/// Runs every row of docs/examples/*.yaml through its rule's <see cref="ExampleRunner"/>: one test case per row, named
/// by file, line and the row's name, carrying the row's <c>Rule</c> trait (so <c>-trait "Rule=GRP-01"</c> runs a rule's
/// rows with its properties).
/// </summary>
public class WorkedExampleTests
{
    /// <summary>The file name of the one row that stands for the whole book when it cannot be read.</summary>
    internal const string UnreadableBook = "docs/examples";

    private static readonly Lazy<IReadOnlyList<WorkedExampleFile>> Book = new(() => WorkedExampleBook.Load(RepositoryLayout.FindRoot(AppContext.BaseDirectory)));

    private static readonly Lazy<IReadOnlyDictionary<string, ExampleRunner>> RunnersByRule = new(() =>
        Runners().GroupBy(r => r.Rule.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    /// <summary>Every runner in this assembly, one instance each.</summary>
    internal static IReadOnlyList<ExampleRunner> Runners() =>
        typeof(ExampleRunner).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ExampleRunner)) && !t.IsAbstract)
            .Select(t => (ExampleRunner)Activator.CreateInstance(t, nonPublic: true)!)
            .ToList();

    /// <summary>The loaded files (shared with the convention tests).</summary>
    internal static IReadOnlyList<WorkedExampleFile> Files => Book.Value;

    /// <summary>
    /// One case per row. When the book cannot be read (no repository root above the test assembly, no
    /// docs/examples, a malformed file), one failing case takes its place, carrying every rule's trait: a run filtered
    /// by <c>-trait "Rule=…"</c> then fails on it instead of silently running a rule without its examples.
    /// </summary>
    public static TheoryData<string, int> Rows()
    {
        var data = new TheoryData<string, int>();
        IReadOnlyList<WorkedExampleFile> files;
        try
        {
            files = Book.Value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or WorkedExampleException)
        {
            var unreadable = new TheoryDataRow<string, int>(UnreadableBook, 0) { TestDisplayName = $"{UnreadableBook} cannot be read: {e.Message}" };
            foreach (var rule in RuleCatalogue.All)
            {
                unreadable.WithTrait("Rule", rule.Id.Value);
            }
            data.Add(unreadable);
            return data;
        }
        foreach (var row in files.SelectMany(f => f.Rows))
        {
            data.Add(new TheoryDataRow<string, int>(row.File, row.Line) { TestDisplayName = row.Display }.WithTrait("Rule", row.Rule));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_library_answers_each_worked_example_as_its_row_says(string file, int line)
    {
        // The book's own error (it could not be read when the rows were listed) fails the case that stands for it.
        var row = Book.Value.Single(f => f.File == file).Rows.Single(r => r.Line == line);
        RunnersByRule.Value.TryGetValue(row.Rule, out var runner).ShouldBeTrue($"no ExampleRunner for {row.Rule}");

        var actual = Run(runner!, row);

        if (row.Accepted)
        {
            actual.Outcome.ShouldBe(WorkedExample.AcceptedOutcome, $"{row.Display}: expected the operation to be accepted");
        }
        else
        {
            actual.Outcome.ShouldBe(row.Outcome, $"{row.Display}: expected {row.Outcome}");
        }
        foreach (var (name, expected) in row.Figures)
        {
            actual.Figures.TryGetValue(name, out var value).ShouldBeTrue($"{row.Display}: the runner computes no figure '{name}' (it has {string.Join(", ", actual.Figures.Keys)})");
            value.ShouldBe(Normalise(expected), $"{row.Display}: figure '{name}'");
        }
    }

    /// <summary>Runs a row: a thrown rule violation is an outcome like a returned one (its code, if it names the expected one, or the first).</summary>
    internal static ExampleResult Run(ExampleRunner runner, WorkedExample row)
    {
        try
        {
            return runner.Run(row);
        }
        catch (RuleViolationException e)
        {
            var code = e.Violations.Any(v => v.ErrorCode == row.Outcome) ? row.Outcome : e.Violation.ErrorCode;
            return new ExampleResult(code, new Dictionary<string, string>());
        }
    }

    /// <summary>Figures may be written with <c>_</c> thousands separators.</summary>
    private static string Normalise(string figure) =>
        figure.Length > 0 && (char.IsDigit(figure[0]) || figure[0] == '-') && figure.Contains('_', StringComparison.Ordinal)
            ? figure.Replace("_", string.Empty, StringComparison.Ordinal)
            : figure;
}
