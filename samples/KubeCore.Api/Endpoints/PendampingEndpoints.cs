using KubeCore.Api.Facilitation;
using KubeCore.Facilitation;

namespace KubeCore.Api.Endpoints;

/// <summary>
/// Pendamping (facilitators): appointment, assignment of groups within capacity (FAC-01), visits and monthly
/// reports with the five strategy aspects (FAC-02, FAC-03), and inactivity as of a date.
/// </summary>
public static class PendampingEndpoints
{
    /// <summary>An appointment.</summary>
    public sealed record AppointRequest(string Name, string Profile, LocalDate AppointedOn);

    /// <summary>A dated event for a group.</summary>
    public sealed record GroupDateRequest(GroupId GroupId, LocalDate Date);

    /// <summary>A pendamping as shown, with their activity per group as of a date.</summary>
    public sealed record PendampingView(
        PendampingId Id, string Name, string ProfileId, LocalDate AppointedOn, int MaxGroups, IReadOnlyList<PendampingAssignment> Assignments,
        IReadOnlyList<FacilitationVisit> Visits, IReadOnlyList<MonthlyReport> Reports, IReadOnlyList<InactivityReport> InactivityReports,
        LocalDate? AsOf, IReadOnlyList<FacilitationActivity> Activity, long Version);

    /// <summary>A pendamping in a listing.</summary>
    public sealed record PendampingListItem(PendampingId Id, long Version, PendampingSummary Summary);

    public static void MapPendamping(this IEndpointRouteBuilder app)
    {
        var all = app.MapGroup("/pendamping").WithTags("Pendamping");
        all.MapPost("/", Appoint).RequireAuthorization(Policies.Administer)
            .WithSummary("Appoints a pendamping under a profile (its FAC parameters). Idempotency-Key honoured.").Produces<PendampingView>(StatusCodes.Status201Created);
        all.MapGet("/", (StateStore store, int? skip, int? take, CancellationToken cancellationToken) =>
                Paging.PageAsync<PendampingSummary, PendampingListItem>(store, PendampingType.Instance.Name, skip, take, r => new(new PendampingId(r.Id), r.Version, r.Summary), cancellationToken))
            .RequireAuthorization(Policies.RegistryRead).WithSummary("Pendamping with their load.");

        var one = all.MapGroup("/{pendampingId:guid}").VersionedBy("pendamping", "pendampingId");
        one.MapGet("/", (Guid pendampingId, IsoDate? asOf, HttpContext http, StateStore store, CancellationToken cancellationToken) =>
                store.GetVersionedAsync(http, PendampingType.Instance, pendampingId, "pendamping", (p, version) => View(p, version, asOf?.Value), cancellationToken))
            .RequireAuthorization(Policies.RegistryRead).WithSummary("One pendamping; with ?asOf= their activity, overdue reports and inactivity per group (FAC-02).");
        one.MapPost("/assignments", Assign).RequireAuthorization(Policies.Administer)
            .WithSummary("Assigns a group within the pendamping's capacity (FAC-01).").Command<PendampingView>();
        one.Recording<GroupDateRequest>("/releases", Policies.Administer, "Ends a group's assignment.", (p, r) => p.Release(r.GroupId, r.Date));
        one.Recording<FacilitationVisit>("/visits", Policies.PendampingWork, "Records a visit to an accompanied group (FAC-02).", (p, r) => p.RecordVisit(r));
        one.Recording<MonthlyReport>("/reports", Policies.PendampingWork, "Submits a monthly report with notes on the five strategy aspects (FAC-02, FAC-03).", (p, r) => p.SubmitReport(r));
        one.Recording<GroupDateRequest>("/inactivity-reports", Policies.Administer, "Records that a group reported its inactive pendamping to Dinas Sosial (FAC-02).",
            (p, r) => p.RecordInactivityReported(r.GroupId, r.Date));
    }

    private static Task<IResult> Appoint(AppointRequest r, HttpContext http, StateStore store)
    {
        var id = PendampingId.New();
        var profile = CatalogueEndpoints.FindProfile(r.Profile);
        return store.CreateAsync(http, PendampingType.Instance, id.Value, r, moneyMoving: false,
            () => Pendamping.Appoint(id, r.Name, profile, r.AppointedOn),
            (state, version) => new ApiResponse(StatusCodes.Status201Created, View(state, version, null), $"/pendamping/{id}", version));
    }

    private static Task<IResult> Assign(Guid pendampingId, AssignPendamping r, HttpContext http, StateStore store) =>
        store.ChangeAsync(http, PendampingType.Instance, pendampingId, "pendamping", r, moneyMoving: false, async (state, _, cancellationToken) =>
        {
            // The group's standing now is the evidence the assignment is decided on.
            var group = await store.GetGroupAsync(r.GroupId.Value, cancellationToken);
            state.Assign(r, group.State.Group);
            return Answer(state);
        });

    /// <summary>Maps a change of the pendamping's record (200 with the pendamping).</summary>
    private static void Recording<TRequest>(this RouteGroupBuilder one, string pattern, string policy, string summary, Action<Pendamping, TRequest> change)
        where TRequest : class =>
        one.MapPost(pattern, (Guid pendampingId, TRequest r, HttpContext http, StateStore store) =>
                store.ChangeAsync(http, PendampingType.Instance, pendampingId, "pendamping", r, moneyMoving: false, state =>
                {
                    change(state, r);
                    return Answer(state);
                }))
            .RequireAuthorization(policy).WithSummary(summary).Command<PendampingView>();

    private static Func<long, ApiResponse> Answer(Pendamping state) => version => new ApiResponse(StatusCodes.Status200OK, View(state, version, null), Version: version);

    private static PendampingView View(Pendamping p, long version, LocalDate? asOf) =>
        new(p.Id, p.Name, p.Profile.Id, p.AppointedOn, p.MaxGroups, p.Assignments, p.Visits, p.Reports, p.InactivityReports,
            asOf, asOf is { } date ? p.ActivityOn(date) : [], version);
}
