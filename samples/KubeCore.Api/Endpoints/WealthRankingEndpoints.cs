using KubeCore.Api.WealthRanking;
using KubeCore.WealthRanking;

namespace KubeCore.Api.Endpoints;

/// <summary>
/// PRA wealth ranking (seed 000 step 4b): an exercise over registered households, informants' card sorts
/// (PRA-01, PRA-02), and the conclusion matched with the registry base data (PRA-03), whose PRA ranking becomes
/// each household's poverty evidence (MEM-01).
/// </summary>
public static class WealthRankingEndpoints
{
    /// <summary>An exercise to open.</summary>
    public sealed record OpenExerciseRequest(string Profile, RegionCode Desa, LocalDate HeldOn, IReadOnlyList<HouseholdId> Households);

    /// <summary>A household's rank: its exact score (numerator/denominator) and a two-decimal reading of it.</summary>
    public sealed record RankView(HouseholdId Household, string Score, decimal ScoreRounded, WealthCategory Category, bool IsPoor, RegistryMatchClass? Match, RegistryFinding? Finding);

    /// <summary>An exercise as shown.</summary>
    public sealed record ExerciseView(ExerciseId Id, string ProfileId, RegionCode Desa, LocalDate HeldOn, IReadOnlyList<HouseholdId> Households,
        IReadOnlyList<string> Informants, bool Concluded, DecisionView? Decision, IReadOnlyList<RankView> Ranks, IReadOnlyList<HouseholdId> RegistryPoorNotRanked, long Version);

    public static void MapWealthRanking(this IEndpointRouteBuilder app)
    {
        var exercises = app.MapGroup("/wealth-ranking/exercises").WithTags("Wealth ranking");
        exercises.MapPost("/", Open).RequireAuthorization(Policies.Register)
            .WithSummary("Opens an exercise over registered households of a desa (PRA-01). Idempotency-Key honoured.")
            .Produces<ExerciseView>(StatusCodes.Status201Created);
        exercises.MapGet("/{exerciseId:guid}", (Guid exerciseId, HttpContext http, StateStore store, CancellationToken cancellationToken) =>
                store.GetVersionedAsync(http, ExerciseType.Instance, exerciseId, "exercise", View, cancellationToken))
            .RequireAuthorization(Policies.RegistryRead).WithSummary("One exercise with its sorts and, once concluded, its ranks and registry match.");
        exercises.MapGet("/{exerciseId:guid}/readiness", async (Guid exerciseId, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(GroupViews.View((await store.GetAsync(ExerciseType.Instance, exerciseId, "exercise", cancellationToken)).State.Exercise.CheckReadiness())))
            .RequireAuthorization(Policies.RegistryRead).WithSummary("May the exercise be concluded (PRA-01 informants, household count warning)?");
        exercises.MapPost("/{exerciseId:guid}/sortings", (Guid exerciseId, InformantSorting r, HttpContext http, StateStore store) =>
                store.ChangeAsync(http, ExerciseType.Instance, exerciseId, "exercise", r, moneyMoving: false, state =>
                {
                    state.Exercise.SubmitSorting(r);
                    return version => new ApiResponse(StatusCodes.Status200OK, View(state, version), Version: version);
                }))
            .VersionedBy("exercise", "exerciseId").RequireAuthorization(Policies.Register).WithSummary("Records one informant's sort of every household into piles (PRA-02).").Command<ExerciseView>();
        exercises.MapPost("/{exerciseId:guid}/conclusion", Conclude).VersionedBy("exercise", "exerciseId").RequireAuthorization(Policies.Register)
            .WithSummary("Concludes: scores and categories (PRA-02), matched with the registry (PRA-03); each household's PRA evidence is updated.").Command<ExerciseView>();
    }

    private static Task<IResult> Open(OpenExerciseRequest r, HttpContext http, StateStore store)
    {
        var id = ExerciseId.New();
        var profile = CatalogueEndpoints.FindProfile(r.Profile);
        return store.CreateAsync(http, ExerciseType.Instance, id.Value, r, moneyMoving: false,
            async (db, cancellationToken) =>
            {
                var ids = r.Households.Select(h => h.Value).Distinct().ToList();
                if (await db.Households.CountAsync(h => ids.Contains(h.Id), cancellationToken) != ids.Count)
                {
                    throw ApiException.NotFound("household");
                }
                return new ExerciseState(WealthRankingExercise.Open(new OpenWealthRankingExercise(id, r.Desa, r.HeldOn, r.Households), profile));
            },
            (state, version) => new ApiResponse(StatusCodes.Status201Created, View(state, version), $"/wealth-ranking/exercises/{id}", version));
    }

    private static Task<IResult> Conclude(Guid exerciseId, HttpContext http, StateStore store) =>
        store.ChangeAsync(http, ExerciseType.Instance, exerciseId, "exercise", null, moneyMoving: false, async (state, db, cancellationToken) =>
        {
            state.Exercise.Conclude();
            // The base data: every household of the desa with a registry entry, as it is now (kept with the conclusion).
            var desa = state.Exercise.Desa.ToString();
            var rows = await db.Households.AsNoTracking().Where(h => h.Desa == desa && h.Evidence != null).Select(h => new { h.Id, h.Evidence }).ToListAsync(cancellationToken);
            state.MatchWith(rows
                .Select(h => (h.Id, Evidence: EvidenceJson.Read(h.Evidence)))
                .Where(h => h.Evidence.Registry is not null)
                .Select(h => new HouseholdRegistryView(new HouseholdId(h.Id), h.Evidence.Registry!)).ToList());
            // Each ranked household's PRA evidence (MEM-01), in the same transaction.
            foreach (var match in state.Match!.Households)
            {
                var row = await db.Households.SingleAsync(h => h.Id == match.Household.Value, cancellationToken);
                row.Evidence = EvidenceJson.Write(EvidenceJson.Read(row.Evidence) with { Pra = match.Evidence });
                row.Version++;
            }
            return version => new ApiResponse(StatusCodes.Status200OK, View(state, version), Version: version);
        });

    private static ExerciseView View(ExerciseState state, long version)
    {
        var x = state.Exercise;
        var ranks = x.Result?.Households.Select(h =>
        {
            var match = state.Match?.For(h.Household);
            return new RankView(h.Household, $"{h.Score.Numerator}/{h.Score.Denominator}", h.Score.Round(2),
                h.Category, h.IsPoor, match?.Class, match?.Finding);
        }).ToList() ?? [];
        return new ExerciseView(x.Id, x.Profile.Id, x.Desa, x.HeldOn, x.Households, x.Sortings.Select(s => s.Informant).ToList(), x.IsConcluded,
            x.Result is { } result ? GroupViews.View(result.Decision) : null, ranks,
            state.Match?.RegistryPoorNotRanked.Select(v => v.HouseholdId).ToList() ?? [], version);
    }
}
