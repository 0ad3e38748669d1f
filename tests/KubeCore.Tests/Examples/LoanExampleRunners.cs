using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;
using NodaTime;

namespace KubeCore.Tests.Examples;

/// <summary>
/// The revolving fund of a row: a group of <c>members</c> (default 10) under the row's profile whose books open on
/// <c>savings_from</c> (default Monday 6 January 2020) with loan <c>capital</c> (default 5.000.000); every member
/// deposits <c>weekly</c> (default 5.000) on each of the first <c>savings_weeks</c> Mondays (default 4); every member
/// signs the joint-liability statement on the first day except the last <c>unsigned</c> (default 0). The day after
/// the savings history (<see cref="LoanFundBuilder.SavingsEnd"/>) is the default day of the row's operation.
/// </summary>
internal static class LoanScenario
{
    public static readonly LocalDate DefaultStart = new(2020, 1, 6);

    public static (LoanTestGroup Group, SavingsLedger Ledger, LoanRevolving Fund, LocalDate End) Build(WorkedExample example)
    {
        var start = example.Date("savings_from", DefaultStart);
        var unsigned = example.Int("unsigned", 0);
        var builder = new LoanFundBuilder()
            .WithProfile(example.ProgramProfile)
            .WithMembers(example.Int("members", 10))
            .StartingOn(start)
            .SavingWeekly(example.Int("savings_weeks", 4), example.Long("weekly", 5_000))
            .WithCapital(example.Long("capital", 5_000_000))
            .WithIks(example.Long("iks", 0))
            .WithoutStatements();
        var (group, ledger, fund) = builder.Build();
        foreach (var member in group.Members.Take(group.Members.Count - unsigned))
        {
            fund.SignJointLiabilityStatement(member, start, "Pernyataan kesanggupan tanggung renteng");
        }
        return (group, ledger, fund, builder.SavingsEnd);
    }

    /// <summary>A loan application of <paramref name="member"/>.</summary>
    public static LoanApplication Application(PersonId member, long principal, int months, InstallmentFrequency frequency, LocalDate on) =>
        new(LoanId.New(), member, Rupiah.Of(principal), months, frequency, "modal usaha warung", on);

    /// <summary>Lends <paramref name="principal"/> and repays it on time, <paramref name="count"/> times; returns the day after the last maturity.</summary>
    public static LocalDate LendAndRepay(LoanRevolving fund, LoanTestGroup group, PersonId member, long principal, int count, LocalDate from)
    {
        var date = from;
        for (var i = 0; i < count; i++)
        {
            var loan = fund.Lend(group, member, principal, date);
            fund.PayOnTime(loan, loan.Schedule!.MaturityDate);
            date = loan.Schedule.MaturityDate.PlusDays(1);
        }
        return date;
    }
}

/// <summary>
/// LOAN-01: <c>gate: internal</c> (default) — a member (or with <c>borrower: outsider</c> a person who is not one)
/// applies for 300.000 over 3 months weekly on <c>asks_on</c>; <c>gate: upk</c> — the group borrows
/// <c>amount</c> (default 10.000.000) from the UPK on <c>asks_on</c>. Figure: <c>savings_months</c> (consecutive
/// complete months of savings before the month of <c>asks_on</c>).
/// </summary>
internal sealed class Loan01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Loan01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, _, fund, end) = LoanScenario.Build(example);
        var asksOn = example.Date("asks_on", end);
        var months = fund.ConsecutiveSavingsMonths(asksOn);
        switch (example.Text("gate", "internal"))
        {
            case "internal":
                var borrower = example.Text("borrower", "member") == "outsider" ? PersonId.New() : group.Ordinary[0];
                fund.Apply(LoanScenario.Application(borrower, 300_000, 3, InstallmentFrequency.Weekly, asksOn));
                break;
            case "upk":
                fund.BorrowFromUpk(HostToday.Of(asksOn), asksOn, Rupiah.Of(example.Long("amount", 10_000_000)), "pinjaman UPK");
                break;
            case var other:
                throw example.Problem($"gate '{other}' is not internal or upk");
        }
        return Accepted(("savings_months", months));
    }
}

/// <summary>
/// LOAN-02: an ordinary member first borrows and repays on time <c>previous_loans</c> loans (default 0) of
/// <c>previous_principal</c> (default 500.000, 3 months weekly), optionally keeps one more open
/// (<c>open_loan: true</c>), then applies for <c>principal</c> over 3 months weekly. Figure: <c>loan_number</c>
/// (this loan's place among the member's loans).
/// </summary>
internal sealed class Loan02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Loan02;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, _, fund, end) = LoanScenario.Build(example);
        var member = group.Ordinary[0];
        var date = LoanScenario.LendAndRepay(fund, group, member, example.Long("previous_principal", 500_000), example.Int("previous_loans", 0), end);
        if (example.Bool("open_loan", false))
        {
            fund.Lend(group, member, 100_000, date);
        }
        var loan = fund.Apply(LoanScenario.Application(member, example.Long("principal"), 3, InstallmentFrequency.Weekly, date));
        return Accepted(("loan_number", fund.Loans.Count(l => l.Borrower == member && l.Id != loan.Id) + 1));
    }
}

/// <summary>
/// LOAN-03: a member's first loan of 500.000 over <c>months</c> at <c>frequency</c> is applied for, approved and
/// disbursed the day after the savings history. Figures: <c>installments</c> and <c>maturity</c>.
/// </summary>
internal sealed class Loan03Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Loan03;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, _, fund, end) = LoanScenario.Build(example);
        var loan = fund.Lend(group, group.Ordinary[0], 500_000, end, example.Int("months"), example.Enum<InstallmentFrequency>("frequency"));
        return Accepted(("installments", loan.Schedule!.Count), ("maturity", loan.Schedule.MaturityDate));
    }
}

/// <summary>
/// LOAN-04: the repayment schedule of <c>principal</c> over <c>months</c> at <c>frequency</c>, disbursed on
/// <c>disbursed_on</c> (default 2020-02-03), at the profile's monthly service charge. Figures: <c>installments</c>,
/// <c>total_jasa</c>, <c>regular_installment</c>, <c>last_installment</c>, <c>total</c>, <c>first_due</c>,
/// <c>last_due</c>.
/// </summary>
internal sealed class Loan04Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Loan04;

    internal override ExampleResult Run(WorkedExample example)
    {
        var terms = LoanTerms.Of(Rupiah.Of(example.Long("principal")), example.Int("months"), example.Enum<InstallmentFrequency>("frequency"),
            example.ProgramProfile.Loans.MonthlyServiceCharge);
        var schedule = RepaymentSchedule.Compute(terms, example.Date("disbursed_on", new LocalDate(2020, 2, 3)));
        return Accepted(
            ("installments", schedule.Count),
            ("total_jasa", schedule.TotalServiceCharge),
            ("regular_installment", schedule.Installments[0].Amount),
            ("last_installment", schedule.Installments[^1].Amount),
            ("total", schedule.Total),
            ("first_due", schedule.Installments[0].DueDate),
            ("last_due", schedule.Installments[^1].DueDate));
    }
}

/// <summary>
/// LOAN-05: a loan of <c>principal</c> (default 500.000) over <c>months</c> (default 3) at <c>frequency</c> (default
/// weekly) at the profile's service charge, disbursed on <c>disbursed_on</c> (default Monday 2017-02-06); its first
/// <c>paid_installments</c> (default 0) are paid in full on their due dates; then <c>amount</c> is paid on
/// <c>pay_on</c>. Figures: the allocation — <c>jasa</c> (due), <c>overdue_principal</c>, <c>current_principal</c>,
/// <c>prepaid_jasa</c>, <c>prepaid_principal</c>.
/// </summary>
internal sealed class Loan05Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Loan05;

    internal override ExampleResult Run(WorkedExample example)
    {
        var terms = LoanTerms.Of(Rupiah.Of(example.Long("principal", 500_000)), example.Int("months", 3),
            example.Enum("frequency", InstallmentFrequency.Weekly), example.ProgramProfile.Loans.MonthlyServiceCharge);
        var schedule = RepaymentSchedule.Compute(terms, example.Date("disbursed_on", new LocalDate(2017, 2, 6)));
        var account = LoanAccount.Open(schedule);
        foreach (var installment in schedule.Installments.Take(example.Int("paid_installments", 0)))
        {
            account = account.Record(installment.DueDate, installment.Amount);
        }
        var before = account.Payments.Count;
        var after = account.Record(example.Date("pay_on"), Rupiah.Of(example.Long("amount")));
        var a = after.Payments[before].Allocation;
        return Accepted(("jasa", a.DueServiceCharge), ("overdue_principal", a.OverduePrincipal), ("current_principal", a.CurrentPrincipal),
            ("prepaid_jasa", a.PrepaidServiceCharge), ("prepaid_principal", a.PrepaidPrincipal));
    }
}

/// <summary>
/// LOAN-06: an ordinary member applies for <c>principal</c> (default 500.000) over 3 months weekly the day after the
/// savings history; a meeting with <c>present</c> of the members (default all) approves it <c>approve_after_days</c>
/// later (default 0; negative: before the application); it is disbursed <c>disburse_after_days</c> after the
/// approval (default 0; negative: before it). The purpose is "modal usaha warung" or, with <c>purpose_length</c>, that
/// many letters; with <c>withdrawal_reason_length</c> the application is withdrawn the same day with a reason of that
/// many letters instead of being approved. Figures: <c>loan_fund_available</c> after the disbursement (or withdrawal).
/// </summary>
internal sealed class Loan06Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Loan06;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, ledger, fund, end) = LoanScenario.Build(example);
        var member = group.Ordinary[0];
        var application = LoanScenario.Application(member, example.Long("principal", 500_000), 3, InstallmentFrequency.Weekly, end);
        if (example.Has("purpose_length"))
        {
            application = application with { Purpose = new string('a', example.Int("purpose_length")) };
        }
        var loan = fund.Apply(application);
        if (example.Has("withdrawal_reason_length"))
        {
            fund.Withdraw(loan.Id, end, new string('a', example.Int("withdrawal_reason_length")));
            return Accepted(("loan_fund_available", ledger.Balances.LoanFundAvailable));
        }
        var approvedOn = end.PlusDays(example.Int("approve_after_days", 0));
        var decision = LoanFundSteps.Approval(group, loan.Id, approvedOn, example.Int("present", group.Members.Count)).Decision;
        fund.Approve(loan.Id, decision, group.Ketua);
        var disburseOn = approvedOn.PlusDays(example.Int("disburse_after_days", 0));
        fund.Disburse(HostToday.Of(disburseOn > end ? disburseOn : end), loan.Id, disburseOn);
        return Accepted(("loan_fund_available", ledger.Balances.LoanFundAvailable));
    }
}

/// <summary>
/// LOAN-07: the first ordinary member borrows 500.000 over 3 months weekly the day after the savings history and pays
/// its first <c>paid_installments</c> (default 0) on their due dates; on <c>asks_after_days</c> after the
/// disbursement, <c>applicant</c> (<c>other</c>, the second ordinary member, default; or <c>borrower</c>, whose loan is
/// still open) applies for 300.000. Figures: <c>installments_overdue</c> of the first loan on that day.
/// </summary>
internal sealed class Loan07Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Loan07;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, _, fund, end) = LoanScenario.Build(example);
        var borrower = group.Ordinary[0];
        var loan = fund.Lend(group, borrower, 500_000, end);
        foreach (var installment in loan.Schedule!.Installments.Take(example.Int("paid_installments", 0)))
        {
            fund.Repay(HostToday.Of(installment.DueDate), loan.Id, installment.DueDate, installment.Amount);
        }
        var asksOn = end.PlusDays(example.Int("asks_after_days"));
        var overdue = fund.StatusOf(loan.Id, asksOn).InstallmentsOverdue;
        var applicant = example.Text("applicant", "other") switch
        {
            "other" => group.Ordinary[1],
            "borrower" => borrower,
            var other => throw example.Problem($"applicant '{other}' is not other or borrower"),
        };
        fund.Apply(LoanScenario.Application(applicant, 300_000, 3, InstallmentFrequency.Weekly, asksOn));
        return Accepted(("installments_overdue", overdue));
    }
}

/// <summary>
/// LOAN-08: the first ordinary member borrows 500.000 over 3 months weekly the day after the savings history and pays
/// nothing; tanggung renteng is asked for <c>cover_after_days</c> after the disbursement. Figures:
/// <c>installments_overdue</c>, <c>arrears</c>, <c>from_borrower</c> (their savings), <c>from_iks</c>,
/// <c>from_members</c>, <c>shortfall</c>.
/// </summary>
internal sealed class Loan08Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Loan08;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, _, fund, end) = LoanScenario.Build(example);
        var loan = fund.Lend(group, group.Ordinary[0], 500_000, end);
        var on = end.PlusDays(example.Int("cover_after_days"));
        var cover = fund.CoverArrears(HostToday.Of(on), loan.Id, on);
        Rupiah From(Func<RentengStep, bool> which) => Rupiah.Sum(cover.Steps.Where(which).Select(s => s.Amount));
        return Accepted(
            ("installments_overdue", cover.InstallmentsOverdue),
            ("arrears", cover.Arrears),
            ("from_borrower", From(s => s.Source == RentengSource.BorrowerSavings)),
            ("from_iks", From(s => s.Source == RentengSource.Iks)),
            ("from_members", From(s => s.Source == RentengSource.MemberSavings)),
            ("shortfall", cover.Shortfall));
    }
}

/// <summary>
/// LOAN-09: with loan <c>capital</c>, the first ordinary member borrows <c>principal</c> (default 500.000, 3 months
/// weekly) the day after the savings history and pays its first <c>paid_installments</c> on their due dates; on the
/// day after the last of them (or the disbursement day) a second member asks for <c>second_principal</c> (approved and
/// disbursed that day) when given. Figures: <c>available_after_lending</c>, <c>principal_repaid</c>,
/// <c>available_after_repayments</c>.
/// </summary>
internal sealed class Loan09Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Loan09;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, ledger, fund, end) = LoanScenario.Build(example);
        var loan = fund.Lend(group, group.Ordinary[0], example.Long("principal", 500_000), end);
        var afterLending = ledger.Balances.LoanFundAvailable;
        var date = end;
        foreach (var installment in loan.Schedule!.Installments.Take(example.Int("paid_installments", 0)))
        {
            fund.Repay(HostToday.Of(installment.DueDate), loan.Id, installment.DueDate, installment.Amount);
            date = installment.DueDate.PlusDays(1);
        }
        var afterRepayments = ledger.Balances.LoanFundAvailable;
        if (example.Has("second_principal"))
        {
            fund.Lend(group, group.Ordinary[1], example.Long("second_principal"), date);
        }
        return Accepted(("available_after_lending", afterLending), ("principal_repaid", fund.GetLoan(loan.Id).Account!.PrincipalRepaid),
            ("available_after_repayments", afterRepayments));
    }
}
