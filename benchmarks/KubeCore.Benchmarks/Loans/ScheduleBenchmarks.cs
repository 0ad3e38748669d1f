using BenchmarkDotNet.Attributes;
using KubeCore.Common;
using KubeCore.Loans;
using NodaTime;

namespace KubeCore.Benchmarks.Loans;

/// <summary>A 12-installment repayment schedule (LOAN-04): Rp 500.000 over 3 months, weekly, 1,5 % flat jasa per month.</summary>
[MemoryDiagnoser]
public class ScheduleBenchmarks
{
    private LoanTerms _terms;
    private LocalDate _disbursedOn;

    [GlobalSetup]
    public void Setup()
    {
        _terms = LoanTerms.Of(Rupiah.Of(500_000), 3, InstallmentFrequency.Weekly, Rate.FromPercent(1.5m));
        _disbursedOn = new LocalDate(2025, 3, 12);
        if (RepaymentSchedule.Compute(_terms, _disbursedOn).Count != 12)
        {
            throw new InvalidOperationException("The benchmark schedule must have 12 installments.");
        }
    }

    [Benchmark]
    public RepaymentSchedule TwelveInstallments() => RepaymentSchedule.Compute(_terms, _disbursedOn);
}
