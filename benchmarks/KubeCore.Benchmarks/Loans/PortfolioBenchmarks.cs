using BenchmarkDotNet.Attributes;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Benchmarks.Loans;

/// <summary>
/// PORT-01 (LAR, PAR, RR with the COL-01 breakdown) as of a date over a book of one million loans: weekly and monthly
/// loans of 3 to 12 months disbursed over two years, most repaid on time, some late, some stopped paying.
/// </summary>
[MemoryDiagnoser]
public class PortfolioBenchmarks
{
    private LoanBook _book = null!;
    private LocalDate _asOf;
    private ProgramProfile _profile = null!;

    /// <summary>Loans in the book.</summary>
    [Params(1_000_000)]
    public int Loans { get; set; } = 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        _profile = ProgramProfiles.KsmP2kp;
        _asOf = new LocalDate(2025, 12, 31);
        _book = Build(Loans, _asOf, seed: 7);
    }

    /// <summary>A synthetic book of <paramref name="loans"/> loans with payments up to <paramref name="asOf"/>.</summary>
    public static LoanBook Build(int loans, LocalDate asOf, int seed)
    {
        var random = new Random(seed);
        var builder = new LoanBook.Builder();
        var first = asOf.PlusYears(-2);
        var payments = new List<Payment>(48);
        var rate = Rate.FromPercent(1.5m);
        for (var i = 0; i < loans; i++)
        {
            var weekly = random.Next(3) != 0;
            var months = random.Next(3, 13);
            var principal = Rupiah.Of(random.Next(5, 21) * 100_000L);
            var terms = LoanTerms.Of(principal, months, weekly ? InstallmentFrequency.Weekly : InstallmentFrequency.Monthly, rate);
            var disbursed = first.PlusDays(random.Next(0, 700));
            var schedule = RepaymentSchedule.Compute(terms, disbursed);
            var behaviour = random.Next(100);
            var stopAfter = behaviour < 3 ? random.Next(0, schedule.Count) : int.MaxValue;
            payments.Clear();
            long paid = 0;
            for (var k = 0; k < schedule.Count && k < stopAfter; k++)
            {
                var installment = schedule.Installments[k];
                var date = behaviour < 10 ? installment.DueDate.PlusDays(random.Next(0, 20)) : installment.DueDate;
                if (date > asOf || (payments.Count > 0 && date < payments[^1].Date))
                {
                    break;
                }
                payments.Add(new Payment(date, installment.Amount));
                paid += installment.Amount.Amount;
            }
            builder.Add(terms, disbursed, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(payments));
        }
        return builder.Build();
    }

    [Benchmark]
    public PortfolioReport IndicatorsAsOf() => _book.Evaluate(_asOf, _profile);

    /// <summary>The book (for the quick mode's figures).</summary>
    public LoanBook Book => _book;
}
