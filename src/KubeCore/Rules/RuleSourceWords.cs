namespace KubeCore.Rules;

/// <summary>
/// The source's own words for every rule of <see cref="RuleCatalogue"/>: short verbatim excerpts (Bahasa Indonesia,
/// typing errors of the source kept) with where they were read and an English gloss, and for what no source states,
/// KubeCore's design reason. Seed excerpts occur verbatim (whitespace aside) in the seed documents, which the tests
/// hold a copy of and check; page excerpts were read on the cited address. shared/domain/SOURCES.md is the project's
/// notes about the sources, not a source: nothing here is quoted from it.
/// </summary>
internal static class RuleSourceWords
{
    private const string Seed000 = "Seed 000 (Kelompok Usaha Bersama (KUB), blog post, 2 August 2012)";
    private const string Seed001 = "Seed 001 (Strategi Pendamping dan Keberlanjutan KUBE di Wonogiri, thesis abstract)";
    private const string Seed002 = "Seed 002 (BLPS to KUBE in Desa Dawuhan, Kab. Malang, 2011, thesis abstract)";
    private const string Seed003 = "Seed 003 (Dinas Sosial Kota Palangka Raya, Sosialisasi manajemen pengelolaan KUBE 2019)";
    private const string Seed004 = "Seed 004 (BKM Guyub Rukun, Pelatihan KSM, 29 January 2017)";

    private static readonly Dictionary<RuleId, SourceExcerpt[]> Words = new()
    {
    };

    private static readonly Dictionary<RuleId, string> Reasons = new()
    {
    };

    /// <summary>The excerpts of <paramref name="id"/>'s sources; empty when none states the rule.</summary>
    public static IReadOnlyList<SourceExcerpt> Excerpts(RuleId id) => Words.TryGetValue(id, out var words) ? words : [];

    /// <summary>KubeCore's design reason for <paramref name="id"/> (or its unsourced part); null when there is none.</summary>
    public static string? DesignReason(RuleId id) => Reasons.GetValueOrDefault(id);

    private static SourceExcerpt Seed(string seed, string text, string gloss) => new(text, seed, gloss);

    private static SourceExcerpt Page(string address, string document, string text, string gloss) => new(text, $"{address} ({document})", gloss);
}
