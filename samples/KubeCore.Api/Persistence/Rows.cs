namespace KubeCore.Api.Persistence;

// Persistence rows: plain storage shapes, never domain objects. The mapping layer (Mapping/*) turns them into
// KubeCore objects through the library's Restore methods (structure checked, no rule judged again).

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
/// One aggregate instance (a group with its meetings, books, loan fund and LPJ; a pendamping; a wealth-ranking exercise),
/// stored as the library's own states (<see cref="StatePartRow"/>) and, for a group, its ledger entries.
/// <see cref="Version"/> is bumped by every change and is the optimistic-concurrency token (the ETag).
/// </summary>
public sealed class AggregateRow
{
    public Guid Id { get; set; }

    public string Type { get; set; } = string.Empty;

    public long Version { get; set; }

    /// <summary>A JSON summary for listings (name, status); derived from the state after each change.</summary>
    public string Summary { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One part of an aggregate's state as the library's state record in JSON (e.g. a group's <c>GroupState</c>, its
/// <c>MeetingRegisterState</c>, its <c>LoanRevolvingState</c>): rewritten only when that part changed, so a deposit
/// writes one ledger row and bumps the version, and never re-serializes the meetings.
/// </summary>
public sealed class StatePartRow
{
    public Guid AggregateId { get; set; }

    /// <summary>The part's name, e.g. <c>group</c> or <c>meetings</c>; (aggregate, name) is the primary key.</summary>
    public string Name { get; set; } = string.Empty;

    public string State { get; set; } = "{}";

    /// <summary>The aggregate's version when the part was last written: a catch-up reads only the parts written after the version it holds.</summary>
    public long Version { get; set; }
}

/// <summary>
/// A ledger entry of a group exactly as the library produced it (every field its hash covers), so the
/// ledger is rebuilt from these rows with the library's own <c>LedgerEntry.FromStored</c> and
/// <c>SavingsLedger.Restore</c>, which verify the hash chain (SAV-01). Insert-only: database triggers
/// refuse UPDATE, DELETE and TRUNCATE.
/// </summary>
public sealed class LedgerEntryRow
{
    public Guid GroupId { get; set; }

    /// <summary>The entry's sequence in the group's ledger, from 1; (group, sequence) is the primary key.</summary>
    public long Sequence { get; set; }

    public Guid EntryId { get; set; }

    /// <summary>The entry's format (the encoding its hash covers).</summary>
    public int Format { get; set; }

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

    /// <summary>The group version that produced the entry.</summary>
    public long GroupVersion { get; set; }

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
