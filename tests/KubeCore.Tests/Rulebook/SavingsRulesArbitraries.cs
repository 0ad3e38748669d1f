using FsCheck;
using FsCheck.Fluent;
using KubeCore.Savings;
using KubeCore.Tests.Savings;
using static KubeCore.Tests.Savings.LedgerRunArbitraries;

namespace KubeCore.Tests.RulebookProperties;

/// <summary>
/// The generated inputs of <see cref="SavingsRulesTests"/> besides bare operation histories
/// (<see cref="LedgerRunArbitraries"/>), one small record per input.
/// </summary>
public static class SavingsRulesArbitraries
{
    /// <summary>A history, which entry to tamper with (modulo the entry count) and which of its fields.</summary>
    public sealed record TamperCase(LedgerRun80 Run, int Pick, int Field);

    /// <summary>A history, where to displace entries (modulo) and how: 0 remove, 1 insert a copy, 2 swap.</summary>
    public sealed record DisplacementCase(LedgerRun80 Run, int Pick, int Change);

    /// <summary>A history and a pick (of member, amount and deposit to reverse).</summary>
    public sealed record ReversalPick(LedgerRun60 Run, int Pick);

    /// <summary>
    /// A posting that takes a reference (an index into <see cref="SavingsRulesTests.PostingsWithReference"/>, modulo) and
    /// the length of the reference, from 1 (the receipt of a grant spend is required) to past the limit.
    /// </summary>
    public sealed record ReferencePosting(int Posting, int Length);

    /// <summary>The length of a reversal's reason, from 1 to past the limit.</summary>
    public sealed record ReasonLength(int Length);

    /// <summary>The length of a reference kept outside the ledger's entries (a joint-liability statement's document), from 1 to past the limit.</summary>
    public sealed record ReferenceLength(int Length);

    /// <summary>A history and one more operation, to be reversed.</summary>
    public sealed record ExtraOperation(LedgerRun120 Run, LedgerOp Extra);

    /// <summary>What a member saves and how much more than that they try to withdraw.</summary>
    public sealed record WithdrawalCase(int Saved, int Extra);

    /// <summary>Three members' joining weeks, a deposit pattern, and the weeks of history with the as-of day in the last one.</summary>
    public sealed record SavingsPattern(IReadOnlyList<int> JoinWeeks, IReadOnlyList<int> Pattern, (int Weeks, int AsOfDay) Span)
    {
        public override string ToString() =>
            $"SavingsPattern {{ JoinWeeks = [{string.Join(", ", JoinWeeks)}], Pattern = [{string.Join(", ", Pattern)}], Span = {Span} }}";
    }

    /// <summary>An amount a member saves.</summary>
    public sealed record SavedAmount(int Amount);

    /// <summary>Weeks closed, a day in them (modulo) and the kind of entry tried on it.</summary>
    public sealed record ClosedWeekCase(int ClosedWeeks, int DayPick, int Kind);

    /// <summary>A business profit and the profile's IKS share in basis points.</summary>
    public sealed record ProfitShare(int Profit, int Bp);

    /// <summary>A history and the amount of an attempted IKS payout.</summary>
    public sealed record IksPayoutAttempt(LedgerRun300 Run, int Amount);

    /// <summary>A zero or negative amount and the posting operation it is offered to.</summary>
    public sealed record NonPositivePosting(int Raw, int Op);

    /// <summary>A history and the as-of day (modulo the history's span).</summary>
    public sealed record SnapshotCase(LedgerRun300 Run, int DayPick);

    public static Arbitrary<ReferencePosting> ReferencePostings() =>
        (from posting in Gen.Choose(0, 1_000)
         from length in Around(LedgerEntry.MaxReferenceLength)
         select new ReferencePosting(posting, length)).ToArbitrary();

    public static Arbitrary<ReferenceLength> ReferenceLengths() => Around(LedgerEntry.MaxReferenceLength).Select(l => new ReferenceLength(l)).ToArbitrary();

    public static Arbitrary<ReasonLength> ReasonLengths() => Around(LedgerEntry.MaxMemoLength).Select(l => new ReasonLength(l)).ToArbitrary();

    // Both sides of a limit often (the limit itself, one less, one more), any length from 1 to 20 past it otherwise.
    private static Gen<int> Around(int limit) =>
        Gen.Frequency((3, Gen.Elements(limit - 1, limit, limit + 1)), (2, Gen.Choose(1, limit + 20)));

    public static Arbitrary<TamperCase> TamperCases() =>
        (from ops in Ops(80)
         from pick in Gen.Choose(0, 10_000)
         from field in Gen.Choose(0, SavingsRulesTests.TamperableFields - 1)
         select new TamperCase(new LedgerRun80(ops), pick, field)).ToArbitrary();

    public static Arbitrary<DisplacementCase> DisplacementCases() =>
        (from ops in Ops(80)
         from pick in Gen.Choose(0, 10_000)
         from change in Gen.Choose(0, 2)
         select new DisplacementCase(new LedgerRun80(ops), pick, change)).ToArbitrary();

    public static Arbitrary<ReversalPick> ReversalPicks() =>
        (from ops in Ops(60)
         from pick in Gen.Choose(0, 10_000)
         select new ReversalPick(new LedgerRun60(ops), pick)).ToArbitrary();

    public static Arbitrary<ExtraOperation> ExtraOperations() =>
        (from ops in Ops(120)
         from extra in LedgerOps.Op
         select new ExtraOperation(new LedgerRun120(ops), extra)).ToArbitrary();

    public static Arbitrary<WithdrawalCase> WithdrawalCases() =>
        (from saved in Gen.Choose(1, 1_000_000)
         from extra in Gen.Choose(1, 1_000_000)
         select new WithdrawalCase(saved, extra)).ToArbitrary();

    public static Arbitrary<SavingsPattern> SavingsPatterns() =>
        (from joinWeeks in Gen.Choose(0, 4).ListOf(3)
         from pattern in Gen.Choose(0, 7).ListOf(60)
         from span in Gen.Zip(Gen.Choose(1, 20), Gen.Choose(0, 6))
         select new SavingsPattern(joinWeeks.ToList(), pattern.ToList(), span)).ToArbitrary();

    public static Arbitrary<SavedAmount> SavedAmounts() => Gen.Choose(1, 200_000).Select(a => new SavedAmount(a)).ToArbitrary();

    public static Arbitrary<ClosedWeekCase> ClosedWeekCases() =>
        (from closedWeeks in Gen.Choose(1, 8)
         from dayPick in Gen.Choose(0, 1_000)
         from kind in Gen.Choose(0, 4)
         select new ClosedWeekCase(closedWeeks, dayPick, kind)).ToArbitrary();

    public static Arbitrary<ProfitShare> ProfitShares() =>
        (from profit in Gen.Choose(1, int.MaxValue)
         from bp in Gen.Choose(0, 10_000)
         select new ProfitShare(profit, bp)).ToArbitrary();

    public static Arbitrary<IksPayoutAttempt> IksPayoutAttempts() =>
        (from ops in Ops(300)
         from amount in Gen.Choose(1, 100_000)
         select new IksPayoutAttempt(new LedgerRun300(ops), amount)).ToArbitrary();

    public static Arbitrary<NonPositivePosting> NonPositivePostings() =>
        (from raw in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(-1_000_000, -1)))
         from op in Gen.Choose(0, 10)
         select new NonPositivePosting(raw, op)).ToArbitrary();

    public static Arbitrary<SnapshotCase> SnapshotCases() =>
        (from ops in Ops(300)
         from dayPick in Gen.Choose(0, 400)
         select new SnapshotCase(new LedgerRun300(ops), dayPick)).ToArbitrary();
}
