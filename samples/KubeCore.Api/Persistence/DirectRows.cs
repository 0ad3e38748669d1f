using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace KubeCore.Api.Persistence;

/// <summary>
/// The hot path's rows on a unit's connection, on either engine, without EF Core's query pipeline or change tracking:
/// finds by primary key (the idempotency record; the aggregate's row, locked on PostgreSQL), inserts of ledger entries
/// and idempotency records, upserts of changed state parts, and the aggregate's version bump under its concurrency
/// check. A write's statement is reused for the connection's life (the SQLite writer's connection, or a PostgreSQL unit's). The SQL (standard: quoted names, named parameters, <c>ON CONFLICT … DO UPDATE</c>, which both
/// engines read alike) and every parameter come from the EF model (table and column names, and each property's own type
/// mapping creates its parameter), so what is stored is exactly what <c>SaveChanges</c> would have stored, and EF reads
/// it back the same.
/// </summary>
/// <remarks>
/// Failures keep EF's shape so the command runner treats them alike: a primary-key or unique violation is a
/// <see cref="DbUpdateException"/> over the engine's exception; a version that moved is a
/// <see cref="DbUpdateConcurrencyException"/>.
/// </remarks>
public sealed class DirectRows(DbConnection connection, IModel model)
{
    // The SQL and columns of each statement, built once per model (each host has its own).
    private static readonly ConcurrentDictionary<(IModel Model, Type Row, bool Upsert), (string Sql, Column[] Columns)> Plans = new();

    private readonly Dictionary<(Type Row, bool Upsert), Statement> _statements = [];
    private Statement? _bump;

    /// <summary>The transaction the statements run in (the unit's, or the SQLite writer's current shared transaction).</summary>
    public DbTransaction? Transaction { get; set; }

    /// <summary>
    /// The statements of one unit in its own transaction (PostgreSQL): the context's connection and current transaction.
    /// Its writes are queued and sent together by <see cref="FlushAsync"/>, one round trip, just before the unit commits:
    /// a unit never reads back what it writes.
    /// </summary>
    public static DirectRows ForUnit(KubeCoreDbContext db) =>
        new(db.Database.GetDbConnection(), db.Model) { Transaction = db.Database.CurrentTransaction?.GetDbTransaction(), _queue = [] };

    // A unit's queued writes (null: each write is executed at once), with whether each must change exactly one row.
    private List<(Statement Statement, object?[] Values, bool ExpectOne)>? _queue;

    /// <summary>Drops the queued writes of a unit that failed (its answer is stored without them), and a row it locked and did not read.</summary>
    internal void DropQueued()
    {
        _queue?.Clear();
        _locked = null;
    }

    /// <summary>Sends the queued writes in one batch (in order); a no-op when nothing is queued.</summary>
    /// <exception cref="DbUpdateException">A key was taken meanwhile.</exception>
    /// <exception cref="DbUpdateConcurrencyException">An aggregate is no longer at the version its bump expected.</exception>
    public async Task FlushAsync()
    {
        if (_queue is not { Count: > 0 } queue)
        {
            return;
        }
        await using var batch = connection.CreateBatch();
        batch.Transaction = Transaction;
        foreach (var (statement, values, _) in queue)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Command.CommandText;
            AddParameters(statement, values, command.Parameters);
            batch.BatchCommands.Add(command);
        }
        await RunAsync(() => batch.ExecuteNonQueryAsync());
        for (var i = 0; i < queue.Count; i++)
        {
            ExpectOne(queue[i].ExpectOne, batch.BatchCommands[i].RecordsAffected);
        }
        queue.Clear();
    }

    /// <summary>Inserts <paramref name="row"/> (every mapped column).</summary>
    public Task InsertAsync<TRow>(TRow row)
        where TRow : class =>
        WriteAsync(row, upsert: false);

    /// <summary>Inserts <paramref name="row"/>, or updates its other columns when its primary key is taken.</summary>
    public Task UpsertAsync<TRow>(TRow row)
        where TRow : class =>
        WriteAsync(row, upsert: true);

    private async Task WriteAsync<TRow>(TRow row, bool upsert)
        where TRow : class
    {
        if (!_statements.TryGetValue((typeof(TRow), upsert), out var statement))
        {
            var (sql, columns) = Plans.GetOrAdd((model, typeof(TRow), upsert), static key => Plan(key.Model, key.Row, key.Upsert));
            statement = new Statement(connection.CreateCommand(), columns);
            statement.Command.CommandText = sql;
            _statements.Add((typeof(TRow), upsert), statement);
        }
        await ExecuteAsync(statement, statement.Columns.Select(c => c.Read(row)).ToArray(), expectOne: false);
    }

    private static (string Sql, Column[] Columns) Plan(IModel model, Type rowType, bool upsert)
    {
        var (entity, table) = Mapped(model, rowType);
        var properties = entity.GetProperties().ToList();
        string Column(IProperty p) => Quote(p.GetColumnName(table)!);
        var sql = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", properties.Select(Column))}) VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        if (upsert)
        {
            var key = entity.FindPrimaryKey()!.Properties;
            sql += $" ON CONFLICT ({string.Join(", ", key.Select(Column))}) DO UPDATE SET " +
                string.Join(", ", properties.Except(key).Select(p => $"{Column(p)} = excluded.{Column(p)}"));
        }
        return (sql + ";", [.. properties.Select(Persistence.DirectRows.Column.Of)]);
    }

    /// <summary>
    /// The row of <typeparamref name="TRow"/> with this primary key (its values in key order), or null; on PostgreSQL, with
    /// <paramref name="forUpdate"/>, locked until the unit's transaction ends (<c>FOR UPDATE</c>: the next writer waits).
    /// Run at once, never queued: a unit reads before it writes. A row <see cref="LockAndFindAsync{TLocked, TRow}"/> locked
    /// is given from memory, once.
    /// </summary>
    public async Task<TRow?> FindAsync<TRow>(bool forUpdate, params object[] key)
        where TRow : class, new()
    {
        if (forUpdate && _locked is { } locked && locked.Row is null or TRow && locked.Key.SequenceEqual(key) && locked.Type == typeof(TRow))
        {
            _locked = null;
            return (TRow?)locked.Row;
        }
        var (sql, keys, columns) = FindPlan<TRow>(forUpdate);
        // A command of its own for each find: Npgsql, once it has prepared a reused command, ran it with its first parameters.
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        AddParameters(new Statement(command, keys), key, command.Parameters);
        await using var reader = await command.ExecuteReaderAsync();
        return await ReadFoundAsync<TRow>(reader, columns);
    }

    /// <summary>
    /// Locks the row of <typeparamref name="TLocked"/> with <paramref name="lockedKey"/> (as <see cref="FindAsync{TRow}"/>
    /// with forUpdate), then finds the row of <typeparamref name="TRow"/> with <paramref name="key"/>: on PostgreSQL in one
    /// batch, one round trip, the find running once the lock is held (so it sees what the writer before committed). The
    /// locked row (or its absence) is kept for the unit's next <see cref="FindAsync{TRow}"/> of it.
    /// </summary>
    public async Task<TRow?> LockAndFindAsync<TLocked, TRow>(object[] lockedKey, object[] key)
        where TLocked : class, new()
        where TRow : class, new()
    {
        _locked = null;
        if (!connection.CanCreateBatch)
        {
            var row = await FindAsync<TLocked>(forUpdate: true, lockedKey);
            _locked = (typeof(TLocked), lockedKey, row);
            return await FindAsync<TRow>(forUpdate: false, key);
        }
        await using var batch = connection.CreateBatch();
        batch.Transaction = Transaction;
        var lockPlan = FindPlan<TLocked>(forUpdate: true);
        var findPlan = FindPlan<TRow>(forUpdate: false);
        await using var factory = connection.CreateCommand(); // creates the parameters, as each type mapping wants a command
        foreach (var (sql, keys, values) in new[] { (lockPlan.Sql, lockPlan.Keys, lockedKey), (findPlan.Sql, findPlan.Keys, key) })
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            AddParameters(new Statement(factory, keys), values, command.Parameters);
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync();
        _locked = (typeof(TLocked), lockedKey, await ReadFoundAsync<TLocked>(reader, lockPlan.Columns));
        await reader.NextResultAsync();
        return await ReadFoundAsync<TRow>(reader, findPlan.Columns);
    }

    // The row LockAndFindAsync locked, until the unit's FindAsync of it (or the unit's end).
    private (Type Type, object[] Key, object? Row)? _locked;

    // The SQL, key columns and read columns of a find (FOR UPDATE only on PostgreSQL: SQLite's writer holds the whole file).
    private (string Sql, Column[] Keys, Column[] Columns) FindPlan<TRow>(bool forUpdate) =>
        Finds.GetOrAdd((model, typeof(TRow), forUpdate && connection.CanCreateBatch), static find =>
        {
            var (entity, table) = Mapped(find.Model, find.Row);
            var keys = entity.FindPrimaryKey()!.Properties;
            var columns = entity.GetProperties().ToList();
            return ($"SELECT {string.Join(", ", columns.Select(p => Quote(p.GetColumnName(table)!)))} FROM {Quote(table.Name)} " +
                $"WHERE {string.Join(" AND ", keys.Select((p, i) => $"{Quote(p.GetColumnName(table)!)} = @p{i}"))}{(find.Lock ? " FOR UPDATE" : string.Empty)};",
                [.. keys.Select(Column.Of)], [.. columns.Select(Column.Of)]);
        });

    // The first row of the reader's current result as a TRow, or null when it has none.
    private static async Task<TRow?> ReadFoundAsync<TRow>(DbDataReader reader, Column[] columns)
        where TRow : class, new()
    {
        if (!await reader.ReadAsync())
        {
            return null;
        }
        var row = new TRow();
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].Write(row, reader, i);
        }
        return row;
    }

    // The SQL, key columns and read columns of each find, built once per model.
    private static readonly ConcurrentDictionary<(IModel Model, Type Row, bool Lock), (string Sql, Column[] Keys, Column[] Columns)> Finds = new();

    /// <summary>
    /// The ledger rows of <paramref name="group"/> after the first <paramref name="after"/> and written up to its version
    /// <paramref name="upTo"/>, in order, on the context's connection and transaction, read typed: every column but the
    /// group version and the time each was recorded (which a restore does not read: parsing SQLite's text timestamps was
    /// a tenth of a cold load). A cold load reads thousands of rows; EF Core's query of every column took twice as long.
    /// </summary>
    /// <remarks>On SQLite the rows are read through the connection's native handle when they can be (<see cref="SqliteLedger"/>).</remarks>
    public static Task<List<LedgerEntryRow>> LedgerAsync(KubeCoreDbContext db, Guid group, long after, long upTo, CancellationToken cancellationToken) =>
        LedgerAsync(db, group, after, upTo, sqliteDirect: true, cancellationToken);

    /// <summary>As <see cref="LedgerAsync(KubeCoreDbContext, Guid, long, long, CancellationToken)"/>; with <paramref name="sqliteDirect"/> false, always through the data reader (for tests).</summary>
    internal static async Task<List<LedgerEntryRow>> LedgerAsync(KubeCoreDbContext db, Guid group, long after, long upTo, bool sqliteDirect, CancellationToken cancellationToken)
    {
        var (sql, keys) = LedgerPlan(db.Model);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (sqliteDirect && SqliteLedger(db, group, after, upTo) is { } read)
        {
            return read;
        }
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        AddParameters(new Statement(command, keys), [group, after, upTo], command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LedgerEntryRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LedgerEntryRow
            {
                GroupId = group,
                Sequence = reader.GetInt64(0),
                EntryId = reader.GetGuid(1),
                Format = reader.GetInt32(2),
                Kind = reader.GetString(3),
                BookDate = reader.GetFieldValue<DateOnly>(4),
                MemberId = reader.IsDBNull(5) ? null : reader.GetGuid(5),
                LoanId = reader.IsDBNull(6) ? null : reader.GetGuid(6),
                Reverses = reader.IsDBNull(7) ? null : reader.GetGuid(7),
                Reference = reader.GetString(8),
                Memo = reader.GetString(9),
                Facts = reader.IsDBNull(10) ? null : reader.GetString(10),
                Legs = reader.GetString(11),
                Amount = reader.GetInt64(12),
                PreviousHash = reader.GetString(13),
                Hash = reader.GetString(14),
            });
        }
        return rows;
    }

    // The SQL of the ledger read and its key columns, built once per model.
    private static (string Sql, Column[] Keys) LedgerPlan(IModel model) => LedgerReads.GetOrAdd(model, static model =>
    {
        var (entity, table) = Mapped(model, typeof(LedgerEntryRow));
        IProperty P(string property) => entity.FindProperty(property)!;
        string C(string property) => Quote(P(property).GetColumnName(table)!);
        var read = string.Join(", ", LedgerColumns.Select(C));
        return ($"SELECT {read} FROM {Quote(table.Name)} WHERE {C(nameof(LedgerEntryRow.GroupId))} = @p0 AND {C(nameof(LedgerEntryRow.Sequence))} > @p1 " +
            $"AND {C(nameof(LedgerEntryRow.GroupVersion))} <= @p2 ORDER BY {C(nameof(LedgerEntryRow.Sequence))};",
            [Column.Of(P(nameof(LedgerEntryRow.GroupId))), Column.Of(P(nameof(LedgerEntryRow.Sequence))), Column.Of(P(nameof(LedgerEntryRow.GroupVersion)))]);
    });

    /// <summary>
    /// SQLite: the ledger rows read through SQLitePCL's calls on the connection's handle (so in its current transaction),
    /// in about two thirds of the native calls <see cref="SqliteDataReader"/> makes (it asks each value's type before
    /// reading it, and each Guid or date as a string first): a cold load makes tens of thousands of them. Null when a
    /// value is not in the form EF Core writes (a Guid as its <c>D</c> text, a date as <c>yyyy-MM-dd</c>) or SQLite
    /// answers anything but a row or the end (busy, an error): the caller then reads with the data reader, which gives
    /// what it always gave, retries a busy database and throws as it always did.
    /// </summary>
    /// <remarks>The connection is open (null on PostgreSQL).</remarks>
    internal static List<LedgerEntryRow>? SqliteLedger(KubeCoreDbContext db, Guid group, long after, long upTo)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection { Handle: { } handle })
        {
            return null;
        }
        if (raw.sqlite3_prepare_v2(handle, LedgerPlan(db.Model).Sql, out var statement) != raw.SQLITE_OK)
        {
            statement?.Dispose();
            return null;
        }
        using (statement)
        {
            // EF Core keeps a Guid on SQLite as its upper-case "D" text (the read below takes either case).
            if (raw.sqlite3_bind_text(statement, 1, group.ToString("D").ToUpperInvariant()) != raw.SQLITE_OK
                || raw.sqlite3_bind_int64(statement, 2, after) != raw.SQLITE_OK
                || raw.sqlite3_bind_int64(statement, 3, upTo) != raw.SQLITE_OK)
            {
                return null;
            }
            var rows = new List<LedgerEntryRow>();
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (!Guid(statement, 1, out var entryId) || !Date(statement, 4, out var bookDate)
                    || !NullableGuid(statement, 5, out var member) || !NullableGuid(statement, 6, out var loan) || !NullableGuid(statement, 7, out var reverses))
                {
                    return null;
                }
                rows.Add(new LedgerEntryRow
                {
                    GroupId = group,
                    Sequence = raw.sqlite3_column_int64(statement, 0),
                    EntryId = entryId,
                    Format = checked((int)raw.sqlite3_column_int64(statement, 2)),
                    Kind = Text(statement, 3),
                    BookDate = bookDate,
                    MemberId = member,
                    LoanId = loan,
                    Reverses = reverses,
                    Reference = Text(statement, 8),
                    Memo = Text(statement, 9),
                    Facts = raw.sqlite3_column_type(statement, 10) == raw.SQLITE_NULL ? null : Text(statement, 10),
                    Legs = Text(statement, 11),
                    Amount = raw.sqlite3_column_int64(statement, 12),
                    PreviousHash = Text(statement, 13),
                    Hash = Text(statement, 14),
                });
            }
            return rc == raw.SQLITE_DONE ? rows : null;
        }

        // A NOT NULL text column, read as the data reader reads it.
        static string Text(SQLitePCL.sqlite3_stmt statement, int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

        static bool Guid(SQLitePCL.sqlite3_stmt statement, int column, out Guid value) =>
            Utf8Parser.TryParse(raw.sqlite3_column_blob(statement, column), out value, out var used, 'D') && used == 36 && raw.sqlite3_column_bytes(statement, column) == 36;

        static bool NullableGuid(SQLitePCL.sqlite3_stmt statement, int column, out Guid? value)
        {
            value = null;
            var type = raw.sqlite3_column_type(statement, column);
            if (type == raw.SQLITE_NULL)
            {
                return true;
            }
            if (type != raw.SQLITE_TEXT || !Guid(statement, column, out var guid))
            {
                return false;
            }
            value = guid;
            return true;
        }

        static bool Date(SQLitePCL.sqlite3_stmt statement, int column, out DateOnly value) =>
            Mapping.LedgerMapping.TryReadIsoDate(raw.sqlite3_column_blob(statement, column), out value);
    }

    // The columns LedgerAsync reads, in its reader's order.
    private static readonly string[] LedgerColumns =
    [
        nameof(LedgerEntryRow.Sequence), nameof(LedgerEntryRow.EntryId), nameof(LedgerEntryRow.Format), nameof(LedgerEntryRow.Kind),
        nameof(LedgerEntryRow.BookDate), nameof(LedgerEntryRow.MemberId), nameof(LedgerEntryRow.LoanId), nameof(LedgerEntryRow.Reverses),
        nameof(LedgerEntryRow.Reference), nameof(LedgerEntryRow.Memo), nameof(LedgerEntryRow.Facts), nameof(LedgerEntryRow.Legs),
        nameof(LedgerEntryRow.Amount), nameof(LedgerEntryRow.PreviousHash), nameof(LedgerEntryRow.Hash),
    ];

    private static readonly ConcurrentDictionary<IModel, (string Sql, Column[] Keys)> LedgerReads = new();

    /// <summary>Sets an aggregate's version, summary and update time where it still has <paramref name="expectedVersion"/>.</summary>
    /// <exception cref="DbUpdateConcurrencyException">The aggregate is no longer at that version.</exception>
    public async Task BumpAsync(Guid id, long expectedVersion, long version, string summary, DateTimeOffset updatedAt)
    {
        if (_bump is null)
        {
            var (entity, table) = Mapped(model, typeof(AggregateRow));
            string C(string property) => Quote(entity.FindProperty(property)!.GetColumnName(table)!);
            Column P(string property) => Column.Of(entity.FindProperty(property)!);
            _bump = new Statement(connection.CreateCommand(), [P(nameof(AggregateRow.Version)), P(nameof(AggregateRow.Summary)), P(nameof(AggregateRow.UpdatedAt)), P(nameof(AggregateRow.Id)), P(nameof(AggregateRow.Version))]);
            _bump.Command.CommandText =
                $"UPDATE {Quote(table.Name)} SET {C(nameof(AggregateRow.Version))} = @p0, {C(nameof(AggregateRow.Summary))} = @p1, {C(nameof(AggregateRow.UpdatedAt))} = @p2 " +
                $"WHERE {C(nameof(AggregateRow.Id))} = @p3 AND {C(nameof(AggregateRow.Version))} = @p4;";
        }
        await ExecuteAsync(_bump, [version, summary, updatedAt, id, expectedVersion], expectOne: true);
    }

    private async Task ExecuteAsync(Statement statement, object?[] values, bool expectOne)
    {
        if (_queue is not null)
        {
            _queue.Add((statement, values, expectOne));
            return;
        }
        // SQLite only (an engine with batches queues): its commands are reused with new parameters, prepared once.
        var command = statement.Command;
        command.Transaction = Transaction;
        command.Parameters.Clear();
        AddParameters(statement, values, command.Parameters);
        ExpectOne(expectOne, await RunAsync(command.ExecuteNonQueryAsync));
    }

    // The mapping of each column converts its value and configures the parameter as SaveChanges would.
    private static void AddParameters(Statement statement, object?[] values, DbParameterCollection parameters)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var column = statement.Columns[i];
            parameters.Add(column.Mapping.CreateParameter(statement.Command, "@p" + i, values[i], column.Nullable));
        }
    }

    private static async Task<int> RunAsync(Func<Task<int>> execute)
    {
        try
        {
            return await execute();
        }
        catch (DbException failure) when (Database.IsKeyTaken(failure))
        {
            throw new DbUpdateException("A key was taken meanwhile.", failure);
        }
    }

    private static void ExpectOne(bool expectOne, int affected)
    {
        if (expectOne && affected != 1)
        {
            throw new DbUpdateConcurrencyException("The aggregate's version moved meanwhile.");
        }
    }

    private static (IEntityType Entity, StoreObjectIdentifier Table) Mapped(IModel model, Type rowType)
    {
        var entity = model.FindEntityType(rowType) ?? throw new InvalidOperationException($"{rowType.Name} is not mapped.");
        return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Statement(DbCommand Command, Column[] Columns);

    private sealed record Column(PropertyInfo Property, RelationalTypeMapping Mapping, bool Nullable)
    {
        public static Column Of(IProperty property) =>
            new(property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no CLR property."),
                property.GetRelationalTypeMapping(), property.IsNullable);

        public object? Read(object row) => Property.GetValue(row);

        /// <summary>Sets the property from the reader's column <paramref name="ordinal"/>, read as EF reads it (the property's own type).</summary>
        public void Write(object row, DbDataReader reader, int ordinal)
        {
            var type = System.Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;
            Property.SetValue(row, reader.IsDBNull(ordinal) ? null
                : type == typeof(string) ? reader.GetString(ordinal)
                : type == typeof(long) ? reader.GetInt64(ordinal)
                : type == typeof(int) ? reader.GetInt32(ordinal)
                : type == typeof(Guid) ? reader.GetGuid(ordinal)
                : type == typeof(DateTimeOffset) ? reader.GetFieldValue<DateTimeOffset>(ordinal)
                : throw new NotSupportedException($"{Property.Name}: {type.Name} is not read directly."));
        }
    }
}
