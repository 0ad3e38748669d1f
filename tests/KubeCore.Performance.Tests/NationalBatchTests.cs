using KubeCore.NationalBatch;

namespace KubeCore.Performance.Tests;

/// <summary>
/// The national batch at a tiny scale (200 groups), so CI exercises the real pipeline: ledger with hash chain,
/// meetings, schedules and loan accounts, FiveBasicRules every week, collectibility and the loan book.
/// </summary>
public class NationalBatchTests
{
    private static readonly BatchOptions Tiny = new() { Groups = 200, GroupsPerBatch = 50, VerifyEvery = 1, ProgressSeconds = 0 };

    [Fact]
    public void A_small_run_checks_every_group_week_and_its_books_hold()
    {
        var result = NationalBatchRunner.Run(Tiny, TextWriter.Null);
        var t = result.Totals;

        result.IsConsistent.ShouldBeTrue();
        t.Groups.ShouldBe(200);
        t.WeeksChecked.ShouldBe(200 * 52);
        t.ChainsVerified.ShouldBe(200);
        t.ChainFailures.ShouldBe(0);
        t.ConservationFailures.ShouldBe(0);
        for (var rule = 0; rule < 5; rule++)
        {
            (t.RuleStatus[rule, 0] + t.RuleStatus[rule, 1] + t.RuleStatus[rule, 2]).ShouldBe(t.WeeksChecked);
        }
        // Opening, the own capital (a deposit and a transfer per member), the UPK loan, then one entry per operation (a
        // renteng cover posts one entry per step).
        t.OwnCapitalEntries.ShouldBe(200 * 10 * 2);
        t.UpkLoans.ShouldBe(200); // every group saves three months in a row within the year (LOAN-01 b)
        t.Entries.ShouldBe(200 + t.OwnCapitalEntries + t.UpkLoans + t.Deposits + t.Repayments + t.Disbursements + t.RentengSteps + t.WeekCloses + t.BusinessProfits);
    }

    [Fact]
    public void The_activity_is_realistic_rather_than_trivial()
    {
        var t = NationalBatchRunner.Run(Tiny, TextWriter.Null).Totals;

        // Most members save most weeks, but not all of them every week.
        ((double)t.Deposits / (200 * 10 * 52)).ShouldBeInRange(0.9, 0.995);
        // Groups lend and members repay weekly; some arrears end in tanggung renteng.
        t.Disbursements.ShouldBeGreaterThan(200);
        t.Repayments.ShouldBeGreaterThan(t.Disbursements * 5);
        t.RentengCovers.ShouldBeGreaterThan(0);
        // Every rule is sometimes broken, and mostly kept.
        for (var rule = 0; rule < 5; rule++)
        {
            t.RuleStatus[rule, 0].ShouldBeGreaterThan(t.RuleStatus[rule, 1]);
            t.RuleStatus[rule, 1].ShouldBeGreaterThan(0);
        }
        // FIVE-04 applies from the first week (LOAN-01 a): members who ask borrow from the group's own capital at once,
        // and the UPK loan follows after three whole months of savings (LOAN-01 b): January to March 2025, so at the
        // first monthly check in April, the group's 13th week.
        t.RuleStatus[3, 2].ShouldBe(0);
        t.FirstWeekDisbursements.ShouldBeGreaterThan(0);
        t.DisbursementsBeforeUpkLoan.ShouldBeGreaterThan(t.FirstWeekDisbursements);
        t.UpkLoanWeeks.ShouldBe(200 * 13);
        t.KolLoans[0].ShouldBeGreaterThan(t.KolLoans[1]);
    }

    [Fact]
    public void Streaming_in_parallel_gives_the_same_totals_as_one_thread()
    {
        var one = NationalBatchRunner.Run(Tiny with { Threads = 1, GroupsPerBatch = 200 }, TextWriter.Null).Totals;
        var two = NationalBatchRunner.Run(Tiny with { Threads = 2, GroupsPerBatch = 7 }, TextWriter.Null).Totals;

        two.Entries.ShouldBe(one.Entries);
        two.WeeksAllKept.ShouldBe(one.WeeksAllKept);
        two.KolLoans.ShouldBe(one.KolLoans);
        two.KolPrincipal.ShouldBe(one.KolPrincipal);
        two.PortfolioOutstanding.ShouldBe(one.PortfolioOutstanding);
        two.PortfolioAtRiskPrincipal.ShouldBe(one.PortfolioAtRiskPrincipal);
        two.PortfolioArrearsPrincipal.ShouldBe(one.PortfolioArrearsPrincipal);
        two.PortfolioAtRisk.ShouldBe(one.PortfolioAtRisk);
    }

    [Fact]
    public void The_report_prints_the_totals_and_the_budget_verdicts()
    {
        var result = NationalBatchRunner.Run(Tiny, TextWriter.Null);
        var output = new StringWriter();

        BatchReport.Print(result, output);

        var text = output.ToString();
        text.ShouldContain("Ledger entries");
        text.ShouldContain("FIVE-05 repayment");
        text.ShouldContain("not applicable 0)"); // FIVE-04 from the first week
        text.ShouldContain("UPK loans 200 of 200 groups");
        text.ShouldContain("Kol 5");
        text.ShouldContain("LAR");
        text.ShouldContain("PASS  wall time");
        text.ShouldContain("peak memory");
        text.ShouldContain("budgets apply to the national-scale run only");
    }

    [Theory]
    [InlineData("--groups 200 --threads 1", 200, 1)]
    [InlineData("--groups 250000", 250_000, 0)]
    public void Options_parse(string line, int groups, int threads)
    {
        var options = BatchOptions.Parse(line.Split(' '));

        options.Groups.ShouldBe(groups);
        if (threads > 0)
        {
            options.Threads.ShouldBe(threads);
        }
        options.BudgetsApply.ShouldBe(groups >= BatchOptions.NationalGroups);
    }

    [Theory]
    [InlineData("--groups")]
    [InlineData("--groups 0")]
    [InlineData("--frobnicate")]
    public void Bad_options_are_refused(string line) =>
        Should.Throw<ArgumentException>(() => BatchOptions.Parse(line.Split(' ')));
}
