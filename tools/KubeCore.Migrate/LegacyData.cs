using System.Data.Common;
using System.Globalization;
using KubeCore.Api.Persistence;

namespace KubeCore.Migrate;

/// <summary>A 0.1 stream row.</summary>
internal sealed record LegacyStream(Guid Id, string Type, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Everything a 0.1 database holds, read with plain SQL (SQLite or PostgreSQL).</summary>
internal sealed record LegacyData(
    IReadOnlyList<LegacyStream> Streams,
    IReadOnlyDictionary<Guid, List<LegacyCommand>> Commands,
    IReadOnlyDictionary<Guid, List<LedgerEntryRow>> Ledger,
    IReadOnlyList<HouseholdRow> Households,
    IReadOnlyList<IdempotencyRow> Idempotency)
{
    /// <summary>Reads the 0.1 tables; <paramref name="prefix"/> is empty or a schema name with its dot.</summary>
    public static async Task<LegacyData> ReadAsync(DbConnection connection, string prefix, CancellationToken cancellationToken)
    {
        var streams = await ReadAsync(connection, $"SELECT id, type, version, created_at, updated_at FROM {prefix}streams ORDER BY created_at, id",
            r => new LegacyStream(Id(r[0]), (string)r[1], Long(r[2]), Time(r[3]), Time(r[4])), cancellationToken);
        var commands = (await ReadAsync(connection, $"SELECT stream_id, sequence, type, payload FROM {prefix}stream_commands ORDER BY stream_id, sequence",
                r => (Stream: Id(r[0]), Command: new LegacyCommand(Long(r[1]), (string)r[2], (string)r[3])), cancellationToken))
            .GroupBy(c => c.Stream).ToDictionary(g => g.Key, g => g.Select(c => c.Command).ToList());
        var ledger = (await ReadAsync(connection,
                $"SELECT group_id, sequence, entry_id, kind, book_date, member_id, loan_id, reverses, reference, memo, legs, amount, previous_hash, hash, command_sequence, recorded_at FROM {prefix}ledger_entries ORDER BY group_id, sequence",
                r => new LedgerEntryRow
                {
                    GroupId = Id(r[0]),
                    Sequence = Long(r[1]),
                    EntryId = Id(r[2]),
                    Kind = (string)r[3],
                    BookDate = Date(r[4]),
                    MemberId = r[5] is DBNull ? null : Id(r[5]),
                    LoanId = r[6] is DBNull ? null : Id(r[6]),
                    Reverses = r[7] is DBNull ? null : Id(r[7]),
                    Reference = (string)r[8],
                    Memo = (string)r[9],
                    Legs = (string)r[10],
                    Amount = Long(r[11]),
                    PreviousHash = (string)r[12],
                    Hash = (string)r[13],
                    GroupVersion = Long(r[14]),
                    RecordedAt = Time(r[15]),
                }, cancellationToken))
            .GroupBy(e => e.GroupId).ToDictionary(g => g.Key, g => g.ToList());
        var persons = (await ReadAsync(connection, $"SELECT id, household_id, name, nik, sex, birth_date, role, employment FROM {prefix}persons ORDER BY id",
                r => new PersonRow
                {
                    Id = Id(r[0]),
                    HouseholdId = Id(r[1]),
                    Name = (string)r[2],
                    Nik = (string)r[3],
                    Sex = (string)r[4],
                    BirthDate = Date(r[5]),
                    Role = (string)r[6],
                    Employment = (string)r[7],
                    MaritalStatus = null, // not recorded by 0.1: unknown (MEM-03)
                }, cancellationToken))
            .ToLookup(p => p.HouseholdId);
        var households = await ReadAsync(connection, $"SELECT id, family_card, desa, size, evidence, registered_at, registered_by, version FROM {prefix}households ORDER BY id",
            r => new HouseholdRow
            {
                Id = Id(r[0]),
                FamilyCard = (string)r[1],
                Desa = (string)r[2],
                Size = (int)Long(r[3]),
                Evidence = r[4] is DBNull ? null : (string)r[4],
                RegisteredAt = Time(r[5]),
                RegisteredBy = (string)r[6],
                Version = Long(r[7]),
            }, cancellationToken);
        foreach (var household in households)
        {
            household.Persons = [.. persons[household.Id]];
        }
        var idempotency = await ReadAsync(connection, $"SELECT subject, key, request_hash, status_code, content_type, body, location, e_tag, created_at FROM {prefix}idempotency_records",
            r => new IdempotencyRow
            {
                Subject = (string)r[0],
                Key = (string)r[1],
                RequestHash = (string)r[2],
                StatusCode = (int)Long(r[3]),
                ContentType = (string)r[4],
                Body = (string)r[5],
                Location = r[6] is DBNull ? null : (string)r[6],
                ETag = r[7] is DBNull ? null : (string)r[7],
                CreatedAt = Time(r[8]),
            }, cancellationToken);
        return new LegacyData(streams, commands, ledger, households, idempotency);
    }

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, Func<object[], T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(map(values));
        }
        return rows;
    }

    private static Guid Id(object value) => value is Guid g ? g : Guid.Parse((string)value, CultureInfo.InvariantCulture);

    private static long Long(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static DateOnly Date(object value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => DateOnly.Parse((string)value, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset Time(object value) => value switch
    {
        DateTimeOffset o => o,
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        _ => DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture),
    };
}
