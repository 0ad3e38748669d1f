using FsCheck;
using FsCheck.Fluent;
using KubeCore.Loans;
using NodaTime;
using static KubeCore.Tests.Builders.LoanGenerators;

namespace KubeCore.Tests.RulebookProperties;

/// <summary>The generated inputs of <see cref="PortfolioRulesTests"/>, one small record per input.</summary>
public static class PortfolioRulesArbitraries
{
    private static readonly LocalDate Earliest = new(2010, 1, 1);

    /// <summary>A book of up to 30 loans and an as-of date between 2010 and 2030.</summary>
    public sealed record PortfolioAsOf(IReadOnlyList<LoanAccount> Loans, LocalDate AsOf)
    {
        public override string ToString() => $"PortfolioAsOf {{ AsOf = {AsOf}, Loans = [{string.Join("; ", Loans)}] }}";
    }

    /// <summary>A ratio part / whole, often on or next to a band edge.</summary>
    public sealed record BoundaryRatio(int Part, int Whole);

    /// <summary>A book as of a date with the year's operating costs and other income.</summary>
    public sealed record PortfolioWithCosts(PortfolioAsOf Book, int Costs, int Other);

    /// <summary>A loan account and a date between its disbursement and some months after maturity.</summary>
    public sealed record AccountAsOf(LoanAccount Account, LocalDate AsOf);

    /// <summary>An open account with payments, the latest after the disbursement day.</summary>
    public sealed record AccountWithPayments(LoanAccount Account);

    /// <summary>Installments paid on time, the as-of day after 1 May 2017 and an expense booked before it.</summary>
    public sealed record LaterEntriesCase(int Paid, int Days, int Cost);

    private static Gen<PortfolioAsOf> Books =>
        from loans in Portfolio
        from days in Gen.Choose(0, 7_500)
        select new PortfolioAsOf(loans, Earliest.PlusDays(days));

    public static Arbitrary<PortfolioAsOf> PortfoliosAsOf() => Books.ToArbitrary();

    // Ratios on, just below and just above every band edge (in hundredths of a percent), and anywhere else.
    public static Arbitrary<BoundaryRatio> BoundaryRatios() =>
        (from whole in Gen.Choose(1, 400).Select(m => m * 10_000)
         from basisPoints in Gen.Frequency(
             (2, Gen.Elements(1_000, 2_000, 8_000, 9_000, 10_000, 12_500).SelectMany(edge => Gen.Elements(edge - 1, edge, edge + 1))),
             (1, Gen.Choose(0, 30_000)))
         select new BoundaryRatio(basisPoints * (whole / 10_000), whole)).ToArbitrary();

    public static Arbitrary<PortfolioWithCosts> PortfoliosWithCosts() =>
        (from book in Books
         from costs in Gen.Choose(0, 5_000_000)
         from other in Gen.Choose(0, 1_000_000)
         select new PortfolioWithCosts(book, costs, other)).ToArbitrary();

    public static Arbitrary<AccountAsOf> AccountsAsOf() =>
        Account.SelectMany(a => AsOfDateFor(a).Select(d => new AccountAsOf(a, d))).ToArbitrary();

    public static Arbitrary<AccountWithPayments> AccountsWithPayments() =>
        Account.Where(a => a.Payments.Count > 0 && !a.IsRepaid && a.LastPaymentDate > a.Schedule.DisbursedOn)
            .Select(a => new AccountWithPayments(a)).ToArbitrary();

    public static Arbitrary<LaterEntriesCase> LaterEntriesCases() =>
        (from paid in Gen.Choose(0, 12)
         from days in Gen.Choose(0, 120)
         from cost in Gen.Choose(1, 90_000)
         select new LaterEntriesCase(paid, days, cost)).ToArbitrary();
}
