using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Tests.Support;

namespace KubeCore.Tests.Common;

public class RupiahTests
{
    /// <summary>An amount and the number of parts to split it into.</summary>
    public sealed record SplitCase(int Amount, int Parts);

    /// <summary>An amount and a rate in basis points.</summary>
    public sealed record RateCase(int Amount, int BasisPoints);

    public static class RupiahArbitraries
    {
        public static Arbitrary<SplitCase> SplitCases() =>
            (from amount in Gen.Choose(0, int.MaxValue)
             from parts in Gen.Choose(1, 520)
             select new SplitCase(amount, parts)).ToArbitrary();

        public static Arbitrary<RateCase> RateCases() =>
            (from amount in Gen.Choose(0, 1_000_000_000)
             from bp in Gen.Choose(0, 10_000)
             select new RateCase(amount, bp)).ToArbitrary();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(RupiahArbitraries)])]
    [Trait("Rule", "SAV-07")]
    public bool Splitting_an_amount_loses_no_rupiah_and_puts_the_remainder_on_the_last_part(SplitCase c)
    {
        var (amount, parts) = c;
        var split = Rupiah.Of(amount).Split(parts);
        return split.Length == parts
            && Rupiah.Sum(split) == Rupiah.Of(amount)
            && split.Take(parts - 1).All(p => p == split[0])
            && split[^1] >= split[0]
            && split[^1] - split[0] < Rupiah.Of(parts);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(RupiahArbitraries)])]
    [Trait("Rule", "SAV-07")]
    public bool A_rate_of_an_amount_is_truncated_toward_zero_never_rounded_up(RateCase c)
    {
        var (amount, bp) = c;
        var charge = Rate.FromBasisPoints(bp).Of(Rupiah.Of(amount));
        var exact = (decimal)amount * bp / 10_000m;
        return charge.Amount == decimal.Truncate(exact) && charge.Amount <= exact;
    }

    [Fact]
    [Trait("Rule", "SAV-07")]
    public void Overflowing_arithmetic_throws_instead_of_wrapping()
    {
        Should.Throw<OverflowException>(() => Rupiah.Of(long.MaxValue) + Rupiah.Of(1));
        Should.Throw<OverflowException>(() => Rupiah.Of(long.MaxValue) * 2);
    }

    [Fact]
    public void Amounts_format_the_Indonesian_way()
    {
        Rupiah.Of(5_000_000).ToString().ShouldBe("Rp 5.000.000");
        Rupiah.Of(-75_000).ToString().ShouldBe("-Rp 75.000");
        Rupiah.Zero.ToString().ShouldBe("Rp 0");
        Rate.FromPercent(1.5m).ToString().ShouldBe("1,5 %");
    }

    [Fact]
    public void The_service_charge_check_of_the_catalogue_holds_exactly()
    {
        // LOAN-04 check: Rp 5.000.000 at 1,5 % a month over 24 months is Rp 1.800.000 of jasa.
        Rate.FromPercent(1.5m).Of(Rupiah.Of(5_000_000), 24).ShouldBe(Rupiah.Of(1_800_000));
        Rate.FromPercent(1.5m).Of(Rupiah.Of(5_000_000)).ShouldBe(Rupiah.Of(75_000));
    }

    [Fact]
    public void Rates_compare_shares_exactly()
    {
        var thirtyPercent = Rate.FromPercent(30);
        thirtyPercent.IsMetBy(3, 10).ShouldBeTrue();
        thirtyPercent.IsMetBy(2, 10).ShouldBeFalse();
        Rate.FromPercent(50).IsExceededBy(5, 10).ShouldBeFalse();
        Rate.FromPercent(50).IsExceededBy(6, 10).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => Rate.FromPercent(1.505m));
    }
}
