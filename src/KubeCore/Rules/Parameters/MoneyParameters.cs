using KubeCore.Common;
using KubeCore.Loans;
using NodaTime;

namespace KubeCore.Rules.Parameters;

/// <summary>Parameters of meetings and decisions (LOAN-06, FIVE-02).</summary>
public sealed record MeetingParameters
{
    /// <summary>LOAN-06: the share of members whose presence makes a quorum. Default 50 %.</summary>
    public Rate QuorumShare { get; init; } = Rate.FromPercent(50);

    /// <summary>
    /// LOAN-06: when true the present share must be strictly more than <see cref="QuorumShare"/>
    /// ("more than half"); when false, at least. Default true (a design choice: no program source gives a number).
    /// </summary>
    public bool QuorumIsExclusive { get; init; } = true;

    /// <summary>True when <paramref name="present"/> of <paramref name="members"/> make a quorum.</summary>
    public bool IsQuorum(int present, int members) =>
        QuorumIsExclusive ? QuorumShare.IsExceededBy(present, members) : QuorumShare.IsMetBy(present, members);

    internal void Validate() =>
        Preconditions.CheckArgument(QuorumShare <= Rate.Whole, nameof(QuorumShare), "A quorum share cannot exceed 100 %.");
}

/// <summary>Parameters of the savings ledger and weekly books (SAV-04..06).</summary>
public sealed record SavingsParameters
{
    /// <summary>SAV-04: what each member owes each week. Default Rp 5.000 (local practice; no program source gives a figure).</summary>
    public Rupiah WeeklySavingsAmount { get; init; } = Rupiah.Of(5_000);

    /// <summary>SAV-06: share of business profit set aside for the IKS solidarity fund. Default 10 % (unsourced).</summary>
    public Rate IksShareOfProfit { get; init; } = Rate.FromPercent(10);

    /// <summary>SAV-04, SAV-05, FIVE: the first day of a bookkeeping week. Default Monday (ISO).</summary>
    public IsoDayOfWeek WeekStartsOn { get; init; } = IsoDayOfWeek.Monday;

    /// <summary>
    /// SAV-08: the largest single amount of any posting (a deposit, a grant, loan capital, a loan's principal, a
    /// repayment, …), inclusive. Default Rp 1.000.000.000.000 (one trillion rupiah), a design choice: tens of
    /// thousands of times the largest amount any source names for a group (a Rp 30.000.000 BLPS grant, UPK loans
    /// of tens of millions), so no real posting meets it, while a typo or a hostile value of up to 19 digits is
    /// refused; and about 9,2 million postings of the ceiling are needed before a ledger's totals could leave the
    /// range of a 64-bit integer (the second half of SAV-08 still guards that).
    /// </summary>
    public Rupiah MaxSingleAmount { get; init; } = DefaultMaxSingleAmount;

    /// <summary>The default of <see cref="MaxSingleAmount"/>: Rp 1.000.000.000.000.</summary>
    public static Rupiah DefaultMaxSingleAmount => Rupiah.Of(1_000_000_000_000);

    internal void Validate()
    {
        Preconditions.CheckArgument(MaxSingleAmount.IsPositive, nameof(MaxSingleAmount), "The amount ceiling must be positive.");
        Preconditions.CheckArgument(WeeklySavingsAmount.IsPositive, nameof(WeeklySavingsAmount), "The weekly amount must be positive.");
        Preconditions.CheckArgument(IksShareOfProfit <= Rate.Whole, nameof(IksShareOfProfit), "A share cannot exceed 100 %.");
        Preconditions.CheckArgument(WeekStartsOn != IsoDayOfWeek.None, nameof(WeekStartsOn), "A week must start on a day.");
    }
}

/// <summary>Parameters of the revolving loan fund (LOAN-01..09).</summary>
public sealed record LoanParameters
{
    /// <summary>
    /// LOAN-01 (a): consecutive complete calendar months of group savings before the group may lend to its own
    /// members (lending within the group). Default 0: lending may start as soon as a member asks, even at the first
    /// meeting. For <c>KsmP2kp</c> the 0 is sourced (seed 004 rule 4: "dapat memulai pinjaman dalam kelompok segera
    /// setelah ada permintaan dari anggotanya, bahkan dapat memulai dari pertemuan pertama"); for the KUB and KUBE
    /// profiles it is a design choice (no KUB/KUBE source sets a minimum). A derived profile may set one.
    /// </summary>
    public int MinSavingsMonthsBeforeInternalLending { get; init; }

    /// <summary>
    /// LOAN-01 (b): consecutive complete calendar months of group savings before a KSM may borrow from the UPK
    /// (the loan that <see cref="LoanRevolving.BorrowFromUpk"/> books into the group's loan fund). Default 3 (P2KP/PNPM
    /// manual copies, M). KUB and KUBE programs have no UPK: in those profiles the value is a design choice that applies
    /// only when a host books such a loan.
    /// </summary>
    public int MinSavingsMonthsBeforeUpkLoan { get; init; } = 3;

    /// <summary>
    /// LOAN-01 (b): before a KSM borrows from the UPK every current member must have signed the joint-liability
    /// statement (Pernyataan Kesanggupan Tanggung Renteng). Default true (P2KP/PNPM manual copies, M; a design choice in
    /// the KUB and KUBE profiles, which have no UPK). Lending within the group does not require it.
    /// </summary>
    public bool UpkLoanRequiresJointLiabilityStatement { get; init; } = true;

    /// <summary>LOAN-02: the largest first loan per member. Default Rp 500.000 (alternative Rp 1.000.000).</summary>
    public Rupiah FirstLoanCeiling { get; init; } = Rupiah.Of(500_000);

    /// <summary>LOAN-02: the largest repeat loan per member. Default Rp 2.000.000.</summary>
    public Rupiah RepeatLoanCeiling { get; init; } = Rupiah.Of(2_000_000);

    /// <summary>LOAN-02: after this many loans the member is referred to a bank. Default 4.</summary>
    public int BankReferralAfterLoans { get; init; } = 4;

    /// <summary>LOAN-02: after a loan of this principal the member is referred to a bank. Default Rp 2.000.000.</summary>
    public Rupiah BankReferralPrincipal { get; init; } = Rupiah.Of(2_000_000);

    /// <summary>LOAN-03: the shortest term in months. Default 3.</summary>
    public int MinTermMonths { get; init; } = 3;

    /// <summary>LOAN-03: the longest term in months. Default 12.</summary>
    public int MaxTermMonths { get; init; } = 12;

    /// <summary>LOAN-03: the installment frequencies allowed. Default weekly and monthly.</summary>
    public InstallmentFrequency AllowedFrequencies { get; init; } = InstallmentFrequency.Weekly | InstallmentFrequency.Monthly;

    /// <summary>LOAN-04: flat service charge (jasa) per month on the original principal. Default 1,5 %.</summary>
    public Rate MonthlyServiceCharge { get; init; } = Rate.FromPercent(1.5m);

    /// <summary>LOAN-08: missed installments after which tanggung renteng covers the arrears. Default 3.</summary>
    public int RentengThresholdMissedInstallments { get; init; } = 3;

    internal void Validate()
    {
        Preconditions.CheckArgument(MinSavingsMonthsBeforeInternalLending >= 0, nameof(MinSavingsMonthsBeforeInternalLending), "Months must not be negative.");
        Preconditions.CheckArgument(MinSavingsMonthsBeforeUpkLoan >= 0, nameof(MinSavingsMonthsBeforeUpkLoan), "Months must not be negative.");
        Preconditions.CheckArgument(FirstLoanCeiling.IsPositive && RepeatLoanCeiling.IsPositive && BankReferralPrincipal.IsPositive, nameof(FirstLoanCeiling), "Ceilings must be positive.");
        Preconditions.CheckArgument(BankReferralAfterLoans >= 1, nameof(BankReferralAfterLoans), "The referral count must be positive.");
        Preconditions.CheckArgument(MinTermMonths >= 1 && MaxTermMonths >= MinTermMonths, nameof(MaxTermMonths), "Terms must satisfy 1 ≤ min ≤ max.");
        Preconditions.CheckArgument(AllowedFrequencies != 0, nameof(AllowedFrequencies), "At least one frequency must be allowed.");
        Preconditions.CheckArgument(RentengThresholdMissedInstallments >= 1, nameof(RentengThresholdMissedInstallments), "The threshold must be positive.");
    }
}

/// <summary>Parameters of the two collectibility schemes (COL-01..02).</summary>
public sealed record CollectibilityParameters
{
    /// <summary>COL-01: Kol 2 (DPK) covers 1 up to this many installments overdue. Default 3 (PNPM POB 2013).</summary>
    public int Kol2MaxInstallments { get; init; } = 3;

    /// <summary>COL-01: Kol 3 (kurang lancar) up to this many. Default 6 (unsourced).</summary>
    public int Kol3MaxInstallments { get; init; } = 6;

    /// <summary>COL-01: Kol 4 (diragukan) up to this many; more is Kol 5 (macet). Default 9 (unsourced).</summary>
    public int Kol4MaxInstallments { get; init; } = 9;

    /// <summary>COL-02: DPK covers 1 up to this many days past due. Default 90 (POJK 40/2019).</summary>
    public int DpkMaxDays { get; init; } = 90;

    /// <summary>COL-02: kurang lancar up to this many days. Default 120.</summary>
    public int KurangLancarMaxDays { get; init; } = 120;

    /// <summary>COL-02: diragukan up to this many days; more is macet. Default 180.</summary>
    public int DiragukanMaxDays { get; init; } = 180;

    /// <summary>COL-02: loss provisions for classes 1..5. Default 1 %, 5 %, 15 %, 50 %, 100 %.</summary>
    public IReadOnlyList<Rate> Provisions { get; init; } =
        [Rate.FromPercent(1), Rate.FromPercent(5), Rate.FromPercent(15), Rate.FromPercent(50), Rate.FromPercent(100)];

    internal void Validate()
    {
        Preconditions.CheckArgument(Kol2MaxInstallments >= 1 && Kol3MaxInstallments > Kol2MaxInstallments && Kol4MaxInstallments > Kol3MaxInstallments, nameof(Kol2MaxInstallments), "Installment thresholds must rise strictly.");
        Preconditions.CheckArgument(DpkMaxDays >= 1 && KurangLancarMaxDays > DpkMaxDays && DiragukanMaxDays > KurangLancarMaxDays, nameof(DpkMaxDays), "Day thresholds must rise strictly.");
        Preconditions.CheckArgument(Provisions is { Count: 5 } && Provisions.All(p => p <= Rate.Whole), nameof(Provisions), "Five provisions of at most 100 % are needed.");
    }
}

/// <summary>Parameters of portfolio indicators and their bands (PORT-01).</summary>
public sealed record PortfolioParameters
{
    /// <summary>PORT-01: a loan is at risk with at least this many installments in arrears. Default 3.</summary>
    public int AtRiskArrearsInstallments { get; init; } = 3;

    /// <summary>PORT-01: LAR and PAR below this are good. Default 10 %.</summary>
    public Rate AtRiskGoodBelow { get; init; } = Rate.FromPercent(10);

    /// <summary>PORT-01: LAR and PAR up to this (inclusive) are adequate; above is poor. Default 20 %.</summary>
    public Rate AtRiskAdequateUpTo { get; init; } = Rate.FromPercent(20);

    /// <summary>PORT-01: RR above this is good. Default 90 %.</summary>
    public Rate RepaymentGoodAbove { get; init; } = Rate.FromPercent(90);

    /// <summary>PORT-01: RR from this (inclusive) is adequate; below is poor. Default 80 %.</summary>
    public Rate RepaymentAdequateFrom { get; init; } = Rate.FromPercent(80);

    /// <summary>PORT-01: CCr above this is good. Default 125 %.</summary>
    public Rate CostCoverageGoodAbove { get; init; } = Rate.FromPercent(125);

    /// <summary>PORT-01: CCr from this (inclusive) is adequate; below is poor. Default 100 %.</summary>
    public Rate CostCoverageAdequateFrom { get; init; } = Rate.FromPercent(100);

    /// <summary>
    /// PORT-01: ROI strictly above this is good. Default 10 % (POB Pinjaman Bergulir PNPM MP 2013: "&gt; 10 %"; the
    /// thesis copy lost the ≤/&lt; signs, so "strictly above" is KubeCore's stated choice, as for RR and CCr).
    /// </summary>
    public Rate ReturnOnInvestmentGoodAbove { get; init; } = Rate.FromPercent(10);

    /// <summary>
    /// PORT-01: ROI from this (inclusive) up to <see cref="ReturnOnInvestmentGoodAbove"/> (inclusive) is adequate; below
    /// (a loss) is poor. Default 0 % (POB 2013: "0–10 %"; inclusivity is KubeCore's stated choice).
    /// </summary>
    public Rate ReturnOnInvestmentAdequateFrom { get; init; } = Rate.FromPercent(0);

    internal void Validate()
    {
        Preconditions.CheckArgument(AtRiskArrearsInstallments >= 1, nameof(AtRiskArrearsInstallments), "The at-risk threshold must be positive.");
        Preconditions.CheckArgument(AtRiskGoodBelow <= AtRiskAdequateUpTo && RepaymentAdequateFrom <= RepaymentGoodAbove && CostCoverageAdequateFrom <= CostCoverageGoodAbove
            && ReturnOnInvestmentAdequateFrom <= ReturnOnInvestmentGoodAbove, nameof(AtRiskGoodBelow), "Band edges must be ordered.");
    }
}
