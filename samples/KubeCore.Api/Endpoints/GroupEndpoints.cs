using KubeCore.Groups;
using GroupState = KubeCore.Api.Groups.GroupState;

namespace KubeCore.Api.Endpoints;

/// <summary>
/// Groups through their life (GRP-06): proposal from registered persons (GRP-01..04, MEM-01..06), officers
/// (OFF-01..04), initial meeting, verification by Dinas Sosial, activation, members joining and leaving
/// (GRP-05), bank account (GRP-07), dissolution. Each member's dossier (person, household, poverty evidence)
/// is read from the registry when the change is decided.
/// </summary>
public static class GroupEndpoints
{
    /// <summary>A group proposal.</summary>
    /// <param name="Profile">The program profile's code or id, e.g. <c>KsmP2kp</c>.</param>
    /// <param name="Name">The group's name.</param>
    /// <param name="Desa">The desa/kelurahan the group sits in.</param>
    /// <param name="ProposedOn">The proposal date.</param>
    /// <param name="InitialMeetingOn">The scheduled initial meeting (pertemuan awal).</param>
    /// <param name="Founders">The founding members (registered persons) and the date each consented (GRP-02).</param>
    public sealed record ProposeGroupRequest(string Profile, string Name, RegionCode Desa, LocalDate ProposedOn, LocalDate InitialMeetingOn, IReadOnlyList<FounderRequest> Founders);

    /// <summary>A founding member and their consent.</summary>
    public sealed record FounderRequest(PersonId PersonId, LocalDate ConsentGivenOn);

    /// <summary>An officer election: the three offices and who decided (a meeting's election decision, or the deciding members).</summary>
    public sealed record ElectOfficersRequest(LocalDate ElectedOn, PersonId Ketua, PersonId Sekretaris, PersonId Bendahara, MeetingId? MeetingId = null, IReadOnlyList<PersonId>? DecidedBy = null);

    /// <summary>A date on which something happened.</summary>
    public sealed record DateRequest(LocalDate Date);

    /// <summary>Dinas Sosial's verification.</summary>
    public sealed record VerifyGroupRequest(string VerifierName, string Agency, LocalDate VerifiedOn);

    /// <summary>A person joining the group.</summary>
    public sealed record AdmitMemberRequest(PersonId PersonId, LocalDate JoinedOn);

    /// <summary>Dissolution of the group.</summary>
    public sealed record DissolveGroupRequest(LocalDate DissolvedOn, DissolutionReason Reason);

    /// <summary>A group in a listing.</summary>
    public sealed record GroupListItem(GroupId Id, long Version, GroupSummary Summary);

    public static void MapGroups(this IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup("/groups").WithTags("Groups");
        groups.MapPost("/", Propose).RequireAuthorization(Policies.Facilitate)
            .WithSummary("Proposes a group from registered persons (GRP-01..04, MEM-01..06). Idempotency-Key honoured.")
            .Produces<GroupView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        groups.MapPost("/proposal-evaluation", EvaluateProposal).RequireAuthorization(Policies.Facilitate)
            .WithSummary("Evaluates a proposal without storing anything: every rule checked, with its parameters and outcome.")
            .Produces<DecisionView>();
        groups.MapGet("/", (StateStore store, int? skip, int? take, CancellationToken cancellationToken) =>
                Paging.PageAsync<GroupSummary, GroupListItem>(store, GroupType.Instance.Name, skip, take, r => new(new GroupId(r.Id), r.Version, r.Summary), cancellationToken))
            .RequireAuthorization(Policies.RegistryRead).WithSummary("Groups, in pages.").Produces<List<GroupListItem>>();

        var group = groups.MapGroup("/{groupId:guid}").VersionedBy("group", "groupId");
        group.MapGet("/", (Guid groupId, HttpContext http, StateStore store, CancellationToken cancellationToken) =>
                store.GetVersionedAsync(http, GroupType.Instance, groupId, "group", (s, version) => GroupViews.View(s, version, http.User), cancellationToken))
            .RequireAuthorization(Policies.GroupRead).WithSummary("One group; its ETag is its version (use it in If-Match).").Produces<GroupView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.Changing<ElectOfficersRequest>("/officer-elections", Policies.Facilitate, "Elects ketua, sekretaris and bendahara (OFF-01..03).", (s, r) =>
            s.Group.ElectOfficers(new ElectOfficers(r.ElectedOn,
                [new OfficerAssignment(OfficerRole.Ketua, r.Ketua), new OfficerAssignment(OfficerRole.Sekretaris, r.Sekretaris), new OfficerAssignment(OfficerRole.Bendahara, r.Bendahara)],
                r.MeetingId is { } meetingId ? ElectionDecision(s, meetingId) : null, r.DecidedBy)));
        group.Changing<DateRequest>("/initial-meeting", Policies.Facilitate, "Records the initial meeting (GRP-02).", (s, r) => s.Group.HoldInitialMeeting(r.Date));
        group.Changing<VerifyGroupRequest>("/verification", Policies.Administer, "Dinas Sosial verifies the group (GRP-06) on the members' current dossiers.", async (s, r, db, cancellationToken) =>
            s.Group.Verify(new VerifyGroup(r.VerifierName, r.Agency, r.VerifiedOn, [.. (await DossiersAsync(db, [.. s.Group.CurrentMembers], cancellationToken)).Values])));
        group.Changing<DateRequest>("/activation", Policies.Administer, "Activates a verified group (GRP-06).", (s, r) => s.Group.Activate(r.Date));
        group.Changing<AdmitMemberRequest>("/members", Policies.Facilitate, "Admits a registered person (GRP-01, -03, -04, MEM-01..05).", async (s, r, db, cancellationToken) =>
            s.Group.AdmitMember(new AdmitMember((await DossiersAsync(db, [r.PersonId], cancellationToken))[r.PersonId], r.JoinedOn)));
        group.MapPost("/members/{personId:guid}/departure", (Guid groupId, Guid personId, DateRequest request, HttpContext http, StateStore store) =>
                Change(http, store, groupId, request, s => s.Group.RemoveMember(new PersonId(personId), request.Date)))
            .RequireAuthorization(Policies.Facilitate).WithSummary("A member leaves (GRP-05 under strength, OFF-04 vacancy).").Command<GroupView>();
        group.Changing<DateRequest>("/grace-expiry", Policies.Administer, "Records that an under-strength group's grace period ran out (GRP-05).", (s, r) => s.Group.MarkGraceExpired(r.Date));
        group.Changing<DissolveGroupRequest>("/dissolution", Policies.Administer, "Dissolves the group (GRP-06).", (s, r) => s.Group.Dissolve(r.DissolvedOn, r.Reason));
        group.Changing<OpenBankAccount>("/bank-account", Policies.Facilitate, "Opens the group's bank account in its name (GRP-07).", (s, r) => s.Group.OpenBankAccount(r));
    }

    private static Task<IResult> Propose(ProposeGroupRequest request, HttpContext http, StateStore store)
    {
        var profile = CatalogueEndpoints.FindProfile(request.Profile);
        var id = GroupId.New();
        return store.CreateAsync(http, GroupType.Instance, id.Value, request, moneyMoving: false,
            async (db, cancellationToken) => new GroupState(Group.Propose(await ProposalAsync(db, id, profile, request, cancellationToken))),
            (state, version) => new ApiResponse(StatusCodes.Status201Created, GroupViews.View(state, version, http.User), $"/groups/{id}", version));
    }

    private static async Task<IResult> EvaluateProposal(ProposeGroupRequest request, IDbContextFactory<KubeCoreDbContext> databases, CancellationToken cancellationToken)
    {
        var profile = CatalogueEndpoints.FindProfile(request.Profile);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return TypedResults.Ok(GroupViews.View(Group.EvaluateProposal(await ProposalAsync(db, GroupId.New(), profile, request, cancellationToken))));
    }

    private static async Task<ProposeGroup> ProposalAsync(KubeCoreDbContext db, GroupId id, ProgramProfile profile, ProposeGroupRequest request, CancellationToken cancellationToken)
    {
        var dossiers = await DossiersAsync(db, request.Founders.Select(f => f.PersonId).Distinct().ToList(), cancellationToken);
        return new ProposeGroup(id, profile, request.Name, request.Desa, request.ProposedOn, request.InitialMeetingOn,
            request.Founders.Select(f => dossiers[f.PersonId]).ToList(), request.Founders.Select(f => new MemberConsent(f.PersonId, f.ConsentGivenOn)).ToList());
    }

    private static KubeCore.Meetings.MeetingDecision ElectionDecision(GroupState state, MeetingId meetingId) =>
        (state.Meeting(meetingId) ?? throw ApiException.NotFound("meeting")).Decisions.LastOrDefault(d => d.Kind == KubeCore.Meetings.DecisionKind.OfficerElection)
        ?? throw new RuleViolationException(RuleViolation.Of(RuleIds.Off03, GroupErrors.NoElectionRecord));

    /// <summary>Maps a change of the group (200 with the group).</summary>
    internal static RouteHandlerBuilder Changing<TRequest>(this RouteGroupBuilder group, string pattern, string policy, string summary, Action<GroupState, TRequest> change)
        where TRequest : class =>
        group.Changing<TRequest>(pattern, policy, summary, (s, r, _, _) =>
        {
            change(s, r);
            return Task.CompletedTask;
        });

    /// <summary>Maps a change of the group with what it reads from the database (e.g. members' dossiers), 200 with the group.</summary>
    internal static RouteHandlerBuilder Changing<TRequest>(this RouteGroupBuilder group, string pattern, string policy, string summary, Func<GroupState, TRequest, KubeCoreDbContext, CancellationToken, Task> change)
        where TRequest : class =>
        group.MapPost(pattern, (Guid groupId, TRequest request, HttpContext http, StateStore store) => Change(http, store, groupId, request, (s, db, cancellationToken) => change(s, request, db, cancellationToken)))
            .RequireAuthorization(policy).WithSummary(summary).Command<GroupView>();

    /// <summary>Changes the group and answers with it.</summary>
    internal static Task<IResult> Change(HttpContext http, StateStore store, Guid groupId, object request, Action<GroupState> change) =>
        Change(http, store, groupId, request, (s, _, _) =>
        {
            change(s);
            return Task.CompletedTask;
        });

    /// <summary>Changes the group with what it reads from the database (e.g. members' dossiers) and answers with it.</summary>
    internal static Task<IResult> Change(HttpContext http, StateStore store, Guid groupId, object request, Func<GroupState, KubeCoreDbContext, CancellationToken, Task> change) =>
        store.ChangeAsync(http, GroupType.Instance, groupId, "group", request, moneyMoving: false, async (state, db, cancellationToken) =>
        {
            await change(state, db, cancellationToken);
            var view = GroupViews.View(state, 0, http.User);
            return version => new ApiResponse(StatusCodes.Status200OK, view with { Version = version }, Version: version);
        });

    /// <summary>The dossiers of registered persons now (404 naming the first unknown one).</summary>
    internal static async Task<Dictionary<PersonId, MemberDossier>> DossiersAsync(KubeCoreDbContext db, IReadOnlyCollection<PersonId> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Select(p => p.Value).ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        if (persons.Count != ids.Count)
        {
            throw ApiException.NotFound("person");
        }
        var householdIds = persons.Select(p => p.HouseholdId).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        return persons.ToDictionary(p => new PersonId(p.Id), p => HouseholdMapping.ToDossier(p, households[p.HouseholdId]));
    }
}
