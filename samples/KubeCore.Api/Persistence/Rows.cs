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

    /// <summary>The marital status (MEM-03); null for persons registered before it was recorded (unknown).</summary>
    public string? MaritalStatus { get; set; }
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
/// A ledger entry of a group exactly as the library produced it (every field its hash covers), so the
/// ledger is rebuilt from these rows with the library's own <c>LedgerEntry.FromStored</c> and
/// <c>SavingsLedger.Rehydrate</c>, which verify the hash chain (SAV-01). Insert-only: database triggers
/// refuse UPDATE, DELETE and TRUNCATE.
/// </summary>
public sealed class LedgerEntryRow
{
    public Guid GroupId { get; set; }

    /// <summary>The entry's sequence in the group's ledger, from 1; (group, sequence) is the primary key.</summary>
    public long Sequence { get; set; }

    public Guid EntryId { get; set; }

    /// <summary>The entry kind's name (e.g. <c>SavingsDeposit</c>).</summary>
    public string Kind { get; set; } = string.Empty;

    public DateOnly BookDate { get; set; }

    public Guid? MemberId { get; set; }

    public Guid? LoanId { get; set; }

    public Guid? Reverses { get; set; }

    public string Reference { get; set; } = string.Empty;

    public string Memo { get; set; } = string.Empty;

    /// <summary>
    /// The entry's typed facts (hashed in format 3) as JSON, e.g. <c>{"profit":1000000}</c> or
    /// <c>{"weekStartsOn":1,"profileId":"KsmP2kp@1"}</c>; null when it has none (and for entries written before format 3).
    /// </summary>
    public string? Facts { get; set; }

    /// <summary>The legs as JSON: <c>[{"account":"MemberSavings","member":"…","loan":null,"side":"Credit","amount":5000}]</c>.</summary>
    public string Legs { get; set; } = "[]";

    /// <summary>The entry's amount in whole rupiah (for reading; the legs are the truth).</summary>
    public long Amount { get; set; }

    /// <summary>The previous entry's SHA-256 hash, hex (zeros for the first).</summary>
    public string PreviousHash { get; set; } = string.Empty;

    /// <summary>The entry's SHA-256 hash, hex.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>The stream command (group version) that produced the entry.</summary>
    public long CommandSequence { get; set; }

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
