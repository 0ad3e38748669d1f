using System.Globalization;
using NodaTime;

namespace KubeCore.Rules;

/// <summary>How well a rule's source supports it (RULES.md).</summary>
public enum Confidence
{
    /// <summary>H: a primary text, or several independent secondary sources that agree.</summary>
    High = 1,

    /// <summary>M-H: a widely repeated secondary source, or secondary sources close to the primary text.</summary>
    MediumHigh = 2,

    /// <summary>M: one secondary source quoting a regulation or manual, or a government news page.</summary>
    Medium = 3,

    /// <summary>L: local practice, an informal source, or an inference.</summary>
    Low = 4,

    /// <summary>Only the project's seed documents say so.</summary>
    Seed = 5,

    /// <summary>A design choice of KubeCore where the sources are silent (stated as such).</summary>
    DesignChoice = 6,

    /// <summary>
    /// L-M: between <see cref="Low"/> and <see cref="Medium"/>: a secondary source gives the rule only in part and the
    /// rest rests on one informal source (e.g. LOAN-04: the manual's rate without a period, the period from one
    /// proposal's arithmetic). Numbered after the older labels so stored values keep their meaning.
    /// </summary>
    LowMedium = 7,
}

/// <summary>
/// A parameter a rule reads from a <see cref="ProgramProfile"/>: its name, unit and meaning, and how to
/// read its value from any profile (so the rulebook can list the value per profile).
/// </summary>
public sealed class ParameterDefinition
{
    private readonly Func<ProgramProfile, object?> _read;

    internal ParameterDefinition(string name, string unit, string description, Func<ProgramProfile, object?> read)
    {
        Name = name;
        Unit = unit;
        Description = description;
        _read = read;
    }

    /// <summary>The parameter's path in <see cref="ProgramParameters"/>, e.g. <c>Membership.MinMembers</c>.</summary>
    public string Name { get; }

    /// <summary>The unit, e.g. <c>members</c>, <c>Rp</c>, <c>%</c>, <c>days</c>.</summary>
    public string Unit { get; }

    /// <summary>What the parameter means, in English.</summary>
    public string Description { get; }

    /// <summary>The parameter's value under <paramref name="profile"/>.</summary>
    public object? ValueIn(ProgramProfile profile) => _read(profile ?? throw new ArgumentNullException(nameof(profile)));

    /// <summary>The value under <paramref name="profile"/>, formatted invariantly (<c>—</c> for none).</summary>
    public string FormattedValueIn(ProgramProfile profile) => ValueIn(profile) switch
    {
        null => "—",
        System.Collections.IEnumerable list and not string => list.Cast<object?>().Select(v => KubeCoreMessages.FormatValue(v, CultureInfo.InvariantCulture)).ToList() switch
        {
            [] => "—",
            var items => string.Join("; ", items),
        },
        var value => KubeCoreMessages.FormatValue(value, CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// One rule of the catalogue: id, Indonesian and English titles, statement, source citation,
/// confidence, effective date and the parameters it reads.
/// </summary>
public sealed class RuleDefinition
{
    internal RuleDefinition(RuleId id, string titleId, string titleEn, string statement, string source, Confidence confidence, LocalDate effectiveFrom, IReadOnlyList<ParameterDefinition> parameters, IReadOnlyList<string>? conventions = null, IReadOnlyList<SourceExcerpt>? sourceWords = null, string? designReason = null)
    {
        Conventions = conventions ?? [];
        SourceWords = sourceWords ?? [];
        DesignReason = designReason;
        Id = id;
        TitleId = titleId;
        TitleEn = titleEn;
        Statement = statement;
        Source = source;
        Confidence = confidence;
        EffectiveFrom = effectiveFrom;
        Parameters = parameters;
    }

    /// <summary>The stable id.</summary>
    public RuleId Id { get; }

    /// <summary>The title in Bahasa Indonesia.</summary>
    public string TitleId { get; }

    /// <summary>The title in English.</summary>
    public string TitleEn { get; }

    /// <summary>What the rule says, in English.</summary>
    public string Statement { get; }

    /// <summary>The source citation.</summary>
    public string Source { get; }

    /// <summary>How well the source supports the rule.</summary>
    public Confidence Confidence { get; }

    /// <summary>
    /// The first date the rule applies. Where a source gives only a year, 1 January of that year; for
    /// KubeCore's own design choices, the catalogue's first release.
    /// </summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The profile parameters the rule reads (empty when it has none).</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>
    /// How the library reads the record for this rule where the source leaves it open (e.g. FIVE-01: who is a member of a
    /// week, which deposits count), in English; empty when the rule needs none. <c>GroupFacts</c> applies them.
    /// </summary>
    public IReadOnlyList<string> Conventions { get; }

    /// <summary>
    /// The source's own words that the rule encodes: short verbatim excerpts (Bahasa Indonesia) with their citation and
    /// an English gloss. Empty when no source states the rule; then <see cref="DesignReason"/> says why KubeCore has it.
    /// </summary>
    public IReadOnlyList<SourceExcerpt> SourceWords { get; }

    /// <summary>
    /// Why KubeCore has the rule (or the part of it) that no source states, in English: a design reason, labelled as
    /// such, never shown as a quote. Null when the source's words cover the whole rule.
    /// </summary>
    public string? DesignReason { get; }

    /// <summary>This rule with <paramref name="conventions"/>.</summary>
    internal RuleDefinition WithConventions(params string[] conventions) =>
        new(Id, TitleId, TitleEn, Statement, Source, Confidence, EffectiveFrom, Parameters, conventions, SourceWords, DesignReason);

    /// <summary>This rule with its source's words and design reason.</summary>
    internal RuleDefinition WithWords(IReadOnlyList<SourceExcerpt> sourceWords, string? designReason) =>
        new(Id, TitleId, TitleEn, Statement, Source, Confidence, EffectiveFrom, Parameters, Conventions, sourceWords, designReason);

    /// <summary><c>GRP-01 Group size within the profile's range</c>.</summary>
    public override string ToString() => $"{Id} {TitleEn}";
}
