using FluentValidation;

namespace KubeCore.Api.Endpoints;

/// <summary>
/// Poverty assessments of a household survey, stored nowhere: the BPS 14 criteria (POV-01) and Kepmensos
/// 262/HUK/2022 (POV-02), under a profile's thresholds, answered as a decision that lists every criterion.
/// A malformed survey is refused by the library's validators (400 with their codes).
/// </summary>
public static class PovertyEndpoints
{
    public static void MapPoverty(this IEndpointRouteBuilder app)
    {
        var poverty = app.MapGroup("/poverty").WithTags("Poverty").RequireAuthorization(Policies.Register);
        poverty.MapPost("/bps-assessment", (BpsHouseholdSurvey survey, string? profile, IsoDate? asOf) =>
            {
                new BpsHouseholdSurveyValidator().ValidateAndThrow(survey);
                return TypedResults.Ok(GroupViews.View(new BpsPovertyAssessor(CatalogueEndpoints.FindProfile(profile ?? "KubePermensos2019")).Explain(survey, asOf?.Value)));
            })
            .WithSummary("BPS 14 criteria (POV-01): poor when at least the profile's threshold is met (query: profile, asOf).")
            .Produces<DecisionView>();
        poverty.MapPost("/kepmensos-262-assessment", (Kepmensos262HouseholdSurvey survey, string? profile, IsoDate? asOf) =>
            {
                new Kepmensos262HouseholdSurveyValidator().ValidateAndThrow(survey);
                return TypedResults.Ok(GroupViews.View(new Kepmensos262Assessor(CatalogueEndpoints.FindProfile(profile ?? "KubePermensos2019")).Explain(survey, asOf?.Value)));
            })
            .WithSummary("Kepmensos 262/HUK/2022 (POV-02): no shelter, or the profile's threshold of further criteria (query: profile, asOf).")
            .Produces<DecisionView>();
    }
}
