using System.Net;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.EndToEnd;

/// <summary>The real server process over a SQLite file survives SIGKILL: what it acknowledged is there after a restart.</summary>
public sealed class ServerKillTests : ServerTest
{
    [Fact]
    public async Task Acknowledged_registrations_survive_a_sigkill_and_a_retry_after_restart_is_answered_from_the_store()
    {
        var client = Server.ClientAs(Roles.Pendamping, subject: "pendamping-e2e");
        var acknowledged = new List<(string Id, string Key, object Request, string Body)>();
        for (var i = 0; i < 5; i++)
        {
            var head = Identities.Person(female: i % 2 == 0);
            var key = Guid.NewGuid().ToString();
            var request = new
            {
                familyCard = Identities.FamilyCard(),
                desa = "62.71.01.1001",
                size = 3,
                persons = new[] { new { name = "Warga " + i, nik = head.Nik, sex = head.Sex, birthDate = head.BirthDate, role = "Head", employment = "Farmer" } },
            };
            var body = await (await client.PostAsync("/households", request, key)).ExpectAsync(HttpStatusCode.Created);
            acknowledged.Add((body.Str("id"), key, request, body.ToString()));
        }

        await RestartAfterSigkillAsync();

        var reader = Server.ClientAs(Roles.Auditor);
        foreach (var (id, _, _, _) in acknowledged)
        {
            await (await reader.GetAsync($"/households/{id}", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        }
        var (_, firstKey, firstRequest, firstBody) = acknowledged[0];
        var replay = await client.PostAsync("/households", firstRequest, firstKey);
        (await replay.ExpectAsync(HttpStatusCode.Created)).ToString().ShouldBe(firstBody);
        replay.Headers.GetValues("Idempotent-Repeated").ShouldBe(["true"]);
        var all = await (await reader.GetAsync("/households", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        all.GetArrayLength().ShouldBe(acknowledged.Count);
    }
}
