using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using KubeCore.Common;
using NodaTime;

namespace KubeCore.Savings;

/// <summary>
/// One entry of a group's savings ledger (SAV-01): immutable, balanced (debits equal credits), chained to
/// the previous entry by its SHA-256 hash.
/// </summary>
/// <remarks>
/// <para><b>Canonical encoding (format 1).</b> The hash is SHA-256 (BCL <see cref="SHA256"/>) over these bytes,
/// in this order; integers are big-endian two's complement; every Guid (group, entry, member, loan ids) is
/// its 16 bytes in RFC 4122 (big-endian) order; text is UTF-8 of the exact string (no normalisation);
/// nothing depends on culture or time zone:</para>
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
/// <para>An auditor can recompute a hash with any SHA-256 tool from <see cref="CanonicalBytes"/>.</para>
/// </remarks>
public sealed class LedgerEntry
{
    /// <summary>The longest <see cref="Reference"/>, in characters.</summary>
    public const int MaxReferenceLength = 100;

    /// <summary>The longest <see cref="Memo"/>, in characters.</summary>
    public const int MaxMemoLength = 1000;

    private const byte FormatVersion = 1;
    private const int StackBufferSize = 1024;

    [ThreadStatic]
    private static IncrementalHash? t_hasher;

    private LedgerEntry(
        GroupId group, EntryId id, long sequence, LocalDate bookDate, EntryKind kind, ImmutableArray<LedgerLeg> legs,
        PersonId? member, LoanId? loan, string reference, string memo, EntryId? reverses, EntryHash previousHash)
    {
        Group = group;
        Id = id;
        Sequence = sequence;
        BookDate = bookDate;
        Kind = kind;
        Legs = legs;
        Member = member;
        Loan = loan;
        Reference = reference;
        Memo = memo;
        Reverses = reverses;
        PreviousHash = previousHash;
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
    public ImmutableArray<LedgerLeg> Legs { get; }

    /// <summary>The member concerned: the saver, the borrower of a loan entry, or null.</summary>
    public PersonId? Member { get; }

    /// <summary>The loan concerned, or null.</summary>
    public LoanId? Loan { get; }

    /// <summary>The external reference (receipt number, decision id), at most <see cref="MaxReferenceLength"/> characters; empty when none.</summary>
    public string Reference { get; }

    /// <summary>A free text (reason of a reversal, totals of a week close), at most <see cref="MaxMemoLength"/> characters; empty when none.</summary>
    public string Memo { get; }

    /// <summary>For a <see cref="EntryKind.Reversal"/>, the entry it reverses; otherwise null.</summary>
    public EntryId? Reverses { get; }

    /// <summary>The hash of the previous entry (<see cref="EntryHash.Zero"/> for entry 1).</summary>
    public EntryHash PreviousHash { get; }

    /// <summary>The stored hash of this entry. For an entry the ledger wrote, it equals <see cref="ComputeHash"/>.</summary>
    public EntryHash Hash { get; private set; }

    /// <summary>The amount of the entry: the sum of its debits (equal to the sum of its credits); zero for legless entries.</summary>
    public Rupiah Amount
    {
        get
        {
            long total = 0;
            foreach (var leg in Legs)
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
            long delta = 0;
            foreach (var leg in Legs)
            {
                if (leg.Account.Kind == AccountKind.Cash)
                {
                    delta += leg.SignedAmount;
                }
            }
            return delta;
        }
    }

    /// <summary>Recomputes the SHA-256 hash of the canonical encoding of the fields.</summary>
    public EntryHash ComputeHash()
    {
        var size = MaxEncodedSize(Legs.Length, Reference, Memo);
        byte[]? rented = null;
        Span<byte> buffer = size <= StackBufferSize ? stackalloc byte[StackBufferSize] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var length = Encode(buffer);
            // One reusable SHA-256 context per thread: no per-entry allocation on the append path.
            var hasher = t_hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hasher.AppendData(buffer[..length]);
            Span<byte> digest = stackalloc byte[EntryHash.Length];
            hasher.GetHashAndReset(digest);
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

    /// <summary>The canonical encoding that <see cref="Hash"/> is the SHA-256 of (see the remarks of the type).</summary>
    public byte[] CanonicalBytes()
    {
        var buffer = new byte[MaxEncodedSize(Legs.Length, Reference, Memo)];
        var length = Encode(buffer);
        return buffer[..length];
    }

    /// <summary>
    /// Rebuilds an entry from its stored fields, keeping the stored <paramref name="hash"/> as it is, so
    /// that <see cref="SavingsLedger.VerifyChain(IReadOnlyList{LedgerEntry}, EntryHash?)"/> can name a tampered entry. Check
    /// <see cref="HashIsValid"/> or verify the whole chain before trusting it; <see cref="SavingsLedger.Rehydrate"/> does both.
    /// </summary>
    /// <exception cref="ArgumentException">A field is malformed: a default id, a sequence below 1, a non-ISO date, an
    /// undefined kind, text too long, or a leg with a non-positive amount (legs are built with <see cref="LedgerLeg.FromParts"/>).</exception>
    public static LedgerEntry FromStored(
        GroupId group, EntryId id, long sequence, LocalDate bookDate, EntryKind kind, IEnumerable<LedgerLeg> legs,
        PersonId? member, LoanId? loan, string? reference, string? memo, EntryId? reverses, EntryHash previousHash, EntryHash hash)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var legArray = legs.ToArray();
        foreach (var leg in legArray)
        {
            Preconditions.CheckArgument(leg.Amount.IsPositive, nameof(legs), "Every leg needs a positive amount; build legs with LedgerLeg.FromParts.");
        }
        var entry = Create(group, id, sequence, bookDate, kind, legArray, member, loan, reference, memo, reverses, previousHash, computeHash: false);
        entry.Hash = hash;
        return entry;
    }

    /// <summary>Creates an entry and computes its hash. Argument checks only; ledger rules are checked by the ledger.</summary>
    internal static LedgerEntry Create(
        GroupId group, EntryId id, long sequence, LocalDate bookDate, EntryKind kind, LedgerLeg[] legs,
        PersonId? member, LoanId? loan, string? reference, string? memo, EntryId? reverses, EntryHash previousHash, bool computeHash = true)
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
        var entry = new LedgerEntry(group, id, sequence, bookDate, kind, ImmutableCollectionsMarshal.AsImmutableArray(legs), member, loan, reference, memo, reverses, previousHash);
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

    private static int MaxEncodedSize(int legCount, string reference, string memo) =>
        1 + 16 + 8 + 16 + 6 + 1 + 1 + (3 * 16) + 2 + (legCount * (1 + 1 + 16 + 16 + 1 + 8))
        + 4 + Encoding.UTF8.GetMaxByteCount(reference.Length) + 4 + Encoding.UTF8.GetMaxByteCount(memo.Length) + EntryHash.Length;

    private int Encode(Span<byte> buffer)
    {
        var p = 0;
        buffer[p++] = FormatVersion;
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
        BinaryPrimitives.WriteUInt16BigEndian(buffer[p..], (ushort)Legs.Length);
        p += 2;
        foreach (var leg in Legs)
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
