using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Tests.Builders;

/// <summary>Builds loan terms, schedules and accounts for tests.</summary>
public sealed class LoanAccountBuilder
{
    private Rupiah _principal = Rupiah.Of(500_000);
    private int _termMonths = 3;
    private InstallmentFrequency _frequency = InstallmentFrequency.Weekly;
    private Rate _rate = Rate.FromPercent(1.5m);
    private LocalDate _disbursedOn = new(2017, 2, 6);
    private readonly List<Payment> _payments = [];

    public LoanAccountBuilder Of(long principal) { _principal = Rupiah.Of(principal); return this; }

    public LoanAccountBuilder Over(int months, InstallmentFrequency frequency) { _termMonths = months; _frequency = frequency; return this; }

    public LoanAccountBuilder At(decimal percentPerMonth) { _rate = Rate.FromPercent(percentPerMonth); return this; }

    public LoanAccountBuilder DisbursedOn(LocalDate date) { _disbursedOn = date; return this; }

    public LoanAccountBuilder Paying(LocalDate date, long amount) { _payments.Add(new Payment(date, Rupiah.Of(amount))); return this; }

    /// <summary>Pays every installment in full on its due date, for the first <paramref name="count"/> installments.</summary>
    public LoanAccountBuilder PayingOnTime(int count)
    {
        var schedule = Schedule();
        foreach (var installment in schedule.Installments.Take(count))
        {
            _payments.Add(new Payment(installment.DueDate, installment.Amount));
        }
        return this;
    }

    public LoanTerms Terms() => LoanTerms.Of(_principal, _termMonths, _frequency, _rate);

    public RepaymentSchedule Schedule() => RepaymentSchedule.Compute(Terms(), _disbursedOn);

    public LoanAccount Build()
    {
        var account = LoanAccount.Open(Schedule());
        foreach (var payment in _payments)
        {
            account = account.Record(payment.Date, payment.Amount);
        }
        return account;
    }
}

/// <summary>Generators of loans and payment histories, valid by construction.</summary>
public static class LoanGenerators
{
    public static LoanAccountBuilder ALoan() => new();

    public static Gen<InstallmentFrequency> Frequency => Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly);

    public static Gen<LocalDate> DisbursementDate =>
        from days in Gen.Choose(0, 6_000)
        select new LocalDate(2010, 1, 1).PlusDays(days);

    /// <summary>Any calculable terms: principal Rp 1 .. Rp 50.000.000, 1..36 months, 0..5 % a month.</summary>
    public static Gen<LoanTerms> Terms =>
        from principal in Gen.Frequency((1, Gen.Choose(1, 500)), (6, Gen.Choose(1, 50_000_000)))
        from months in Gen.Choose(1, 36)
        from frequency in Frequency
        from bp in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(150)), (3, Gen.Choose(0, 500)))
        select LoanTerms.Of(Rupiah.Of(principal), months, frequency, Rate.FromBasisPoints(bp));

    public static Gen<RepaymentSchedule> Schedule =>
        from terms in Terms
        from start in DisbursementDate
        select RepaymentSchedule.Compute(terms, start);

    /// <summary>
    /// A payment history of a schedule: dates in order from disbursement to some weeks after maturity,
    /// amounts around the installment (partial, full, double), capped at what is still owed.
    /// </summary>
    public static Gen<IReadOnlyList<Payment>> PaymentsFor(RepaymentSchedule schedule)
    {
        var span = Period.DaysBetween(schedule.DisbursedOn, schedule.MaturityDate) + 90;
        var installment = (int)Math.Min(int.MaxValue / 3, Math.Max(1, schedule.RegularInstallment.Amount));
        var payment =
            from offset in Gen.Choose(0, span)
            from amount in Gen.Frequency(
                (3, Gen.Constant(installment)),
                (2, Gen.Choose(1, installment)),
                (1, Gen.Choose(installment, installment * 3)))
            select (offset, amount);
        return
            from raw in Gen.Choose(0, schedule.Count + 4).SelectMany(n => payment.ListOf(n))
            select Cap(schedule, raw);
    }

    private static IReadOnlyList<Payment> Cap(RepaymentSchedule schedule, IEnumerable<(int Offset, int Amount)> raw)
    {
        var owed = schedule.Total.Amount;
        var result = new List<Payment>();
        foreach (var (offset, amount) in raw.OrderBy(p => p.Offset))
        {
            var pay = Math.Min(amount, owed);
            if (pay <= 0)
            {
                break;
            }
            result.Add(new Payment(schedule.DisbursedOn.PlusDays(offset), Rupiah.Of(pay)));
            owed -= pay;
        }
        return result;
    }

    /// <summary>A loan account with a random payment history.</summary>
    public static Gen<LoanAccount> Account =>
        from schedule in Schedule
        from payments in PaymentsFor(schedule)
        select RecordAll(schedule, payments);

    public static LoanAccount RecordAll(RepaymentSchedule schedule, IEnumerable<Payment> payments)
    {
        var account = LoanAccount.Open(schedule);
        foreach (var payment in payments)
        {
            account = account.Record(payment.Date, payment.Amount);
        }
        return account;
    }

    /// <summary>A date between the disbursement and some months after maturity.</summary>
    public static Gen<LocalDate> AsOfDateFor(LoanAccount account) =>
        Gen.Choose(0, Period.DaysBetween(account.Schedule.DisbursedOn, account.Schedule.MaturityDate) + 120)
            .Select(d => account.Schedule.DisbursedOn.PlusDays(d));

    /// <summary>A portfolio of up to 30 loans (possibly empty) with random histories.</summary>
    public static Gen<IReadOnlyList<LoanAccount>> Portfolio =>
        Gen.Choose(0, 30).SelectMany(n => Account.ListOf(n)).Select(l => (IReadOnlyList<LoanAccount>)l.ToList());

    public static ProgramProfile Profile => ProgramProfiles.KsmP2kp;
}
