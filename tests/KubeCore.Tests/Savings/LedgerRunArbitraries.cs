using FsCheck;
using FsCheck.Fluent;

namespace KubeCore.Tests.Savings;

/// <summary>
/// Random histories of ledger operations (<see cref="LedgerOps.Op"/>) of a fixed length, one record type per length so
/// a property names the length it runs, and a counterexample prints its operations.
/// </summary>
public static class LedgerRunArbitraries
{
    /// <summary>A history of random ledger operations.</summary>
    public abstract record LedgerRun(IReadOnlyList<LedgerOp> Ops)
    {
        public sealed override string ToString() => $"{GetType().Name} [{string.Join("; ", Ops)}]";
    }

    public sealed record LedgerRun60(IReadOnlyList<LedgerOp> Ops) : LedgerRun(Ops);

    public sealed record LedgerRun80(IReadOnlyList<LedgerOp> Ops) : LedgerRun(Ops);

    public sealed record LedgerRun120(IReadOnlyList<LedgerOp> Ops) : LedgerRun(Ops);

    public sealed record LedgerRun150(IReadOnlyList<LedgerOp> Ops) : LedgerRun(Ops);

    public sealed record LedgerRun250(IReadOnlyList<LedgerOp> Ops) : LedgerRun(Ops);

    public sealed record LedgerRun300(IReadOnlyList<LedgerOp> Ops) : LedgerRun(Ops);

    public sealed record LedgerRun400(IReadOnlyList<LedgerOp> Ops) : LedgerRun(Ops);

    public sealed record LedgerRun1200(IReadOnlyList<LedgerOp> Ops) : LedgerRun(Ops);

    /// <summary><paramref name="length"/> random operations (what <see cref="LedgerOps.Sequence"/> generates).</summary>
    internal static Gen<IReadOnlyList<LedgerOp>> Ops(int length) => LedgerOps.Op.ListOf(length).Select(l => (IReadOnlyList<LedgerOp>)l.ToList());

    public static Arbitrary<LedgerRun60> Runs60() => Ops(60).Select(o => new LedgerRun60(o)).ToArbitrary();

    public static Arbitrary<LedgerRun80> Runs80() => Ops(80).Select(o => new LedgerRun80(o)).ToArbitrary();

    public static Arbitrary<LedgerRun120> Runs120() => Ops(120).Select(o => new LedgerRun120(o)).ToArbitrary();

    public static Arbitrary<LedgerRun150> Runs150() => Ops(150).Select(o => new LedgerRun150(o)).ToArbitrary();

    public static Arbitrary<LedgerRun250> Runs250() => Ops(250).Select(o => new LedgerRun250(o)).ToArbitrary();

    public static Arbitrary<LedgerRun300> Runs300() => Ops(300).Select(o => new LedgerRun300(o)).ToArbitrary();

    public static Arbitrary<LedgerRun400> Runs400() => Ops(400).Select(o => new LedgerRun400(o)).ToArbitrary();

    public static Arbitrary<LedgerRun1200> Runs1200() => Ops(1_200).Select(o => new LedgerRun1200(o)).ToArbitrary();
}
