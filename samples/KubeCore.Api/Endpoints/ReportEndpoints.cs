using KubeCore.Compliance;

namespace KubeCore.Api.Endpoints;

/// <summary>Sustainability over a period: the facts read and each indicator's outcome.</summary>
public sealed record SustainabilityView(SustainabilityEvidence Evidence, IReadOnlyList<IndicatorOutcome> Indicators);

/// <summary>Reports over a group's record: the five basic rules week by week (FIVE-01..05) with their evidence.</summary>
public static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/groups/{groupId:guid}/reports").WithTags("Reports").VersionedBy("group", "groupId");
        reports.MapGet("/five-rules", async (Guid groupId, IsoDate from, int? weeks, StateStore store, CancellationToken cancellationToken) =>
            {
                var (state, first) = await WeeksAsync(store, groupId, from, weeks ?? 1, cancellationToken);
                return TypedResults.Ok(Enumerable.Range(0, weeks ?? 1)
                    .Select(i => FiveBasicRules.Check(GroupFacts.Week(state.Group, state.Meetings, state.Ledger, state.Loans, first.PlusWeeks(i)), state.Group.Profile))
                    .ToList());
            })
            .RequireAuthorization(Policies.GroupRead)
            .WithSummary("The five basic rules for each week from ?from= (1..104 ?weeks=): met, not met or not applicable, with the entries and meeting that show it.");
        reports.MapGet("/sustainability", async (Guid groupId, IsoDate from, int weeks, StateStore store, CancellationToken cancellationToken) =>
            {
                var (state, first) = await WeeksAsync(store, groupId, from, weeks, cancellationToken);
                var evidence = GroupFacts.Sustainability(state.Group, state.Meetings, state.Ledger, state.Loans, first, weeks);
                return TypedResults.Ok(new SustainabilityView(evidence, GroupStages.AssessSustainability(evidence, state.Group.Profile)));
            })
            .RequireAuthorization(Policies.GroupRead)
            .WithSummary("The three sustainability indicators over ?weeks= weeks from ?from= (STG-02), with the facts read from the record.");
        reports.MapPost("/stage", async (Guid groupId, StageEvidence evidence, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(GroupStages.AssessStage(evidence, (await store.GetGroupAsync(groupId, cancellationToken)).State.Group.Profile)))
            .EvaluationOnly().RequireAuthorization(Policies.GroupRead)
            .WithSummary("The group's stage, Tumbuh, Berkembang or Maju, by the traits it shows best (STG-01); the facts the record does not hold come in the body.");
    }

    /// <summary>The group and the book week holding <paramref name="from"/>; 400 unless 1 ≤ <paramref name="weeks"/> ≤ 104.</summary>
    private static async Task<(GroupState State, BookWeek First)> WeeksAsync(StateStore store, Guid groupId, IsoDate from, int weeks, CancellationToken cancellationToken)
    {
        if (weeks is < 1 or > 104)
        {
            throw ApiException.InvalidParameter("weeks");
        }
        var state = (await store.GetGroupAsync(groupId, cancellationToken)).State;
        return (state, BookWeek.Containing(from.Value, state.OpenLedger.WeekStartsOn));
    }
}
