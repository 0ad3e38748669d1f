using KubeCore.Api.Commands;
using KubeCore.Api.Errors;
using KubeCore.Api.Groups;
using KubeCore.Api.Hosting;
using KubeCore.Api.Mapping;
using KubeCore.Api.OpenApi;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using GroupState = KubeCore.Api.Groups.GroupState;

namespace KubeCore.Api.Endpoints;

/// <summary>
/// Groups through their life (GRP-06): proposal from registered persons (GRP-01..04, MEM-01..06), officers
/// (OFF-01..04), initial meeting, verification by Dinas Sosial, activation, members joining and leaving
/// (GRP-05), bank account (GRP-07), dissolution. Each member's dossier (person, household, poverty evidence)
/// is read from the registry when the command is accepted and kept with it.
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

    /// <summary>The group's bank account (GRP-07).</summary>
    public sealed record BankAccountRequest(string Bank, string AccountNumber, string HolderName, LocalDate OpenedOn);

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
        groups.MapGet("/", List).RequireAuthorization(Policies.RegistryRead)
            .WithSummary("Groups, in pages.").Produces<List<GroupListItem>>();

        var group = groups.MapGroup("/{groupId:guid}").VersionedBy("group", "groupId");
        group.MapGet("/", Get).RequireAuthorization(Policies.GroupRead)
            .WithSummary("One group; its ETag is its version (use it in If-Match).").Produces<GroupView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/officer-elections", ElectOfficers).RequireAuthorization(Policies.Facilitate)
            .WithSummary("Elects ketua, sekretaris and bendahara (OFF-01..03).").Command<GroupView>();
        group.MapPost("/initial-meeting", (Guid groupId, DateRequest request, HttpContext http, StreamStore store) =>
                Append(http, store, groupId, request, _ => new HoldInitialMeetingCommand(request.Date)))
            .RequireAuthorization(Policies.Facilitate).WithSummary("Records the initial meeting (GRP-02).").Command<GroupView>();
        group.MapPost("/verification", Verify).RequireAuthorization(Policies.Administer)
            .WithSummary("Dinas Sosial verifies the group (GRP-06) on the members' current dossiers.").Command<GroupView>();
        group.MapPost("/activation", (Guid groupId, DateRequest request, HttpContext http, StreamStore store) =>
                Append(http, store, groupId, request, _ => new ActivateGroupCommand(request.Date)))
            .RequireAuthorization(Policies.Administer).WithSummary("Activates a verified group (GRP-06).").Command<GroupView>();
        group.MapPost("/members", Admit).RequireAuthorization(Policies.Facilitate)
            .WithSummary("Admits a registered person (GRP-01, -03, -04, MEM-01..05).").Command<GroupView>();
        group.MapPost("/members/{personId:guid}/departure", (Guid groupId, Guid personId, DateRequest request, HttpContext http, StreamStore store) =>
                Append(http, store, groupId, request, _ => new RemoveMemberCommand(new PersonId(personId), request.Date)))
            .RequireAuthorization(Policies.Facilitate).WithSummary("A member leaves (GRP-05 under strength, OFF-04 vacancy).").Command<GroupView>();
        group.MapPost("/grace-expiry", (Guid groupId, DateRequest request, HttpContext http, StreamStore store) =>
                Append(http, store, groupId, request, _ => new MarkGraceExpiredCommand(request.Date)))
            .RequireAuthorization(Policies.Administer).WithSummary("Records that an under-strength group's grace period ran out (GRP-05).").Command<GroupView>();
        group.MapPost("/dissolution", (Guid groupId, DissolveGroupRequest request, HttpContext http, StreamStore store) =>
                Append(http, store, groupId, request, _ => new DissolveGroupCommand(request.DissolvedOn, request.Reason)))
            .RequireAuthorization(Policies.Administer).WithSummary("Dissolves the group (GRP-06).").Command<GroupView>();
        group.MapPost("/bank-account", (Guid groupId, BankAccountRequest request, HttpContext http, StreamStore store) =>
                Append(http, store, groupId, request, _ => new OpenBankAccountCommand(request.Bank, request.AccountNumber, request.HolderName, request.OpenedOn)))
            .RequireAuthorization(Policies.Facilitate).WithSummary("Opens the group's bank account in its name (GRP-07).").Command<GroupView>();
    }

    private static Task<IResult> Propose(ProposeGroupRequest request, HttpContext http, StreamStore store)
    {
        var profile = CatalogueEndpoints.FindProfile(request.Profile);
        var id = GroupId.New();
        return store.CreateAsync(http, GroupStream.Instance, id.Value, request, moneyMoving: false,
            async (db, cancellationToken) => (object)await ProposalAsync(db, id, profile, request, cancellationToken),
            (state, version) => new ApiResponse(StatusCodes.Status201Created, GroupViews.View(state, version, http.User), $"/groups/{id}", version));
    }

    private static async Task<IResult> EvaluateProposal(ProposeGroupRequest request, IDbContextFactory<KubeCoreDbContext> databases, CancellationToken cancellationToken)
    {
        var profile = CatalogueEndpoints.FindProfile(request.Profile);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var c = await ProposalAsync(db, GroupId.New(), profile, request, cancellationToken);
        return TypedResults.Ok(GroupViews.View(Group.EvaluateProposal(new ProposeGroup(c.GroupId, profile, c.Name, c.Desa, c.ProposedOn, c.InitialMeetingOn,
            c.Founders.Select(d => d.ToDomain()).ToList(), c.Consents.Select(x => new MemberConsent(x.PersonId, x.GivenOn)).ToList()))));
    }

    private static async Task<ProposeGroupCommand> ProposalAsync(KubeCoreDbContext db, GroupId id, ProgramProfile profile, ProposeGroupRequest request, CancellationToken cancellationToken)
    {
        var dossiers = await DossiersAsync(db, request.Founders.Select(f => f.PersonId).Distinct().ToList(), cancellationToken);
        return new ProposeGroupCommand(id, profile.Id, request.Name, request.Desa, request.ProposedOn, request.InitialMeetingOn,
            request.Founders.Select(f => dossiers[f.PersonId]).ToList(),
            request.Founders.Select(f => new ConsentData(f.PersonId, f.ConsentGivenOn)).ToList());
    }

    private static Task<IResult> ElectOfficers(Guid groupId, ElectOfficersRequest request, HttpContext http, StreamStore store) =>
        Append(http, store, groupId, request, _ => new ElectOfficersCommand(request.ElectedOn,
            [new OfficerAssignment(OfficerRole.Ketua, request.Ketua), new OfficerAssignment(OfficerRole.Sekretaris, request.Sekretaris), new OfficerAssignment(OfficerRole.Bendahara, request.Bendahara)],
            request.MeetingId, request.DecidedBy));

    private static Task<IResult> Verify(Guid groupId, VerifyGroupRequest request, HttpContext http, StreamStore store) =>
        store.AppendAsync(http, GroupStream.Instance, groupId, "group", request, moneyMoving: false,
            async (state, db, cancellationToken) =>
            {
                var dossiers = await DossiersAsync(db, [.. state.Group.CurrentMembers], cancellationToken);
                return new VerifyGroupCommand(request.VerifierName, request.Agency, request.VerifiedOn, [.. dossiers.Values]);
            },
            (state, _, version) => Answer(state, version, http));

    private static Task<IResult> Admit(Guid groupId, AdmitMemberRequest request, HttpContext http, StreamStore store) =>
        store.AppendAsync(http, GroupStream.Instance, groupId, "group", request, moneyMoving: false,
            async (_, db, cancellationToken) => new AdmitMemberCommand((await DossiersAsync(db, [request.PersonId], cancellationToken))[request.PersonId], request.JoinedOn),
            (state, _, version) => Answer(state, version, http));

    private static async Task<IResult> Get(Guid groupId, HttpContext http, StreamStore store, CancellationToken cancellationToken)
    {
        var loaded = await store.GetGroupAsync(groupId, cancellationToken);
        http.Response.Headers.ETag = ETags.Format(loaded.Version);
        return TypedResults.Ok(GroupViews.View(loaded.State, loaded.Version, http.User));
    }

    private static async Task<IResult> List(StreamStore store, int? skip, int? take, CancellationToken cancellationToken)
    {
        var (from, count) = Paging.Read(skip, take);
        var rows = await store.ListAsync(GroupStream.Instance.Name, from, count, cancellationToken);
        return TypedResults.Ok(rows.Select(r => new GroupListItem(new GroupId(r.Id), r.Version, System.Text.Json.JsonSerializer.Deserialize<GroupSummary>(r.Summary, Json.KubeCoreJsonConverters.Storage)!)).ToList());
    }

    /// <summary>Appends a group command and answers with the group.</summary>
    internal static Task<IResult> Append<TCommand>(HttpContext http, StreamStore store, Guid groupId, object request, Func<GroupState, TCommand> command)
        where TCommand : notnull =>
        store.AppendAsync(http, GroupStream.Instance, groupId, "group", request, moneyMoving: false, command, (state, _, version) => Answer(state, version, http));

    private static ApiResponse Answer(GroupState state, long version, HttpContext http) =>
        new(StatusCodes.Status200OK, GroupViews.View(state, version, http.User), Version: version);

    /// <summary>The dossiers of registered persons (404 naming the first unknown one).</summary>
    internal static async Task<Dictionary<PersonId, DossierData>> DossiersAsync(KubeCoreDbContext db, IReadOnlyCollection<PersonId> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Select(p => p.Value).ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        if (persons.Count != ids.Count)
        {
            throw ApiException.NotFound("person");
        }
        var householdIds = persons.Select(p => p.HouseholdId).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        return persons.ToDictionary(p => new PersonId(p.Id), p => DossierData.From(p, households[p.HouseholdId]));
    }
}
