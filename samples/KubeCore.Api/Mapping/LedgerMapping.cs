using System.Text.Json;
using KubeCore.Api.Json;
using KubeCore.Api.Persistence;
using KubeCore.Common;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Api.Mapping;

/// <summary>The typed facts of a ledger entry as stored (see <see cref="LedgerEntry.Profit"/> and its neighbours); null members are absent.</summary>
public sealed record EntryFactsData(long? Profit, IksPurpose? IksPurpose, int? WeekStartsOn, string? ProfileId, DateOnly? ClosedWeekStart);

/// <summary>A ledger leg as stored and shown.</summary>
public sealed record LegData(AccountKind Account, PersonId? Member, LoanId? Loan, LegSide Side, Rupiah Amount);

/// <summary>
/// Ledger entries to rows and back, field for field: a row holds everything the entry's hash covers, and is
/// turned back into an entry with the library's <see cref="LedgerEntry.FromStored"/> (keeping the stored hash,
/// so a tampered row is found by the chain verification, not hidden).
/// </summary>
public static class LedgerMapping
{
    private static JsonSerializerOptions Options => KubeCoreJsonConverters.Storage;

    /// <summary>A row for an entry (group, command sequence and time are set by the store).</summary>
    public static LedgerEntryRow ToRow(this LedgerEntry entry) => new()
    {
        GroupId = entry.Group.Value,
        Sequence = entry.Sequence,
        EntryId = entry.Id.Value,
        Kind = entry.Kind.ToString(),
        BookDate = entry.BookDate.ToDateOnly(),
        MemberId = entry.Member?.Value,
        LoanId = entry.Loan?.Value,
        Reverses = entry.Reverses?.Value,
        Reference = entry.Reference,
        Memo = entry.Memo,
        Facts = Facts(entry) is { } facts ? JsonSerializer.Serialize(facts, Options) : null,
        Legs = JsonSerializer.Serialize(Legs(entry), Options),
        Amount = entry.Amount.Amount,
        PreviousHash = entry.PreviousHash.ToString(),
        Hash = entry.Hash.ToString(),
    };

    /// <summary>The entry of a row, with its stored hash.</summary>
    /// <exception cref="ArgumentException">A stored field is malformed.</exception>
    public static LedgerEntry ToEntry(this LedgerEntryRow row)
    {
        var legs = JsonSerializer.Deserialize<List<LegData>>(row.Legs, Options) ?? [];
        var facts = row.Facts is null ? null : JsonSerializer.Deserialize<EntryFactsData>(row.Facts, Options);
        return LedgerEntry.FromStored(
            new GroupId(row.GroupId), new EntryId(row.EntryId), row.Sequence, LocalDate.FromDateOnly(row.BookDate), Enum.Parse<EntryKind>(row.Kind),
            legs.Select(l => LedgerLeg.FromParts(LedgerAccount.FromParts(l.Account, l.Member, l.Loan), l.Side, l.Amount)),
            row.MemberId is { } m ? new PersonId(m) : null,
            row.LoanId is { } l ? new LoanId(l) : null,
            row.Reference, row.Memo,
            row.Reverses is { } r ? new EntryId(r) : null,
            EntryHash.Parse(row.PreviousHash), EntryHash.Parse(row.Hash),
            facts?.Profit is { } profit ? Rupiah.Of(profit) : null,
            facts?.IksPurpose,
            facts?.WeekStartsOn is { } day ? (IsoDayOfWeek)day : null,
            facts?.ProfileId,
            facts?.ClosedWeekStart is { } start ? LocalDate.FromDateOnly(start) : null);
    }

    /// <summary>The typed facts of a format 3 entry, or null (none, or an entry of an earlier format, whose facts live in its text).</summary>
    public static EntryFactsData? Facts(LedgerEntry entry) =>
        entry.Format < 3 || (entry.Profit is null && entry.IksPurpose is null && entry.WeekStartsOn is null && entry.ProfileId is null && entry.ClosedWeekStart is null)
            ? null
            : new EntryFactsData(entry.Profit?.Amount, entry.IksPurpose, (int?)entry.WeekStartsOn, entry.ProfileId, entry.ClosedWeekStart?.ToDateOnly());

    /// <summary>The legs of an entry.</summary>
    public static IReadOnlyList<LegData> Legs(LedgerEntry entry) =>
        entry.Legs.Select(l => new LegData(l.Account.Kind, l.Account.Member, l.Account.Loan, l.Side, l.Amount)).ToList();
}
