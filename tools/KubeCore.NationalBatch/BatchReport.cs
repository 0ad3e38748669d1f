using System.Globalization;
using KubeCore.Rules;

namespace KubeCore.NationalBatch;

/// <summary>Prints the totals of a run and its budget verdicts.</summary>
internal static class BatchReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Print(BatchResult result, TextWriter output)
    {
        var t = result.Totals;
        var seconds = result.Elapsed.TotalSeconds;
        output.WriteLine();
        output.WriteLine(Line($"Groups                {t.Groups:N0}  (weak groups included; {t.Meetings:N0} meetings held, {t.MeetingsWithQuorum:N0} with quorum)"));
        output.WriteLine(Line($"Ledger entries        {t.Entries:N0}  ({t.Entries / seconds / 1e6:0.00} M entries/s, hash-chained)"));
        output.WriteLine(Line($"  deposits {t.Deposits:N0}, repayments {t.Repayments:N0}, disbursements {t.Disbursements:N0}, renteng covers {t.RentengCovers:N0} ({t.RentengSteps:N0} entries), refused applications {t.RefusedApplications:N0}, week closes {t.WeekCloses:N0}, business profits {t.BusinessProfits:N0}"));
        if (t.RefusalCodes.Count > 0)
        {
            output.WriteLine("  refusals by code: " + string.Join(", ", t.RefusalCodes.OrderByDescending(c => c.Value).Select(c => Line($"{c.Key} {c.Value:N0}"))));
        }
        output.WriteLine(Line($"  savings deposited Rp {t.DepositedRupiah:N0}; loans disbursed Rp {t.DisbursedRupiah:N0}"));
        output.WriteLine(Line($"  LOAN-01: lending within the group from week 1 ({t.FirstWeekDisbursements:N0} loans in week 1, {t.DisbursementsBeforeUpkLoan:N0} before the UPK loan); UPK loans {t.UpkLoans:N0} of {t.Groups:N0} groups (Rp {t.UpkLoanRupiah:N0}), booked in week {(t.UpkLoans == 0 ? 0 : (double)t.UpkLoanWeeks / t.UpkLoans):0.0} on average"));
        output.WriteLine(Line($"  integrity: SAV-03 held in every group: {(t.ConservationFailures == 0 ? "yes" : $"NO ({t.ConservationFailures} groups)")}; hash chains re-verified: {t.ChainsVerified - t.ChainFailures:N0} of {t.ChainsVerified:N0} sampled groups"));
        output.WriteLine(Line($"Weeks checked         {t.WeeksChecked:N0}  (FiveBasicRules), all five kept in {Percent(t.WeeksAllKept, t.WeeksChecked)} of weeks"));
        string[] names = ["FIVE-01 savings", "FIVE-02 meeting", "FIVE-03 books", "FIVE-04 lending", "FIVE-05 repayment"];
        long met = 0;
        long applicable = 0;
        for (var r = 0; r < 5; r++)
        {
            var m = t.RuleStatus[r, 0];
            var n = t.RuleStatus[r, 1];
            met += m;
            applicable += m + n;
            output.WriteLine(Line($"  {names[r],-18} met {Percent(m, m + n),8} of {m + n,12:N0} applicable weeks (not applicable {t.RuleStatus[r, 2]:N0})"));
        }
        output.WriteLine(Line($"  rules met overall   {Percent(met, applicable)} of {applicable:N0} rule-weeks"));
        output.WriteLine(Line($"Collectibility (COL-01, as of {result.AsOf:yyyy-MM-dd}, loans with a balance; {t.PortfolioLoans:N0} loans disbursed in all)"));
        var active = t.KolLoans.Sum();
        for (var k = 0; k < 5; k++)
        {
            output.WriteLine(Line($"  Kol {k + 1}  {t.KolLoans[k],10:N0} loans  {Percent(t.KolLoans[k], active),8}   Rp {t.KolPrincipal[k],18:N0}"));
        }
        output.WriteLine(Line($"  loan book breakdown agrees with per-loan classification: {(t.KolLoans.AsSpan().SequenceEqual(t.PortfolioKolLoans) ? "yes" : "NO")}"));
        output.WriteLine($"Portfolio (PORT-01)   LAR {result.LoanAtRisk.Ratio} {result.LoanAtRisk.Band}; PAR {result.PortfolioAtRisk.Ratio} {result.PortfolioAtRisk.Band}; RR {result.RepaymentRate.Ratio} {result.RepaymentRate.Band}");
        output.WriteLine();
        var budgets = result.Options.BudgetsApply ? string.Empty : "  (budgets apply to the national-scale run only)";
        output.WriteLine(Line($"{Verdict(result.WithinTime)}  wall time   {seconds,8:0.0} s    budget ≤ {result.Options.BudgetSeconds:0} s{budgets}"));
        output.WriteLine(Line($"{Verdict(result.WithinMemory)}  peak memory {result.PeakWorkingSetBytes / (double)(1 << 30),8:0.00} GB   budget ≤ {result.Options.BudgetPeakBytes / (double)(1 << 30):0} GB (peak working set)"));
        output.WriteLine(Line($"{Verdict(result.IsConsistent)}  consistency (every group and week checked, chains, SAV-03, collectibility cross-check)"));
        result.Breakdown?.Print(output, t.Groups);
        output.WriteLine(Line($"GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections; {GC.GetTotalAllocatedBytes() / (double)(1L << 30):0.0} GB allocated in all; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, gen0 budget {Gen0BudgetSetting()}"));
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime.TotalSeconds;
        output.WriteLine(Line($"CPU time: {cpu:0.0} s in all (start-up included), {cpu * 1e6 / Math.Max(1, t.Groups):0} µs per group-year"));
    }

    private static string Gen0BudgetSetting() =>
        Environment.GetEnvironmentVariable(Gen0Budget.Variable) is { Length: > 0 } value ? $"{Gen0Budget.Variable}={value}"
        : Environment.GetEnvironmentVariable(Gen0Budget.LegacyVariable) is { Length: > 0 } legacy ? $"{Gen0Budget.LegacyVariable}={legacy}"
        : "default";

    private static string Verdict(bool ok) => ok ? "PASS" : "FAIL";

    private static string Percent(long part, long whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.00", Invariant) + " %";

    private static string Line(FormattableString text) => text.ToString(Invariant);
}
