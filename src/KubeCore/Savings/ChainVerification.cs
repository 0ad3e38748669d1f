using KubeCore.Common;

namespace KubeCore.Savings;

/// <summary>Why a chain of ledger entries fails verification (SAV-01).</summary>
public enum ChainBreak
{
    /// <summary>The first entry is not a <see cref="EntryKind.BooksOpened"/> entry.</summary>
    MissingOpening = 1,

    /// <summary>The entry's sequence number is not its position (an entry was removed, added or moved).</summary>
    SequenceMismatch = 2,

    /// <summary>The entry belongs to another group's ledger.</summary>
    WrongGroup = 3,

    /// <summary>The entry's previous hash is not the hash of the entry before it.</summary>
    PreviousHashMismatch = 4,

    /// <summary>The entry's stored hash differs from the hash of its fields: a field was changed.</summary>
    HashMismatch = 5,

    /// <summary>The entry's debits and credits differ, or a money entry has no legs.</summary>
    Unbalanced = 6,

    /// <summary>The last entry's hash differs from the trusted head hash the caller expected.</summary>
    HeadMismatch = 7,

    /// <summary>The chain is intact but replaying it broke a ledger rule. No longer reported: stored entries are not re-judged (kept so stored reasons still parse).</summary>
    RuleBroken = 8,
}

/// <summary>The result of verifying a chain of ledger entries (SAV-01).</summary>
/// <param name="IsIntact">True when every entry checks out.</param>
/// <param name="EntryCount">The number of entries verified.</param>
/// <param name="FirstBrokenPosition">The 1-based position of the first broken entry, or null when intact.</param>
/// <param name="FirstBrokenEntry">The stored id of the first broken entry, or null when intact.</param>
/// <param name="Reason">Why it is broken, or null when intact.</param>
public sealed record ChainVerification(bool IsIntact, int EntryCount, int? FirstBrokenPosition, EntryId? FirstBrokenEntry, ChainBreak? Reason)
{
    internal static ChainVerification Intact(int count) => new(true, count, null, null, null);

    internal static ChainVerification Broken(int count, int position, EntryId entry, ChainBreak reason) =>
        new(false, count, position, entry, reason);
}
