using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KubeCore.Api.Endpoints;

/// <summary>
/// Households (Kartu Keluarga) and their persons. Registration goes through <see cref="Household.Register"/>
/// and <see cref="Person.Register"/> (MEM-06: a malformed NIK is refused; a NIK that disagrees with the stated
/// sex or birth date is accepted with a warning); a family card and a NIK are registered once. Numbers are shown
/// masked unless the caller may see them (PRIV-01).
/// </summary>
/// <remarks>
/// A person's MEM-06 warning: every role sees <c>nikWarning</c> (true when the NIK disagrees), so a pendamping knows
/// to check the documents; only Dinas Sosial (the role that sees the full NIK) sees <c>nikDisagreements</c>, which
/// part disagrees (<c>Sex</c>, <c>BirthDate</c>), since that tells what the masked digits say. Other roles get null.
/// </remarks>
public static class HouseholdEndpoints
{
    /// <summary>A household to register, with its persons.</summary>
    public sealed record RegisterHousehold(string FamilyCard, RegionCode Desa, int Size, IReadOnlyList<NewPerson> Persons, EvidenceRequest? Evidence = null);

    /// <summary>A person to register; <see cref="MaritalStatus"/> null or absent means not recorded (MEM-03 refuses it where the profile requires marriage).</summary>
    public sealed record NewPerson(string Name, string Nik, Sex Sex, LocalDate BirthDate, HouseholdRole Role, Employment Employment, MaritalStatus? MaritalStatus = null);

    /// <summary>A household as shown.</summary>
    public sealed record HouseholdView(HouseholdId Id, string FamilyCard, RegionCode Desa, int Size, IReadOnlyList<PersonView> Persons, PovertyEvidence Evidence, long Version);

    /// <summary>A household's registry evidence (MEM-01): its DTKS/DTSEN decile and whether it is on a PS2 list. PRA rankings come from wealth-ranking exercises.</summary>
    public sealed record EvidenceRequest(RegistryEntry? Registry = null, bool OnPs2List = false);

    /// <summary>
    /// A person as shown; <see cref="Nik"/> is masked unless the caller may see it. <see cref="NikWarning"/> says whether
    /// the NIK disagrees with the stated sex or birth date (MEM-06); <see cref="NikDisagreements"/> says which part, for
    /// Dinas Sosial only (null for other roles).
    /// </summary>
    public sealed record PersonView(PersonId Id, HouseholdId HouseholdId, string Name, string Nik, Sex Sex, LocalDate BirthDate, HouseholdRole Role, Employment Employment,
        MaritalStatus? MaritalStatus, bool NikWarning, IReadOnlyList<string>? NikDisagreements);

    public static void MapHouseholds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/households").WithTags("Households");
        group.MapPost("/", Register).RequireAuthorization(Policies.Register)
            .WithSummary("Registers a household and its persons (MEM-06). Idempotency-Key honoured.")
            .Command<HouseholdView>(StatusCodes.Status201Created);
        group.MapGet("/", List).RequireAuthorization(Policies.RegistryRead)
            .WithSummary("Households, optionally of one region (a desa/kelurahan code, or a kecamatan, regency or province code: every desa in it), in pages.")
            .Produces<List<HouseholdView>>();
        group.MapGet("/{householdId:guid}", Get).RequireAuthorization(Policies.RegistryRead)
            .WithSummary("One household with its persons.")
            .Produces<HouseholdView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{householdId:guid}/evidence", SetEvidence).VersionedBy("household", "householdId").RequireAuthorization(Policies.Register)
            .WithSummary("Records the household's registry decile (DTKS/DTSEN, POV-03) and PS2 listing; keeps its PRA ranking. Idempotency-Key honoured.")
            .Produces<HouseholdView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{householdId:guid}/persons", AddPerson).VersionedBy("household", "householdId").RequireAuthorization(Policies.Register)
            .WithSummary("Registers one more person of a household (MEM-06). Idempotency-Key honoured.")
            .Produces<PersonView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static Task<IResult> Register(RegisterHousehold request, HttpContext http, CommandRunner runner, TimeProvider time)
    {
        var problems = new FieldViolationsException();
        FamilyCardNumber.TryParse(request.FamilyCard, out var familyCard, out var cardViolation);
        problems.Add("$.familyCard", cardViolation);
        var household = cardViolation is null ? Household.Register(HouseholdId.New(), familyCard, request.Desa, request.Size) : null;
        problems.Add("$.persons", Household.CheckHasPersons(request.Persons?.Count ?? 0));
        var persons = ReadPersons(request.Persons ?? [], household?.Id ?? HouseholdId.New(), problems, "$.persons");
        problems.ThrowIfAny();
        var evidence = request.Evidence is { } e ? new PovertyEvidence(e.Registry, null, e.OnPs2List) : PovertyEvidence.None;

        return runner.RunAsync(http, request, moneyMoving: false, async (db, cancellationToken) =>
        {
            await EnsureUnregisteredAsync(db, household!.FamilyCard, persons, http.User, cancellationToken);
            var row = household.ToRow(time.GetUtcNow(), http.User.Subject());
            row.Persons.AddRange(persons.Select(p => p.ToRow()));
            row.Evidence = EvidenceJson.Write(evidence);
            db.Households.Add(row);
            return new ApiResponse(StatusCodes.Status201Created, View(household, persons, evidence, row.Version, http.User), "/households/" + household.Id, row.Version);
        });
    }

    private static Task<IResult> AddPerson(Guid householdId, NewPerson request, HttpContext http, CommandRunner runner)
    {
        var problems = new FieldViolationsException();
        var persons = ReadPersons([request], new HouseholdId(householdId), problems, "$");
        problems.ThrowIfAny();
        var person = persons.Single();

        return runner.RunAsync(http, request, moneyMoving: false, async (db, cancellationToken) =>
        {
            var row = await db.Households.SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken) ?? throw ApiException.NotFound("household");
            ETags.Check(http, "household", row.Version);
            await EnsureUnregisteredAsync(db, null, [person], http.User, cancellationToken);
            db.Persons.Add(person.ToRow());
            row.Version++;
            return new ApiResponse(StatusCodes.Status201Created, View(person, http.User), "/households/" + householdId, row.Version);
        });
    }

    private static Task<IResult> SetEvidence(Guid householdId, EvidenceRequest request, HttpContext http, CommandRunner runner) =>
        runner.RunAsync(http, request, moneyMoving: false, async (db, cancellationToken) =>
        {
            var row = await db.Households.Include(h => h.Persons).SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken) ?? throw ApiException.NotFound("household");
            ETags.Check(http, "household", row.Version);
            row.Evidence = EvidenceJson.Write(EvidenceJson.Read(row.Evidence) with { Registry = request.Registry, OnPs2List = request.OnPs2List });
            row.Version++;
            return new ApiResponse(StatusCodes.Status200OK, View(row, http.User), Version: row.Version);
        });

    private static async Task<IResult> List(HttpContext http, IDbContextFactory<KubeCoreDbContext> databases, string? desa, int? skip, int? take, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = db.Households.AsNoTracking().Include(h => h.Persons).AsQueryable();
        if (desa is not null)
        {
            var region = RegionCode.TryParse(desa, out var parsed) ? parsed : throw ApiException.InvalidParameter("desa");
            query = query.WhereSatisfies(new HouseholdRowsInRegion(region));
        }
        var (from, count) = Paging.Read(skip, take);
        var rows = await query.OrderBy(h => h.Desa).ThenBy(h => h.Id).Skip(from).Take(count).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => View(r, http.User)).ToList());
    }

    private static async Task<IResult> Get(Guid householdId, HttpContext http, IDbContextFactory<KubeCoreDbContext> databases, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Households.AsNoTracking().Include(h => h.Persons).SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken)
            ?? throw ApiException.NotFound("household");
        http.Response.Headers.ETag = ETags.Format(row.Version);
        return TypedResults.Ok(View(row, http.User));
    }

    // Each person's violations (a malformed NIK, MEM-06) at its NIK's field; a person refused is left out.
    private static List<Person> ReadPersons(IReadOnlyList<NewPerson> requested, HouseholdId householdId, FieldViolationsException problems, string path) =>
        [.. requested.Select((p, i) => problems.Collect(path == "$" ? "$.nik" : $"{path}[{i}].nik",
            () => Person.Register(PersonId.New(), householdId, p.Name, Nik.Parse(p.Nik), p.Sex, p.BirthDate, p.Role, p.Employment, p.MaritalStatus))).OfType<Person>()];

    /// <summary>
    /// 409 when the family card or a NIK is registered already. The answer names the record that holds it only to a role
    /// that sees full numbers (<see cref="Roles.MayRevealPersonalData"/>: Dinas Sosial); a pendamping is told what is taken
    /// (<c>KK</c> or <c>NIK</c>), not whose it is, or trying numbers would tie a full NIK to a person they see masked (PRIV-01).
    /// </summary>
    private static async Task EnsureUnregisteredAsync(KubeCoreDbContext db, FamilyCardNumber? familyCard, IReadOnlyList<Person> persons, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reveal = user.MayRevealPersonalData();
        if (familyCard is { } card)
        {
            var number = card.Reveal();
            var existing = await db.Households.Where(h => h.FamilyCard == number).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.AlreadyExists, ("Resource", "household"), ("Id", reveal ? id : "KK"));
            }
        }
        var niks = persons.Select(p => p.Nik.Reveal()).ToList();
        if (niks.Distinct(StringComparer.Ordinal).Count() != niks.Count)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.AlreadyExists, ("Resource", "person"), ("Id", "NIK"));
        }
        var taken = await db.Persons.Where(p => niks.Contains(p.Nik)).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (taken is { } personId)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.AlreadyExists, ("Resource", "person"), ("Id", reveal ? personId : "NIK"));
        }
    }

    private static HouseholdView View(Household household, IEnumerable<Person> persons, PovertyEvidence evidence, long version, ClaimsPrincipal user)
    {
        var reveal = user.MayRevealPersonalData();
        return new HouseholdView(household.Id, reveal ? household.FamilyCard.Reveal() : household.FamilyCard.Masked, household.Desa, household.Size,
            persons.Select(p => View(p, user)).ToList(), evidence, version);
    }

    private static HouseholdView View(HouseholdRow row, ClaimsPrincipal user) =>
        View(row.ToHousehold(), row.Persons.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.ToPerson()), EvidenceJson.Read(row.Evidence), row.Version, user);

    /// <summary>A person as the caller may see them (PRIV-01).</summary>
    public static PersonView View(Person person, ClaimsPrincipal user)
    {
        var dinsos = user.MayRevealPersonalData();
        return new(person.Id, person.HouseholdId, person.Name, dinsos ? person.Nik.Reveal() : person.Nik.Masked, person.Sex, person.BirthDate, person.Role, person.Employment,
            person.MaritalStatus, person.NikDisagreement != NikDisagreement.None, dinsos ? Disagreements(person.NikDisagreement) : null);
    }

    private static List<string> Disagreements(NikDisagreement disagreement) =>
        [.. new[] { NikDisagreement.Sex, NikDisagreement.BirthDate }.Where(part => disagreement.HasFlag(part)).Select(part => part.ToString())];
}

/// <summary>Paging of listings: <c>skip</c> from 0, <c>take</c> 1..500 (default 100).</summary>
public static class Paging
{
    /// <summary>The validated skip and take.</summary>
    public static (int Skip, int Take) Read(int? skip, int? take) =>
        skip is < 0 ? throw ApiException.InvalidParameter("skip")
        : take is < 1 or > 500 ? throw ApiException.InvalidParameter("take")
        : (skip ?? 0, take ?? 100);

    /// <summary>A page of the stored aggregates of one type, each made a listing item.</summary>
    public static async Task<Ok<List<TItem>>> PageAsync<TSummary, TItem>(StateStore store, string type, int? skip, int? take,
        Func<(Guid Id, long Version, TSummary Summary), TItem> item, CancellationToken cancellationToken)
    {
        var (from, count) = Read(skip, take);
        return TypedResults.Ok((await store.ListAsync<TSummary>(type, from, count, cancellationToken)).Select(item).ToList());
    }
}
