// This file is compiled into two projects: the tests (RulebookDocumentTests checks docs/RULEBOOK.md is in
// sync) and tools/KubeCore.Rulebook (which writes docs/RULEBOOK.md). It must not depend on xunit: the
// tool reads the test assembly's [Trait] attributes by name, through CustomAttributeData.
using System.Globalization;
using System.Reflection;
using System.Text;
using KubeCore.Rules;

namespace KubeCore.Tests.Conventions;

/// <summary>One test tagged with a rule: <c>[Trait("Rule", "GRP-01")]</c> on the method or on its class.</summary>
/// <param name="Rule">The trait value as written (may be a malformed or unknown id: conventions check that).</param>
/// <param name="ClassName">The test class, nested classes joined with a dot.</param>
/// <param name="MethodName">The test method.</param>
/// <param name="IsTest">True when the method carries an xunit <c>[Fact]</c> or <c>[Theory]</c> or a subclass, such as FsCheck's <c>[Property]</c>.</param>
/// <param name="IsSkipped">True when the test attribute has an unconditional <c>Skip</c>.</param>
internal sealed record RuleTag(string Rule, string ClassName, string MethodName, bool IsTest, bool IsSkipped)
{
    /// <summary>The method name as a sentence: underscores become spaces.</summary>
    public string Sentence => MethodName.Replace('_', ' ');
}

/// <summary>Where things are in the repository.</summary>
internal static class RepositoryLayout
{
    /// <summary>The repository root: the nearest directory at or above <paramref name="start"/> holding KubeCore.sln.</summary>
    /// <exception cref="DirectoryNotFoundException">No such directory.</exception>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeCore.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No KubeCore.sln at or above {start}.");
    }

    /// <summary>docs/RULEBOOK.md under <paramref name="root"/>.</summary>
    public static string RulebookPath(string root) => Path.Combine(root, "docs", "RULEBOOK.md");
}

/// <summary>Finds the tests tagged <c>[Trait("Rule", id)]</c> in a test assembly, by reflection.</summary>
internal static class RuleTagScanner
{
    private const string TraitAttribute = "Xunit.TraitAttribute";
    private const string FactAttribute = "Xunit.FactAttribute";

    /// <summary>
    /// Every (rule, test) pair of <paramref name="testAssembly"/>, ordered by rule, class and method. A
    /// class-level Rule trait tags each test method of the class (xunit applies class traits to every test).
    /// </summary>
    public static IReadOnlyList<RuleTag> Scan(Assembly testAssembly)
    {
        Type[] types;
        try
        {
            types = testAssembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.OfType<Type>().ToArray();
        }
        var tags = new List<RuleTag>();
        foreach (var type in types)
        {
            var classRules = RuleTraits(type.GetCustomAttributesData()).ToList();
            foreach (var method in type.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            {
                var attributes = method.GetCustomAttributesData();
                var test = attributes.FirstOrDefault(a => DerivesFrom(a.AttributeType, FactAttribute));
                var rules = RuleTraits(attributes).Concat(test is null ? [] : classRules).Distinct(StringComparer.Ordinal);
                foreach (var rule in rules)
                {
                    tags.Add(new RuleTag(rule, ClassName(type), method.Name, test is not null, test is not null && IsSkipped(test)));
                }
            }
        }
        return tags
            .OrderBy(t => t.Rule, StringComparer.Ordinal)
            .ThenBy(t => t.ClassName, StringComparer.Ordinal)
            .ThenBy(t => t.MethodName, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> RuleTraits(IEnumerable<CustomAttributeData> attributes) =>
        attributes
            .Where(a => a.AttributeType.FullName == TraitAttribute && a.ConstructorArguments.Count == 2)
            .Where(a => a.ConstructorArguments[0].Value is "Rule")
            .Select(a => a.ConstructorArguments[1].Value as string ?? string.Empty);

    private static bool DerivesFrom(Type? type, string fullName)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.FullName == fullName)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>An unconditional Skip; SkipWhen/SkipUnless make it conditional, which still counts as a test.</summary>
    private static bool IsSkipped(CustomAttributeData test)
    {
        var named = test.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value, StringComparer.Ordinal);
        return named.TryGetValue("Skip", out var skip) && skip is string { Length: > 0 }
            && !named.ContainsKey("SkipWhen") && !named.ContainsKey("SkipUnless");
    }

    private static string ClassName(Type type) => type.IsNested ? ClassName(type.DeclaringType!) + "." + type.Name : type.Name;
}

/// <summary>
/// Renders docs/RULEBOOK.md: for every rule of <see cref="RuleCatalogue"/>, its titles, statement, source,
/// confidence, effective date, parameter values per built-in profile (<see cref="ProgramProfiles"/>), the
/// types that enforce it and the tests tagged with it. The output depends only on its inputs (no dates,
/// no machine paths), so regenerating an unchanged tree gives the same bytes.
/// </summary>
internal static class RulebookDocument
{
    /// <summary>The command that regenerates the document.</summary>
    public const string Command = "dotnet run --project tools/KubeCore.Rulebook";

    /// <summary>The document for these tags, enforcers and worked examples.</summary>
    public static string Render(IReadOnlyList<RuleTag> tags, IReadOnlyList<RuleEnforcer> enforcers, IReadOnlyList<WorkedExampleFile> examples)
    {
        var examplesByRule = examples.ToDictionary(f => f.Rule, StringComparer.Ordinal);
        var profiles = ProgramProfiles.All;
        var testsByRule = tags.Where(t => t.IsTest).ToLookup(t => t.Rule, StringComparer.Ordinal);
        var enforcersByRule = enforcers.ToLookup(e => e.Rule);
        var rules = RuleCatalogue.All;
        var md = new StringBuilder();

        md.Append("# KubeCore rulebook\n\n");
        md.Append("<!-- Generated by `").Append(Command).Append("` from the rule catalogue, the built-in program profiles, ")
          .Append("the tests tagged [Trait(\"Rule\", id)] and the library sources. Do not edit by hand: ")
          .Append("the test RulebookDocumentTests fails when this file is out of date. -->\n\n");
        md.Append("Every rule of the catalogue (`RuleCatalogue`) with its source, the parameter values of each built-in ")
          .Append("program profile, the members in `src/KubeCore` whose code names it (`RuleIds.Xxx00`) and the tests that check it ")
          .Append("(`[Trait(\"Rule\", \"XXX-00\")]`; each test name read as a sentence).\n\n");
        var tested = rules.Count(r => testsByRule[r.Id.Value].Any(t => !t.IsSkipped));
        var enforced = rules.Count(r => enforcersByRule[r.Id].Any());
        md.Append(CultureInfo.InvariantCulture, $"Rules: {rules.Count}. With at least one running test: {tested}. Named by library code: {enforced}. ")
          .Append(CultureInfo.InvariantCulture, $"Worked examples: {examples.Sum(f => f.Rows.Count)} rows in `docs/examples/`, each run through the public API by `WorkedExampleTests`.\n\n");
        md.Append(CultureInfo.InvariantCulture, $"With the source's words: {rules.Count(r => r.SourceWords.Count > 0)}. With a design reason: {rules.Count(r => r.DesignReason is not null)}. With neither: {rules.Count(r => r.SourceWords.Count == 0 && r.DesignReason is null)}.\n\n");

        md.Append("## Profiles\n\n");
        md.Append("| Profile | Kind | Title | Effective from | Citation |\n|---|---|---|---|---|\n");
        foreach (var profile in profiles)
        {
            md.Append(CultureInfo.InvariantCulture, $"| `{profile.Id}` | {profile.Kind} | {Cell(profile.TitleEn)} / {Cell(profile.TitleId)} | {Date(profile.EffectiveFrom)} | {Cell(profile.Citation)} |\n");
        }
        md.Append('\n');

        md.Append("## Rules\n\n");
        md.Append("| Rule | Title | Confidence | Effective from | Enforced by | Tests |\n|---|---|---|---|---|---|\n");
        foreach (var rule in rules)
        {
            var types = enforcersByRule[rule.Id].Select(e => $"`{e.TypeName}`").Distinct(StringComparer.Ordinal).ToList();
            var count = testsByRule[rule.Id.Value].Count();
            md.Append(CultureInfo.InvariantCulture, $"| [{rule.Id}](#{Anchor(rule.Id)}) | {Cell(rule.TitleEn)} | {ConfidenceText(rule.Confidence)} | {Date(rule.EffectiveFrom)} | {(types.Count == 0 ? "—" : string.Join(", ", types))} | {count} |\n");
        }

        foreach (var rule in rules)
        {
            md.Append('\n');
            md.Append(CultureInfo.InvariantCulture, $"<a id=\"{Anchor(rule.Id)}\"></a>\n\n### {rule.Id} — {rule.TitleEn}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"*{rule.TitleId}*\n\n");
            md.Append(rule.Statement).Append("\n\n");
            md.Append(CultureInfo.InvariantCulture, $"- **Source:** {rule.Source}\n");
            md.Append(CultureInfo.InvariantCulture, $"- **Confidence:** {ConfidenceText(rule.Confidence)}\n");
            md.Append(CultureInfo.InvariantCulture, $"- **Effective from:** {Date(rule.EffectiveFrom)}\n\n");
            AppendSourceWords(md, rule);

            if (rule.Conventions.Count > 0)
            {
                md.Append("**Conventions** (how `GroupFacts` reads the record for this rule)\n\n");
                foreach (var convention in rule.Conventions)
                {
                    md.Append(CultureInfo.InvariantCulture, $"- {convention}\n");
                }
                md.Append('\n');
            }

            if (rule.Parameters.Count == 0)
            {
                md.Append("**Parameters:** none (the rule reads no profile parameter).\n\n");
            }
            else
            {
                md.Append("**Parameters**\n\n");
                md.Append("| Parameter | Unit | Meaning | ").Append(string.Join(" | ", profiles.Select(p => $"`{p.Id}`"))).Append(" |\n");
                md.Append("|---|---|---|").Append(string.Concat(profiles.Select(_ => "---|"))).Append('\n');
                foreach (var parameter in rule.Parameters)
                {
                    md.Append(CultureInfo.InvariantCulture, $"| `{parameter.Name}` | {Cell(parameter.Unit)} | {Cell(parameter.Description)} | ")
                      .Append(string.Join(" | ", profiles.Select(p => Cell(ValueWithProvenance(parameter, p))))).Append(" |\n");
                }
                md.Append('\n');
                AppendProvenance(md, rule, profiles);
            }

            AppendEnforcedBy(md, enforcersByRule[rule.Id].ToList());

            AppendExamples(md, examplesByRule.GetValueOrDefault(rule.Id.Value));

            md.Append("**Tests**\n\n");
            var ruleTests = testsByRule[rule.Id.Value].ToList();
            if (ruleTests.Count == 0)
            {
                md.Append("- *No test is tagged with this rule yet.*\n");
            }
            else
            {
                foreach (var test in ruleTests)
                {
                    md.Append(CultureInfo.InvariantCulture, $"- {test.Sentence} (`{test.ClassName}`){(test.IsSkipped ? " — skipped" : string.Empty)}\n");
                }
            }
        }
        return md.ToString();
    }

    /// <summary>
    /// The source's words under a rule: each excerpt quoted with its citation and English gloss, then the design
    /// reason, labelled as KubeCore's own and never shown as a quote.
    /// </summary>
    private static void AppendSourceWords(StringBuilder md, RuleDefinition rule)
    {
        if (rule.SourceWords.Count > 0)
        {
            md.Append("**The source's words**\n\n");
            foreach (var excerpt in rule.SourceWords)
            {
                md.Append(CultureInfo.InvariantCulture, $"> «{Inline(excerpt.Text)}»\n>\n> — {Inline(excerpt.Citation)}. *Gloss:* {Inline(excerpt.Gloss)}\n\n");
            }
        }
        if (rule.DesignReason is { } reason)
        {
            md.Append(CultureInfo.InvariantCulture, $"**Design reason** (KubeCore's choice, not a source's words): {Inline(reason)}\n\n");
        }
        if (rule.SourceWords.Count == 0 && rule.DesignReason is null)
        {
            md.Append("**The source's words:** *none recorded yet.*\n\n");
        }
    }

    /// <summary>
    /// "Enforced by": every member whose code names the rule, one line per type and file (EnforcerScanner finds
    /// them in src/KubeCore with Roslyn: checks, computations and invariants alike).
    /// </summary>
    private static void AppendEnforcedBy(StringBuilder md, IReadOnlyList<RuleEnforcer> enforcers)
    {
        md.Append("**Enforced by**\n\n");
        if (enforcers.Count == 0)
        {
            md.Append("- *No library code names this rule yet.*\n\n");
            return;
        }
        foreach (var type in enforcers.GroupBy(e => (e.TypeName, e.Path)))
        {
            md.Append(CultureInfo.InvariantCulture, $"- {string.Join(", ", type.Select(e => $"`{e.Qualified}`"))} in `{type.Key.Path}`\n");
        }
        md.Append('\n');
    }

    /// <summary>The rule's worked examples as a table: the row's line in its file, name, profile, inputs, outcome and note.</summary>
    private static void AppendExamples(StringBuilder md, WorkedExampleFile? file)
    {
        if (file is null || file.Rows.Count == 0)
        {
            md.Append("**Worked examples:** *none yet.*\n\n");
            return;
        }
        md.Append(CultureInfo.InvariantCulture, $"**Worked examples** (`docs/examples/{file.File}`; each row is a test case named by file and line)\n\n");
        md.Append("| Line | Example | Profile | Given | Outcome | Note |\n|---|---|---|---|---|---|\n");
        foreach (var row in file.Rows)
        {
            var given = string.Join("; ", row.Given.Select(g => $"{g.Key} = {string.Join(", ", g.Value)}"));
            var outcome = row.Accepted ? "accepted" : $"`{row.Outcome}`";
            if (row.Figures.Count > 0)
            {
                outcome += ": " + string.Join("; ", row.Figures.Select(f => $"{f.Key} = {f.Value}"));
            }
            md.Append(CultureInfo.InvariantCulture, $"| {row.Line} | {Cell(row.Name)} | `{row.Profile}` | {Cell(given)} | {Cell(outcome)} | {Cell(row.Note ?? string.Empty)} |\n");
        }
        md.Append('\n');
    }

    /// <summary>Text on one line (the source's line breaks become spaces).</summary>
    private static string Inline(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The value, marked "(design choice)" when no source stands behind it; "—" (no value) is left unmarked.</summary>
    private static string ValueWithProvenance(ParameterDefinition parameter, ProgramProfile profile)
    {
        var value = parameter.FormattedValueIn(profile);
        return value == "—" || RuleCatalogue.ProvenanceOf(parameter, profile).Kind == ProvenanceKind.Sourced ? value : value + " *(design choice)*";
    }

    /// <summary>
    /// Under a parameter table: where each value comes from (RuleCatalogue.ProvenanceOf), grouped by the same
    /// provenance; the values that stand on this rule's own source are summed up in one sentence.
    /// </summary>
    private static void AppendProvenance(StringBuilder md, RuleDefinition rule, IReadOnlyList<ProgramProfile> profiles)
    {
        var own = rule.Confidence == Confidence.DesignChoice ? ParameterProvenance.DesignChoice(rule.Source) : ParameterProvenance.Sourced(rule.Source);
        var lines = new List<string>();
        foreach (var parameter in rule.Parameters)
        {
            var stated = profiles
                .Where(p => parameter.FormattedValueIn(p) != "—")
                .Select(p => (Profile: p, Provenance: RuleCatalogue.ProvenanceOf(parameter, p)))
                .Where(c => c.Provenance != own)
                .GroupBy(c => c.Provenance)
                .Select(g => $"{g.Key} in {string.Join(", ", g.Select(c => $"`{c.Profile.Id}`"))}")
                .ToList();
            if (stated.Count > 0)
            {
                lines.Add($"- `{parameter.Name}`: {string.Join("; ", stated)}");
            }
        }
        var others = rule.Confidence == Confidence.DesignChoice ? "design choices of this rule (source above)" : "sourced by the rule's source above";
        md.Append("**Provenance.** ").Append(lines.Count == 0 ? $"Every value is {(rule.Confidence == Confidence.DesignChoice ? "a design choice of this rule (source above)" : "sourced by the rule's source above")}.\n\n" : $"Values not listed are {others}.\n\n");
        foreach (var line in lines)
        {
            md.Append(line).Append('\n');
        }
        if (lines.Count > 0)
        {
            md.Append('\n');
        }
    }

    private static string Anchor(RuleId id) => id.Value.ToLowerInvariant();

    private static string Date(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string ConfidenceText(Confidence confidence) => confidence switch
    {
        Confidence.High => "H (high)",
        Confidence.MediumHigh => "M-H (medium-high)",
        Confidence.Medium => "M (medium)",
        Confidence.Low => "L (low)",
        Confidence.LowMedium => "L-M (low-medium)",
        Confidence.Seed => "Seed documents only",
        Confidence.DesignChoice => "KubeCore design choice",
        _ => confidence.ToString(),
    };

    /// <summary>
    /// Text safe inside a Markdown table cell: line breaks become spaces, pipes are escaped, and characters a reader
    /// cannot see (controls, format characters such as bidi overrides and zero-width spaces, unassigned code points)
    /// are written as <c>&lt;U+XXXX&gt;</c>.
    /// </summary>
    private static string Cell(string text)
    {
        var cell = new StringBuilder(text.Length);
        foreach (var rune in text.ReplaceLineEndings(" ").EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || category == UnicodeCategory.SpaceSeparator && rune.Value != ' ')
            {
                cell.Append(CultureInfo.InvariantCulture, $"<U+{rune.Value:X4}>");
            }
            else
            {
                cell.Append(rune == new Rune('|') ? "\\|" : rune.ToString());
            }
        }
        return cell.ToString();
    }
}
