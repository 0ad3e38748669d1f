using System.Globalization;
using System.Text;
using KubeCore.Rules;

namespace KubeCore.Tests.Conventions;

/// <summary>
/// Every rule shows its source's words or, for what no source states, a design reason labelled as such; excerpts that
/// cite a seed occur verbatim in it (whitespace aside), in the copy under Conventions/Seeds.
/// </summary>
public class SourceWordsTests
{
    private static readonly string SeedFolder = Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), "tests", "KubeCore.Tests", "Conventions", "Seeds");

    public static TheoryData<string> Rules => new(RuleCatalogue.All.Select(r => r.Id.Value));

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_rule_carries_its_sources_words_or_a_labelled_design_reason(string id)
    {
        var rule = RuleCatalogue.Get(RuleId.Parse(id));
        (rule.SourceWords.Count > 0 || !string.IsNullOrWhiteSpace(rule.DesignReason))
            .ShouldBeTrue($"{id} has neither source words nor a design reason (RuleSourceWords.cs).");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_design_choice_rule_states_its_design_reason(string id)
    {
        var rule = RuleCatalogue.Get(RuleId.Parse(id));
        if (rule.Confidence == Confidence.DesignChoice)
        {
            string.IsNullOrWhiteSpace(rule.DesignReason).ShouldBeFalse($"{id} is a KubeCore design choice: it needs a DesignReason.");
        }
    }

    [Fact]
    public void Every_excerpt_has_words_a_gloss_and_a_seed_or_an_address()
    {
        var bad = RuleCatalogue.All
            .SelectMany(r => r.SourceWords.Select(w => (r.Id, Words: w)))
            .Where(x => string.IsNullOrWhiteSpace(x.Words.Text) || string.IsNullOrWhiteSpace(x.Words.Gloss)
                || x.Words.Text == x.Words.Gloss
                || !(x.Words.Seed is { } seed && seed.All(char.IsAsciiDigit) || x.Words.Citation.StartsWith("https://", StringComparison.Ordinal) || x.Words.Citation.StartsWith("http://", StringComparison.Ordinal)))
            .Select(x => $"{x.Id}: {x.Words.Citation}")
            .ToList();
        bad.ShouldBeEmpty("An excerpt needs its words, an English gloss, and a citation that is 'Seed NNN' or a page address:\n" + string.Join('\n', bad));
    }

    [Fact]
    public void Every_excerpt_citing_a_seed_occurs_verbatim_in_that_seed()
    {
        var seeds = Directory.EnumerateFiles(SeedFolder, "*.txt").ToDictionary(f => Path.GetFileName(f)[..3], f => Normalise(File.ReadAllText(f)), StringComparer.Ordinal);
        seeds.Count.ShouldBe(5);
        var missing = RuleCatalogue.All
            .SelectMany(r => r.SourceWords.Where(w => w.Seed is not null).Select(w => (r.Id, Words: w)))
            .Where(x => !(seeds.TryGetValue(x.Words.Seed!, out var text) && text.Contains(Normalise(x.Words.Text), StringComparison.Ordinal)))
            .Select(x => $"{x.Id} (seed {x.Words.Seed}): «{x.Words.Text}»")
            .ToList();
        missing.ShouldBeEmpty("Not found verbatim in the cited seed (Conventions/Seeds):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void The_seed_check_ignores_whitespace_but_not_words()
    {
        Normalise("Tabungan  rutin\n mingguan.").ShouldBe("Tabungan rutin mingguan.");
        Normalise("a\u00A0b").ShouldBe("a b");
        Normalise("Tabungan rutin mingguan.").Contains(Normalise("Tabungan rutin bulanan."), StringComparison.Ordinal).ShouldBeFalse();
    }

    [Fact]
    public void The_seed_copies_are_the_shared_seeds_when_those_are_at_hand()
    {
        // The copies are what the check reads; on a machine with the project's shared folder beside the clone they must
        // not have drifted from it.
        var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        var shared = new[] { Path.Combine(root, "..", "shared"), Path.Combine(root, "..", "..", "shared") }
            .Select(p => Path.GetFullPath(Path.Combine(p, "domain", "seeds")))
            .FirstOrDefault(Directory.Exists);
        Assert.SkipUnless(shared is not null, "the project's shared folder is not beside this clone");
        foreach (var file in Directory.EnumerateFiles(shared, "*.txt"))
        {
            File.ReadAllText(Path.Combine(SeedFolder, Path.GetFileName(file))).ShouldBe(File.ReadAllText(file), Path.GetFileName(file));
        }
    }

    [Fact]
    public void An_excerpt_needs_words_a_citation_and_a_gloss_and_knows_its_seed()
    {
        Should.Throw<ArgumentException>(() => new SourceExcerpt(" ", "Seed 004", "gloss"));
        Should.Throw<ArgumentException>(() => new SourceExcerpt("kata", null!, "gloss"));
        Should.Throw<ArgumentException>(() => new SourceExcerpt("kata", "Seed 004", ""));
        new SourceExcerpt("kata", "Seed 004 (BKM Guyub Rukun)", "word").Seed.ShouldBe("004");
        new SourceExcerpt("kata", "https://example.invalid/page (a page)", "word").Seed.ShouldBeNull();
    }

    private static string Normalise(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
            {
                space = result.Length > 0;
                continue;
            }
            if (space)
            {
                result.Append(' ');
                space = false;
            }
            result.Append(c);
        }
        return result.ToString();
    }
}
