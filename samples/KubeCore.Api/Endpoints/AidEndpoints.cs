using KubeCore.Aid;

namespace KubeCore.Api.Endpoints;

/// <summary>
/// Aid to a group: the grant decision (AID-01 amount per profile and year, GRP-05/06/OFF-04 standing, GRP-07
/// account in the group's name), its crediting to the books, and the accountability report (LPJ, AID-03)
/// fed by the grant spends.
/// </summary>
public static class AidEndpoints
{
    /// <summary>A grant to credit on a date.</summary>
    public sealed record GrantRequest(LocalDate Date, string? Reference = null);

    /// <summary>The LPJ as of a date, with its spends.</summary>
    public sealed record AccountabilityView(Rupiah Grant, LocalDate DisbursedOn, LocalDate DueOn, LocalDate? SubmittedOn, LpjSummary Summary, IReadOnlyList<AidSpend> Spends);

    /// <summary>A development-aid selection: the candidates with their assessed stage (STG-01), the slots and the date.</summary>
    public sealed record SelectionRequest(string Profile, LocalDate AsOf, int Slots, IReadOnlyList<CandidateRequest> Candidates);

    /// <summary>A candidate group and its stage; status, age and savings are read from the group's record.</summary>
    public sealed record CandidateRequest(GroupId GroupId, KubeCore.Compliance.GroupStage Stage);

    /// <summary>A ranked candidate as shown.</summary>
    public sealed record RankedView(DevelopmentAidCandidate Candidate, DecisionView Eligibility, int? Rank, bool Selected);

    /// <summary>The selection as shown.</summary>
    public sealed record SelectionView(int Slots, LocalDate AsOf, string ProfileId, IReadOnlyList<RankedView> Candidates, IReadOnlyList<GroupId> Selected);

    public static void MapAid(this IEndpointRouteBuilder app)
    {
        app.MapPost("/aid/development-selection", Select).WithTags("Aid").RequireAuthorization(Policies.Administer)
            .WithSummary("Selects N of M groups for development aid (AID-02): eligibility (active, 2 years) and the stated ranking (stage first).")
            .Produces<SelectionView>();

        var aid = app.MapGroup("/groups/{groupId:guid}/aid").WithTags("Aid").VersionedBy("group", "groupId");
        aid.MapGet("/grant-decision", async (Guid groupId, IsoDate date, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(GroupViews.View(AidGrants.Decide((await store.GetGroupAsync(groupId, cancellationToken)).State.Group, date.Value))))
            .RequireAuthorization(Policies.GroupRead).WithSummary("May the group receive its profile's grant on a date (AID-01, GRP-05/06/07, OFF-04)?");
        aid.Posting<GrantRequest>("/grants", true, "Dinas Sosial credits the profile's grant (per group, or per member household on the date), when the decision allows it (AID-01).", (s, r) =>
        {
            AidGrants.Decide(s.Group, r.Date).ThrowIfRejected();
            var amount = AidGrants.AmountFor(s.Group, r.Date)!.Value;
            s.OpenLedger.CreditGrant(s.Today, r.Date, amount, r.Reference);
            s.AccountabilityReports.Add(AccountabilityReport.Open(s.Group.Id, amount, r.Date, s.Group.Profile));
        }, Policies.Administer);
        aid.MapGet("/accountability", async (Guid groupId, IsoDate asOf, StateStore store, CancellationToken cancellationToken) =>
            {
                var reports = (await store.GetGroupAsync(groupId, cancellationToken)).State.AccountabilityReports;
                return TypedResults.Ok(reports.Select(r => new AccountabilityView(r.Grant, r.DisbursedOn, r.DueOn, r.SubmittedOn, r.SummaryOn(asOf.Value), r.Spends)).ToList());
            })
            .RequireAuthorization(Policies.GroupRead).WithSummary("The LPJ of each grant as of a date: spends by category, remaining balance, due date and status (AID-03).");
        aid.Changing<GroupEndpoints.DateRequest>("/accountability/submission", Policies.GroupMeetings, "Submits the current grant's LPJ (AID-03).", (s, r) => s.CurrentReport.Submit(r.Date));
    }

    private static async Task<IResult> Select(SelectionRequest r, StateStore store, CancellationToken cancellationToken)
    {
        var profile = CatalogueEndpoints.FindProfile(r.Profile);
        var candidates = new List<DevelopmentAidCandidate>();
        foreach (var c in r.Candidates)
        {
            var state = (await store.GetGroupAsync(c.GroupId.Value, cancellationToken)).State;
            candidates.Add(new DevelopmentAidCandidate(c.GroupId, state.Group.Status, state.Group.ActivatedOn ?? r.AsOf, c.Stage,
                state.Ledger?.Balances.MemberSavingsTotal ?? Rupiah.Zero));
        }
        var selection = DevelopmentAid.Select(candidates, r.Slots, profile, r.AsOf);
        return TypedResults.Ok(new SelectionView(selection.Slots, selection.AsOf, selection.ProfileId,
            selection.Candidates.Select(c => new RankedView(c.Candidate, GroupViews.View(c.Eligibility), c.Rank, c.Selected)).ToList(), selection.Selected));
    }
}
