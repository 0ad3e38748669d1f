namespace KubeCore.Api.Persistence;

// Persistence rows: plain storage shapes, never domain objects. The mapping layer (Mapping/*) turns them
// into KubeCore objects through the library's own factories, so every rule is checked again on the way in.

/// <summary>A registered household (Kartu Keluarga). The family-card number is stored in full (the registry needs it) and shown masked (PRIV-01).</summary>
public sealed class HouseholdRow
{
    public Guid Id { get; set; }

    public string FamilyCard { get; set; } = string.Empty;

    public string Desa { get; set; } = string.Empty;

    public int Size { get; set; }

    /// <summary>The poverty evidence as JSON (registry decile, PRA ranking, PS2 list), or null when none was recorded.</summary>
    public string? Evidence { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public string RegisteredBy { get; set; } = string.Empty;

    /// <summary>Optimistic-concurrency token, incremented on every change.</summary>
    public long Version { get; set; }

    public List<PersonRow> Persons { get; set; } = [];
}

/// <summary>A person of a household. The NIK is stored in full and shown masked (PRIV-01).</summary>
public sealed class PersonRow
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Nik { get; set; } = string.Empty;

    public string Sex { get; set; } = string.Empty;

    public DateOnly BirthDate { get; set; }

    public string Role { get; set; } = string.Empty;

    public string Employment { get; set; } = string.Empty;
}

/// <summary>
/// One aggregate instance whose state is rebuilt by replaying its commands through the library
/// (a group with its meetings, savings and loans; a pendamping; a wealth-ranking exercise).
/// <see cref="Version"/> is the number of commands applied and the optimistic-concurrency token:
/// two requests that both start from version n cannot both commit n + 1.
/// </summary>
public sealed class StreamRow
{
    public Guid Id { get; set; }

    public string Type { get; set; } = string.Empty;

    public long Version { get; set; }

    /// <summary>A JSON summary for listings (name, status); derived from the state after each command.</summary>
    public string Summary { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A command applied to a stream: insert-only (database triggers refuse UPDATE and DELETE).</summary>
public sealed class CommandRow
{
    public Guid StreamId { get; set; }

    /// <summary>1-based position in the stream; (stream, sequence) is the primary key.</summary>
    public long Sequence { get; set; }

    public string Type { get; set; } = string.Empty;

    public string Payload { get; set; } = "{}";

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The caller's subject (a staff id, never personal data).</summary>
    public string RecordedBy { get; set; } = string.Empty;
}

/// <summary>
/// A ledger entry of a group, as the library produced it: insert-only (database triggers refuse UPDATE,
/// DELETE and TRUNCATE), numbered per group, each carrying its own hash and the previous entry's (SAV-01).
/// </summary>
public sealed class LedgerEntryRow
{
    public Guid GroupId { get; set; }

    /// <summary>1-based position in the group's ledger; (group, sequence) is the primary key.</summary>
    public long Sequence { get; set; }

    public Guid EntryId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public Guid? MemberId { get; set; }

    /// <summary>Whole rupiah; the sign is the entry's own convention.</summary>
    public long Amount { get; set; }

    public DateOnly EntryDate { get; set; }

    public Guid? Reverses { get; set; }

    public string Hash { get; set; } = string.Empty;

    public string PreviousHash { get; set; } = string.Empty;

    /// <summary>The stream command that produced the entry.</summary>
    public long CommandSequence { get; set; }

    /// <summary>The full entry as JSON.</summary>
    public string Payload { get; set; } = "{}";

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// The first answer to a request with an <c>Idempotency-Key</c>: a retry with the same key and the same
/// request gets it back and posts nothing; the same key with a different request is refused (422).
/// Keys are scoped to the caller (subject), so one caller can never read another's answer.
/// </summary>
public sealed class IdempotencyRow
{
    public string Subject { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of method, route and canonical request JSON.</summary>
    public string RequestHash { get; set; } = string.Empty;

    public int StatusCode { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
