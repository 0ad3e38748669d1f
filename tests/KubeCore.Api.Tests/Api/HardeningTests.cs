using System.Net;
using System.Text;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KubeCore.Api.Tests.Api;

/// <summary>
/// Issue #14 (reference API hardening): what the probe found leaking at the edge. Every 4xx is KubeCore's own
/// problem+json with an errorCode; the 409 of a duplicate does not name another's record to a role that may not
/// see it; an unknown group is a 404 everywhere; a household write honours If-Match; unhandled errors say where.
/// </summary>
public sealed class HardeningTests(ApiHosts hosts)
{
    private ApiFactory Api => hosts.For(DatabaseEngine.Sqlite);

    private static object NewHousehold(out string nik)
    {
        var head = Identities.Person(female: true);
        nik = head.Nik;
        return new
        {
            familyCard = Identities.FamilyCard(),
            desa = "62.71.01.1001",
            size = 3,
            persons = new[] { new { name = "Siti", nik = head.Nik, sex = head.Sex, birthDate = head.BirthDate, role = "Head", employment = "Trader" } },
        };
    }

    private static object NewPerson(string nik)
    {
        var p = Identities.Person(female: false);
        return new { name = "Budi", nik, sex = p.Sex, birthDate = p.BirthDate, role = "OtherMember", employment = "Labourer" };
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task An_empty_or_missing_body_is_a_400_problem_with_a_code_and_no_framework_text(string? body)
    {
        var problem = await (await Api.ClientAs(Roles.Dinsos).PostAsync("/households", body)).ExpectProblemAsync(HttpStatusCode.BadRequest, "API_MISSING_BODY");
        problem.ToString().ShouldNotContain("Implicit body");
        problem.ToString().ShouldNotContain("parameter");
    }

    [Fact]
    public async Task An_empty_body_is_a_coded_problem_in_production_too()
    {
        await using var production = new ApiFactory(DatabaseEngine.Sqlite, new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["Auth:SigningKey"] = "production-test-key-production-test-key-0123456789",
        });
        var client = production.ClientAs(Roles.Dinsos);
        var response = await client.PostAsync("/households", "");
        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "API_MISSING_BODY");
        problem.ToString().ShouldNotContain("Implicit body");
    }

    [Theory]
    [InlineData("kunci-\u00e9t\u00e9")]
    [InlineData("\u4e00\u4e8c\u4e09")]
    [InlineData("tab\there")]
    public async Task An_idempotency_key_that_is_not_printable_ascii_is_a_400_problem_with_a_code(string key)
    {
        var response = await Api.ClientAs(Roles.Dinsos).PostAsync("/households", NewHousehold(out _), idempotencyKey: key);
        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "API_IDEMPOTENCY_KEY_INVALID");
    }

    [Fact]
    public async Task The_ledger_verification_of_an_unknown_group_is_a_404_like_its_siblings()
    {
        var client = Api.ClientAs(Roles.Dinsos);
        var unknown = Guid.NewGuid();
        await (await client.GetAsync($"/groups/{unknown}/ledger/entries", Http.Ct)).ExpectProblemAsync(HttpStatusCode.NotFound, "API_NOT_FOUND");
        await (await client.GetAsync($"/groups/{unknown}/ledger/verification", Http.Ct)).ExpectProblemAsync(HttpStatusCode.NotFound, "API_NOT_FOUND");
    }

    [Fact]
    public async Task A_duplicate_nik_or_family_card_names_the_existing_record_only_to_dinas_sosial()
    {
        var body = NewHousehold(out var nik);
        var first = await (await Api.ClientAs(Roles.Dinsos).PostAsync("/households", body)).ExpectAsync(HttpStatusCode.Created);
        var householdId = first.Str("id");
        var personId = first.GetProperty("persons")[0].Str("id");

        // A pendamping may register, but sees NIKs masked (PRIV-01): the 409 says what is taken, not whose it is.
        var pendamping = Api.ClientAs(Roles.Pendamping);
        var again = await (await pendamping.PostAsync("/households", body)).ExpectProblemAsync(HttpStatusCode.Conflict, "API_ALREADY_EXISTS");
        again.ToString().ShouldNotContain(householdId);
        var twice = await (await pendamping.PostAsync($"/households/{householdId}/persons", NewPerson(nik))).ExpectProblemAsync(HttpStatusCode.Conflict, "API_ALREADY_EXISTS");
        twice.ToString().ShouldNotContain(personId);

        // Dinas Sosial, who sees full numbers, is told which record holds them.
        var dinsos = Api.ClientAs(Roles.Dinsos);
        (await (await dinsos.PostAsync("/households", body)).ExpectProblemAsync(HttpStatusCode.Conflict, "API_ALREADY_EXISTS")).Str("detail").ShouldContain(householdId);
        (await (await dinsos.PostAsync($"/households/{householdId}/persons", NewPerson(nik))).ExpectProblemAsync(HttpStatusCode.Conflict, "API_ALREADY_EXISTS")).Str("detail").ShouldContain(personId);
    }

    [Fact]
    public async Task An_unhandled_error_is_logged_with_the_method_and_the_path()
    {
        await using var api = new ApiFactory(DatabaseEngine.Sqlite);
        var client = api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new Boom()))).CreateClient();
        var response = await client.DeleteAsync("/test/boom/42", Http.Ct);
        await response.ExpectProblemAsync(HttpStatusCode.InternalServerError, "API_INTERNAL_ERROR");
        api.Logs.Lines.ShouldContain(l => l.Contains("Unhandled", StringComparison.Ordinal) && l.Contains("DELETE", StringComparison.Ordinal) && l.Contains("/test/boom/42", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("garbage", "API_IF_MATCH_INVALID")]
    [InlineData("\"", "API_IF_MATCH_INVALID")]
    [InlineData("99", "API_VERSION_MISMATCH")]
    [InlineData("\"0\"", "API_VERSION_MISMATCH")]
    [InlineData("\"2\"", "API_VERSION_MISMATCH")]
    public async Task A_household_write_with_a_stale_or_unparsable_if_match_is_a_412_and_changes_nothing(string ifMatch, string code)
    {
        var client = Api.ClientAs(Roles.Dinsos);
        var id = (await (await client.PostAsync("/households", NewHousehold(out _))).ExpectAsync(HttpStatusCode.Created)).Str("id");

        await (await Send(client, HttpMethod.Put, $"/households/{id}/evidence", new { onPs2List = true }, ifMatch)).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, code);
        await (await client.PostAsync($"/households/{id}/persons", NewPerson(Identities.Person(female: false).Nik), ifMatch: ifMatch)).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, code);

        var read = await client.GetAsync($"/households/{id}", Http.Ct);
        read.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var household = await read.ExpectAsync(HttpStatusCode.OK);
        household.GetProperty("persons").GetArrayLength().ShouldBe(1);
        household.GetProperty("evidence").GetProperty("onPs2List").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_household_write_with_the_current_if_match_or_none_proceeds()
    {
        var client = Api.ClientAs(Roles.Dinsos);
        var id = (await (await client.PostAsync("/households", NewHousehold(out _))).ExpectAsync(HttpStatusCode.Created)).Str("id");
        var tag = (await client.GetAsync($"/households/{id}", Http.Ct)).Headers.ETag!.Tag;

        var evidence = await Send(client, HttpMethod.Put, $"/households/{id}/evidence", new { onPs2List = true }, tag);
        await evidence.ExpectAsync(HttpStatusCode.OK);
        evidence.Headers.ETag!.Tag.ShouldBe("\"2\"");
        await (await client.PostAsync($"/households/{id}/persons", NewPerson(Identities.Person(female: false).Nik), ifMatch: "\"1\", \"2\"")).ExpectAsync(HttpStatusCode.Created);
        await (await client.PostAsync($"/households/{id}/persons", NewPerson(Identities.Person(female: false).Nik), ifMatch: "*")).ExpectAsync(HttpStatusCode.Created);
        await (await client.PostAsync($"/households/{id}/persons", NewPerson(Identities.Person(female: false).Nik))).ExpectAsync(HttpStatusCode.Created);
        (await client.GetAsync($"/households/{id}", Http.Ct)).Headers.ETag!.Tag.ShouldBe("\"5\"");
    }

    internal static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, string? ifMatch, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = body switch
            {
                null => null,
                string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
                _ => System.Net.Http.Json.JsonContent.Create(body, body.GetType()),
            },
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(request, Http.Ct);
    }

    /// <summary>An endpoint that fails the way a bug would, behind the API's own error handling.</summary>
    private sealed class Boom : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext http, RequestDelegate _) =>
                http.Request.Path.StartsWithSegments("/test/boom") ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        };
    }
}
