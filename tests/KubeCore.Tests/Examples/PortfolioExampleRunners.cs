using System.Globalization;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;
using NodaTime;

namespace KubeCore.Tests.Examples;

/// <summary>
/// A loan of a collectibility row: <c>principal</c> (default 1.200.000) over <c>months</c> (default 12) at
/// <c>frequency</c> (default monthly) at the profile's service charge, disbursed on <c>disbursed_on</c> (default
/// 2020-01-15), its first <c>paid_installments</c> (default 0) paid in full on their due dates, assessed as of
/// <c>as_of</c>. Figures: <c>installments_overdue</c>, <c>days_past_due</c>, <c>class</c>, <c>provision</c>.
/// </summary>
internal static class CollectibilityScenario
{
    public static ExampleResult Assess(WorkedExample example, CollectibilityScheme scheme)
    {
        var terms = LoanTerms.Of(Rupiah.Of(example.Long("principal", 1_200_000)), example.Int("months", 12),
            example.Enum("frequency", InstallmentFrequency.Monthly), example.ProgramProfile.Loans.MonthlyServiceCharge);
        var schedule = RepaymentSchedule.Compute(terms, example.Date("disbursed_on", new LocalDate(2020, 1, 15)));
        var account = LoanAccount.Open(schedule);
        foreach (var installment in schedule.Installments.Take(example.Int("paid_installments", 0)))
        {
            account = account.Record(installment.DueDate, installment.Amount);
        }
        var assessment = CollectibilityRules.Assess(account.StatusAsOf(example.Date("as_of")), scheme, example.ProgramProfile);
        return ExampleRunner.Accepted(("installments_overdue", assessment.InstallmentsOverdue), ("days_past_due", assessment.DaysPastDue),
            ("class", assessment.Class), ("provision", assessment.Provision));
    }
}

/// <summary>
/// COL-01: the class of <c>installments_overdue</c> under the profile (figures <c>class</c> and, with
/// <c>outstanding</c>, its <c>provision</c>); or, without it, the class of a loan (see
/// <see cref="CollectibilityScenario"/>).
/// </summary>
internal sealed class Col01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Col01;

    internal override ExampleResult Run(WorkedExample example)
    {
        if (!example.Has("installments_overdue"))
        {
            return CollectibilityScenario.Assess(example, CollectibilityScheme.InstallmentsOverdue);
        }
        var parameters = example.ProgramProfile.Collectibility;
        var kol = CollectibilityRules.ByInstallmentsOverdue(example.Int("installments_overdue"), parameters);
        return Accepted(("class", kol), ("provision", CollectibilityRules.Provision(kol, Rupiah.Of(example.Long("outstanding", 0)), parameters)));
    }
}

/// <summary>
/// COL-02: the class of <c>days_past_due</c> under the profile (figures <c>class</c> and, with <c>outstanding</c>,
/// its <c>provision</c>); or, without it, the class of a loan (see <see cref="CollectibilityScenario"/>).
/// </summary>
internal sealed class Col02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Col02;

    internal override ExampleResult Run(WorkedExample example)
    {
        if (!example.Has("days_past_due"))
        {
            return CollectibilityScenario.Assess(example, CollectibilityScheme.DaysPastDue);
        }
        var parameters = example.ProgramProfile.Collectibility;
        var kol = CollectibilityRules.ByDaysPastDue(example.Int("days_past_due"), parameters);
        return Accepted(("class", kol), ("provision", CollectibilityRules.Provision(kol, Rupiah.Of(example.Long("outstanding", 0)), parameters)));
    }
}

/// <summary>
/// PORT-01: one indicator by <c>indicator</c>: <c>LAR</c> (<c>groups_at_risk</c> / <c>active_groups</c>),
/// <c>PAR</c> (<c>balance_at_risk</c> / <c>balance</c>), <c>RR</c> ((<c>balance</c> − <c>arrears</c>) /
/// <c>balance</c>), <c>CCr</c> (<c>income</c> / <c>costs</c>) or <c>ROI</c> (<c>net_profit</c> × 12 /
/// <c>months</c> / <c>capital</c>). Figures: <c>percent</c> (the ratio × 100, to 2 decimals) and <c>band</c>.
/// </summary>
internal sealed class Port01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Port01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var p = example.ProgramProfile.Portfolio;
        var indicator = example.Text("indicator") switch
        {
            "LAR" => PortfolioIndicators.LoanAtRisk(example.Long("groups_at_risk"), example.Long("active_groups"), p),
            "PAR" => PortfolioIndicators.PortfolioAtRisk(Rupiah.Of(example.Long("balance_at_risk")), Rupiah.Of(example.Long("balance")), p),
            "RR" => PortfolioIndicators.RepaymentRate(Rupiah.Of(example.Long("arrears")), Rupiah.Of(example.Long("balance")), p),
            "CCr" => PortfolioIndicators.CostCoverage(Rupiah.Of(example.Long("income")), Rupiah.Of(example.Long("costs")), p),
            "ROI" => PortfolioIndicators.ReturnOnInvestment(Rupiah.Of(example.Long("net_profit")), Rupiah.Of(example.Long("capital")), example.Int("months"), p),
            var other => throw example.Problem($"indicator '{other}' is not LAR, PAR, RR, CCr or ROI"),
        };
        var percent = indicator.Ratio.Value is { } v ? Math.Round(v * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) : "undefined";
        return Accepted(("percent", percent), ("band", indicator.Band));
    }
}

/// <summary>
/// PORT-02, two cases. A ledger (<c>deposits_on</c>: the first member deposits 10.000 on each date) read as of
/// <c>as_of</c> after every later entry: figures <c>cash_as_of</c> and <c>entries_as_of</c>. Or a loan of 500.000 over
/// 3 months weekly disbursed on Monday 2017-02-06 paid 43.541 on <c>first_paid_on</c> and then on
/// <c>second_paid_on</c>: figure <c>principal_repaid_as_of_first</c>, its position as of the first payment day read
/// after the second payment.
/// </summary>
internal sealed class Port02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Port02;

    internal override ExampleResult Run(WorkedExample example)
    {
        if (example.Has("first_paid_on"))
        {
            var terms = LoanTerms.Of(Rupiah.Of(500_000), 3, InstallmentFrequency.Weekly, example.ProgramProfile.Loans.MonthlyServiceCharge);
            var account = LoanAccount.Open(RepaymentSchedule.Compute(terms, new LocalDate(2017, 2, 6)));
            var first = example.Date("first_paid_on");
            account = account.Record(first, Rupiah.Of(43_541));
            account = account.Record(example.Date("second_paid_on"), Rupiah.Of(43_541));
            return Accepted(("principal_repaid_as_of_first", account.StatusAsOf(first).PrincipalRepaid));
        }
        var (group, ledger) = SavingsScenario.Open(example);
        foreach (var date in example.List("deposits_on").Select(WorkedExample.ParseDate))
        {
            ledger.Deposit(HostToday.Of(date), date, group.Members[0], Rupiah.Of(10_000), "setoran");
        }
        var snapshot = ledger.SnapshotAsOf(example.Date("as_of"));
        return Accepted(("cash_as_of", snapshot.Balances.Cash), ("entries_as_of", snapshot.EntryCount));
    }
}
