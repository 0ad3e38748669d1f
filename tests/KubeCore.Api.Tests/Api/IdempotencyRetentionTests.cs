using System.Net;
using KubeCore.Api.Commands;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KubeCore.Api.Tests.Api;

/// <summary>Idempotency records are purged after the retention (Idempotency:Retention, 7 days by default), never before.</summary>
public sealed class IdempotencyRetentionTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static object NewHousehold()
    {
        var head = Identities.Person(female: true);
        return new
        {
            familyCard = Identities.FamilyCard(),
            desa = "62.71.01.1001",
            size = 3,
            persons = new[] { new { name = "Siti", nik = head.Nik, sex = head.Sex, birthDate = head.BirthDate, role = "Head", employment = "Trader" } },
        };
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_record_exactly_at_the_retention_age_is_kept_and_replayed_and_one_a_microsecond_older_is_purged_while_younger_ones_stay(DatabaseEngine engine)
    {
        var time = new ManualTime(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        await using var factory = new ApiFactory(engine);
        await using var api = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));
        var retention = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdempotencyOptions>>().Value.Retention;
        retention.ShouldBe(TimeSpan.FromDays(7));
        var purge = api.Services.GetRequiredService<IdempotencyPurge>();
        HttpClient Client() => factory.ClientAsWith(api, Roles.Pendamping, "retention-1");

        var oldest = NewHousehold();
        var first = await (await Client().PostAsync("/households", oldest, "key-oldest")).ExpectAsync(HttpStatusCode.Created);
        time.Now += TimeSpan.FromDays(1);
        var younger = NewHousehold();
        var second = await (await Client().PostAsync("/households", younger, "key-younger")).ExpectAsync(HttpStatusCode.Created);

        // Exactly at the retention age: kept, and a retry still gets the first answer.
        time.Now += retention - TimeSpan.FromDays(1);
        (await purge.PurgeAsync(Http.Ct)).ShouldBe(0);
        var replay = await Client().PostAsync("/households", oldest, "key-oldest");
        (await replay.ExpectAsync(HttpStatusCode.Created)).ToString().ShouldBe(first.ToString());
        replay.Headers.GetValues("Idempotent-Repeated").ShouldBe(["true"]);

        // A microsecond older (the finest both databases keep): purged; the younger record stays and replays.
        time.Now += TimeSpan.FromMicroseconds(1);
        (await purge.PurgeAsync(Http.Ct)).ShouldBe(1);
        await using (var db = await api.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>().CreateDbContextAsync(Http.Ct))
        {
            (await db.IdempotencyRecords.Where(r => r.Subject == "retention-1").Select(r => r.Key).ToListAsync(Http.Ct)).ShouldBe(["key-younger"]);
        }
        var kept = await Client().PostAsync("/households", younger, "key-younger");
        (await kept.ExpectAsync(HttpStatusCode.Created)).ToString().ShouldBe(second.ToString());
        kept.Headers.GetValues("Idempotent-Repeated").ShouldBe(["true"]);
    }
}
