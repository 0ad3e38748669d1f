using System.Net;
using System.Text.Json;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.Api;

/// <summary>
/// If-Match on every versioned write, walked from the OpenAPI document: every operation that declares the header (and its 412)
/// refuses a value that is not a version and a stale version, and changes nothing; the current version proceeds.
/// </summary>
public sealed class IfMatchContractTests(ApiHosts hosts)
{
    private static readonly string[] Writes = ["post", "put", "patch", "delete"];

    // The POSTs that only evaluate (nothing is stored): they take no If-Match although their route names a group.
    private static readonly string[] Evaluations = ["POST /groups/{groupId}/loans/assessment", "POST /groups/{groupId}/reports/stage"];

    private static readonly string[] VersionedIds = ["{groupId}", "{householdId}", "{pendampingId}", "{exerciseId}"];

    private ApiFactory Api => hosts.For(DatabaseEngine.Sqlite);

    private static IEnumerable<(string Name, string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => Writes.Contains(m.Name))
                .Select(m => ($"{m.Name.ToUpperInvariant()} {path.Name}", path.Name, m.Name, m.Value)));

    private static bool DeclaresIfMatch(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
        && parameters.EnumerateArray().Any(p => p.Str("name") == "If-Match" && p.Str("in") == "header");

    [Fact]
    public async Task Every_write_to_an_existing_versioned_resource_declares_if_match_and_its_412_and_nothing_else_does()
    {
        var document = await (await Api.CreateClient().GetAsync("/openapi/v1.json", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var wrong = new List<string>();
        foreach (var (name, path, _, operation) in Operations(document))
        {
            var versioned = VersionedIds.Any(path.Contains) && !Evaluations.Contains(name);
            if (DeclaresIfMatch(operation) != versioned)
            {
                wrong.Add(name + (versioned ? ": no If-Match" : ": If-Match on a write that changes no existing resource"));
            }
            if (versioned && !operation.GetProperty("responses").TryGetProperty("412", out _))
            {
                wrong.Add(name + ": no 412");
            }
        }
        wrong.ShouldBeEmpty();
        Operations(document).Count(o => DeclaresIfMatch(o.Operation)).ShouldBeGreaterThanOrEqualTo(35);
    }

    [Fact]
    public async Task Every_operation_declaring_if_match_refuses_a_non_version_and_a_stale_version_with_412_and_changes_nothing_while_the_current_version_proceeds()
    {
        var s = new GroupScenario((role, group) => Api.ClientAs(role, group));
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM If-Match", "2019-01-07");
        var dinsos = s.Dinsos;
        var households = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var head = Identities.Person(female: i % 2 == 0);
            households.Add((await (await dinsos.PostAsync("/households", new
            {
                familyCard = Identities.FamilyCard(),
                desa = "62.71.01.1003",
                size = 3,
                persons = new[] { new { name = $"Warga {i}", nik = head.Nik, sex = head.Sex, birthDate = head.BirthDate, role = "Head", employment = "Farmer" } },
            })).ExpectAsync(HttpStatusCode.Created)).Str("id"));
        }
        var pendamping = (await (await dinsos.PostAsync("/pendamping", new { name = "Mbak Niken", profile = "KsmP2kp", appointedOn = "2019-01-02" })).ExpectAsync(HttpStatusCode.Created)).Str("id");
        var exercise = (await (await dinsos.PostAsync("/wealth-ranking/exercises", new { profile = "Kub", desa = "62.71.01.1003", heldOn = "2012-08-02", households })).ExpectAsync(HttpStatusCode.Created)).Str("id");
        var roots = new Dictionary<string, string>
        {
            ["{groupId}"] = $"/groups/{s.GroupId}",
            ["{householdId}"] = $"/households/{households[0]}",
            ["{pendampingId}"] = $"/pendamping/{pendamping}",
            ["{exerciseId}"] = $"/wealth-ranking/exercises/{exercise}",
        };
        async Task<long> Version(string root)
        {
            var response = await dinsos.GetAsync(root, Http.Ct);
            await response.ExpectAsync(HttpStatusCode.OK);
            return long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        }
        var before = new Dictionary<string, long>();
        foreach (var (id, root) in roots)
        {
            before[id] = await Version(root);
        }

        var document = await (await Api.CreateClient().GetAsync("/openapi/v1.json", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var tried = 0;
        foreach (var (name, path, method, operation) in Operations(document).Where(o => DeclaresIfMatch(o.Operation)))
        {
            var resource = VersionedIds.First(path.Contains);
            var url = path;
            foreach (var (id, root) in roots)
            {
                url = url.Replace(id, root.Split('/')[^1], StringComparison.Ordinal);
            }
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[^}]+\\}", Guid.NewGuid().ToString());
            foreach (var (ifMatch, code) in new[] { ("garbage", "API_IF_MATCH_INVALID"), ("99", "API_VERSION_MISMATCH"), ($"\"{before[resource] - 1}\"", "API_VERSION_MISMATCH") })
            {
                var response = await HardeningTests.Send(dinsos, new HttpMethod(method.ToUpperInvariant()), url, "{}", ifMatch);
                if (response.StatusCode == HttpStatusCode.Forbidden)
                {
                    response = await HardeningTests.Send(s.Treasurer, new HttpMethod(method.ToUpperInvariant()), url, "{}", ifMatch);
                }
                var text = await response.Content.ReadAsStringAsync(Http.Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, $"{name} with If-Match {ifMatch}: {text}");
                text.ShouldContain($"\"errorCode\":\"{code}\"", Case.Sensitive, name);
                tried++;
            }
        }
        tried.ShouldBeGreaterThanOrEqualTo(3 * 35);
        foreach (var (id, root) in roots)
        {
            (await Version(root)).ShouldBe(before[id], root);
        }

        // The current version proceeds (a representative write per resource).
        var tag = $"\"{before["{householdId}"]}\"";
        await (await HardeningTests.Send(dinsos, HttpMethod.Put, roots["{householdId}"] + "/evidence", new { onPs2List = true }, tag)).ExpectAsync(HttpStatusCode.OK);
        await (await HardeningTests.Send(s.Treasurer, HttpMethod.Post, roots["{groupId}"] + "/books", new { openedOn = "2019-01-21" }, $"\"{before["{groupId}"]}\"", Guid.NewGuid().ToString()))
            .ExpectAsync(HttpStatusCode.Created);
        await (await HardeningTests.Send(s.Treasurer, HttpMethod.Post, roots["{groupId}"] + "/savings/deposits", new { member = s.Ketua, date = "2019-01-21", amount = 5000 }, $"W/\"{before["{groupId}"] + 1}\"", Guid.NewGuid().ToString()))
            .ExpectAsync(HttpStatusCode.Created);
        await (await HardeningTests.Send(dinsos, HttpMethod.Post, roots["{pendampingId}"] + "/assignments", new { groupId = s.GroupId, assignedOn = "2019-01-21" }, $"\"{before["{pendampingId}"]}\""))
            .ExpectAsync(HttpStatusCode.OK);
        await (await HardeningTests.Send(dinsos, HttpMethod.Post, roots["{exerciseId}"] + "/sortings", new
        {
            informant = "Pak RT",
            pileCount = 4,
            placements = households.Select((h, i) => new { household = h, pile = 4 - i }).ToArray(),
        }, $"\"{before["{exerciseId}"]}\"")).ExpectAsync(HttpStatusCode.OK);
        (await Version(roots["{groupId}"])).ShouldBe(before["{groupId}"] + 2);
    }
}
