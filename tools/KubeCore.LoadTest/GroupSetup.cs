using System.Globalization;

namespace KubeCore.LoadTest;

/// <summary>One group made ready for deposits: its id, members, and the bendahara's token.</summary>
internal sealed record ReadyGroup(Guid Id, IReadOnlyList<Guid> Members, string TreasurerToken);

/// <summary>
/// Brings groups to the point where deposits can be posted, over HTTP, as a pendamping, Dinas Sosial and the group's
/// bendahara would: households registered (one head each, on the PS2 list), a KSM proposed in Kota Palangka Raya,
/// officers elected, initial meeting held, verified, activated, books opened.
/// </summary>
internal static class GroupSetup
{
    public const string Desa = "62.71.01.1001";
    public static readonly DateOnly ProposedOn = new(2025, 1, 6);
    public static readonly DateOnly BooksOpenedOn = new(2025, 1, 27);

    private static int _serial = Environment.ProcessId % 5_000;

    public static async Task<ReadyGroup> CreateAsync(Api api, string pendamping, string dinsos, int index, int members, CancellationToken ct)
    {
        var people = new List<Guid>();
        for (var i = 0; i < members; i++)
        {
            var n = Interlocked.Increment(ref _serial);
            var female = i % 2 == 0;
            var birth = new DateOnly(1985, 1, 1).AddDays((n * 37) % 3_000);
            var nik = string.Create(CultureInfo.InvariantCulture, $"627101{birth.Day + (female ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}{(n % 9_999) + 1:0000}");
            var issued = new DateOnly(2010, 1, 1).AddDays(n % 3_000);
            var familyCard = string.Create(CultureInfo.InvariantCulture, $"627101{issued.Day:00}{issued.Month:00}{issued.Year % 100:00}{(n % 9_999) + 1:0000}");
            var household = await api.PostOkAsync("/households", new
            {
                familyCard,
                desa = Desa,
                size = 4,
                persons = new[] { new { name = $"Anggota {index}-{i + 1}", nik, sex = female ? "Female" : "Male", birthDate = Api.Iso(birth), role = "Head", employment = "Trader" } },
                evidence = new { onPs2List = true },
            }, pendamping, ct);
            people.Add(Guid.Parse(household.GetProperty("persons")[0].GetProperty("id").GetString()!));
        }

        var proposed = await api.PostOkAsync("/groups", new
        {
            profile = "KsmP2kp",
            name = $"KSM Beban {index}",
            desa = Desa,
            proposedOn = Api.Iso(ProposedOn),
            initialMeetingOn = Api.Iso(ProposedOn.AddDays(7)),
            founders = people.Select(p => new { personId = p, consentGivenOn = Api.Iso(ProposedOn) }).ToArray(),
        }, pendamping, ct);
        var id = Guid.Parse(proposed.GetProperty("id").GetString()!);
        var g = $"/groups/{id}";
        await api.PostOkAsync($"{g}/officer-elections", new
        {
            electedOn = Api.Iso(ProposedOn.AddDays(7)),
            ketua = people[0],
            sekretaris = people[1],
            bendahara = people[2],
            decidedBy = people,
        }, pendamping, ct, idempotent: false);
        await api.PostOkAsync($"{g}/initial-meeting", new { date = Api.Iso(ProposedOn.AddDays(7)) }, pendamping, ct, idempotent: false);
        await api.PostOkAsync($"{g}/verification", new { verifierName = "Petugas Dinsos", agency = "Dinas Sosial Kota Palangka Raya", verifiedOn = Api.Iso(ProposedOn.AddDays(14)) }, dinsos, ct, idempotent: false);
        await api.PostOkAsync($"{g}/activation", new { date = Api.Iso(ProposedOn.AddDays(14)) }, dinsos, ct, idempotent: false);
        var treasurer = await api.TokenAsync(Api.Bendahara, id, ct);
        await api.PostOkAsync($"{g}/books", new { openedOn = Api.Iso(BooksOpenedOn) }, treasurer, ct);
        return new ReadyGroup(id, people, treasurer);
    }
}
