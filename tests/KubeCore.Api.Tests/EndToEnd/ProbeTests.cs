using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.EndToEnd;

/// <summary>
/// The hardening probe (issue #14) re-run against the real server process (Kestrel, not the in-process test server):
/// every input answers a success or KubeCore's own problem+json with an errorCode, never a 5xx or a bare 400. The list
/// (input, status, errorCode) is written to the test output and to <c>kubecore-probe.txt</c> in the temp folder.
/// </summary>
public sealed class ProbeTests : ServerTest
{
    private readonly List<string> _lines = [];
    private readonly List<string> _wrong = [];

    private async Task Record(string input, HttpResponseMessage response, HttpStatusCode? expected = null, string? expectedCode = null)
    {
        var text = await response.Content.ReadAsStringAsync(Http.Ct);
        var status = (int)response.StatusCode;
        string? code = null;
        if (status >= 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                _wrong.Add($"{input}: {status} is not problem+json ({response.Content.Headers.ContentType}): {text}");
            }
            else
            {
                code = JsonDocument.Parse(text).RootElement.TryGetProperty("errorCode", out var c) ? c.GetString() : null;
                if (code is null)
                {
                    _wrong.Add($"{input}: {status} without errorCode");
                }
            }
        }
        if (status >= 500)
        {
            _wrong.Add($"{input}: {status} {text}");
        }
        if (expected is { } e && response.StatusCode != e || expectedCode is not null && code != expectedCode)
        {
            _wrong.Add($"{input}: expected {(int?)expected} {expectedCode}, got {status} {code}");
        }
        _lines.Add($"{input} -> {status} {code ?? "-"}");
    }

    private static object Household(string name, bool withPersons = true)
    {
        var head = Identities.Person(female: true);
        return new
        {
            familyCard = Identities.FamilyCard(),
            desa = "62.71.01.1001",
            size = 3,
            persons = withPersons ? new[] { new { name, nik = head.Nik, sex = head.Sex, birthDate = head.BirthDate, role = "Head", employment = "Trader" } } : [],
        };
    }

    [Fact]
    public async Task The_probe_inputs_answer_successes_or_coded_problems_never_a_5xx_or_a_bare_400()
    {
        var s = new GroupScenario((role, group) => Server.ClientAs(role, group));
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM Probe", "2019-01-07");
        await s.OpenBooksAsync("2019-01-21");
        var g = $"/groups/{s.GroupId}";
        var treasurer = s.Treasurer;
        var dinsos = s.Dinsos;
        var pendamping = s.Pendamping;

        await Record("deposit of 9223372036854775807", await treasurer.PostAsync($"{g}/savings/deposits",
            $"{{\"member\":\"{s.Ketua}\",\"date\":\"2019-01-22\",\"amount\":9223372036854775807}}", Guid.NewGuid().ToString()));
        await Record("deposit dated 9999-12-31", await treasurer.PostAsync($"{g}/savings/deposits", new { member = s.Ketua, date = "9999-12-31", amount = 5000 }, Guid.NewGuid().ToString()));
        await Record("week-close weekStart 9999-12-27", await treasurer.PostAsync($"{g}/ledger/week-closes", new { weekStart = "9999-12-27", closedOn = "9999-12-31" }, Guid.NewGuid().ToString()));

        await Record("name of only zero-width spaces", await pendamping.PostAsync("/households", Household("\u200B\u200B\u200B")));
        await Record("name with NUL", await pendamping.PostAsync("/households", Household("Si\0ti")));
        await Record("name with RTL override", await pendamping.PostAsync("/households", Household("\u202Eitis")));
        await Record("name of 10 000 chars", await pendamping.PostAsync("/households", Household(new string('a', 10_000))));
        await Record("household with no persons", await pendamping.PostAsync("/households", Household("Siti", withPersons: false)), HttpStatusCode.UnprocessableEntity);

        var household = await (await dinsos.PostAsync("/households", Household("Siti Aminah"))).ExpectAsync(HttpStatusCode.Created);
        var h = $"/households/{household.Str("id")}";
        await Record("If-Match \"99\" (PUT evidence)", await Put(dinsos, $"{h}/evidence", "\"99\""), HttpStatusCode.PreconditionFailed, "API_VERSION_MISMATCH");
        await Record("If-Match 99 (PUT evidence)", await Put(dinsos, $"{h}/evidence", "99"), HttpStatusCode.PreconditionFailed, "API_VERSION_MISMATCH");
        await Record("If-Match garbage (PUT evidence)", await Put(dinsos, $"{h}/evidence", "garbage"), HttpStatusCode.PreconditionFailed, "API_IF_MATCH_INVALID");
        await Record("If-Match current \"1\" (PUT evidence)", await Put(dinsos, $"{h}/evidence", "\"1\""), HttpStatusCode.OK);
        await Record("If-Match stale \"1\" (PUT evidence)", await Put(dinsos, $"{h}/evidence", "\"1\""), HttpStatusCode.PreconditionFailed, "API_VERSION_MISMATCH");
        await Record("If-Match garbage (POST persons)", await dinsos.PostAsync($"{h}/persons", Person(), ifMatch: "garbage"), HttpStatusCode.PreconditionFailed, "API_IF_MATCH_INVALID");
        await Record("If-Match stale (POST group meeting)", await treasurer.PostAsync($"{g}/meetings", "{}", ifMatch: "\"1\""), HttpStatusCode.PreconditionFailed, "API_VERSION_MISMATCH");

        await Record("empty body (POST /households)", await dinsos.PostAsync("/households", ""), HttpStatusCode.BadRequest, "API_MISSING_BODY");
        await Record("no body (POST /households)", await dinsos.PostAsync("/households", null, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "API_MISSING_BODY");

        using (var utf8 = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 }) { BaseAddress = Server.BaseAddress })
        {
            utf8.DefaultRequestHeaders.Authorization = dinsos.DefaultRequestHeaders.Authorization;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/households") { Content = JsonContent.Create(Household("Siti")) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "kunci-\u00e9t\u00e9-\u4e00");
            await Record("non-ASCII Idempotency-Key (UTF-8 bytes)", await utf8.SendAsync(request, Http.Ct), HttpStatusCode.BadRequest, "API_IDEMPOTENCY_KEY_INVALID");
        }
        // Latin-1 bytes are not UTF-8: Kestrel's default decoding refused them with a bare 400 before the API ran.
        using (var latin1 = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1 }) { BaseAddress = Server.BaseAddress })
        {
            latin1.DefaultRequestHeaders.Authorization = dinsos.DefaultRequestHeaders.Authorization;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/households") { Content = JsonContent.Create(Household("Siti")) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "kunci-\u00e9t\u00e9");
            await Record("non-ASCII Idempotency-Key (Latin-1 bytes)", await latin1.SendAsync(request, Http.Ct), HttpStatusCode.BadRequest, "API_IDEMPOTENCY_KEY_INVALID");
        }

        await Record("verification of an unknown group", await dinsos.GetAsync($"/groups/{Guid.NewGuid()}/ledger/verification", Http.Ct), HttpStatusCode.NotFound, "API_NOT_FOUND");

        var taken = Identities.Person(female: true);
        var original = new
        {
            familyCard = Identities.FamilyCard(),
            desa = "62.71.01.1001",
            size = 3,
            persons = new[] { new { name = "Asli", nik = taken.Nik, sex = taken.Sex, birthDate = taken.BirthDate, role = "Head", employment = "Trader" } },
        };
        var first = await (await dinsos.PostAsync("/households", original)).ExpectAsync(HttpStatusCode.Created);
        var copy = new { original.familyCard, original.desa, original.size, persons = original.persons };
        var duplicate = await pendamping.PostAsync("/households", new { familyCard = Identities.FamilyCard(), copy.desa, copy.size, copy.persons });
        var duplicateText = await duplicate.Content.ReadAsStringAsync(Http.Ct);
        await Record("duplicate NIK (pendamping)", duplicate, HttpStatusCode.Conflict, "API_ALREADY_EXISTS");
        duplicateText.ShouldNotContain(first.GetProperty("persons")[0].Str("id"));
        await Record("duplicate NIK (dinsos)", await dinsos.PostAsync("/households", new { familyCard = Identities.FamilyCard(), copy.desa, copy.size, copy.persons }), HttpStatusCode.Conflict, "API_ALREADY_EXISTS");

        var report = string.Join('\n', _lines);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "kubecore-probe.txt"), report + "\n", Http.Ct);
        _wrong.ShouldBeEmpty(report);
    }

    private static object Person()
    {
        var p = Identities.Person(female: false);
        return new { name = "Budi", nik = p.Nik, sex = p.Sex, birthDate = p.BirthDate, role = "OtherMember", employment = "Labourer" };
    }

    private static async Task<HttpResponseMessage> Put(HttpClient client, string url, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { onPs2List = true }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request, Http.Ct);
    }
}
