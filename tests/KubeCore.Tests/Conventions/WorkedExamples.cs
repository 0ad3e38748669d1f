// This file is compiled into two projects: the tests (WorkedExampleTests runs every row; conventions check the
// files) and tools/KubeCore.Rulebook (which renders the rows under each rule in docs/RULEBOOK.md). It must not
// depend on xunit.
using System.Globalization;
using KubeCore.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeCore.Tests.Conventions;

/// <summary>
/// One worked example of a rule: one row of <c>docs/examples/&lt;RULE&gt;.yaml</c>. The inputs are in domain words
/// (the runner of the rule reads them), the outcome is <c>accepted</c> or the error code the library answers, and
/// the figures, for a computation, are the values it must compute.
/// </summary>
/// <param name="Rule">The rule id the file is named after.</param>
/// <param name="File">The file name, e.g. <c>GRP-01.yaml</c>.</param>
/// <param name="Line">The 1-based line of the row's first key.</param>
/// <param name="Name">The row's name, a short sentence.</param>
/// <param name="Profile">The program profile code (<see cref="ProgramProfiles.Get"/>).</param>
/// <param name="Given">The inputs: each value is a scalar or a list of scalars, as written.</param>
/// <param name="Outcome"><c>accepted</c>, or the error code expected.</param>
/// <param name="Figures">The computed values expected, by name, as written (may be empty).</param>
/// <param name="Note">Why the row is there (the boundary it sits on), or null.</param>
internal sealed record WorkedExample(
    string Rule,
    string File,
    int Line,
    string Name,
    string Profile,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Given,
    string Outcome,
    IReadOnlyDictionary<string, string> Figures,
    string? Note)
{
    /// <summary>The outcome word of a row whose operation the library accepts.</summary>
    public const string AcceptedOutcome = "accepted";

    /// <summary>True when the row expects the operation to be accepted.</summary>
    public bool Accepted => Outcome == AcceptedOutcome;

    /// <summary>File, line and name: the test's display name.</summary>
    public string Display => $"{File}:{Line} {Name}";

    /// <summary>The row's profile.</summary>
    public ProgramProfile ProgramProfile => ProgramProfiles.Get(Profile);

    /// <summary>True when the row gives <paramref name="key"/>.</summary>
    public bool Has(string key) => Given.ContainsKey(key);

    /// <summary>The scalar input <paramref name="key"/>.</summary>
    /// <exception cref="WorkedExampleException">Missing, or a list.</exception>
    public string Text(string key) =>
        Given.TryGetValue(key, out var values) && values.Count == 1 && !IsList(key)
            ? values[0]
            : throw Problem($"needs the input '{key}' as one value");

    /// <summary>The scalar input <paramref name="key"/>, or <paramref name="fallback"/> when the row does not give it.</summary>
    public string Text(string key, string fallback) => Has(key) ? Text(key) : fallback;

    /// <summary>The list input <paramref name="key"/> (a scalar reads as a one-item list; missing reads as empty).</summary>
    public IReadOnlyList<string> List(string key) => Given.TryGetValue(key, out var values) ? values : [];

    /// <summary>The input <paramref name="key"/> as an integer.</summary>
    public int Int(string key) => Parse(key, Text(key), s => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));

    /// <summary>The input <paramref name="key"/> as an integer, or <paramref name="fallback"/>.</summary>
    public int Int(string key, int fallback) => Has(key) ? Int(key) : fallback;

    /// <summary>The input <paramref name="key"/> as a long integer (rupiah amounts; <c>_</c> separators allowed).</summary>
    public long Long(string key) => Parse(key, Text(key), ParseLong);

    /// <summary>The input <paramref name="key"/> as a long integer, or <paramref name="fallback"/>.</summary>
    public long Long(string key, long fallback) => Has(key) ? Long(key) : fallback;

    /// <summary>The input <paramref name="key"/> as a decimal.</summary>
    public decimal Decimal(string key) => Parse(key, Text(key), s => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture));

    /// <summary>The input <paramref name="key"/> as a yes/no (<c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c>).</summary>
    public bool Bool(string key) => Parse(key, Text(key), s => s.ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => throw new FormatException(),
    });

    /// <summary>The input <paramref name="key"/> as a yes/no, or <paramref name="fallback"/>.</summary>
    public bool Bool(string key, bool fallback) => Has(key) ? Bool(key) : fallback;

    /// <summary>The input <paramref name="key"/> as an ISO date (<c>2024-01-31</c>).</summary>
    public NodaTime.LocalDate Date(string key) => Parse(key, Text(key), ParseDate);

    /// <summary>The input <paramref name="key"/> as an ISO date, or <paramref name="fallback"/>.</summary>
    public NodaTime.LocalDate Date(string key, NodaTime.LocalDate fallback) => Has(key) ? Date(key) : fallback;

    /// <summary>The input <paramref name="key"/> as an enum member, by name (case-insensitive).</summary>
    public TEnum Enum<TEnum>(string key) where TEnum : struct, System.Enum =>
        Parse(key, Text(key), s => System.Enum.TryParse<TEnum>(s, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : throw new FormatException());

    /// <summary>The input <paramref name="key"/> as an enum member, or <paramref name="fallback"/>.</summary>
    public TEnum Enum<TEnum>(string key, TEnum fallback) where TEnum : struct, System.Enum => Has(key) ? Enum<TEnum>(key) : fallback;

    /// <summary>An error naming this row's file and line.</summary>
    public WorkedExampleException Problem(string message) => new($"{File}:{Line} ({Name}): {message}");

    /// <summary>A rupiah amount as written in the files: digits with optional <c>_</c> or <c>.</c> thousands separators.</summary>
    public static long ParseLong(string text) =>
        long.Parse(text.Replace("_", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal),
            NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>An ISO calendar date.</summary>
    public static NodaTime.LocalDate ParseDate(string text) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse(text) is { Success: true } result ? result.Value : throw new FormatException();

    private bool IsList(string key) => ListKeys.Contains(key);

    private T Parse<T>(string key, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw Problem($"cannot read the input '{key}' = '{text}' as {typeof(T).Name}");
        }
    }

    /// <summary>The keys written as YAML lists (so that a one-item list is not read as a scalar).</summary>
    internal IReadOnlySet<string> ListKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>A worked-example file that cannot be read, named by file and line.</summary>
internal sealed class WorkedExampleException(string message) : Exception(message);

/// <summary>The worked examples of one rule: <c>docs/examples/&lt;RULE&gt;.yaml</c>.</summary>
/// <param name="Rule">The rule id (the file name without extension, and the file's <c>rule:</c> key).</param>
/// <param name="File">The file name.</param>
/// <param name="Rows">The rows in file order.</param>
internal sealed record WorkedExampleFile(string Rule, string File, IReadOnlyList<WorkedExample> Rows);

/// <summary>Reads <c>docs/examples/*.yaml</c>.</summary>
internal static class WorkedExampleBook
{
    private static readonly HashSet<string> RowKeys = new(StringComparer.Ordinal) { "name", "profile", "given", "outcome", "figures", "note" };

    /// <summary>docs/examples under the repository root.</summary>
    public static string Folder(string root) => Path.Combine(root, "docs", "examples");

    /// <summary>Every example file under <paramref name="root"/>, ordered by rule id.</summary>
    /// <exception cref="WorkedExampleException">A file is malformed (the message names file and line).</exception>
    public static IReadOnlyList<WorkedExampleFile> Load(string root) =>
        Directory.EnumerateFiles(Folder(root), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => Parse(Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();

    /// <summary>Parses one file's text.</summary>
    /// <param name="file">The file name (<c>GRP-01.yaml</c>): the rule id it must declare.</param>
    /// <param name="text">The YAML text.</param>
    /// <exception cref="WorkedExampleException">Malformed: the message names file and line.</exception>
    public static WorkedExampleFile Parse(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new WorkedExampleException($"{file}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode top)
        {
            throw new WorkedExampleException($"{file}:1: expected one document with the keys 'rule' and 'examples'");
        }
        var rule = Scalar(file, top, "rule");
        if (Path.GetFileNameWithoutExtension(file) != rule)
        {
            throw new WorkedExampleException($"{file}:{Line(top)}: the file declares rule '{rule}' but is named after '{Path.GetFileNameWithoutExtension(file)}'");
        }
        if (!RuleCatalogue.All.Any(r => r.Id.Value == rule))
        {
            throw new WorkedExampleException($"{file}:{Line(top)}: '{rule}' is not a rule of the catalogue");
        }
        if (!top.Children.TryGetValue(new YamlScalarNode("examples"), out var examplesNode) || examplesNode is not YamlSequenceNode examples)
        {
            throw new WorkedExampleException($"{file}:{Line(top)}: expected a list under 'examples'");
        }
        var rows = examples.Children.Select(node => Row(file, rule, node)).ToList();
        return new WorkedExampleFile(rule, file, rows);
    }

    private static WorkedExample Row(string file, string rule, YamlNode node)
    {
        if (node is not YamlMappingNode row)
        {
            throw new WorkedExampleException($"{file}:{Line(node)}: each example is a mapping with name, profile, given, outcome");
        }
        foreach (var key in row.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } k } || !RowKeys.Contains(k))
            {
                throw new WorkedExampleException($"{file}:{Line(key)}: unknown key '{key}' (expected {string.Join(", ", RowKeys)})");
            }
        }
        var name = Scalar(file, row, "name");
        var profile = Scalar(file, row, "profile");
        if (!ProgramProfiles.All.Any(p => p.Code == profile))
        {
            throw new WorkedExampleException($"{file}:{Line(row)}: unknown profile '{profile}' (one of {string.Join(", ", ProgramProfiles.All.Select(p => p.Code))})");
        }
        var outcome = Scalar(file, row, "outcome");
        if (outcome != WorkedExample.AcceptedOutcome && !KubeCoreMessages.Contains(outcome))
        {
            throw new WorkedExampleException($"{file}:{Line(row)}: outcome '{outcome}' is neither 'accepted' nor a KubeCore error code");
        }
        var given = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var lists = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in Mapping(file, row, "given"))
        {
            given[key] = value switch
            {
                YamlScalarNode s => [s.Value ?? string.Empty],
                YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode s ? s.Value ?? string.Empty
                    : throw new WorkedExampleException($"{file}:{Line(c)}: '{key}' lists only plain values")).ToList(),
                _ => throw new WorkedExampleException($"{file}:{Line(value)}: '{key}' is a plain value or a list of plain values"),
            };
            if (value is YamlSequenceNode)
            {
                lists.Add(key);
            }
        }
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Mapping(file, row, "figures"))
        {
            figures[key] = value is YamlScalarNode { Value: { } v } ? v : throw new WorkedExampleException($"{file}:{Line(value)}: figure '{key}' is one value");
        }
        var note = row.Children.TryGetValue(new YamlScalarNode("note"), out var n) && n is YamlScalarNode { Value: { } text } ? text : null;
        return new WorkedExample(rule, file, Line(row), name, profile, given, outcome, figures, note) { ListKeys = lists };
    }

    private static string Scalar(string file, YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : throw new WorkedExampleException($"{file}:{Line(map)}: expected a value for '{key}'");

    private static IEnumerable<(string Key, YamlNode Value)> Mapping(string file, YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }
        if (node is not YamlMappingNode mapping)
        {
            throw new WorkedExampleException($"{file}:{Line(node)}: '{key}' is a mapping of names to values");
        }
        return mapping.Children.Select(c => (((YamlScalarNode)c.Key).Value ?? string.Empty, c.Value));
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
