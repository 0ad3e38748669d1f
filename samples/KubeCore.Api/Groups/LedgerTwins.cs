using KubeCore.Common;
using KubeCore.Savings;

namespace KubeCore.Api.Groups;

/// <summary>
/// Checks that the stored ledger and its replayed shadow hold the same entries: kind, position, date, member,
/// loan (through the loan-id map), reversed position, legs, reference and memo; only entry ids and hashes differ.
/// A difference means the replay no longer reproduces the record: the request fails with an integrity error
/// instead of writing on a ledger nobody can trust.
/// </summary>
public static class LedgerTwins
{
    /// <summary>Compares the two ledgers from position <paramref name="from"/> (0-based).</summary>
    /// <exception cref="LedgerMismatchException">They differ.</exception>
    public static void CheckSame(GroupState state, int from)
    {
        var stored = state.Ledger?.Entries ?? [];
        var shadow = state.Shadow?.Entries ?? [];
        if (stored.Count != shadow.Count)
        {
            throw new LedgerMismatchException(state.Group.Id, Math.Min(stored.Count, shadow.Count) + 1, "entry count");
        }
        for (var i = from; i < stored.Count; i++)
        {
            var difference = Difference(state, stored[i], shadow[i]);
            if (difference is not null)
            {
                throw new LedgerMismatchException(state.Group.Id, i + 1, difference);
            }
        }
    }

    private static string? Difference(GroupState state, LedgerEntry stored, LedgerEntry shadow)
    {
        string Text(string text) => shadow.Loan is { } loan ? text.Replace(loan.ToString(), state.StoredId(loan).ToString(), StringComparison.Ordinal) : text;
        LoanId? Loan(LoanId? loan) => loan is { } l ? state.StoredId(l) : null;
        long? Position(SavingsLedger? ledger, EntryId? entry) => entry is { } e ? ledger!.FindEntry(e)!.Sequence : null;

        if (stored.Kind != shadow.Kind || stored.Sequence != shadow.Sequence || stored.BookDate != shadow.BookDate)
        {
            return "kind, position or date";
        }
        if (stored.Member != shadow.Member || stored.Loan != Loan(shadow.Loan))
        {
            return "member or loan";
        }
        if (Position(state.Ledger, stored.Reverses) != Position(state.Shadow, shadow.Reverses))
        {
            return "reversed entry";
        }
        if (stored.Reference != Text(shadow.Reference) || stored.Memo != Text(shadow.Memo))
        {
            return "reference or memo";
        }
        if (stored.Profit != shadow.Profit || stored.IksPurpose != shadow.IksPurpose || stored.WeekStartsOn != shadow.WeekStartsOn
            || stored.ProfileId != shadow.ProfileId || stored.ClosedWeekStart != shadow.ClosedWeekStart)
        {
            return "typed facts";
        }
        if (stored.Legs.Length != shadow.Legs.Length)
        {
            return "legs";
        }
        for (var j = 0; j < stored.Legs.Length; j++)
        {
            var (a, b) = (stored.Legs[j], shadow.Legs[j]);
            if (a.Side != b.Side || a.Amount != b.Amount || a.Account.Kind != b.Account.Kind || a.Account.Member != b.Account.Member || a.Account.Loan != Loan(b.Account.Loan))
            {
                return "legs";
            }
        }
        return null;
    }
}

/// <summary>The stored ledger and its replay differ (see <see cref="LedgerTwins"/>): answered 500 and logged with the group id.</summary>
public sealed class LedgerMismatchException(GroupId groupId, int position, string what)
    : Exception($"The stored ledger of group {groupId} and its replay differ at entry {position} ({what}).")
{
    /// <summary>The group.</summary>
    public GroupId GroupId { get; } = groupId;
}
