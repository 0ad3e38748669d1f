namespace KubeCore.Api.Mapping;

/// <summary>The typed facts of a ledger entry as stored (see <see cref="LedgerEntry.Profit"/> and its neighbours); null members are absent.</summary>
public sealed record EntryFactsData(long? Profit, IksPurpose? IksPurpose, int? WeekStartsOn, string? ProfileId, DateOnly? ClosedWeekStart);

/// <summary>
/// Ledger entries to rows and back, field for field: a row holds everything the entry's hash covers (and its format),
/// and is turned back into the library's <see cref="LedgerEntryState"/> for a restore, or into an entry with
/// <see cref="LedgerEntry.FromState"/> for reading and verifying (keeping the stored hash, so a tampered row is found, not hidden).
/// </summary>
public static class LedgerMapping
{
    private static JsonSerializerOptions Options => KubeCoreJsonConverters.Storage;

    /// <summary>A row for an entry's state (group, group version and time are set by the store).</summary>
    public static LedgerEntryRow ToRow(LedgerEntryState entry) => new()
    {
        Sequence = entry.Sequence,
        EntryId = entry.Id.Value,
        Format = entry.Format,
        Kind = entry.Kind.ToString(),
        BookDate = entry.BookDate.ToDateOnly(),
        MemberId = entry.Member?.Value,
        LoanId = entry.Loan?.Value,
        Reverses = entry.Reverses?.Value,
        Reference = entry.Reference,
        Memo = entry.Memo,
        Facts = entry.Profit is null && entry.IksPurpose is null && entry.WeekStartsOn is null && entry.ProfileId is null && entry.ClosedWeekStart is null
            ? null
            : JsonSerializer.Serialize(new EntryFactsData(entry.Profit?.Amount, entry.IksPurpose, (int?)entry.WeekStartsOn, entry.ProfileId, entry.ClosedWeekStart?.ToDateOnly()), Options),
        Legs = JsonSerializer.Serialize(entry.Legs, Options),
        Amount = entry.Legs.Where(l => l.Side == LegSide.Debit).Sum(l => l.Amount.Amount),
        PreviousHash = entry.PreviousHash.ToString(),
        Hash = entry.Hash.ToString(),
    };

    /// <summary>The state of a stored entry, for <c>SavingsLedger.Restore</c> (which checks its hash).</summary>
    /// <exception cref="ArgumentException">A stored field is malformed.</exception>
    public static LedgerEntryState ToState(LedgerEntryRow row)
    {
        var facts = row.Facts is null ? null : JsonSerializer.Deserialize<EntryFactsData>(row.Facts, Options);
        return new LedgerEntryState(row.Format, new EntryId(row.EntryId), row.Sequence, LocalDate.FromDateOnly(row.BookDate), Enum.Parse<EntryKind>(row.Kind),
            JsonSerializer.Deserialize<List<LedgerLegState>>(row.Legs, Options) ?? [],
            row.MemberId is { } m ? new PersonId(m) : null, row.LoanId is { } l ? new LoanId(l) : null, row.Reverses is { } r ? new EntryId(r) : null,
            row.Reference, row.Memo, facts?.Profit is { } profit ? Rupiah.Of(profit) : null, facts?.IksPurpose,
            facts?.WeekStartsOn is { } day ? (IsoDayOfWeek)day : null, facts?.ProfileId, facts?.ClosedWeekStart is { } start ? LocalDate.FromDateOnly(start) : null,
            EntryHash.Parse(row.PreviousHash), EntryHash.Parse(row.Hash));
    }

    /// <summary>The entry of a row, with its stored hash (in the row's format), for reading and verifying.</summary>
    /// <exception cref="ArgumentException">A stored field is malformed.</exception>
    public static LedgerEntry ToEntry(this LedgerEntryRow row) => LedgerEntry.FromState(new GroupId(row.GroupId), ToState(row));
}
