using System.Text.Json;
using KubeCore.Benchmarks.Quick;
using KubeCore.Meetings;
using KubeCore.Savings;

namespace KubeCore.Benchmarks.State;

/// <summary>
/// Cold load of one group from the host's store (issue #13): every part's JSON deserialized and restored, for a group with
/// ten years of history. The ledger's restore recomputes every entry's SHA-256 (the stored data is never trusted), which
/// is the floor: also printed.
/// </summary>
[QuickOrder(70)]
public sealed class ColdLoadQuick : IQuickSuite
{
    /// <summary>
    /// Budget (issue #13, "in-memory restore ≤ 10 ms"): <c>Restore</c> of every part of one group with ten years of history
    /// from states already in memory. Reading them (JSON here; rows in the reference API) is the host's store and is
    /// printed beside it, not judged: the API's own cold-load budgets (≤ 20 ms from SQLite, ≤ 30 ms from PostgreSQL) cover
    /// it, measured by <see cref="ApiColdLoadQuick"/>.
    /// </summary>
    public const double LoadBudgetNanoseconds = 10_000_000;

    /// <inheritdoc />
    public string Name => "Cold load: in-memory restore of one group with 10 years of history";

    /// <inheritdoc />
    public IEnumerable<QuickLine> Run(Measurer measurer)
    {
        var history = TenYearGroup.Build();
        var parts = history.Deserialize();
        yield return QuickLine.Context(
            $"  history: {TenYearGroup.Members} members, {TenYearGroup.Weeks} weekly meetings and closes, {history.LedgerEntries:N0} ledger entries, {TenYearGroup.Loans} loans",
            QuickLine.Bytes(history.JsonChars) + " of JSON");

        var load = measurer.Measure(history.LoadFromJson);
        yield return QuickLine.Context("  load one group: JSON deserialize + Restore of every part", QuickLine.Time(QuickLine.Judged(load)), QuickLine.Spread(load));
        yield return QuickLine.Context("  allocated per load", QuickLine.Bytes(load.BytesPerOperation));

        var compact = history.WrittenWith(TenYearGroup.OptionsWithoutNulls);
        var compactLoad = measurer.Measure(compact.LoadFromJson);
        yield return QuickLine.Context($"  the same written with WhenWritingNull ({QuickLine.Bytes(compact.JsonChars)})", QuickLine.Time(QuickLine.Judged(compactLoad)), QuickLine.Spread(compactLoad));
        var ledgerJson = measurer.Measure(() => JsonSerializer.Deserialize<LedgerState>(history.LedgerJson, TenYearGroup.Options));
        yield return QuickLine.Context($"  of which JSON deserialize of the ledger ({QuickLine.Bytes(history.LedgerJson.Length)})", QuickLine.Time(QuickLine.Judged(ledgerJson)),
            $"{QuickLine.Time(QuickLine.Judged(ledgerJson) / history.LedgerEntries)}/entry, {history.LedgerJson.Length / 1e6 / (QuickLine.Judged(ledgerJson) / 1e9):0} MB/s");
        var meetingsJson = measurer.Measure(() => JsonSerializer.Deserialize<MeetingRegisterState>(history.MeetingsJson, TenYearGroup.Options));
        yield return QuickLine.Context($"  of which JSON deserialize of the meetings ({QuickLine.Bytes(history.MeetingsJson.Length)})", QuickLine.Time(QuickLine.Judged(meetingsJson)));
        var restore = measurer.Measure(parts.Restore);
        yield return QuickLine.AtMostTime("Restore of every part, states in memory", restore, LoadBudgetNanoseconds);
        var ledgerOnly = measurer.Measure(() => SavingsLedger.Restore(parts.Ledger, KubeCore.Groups.Group.Restore(parts.Group, KubeCore.Rules.ProgramProfiles.Resolve)));
        yield return QuickLine.Context("  of which the ledger's Restore (hash of every entry, chain, balances)", QuickLine.Time(QuickLine.Judged(ledgerOnly)),
            $"{QuickLine.Time(QuickLine.Judged(ledgerOnly) / history.LedgerEntries)}/entry");
        var ledger = SavingsLedger.Restore(parts.Ledger, KubeCore.Groups.Group.Restore(parts.Group, KubeCore.Rules.ProgramProfiles.Resolve));
        var verify = measurer.Measure(() => ledger.VerifyChain());
        yield return QuickLine.Context("  floor: VerifyChain over the same entries (SHA-256 of each)", QuickLine.Time(QuickLine.Judged(verify)),
            $"{QuickLine.Time(QuickLine.Judged(verify) / history.LedgerEntries)}/entry");
    }
}
