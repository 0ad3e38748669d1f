using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules.Parameters;
using NodaTime;

namespace KubeCore.Rules;

/// <summary>Every parameter of a program profile, grouped by concept.</summary>
public sealed record ProgramParameters
{
    /// <summary>Group size, seats and member eligibility.</summary>
    public required MembershipParameters Membership { get; init; }

    /// <summary>Officers.</summary>
    public OfficerParameters Officers { get; init; } = new();

    /// <summary>Poverty criteria and registry.</summary>
    public PovertyParameters Poverty { get; init; } = new();

    /// <summary>PRA wealth ranking.</summary>
    public WealthRankingParameters WealthRanking { get; init; } = new();

    /// <summary>Pendamping.</summary>
    public FacilitationParameters Facilitation { get; init; } = new();

    /// <summary>Meetings and quorum.</summary>
    public MeetingParameters Meetings { get; init; } = new();

    /// <summary>Savings and weekly books.</summary>
    public SavingsParameters Savings { get; init; } = new();

    /// <summary>Revolving loans.</summary>
    public LoanParameters Loans { get; init; } = new();

    /// <summary>Collectibility.</summary>
    public CollectibilityParameters Collectibility { get; init; } = new();

    /// <summary>Portfolio indicators.</summary>
    public PortfolioParameters Portfolio { get; init; } = new();

    /// <summary>Aid grants and LPJ.</summary>
    public AidParameters Aid { get; init; } = new();

    /// <summary>Five basic rules and stages.</summary>
    public ComplianceParameters Compliance { get; init; } = new();

    internal void Validate()
    {
        Preconditions.CheckNotNull(Membership).Validate();
        Preconditions.CheckNotNull(Officers).Validate();
        Preconditions.CheckNotNull(Poverty).Validate();
        Preconditions.CheckNotNull(WealthRanking).Validate();
        Preconditions.CheckNotNull(Facilitation).Validate();
        Preconditions.CheckNotNull(Meetings).Validate();
        Preconditions.CheckNotNull(Savings).Validate();
        Preconditions.CheckNotNull(Loans).Validate();
        Preconditions.CheckNotNull(Collectibility).Validate();
        Preconditions.CheckNotNull(Portfolio).Validate();
        Preconditions.CheckNotNull(Aid).Validate();
        Preconditions.CheckNotNull(Compliance).Validate();
    }
}

/// <summary>
/// A program profile: the parameters of every rule as one program, year and region applies them, with
/// the citation they come from. Built-in profiles are in <see cref="ProgramProfiles"/>; an agency derives
/// its own with <see cref="Derive"/>, which records the new citation and the profile it is based on.
/// </summary>
/// <remarks>Immutable. <see cref="Id"/> (<c>Code@Version</c>) is what every <see cref="Decision"/> records.</remarks>
public sealed class ProgramProfile
{
    /// <summary>Creates a profile; prefer <see cref="Derive"/> from a built-in profile.</summary>
    /// <param name="code">The profile code, without '@'.</param>
    /// <param name="version">The version, from 1.</param>
    /// <param name="kind">The kind of group governed.</param>
    /// <param name="titleId">The title in Bahasa Indonesia.</param>
    /// <param name="titleEn">The title in English.</param>
    /// <param name="citation">The source of the parameters.</param>
    /// <param name="effectiveFrom">The first date the profile applies.</param>
    /// <param name="parameters">Every parameter.</param>
    /// <param name="basedOn">The <see cref="Id"/> of the profile this one derives from, or null.</param>
    /// <param name="provenance">
    /// The provenance of the values whose footing differs from their rule's source, keyed by parameter name
    /// (<see cref="ParameterDefinition.Name"/>); null or empty when every value stands on its rule's source.
    /// </param>
    /// <exception cref="ArgumentException">
    /// A text is blank, the version is below 1, a parameter is inconsistent (e.g. min above max), or a provenance key
    /// names no parameter of the catalogue.
    /// </exception>
    public ProgramProfile(string code, int version, GroupKind kind, string titleId, string titleEn, string citation, LocalDate effectiveFrom, ProgramParameters parameters, string? basedOn = null, IReadOnlyDictionary<string, ParameterProvenance>? provenance = null)
    {
        Code = Preconditions.CheckNotBlank(code);
        Preconditions.CheckArgument(!code.Contains('@'), nameof(code), "A profile code must not contain '@'.");
        Version = Preconditions.CheckArgumentRange(version, 1, int.MaxValue);
        Preconditions.CheckArgument(Enum.IsDefined(kind), nameof(kind), "Unknown group kind.");
        Kind = kind;
        TitleId = Preconditions.CheckNotBlank(titleId);
        TitleEn = Preconditions.CheckNotBlank(titleEn);
        Citation = Preconditions.CheckNotBlank(citation);
        EffectiveFrom = effectiveFrom;
        Parameters = Preconditions.CheckNotNull(parameters);
        parameters.Validate();
        BasedOn = basedOn;
        Id = $"{Code}@{Version}";
        var stated = new SortedDictionary<string, ParameterProvenance>(StringComparer.Ordinal);
        foreach (var (name, source) in provenance ?? new Dictionary<string, ParameterProvenance>())
        {
            Preconditions.CheckArgument(RuleCatalogue.HasParameter(name), nameof(provenance), $"No parameter '{name}' in the rule catalogue.");
            stated[name] = Preconditions.CheckNotNull(source);
        }
        Provenance = stated.AsReadOnly();
    }

    /// <summary>The profile code, e.g. <c>KubePermensos2019</c>.</summary>
    public string Code { get; }

    /// <summary>The version of this code's parameters, from 1.</summary>
    public int Version { get; }

    /// <summary><c>Code@Version</c>, e.g. <c>KubePermensos2019@1</c>.</summary>
    /// <remarks>Built once: the profile is immutable, and every decision and weekly report records it.</remarks>
    public string Id { get; }

    /// <summary>The kind of group the profile governs.</summary>
    public GroupKind Kind { get; }

    /// <summary>The title in Bahasa Indonesia.</summary>
    public string TitleId { get; }

    /// <summary>The title in English.</summary>
    public string TitleEn { get; }

    /// <summary>The source of the profile's parameters.</summary>
    public string Citation { get; }

    /// <summary>The first date the profile applies: a decision dated earlier under it is refused (<see cref="ProfileErrors.NotYetInForce"/>).</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The <see cref="Id"/> of the profile this one was derived from (also for the derived built-in profiles, e.g. <c>KubeKalbar2019</c>), or null.</summary>
    public string? BasedOn { get; }

    /// <summary>Every parameter.</summary>
    public ProgramParameters Parameters { get; }

    /// <summary>
    /// The provenance this profile states for some of its values, keyed by parameter name and sorted: the values a
    /// source stands behind where the rule's own source does not (e.g. FAC-01's 10 for KUBE), and the values that
    /// are KubeCore's design choices (e.g. the weekly savings amount). A value not listed stands on the source and
    /// confidence of the rule that reads it; ask <see cref="RuleCatalogue.ProvenanceOf"/> for the answer per cell.
    /// A derived profile inherits these entries, except for values the derivation changes (see <see cref="Derive"/>).
    /// </summary>
    public IReadOnlyDictionary<string, ParameterProvenance> Provenance { get; }

    /// <summary>Group size, seats and member eligibility.</summary>
    public MembershipParameters Membership => Parameters.Membership;

    /// <summary>Officers.</summary>
    public OfficerParameters Officers => Parameters.Officers;

    /// <summary>Poverty criteria and registry.</summary>
    public PovertyParameters Poverty => Parameters.Poverty;

    /// <summary>PRA wealth ranking.</summary>
    public WealthRankingParameters WealthRanking => Parameters.WealthRanking;

    /// <summary>Pendamping.</summary>
    public FacilitationParameters Facilitation => Parameters.Facilitation;

    /// <summary>Meetings and quorum.</summary>
    public MeetingParameters Meetings => Parameters.Meetings;

    /// <summary>Savings and weekly books.</summary>
    public SavingsParameters Savings => Parameters.Savings;

    /// <summary>Revolving loans.</summary>
    public LoanParameters Loans => Parameters.Loans;

    /// <summary>Collectibility.</summary>
    public CollectibilityParameters Collectibility => Parameters.Collectibility;

    /// <summary>Portfolio indicators.</summary>
    public PortfolioParameters Portfolio => Parameters.Portfolio;

    /// <summary>Aid grants and LPJ.</summary>
    public AidParameters Aid => Parameters.Aid;

    /// <summary>Five basic rules and stages.</summary>
    public ComplianceParameters Compliance => Parameters.Compliance;

    /// <summary>
    /// Derives a regional or yearly profile: the same kind, with changed parameters and its own code,
    /// version, citation and effective date. The result records this profile's <see cref="Id"/> in
    /// <see cref="BasedOn"/>.
    /// </summary>
    /// <remarks>
    /// Provenance: the derived profile inherits this profile's <see cref="Provenance"/>; a value the derivation
    /// changes is credited to the derived profile's <paramref name="citation"/> (sourced); entries in
    /// <paramref name="provenance"/> override both (e.g. to mark a changed value as a design choice).
    /// </remarks>
    /// <example>
    /// <code>
    /// var kalbar = ProgramProfiles.KubePermensos2019.Derive(
    ///     "KubeKalbar10Kk", 1, "Dinsos Kalbar 2019: syarat pengajuan KUBE (10 KK)", new LocalDate(2019, 9, 12),
    ///     p => p with { Membership = p.Membership with { MinMembers = 10, MaxMembers = 10 } });
    /// </code>
    /// </example>
    /// <param name="code">The new profile's code.</param>
    /// <param name="version">The new profile's version.</param>
    /// <param name="citation">The source of the changed values.</param>
    /// <param name="effectiveFrom">The first date the new profile applies.</param>
    /// <param name="change">Changes this profile's parameters.</param>
    /// <param name="titleId">The Indonesian title; by default this title with the code.</param>
    /// <param name="titleEn">The English title; by default this title with the code.</param>
    /// <param name="provenance">Provenance entries that override the inherited and the computed ones.</param>
    /// <exception cref="ArgumentException">The changed parameters are inconsistent, a text is blank, or a provenance key names no parameter.</exception>
    public ProgramProfile Derive(string code, int version, string citation, LocalDate effectiveFrom, Func<ProgramParameters, ProgramParameters> change, string? titleId = null, string? titleEn = null, IReadOnlyDictionary<string, ParameterProvenance>? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        titleId ??= TitleId + " (" + code + ")";
        titleEn ??= TitleEn + " (" + code + ")";
        var parameters = change(Parameters);
        var derived = new ProgramProfile(code, version, Kind, titleId, titleEn, citation, effectiveFrom, parameters, Id);
        var stated = new Dictionary<string, ParameterProvenance>(Provenance, StringComparer.Ordinal);
        foreach (var parameter in RuleCatalogue.AllParameters.Where(p => p.FormattedValueIn(derived) != p.FormattedValueIn(this)))
        {
            stated[parameter.Name] = ParameterProvenance.Sourced(derived.Citation);
        }
        foreach (var (name, source) in provenance ?? new Dictionary<string, ParameterProvenance>())
        {
            stated[name] = source;
        }
        return new ProgramProfile(code, version, Kind, titleId, titleEn, citation, effectiveFrom, parameters, Id, stated);
    }

    /// <summary>The <see cref="Id"/>.</summary>
    public override string ToString() => Id;
}

/// <summary>
/// The host's profiles by <see cref="ProgramProfile.Id"/> (<c>Code@Version</c>), used when a stored state is
/// restored: the state names its profile, the host supplies it. Returns null for an unknown id.
/// <see cref="ProgramProfiles.Resolve"/> resolves the built-in profiles.
/// </summary>
/// <param name="profileId">The profile id the state names, e.g. <c>KubePermensos2019@1</c>.</param>
public delegate ProgramProfile? ProfileResolver(string profileId);
