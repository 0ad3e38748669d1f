using KubeCore.Groups;

namespace KubeCore.Api.Endpoints;

/// <summary>
/// The rule catalogue and the program profiles, straight from the library: public reference data,
/// readable without a token.
/// </summary>
public static class CatalogueEndpoints
{
    /// <summary>A profile in a listing.</summary>
    public sealed record ProfileSummary(string Id, string Code, int Version, GroupKind Kind, string TitleId, string TitleEn, string Citation, LocalDate EffectiveFrom, string? BasedOn);

    /// <summary>A profile with every parameter.</summary>
    public sealed record ProfileDetail(string Id, string Code, int Version, GroupKind Kind, string TitleId, string TitleEn, string Citation, LocalDate EffectiveFrom, string? BasedOn, ProgramParameters Parameters);

    /// <summary>
    /// A parameter a rule reads, with its value under every built-in profile and where each value comes from
    /// (<c>sourced (citation)</c> or <c>design choice (reason)</c>).
    /// </summary>
    public sealed record RuleParameter(string Name, string Unit, string Description, IReadOnlyDictionary<string, string> ValueByProfile, IReadOnlyDictionary<string, string> ProvenanceByProfile);

    /// <summary>A rule of the catalogue.</summary>
    public sealed record Rule(string Id, string TitleId, string TitleEn, string Statement, string Source, Confidence Confidence, LocalDate EffectiveFrom, IReadOnlyList<RuleParameter> Parameters);

    public static void MapCatalogue(this IEndpointRouteBuilder app)
    {
        var profiles = app.MapGroup("/profiles").WithTags("Catalogue").AllowAnonymous();
        profiles.MapGet("/", () => ProgramProfiles.All.Select(Summary).ToList())
            .WithSummary("Every built-in program profile.");
        profiles.MapGet("/{code}", (string code) => Detail(FindProfile(code)))
            .WithSummary("One profile with every parameter (by code, e.g. KsmP2kp, or id, e.g. KsmP2kp@1).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var rules = app.MapGroup("/rules").WithTags("Catalogue").AllowAnonymous();
        rules.MapGet("/", () => RuleCatalogue.All.Select(ToRule).ToList())
            .WithSummary("Every rule with its source, confidence and parameter values per profile.");
        rules.MapGet("/{id}", (string id) => ToRule(FindRule(id)))
            .WithSummary("One rule, e.g. GRP-01.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The built-in profile with this code or id (<c>Code@Version</c>), or 404.</summary>
    public static ProgramProfile FindProfile(string codeOrId) =>
        ProgramProfiles.All.FirstOrDefault(p => string.Equals(p.Code, codeOrId, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Id, codeOrId, StringComparison.OrdinalIgnoreCase))
        ?? throw ApiException.NotFound("profile");

    private static RuleDefinition FindRule(string id) =>
        RuleCatalogue.All.FirstOrDefault(r => r.Id.Value == id.ToUpperInvariant()) ?? throw ApiException.NotFound("rule");

    private static ProfileSummary Summary(ProgramProfile p) => new(p.Id, p.Code, p.Version, p.Kind, p.TitleId, p.TitleEn, p.Citation, p.EffectiveFrom, p.BasedOn);

    private static ProfileDetail Detail(ProgramProfile p) => new(p.Id, p.Code, p.Version, p.Kind, p.TitleId, p.TitleEn, p.Citation, p.EffectiveFrom, p.BasedOn, p.Parameters);

    private static Rule ToRule(RuleDefinition r) => new(
        r.Id.ToString(), r.TitleId, r.TitleEn, r.Statement, r.Source, r.Confidence, r.EffectiveFrom,
        r.Parameters.Select(p => new RuleParameter(
            p.Name, p.Unit, p.Description,
            ProgramProfiles.All.ToDictionary(profile => profile.Id, p.FormattedValueIn),
            ProgramProfiles.All.ToDictionary(profile => profile.Id, profile => RuleCatalogue.ProvenanceOf(p, profile).ToString()))).ToList());
}
