using static KubeCore.Rules.ParameterProvenance;

namespace KubeCore.Rules;

/// <summary>
/// The provenance table of the built-in profiles (issue 12, RULES.md "Changes on 2026-12-06"): per profile code, the
/// parameter values whose footing differs from the rule's own source. Every value not listed here stands on the
/// source and confidence of its rule (<see cref="RuleCatalogue.ProvenanceOf"/>). One entry per line; a derived
/// profile inherits its base's entries (<see cref="ProgramProfile.Derive"/>).
/// </summary>
internal static class BuiltInProvenance
{
    // Values that are design choices in every built-in profile.
    private static readonly ParameterProvenance WeeklySavings = DesignChoice("no source gives an amount, and no KUBE source requires weekly savings (SAV-04)");
    private static readonly ParameterProvenance IksShare = DesignChoice("the sources name IKS but give no share of profit (SAV-06)");
    private static readonly ParameterProvenance LpjDue = DesignChoice("a 2025 Banten monitoring date for household grants, applied by analogy (AID-03)");
    private static readonly ParameterProvenance Quorum = DesignChoice("no program source gives a quorum (LOAN-06)");
    private static readonly ParameterProvenance DecileStaleness = DesignChoice("3 months is inferred from the 3-monthly re-ranking cycle (POV-03)");
    private static readonly ParameterProvenance Inactivity = DesignChoice("two missed monthly reports (FAC-02)");
    private static readonly ParameterProvenance KolUnsourced = DesignChoice("Kol 3-5 are unsourced; the POB gives Kol 1-2 only (COL-01)");
    private static readonly ParameterProvenance StageCount = DesignChoice("the source places groups by their traits without a count or period (STG-01)");
    private static readonly ParameterProvenance SustainabilityThreshold = DesignChoice("the sub-checks and their thresholds are KubeCore's (STG-02)");
    private static readonly ParameterProvenance PortfolioBand = Sourced("POB Pinjaman Bergulir PNPM MP 2013 via a thesis copy that loses the ≤/< signs: the value is sourced, its inclusivity is KubeCore's stated choice (PORT-01)");

    // PNPM loan rules are sourced for KSM; in KUB and KUBE profiles the same values are borrowed.
    private static readonly ParameterProvenance NoUpk = DesignChoice("KUB and KUBE groups do not borrow from a UPK; the KSM value is kept for a derived profile that does (LOAN-01 b)");

    private static readonly ParameterProvenance BorrowedLoanValue = DesignChoice("PNPM MP value for KSM borrowed for this profile; no KUB/KUBE source (LOAN-02, LOAN-03/04, LOAN-08)");

    private static IEnumerable<KeyValuePair<string, ParameterProvenance>> Common() =>
    [
        new("Savings.WeeklySavingsAmount", WeeklySavings),
        new("Savings.IksShareOfProfit", IksShare),
        new("Aid.LpjDuePeriod", LpjDue),
        new("Meetings.QuorumShare", Quorum),
        new("Meetings.QuorumIsExclusive", Quorum),
        new("Poverty.DecileValidity", DecileStaleness),
        new("Facilitation.InactivityPeriod", Inactivity),
        new("Collectibility.Kol3MaxInstallments", KolUnsourced),
        new("Collectibility.Kol4MaxInstallments", KolUnsourced),
        new("Compliance.MajuRisingMonths", StageCount),
        new("Compliance.StageTraitShare", StageCount),
        new("Compliance.SustainableAttendanceShare", SustainabilityThreshold),
        new("Portfolio.AtRiskGoodBelow", PortfolioBand),
        new("Portfolio.AtRiskAdequateUpTo", PortfolioBand),
        new("Portfolio.RepaymentGoodAbove", PortfolioBand),
        new("Portfolio.RepaymentAdequateFrom", PortfolioBand),
        new("Portfolio.CostCoverageGoodAbove", PortfolioBand),
        new("Portfolio.CostCoverageAdequateFrom", PortfolioBand),
        new("Portfolio.ReturnOnInvestmentGoodAbove", PortfolioBand),
        new("Portfolio.ReturnOnInvestmentAdequateFrom", PortfolioBand),
    ];

    private static IEnumerable<KeyValuePair<string, ParameterProvenance>> BorrowedLoans() =>
    [
        new("Loans.FirstLoanCeiling", BorrowedLoanValue),
        new("Loans.RepeatLoanCeiling", BorrowedLoanValue),
        new("Loans.BankReferralAfterLoans", BorrowedLoanValue),
        new("Loans.BankReferralPrincipal", BorrowedLoanValue),
        new("Loans.MinTermMonths", BorrowedLoanValue),
        new("Loans.MaxTermMonths", BorrowedLoanValue),
        new("Loans.AllowedFrequencies", BorrowedLoanValue),
        new("Loans.MonthlyServiceCharge", BorrowedLoanValue),
        new("Loans.RentengThresholdMissedInstallments", BorrowedLoanValue),
        new("Loans.MinSavingsMonthsBeforeInternalLending", DesignChoice("seed 004's lending from the first meeting is a KSM rule; no KUB/KUBE source gives a minimum (LOAN-01 a)")),
        new("Loans.MinSavingsMonthsBeforeUpkLoan", NoUpk),
        new("Loans.UpkLoanRequiresJointLiabilityStatement", NoUpk),
    ];

    private static readonly ParameterProvenance PendampingRatioKube = Sourced("Dinsos Palangka Raya; Kemensos 2020: \"1 pendamping ... 10 kelompok\" (FAC-01, H for KUBE)");

    /// <summary>KUB (seed 000).</summary>
    public static IReadOnlyDictionary<string, ParameterProvenance> Kub { get; } = new Dictionary<string, ParameterProvenance>(
        Common().Concat(BorrowedLoans()).Append(new("Facilitation.MaxGroupsPerPendamping", DesignChoice("no KUB source; 10 borrowed from the KUBE ratio (FAC-01)"))));

    /// <summary>KUBE under Permensos 2/2019.</summary>
    public static IReadOnlyDictionary<string, ParameterProvenance> KubePermensos2019 { get; } = new Dictionary<string, ParameterProvenance>(
        Common().Concat(BorrowedLoans()).Append(new("Facilitation.MaxGroupsPerPendamping", PendampingRatioKube)));

    /// <summary>KUBE in the BLPS era.</summary>
    public static IReadOnlyDictionary<string, ParameterProvenance> KubeBlps { get; } = new Dictionary<string, ParameterProvenance>(
        Common().Concat(BorrowedLoans()).Append(new("Facilitation.MaxGroupsPerPendamping", PendampingRatioKube)));

    /// <summary>KSM P2KP / PNPM Mandiri Perkotaan: the loan values are the PNPM source's own.</summary>
    public static IReadOnlyDictionary<string, ParameterProvenance> KsmP2kp { get; } = new Dictionary<string, ParameterProvenance>(
        Common()
            .Append(new("Facilitation.MaxGroupsPerPendamping", DesignChoice("no KSM source; 10 borrowed from the KUBE ratio (FAC-01)")))
            .Append(new("Membership.MinAge", DesignChoice("KTP age (17): no PNPM source gives a member age (MEM-03)"))));
}
