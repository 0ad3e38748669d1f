using KubeCore.Compliance;
using KubeCore.Loans;

namespace KubeCore.NationalBatch;

/// <summary>Running totals of one worker; merged at the end. Plain fields: one writer each.</summary>
internal sealed class WorkerTotals
{
    public long Groups;
    public long Entries;
    public long Deposits;
    public long Repayments;
    public long Disbursements;
    public long RentengCovers;
    public long RentengSteps;
    public long RefusedApplications;

    /// <summary>Refused applications by error code (LOAN-07 mostly).</summary>
    public readonly Dictionary<string, long> RefusalCodes = new(StringComparer.Ordinal);
    public long WeekCloses;
    public long BusinessProfits;
    public long Meetings;
    public long MeetingsWithQuorum;
    public long UnservedRequests;
    public long WeeksChecked;
    public long WeeksAllKept;
    public long ChainsVerified;
    public long ChainFailures;
    public long ConservationFailures;
    public long DepositedRupiah;
    public long DisbursedRupiah;

    /// <summary>Ledger entries of the groups' own loan capital at the start (a deposit and a transfer per member).</summary>
    public long OwnCapitalEntries;

    /// <summary>UPK loans booked into the groups' loan funds (LOAN-01 b), the sum of their week numbers (1-based), and the rupiah.</summary>
    public long UpkLoans;
    public long UpkLoanWeeks;
    public long UpkLoanRupiah;

    /// <summary>Loans disbursed within the group before its UPK loan (LOAN-01 a), and in its first week.</summary>
    public long DisbursementsBeforeUpkLoan;
    public long FirstWeekDisbursements;

    /// <summary>[rule 0..4, status Met=0/NotMet=1/NotApplicable=2].</summary>
    public readonly long[,] RuleStatus = new long[5, 3];

    /// <summary>Per collectibility class (Kol 1..5 at index 0..4) from <see cref="CollectibilityRules.Classify"/> per loan.</summary>
    public readonly long[] KolLoans = new long[5];

    /// <summary>Outstanding principal per collectibility class.</summary>
    public readonly long[] KolPrincipal = new long[5];

    // Portfolio sums from LoanBook.Evaluate per batch (exact: every PORT-01 ratio is a ratio of sums).
    public long PortfolioLoans;
    public long PortfolioActive;
    public long PortfolioAtRisk;
    public long PortfolioOutstanding;
    public long PortfolioAtRiskPrincipal;
    public long PortfolioArrearsPrincipal;
    public readonly long[] PortfolioKolLoans = new long[5];

    public void Tally(FiveRulesWeekReport report)
    {
        WeeksChecked++;
        if (report.AllKept)
        {
            WeeksAllKept++;
        }
        for (var r = 0; r < report.Outcomes.Count; r++)
        {
            RuleStatus[r, (int)report.Outcomes[r].Status - 1]++;
        }
    }

    public void Add(PortfolioReport report)
    {
        PortfolioLoans += report.LoansDisbursed;
        PortfolioActive += report.ActiveLoans;
        PortfolioAtRisk += report.LoansAtRisk;
        PortfolioOutstanding += report.OutstandingPrincipal.Amount;
        PortfolioAtRiskPrincipal += report.AtRiskPrincipal.Amount;
        PortfolioArrearsPrincipal += report.ArrearsPrincipal.Amount;
        foreach (var bucket in report.Collectibility)
        {
            PortfolioKolLoans[(int)bucket.Class - 1] += bucket.Loans;
        }
    }

    public void Merge(WorkerTotals other)
    {
        foreach (var field in typeof(WorkerTotals).GetFields())
        {
            if (field.FieldType == typeof(long))
            {
                field.SetValue(this, (long)field.GetValue(this)! + (long)field.GetValue(other)!);
            }
            else if (field.GetValue(this) is long[] mine && field.GetValue(other) is long[] theirs)
            {
                for (var i = 0; i < mine.Length; i++)
                {
                    mine[i] += theirs[i];
                }
            }
            else if (field.GetValue(this) is Dictionary<string, long> codes && field.GetValue(other) is Dictionary<string, long> otherCodes)
            {
                foreach (var (code, count) in otherCodes)
                {
                    codes[code] = codes.GetValueOrDefault(code) + count;
                }
            }
            else if (field.GetValue(this) is long[,] grid && field.GetValue(other) is long[,] otherGrid)
            {
                for (var i = 0; i < grid.GetLength(0); i++)
                {
                    for (var j = 0; j < grid.GetLength(1); j++)
                    {
                        grid[i, j] += otherGrid[i, j];
                    }
                }
            }
        }
    }
}
