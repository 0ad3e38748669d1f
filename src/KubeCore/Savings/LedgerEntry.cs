using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using KubeCore.Common;
using NodaTime;

namespace KubeCore.Savings;

/// <summary>
/// One entry of a group's savings ledger (SAV-01): immutable, balanced (debits equal credits), chained to
/// the previous entry by its SHA-256 hash.
/// </summary>
/// <remarks>
/// <para><b>Hash.</b> SHA-256 of the entry's canonical encoding (<see cref="CanonicalBytes"/>), which ends with the
/// previous entry's hash, computed with the .NET base class library.</para>
/// <para><b>Canonical encoding, format 3</b> (every entry the ledger writes). Format 2 (below) with a first byte of 3
/// and, between the memo and the previous hash, the entry's typed facts, so that no fact a later read needs lives in
/// free text:</para>
/// <list type="number">
/// <item>fields 2–10 of format 2, unchanged (group id … memo)</item>
/// <item><c>u8</c> fact flags: 0x01 <see cref="Profit"/>, 0x02 <see cref="IksPurpose"/>, 0x04 <see cref="WeekStartsOn"/>,
/// 0x08 <see cref="ProfileId"/>, 0x10 <see cref="ClosedWeekStart"/> (0 for most entries); then, for each flag set, in this
/// order: <c>varint</c> profit in rupiah; <c>u8</c> <see cref="Savings.IksPurpose"/>; <c>u8</c> <see cref="IsoDayOfWeek"/>
/// (1 = Monday); <c>varint</c> byte length then the UTF-8 bytes of the profile id; <c>i16</c> year, <c>u8</c> month,
/// <c>u8</c> day of the closed week's first day</item>
/// <item>previous entry's hash (32; zeros for entry 1)</item>
/// </list>
/// <para>The loan (<see cref="Loan"/>) and an IKS spend's beneficiary (<see cref="IksBeneficiary"/>, the entry's member)
/// were already hashed in format 2 as the entry's ids. The memo still repeats some facts for a human reader (the
/// opening's profile, a profit's split, an IKS spend's purpose); the library reads only the typed fields. For an entry in
/// format 1 or 2 the typed fields are read once from the text the library wrote then (the opening's memo
/// <c>profile=…;weekStartsOn=…</c>, a close's reference, a profit's memo <c>profit=…</c>, an IKS spend's memo
/// <c>purpose=…;</c>); they are not part of those formats' hash.</para>
/// <para><b>Canonical encoding, format 2</b> (entries written before format 3; still verified). Its first byte is the format, so the
/// formats never collide. Integers marked <c>varint</c> are unsigned LEB128, minimal (7 bits per byte, low bits first,
/// high bit set on every byte but the last); other integers are big-endian two's complement; every Guid (group, entry,
/// member, loan ids) is its 16 bytes in RFC 4122 (big-endian) order; text is UTF-8 of the exact string (no
/// normalisation); nothing depends on culture or time zone. A savings deposit takes about 100 bytes (two SHA-256 blocks):</para>
/// <list type="number">
/// <item><c>u8</c> format = 2</item>
/// <item>group id (16)</item>
/// <item><c>varint</c> sequence number (1 for the first entry)</item>
/// <item>entry id (16)</item>
/// <item>book date: <c>i16</c> year, <c>u8</c> month, <c>u8</c> day (ISO calendar)</item>
/// <item><c>u8</c> head: <see cref="EntryKind"/> (bits 0–4) | 0x20 member | 0x40 loan | 0x80 reversed entry</item>
/// <item>member id (16) if flagged; loan id (16) if flagged; reversed entry id (16) if flagged</item>
/// <item><c>varint</c> leg count, then per leg: <c>u8</c> leg head: <see cref="AccountKind"/> (bits 0–3) | 0x10 credit
/// | 0x20 member | 0x40 loan | 0x80 "the flagged ids are the entry's own member and loan"; then, unless 0x80 is set,
/// member id (16) if flagged and loan id (16) if flagged; then <c>varint</c> amount in rupiah (positive)</item>
/// <item><c>varint</c> byte length then the UTF-8 bytes of <see cref="Reference"/></item>
/// <item><c>varint</c> byte length then the UTF-8 bytes of <see cref="Memo"/></item>
/// <item>previous entry's hash (32; zeros for entry 1)</item>
/// </list>
/// <para>The 0x80 leg flag is set whenever a leg has a member or a loan and each one it has equals the entry's
/// (<see cref="Member"/>, <see cref="Loan"/>): a deposit's savings leg, a loan entry's receivable leg.</para>
/// <para><b>Canonical encoding, format 1</b> (entries written before format 2; still verified). Integers are big-endian
/// two's complement, Guids and text as in format 2:</para>
/// <list type="number">
/// <item><c>u8</c> format = 1</item>
/// <item>group id (16)</item>
/// <item><c>i64</c> sequence number (1 for the first entry)</item>
/// <item>entry id (16)</item>
/// <item>book date: <c>i32</c> year, <c>u8</c> month, <c>u8</c> day (ISO calendar)</item>
/// <item><c>u8</c> <see cref="EntryKind"/></item>
/// <item><c>u8</c> presence flags: 1 = member, 2 = loan, 4 = reversed entry</item>
/// <item>member id (16) if flagged; loan id (16) if flagged; reversed entry id (16) if flagged</item>
/// <item><c>u16</c> leg count, then per leg: <c>u8</c> <see cref="AccountKind"/>, <c>u8</c> flags (1 = member, 2 = loan),
/// member id (16) if flagged, loan id (16) if flagged, <c>u8</c> <see cref="LegSide"/>, <c>i64</c> amount in rupiah</item>
/// <item><c>i32</c> byte length then the UTF-8 bytes of <see cref="Reference"/></item>
/// <item><c>i32</c> byte length then the UTF-8 bytes of <see cref="Memo"/></item>
/// <item>previous entry's hash (32; zeros for entry 1)</item>
/// </list>
/// <para>Stored entries carry no format field: <see cref="FromStored"/> takes the format whose hash equals the stored
/// hash (format 3 first, then 2, then 1), and <see cref="Format"/> says which. An auditor can recompute a hash with any SHA-256 tool
/// from <see cref="CanonicalBytes"/>.</para>
/// </remarks>
public sealed class LedgerEntry
{
    /// <summary>The longest <see cref="Reference"/>, in characters.</summary>
    public const int MaxReferenceLength = 100;

    /// <summary>The longest <see cref="Memo"/>, in characters.</summary>
    public const int MaxMemoLength = 1000;

    /// <summary>The canonical encoding the ledger writes new entries in (see the remarks of the type).</summary>
    public const int CurrentFormat = 3;

    private const byte Format1 = 1;
    private const byte Format2 = 2;
    private const byte Format3 = 3;
    private const byte FactProfit = 0x01;
    private const byte FactIksPurpose = 0x02;
    private const byte FactWeekStartsOn = 0x04;
    private const byte FactProfileId = 0x08;
    private const byte FactClosedWeek = 0x10;
    private const int ScratchSize = 4096;

    // The encoding buffer of HashInFormat on this thread (see there).
    [ThreadStatic]
    private static byte[]? t_scratch;

    // Nullable ids are held as Guid.Empty when absent (ids are never the empty Guid): a smaller object per entry.
    private readonly Guid _member;

    // The fields most entries leave empty (a loan, a reversed entry, a memo, typed facts), held apart: a deposit or a
    // withdrawal carries one null reference for them instead of 48 bytes (≈ a fifth of the entry).
    private Rare? _rare;

    // The previous hash: the previous entry itself when the ledger wrote this one (its Hash is the previous hash),
    // otherwise the hash as given (a StrongBox), or null for zeros. Saves 24 bytes per entry.
    private readonly object? _previous;

    // The legs: an array, or (null array) a "pair": one debit and one credit of _pairAmount between the accounts of kinds
    // _pairDebit and _pairCredit, each naming the entry's own member and loan where its kind needs them (a deposit, a
    // withdrawal, most fund movements). The array of a pair is built on the first read of Legs only.
    private LedgerLeg[]? _legs;
    private readonly long _pairAmount;
    private readonly AccountKind _pairDebit;
    private readonly AccountKind _pairCredit;
    private byte _format = Format3;

    private LedgerEntry(
        GroupId group, EntryId id, long sequence, LocalDate bookDate, EntryKind kind, ReadOnlySpan<LedgerLeg> legs, LedgerLeg[]? legArray,
        PersonId? member, LoanId? loan, string reference, string memo, EntryId? reverses, object? previous, EntryFacts? facts)
    {
        Group = group;
        Id = id;
        Sequence = sequence;
        BookDate = bookDate;
        Kind = kind;
        _member = member?.Value ?? Guid.Empty;
        Reference = reference;
        if (loan is not null || reverses is not null || memo.Length != 0 || facts is not null)
        {
            _rare = new Rare(loan?.Value ?? Guid.Empty, reverses?.Value ?? Guid.Empty, memo, facts);
        }
        _previous = previous;
        if (IsPair(legs))
        {
            _pairAmount = legs[0].Amount.Amount;
            _pairDebit = legs[0].Account.Kind;
            _pairCredit = legs[1].Account.Kind;
        }
        else
        {
            _legs = legArray ?? (legs.IsEmpty ? [] : legs.ToArray());
        }
    }

    /// <summary>The group whose ledger this is.</summary>
    public GroupId Group { get; }

    /// <summary>The entry's id.</summary>
    public EntryId Id { get; }

    /// <summary>The position in the ledger, from 1, without gaps.</summary>
    public long Sequence { get; }

    /// <summary>The book date (ISO calendar). Dates never decrease along the ledger.</summary>
    public LocalDate BookDate { get; }

    /// <summary>What the entry records.</summary>
    public EntryKind Kind { get; }

    /// <summary>The postings; debits and credits balance. Empty only for <see cref="EntryKind.BooksOpened"/> and <see cref="EntryKind.WeekClosed"/>.</summary>
    public ImmutableArray<LedgerLeg> Legs => ImmutableCollectionsMarshal.AsImmutableArray(_legs ?? MaterializePair());

    /// <summary>The number of legs.</summary>
    internal int LegCount => _legs?.Length ?? 2;

    /// <summary>The legs without allocating: the array, or the pair written into <paramref name="scratch"/> (2 legs).</summary>
    internal ReadOnlySpan<LedgerLeg> LegsInto(Span<LedgerLeg> scratch)
    {
        if (_legs is { } legs)
        {
            return legs;
        }
        scratch[0] = LedgerLeg.DebitTrusted(PairAccount(_pairDebit), _pairAmount);
        scratch[1] = LedgerLeg.CreditTrusted(PairAccount(_pairCredit), _pairAmount);
        return scratch[..2];
    }

    /// <summary>The member concerned: the saver, the borrower of a loan entry, or null.</summary>
    public PersonId? Member => _member == Guid.Empty ? null : new PersonId(_member);

    /// <summary>The loan concerned, or null.</summary>
    public LoanId? Loan => LoanValue == Guid.Empty ? null : new LoanId(LoanValue);

    /// <summary>The external reference (receipt number, decision id), at most <see cref="MaxReferenceLength"/> characters; empty when none.</summary>
    public string Reference { get; }

    /// <summary>A free text (reason of a reversal, totals of a week close), at most <see cref="MaxMemoLength"/> characters; empty when none.</summary>
    public string Memo => _rare?.Memo ?? string.Empty;

    /// <summary>For a <see cref="EntryKind.Reversal"/>, the entry it reverses; otherwise null.</summary>
    public EntryId? Reverses => ReversesValue == Guid.Empty ? null : new EntryId(ReversesValue);

    /// <summary>For an <see cref="EntryKind.IksFromProfit"/> entry, the business profit declared (the entry's amount is the IKS share of it); otherwise null.</summary>
    public Rupiah? Profit => Facts?.Profit;

    /// <summary>For an <see cref="EntryKind.IksSpend"/> that states a purpose, the purpose; null for a spend described in text only and for other kinds.</summary>
    public IksPurpose? IksPurpose => Facts?.IksPurpose;

    /// <summary>For an <see cref="EntryKind.IksSpend"/>, the member helped (the entry's <see cref="Member"/>), or null when the spend names no member.</summary>
    public PersonId? IksBeneficiary => Kind == EntryKind.IksSpend ? Member : null;

    /// <summary>For the <see cref="EntryKind.BooksOpened"/> entry, the first day of the ledger's bookkeeping week; otherwise null.</summary>
    public IsoDayOfWeek? WeekStartsOn => Facts?.WeekStartsOn;

    /// <summary>For the <see cref="EntryKind.BooksOpened"/> entry, the program profile (<c>Code@Version</c>) the books were opened under; otherwise null.</summary>
    public string? ProfileId => Facts?.ProfileId;

    /// <summary>For a <see cref="EntryKind.WeekClosed"/> entry, the first day of the week it closes; otherwise null.</summary>
    public LocalDate? ClosedWeekStart => Facts?.ClosedWeekStart;

    /// <summary>The hash of the previous entry (<see cref="EntryHash.Zero"/> for entry 1).</summary>
    public EntryHash PreviousHash => _previous switch
    {
        LedgerEntry entry => entry.Hash,
        StrongBox<EntryHash> box => box.Value,
        _ => EntryHash.Zero,
    };

    /// <summary>
    /// The canonical encoding <see cref="Hash"/> is computed over: <see cref="CurrentFormat"/> (3) for every entry the
    /// ledger writes; 2 or 1 for a stored entry written before format 3 or 2 (see the remarks of the type).
    /// </summary>
    public int Format => _format;

    /// <summary>The stored hash of this entry. For an entry the ledger wrote, it equals <see cref="ComputeHash"/>.</summary>
    public EntryHash Hash { get; private set; }

    /// <summary>The amount of the entry: the sum of its debits (equal to the sum of its credits); zero for legless entries.</summary>
    public Rupiah Amount
    {
        get
        {
            if (_legs is null)
            {
                return Rupiah.Of(_pairAmount);
            }
            long total = 0;
            foreach (var leg in _legs)
            {
                if (leg.Side == LegSide.Debit)
                {
                    total = checked(total + leg.Amount.Amount);
                }
            }
            return Rupiah.Of(total);
        }
    }

    /// <summary>True when the stored <see cref="Hash"/> equals the hash recomputed from the fields.</summary>
    public bool HashIsValid => ComputeHash() == Hash;

    /// <summary>The signed change this entry makes to group cash (positive: cash in).</summary>
    public long CashDelta
    {
        get
        {
            if (_legs is null)
            {
                // A pair: cash is debit-normal, so a cash debit brings cash in and a cash credit takes it out.
                return (_pairDebit == AccountKind.Cash ? _pairAmount : 0) - (_pairCredit == AccountKind.Cash ? _pairAmount : 0);
            }
            long delta = 0;
            foreach (var leg in _legs)
            {
                if (leg.Account.Kind == AccountKind.Cash)
                {
                    delta += leg.SignedAmount;
                }
            }
            return delta;
        }
    }

    /// <summary>Recomputes the SHA-256 hash of the canonical encoding (in <see cref="Format"/>) of the fields.</summary>
    public EntryHash ComputeHash() => HashInFormat(_format);

    /// <summary>The canonical encoding that <see cref="Hash"/> is the SHA-256 of, in <see cref="Format"/> (see the remarks of the type).</summary>
    public byte[] CanonicalBytes()
    {
        var buffer = new byte[MaxEncodedSize()];
        var length = Encode(buffer, _format);
        return buffer[..length];
    }

    /// <summary>
    /// Rebuilds an entry from its stored fields, keeping the stored <paramref name="hash"/> as it is, so
    /// that <see cref="SavingsLedger.VerifyChain(IReadOnlyList{LedgerEntry}, EntryHash?)"/> can name a tampered entry. Check
    /// <see cref="HashIsValid"/> or verify the whole chain before trusting it; <see cref="SavingsLedger.Rehydrate"/> does both.
    /// The typed facts (<paramref name="profit"/> … <paramref name="closedWeekStart"/>) are those of a format 3 entry; an
    /// entry whose hash matches format 2 or 1 takes them from its text instead (see the remarks of the type).
    /// </summary>
    /// <exception cref="ArgumentException">A field is malformed: a default id, a sequence below 1, a non-ISO date, an
    /// undefined kind, text too long, or a leg with a non-positive amount (legs are built with <see cref="LedgerLeg.FromParts"/>).</exception>
    public static LedgerEntry FromStored(
        GroupId group, EntryId id, long sequence, LocalDate bookDate, EntryKind kind, IEnumerable<LedgerLeg> legs,
        PersonId? member, LoanId? loan, string? reference, string? memo, EntryId? reverses, EntryHash previousHash, EntryHash hash,
        Rupiah? profit = null, IksPurpose? iksPurpose = null, IsoDayOfWeek? weekStartsOn = null, string? profileId = null, LocalDate? closedWeekStart = null)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var legArray = legs.ToArray();
        foreach (var leg in legArray)
        {
            Preconditions.CheckArgument(leg.Amount.IsPositive, nameof(legs), "Every leg needs a positive amount; build legs with LedgerLeg.FromParts.");
        }
        var facts = EntryFacts.Of(profit, iksPurpose, weekStartsOn, profileId, closedWeekStart);
        var entry = Create(group, id, sequence, bookDate, kind, legArray, member, loan, reference, memo, reverses, previousHash, facts, computeHash: false);
        entry.Hash = hash;
        // No format is stored: the entry is in the format whose hash matches (format 3 first). When none matches, the
        // entry stays in the current format and its hash is reported as invalid.
        if (entry.HashInFormat(Format3) != hash)
        {
            var format = entry.HashInFormat(Format2) == hash ? Format2 : entry.HashInFormat(Format1) == hash ? Format1 : Format3;
            if (format != Format3)
            {
                entry.UseFormat(format);
            }
        }
        return entry;
    }

    /// <summary>
    /// Rebuilds an entry of <paramref name="group"/>'s ledger from its state in the format the state names (nothing is
    /// guessed), keeping the stored hash, so that <see cref="SavingsLedger.VerifyChain(IReadOnlyList{LedgerEntry}, EntryHash?)"/>
    /// can name a tampered entry. Check <see cref="HashIsValid"/> or verify the whole chain before trusting it.
    /// </summary>
    /// <param name="group">The group whose ledger holds the entry.</param>
    /// <param name="state">The entry's stored state (<see cref="ToState"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or its legs are null.</exception>
    /// <exception cref="ArgumentException">A field is malformed (see <see cref="FromStored"/>) or the format is not 1, 2 or 3.</exception>
    public static LedgerEntry FromState(GroupId group, LedgerEntryState state) => FromState(group, state, previous: null);

    /// <summary>
    /// As <see cref="FromState(GroupId, LedgerEntryState)"/>; when the entry before it (<paramref name="previous"/>) has
    /// the stored previous hash, the entry links to it as the ledger's own entries do (no copy of the hash).
    /// </summary>
    internal static LedgerEntry FromState(GroupId group, LedgerEntryState state, LedgerEntry? previous)
    {
        ArgumentNullException.ThrowIfNull(state);
        Preconditions.CheckArgument(state.Format is >= Format1 and <= Format3, nameof(state), "Unknown entry format.");
        ArgumentNullException.ThrowIfNull(state.Legs);
        // Two legs or fewer (almost every entry) are read into the stack: a pair keeps no leg array at all.
        var count = state.Legs.Count;
        var legArray = count > 2 ? new LedgerLeg[count] : null;
        Span<LedgerLeg> legs = legArray ?? stackalloc LedgerLeg[2];
        legs = legs[..count];
        for (var i = 0; i < legs.Length; i++)
        {
            var leg = state.Legs[i] ?? throw new ArgumentException("A leg is missing.", nameof(state));
            Preconditions.CheckArgument(Enum.IsDefined(leg.Account) && Enum.IsDefined(leg.Side), nameof(state), "Unknown account kind or side.");
            Preconditions.CheckArgument(leg.Amount.IsPositive, nameof(state), "Every leg needs a positive amount.");
            legs[i] = LedgerLeg.FromParts(LedgerAccount.FromParts(leg.Account, leg.Member, leg.Loan), leg.Side, leg.Amount);
        }
        Preconditions.CheckArgument(state.IksPurpose is null || Enum.IsDefined(state.IksPurpose.Value), nameof(state), "Unknown IKS purpose.");
        var facts = state.Format == Format3 ? EntryFacts.Of(state.Profit, state.IksPurpose, state.WeekStartsOn, state.ProfileId, state.ClosedWeekStart) : null;
        object? previousLink = previous is not null && previous.Hash == state.PreviousHash ? previous
            : state.PreviousHash == EntryHash.Zero ? null
            : new StrongBox<EntryHash>(state.PreviousHash);
        var entry = Create(group, state.Id, state.Sequence, state.BookDate, state.Kind, legs, legArray, state.Member, state.Loan, state.Reference, state.Memo,
            state.Reverses, previousLink, facts, computeHash: false);
        entry.Hash = state.Hash;
        if (state.Format != Format3)
        {
            entry.UseFormat((byte)state.Format);
        }
        return entry;
    }

    /// <summary>The entry as plain data (its legs, ids, typed facts, format and hashes), for a <see cref="LedgerState"/>.</summary>
    public LedgerEntryState ToState()
    {
        Span<LedgerLeg> scratch = stackalloc LedgerLeg[2];
        var legs = LegsInto(scratch);
        var legStates = new LedgerLegState[legs.Length];
        for (var i = 0; i < legStates.Length; i++)
        {
            var leg = legs[i];
            legStates[i] = new LedgerLegState(leg.Account.Kind, leg.Account.Member, leg.Account.Loan, leg.Side, leg.Amount);
        }
        return new LedgerEntryState(Format, Id, Sequence, BookDate, Kind, legStates, Member, Loan, Reverses, Reference, Memo,
            Profit, IksPurpose, WeekStartsOn, ProfileId, ClosedWeekStart, PreviousHash, Hash);
    }

    // A stored entry in format 1 or 2: its typed facts come from the text the library wrote then.
    private void UseFormat(byte format)
    {
        _format = format;
        if (format == Format3)
        {
            return;
        }
        var facts = EntryFacts.FromLegacyText(Kind, Reference, Memo);
        if (_rare is { } rare)
        {
            rare.Facts = facts;
        }
        else if (facts is not null)
        {
            _rare = new Rare(Guid.Empty, Guid.Empty, string.Empty, facts);
        }
    }

    private Guid LoanValue => _rare is null ? Guid.Empty : _rare.Loan;

    private Guid ReversesValue => _rare is null ? Guid.Empty : _rare.Reverses;

    // The typed facts of the few entries that have any (opening, week close, profit, IKS spend); null for the rest.
    private EntryFacts? Facts => _rare?.Facts;

    private sealed class Rare(Guid loan, Guid reverses, string memo, EntryFacts? facts)
    {
        public readonly Guid Loan = loan;
        public readonly Guid Reverses = reverses;
        public readonly string Memo = memo;

        // Set once more only when a stored entry turns out to be in format 1 or 2 (its facts then come from its text).
        public EntryFacts? Facts = facts;
    }

    /// <summary>Creates an entry and computes its hash. Argument checks only; ledger rules are checked by the ledger.</summary>
    internal static LedgerEntry Create(
        GroupId group, EntryId id, long sequence, LocalDate bookDate, EntryKind kind, LedgerLeg[] legs,
        PersonId? member, LoanId? loan, string? reference, string? memo, EntryId? reverses, EntryHash previousHash, EntryFacts? facts = null, bool computeHash = true) =>
        Create(group, id, sequence, bookDate, kind, legs, legs, member, loan, reference, memo, reverses,
            previousHash == EntryHash.Zero ? null : new StrongBox<EntryHash>(previousHash), facts, computeHash);

    /// <summary>Creates an entry that follows <paramref name="previous"/> (null for the opening) in the ledger that writes it.</summary>
    internal static LedgerEntry CreateNext(
        GroupId group, EntryId id, long sequence, LocalDate bookDate, EntryKind kind, ReadOnlySpan<LedgerLeg> legs, LedgerLeg[]? owned,
        PersonId? member, LoanId? loan, string? reference, string? memo, EntryId? reverses, LedgerEntry? previous, EntryFacts? facts = null) =>
        Create(group, id, sequence, bookDate, kind, legs, owned, member, loan, reference, memo, reverses, previous, facts, computeHash: true);

    private static LedgerEntry Create(
        GroupId group, EntryId id, long sequence, LocalDate bookDate, EntryKind kind, ReadOnlySpan<LedgerLeg> legs, LedgerLeg[]? legArray,
        PersonId? member, LoanId? loan, string? reference, string? memo, EntryId? reverses, object? previous, EntryFacts? facts, bool computeHash)
    {
        IdGuard.Check(group);
        IdGuard.Check(id, nameof(id));
        Preconditions.CheckArgumentRange(sequence, 1, long.MaxValue);
        Preconditions.CheckArgument(bookDate.Calendar == CalendarSystem.Iso, nameof(bookDate), "Book dates use the ISO calendar.");
        Preconditions.CheckArgument(Enum.IsDefined(kind), nameof(kind), "Unknown entry kind.");
        Preconditions.CheckArgument(legs.Length <= ushort.MaxValue, nameof(legs), "Too many legs.");
        if (member is { } m)
        {
            IdGuard.Check(m);
        }
        if (loan is { } l)
        {
            IdGuard.Check(l);
        }
        if (reverses is { } r)
        {
            IdGuard.Check(r, nameof(reverses));
        }
        reference ??= string.Empty;
        memo ??= string.Empty;
        Preconditions.CheckArgument(reference.Length <= MaxReferenceLength, nameof(reference), "The reference is too long.");
        Preconditions.CheckArgument(memo.Length <= MaxMemoLength, nameof(memo), "The memo is too long.");
        if (facts?.ProfileId is { } profileId)
        {
            Preconditions.CheckArgument(profileId.Length <= MaxReferenceLength, nameof(facts), "The profile id is too long.");
        }
        Preconditions.CheckArgument(facts?.ClosedWeekStart is not { } weekStart || (weekStart.Calendar == CalendarSystem.Iso && weekStart.Year is >= 1 and <= 9999),
            nameof(facts), "A closed week starts on an ISO date.");
        Preconditions.CheckArgument(facts?.WeekStartsOn is not { } day || day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday, nameof(facts), "Unknown day of the week.");
        Preconditions.CheckArgument(facts?.Profit is not { } profit || profit.IsPositive, nameof(facts), "A profit is positive.");
        var entry = new LedgerEntry(group, id, sequence, bookDate, kind, legs, legArray, member, loan, reference, memo, reverses, previous, facts);
        if (computeHash)
        {
            entry.Hash = entry.ComputeHash();
        }
        return entry;
    }

    /// <summary><c>#12 2017-02-06 SavingsDeposit Rp 5.000 [ref]</c>.</summary>
    public override string ToString() =>
        $"#{Sequence} {KubeCore.Rules.KubeCoreMessages.FormatValue(BookDate, System.Globalization.CultureInfo.InvariantCulture)} {Kind} {Amount}"
        + (Reference.Length == 0 ? string.Empty : $" [{Reference}]");

    // A pair: exactly one debit then one credit of the same amount, each leg's account being what PairAccount rebuilds
    // from its kind and the entry's own member and loan.
    private bool IsPair(ReadOnlySpan<LedgerLeg> legs) =>
        legs.Length == 2
        && legs[0].Side == LegSide.Debit && legs[1].Side == LegSide.Credit
        && legs[0].Amount == legs[1].Amount
        && IsPairAccount(legs[0].Account)
        && IsPairAccount(legs[1].Account);

    // The account is the one PairAccount rebuilds from its kind and the entry's ids (compared by its raw ids).
    private bool IsPairAccount(LedgerAccount account)
    {
        var pair = PairAccount(account.Kind);
        return account.MemberValue == pair.MemberValue && account.LoanValue == pair.LoanValue;
    }

    private LedgerAccount PairAccount(AccountKind kind) => kind switch
    {
        AccountKind.MemberSavings => LedgerAccount.Trusted(kind, _member, Guid.Empty),
        AccountKind.LoanReceivable => LedgerAccount.Trusted(kind, _member, LoanValue),
        _ => LedgerAccount.Trusted(kind, Guid.Empty, Guid.Empty),
    };

    private LedgerLeg[] MaterializePair()
    {
        var legs = new LedgerLeg[2];
        LegsInto(legs);
        _legs = legs;
        return legs;
    }

    private EntryHash HashInFormat(byte format)
    {
        var size = MaxEncodedSize();
        byte[]? rented = null;
        // One scratch buffer per thread for the usual entry (no zeroing, no pool); a larger one is rented.
        var buffer = size <= ScratchSize ? t_scratch ??= new byte[ScratchSize] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var length = Encode(buffer, format);
            Span<byte> digest = stackalloc byte[EntryHash.Length];
            ChainSha256.Hash(buffer.AsSpan(0, length), digest);
            return EntryHash.FromBytes(digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // An upper bound of every format's length: format 2's varints (at most 10 bytes for a sequence or an amount, 5 for a
    // length, 3 for the leg count) are covered by the slack added to format 1's fixed widths; format 3 adds its facts.
    // Text counts 3 bytes per UTF-16 char, the most UTF-8 takes (a surrogate pair is 4 bytes for 2 chars, a lone
    // surrogate the 3-byte replacement character), so no text is scanned just to size the buffer.
    private int MaxEncodedSize() =>
        1 + 16 + 10 + 16 + 6 + 1 + 1 + (3 * 16) + 3 + (LegCount * (1 + 1 + 16 + 16 + 1 + 10))
        + 5 + Utf8Bound(Reference) + 5 + Utf8Bound(Memo) + EntryHash.Length
        + 1 + (Facts is not { } facts ? 0 : 10 + 1 + 1 + 5 + Utf8Bound(facts.ProfileId ?? string.Empty) + 4);

    private static int Utf8Bound(string text) => text.Length * 3;

    private int Encode(Span<byte> buffer, byte format) => format == Format1 ? EncodeFormat1(buffer) : EncodeFormat2(buffer, format);

    // Formats 2 and 3 (format 3 = format 2 with the facts block before the previous hash).
    private int EncodeFormat2(Span<byte> buffer, byte format)
    {
        var p = 0;
        buffer[p++] = format;
        p += WriteGuid(buffer[p..], Group.Value);
        p += WriteVarint(buffer[p..], (ulong)Sequence);
        p += WriteGuid(buffer[p..], Id.Value);
        BinaryPrimitives.WriteInt16BigEndian(buffer[p..], (short)BookDate.Year);
        p += 2;
        buffer[p++] = (byte)BookDate.Month;
        buffer[p++] = (byte)BookDate.Day;
        var hasMember = _member != Guid.Empty;
        var hasLoan = LoanValue != Guid.Empty;
        buffer[p++] = (byte)((byte)Kind | (hasMember ? 0x20 : 0) | (hasLoan ? 0x40 : 0) | (ReversesValue != Guid.Empty ? 0x80 : 0));
        if (hasMember)
        {
            p += WriteGuid(buffer[p..], _member);
        }
        if (hasLoan)
        {
            p += WriteGuid(buffer[p..], LoanValue);
        }
        if (ReversesValue != Guid.Empty)
        {
            p += WriteGuid(buffer[p..], ReversesValue);
        }
        if (_legs is null)
        {
            // A pair: its accounts name only the entry's own ids (if any), so each leg is its head and its amount.
            buffer[p++] = 2;
            buffer[p++] = PairLegHead(_pairDebit, credit: false);
            p += WriteVarint(buffer[p..], (ulong)_pairAmount);
            buffer[p++] = PairLegHead(_pairCredit, credit: true);
            p += WriteVarint(buffer[p..], (ulong)_pairAmount);
            return p + WriteTail2(buffer[p..], format);
        }
        var legs = _legs;
        p += WriteVarint(buffer[p..], (ulong)legs.Length);
        foreach (ref readonly var leg in legs.AsSpan())
        {
            var account = leg.Account;
            var legMember = account.MemberValue;
            var legLoan = account.LoanValue;
            var head = (byte)account.Kind | (leg.Side == LegSide.Credit ? 0x10 : 0) | (legMember != Guid.Empty ? 0x20 : 0) | (legLoan != Guid.Empty ? 0x40 : 0);
            var own = (legMember != Guid.Empty || legLoan != Guid.Empty)
                && (legMember == Guid.Empty || legMember == _member)
                && (legLoan == Guid.Empty || legLoan == LoanValue);
            buffer[p++] = (byte)(head | (own ? 0x80 : 0));
            if (!own)
            {
                if (legMember != Guid.Empty)
                {
                    p += WriteGuid(buffer[p..], legMember);
                }
                if (legLoan != Guid.Empty)
                {
                    p += WriteGuid(buffer[p..], legLoan);
                }
            }
            p += WriteVarint(buffer[p..], (ulong)leg.Amount.Amount);
        }
        return p + WriteTail2(buffer[p..], format);
    }

    // Formats 2 and 3 after the legs: reference, memo, (format 3) facts, previous hash.
    private int WriteTail2(Span<byte> buffer, byte format)
    {
        var p = WriteText2(buffer, Reference);
        p += WriteText2(buffer[p..], Memo);
        if (format == Format3)
        {
            p += WriteFacts(buffer[p..]);
        }
        PreviousHash.WriteTo(buffer[p..]);
        return p + EntryHash.Length;
    }

    // The format 2 leg head of a pair leg of account kind <paramref name="kind"/> (what the general loop writes for the
    // account PairAccount builds): its ids are the entry's own, so the 0x80 flag is set whenever it has one.
    private byte PairLegHead(AccountKind kind, bool credit)
    {
        var hasMember = kind is AccountKind.MemberSavings or AccountKind.LoanReceivable && _member != Guid.Empty;
        var hasLoan = kind == AccountKind.LoanReceivable && LoanValue != Guid.Empty;
        return (byte)((byte)kind | (credit ? 0x10 : 0) | (hasMember ? 0x20 : 0) | (hasLoan ? 0x40 : 0) | (hasMember || hasLoan ? 0x80 : 0));
    }

    /// <summary>True when the entry is a pair (no leg array): see <see cref="PairFacts"/>.</summary>
    internal bool IsPairEntry => _legs is null;

    /// <summary>For a pair entry: its amount and the money it brings into and takes out of cash (each 0 or the amount).</summary>
    internal (long Amount, long CashIn, long CashOut) PairFacts =>
        (_pairAmount, _pairDebit == AccountKind.Cash ? _pairAmount : 0, _pairCredit == AccountKind.Cash ? _pairAmount : 0);

    // The format 3 facts block: flags, then each fact present in flag order (see the remarks of the type).
    private int WriteFacts(Span<byte> buffer)
    {
        if (Facts is not { } facts)
        {
            buffer[0] = 0;
            return 1;
        }
        var flags = (facts.Profit is null ? 0 : FactProfit) | (facts.IksPurpose is null ? 0 : FactIksPurpose)
            | (facts.WeekStartsOn is null ? 0 : FactWeekStartsOn) | (facts.ProfileId is null ? 0 : FactProfileId)
            | (facts.ClosedWeekStart is null ? 0 : FactClosedWeek);
        var p = 0;
        buffer[p++] = (byte)flags;
        if (facts.Profit is { } profit)
        {
            p += WriteVarint(buffer[p..], (ulong)profit.Amount);
        }
        if (facts.IksPurpose is { } purpose)
        {
            buffer[p++] = (byte)purpose;
        }
        if (facts.WeekStartsOn is { } day)
        {
            buffer[p++] = (byte)day;
        }
        if (facts.ProfileId is { } profileId)
        {
            p += WriteText2(buffer[p..], profileId);
        }
        if (facts.ClosedWeekStart is { } start)
        {
            BinaryPrimitives.WriteInt16BigEndian(buffer[p..], (short)start.Year);
            p += 2;
            buffer[p++] = (byte)start.Month;
            buffer[p++] = (byte)start.Day;
        }
        return p;
    }

    private static int WriteVarint(Span<byte> destination, ulong value)
    {
        var p = 0;
        while (value >= 0x80)
        {
            destination[p++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[p++] = (byte)value;
        return p;
    }

    private static int WriteText2(Span<byte> destination, string text)
    {
        if (text.Length == 0)
        {
            destination[0] = 0;
            return 1;
        }
        if (text.Length <= MaxOneByteLengthText)
        {
            // At most 127 bytes: the length is one varint byte, written after the text (one pass over the text).
            var written = Encoding.UTF8.GetBytes(text, destination[1..]);
            destination[0] = (byte)written;
            return 1 + written;
        }
        var count = Encoding.UTF8.GetByteCount(text);
        var p = WriteVarint(destination, (ulong)count);
        return p + Encoding.UTF8.GetBytes(text, destination[p..]);
    }

    // The longest text whose UTF-8 (at most 3 bytes per char) surely fits a one-byte varint length (< 128).
    private const int MaxOneByteLengthText = 127 / 3;

    private int EncodeFormat1(Span<byte> buffer)
    {
        var p = 0;
        buffer[p++] = Format1;
        p += WriteGuid(buffer[p..], Group.Value);
        BinaryPrimitives.WriteInt64BigEndian(buffer[p..], Sequence);
        p += 8;
        p += WriteGuid(buffer[p..], Id.Value);
        BinaryPrimitives.WriteInt32BigEndian(buffer[p..], BookDate.Year);
        p += 4;
        buffer[p++] = (byte)BookDate.Month;
        buffer[p++] = (byte)BookDate.Day;
        buffer[p++] = (byte)Kind;
        buffer[p++] = (byte)((Member is null ? 0 : 1) | (Loan is null ? 0 : 2) | (Reverses is null ? 0 : 4));
        if (Member is { } member)
        {
            p += WriteGuid(buffer[p..], member.Value);
        }
        if (Loan is { } loan)
        {
            p += WriteGuid(buffer[p..], loan.Value);
        }
        if (Reverses is { } reverses)
        {
            p += WriteGuid(buffer[p..], reverses.Value);
        }
        Span<LedgerLeg> scratch = stackalloc LedgerLeg[2];
        var legs = LegsInto(scratch);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[p..], (ushort)legs.Length);
        p += 2;
        foreach (var leg in legs)
        {
            var account = leg.Account;
            buffer[p++] = (byte)account.Kind;
            buffer[p++] = (byte)((account.Member is null ? 0 : 1) | (account.Loan is null ? 0 : 2));
            if (account.Member is { } legMember)
            {
                p += WriteGuid(buffer[p..], legMember.Value);
            }
            if (account.Loan is { } legLoan)
            {
                p += WriteGuid(buffer[p..], legLoan.Value);
            }
            buffer[p++] = (byte)leg.Side;
            BinaryPrimitives.WriteInt64BigEndian(buffer[p..], leg.Amount.Amount);
            p += 8;
        }
        p += WriteText(buffer[p..], Reference);
        p += WriteText(buffer[p..], Memo);
        PreviousHash.WriteTo(buffer[p..]);
        p += EntryHash.Length;
        return p;
    }

    private static int WriteGuid(Span<byte> destination, Guid value)
    {
        value.TryWriteBytes(destination, bigEndian: true, out var written);
        return written;
    }

    private static int WriteText(Span<byte> destination, string text)
    {
        var count = text.Length == 0 ? 0 : Encoding.UTF8.GetBytes(text, destination[4..]);
        BinaryPrimitives.WriteInt32BigEndian(destination, count);
        return 4 + count;
    }
}

/// <summary>The typed facts of an entry (format 3): each null when the entry has none of that kind.</summary>
internal sealed record EntryFacts(Rupiah? Profit, IksPurpose? IksPurpose, IsoDayOfWeek? WeekStartsOn, string? ProfileId, LocalDate? ClosedWeekStart)
{
    /// <summary>The facts, or null when there are none.</summary>
    public static EntryFacts? Of(Rupiah? profit, IksPurpose? iksPurpose, IsoDayOfWeek? weekStartsOn, string? profileId, LocalDate? closedWeekStart) =>
        profit is null && iksPurpose is null && weekStartsOn is null && profileId is null && closedWeekStart is null
            ? null
            : new EntryFacts(profit, iksPurpose, weekStartsOn, profileId, closedWeekStart);

    /// <summary>
    /// The facts of an entry written in format 1 or 2, read from the text the library wrote then: the opening's memo
    /// <c>profile=…;weekStartsOn=…</c>, a week close's reference (the week's first day, ISO), a profit's memo
    /// <c>profit=…;…</c>, an IKS spend's memo <c>purpose=…;description=…</c>. Text that does not parse gives no fact.
    /// </summary>
    public static EntryFacts? FromLegacyText(EntryKind kind, string reference, string memo)
    {
        switch (kind)
        {
            case EntryKind.BooksOpened:
                {
                    var profile = Field(memo, "profile");
                    var day = Field(memo, "weekStartsOn");
                    IsoDayOfWeek? weekStartsOn = day is not null && Enum.TryParse<IsoDayOfWeek>(day, ignoreCase: false, out var d)
                        && d is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday && !char.IsDigit(day[0]) ? d : null;
                    return Of(null, null, weekStartsOn, profile is { Length: > 0 and <= LedgerEntry.MaxReferenceLength } ? profile : null, null);
                }
            case EntryKind.WeekClosed:
                {
                    var parse = NodaTime.Text.LocalDatePattern.Iso.Parse(reference);
                    return parse.Success ? Of(null, null, null, null, parse.Value) : null;
                }
            case EntryKind.IksFromProfit:
                {
                    var profit = Field(memo, "profit");
                    return long.TryParse(profit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount) && amount > 0
                        ? Of(Rupiah.Of(amount), null, null, null, null)
                        : null;
                }
            case EntryKind.IksSpend:
                {
                    if (!memo.StartsWith("purpose=", StringComparison.Ordinal))
                    {
                        return null;
                    }
                    var purpose = Field(memo, "purpose");
                    return purpose is { Length: > 0 } && !char.IsDigit(purpose[0]) && Enum.TryParse<IksPurpose>(purpose, ignoreCase: false, out var p) && Enum.IsDefined(p)
                        ? Of(null, p, null, null, null)
                        : null;
                }
            default:
                return null;
        }
    }

    // The value of "key=value" among ';'-separated pairs (the first pair with that key), or null.
    private static string? Field(string text, string key)
    {
        foreach (var range in text.AsSpan().Split(';'))
        {
            var pair = text.AsSpan()[range];
            if (pair.Length > key.Length && pair.StartsWith(key, StringComparison.Ordinal) && pair[key.Length] == '=')
            {
                return pair[(key.Length + 1)..].ToString();
            }
        }
        return null;
    }
}
