using System.Text.RegularExpressions;

namespace KubeCore.Api.Persistence;

/// <summary>
/// The API's database: households and persons as relational rows (the fields of the library's
/// <c>HouseholdState</c>/<c>PersonState</c>); groups, pendamping and exercises as the library's states
/// (<see cref="AggregateRow"/>, <see cref="StatePartRow"/>); the groups' ledger entries insert-only; idempotency records. The same model runs on SQLite and PostgreSQL; table and column names are snake_case.
/// </summary>
public sealed class KubeCoreDbContext(DbContextOptions<KubeCoreDbContext> options) : DbContext(options)
{
    public DbSet<HouseholdRow> Households => Set<HouseholdRow>();

    public DbSet<PersonRow> Persons => Set<PersonRow>();

    public DbSet<AggregateRow> Aggregates => Set<AggregateRow>();

    public DbSet<StatePartRow> StateParts => Set<StatePartRow>();

    public DbSet<LedgerEntryRow> LedgerEntries => Set<LedgerEntryRow>();

    public DbSet<IdempotencyRow> IdempotencyRecords => Set<IdempotencyRow>();

    /// <summary>
    /// The in-memory states of the aggregates this unit wrote, by id, at the version it wrote: given to the state cache
    /// once the transaction holding the unit has committed, and dropped if the unit or that transaction fails.
    /// </summary>
    public Dictionary<Guid, (long Version, object State)> WrittenStates { get; } = [];

    /// <summary>Forgets what the unit tracked and wrote: it failed, or the next unit on this context starts clean.</summary>
    internal void ForgetUnit()
    {
        ChangeTracker.Clear();
        WrittenStates.Clear();
        DirectRows?.DropQueued();
    }

    /// <summary>
    /// In a transaction shared by several units (SQLite group commit): the states written by the earlier units that
    /// succeeded, not committed yet, so a later unit on the same aggregate need not load it again. Null otherwise.
    /// </summary>
    public Dictionary<Guid, (long Version, object State)>? EarlierStates { get; set; }

    /// <summary>In a unit of work (either engine): the statements the unit writes its own rows with (see <see cref="Persistence.DirectRows"/>). Null outside one.</summary>
    public DirectRows? DirectRows { get; set; }

    /// <summary>The unit's <see cref="DirectRows"/>; only a unit of work writes.</summary>
    internal DirectRows Direct => DirectRows ?? throw new InvalidOperationException("Rows are written only inside a unit of work (CommandRunner).");

    /// <summary>Inserts a row by the unit's <see cref="DirectRows"/>.</summary>
    public Task InsertAsync<TRow>(TRow row)
        where TRow : class =>
        Direct.InsertAsync(row);

    /// <inheritdoc />
    /// <remarks>A pooled context (PostgreSQL) goes back to the pool without the unit's states and statements.</remarks>
    public override ValueTask DisposeAsync()
    {
        ForgetHostState();
        return base.DisposeAsync();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        ForgetHostState();
        base.Dispose();
    }

    private void ForgetHostState()
    {
        WrittenStates.Clear();
        (EarlierStates, DirectRows) = (null, null);
    }

    /// <summary>Tables that take inserts only (SAV-01); the database refuses the rest with triggers too.</summary>
    public static IReadOnlyList<string> AppendOnlyTables { get; } = ["ledger_entries"];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HouseholdRow>(e =>
        {
            e.ToTable("households");
            e.HasKey(h => h.Id);
            e.HasIndex(h => h.FamilyCard).IsUnique();
            e.HasIndex(h => h.Desa);
            e.Property(h => h.FamilyCard).HasMaxLength(16);
            e.Property(h => h.Desa).HasMaxLength(13);
            e.Property(h => h.RegisteredBy).HasMaxLength(200);
            e.Property(h => h.Version).IsConcurrencyToken();
            e.HasMany(h => h.Persons).WithOne().HasForeignKey(p => p.HouseholdId);
        });
        modelBuilder.Entity<PersonRow>(e =>
        {
            e.ToTable("persons");
            e.HasKey(p => p.Id);
            e.HasIndex(p => p.Nik).IsUnique();
            e.Property(p => p.Nik).HasMaxLength(16);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Sex).HasMaxLength(20);
            e.Property(p => p.Role).HasMaxLength(40);
            e.Property(p => p.Employment).HasMaxLength(40);
            e.Property(p => p.MaritalStatus).HasMaxLength(20);
        });
        modelBuilder.Entity<AggregateRow>(e =>
        {
            e.ToTable("aggregates");
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.Type);
            e.Property(s => s.Type).HasMaxLength(40);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<StatePartRow>(e =>
        {
            e.ToTable("state_parts");
            e.HasKey(p => new { p.AggregateId, p.Name });
            e.Property(p => p.Name).HasMaxLength(40);
            e.HasOne<AggregateRow>().WithMany().HasForeignKey(p => p.AggregateId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<LedgerEntryRow>(e =>
        {
            e.ToTable("ledger_entries");
            e.HasKey(l => new { l.GroupId, l.Sequence });
            e.HasIndex(l => l.EntryId).IsUnique();
            e.Property(l => l.Kind).HasMaxLength(40);
            e.Property(l => l.Reference).HasMaxLength(100);
            e.Property(l => l.Memo).HasMaxLength(1000);
            e.Property(l => l.Hash).HasMaxLength(64);
            e.Property(l => l.PreviousHash).HasMaxLength(64);
            e.HasOne<AggregateRow>().WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<IdempotencyRow>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(i => new { i.Subject, i.Key });
            e.Property(i => i.Subject).HasMaxLength(200);
            e.Property(i => i.Key).HasMaxLength(200);
            e.Property(i => i.RequestHash).HasMaxLength(64);
            e.Property(i => i.ContentType).HasMaxLength(100);
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase(key.GetName()!));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase(index.GetDatabaseName()!));
            }
        }
    }

    /// <summary>Refuses, in code as well as in the database, any change to an insert-only row.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)" />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardAppendOnly()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is LedgerEntryRow && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"{entry.Metadata.GetTableName()} is append-only: rows are never changed or deleted (SAV-01).");
            }
        }
    }

    // "RegisteredAt" is "registered_at", "PK_households" is "pk_households": an underscore before each capital that ends a
    // lower-case run or starts a capitalised word.
    private static string SnakeCase(string name) =>
        Regex.Replace(name, @"(?<=\p{Ll})(?=\p{Lu})|(?<=[^_])(?=\p{Lu}\p{Ll})", "_").ToLowerInvariant();
}
