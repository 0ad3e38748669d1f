using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

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
    /// <remarks>
    /// The legs, the facts and the kind are read first by <see cref="TryReadLegs"/>, <see cref="TryReadFacts"/> and
    /// <see cref="TryReadKind"/>, which take exactly what <see cref="ToRow"/> writes (a cold load reads thousands of rows;
    /// the general serializer cost ≈ 1 µs a row). Any other text goes to System.Text.Json and <see cref="Enum.Parse{TEnum}(string)"/>
    /// as before, so what loads, and how malformed text is refused, does not change.
    /// </remarks>
    /// <exception cref="ArgumentException">A stored field is malformed.</exception>
    public static LedgerEntryState ToState(LedgerEntryRow row)
    {
        var facts = row.Facts is null ? null
            : TryReadFacts(row.Facts, out var read) ? read
            : JsonSerializer.Deserialize<EntryFactsData>(row.Facts, Options);
        var legs = TryReadLegs(row.Legs, out var fast) ? fast : JsonSerializer.Deserialize<List<LedgerLegState>>(row.Legs, Options) ?? [];
        var kind = TryReadKind(row.Kind, out var known) ? known : Enum.Parse<EntryKind>(row.Kind);
        return new LedgerEntryState(row.Format, new EntryId(row.EntryId), row.Sequence, LocalDate.FromDateOnly(row.BookDate), kind, legs,
            row.MemberId is { } m ? new PersonId(m) : null, row.LoanId is { } l ? new LoanId(l) : null, row.Reverses is { } r ? new EntryId(r) : null,
            row.Reference, row.Memo, facts?.Profit is { } profit ? Rupiah.Of(profit) : null, facts?.IksPurpose,
            facts?.WeekStartsOn is { } day ? (IsoDayOfWeek)day : null, facts?.ProfileId, facts?.ClosedWeekStart is { } start ? LocalDate.FromDateOnly(start) : null,
            EntryHash.Parse(row.PreviousHash), EntryHash.Parse(row.Hash));
    }

    // The names ToRow writes (Enum.ToString of a defined value), looked up without Enum.Parse's allocations.
    private static readonly FrozenDictionary<string, EntryKind> Kinds = Enum.GetValues<EntryKind>().ToFrozenDictionary(k => k.ToString(), StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, AccountKind> Accounts = Enum.GetValues<AccountKind>().ToFrozenDictionary(k => k.ToString(), StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, IksPurpose> Purposes = Enum.GetValues<IksPurpose>().ToFrozenDictionary(k => k.ToString(), StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, AccountKind>.AlternateLookup<ReadOnlySpan<char>> AccountNames = Accounts.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, IksPurpose>.AlternateLookup<ReadOnlySpan<char>> PurposeNames = Purposes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The kind when <paramref name="text"/> is exactly the name of one (as <see cref="ToRow"/> writes it); false otherwise.</summary>
    internal static bool TryReadKind(string text, out EntryKind kind) => Kinds.TryGetValue(text, out kind);

    /// <summary>
    /// The legs when <paramref name="json"/> is exactly what <see cref="ToRow"/> writes: an array of objects with
    /// <c>account</c>, <c>member</c>, <c>loan</c>, <c>side</c> and <c>amount</c> in that order, names and values as the
    /// storage options write them (enum names, non-empty Guid strings or null, a whole number). False for any other
    /// text, valid or not: the caller then reads it with the general serializer.
    /// </summary>
    internal static bool TryReadLegs(string json, [NotNullWhen(true)] out List<LedgerLegState>? legs)
    {
        legs = null;
        var buffer = json.Length <= 1024 ? stackalloc byte[3 * json.Length] : new byte[Encoding.UTF8.GetMaxByteCount(json.Length)];
        if (!Encoding.UTF8.TryGetBytes(json, buffer, out var written))
        {
            return false;
        }
        var reader = new Utf8JsonReader(buffer[..written]);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }
            var read = new List<LedgerLegState>(4);
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                if (!Name(ref reader, "account"u8) || !NextEnum(ref reader, AccountNames, out var account)
                    || !Name(ref reader, "member"u8) || !Id(ref reader, out var member)
                    || !Name(ref reader, "loan"u8) || !Id(ref reader, out var loan)
                    || !Name(ref reader, "side"u8) || !Side(ref reader, out var side)
                    || !Name(ref reader, "amount"u8) || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var amount)
                    || !reader.Read() || reader.TokenType != JsonTokenType.EndObject)
                {
                    return false;
                }
                read.Add(new LedgerLegState(account, member is { } p ? new PersonId(p) : null, loan is { } n ? new LoanId(n) : null, side, Rupiah.Of(amount)));
            }
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return false;
            }
            legs = read;
            return true;
        }
        catch (JsonException)
        {
            // Not JSON at all: the serializer refuses it as it always did.
            return false;
        }
    }

    /// <summary>
    /// The facts when <paramref name="json"/> is exactly what <see cref="ToRow"/> writes: an object with <c>profit</c>,
    /// <c>iksPurpose</c>, <c>weekStartsOn</c>, <c>profileId</c> and <c>closedWeekStart</c> in that order, each null or
    /// of its stored form. False for any other text: the caller then reads it with the general serializer.
    /// </summary>
    internal static bool TryReadFacts(string json, [NotNullWhen(true)] out EntryFactsData? facts)
    {
        facts = null;
        var buffer = json.Length <= 1024 ? stackalloc byte[3 * json.Length] : new byte[Encoding.UTF8.GetMaxByteCount(json.Length)];
        if (!Encoding.UTF8.TryGetBytes(json, buffer, out var written))
        {
            return false;
        }
        var reader = new Utf8JsonReader(buffer[..written]);
        try
        {
            long? profit = null;
            IksPurpose? purpose = null;
            int? weekStartsOn = null;
            string? profileId = null;
            DateOnly? closedWeekStart = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !Name(ref reader, "profit"u8) || !reader.Read()
                || !(reader.TokenType == JsonTokenType.Null || reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var p) && (profit = p) is not null)
                || !Name(ref reader, "iksPurpose"u8) || !reader.Read()
                || !(reader.TokenType == JsonTokenType.Null || EnumValue(ref reader, PurposeNames, out var k) && (purpose = k) is not null)
                || !Name(ref reader, "weekStartsOn"u8) || !reader.Read()
                || !(reader.TokenType == JsonTokenType.Null || reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var d) && (weekStartsOn = d) is not null)
                || !Name(ref reader, "profileId"u8) || !reader.Read()
                || !(reader.TokenType == JsonTokenType.Null || reader.TokenType == JsonTokenType.String && (profileId = reader.GetString()) is not null)
                || !Name(ref reader, "closedWeekStart"u8) || !reader.Read()
                || !(reader.TokenType == JsonTokenType.Null || Date(ref reader, out var c) && (closedWeekStart = c) is not null)
                || !reader.Read() || reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
            facts = new EntryFactsData(profit, purpose, weekStartsOn, profileId, closedWeekStart);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // The next token is the property name, exactly (not escaped).
    private static bool Name(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(name);

    // The next token is an enum's exact name.
    private static bool NextEnum<T>(ref Utf8JsonReader reader, FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> names, out T value)
    {
        value = default!;
        return reader.Read() && EnumValue(ref reader, names, out value);
    }

    // The current token is an enum's exact name (ASCII, not escaped: the names are).
    private static bool EnumValue<T>(ref Utf8JsonReader reader, FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> names, out T value)
    {
        value = default!;
        var text = reader.ValueSpan;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || text.Length > 64)
        {
            return false;
        }
        Span<char> chars = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                return false;
            }
            chars[i] = (char)text[i];
        }
        return names.TryGetValue(chars, out value!);
    }

    private static bool Side(ref Utf8JsonReader reader, out LegSide side)
    {
        side = default;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }
        side = reader.ValueSpan.SequenceEqual("Debit"u8) ? LegSide.Debit : reader.ValueSpan.SequenceEqual("Credit"u8) ? LegSide.Credit : default;
        return side != default;
    }

    // The next token is null, or a non-empty Guid in the form the id converters write ("D").
    private static bool Id(ref Utf8JsonReader reader, out Guid? id)
    {
        id = null;
        if (!reader.Read())
        {
            return false;
        }
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.TryGetGuid(out var guid) && guid != Guid.Empty)
        {
            id = guid;
            return true;
        }
        return false;
    }

    // The current token is a date as System.Text.Json writes a DateOnly.
    private static bool Date(ref Utf8JsonReader reader, out DateOnly date)
    {
        date = default;
        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && TryReadIsoDate(reader.ValueSpan, out date);
    }

    /// <summary>A date in the form System.Text.Json and EF Core's SQLite provider write a <see cref="DateOnly"/>: <c>yyyy-MM-dd</c>, UTF-8.</summary>
    internal static bool TryReadIsoDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    /// <summary>The entry of a row, with its stored hash (in the row's format), for reading and verifying.</summary>
    /// <exception cref="ArgumentException">A stored field is malformed.</exception>
    public static LedgerEntry ToEntry(this LedgerEntryRow row) => LedgerEntry.FromState(new GroupId(row.GroupId), ToState(row));
}
