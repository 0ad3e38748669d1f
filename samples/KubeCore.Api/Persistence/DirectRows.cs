using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace KubeCore.Api.Persistence;

/// <summary>
/// The hot path's writes on the SQLite writer's connection, without EF Core's change tracking: inserts of ledger
/// entries and idempotency records, upserts of changed state parts, and the aggregate's version bump under its concurrency check. One prepared
/// statement per shape, reused for the connection's life. The SQL and every parameter come from the EF model (table and
/// column names, and each property's own type mapping creates its parameter), so what is stored is exactly what
/// <c>SaveChanges</c> would have stored, and EF reads it back the same.
/// </summary>
/// <remarks>
/// Failures keep EF's shape so the command runner treats them alike: a primary-key or unique violation is a
/// <see cref="DbUpdateException"/> over the <see cref="SqliteException"/>; a version that moved is a
/// <see cref="DbUpdateConcurrencyException"/>.
/// </remarks>
public sealed class DirectRows(SqliteConnection connection, IModel model)
{
    private readonly Dictionary<Type, Statement> _inserts = [];
    private readonly Dictionary<Type, Statement> _upserts = [];
    private Statement? _bump;

    /// <summary>The transaction the statements run in (the writer's current shared transaction).</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>Inserts <paramref name="row"/> (every mapped column).</summary>
    public Task InsertAsync<TRow>(TRow row)
        where TRow : class =>
        WriteAsync(_inserts, row, upsert: false);

    /// <summary>Inserts <paramref name="row"/>, or updates its other columns when its primary key is taken.</summary>
    public Task UpsertAsync<TRow>(TRow row)
        where TRow : class =>
        WriteAsync(_upserts, row, upsert: true);

    private async Task WriteAsync<TRow>(Dictionary<Type, Statement> statements, TRow row, bool upsert)
        where TRow : class
    {
        if (!statements.TryGetValue(typeof(TRow), out var statement))
        {
            var entity = model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties().ToList();
            string Column(IProperty p) => Quote(p.GetColumnName(table)!);
            var sql = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", properties.Select(Column))}) VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
            if (upsert)
            {
                var key = entity.FindPrimaryKey()!.Properties;
                sql += $" ON CONFLICT ({string.Join(", ", key.Select(Column))}) DO UPDATE SET " +
                    string.Join(", ", properties.Except(key).Select(p => $"{Column(p)} = excluded.{Column(p)}"));
            }
            statement = new Statement(connection.CreateCommand(), [.. properties.Select(Persistence.DirectRows.Column.Of)]);
            statement.Command.CommandText = sql + ";";
            statements.Add(typeof(TRow), statement);
        }
        await ExecuteAsync(statement, statement.Columns.Select(c => c.Read(row)).ToArray(), expectOne: false);
    }

    /// <summary>Sets an aggregate's version, summary and update time where it still has <paramref name="expectedVersion"/>.</summary>
    /// <exception cref="DbUpdateConcurrencyException">The aggregate is no longer at that version.</exception>
    public async Task BumpAsync(Guid id, long expectedVersion, long version, string summary, DateTimeOffset updatedAt)
    {
        if (_bump is null)
        {
            var entity = model.FindEntityType(typeof(AggregateRow))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
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
        var command = statement.Command;
        command.Transaction = Transaction;
        command.Parameters.Clear();
        for (var i = 0; i < values.Length; i++)
        {
            var column = statement.Columns[i];
            // The mapping converts the value and configures the parameter as SaveChanges would.
            command.Parameters.Add(column.Mapping.CreateParameter(command, "@p" + i, values[i], column.Nullable));
        }
        int affected;
        try
        {
            affected = await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException failure) when (failure is { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 })
        {
            throw new DbUpdateException("A key was taken meanwhile.", failure);
        }
        if (expectOne && affected != 1)
        {
            throw new DbUpdateConcurrencyException("The aggregate's version moved meanwhile.");
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Statement(SqliteCommand Command, Column[] Columns);

    private sealed record Column(PropertyInfo Property, RelationalTypeMapping Mapping, bool Nullable)
    {
        public static Column Of(IProperty property) =>
            new(property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no CLR property."),
                property.GetRelationalTypeMapping(), property.IsNullable);

        public object? Read(object row) => Property.GetValue(row);
    }
}
