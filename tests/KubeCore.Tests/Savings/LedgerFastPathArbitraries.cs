using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace KubeCore.Tests.Savings;

/// <summary>The generated inputs of <see cref="LedgerFastPathTests"/> besides operation histories (<see cref="LedgerRunArbitraries"/>).</summary>
public static class LedgerFastPathArbitraries
{
    /// <summary>An ISO date from year -9998 to 9999, often near the edges of the four-digit years.</summary>
    public sealed record IsoDate(LocalDate Date);

    public static Arbitrary<IsoDate> IsoDates() =>
        Gen.OneOf(Gen.Choose(-9998, 9999), Gen.Choose(1, 12), Gen.Choose(9990, 9999), Gen.Choose(-5, 5))
            .SelectMany(year => Gen.Choose(1, 12).SelectMany(month => Gen.Choose(1, 28).Select(day => new IsoDate(new LocalDate(year, month, day)))))
            .ToArbitrary();
}
