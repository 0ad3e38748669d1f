using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.Api;

/// <summary>
/// MEM-06 over HTTP: a person whose NIK disagrees with the stated birth date is registered, and the warning is kept
/// on the person. Every role sees that a warning exists; only Dinas Sosial sees which part disagrees. MEM-03: the
/// marital status is accepted, stored and shown; absent, it is unknown.
/// </summary>
public sealed class NikWarningTests(ApiHosts hosts)
{
    private ApiFactory Api => hosts.For(DatabaseEngine.Sqlite);

    [Fact]
    [Trait("Rule", "MEM-06")]
    public async Task A_woman_whose_NIK_says_another_birth_date_is_registered_and_Dinas_Sosial_sees_which_part_disagrees()
    {
        var head = Identities.Person(female: true);
        var statedBirthDate = DateOnly.Parse(head.BirthDate, System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await (await Api.ClientAs(Roles.Pendamping).PostAsync("/households", new
        {
            familyCard = Identities.FamilyCard(),
            desa = "62.71.01.1001",
            size = 3,
            persons = new[] { new { name = "Siti Rahmah", nik = head.Nik, sex = "Female", birthDate = statedBirthDate, role = "Head", employment = "Trader", maritalStatus = "Widowed" } },
        })).ExpectAsync(HttpStatusCode.Created);
        var id = created.Str("id");

        var dinsos = (await (await Api.ClientAs(Roles.Dinsos).GetAsync($"/households/{id}", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("persons")[0];
        dinsos.GetProperty("nikWarning").GetBoolean().ShouldBeTrue();
        dinsos.GetProperty("nikDisagreements").EnumerateArray().Select(d => d.GetString()).ShouldBe(["BirthDate"]);
        dinsos.Str("maritalStatus").ShouldBe("Widowed");
        dinsos.Str("birthDate").ShouldBe(statedBirthDate);

        foreach (var role in new[] { Roles.Pendamping, Roles.Auditor })
        {
            var shown = (await (await Api.ClientAs(role).GetAsync($"/households/{id}", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("persons")[0];
            shown.GetProperty("nikWarning").GetBoolean().ShouldBeTrue(role);
            shown.GetProperty("nikDisagreements").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, role);
        }
    }

    [Fact]
    [Trait("Rule", "MEM-03")]
    public async Task A_person_registered_without_a_marital_status_is_shown_with_none_and_without_a_warning_when_the_NIK_agrees()
    {
        var head = Identities.Person(female: false);
        var created = await (await Api.ClientAs(Roles.Dinsos).PostAsync("/households", new
        {
            familyCard = Identities.FamilyCard(),
            desa = "62.71.01.1001",
            size = 3,
            persons = new[] { new { name = "Budi", nik = head.Nik, sex = head.Sex, birthDate = head.BirthDate, role = "Head", employment = "Trader" } },
        })).ExpectAsync(HttpStatusCode.Created);

        var person = created.GetProperty("persons")[0];
        person.GetProperty("maritalStatus").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        person.GetProperty("nikWarning").GetBoolean().ShouldBeFalse();
        person.GetProperty("nikDisagreements").GetArrayLength().ShouldBe(0);
    }
}
