using System.Text.Json;
using KubeCore.Api.Mapping;
using KubeCore.Api.Persistence;
using KubeCore.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KubeCore.Api.Tests.Persistence;

/// <summary>
/// <see cref="DirectRows.LedgerAsync(KubeCoreDbContext, Guid, long, long, CancellationToken)"/> on SQLite reads through
/// the connection's native handle: the rows are those the data reader gives, field for field, and a value in any other
/// form than EF Core writes sends the read back to the data reader.
/// </summary>
public sealed class LedgerReadTests
{
    private static readonly Guid GroupId = Guid.Parse("5d7c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a");

    [Fact]
    public async Task The_direct_SQLite_read_gives_the_data_readers_rows_and_gives_way_to_it_on_any_other_form()
    {
        await using var api = new ApiFactory(DatabaseEngine.Sqlite);
        var databases = api.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>();
        var entries = LedgerMappingTests.Entries().ToList();
        await using (var db = await databases.CreateDbContextAsync(Http.Ct))
        {
            var now = DateTimeOffset.UtcNow;
            db.Aggregates.Add(new AggregateRow { Id = GroupId, Type = "group", Version = entries.Count, Summary = "{}", CreatedAt = now, UpdatedAt = now });
            foreach (var entry in entries)
            {
                var row = LedgerMapping.ToRow(entry);
                (row.GroupId, row.GroupVersion, row.RecordedAt) = (GroupId, entry.Sequence, now);
                db.LedgerEntries.Add(row);
            }
            await db.SaveChangesAsync(Http.Ct);
        }

        await using (var db = await databases.CreateDbContextAsync(Http.Ct))
        {
            await db.Database.OpenConnectionAsync(Http.Ct);
            foreach (var (after, upTo) in new[] { (0L, (long)entries.Count), (3L, entries.Count - 2L), (0L, 0L), ((long)entries.Count, (long)entries.Count) })
            {
                var direct = DirectRows.SqliteLedger(db, GroupId, after, upTo).ShouldNotBeNull();
                var reader = await DirectRows.LedgerAsync(db, GroupId, after, upTo, sqliteDirect: false, Http.Ct);
                Json(direct).ShouldBe(Json(reader));
                direct.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, entries.Count).Select(i => (long)i).Where(s => s > after && s <= upTo));
            }
            var all = await DirectRows.LedgerAsync(db, GroupId, 0, entries.Count, Http.Ct);
            all.Select(LedgerMapping.ToState).Select(Json).ShouldBe(entries.Select(Json));
        }

        // Values EF Core does not write (by someone with database rights): the data reader reads them, as before.
        foreach (var change in new[]
        {
            "UPDATE ledger_entries SET entry_id = ' ' || entry_id WHERE sequence = 2",
            "UPDATE ledger_entries SET book_date = '2019-1-23' WHERE sequence = 3",
            "UPDATE ledger_entries SET member_id = '{{' || member_id || '}}' WHERE sequence = 3",
            "UPDATE ledger_entries SET loan_id = randomblob(16) WHERE sequence = 5",
        })
        {
            await using var db = await databases.CreateDbContextAsync(Http.Ct);
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS ledger_entries_no_update", Http.Ct);
            await db.Database.ExecuteSqlRawAsync(change, Http.Ct);
            await db.Database.OpenConnectionAsync(Http.Ct);
            DirectRows.SqliteLedger(db, GroupId, 0, entries.Count).ShouldBeNull(change);
            var read = await DirectRows.LedgerAsync(db, GroupId, 0, entries.Count, Http.Ct);
            Json(read).ShouldBe(Json(await DirectRows.LedgerAsync(db, GroupId, 0, entries.Count, sqliteDirect: false, Http.Ct)));
        }
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType());
}
