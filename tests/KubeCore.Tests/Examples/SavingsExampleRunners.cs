using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;
using NodaTime;

namespace KubeCore.Tests.Examples;

/// <summary>
/// The savings ledger of a row: a group of <c>members</c> (default 10) current members under the row's profile, books
/// opened on <c>opened_on</c> (default Monday 6 January 2020, after every built-in profile takes effect).
/// </summary>
internal static class SavingsScenario
{
    /// <summary>Monday 6 January 2020: the default opening day of a row's books.</summary>
    public static readonly LocalDate DefaultStart = new(2020, 1, 6);

    public static (TestGroup Group, SavingsLedger Ledger) Open(WorkedExample example)
    {
        var group = new TestGroup(example.ProgramProfile, example.Int("members", 10));
        var ledger = SavingsLedger.Open(group, example.Date("opened_on", DefaultStart), EntryId.New());
        return (group, ledger);
    }

    /// <summary>The host's today: the row's <c>today</c>, or the operation's own date.</summary>
    public static HostToday Today(WorkedExample example, LocalDate date) => HostToday.Of(example.Date("today", date));
}

/// <summary>
/// SAV-01: every other member deposits <c>others_save</c> (default 0) and the first member deposits <c>saved</c>
/// (default 50.000) on the opening day and withdraws <c>withdrawn</c> (default 0); then the entry named by <c>reverse</c> (<c>deposit</c>, <c>reversal</c> — the reversal of that
/// deposit —, <c>opening</c>, <c>week_close</c> or <c>unknown</c>) is reversed, a second time when
/// <c>reverse_twice</c>, for the reason <c>reason</c> (default "salah catat"; YAML escapes for invisible characters; or a
/// reason of <c>reason_length</c> letters) with a reference of <c>reference_length</c> letters (default none).
/// Figures: <c>entries</c>, the member's <c>savings</c>, <c>chain_intact</c>.
/// </summary>
internal sealed class Sav01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Sav01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, ledger) = SavingsScenario.Open(example);
        var day = ledger.OpenedOn;
        var today = HostToday.Of(day.PlusDays(7));
        var member = group.Members[0];
        if (example.Long("others_save", 0) is > 0 and var others)
        {
            foreach (var other in group.Members.Skip(1))
            {
                ledger.Deposit(today, day, other, Rupiah.Of(others), "setoran awal");
            }
        }
        var deposit = ledger.Deposit(today, day, member, Rupiah.Of(example.Long("saved", 50_000)), "setoran awal");
        var withdrawn = example.Long("withdrawn", 0);
        if (withdrawn > 0)
        {
            ledger.Withdraw(today, day, member, Rupiah.Of(withdrawn), "penarikan");
        }
        var target = example.Text("reverse", "deposit") switch
        {
            "deposit" => deposit.Id,
            "opening" => ledger.Entries[0].Id,
            "unknown" => EntryId.New(),
            "reversal" => ledger.Reverse(today, day, deposit.Id, "salah catat").Id,
            "week_close" => ledger.CloseWeek(HostToday.Of(ledger.NextWeekToClose.End), ledger.NextWeekToClose, ledger.NextWeekToClose.End).CloseEntry,
            var other => throw example.Problem($"reverse '{other}' is not deposit, reversal, opening, week_close or unknown"),
        };
        var on = ledger.LastBookDate;
        if (example.Bool("reverse_twice", false))
        {
            ledger.Reverse(HostToday.Of(on), on, target, "salah catat");
        }
        var reason = example.Has("reason_length") ? new string('r', example.Int("reason_length")) : example.Text("reason", "salah catat");
        var reference = example.Has("reference_length") ? new string('R', example.Int("reference_length")) : null;
        ledger.Reverse(HostToday.Of(on), on, target, reason, reference);
        return Accepted(("entries", ledger.Count), ("savings", ledger.SavingsOf(member)), ("chain_intact", ledger.VerifyChain().IsIntact));
    }
}

/// <summary>
/// SAV-02: the first member deposits <c>saved</c>; then either withdraws <c>withdraw</c>, or (with <c>capital</c>)
/// the group adds that loan capital and disburses a loan of <c>disburse</c> to the member. Figures: the member's
/// <c>savings</c> and the <c>loan_fund_available</c> after.
/// </summary>
internal sealed class Sav02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Sav02;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, ledger) = SavingsScenario.Open(example);
        var day = ledger.OpenedOn;
        var today = HostToday.Of(day);
        var member = group.Members[0];
        ledger.Deposit(today, day, member, Rupiah.Of(example.Long("saved")), "setoran");
        if (example.Has("withdraw"))
        {
            ledger.Withdraw(today, day, member, Rupiah.Of(example.Long("withdraw")), "penarikan");
        }
        if (example.Has("disburse"))
        {
            var capital = example.Long("capital", 0);
            if (capital > 0)
            {
                ledger.AddLoanCapital(today, day, Rupiah.Of(capital), "modal");
            }
            ledger.DisburseLoan(today, day, LoanId.New(), member, Rupiah.Of(example.Long("disburse")), "pencairan");
        }
        return Accepted(("savings", ledger.SavingsOf(member)), ("loan_fund_available", ledger.Balances.LoanFundAvailable));
    }
}

/// <summary>
/// SAV-03: every member deposits <c>each_saves</c>; the group books <c>profit</c> (its IKS share goes to the fund),
/// <c>grant</c>, loan <c>capital</c>, lends <c>lend</c> to the first member who repays <c>repay_principal</c> +
/// <c>repay_jasa</c>, and pays <c>expense</c> (each optional). Figures: <c>cash</c>, <c>member_savings</c>, <c>iks</c>,
/// <c>grant_balance</c>, <c>loan_fund</c>, <c>outstanding</c>, <c>service_charges</c>, <c>expenses</c>, and
/// <c>conserved</c> (cash equals the right-hand side of the identity).
/// </summary>
internal sealed class Sav03Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Sav03;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, ledger) = SavingsScenario.Open(example);
        var day = ledger.OpenedOn;
        var today = HostToday.Of(day);
        foreach (var member in group.Members)
        {
            ledger.Deposit(today, day, member, Rupiah.Of(example.Long("each_saves")), "setoran");
        }
        if (example.Long("profit", 0) is > 0 and var profit)
        {
            ledger.RecordBusinessProfit(today, day, Rupiah.Of(profit), "laba");
        }
        if (example.Long("grant", 0) is > 0 and var grant)
        {
            ledger.CreditGrant(today, day, Rupiah.Of(grant), "bantuan");
        }
        if (example.Long("capital", 0) is > 0 and var capital)
        {
            ledger.AddLoanCapital(today, day, Rupiah.Of(capital), "modal");
        }
        if (example.Long("lend", 0) is > 0 and var lend)
        {
            var loan = LoanId.New();
            ledger.DisburseLoan(today, day, loan, group.Members[0], Rupiah.Of(lend), "pencairan");
            var principal = example.Long("repay_principal", 0);
            var jasa = example.Long("repay_jasa", 0);
            if (principal > 0 || jasa > 0)
            {
                ledger.RecordRepayment(today, day, loan, Rupiah.Of(principal), Rupiah.Of(jasa), "angsuran");
            }
        }
        if (example.Long("expense", 0) is > 0 and var expense)
        {
            ledger.RecordExpense(today, day, Rupiah.Of(expense), "biaya");
        }
        var b = ledger.Balances;
        var savings = Rupiah.Sum(group.Members.Select(ledger.SavingsOf));
        var rhs = savings + b.Iks + b.Grant + b.LoanFund - b.OutstandingPrincipal + b.ServiceChargeIncome - b.Expenses;
        return Accepted(("cash", b.Cash), ("member_savings", savings), ("iks", b.Iks), ("grant_balance", b.Grant), ("loan_fund", b.LoanFund),
            ("outstanding", b.OutstandingPrincipal), ("service_charges", b.ServiceChargeIncome), ("expenses", b.Expenses),
            ("conserved", b.Cash == rhs && ledger.CheckConservation()));
    }
}

/// <summary>
/// SAV-04: for <c>weeks</c> weeks from the opening Monday, member <c>i</c> deposits <c>deposits[i]</c> every Wednesday
/// (0: nothing); the arrears report is read as of <c>as_of</c> (default the last week's Sunday). With
/// <c>depositor: former_member</c> the last member leaves and then tries to deposit, with <c>outsider</c> a person who
/// never joined does. Figures per member, separated by <c>/</c>: <c>weeks_covered</c>, <c>shortfall</c>; and the
/// common <c>weeks_due</c> and the <c>weekly_amount</c>.
/// </summary>
internal sealed class Sav04Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Sav04;

    internal override ExampleResult Run(WorkedExample example)
    {
        var amounts = example.List("deposits").Select(WorkedExample.ParseLong).ToList();
        var (group, ledger) = SavingsScenario.Open(example);
        var start = ledger.OpenedOn;
        var weeks = example.Int("weeks", 1);
        for (var w = 0; w < weeks; w++)
        {
            var date = start.PlusWeeks(w).PlusDays(2);
            for (var m = 0; m < amounts.Count; m++)
            {
                if (amounts[m] > 0)
                {
                    ledger.Deposit(HostToday.Of(date), date, group.Members[m], Rupiah.Of(amounts[m]), "tabungan rutin");
                }
            }
        }
        var asOf = example.Date("as_of", start.PlusWeeks(weeks - 1).PlusDays(6));
        switch (example.Text("depositor", "member"))
        {
            case "former_member":
                var leaver = group.Members[^1];
                group.Leave(leaver);
                ledger.Deposit(HostToday.Of(asOf), asOf, leaver, Rupiah.Of(5_000), "tabungan rutin");
                break;
            case "outsider":
                ledger.Deposit(HostToday.Of(asOf), asOf, PersonId.New(), Rupiah.Of(5_000), "tabungan rutin");
                break;
            case "member":
                break;
            case var other:
                throw example.Problem($"depositor '{other}' is not member, former_member or outsider");
        }
        var report = ledger.SavingsArrears(asOf);
        var lines = group.Members.Take(amounts.Count).Select(m => report.Members.Single(l => l.Member == m)).ToList();
        return Accepted(
            ("weekly_amount", report.WeeklyAmount),
            ("weeks_due", lines[0].WeeksDue),
            ("weeks_covered", string.Join('/', lines.Select(l => l.WeeksCovered))),
            ("shortfall", string.Join('/', lines.Select(l => l.Shortfall.Amount))));
    }
}

/// <summary>
/// SAV-05: the first member deposits <c>saved</c> (default 5.000) on the opening Monday's Wednesday; the first week is
/// closed on <c>close_on</c> (with <c>close_second_week_first</c> the second week is tried first); then, when given, a
/// deposit of 5.000 is dated <c>then_deposit_on</c>. Figures: the close's <c>deposits</c>, <c>reconciles</c> and
/// <c>closed_through</c>.
/// </summary>
internal sealed class Sav05Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Sav05;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, ledger) = SavingsScenario.Open(example);
        var week = ledger.NextWeekToClose;
        var wednesday = week.Start.PlusDays(2);
        ledger.Deposit(HostToday.Of(wednesday), wednesday, group.Members[0], Rupiah.Of(example.Long("saved", 5_000)), "tabungan rutin");
        var closeOn = example.Date("close_on", week.End);
        if (example.Bool("close_second_week_first", false))
        {
            ledger.CloseWeek(HostToday.Of(closeOn), week.Next, closeOn);
        }
        var close = ledger.CloseWeek(HostToday.Of(closeOn), week, closeOn);
        if (example.Has("then_deposit_on"))
        {
            var date = example.Date("then_deposit_on");
            ledger.Deposit(HostToday.Of(Max(date, closeOn)), date, group.Members[1], Rupiah.Of(5_000), "tabungan rutin");
        }
        return Accepted(("deposits", close.Totals.Deposits), ("reconciles", close.Totals.Reconciles), ("closed_through", ledger.ClosedThrough!.Value));
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}

/// <summary>
/// SAV-06: the group books a business <c>profit</c> (its IKS share goes to the fund); then, when given,
/// <c>spend_iks</c> is spent on a member for <c>purpose</c> (default <c>SocialNeed</c>) described as <c>description</c>
/// (default "bantuan anggota sakit"), or <c>move_to</c> (<c>savings</c> or <c>loan_fund</c>)
/// tries to move <c>amount</c> of IKS there. Figures: <c>iks</c> after and <c>retained</c> (profit − IKS share).
/// </summary>
internal sealed class Sav06Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Sav06;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, ledger) = SavingsScenario.Open(example);
        var day = ledger.OpenedOn;
        var today = HostToday.Of(day);
        var profit = example.Long("profit");
        ledger.RecordBusinessProfit(today, day, Rupiah.Of(profit), "laba usaha");
        var share = ledger.Balances.Iks;
        if (example.Has("spend_iks"))
        {
            ledger.SpendIks(today, day, Rupiah.Of(example.Long("spend_iks")), example.Enum("purpose", IksPurpose.SocialNeed), example.Text("description", "bantuan anggota sakit"), group.Members[4]);
        }
        if (example.Has("move_to"))
        {
            var to = example.Text("move_to") switch
            {
                "savings" => LedgerAccount.MemberSavings(group.Members[0]),
                "loan_fund" => LedgerAccount.LoanFund,
                var other => throw example.Problem($"move_to '{other}' is not savings or loan_fund"),
            };
            ledger.TransferBetweenFunds(today, day, LedgerAccount.Iks, to, Rupiah.Of(example.Long("amount")), "pindah dana");
        }
        return Accepted(("iks", ledger.Balances.Iks), ("retained", profit - share.Amount));
    }
}

/// <summary>
/// SAV-07: the ledger (every member having deposited 50.000, loan capital 1.000.000) takes one posting of
/// <c>amount</c> by <c>operation</c>: <c>deposit</c>, <c>withdrawal</c>, <c>expense</c>, <c>loan_capital</c>,
/// <c>profit</c>, <c>grant</c> or <c>iks_spend</c>. Figures: <c>amount</c> posted and <c>entries</c>.
/// </summary>
internal sealed class Sav07Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Sav07;

    internal override ExampleResult Run(WorkedExample example)
    {
        var group = new TestGroup(example.ProgramProfile, 10);
        var ledger = LedgerBuilders.FundedLedger(group, openedOn: SavingsScenario.DefaultStart);
        ledger.RecordBusinessProfit(HostToday.Of(SavingsScenario.DefaultStart), SavingsScenario.DefaultStart, Rupiah.Of(100_000), "laba");
        var day = SavingsScenario.DefaultStart;
        var today = HostToday.Of(day);
        var amount = Rupiah.Of(example.Long("amount"));
        var entry = example.Text("operation") switch
        {
            "deposit" => ledger.Deposit(today, day, group.Members[0], amount),
            "withdrawal" => ledger.Withdraw(today, day, group.Members[0], amount),
            "expense" => ledger.RecordExpense(today, day, amount),
            "loan_capital" => ledger.AddLoanCapital(today, day, amount),
            "profit" => ledger.RecordBusinessProfit(today, day, amount),
            "grant" => ledger.CreditGrant(today, day, amount),
            "iks_spend" => ledger.SpendIks(today, day, amount, "bantuan"),
            var other => throw example.Problem($"operation '{other}' is unknown"),
        };
        return Accepted(("amount", entry.Amount), ("entries", ledger.Count));
    }
}

/// <summary>
/// SAV-08: the first member deposits <c>amount</c> on the opening day (a second deposit of <c>then</c> when given, a
/// withdrawal of <c>withdraw</c> when given).
/// Figures: the member's <c>savings</c> and the profile's <c>ceiling</c>.
/// </summary>
internal sealed class Sav08Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Sav08;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, ledger) = SavingsScenario.Open(example);
        var day = ledger.OpenedOn;
        var member = group.Members[0];
        var count = ledger.Count;
        ledger.Deposit(HostToday.Of(day), day, member, Rupiah.Of(example.Long("amount")), "setoran");
        if (example.Has("then"))
        {
            ledger.Deposit(HostToday.Of(day), day, member, Rupiah.Of(example.Long("then")), "setoran");
        }
        if (example.Has("withdraw"))
        {
            ledger.Withdraw(HostToday.Of(day), day, member, Rupiah.Of(example.Long("withdraw")), "penarikan");
        }
        return Accepted(("savings", ledger.SavingsOf(member)), ("ceiling", example.ProgramProfile.Savings.MaxSingleAmount), ("entries_added", ledger.Count - count));
    }
}

/// <summary>
/// SAV-09: with the host's <c>today</c>, the first member deposits 5.000 dated <c>date</c> (<c>operation: deposit</c>,
/// the default), or the first week is closed on <c>date</c> (<c>operation: close_week</c>). Figure: <c>entries</c>.
/// </summary>
internal sealed class Sav09Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Sav09;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (group, ledger) = SavingsScenario.Open(example);
        var today = HostToday.Of(example.Date("today"));
        var date = example.Date("date");
        switch (example.Text("operation", "deposit"))
        {
            case "deposit":
                ledger.Deposit(today, date, group.Members[0], Rupiah.Of(5_000), "setoran");
                break;
            case "close_week":
                ledger.CloseWeek(today, ledger.NextWeekToClose, date);
                break;
            case var other:
                throw example.Problem($"operation '{other}' is not deposit or close_week");
        }
        return Accepted(("entries", ledger.Count));
    }
}
