using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using KubeCore.Api.Commands;
using KubeCore.Api.Facilitation;
using KubeCore.Api.Groups;
using KubeCore.Api.Json;
using KubeCore.Api.Mapping;
using KubeCore.Api.Persistence;
using KubeCore.Api.WealthRanking;
using KubeCore.Common;
using KubeCore.Savings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KubeCore.Migrate;

/// <summary>What a conversion converted.</summary>
public sealed record MigrationReport(int Groups, int Pendamping, int Exercises, int Households, int Persons, int LedgerEntries, int IdempotencyRecords)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"converted {Groups} group(s), {Pendamping} pendamping, {Exercises} exercise(s), {Households} household(s) ({Persons} person(s)), {LedgerEntries} ledger entrie(s) kept as stored, {IdempotencyRecords} idempotency record(s)";
}

/// <summary>
/// Converts a KubeCore 0.1 database (command streams) to the 0.2 schema (the library's states) in place and safely:
/// SQLite is converted into a new file that replaces the original only once complete (the original is kept beside it as
/// <c>*.v01.bak</c>); PostgreSQL in one transaction (the 0.1 tables are moved to the schema <c>kubecore_v01</c>).
/// Each group, pendamping and wealth-ranking stream is replayed through today's library; its stored ledger entries are kept as they are (their hashes
/// still verify) after the replay produced the same entries field by field; loans keep the ids the 0.1 API returned.
/// </summary>
public static class Migration
{
    private const string LegacySchema = "kubecore_v01";

    private static readonly string[] LegacyTables = ["streams", "stream_commands", "ledger_entries", "households", "persons", "idempotency_records"];

    /// <summary>Converts a SQLite file in place (the original kept as <c>&lt;file&gt;.v01.bak</c>).</summary>
    /// <exception cref="MigrationException">The file is not a 0.1 database, or a stream no longer replays (the file is left unchanged).</exception>
    public static async Task<MigrationReport> ConvertSqliteAsync(string file, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new MigrationException($"no such file: {path}");
        }
        var target = path + ".v02.tmp";
        var backup = path + ".v01.bak";
        File.Delete(target);
        LegacyData data;
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await source.OpenAsync(cancellationToken);
            // Folds a 0.1 WAL into the file (no logical change), so the backup below is the whole database.
            await using (var checkpoint = source.CreateCommand())
            {
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            }
            await CheckLegacyAsync(source, "sqlite_master WHERE type = 'table' AND name = 'stream_commands'", cancellationToken);
            data = await LegacyData.ReadAsync(source, string.Empty, cancellationToken);
        }
        var converted = Convert(data);
        try
        {
            var options = new DbContextOptionsBuilder<KubeCoreDbContext>()
                .UseSqlite(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()).Options;
            await using (var db = new KubeCoreDbContext(options))
            {
                await Database.InitializeAsync(db, cancellationToken);
                await WriteAsync(db, converted, cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE;", cancellationToken);
            }
            SqliteConnection.ClearAllPools();
            File.Copy(path, backup, overwrite: true);
            File.Move(target, path, overwrite: true);
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }
        catch
        {
            SqliteConnection.ClearAllPools();
            File.Delete(target);
            throw;
        }
        return converted.Report;
    }

    /// <summary>Converts a PostgreSQL database in one transaction (the 0.1 tables moved to the schema <c>kubecore_v01</c>).</summary>
    /// <exception cref="MigrationException">The database is not a 0.1 database, or a stream no longer replays (nothing is changed).</exception>
    public static async Task<MigrationReport> ConvertPostgresAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CheckLegacyAsync(connection, "information_schema.tables WHERE table_schema = current_schema() AND table_name = 'stream_commands'", cancellationToken);
        await using (var move = connection.CreateCommand())
        {
            move.CommandText = $"CREATE SCHEMA {LegacySchema}; " + string.Concat(LegacyTables.Select(t => $"ALTER TABLE {t} SET SCHEMA {LegacySchema}; "));
            await move.ExecuteNonQueryAsync(cancellationToken);
        }
        var converted = Convert(await LegacyData.ReadAsync(connection, LegacySchema + ".", cancellationToken));
        var options = new DbContextOptionsBuilder<KubeCoreDbContext>().UseNpgsql(connection).Options;
        await using (var db = new KubeCoreDbContext(options))
        {
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
#pragma warning disable EF1002 // the script EF Core generated for its own model
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript(), cancellationToken);
#pragma warning restore EF1002
            await Database.InitializeAsync(db, cancellationToken);
            await WriteAsync(db, converted, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return converted.Report;
    }

    private static async Task CheckLegacyAsync(DbConnection connection, string where, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM " + where;
        if (System.Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            throw new MigrationException("this is not a KubeCore 0.1 database (no table stream_commands): nothing to convert");
        }
    }

    private sealed record Converted(
        IReadOnlyList<HouseholdRow> Households, IReadOnlyList<AggregateRow> Aggregates, IReadOnlyList<StatePartRow> Parts,
        IReadOnlyList<LedgerEntryRow> Ledger, IReadOnlyList<IdempotencyRow> Idempotency, MigrationReport Report);

    private static Converted Convert(LegacyData data)
    {
        var aggregates = new List<AggregateRow>();
        var parts = new List<StatePartRow>();
        var ledger = new List<LedgerEntryRow>();
        var (groups, pendamping, exercises) = (0, 0, 0);
        foreach (var stream in data.Streams)
        {
            var commands = data.Commands.GetValueOrDefault(stream.Id) ?? [];
            switch (stream.Type)
            {
                case "group":
                    var stored = data.Ledger.GetValueOrDefault(stream.Id) ?? [];
                    var (state, rows) = ConvertGroup(stream.Id, commands, stored);
                    aggregates.Add(new AggregateRow
                    {
                        Id = stream.Id,
                        Type = GroupType.Instance.Name,
                        Version = stream.Version,
                        CreatedAt = stream.CreatedAt,
                        UpdatedAt = stream.UpdatedAt,
                        Summary = Serialize(GroupType.Instance.Summary(state.State)),
                    });
                    parts.AddRange(state.Parts.Select(p => new StatePartRow { AggregateId = stream.Id, Name = p.Key, State = p.Value, Version = stream.Version }));
                    ledger.AddRange(rows);
                    groups++;
                    break;
                case "pendamping":
                    AddState(PendampingType.Instance, stream, FacilitationReplay.Pendamping(stream.Id, commands), aggregates, parts);
                    pendamping++;
                    break;
                case "wealth-ranking":
                    AddState(ExerciseType.Instance, stream, FacilitationReplay.Exercise(stream.Id, commands), aggregates, parts);
                    exercises++;
                    break;
                default:
                    throw new MigrationException($"stream {stream.Id}: streams of type '{stream.Type}' are not converted by this tool");
            }
        }
        return new Converted(data.Households, aggregates, parts, ledger, data.Idempotency,
            new MigrationReport(groups, pendamping, exercises, data.Households.Count, data.Households.Sum(h => h.Persons.Count), ledger.Count, data.Idempotency.Count));
    }

    // A 0.1 row names no format: FromStored takes the format whose hash matches the one the row carries (1 or 2).
    private static LedgerEntry FromLegacyRow(LedgerEntryRow row)
    {
        var s = LedgerMapping.ToState(row);
        return LedgerEntry.FromStored(new GroupId(row.GroupId), s.Id, s.Sequence, s.BookDate, s.Kind,
            s.Legs.Select(l => LedgerLeg.FromParts(LedgerAccount.FromParts(l.Account, l.Member, l.Loan), l.Side, l.Amount)),
            s.Member, s.Loan, s.Reference, s.Memo, s.Reverses, s.PreviousHash, s.Hash, s.Profit, s.IksPurpose, s.WeekStartsOn, s.ProfileId, s.ClosedWeekStart);
    }

    /// <summary>A replayed pendamping or exercise as the API stores it: its row at the stream's version and its parts, checked by restoring them.</summary>
    private static void AddState<TState>(StateType<TState> type, LegacyStream stream, TState state, List<AggregateRow> aggregates, List<StatePartRow> parts)
        where TState : class
    {
        var written = type.TakeChanges(state).ToDictionary(p => p.Part, p => Serialize(p.State));
        _ = type.Restore(stream.Id, written, []); // refuses a broken state with its coded error, before anything is written
        aggregates.Add(new AggregateRow
        {
            Id = stream.Id,
            Type = type.Name,
            Version = stream.Version,
            CreatedAt = stream.CreatedAt,
            UpdatedAt = stream.UpdatedAt,
            Summary = Serialize(type.Summary(state)),
        });
        parts.AddRange(written.Select(p => new StatePartRow { AggregateId = stream.Id, Name = p.Key, State = p.Value, Version = stream.Version }));
    }

    private static ((GroupState State, IReadOnlyDictionary<string, string> Parts) State, IReadOnlyList<LedgerEntryRow> Rows) ConvertGroup(Guid groupId, IReadOnlyList<LegacyCommand> commands, IReadOnlyList<LedgerEntryRow> storedRows)
    {
        // The stored entries as they are: format 1 or 2, detected from the hash they carry (FromStored).
        var stored = new List<LedgerEntryRow>(storedRows.Count);
        foreach (var row in storedRows)
        {
            LedgerEntryState entry;
            try
            {
                entry = FromLegacyRow(row).ToState();
            }
            catch (ArgumentException broken)
            {
                throw new MigrationException($"group {groupId}: stored ledger entry {row.Sequence} ({row.EntryId}) is malformed: {broken.Message}", broken);
            }
            var converted = LedgerMapping.ToRow(entry);
            (converted.GroupId, converted.GroupVersion, converted.RecordedAt) = (groupId, row.GroupVersion, row.RecordedAt);
            stored.Add(converted);
        }
        var state = GroupReplay.Replay(groupId, commands, stored);
        var replayed = state.Ledger?.Entries ?? [];
        if (replayed.Count != stored.Count)
        {
            throw new MigrationException($"group {groupId}: the replay produced {replayed.Count} ledger entries, {stored.Count} are stored");
        }
        var ids = new Dictionary<EntryId, EntryId>();
        for (var i = 0; i < stored.Count; i++)
        {
            ids[replayed[i].Id] = new EntryId(stored[i].EntryId);
        }
        for (var i = 0; i < stored.Count; i++)
        {
            var mine = replayed[i].ToState();
            var theirs = LedgerMapping.ToState(stored[i]);
            var difference = Difference(mine, theirs, ids);
            if (difference is not null)
            {
                throw new MigrationException($"group {groupId}: ledger entry {theirs.Sequence} ({theirs.Id}) differs from its replay in {difference}");
            }
        }
        _ = GroupType.Instance.TakeEntries(state).ToList();
        var parts = new Dictionary<string, string>();
        foreach (var (name, part) in GroupType.Instance.TakeChanges(state))
        {
            var json = Serialize(part);
            if (name == "fund")
            {
                // The fund names ledger entries by id: the stored ids, not the replay's.
                foreach (var (mine, theirs) in ids)
                {
                    json = json.Replace(mine.Value.ToString(), theirs.Value.ToString(), StringComparison.OrdinalIgnoreCase);
                }
            }
            parts[name] = json;
        }
        // What the API will load: restored from the parts and the stored ledger (hash chain and fund checked by the library).
        var loaded = GroupType.Instance.Restore(groupId, parts, stored);
        if (loaded.Ledger?.Count != state.Ledger?.Count)
        {
            throw new MigrationException($"group {groupId}: the converted state does not restore its ledger");
        }
        return ((loaded, parts), stored);
    }

    /// <summary>The first field in which a replayed entry differs from the stored one (ids and hashes apart), or null.</summary>
    private static string? Difference(LedgerEntryState mine, LedgerEntryState theirs, IReadOnlyDictionary<EntryId, EntryId> ids)
    {
        if (mine.Sequence != theirs.Sequence) return "Sequence";
        if (mine.Kind != theirs.Kind) return $"Kind ({mine.Kind} replayed, {theirs.Kind} stored)";
        if (mine.BookDate != theirs.BookDate) return $"BookDate ({mine.BookDate} replayed, {theirs.BookDate} stored)";
        if (mine.Member != theirs.Member) return "Member";
        if (mine.Loan != theirs.Loan) return "Loan";
        if ((mine.Reverses is { } r ? ids[r] : (EntryId?)null) != theirs.Reverses) return "Reverses";
        if (mine.Reference != theirs.Reference) return $"Reference ('{mine.Reference}' replayed, '{theirs.Reference}' stored)";
        if (mine.Legs.Count != theirs.Legs.Count || !mine.Legs.SequenceEqual(theirs.Legs)) return "Legs";
        if (mine.Profit != theirs.Profit || mine.IksPurpose != theirs.IksPurpose || mine.WeekStartsOn != theirs.WeekStartsOn
            || mine.ProfileId != theirs.ProfileId || mine.ClosedWeekStart != theirs.ClosedWeekStart)
        {
            return "Facts";
        }
        return null;
    }

    private static async Task WriteAsync(KubeCoreDbContext db, Converted converted, CancellationToken cancellationToken)
    {
        db.Households.AddRange(converted.Households);
        db.Aggregates.AddRange(converted.Aggregates);
        db.StateParts.AddRange(converted.Parts);
        db.LedgerEntries.AddRange(converted.Ledger);
        db.IdempotencyRecords.AddRange(converted.Idempotency);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), KubeCoreJsonConverters.Storage);
}
