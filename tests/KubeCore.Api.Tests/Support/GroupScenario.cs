using System.Globalization;
using System.Net;
using System.Text.Json;
using KubeCore.Api.Security;

namespace KubeCore.Api.Tests.Support;

/// <summary>
/// Drives a group's life over HTTP, the same way in process and against the real server: registers the members'
/// households, forms the group, verifies and activates it, opens its books. Roles: a pendamping forms, Dinas
/// Sosial verifies, the group's own bendahara keeps the books.
/// </summary>
public sealed class GroupScenario(Func<string, Guid?, HttpClient> clientAs)
{
    public Guid GroupId { get; private set; }

    public List<Guid> Members { get; } = [];

    public Guid Ketua => Members[0];

    public Guid Sekretaris => Members[1];

    public Guid Bendahara => Members[2];

    public HttpClient Pendamping => clientAs(Roles.Pendamping, null);

    public HttpClient Dinsos => clientAs(Roles.Dinsos, null);

    public HttpClient Auditor => clientAs(Roles.Auditor, null);

    public HttpClient Treasurer => clientAs(Roles.Bendahara, GroupId);

    /// <summary>Registers one household per member (the member is its head), women first; KSM evidence: the PS2 list; KUBE: DTKS decile 1.</summary>
    public async Task RegisterMembersAsync(int count, int women, string desa = "62.71.01.1001", string? registryRankedOn = null)
    {
        for (var i = 0; i < count; i++)
        {
            var person = Identities.Person(female: i < women, age: 30 + i);
            object evidence = registryRankedOn is null
                ? new { onPs2List = true }
                : new { registry = new { source = "Dtks", decile = 1, rankedOn = registryRankedOn }, onPs2List = false };
            var household = await (await Pendamping.PostAsync("/households", new
            {
                familyCard = Identities.FamilyCard(),
                desa,
                size = 4,
                persons = new[] { new { name = $"Anggota {i + 1}", nik = person.Nik, sex = person.Sex, birthDate = person.BirthDate, role = "Head", employment = "Trader", maritalStatus = "Married" } },
                evidence,
            }, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created);
            Members.Add(Guid.Parse(household.GetProperty("persons")[0].Str("id")));
        }
    }

    /// <summary>Proposes the group, elects its officers (decided by every member) and holds the initial meeting a week later: the group is Formed.</summary>
    public async Task<JsonElement> ProposeAndFormAsync(string profile, string name, string proposedOn, string desa = "62.71.01.1001")
    {
        var day = ParseDate(proposedOn);
        var proposed = await (await Pendamping.PostAsync("/groups", new
        {
            profile,
            name,
            desa,
            proposedOn,
            initialMeetingOn = Iso(day.AddDays(7)),
            founders = Members.Select(m => new { personId = m, consentGivenOn = proposedOn }).ToArray(),
        }, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created);
        GroupId = Guid.Parse(proposed.Str("id"));
        proposed.Str("status").ShouldBe("Proposed");

        await (await Pendamping.PostAsync($"/groups/{GroupId}/officer-elections", new
        {
            electedOn = Iso(day.AddDays(7)),
            ketua = Ketua,
            sekretaris = Sekretaris,
            bendahara = Bendahara,
            decidedBy = Members,
        })).ExpectAsync(HttpStatusCode.OK);
        var formed = await (await Pendamping.PostAsync($"/groups/{GroupId}/initial-meeting", new { date = Iso(day.AddDays(7)) })).ExpectAsync(HttpStatusCode.OK);
        formed.Str("status").ShouldBe("Formed");
        return formed;
    }

    /// <summary>Forms the group (<see cref="ProposeAndFormAsync"/>), then has Dinas Sosial verify and activate it two weeks after the proposal.</summary>
    public async Task<JsonElement> FormAsync(string profile, string name, string proposedOn, string desa = "62.71.01.1001")
    {
        await ProposeAndFormAsync(profile, name, proposedOn, desa);
        var day = ParseDate(proposedOn);
        var verified = await (await Dinsos.PostAsync($"/groups/{GroupId}/verification", new { verifierName = "Petugas Dinsos", agency = "Dinas Sosial Kota Palangka Raya", verifiedOn = Iso(day.AddDays(14)) }))
            .ExpectAsync(HttpStatusCode.OK);
        verified.Str("status").ShouldBe("Verified");
        var active = await (await Dinsos.PostAsync($"/groups/{GroupId}/activation", new { date = Iso(day.AddDays(14)) })).ExpectAsync(HttpStatusCode.OK);
        active.Str("status").ShouldBe("Active");
        return active;
    }

    /// <summary>Every member signs the joint-liability statement (LOAN-01) on <paramref name="signedOn"/>.</summary>
    public async Task SignJointLiabilityAsync(string signedOn)
    {
        foreach (var member in Members)
        {
            await (await Pendamping.PostAsync($"/groups/{GroupId}/joint-liability-statements", new { member, signedOn })).ExpectAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>The treasurer adds <paramref name="amount"/> of loan capital to the books on <paramref name="date"/> (from the UPK of a BKM).</summary>
    public async Task AddLoanCapitalAsync(string date, long amount, string reference = "UPK BKM") =>
        await (await Treasurer.PostAsync($"/groups/{GroupId}/ledger/loan-capital", new { date, amount, reference }, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created);

    public async Task OpenBooksAsync(string openedOn) =>
        await (await Treasurer.PostAsync($"/groups/{GroupId}/books", new { openedOn }, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created);

    /// <summary>Every member deposits <paramref name="amount"/> on <paramref name="date"/>; returns the entry ids.</summary>
    public async Task<List<string>> DepositAllAsync(string date, long amount)
    {
        var ids = new List<string>();
        foreach (var member in Members)
        {
            var posting = await (await Treasurer.PostAsync($"/groups/{GroupId}/savings/deposits", new { member, date, amount }, Guid.NewGuid().ToString()))
                .ExpectAsync(HttpStatusCode.Created);
            ids.Add(posting.GetProperty("entries")[0].Str("id"));
        }
        return ids;
    }

    /// <summary>A weekly meeting with every member present, and the given decisions.</summary>
    public async Task<JsonElement> MeetAsync(string date, params object[] decisions) =>
        await (await Treasurer.PostAsync($"/groups/{GroupId}/meetings", new
        {
            date,
            agenda = "Pertemuan rutin mingguan",
            attendance = Members.Select(m => new { member = m, mark = "Present" }).ToArray(),
            decisions,
        })).ExpectAsync(HttpStatusCode.Created);

    public static DateOnly ParseDate(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
