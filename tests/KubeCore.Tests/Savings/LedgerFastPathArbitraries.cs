using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace KubeCore.Tests.Savings;

/// <summary>The generated inputs of <see cref="LedgerFastPathTests"/> besides operation histories (<see cref="LedgerRunArbitraries"/>).</summary>
public static class LedgerFastPathArbitraries
{
    /// <summary>The facts of a deposit entry: group, entry and member ids, sequence, day offset from 2000-01-01, amount, reference, and whether it follows an entry.</summary>
    public sealed record PairDeposit(Guid Group, Guid Id, Guid Member, int Sequence, int Days, long Amount, string Reference, bool WithPrevious);

    /// <summary>An ISO date from year -9998 to 9999, often near the edges of the four-digit years.</summary>
    public sealed record IsoDate(LocalDate Date);

    private static Gen<Guid> NonEmptyGuid => ArbMap.Default.GeneratorFor<Guid>().Where(g => g != Guid.Empty);

    public static Arbitrary<PairDeposit> PairDeposits() =>
        (from g in NonEmptyGuid
         from id in NonEmptyGuid
         from member in NonEmptyGuid
         from sequence in Gen.Choose(1, int.MaxValue)
         from days in Gen.Choose(-800_000, 2_900_000)
         from amount in Gen.Choose(1, int.MaxValue).Select(a => (long)a * (a % 7 == 0 ? 4_000_000_000L : 1))
         from reference in Gen.Elements("", "R-1", "kuitansi 0042", "ü€漢", new string('x', 100))
         from withPrevious in ArbMap.Default.GeneratorFor<bool>()
         select new PairDeposit(g, id, member, sequence, days, amount, reference, withPrevious)).ToArbitrary();

    public static Arbitrary<IsoDate> IsoDates() =>
        Gen.OneOf(Gen.Choose(-9998, 9999), Gen.Choose(1, 12), Gen.Choose(9990, 9999), Gen.Choose(-5, 5))
            .SelectMany(year => Gen.Choose(1, 12).SelectMany(month => Gen.Choose(1, 28).Select(day => new IsoDate(new LocalDate(year, month, day)))))
            .ToArbitrary();
}
