using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.Api;

/// <summary>PRIV-01: no NIK or family-card number reaches the logs, whatever happens to the request.</summary>
public sealed class PersonalDataTests(ApiHosts hosts)
{
    [Fact]
    public async Task No_nik_or_family_card_number_is_ever_logged()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var client = api.ClientAs(Roles.Dinsos);
        var head = Identities.Person(female: true);
        var card = Identities.FamilyCard();
        var body = new
        {
            familyCard = card,
            desa = "62.71.01.1001",
            size = 2,
            persons = new[] { new { name = "Siti", nik = head.Nik, sex = head.Sex, birthDate = head.BirthDate, role = "Head", employment = "Trader" } },
        };
        await (await client.PostAsync("/households", body)).ExpectAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/households", body)).ExpectAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync("/households", new { familyCard = card, desa = "62.71.01.1001", size = 0, persons = Array.Empty<object>() })).ExpectAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/identity/nik/validation", new { nik = head.Nik, sex = "Male", birthDate = head.BirthDate })).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostAsync("/households", "{\"familyCard\":\"" + card + "\",")).ExpectAsync(HttpStatusCode.BadRequest);

        api.Logs.Lines.ShouldNotBeEmpty();
        api.Logs.Lines.ShouldNotContain(line => line.Contains(head.Nik) || line.Contains(card));
    }

    [Fact]
    public async Task The_nik_check_answers_with_the_masked_number_only()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var head = Identities.Person(female: true);
        var result = await (await api.ClientAs(Roles.Pendamping).PostAsync("/identity/nik/validation", new { nik = head.Nik, sex = "Female", birthDate = head.BirthDate }))
            .ExpectAsync(HttpStatusCode.OK);
        result.GetProperty("valid").GetBoolean().ShouldBeTrue();
        result.Str("masked").ShouldBe(head.Nik[..6] + "********" + head.Nik[^2..]);
        result.ToString().ShouldNotContain(head.Nik);

        var wrong = await (await api.ClientAs(Roles.Pendamping).PostAsync("/identity/nik/validation", new { nik = head.Nik, sex = "Male", birthDate = head.BirthDate }))
            .ExpectAsync(HttpStatusCode.OK);
        wrong.GetProperty("valid").GetBoolean().ShouldBeTrue(); // MEM-06: a disagreement is accepted with a warning
        wrong.GetProperty("violations").GetArrayLength().ShouldBe(0);
        wrong.GetProperty("warnings")[0].Str("errorCode").ShouldBe("MEM06_NIK_SEX_MISMATCH");
        var malformed = await (await api.ClientAs(Roles.Pendamping).PostAsync("/identity/nik/validation", new { nik = head.Nik[..6] + "72" + head.Nik[8..] }))
            .ExpectAsync(HttpStatusCode.OK);
        malformed.GetProperty("valid").GetBoolean().ShouldBeFalse();
        malformed.GetProperty("violations")[0].Str("errorCode").ShouldStartWith("MEM06_");
    }
}
