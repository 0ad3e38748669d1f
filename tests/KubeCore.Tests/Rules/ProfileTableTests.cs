using KubeCore.Compliance;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Tests.Rules;

/// <summary>
/// Issue 12's done-when: every built-in profile's parameter values and provenance, and every rule's confidence,
/// compared with a table that cites RULES.md (/work/shared/domain/RULES.md as of 2026-12-06, line numbers of that
/// file). One row per line, so a changed parameter or a new profile is a one-line edit. A row's provenance is the
/// cell's answer from <see cref="RuleCatalogue.ProvenanceOf"/> (stated by the profile, else the first rule reading it).
/// The derived built-in profiles (KubeKalbar2019, KubeKemensos2018) are their base's rows with the overrides RULES.md
/// states for them (RULES.md:37, RULES.md:40-42).
/// </summary>
public class ProfileTableTests
{
    private const ProvenanceKind S = ProvenanceKind.Sourced;
    private const ProvenanceKind D = ProvenanceKind.DesignChoice;
    private const Confidence H = Confidence.High;
    private const Confidence MH = Confidence.MediumHigh;
    private const Confidence M = Confidence.Medium;
    private const Confidence LM = Confidence.LowMedium;
    private const Confidence L = Confidence.Low;
    private const Confidence Seed = Confidence.Seed;
    private const Confidence DC = Confidence.DesignChoice;

    private sealed record Row(string Profile, string Parameter, string Value, ProvenanceKind Provenance);

    private static Row[] ProfileRows => [.. BaseRows, .. Derived("KubeKalbar2019", "KubePermensos2019",
        new Row("KubeKalbar2019", "Membership.MaxAge", "59", S)), // RULES.md:37 "a derived Kalbar 2019 profile: 18..59"
        .. Derived("KubeKemensos2018", "KubePermensos2019",
        new Row("KubeKemensos2018", "Membership.MaxAge", "59", S), // RULES.md:40-42: Dinsos Palangka Raya / the Kemensos guideline then in force
        new Row("KubeKemensos2018", "Membership.RequiresMarriage", "False", S))]; // the 2018 sources say "dan/atau sudah menikah": no marriage rule

    private static IEnumerable<Row> Derived(string code, string basedOn, params Row[] overrides) =>
        BaseRows.Where(r => r.Profile == basedOn)
            .Select(r => overrides.FirstOrDefault(o => o.Parameter == r.Parameter) ?? r with { Profile = code });

    private static readonly Row[] BaseRows =
    [
        // Kub@1
        new("Kub", "Membership.MinMembers", "5", S), // RULES.md:33 profile table; RULES.md:49 GRP-01
        new("Kub", "Membership.MaxMembers", "10", S), // RULES.md:33 profile table; RULES.md:49 GRP-01
        new("Kub", "Membership.MembersPerHousehold", "1", S), // RULES.md:34 profile table; RULES.md:54 GRP-03
        new("Kub", "Membership.ResidenceScope", "Desa", S), // RULES.md:55 GRP-04
        new("Kub", "Membership.UnderStrengthGracePeriod", "P90D", D), // RULES.md:57 GRP-05
        new("Kub", "Membership.PovertyEvidence", "PraConfirmedByRegistry", S), // RULES.md:36 profile table; RULES.md:67 MEM-01
        new("Kub", "Poverty.MaxEligibleDecile", "4", S), // RULES.md:67 MEM-01
        new("Kub", "Poverty.DecileValidity", "P3M", D), // RULES.md:67 MEM-01
        new("Kub", "Membership.RequiresHeadOrMainEarner", "False", S), // RULES.md:70 MEM-02
        new("Kub", "Membership.MinAge", "—", S), // RULES.md:37 profile table; RULES.md:71 MEM-03
        new("Kub", "Membership.MaxAge", "—", S), // RULES.md:37 profile table; RULES.md:71 MEM-03
        new("Kub", "Membership.RequiresMarriage", "False", S), // RULES.md:71 MEM-03 (the profile states no marriage rule)
        new("Kub", "Membership.ExcludedEmployment", "None", S), // RULES.md:74 MEM-04
        new("Kub", "Membership.MinWomenShare", "—", S), // RULES.md:38 profile table; RULES.md:75 MEM-05
        new("Kub", "Membership.MaxNameLength", "100", D), // RULES.md:81 MEM-07 "at most a stated length (parameter, default 100)": design choice
        new("Kub", "Officers.OnePersonOneOffice", "True", S), // RULES.md:88 OFF-02
        new("Kub", "Officers.SegregateTreasurerLoans", "True", D), // RULES.md:95 OFF-05
        new("Kub", "Poverty.BpsMinCriteriaMet", "9", S), // RULES.md:98 POV-01
        new("Kub", "Poverty.BpsFloorAreaPerPersonM2", "8", S), // RULES.md:98 POV-01
        new("Kub", "Poverty.BpsMaxProteinMealsPerWeek", "1", S), // RULES.md:98 POV-01
        new("Kub", "Poverty.BpsMaxClothingSetsPerYear", "1", S), // RULES.md:98 POV-01
        new("Kub", "Poverty.BpsMaxMealsPerDay", "2", S), // RULES.md:98 POV-01
        new("Kub", "Poverty.BpsFarmLandM2", "500", S), // RULES.md:98 POV-01
        new("Kub", "Poverty.BpsHeadMonthlyIncome", "Rp 600.000", S), // RULES.md:98 POV-01
        new("Kub", "Poverty.BpsSaleableAsset", "Rp 500.000", S), // RULES.md:98 POV-01
        new("Kub", "Poverty.Kepmensos262MinFurtherCriteriaMet", "5", S), // RULES.md:105 POV-02
        new("Kub", "Poverty.Kepmensos262FoodShare", "50 %", S), // RULES.md:105 POV-02
        new("Kub", "Poverty.Kepmensos262MaxElectricityVa", "450", S), // RULES.md:105 POV-02
        new("Kub", "WealthRanking.MinInformants", "3", S), // RULES.md:110 PRA-01
        new("Kub", "WealthRanking.WarnAboveHouseholds", "100", S), // RULES.md:110 PRA-01
        new("Kub", "WealthRanking.Bands", "Kaya≤25; Sedang≤50; Miskin≤75 (poor); SangatMiskin≤100 (poor)", S), // RULES.md:112 PRA-02
        new("Kub", "Facilitation.MaxGroupsPerPendamping", "10", D), // RULES.md:120 FAC-01; "for KUB and KSM profiles 10 is a design-choice default"
        new("Kub", "Facilitation.ReportInterval", "P1M", S), // RULES.md:123 FAC-02
        new("Kub", "Facilitation.InactivityPeriod", "P60D", D), // RULES.md:123 FAC-02
        new("Kub", "Savings.WeeklySavingsAmount", "Rp 5.000", D), // RULES.md:136 SAV-04
        new("Kub", "Savings.WeekStartsOn", "Monday", S), // RULES.md:136 SAV-04
        new("Kub", "Savings.IksShareOfProfit", "10 %", D), // RULES.md:141 SAV-06
        new("Kub", "Savings.MaxSingleAmount", "Rp 1.000.000.000.000", D), // RULES.md:148 SAV-08 "a stated ceiling (parameter per profile, stated default)": design choice
        new("Kub", "Loans.MinSavingsMonthsBeforeInternalLending", "0", D), // RULES.md:157 LOAN-01 (a): "0 for KsmP2kp"; no KUB/KUBE source gives a minimum
        new("Kub", "Loans.MinSavingsMonthsBeforeUpkLoan", "3", D), // RULES.md:157 LOAN-01 (b): "M consecutive months of group savings (default 3)"; KUB/KUBE borrow from no UPK
        new("Kub", "Loans.UpkLoanRequiresJointLiabilityStatement", "True", D), // RULES.md:157 LOAN-01 (b): statement from every member; KUB/KUBE borrow from no UPK
        new("Kub", "Loans.FirstLoanCeiling", "Rp 500.000", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("Kub", "Loans.RepeatLoanCeiling", "Rp 2.000.000", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("Kub", "Loans.BankReferralAfterLoans", "4", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("Kub", "Loans.BankReferralPrincipal", "Rp 2.000.000", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("Kub", "Loans.MinTermMonths", "3", D), // RULES.md:165 LOAN-03; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("Kub", "Loans.MaxTermMonths", "12", D), // RULES.md:165 LOAN-03; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("Kub", "Loans.AllowedFrequencies", "Weekly, Monthly", D), // RULES.md:165 LOAN-03; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("Kub", "Loans.MonthlyServiceCharge", "1,5 %", D), // RULES.md:168 LOAN-04; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("Kub", "Meetings.QuorumShare", "50 %", D), // RULES.md:173 LOAN-06
        new("Kub", "Meetings.QuorumIsExclusive", "True", D), // RULES.md:173 LOAN-06
        new("Kub", "Loans.RentengThresholdMissedInstallments", "3", D), // RULES.md:177 LOAN-08; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("Kub", "Collectibility.Kol2MaxInstallments", "3", S), // RULES.md:183 COL-01
        new("Kub", "Collectibility.Kol3MaxInstallments", "6", D), // RULES.md:183 COL-01
        new("Kub", "Collectibility.Kol4MaxInstallments", "9", D), // RULES.md:183 COL-01
        new("Kub", "Collectibility.DpkMaxDays", "90", S), // RULES.md:185 COL-02
        new("Kub", "Collectibility.KurangLancarMaxDays", "120", S), // RULES.md:185 COL-02
        new("Kub", "Collectibility.DiragukanMaxDays", "180", S), // RULES.md:185 COL-02
        new("Kub", "Collectibility.Provisions", "1 %; 5 %; 15 %; 50 %; 100 %", S), // RULES.md:185 COL-02
        new("Kub", "Portfolio.AtRiskArrearsInstallments", "3", S), // RULES.md:187 PORT-01
        new("Kub", "Portfolio.AtRiskGoodBelow", "10 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("Kub", "Portfolio.AtRiskAdequateUpTo", "20 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("Kub", "Portfolio.RepaymentGoodAbove", "90 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("Kub", "Portfolio.RepaymentAdequateFrom", "80 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("Kub", "Portfolio.CostCoverageGoodAbove", "125 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("Kub", "Portfolio.CostCoverageAdequateFrom", "100 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("Kub", "Portfolio.ReturnOnInvestmentGoodAbove", "10 %", S), // RULES.md:187 PORT-01 "ROI > 10 % good" (inclusivity: KubeCore's choice)
        new("Kub", "Portfolio.ReturnOnInvestmentAdequateFrom", "0 %", S), // RULES.md:187 PORT-01 "0-10 % adequate"
        new("Kub", "Aid.GrantSchedule", "—", S), // RULES.md:39 profile table; RULES.md:196 AID-01
        new("Kub", "Aid.DevelopmentAidMinGroupAge", "—", S), // RULES.md:40 profile table; RULES.md:201 AID-02
        new("Kub", "Aid.LpjDuePeriod", "P21D", D), // RULES.md:205 AID-03
        new("Kub", "Compliance.SavingsShareOfMembers", "100 %", S), // RULES.md:213 FIVE-01
        new("Kub", "Compliance.StageTraitShare", "50 %", D), // RULES.md:222 STG-01
        new("Kub", "Compliance.MajuRisingMonths", "3", D), // RULES.md:222 STG-01
        new("Kub", "Compliance.SustainableAttendanceShare", "75 %", D), // RULES.md:229 STG-02
        // KubePermensos2019@1
        new("KubePermensos2019", "Membership.MinMembers", "5", S), // RULES.md:33 profile table; RULES.md:49 GRP-01
        new("KubePermensos2019", "Membership.MaxMembers", "20", S), // RULES.md:33 profile table; RULES.md:49 GRP-01
        new("KubePermensos2019", "Membership.MembersPerHousehold", "1", S), // RULES.md:34 profile table; RULES.md:54 GRP-03
        new("KubePermensos2019", "Membership.ResidenceScope", "Kecamatan", S), // RULES.md:55 GRP-04
        new("KubePermensos2019", "Membership.UnderStrengthGracePeriod", "P90D", D), // RULES.md:57 GRP-05
        new("KubePermensos2019", "Membership.PovertyEvidence", "RegistryDecileOrPra", S), // RULES.md:36 profile table; RULES.md:67 MEM-01
        new("KubePermensos2019", "Poverty.MaxEligibleDecile", "4", S), // RULES.md:67 MEM-01
        new("KubePermensos2019", "Poverty.DecileValidity", "P3M", D), // RULES.md:67 MEM-01
        new("KubePermensos2019", "Membership.RequiresHeadOrMainEarner", "True", S), // RULES.md:70 MEM-02
        new("KubePermensos2019", "Membership.MinAge", "18", S), // RULES.md:37 profile table; RULES.md:71 MEM-03
        new("KubePermensos2019", "Membership.MaxAge", "60", S), // RULES.md:37 profile table; RULES.md:71 MEM-03 (Kemensos 2020: 18-60)
        new("KubePermensos2019", "Membership.RequiresMarriage", "True", S), // RULES.md:37 profile table; RULES.md:71 MEM-03 (married: Kemensos 2020)
        new("KubePermensos2019", "Membership.ExcludedEmployment", "StateEmployees", S), // RULES.md:74 MEM-04
        new("KubePermensos2019", "Membership.MinWomenShare", "—", S), // RULES.md:38 profile table; RULES.md:75 MEM-05
        new("KubePermensos2019", "Membership.MaxNameLength", "100", D), // RULES.md:81 MEM-07 "at most a stated length (parameter, default 100)": design choice
        new("KubePermensos2019", "Officers.OnePersonOneOffice", "True", S), // RULES.md:88 OFF-02
        new("KubePermensos2019", "Officers.SegregateTreasurerLoans", "True", D), // RULES.md:95 OFF-05
        new("KubePermensos2019", "Poverty.BpsMinCriteriaMet", "9", S), // RULES.md:98 POV-01
        new("KubePermensos2019", "Poverty.BpsFloorAreaPerPersonM2", "8", S), // RULES.md:98 POV-01
        new("KubePermensos2019", "Poverty.BpsMaxProteinMealsPerWeek", "1", S), // RULES.md:98 POV-01
        new("KubePermensos2019", "Poverty.BpsMaxClothingSetsPerYear", "1", S), // RULES.md:98 POV-01
        new("KubePermensos2019", "Poverty.BpsMaxMealsPerDay", "2", S), // RULES.md:98 POV-01
        new("KubePermensos2019", "Poverty.BpsFarmLandM2", "500", S), // RULES.md:98 POV-01
        new("KubePermensos2019", "Poverty.BpsHeadMonthlyIncome", "Rp 600.000", S), // RULES.md:98 POV-01
        new("KubePermensos2019", "Poverty.BpsSaleableAsset", "Rp 500.000", S), // RULES.md:98 POV-01
        new("KubePermensos2019", "Poverty.Kepmensos262MinFurtherCriteriaMet", "5", S), // RULES.md:105 POV-02
        new("KubePermensos2019", "Poverty.Kepmensos262FoodShare", "50 %", S), // RULES.md:105 POV-02
        new("KubePermensos2019", "Poverty.Kepmensos262MaxElectricityVa", "450", S), // RULES.md:105 POV-02
        new("KubePermensos2019", "WealthRanking.MinInformants", "3", S), // RULES.md:110 PRA-01
        new("KubePermensos2019", "WealthRanking.WarnAboveHouseholds", "100", S), // RULES.md:110 PRA-01
        new("KubePermensos2019", "WealthRanking.Bands", "Kaya≤25; Sedang≤50; Miskin≤75 (poor); SangatMiskin≤100 (poor)", S), // RULES.md:112 PRA-02
        new("KubePermensos2019", "Facilitation.MaxGroupsPerPendamping", "10", S), // RULES.md:120 FAC-01
        new("KubePermensos2019", "Facilitation.ReportInterval", "P1M", S), // RULES.md:123 FAC-02
        new("KubePermensos2019", "Facilitation.InactivityPeriod", "P60D", D), // RULES.md:123 FAC-02
        new("KubePermensos2019", "Savings.WeeklySavingsAmount", "Rp 5.000", D), // RULES.md:136 SAV-04
        new("KubePermensos2019", "Savings.WeekStartsOn", "Monday", S), // RULES.md:136 SAV-04
        new("KubePermensos2019", "Savings.IksShareOfProfit", "10 %", D), // RULES.md:141 SAV-06
        new("KubePermensos2019", "Savings.MaxSingleAmount", "Rp 1.000.000.000.000", D), // RULES.md:148 SAV-08 "a stated ceiling (parameter per profile, stated default)": design choice
        new("KubePermensos2019", "Loans.MinSavingsMonthsBeforeInternalLending", "0", D), // RULES.md:157 LOAN-01 (a): "0 for KsmP2kp"; no KUB/KUBE source gives a minimum
        new("KubePermensos2019", "Loans.MinSavingsMonthsBeforeUpkLoan", "3", D), // RULES.md:157 LOAN-01 (b): "M consecutive months of group savings (default 3)"; KUB/KUBE borrow from no UPK
        new("KubePermensos2019", "Loans.UpkLoanRequiresJointLiabilityStatement", "True", D), // RULES.md:157 LOAN-01 (b): statement from every member; KUB/KUBE borrow from no UPK
        new("KubePermensos2019", "Loans.FirstLoanCeiling", "Rp 500.000", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubePermensos2019", "Loans.RepeatLoanCeiling", "Rp 2.000.000", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubePermensos2019", "Loans.BankReferralAfterLoans", "4", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubePermensos2019", "Loans.BankReferralPrincipal", "Rp 2.000.000", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubePermensos2019", "Loans.MinTermMonths", "3", D), // RULES.md:165 LOAN-03; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubePermensos2019", "Loans.MaxTermMonths", "12", D), // RULES.md:165 LOAN-03; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubePermensos2019", "Loans.AllowedFrequencies", "Weekly, Monthly", D), // RULES.md:165 LOAN-03; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubePermensos2019", "Loans.MonthlyServiceCharge", "1,5 %", D), // RULES.md:168 LOAN-04; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubePermensos2019", "Meetings.QuorumShare", "50 %", D), // RULES.md:173 LOAN-06
        new("KubePermensos2019", "Meetings.QuorumIsExclusive", "True", D), // RULES.md:173 LOAN-06
        new("KubePermensos2019", "Loans.RentengThresholdMissedInstallments", "3", D), // RULES.md:177 LOAN-08; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubePermensos2019", "Collectibility.Kol2MaxInstallments", "3", S), // RULES.md:183 COL-01
        new("KubePermensos2019", "Collectibility.Kol3MaxInstallments", "6", D), // RULES.md:183 COL-01
        new("KubePermensos2019", "Collectibility.Kol4MaxInstallments", "9", D), // RULES.md:183 COL-01
        new("KubePermensos2019", "Collectibility.DpkMaxDays", "90", S), // RULES.md:185 COL-02
        new("KubePermensos2019", "Collectibility.KurangLancarMaxDays", "120", S), // RULES.md:185 COL-02
        new("KubePermensos2019", "Collectibility.DiragukanMaxDays", "180", S), // RULES.md:185 COL-02
        new("KubePermensos2019", "Collectibility.Provisions", "1 %; 5 %; 15 %; 50 %; 100 %", S), // RULES.md:185 COL-02
        new("KubePermensos2019", "Portfolio.AtRiskArrearsInstallments", "3", S), // RULES.md:187 PORT-01
        new("KubePermensos2019", "Portfolio.AtRiskGoodBelow", "10 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubePermensos2019", "Portfolio.AtRiskAdequateUpTo", "20 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubePermensos2019", "Portfolio.RepaymentGoodAbove", "90 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubePermensos2019", "Portfolio.RepaymentAdequateFrom", "80 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubePermensos2019", "Portfolio.CostCoverageGoodAbove", "125 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubePermensos2019", "Portfolio.CostCoverageAdequateFrom", "100 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubePermensos2019", "Portfolio.ReturnOnInvestmentGoodAbove", "10 %", S), // RULES.md:187 PORT-01 "ROI > 10 % good" (inclusivity: KubeCore's choice)
        new("KubePermensos2019", "Portfolio.ReturnOnInvestmentAdequateFrom", "0 %", S), // RULES.md:187 PORT-01 "0-10 % adequate"
        new("KubePermensos2019", "Aid.GrantSchedule", "Rp 2.000.000 per member household from 2016-01-01", S), // RULES.md:39 profile table; RULES.md:196 AID-01 (Mensos 2016 and 2020)
        new("KubePermensos2019", "Aid.DevelopmentAidMinGroupAge", "—", S), // RULES.md:40 profile table; RULES.md:201 AID-02
        new("KubePermensos2019", "Aid.LpjDuePeriod", "P21D", D), // RULES.md:205 AID-03
        new("KubePermensos2019", "Compliance.SavingsShareOfMembers", "100 %", S), // RULES.md:213 FIVE-01
        new("KubePermensos2019", "Compliance.StageTraitShare", "50 %", D), // RULES.md:222 STG-01
        new("KubePermensos2019", "Compliance.MajuRisingMonths", "3", D), // RULES.md:222 STG-01
        new("KubePermensos2019", "Compliance.SustainableAttendanceShare", "75 %", D), // RULES.md:229 STG-02
        // KubeBlps@1
        new("KubeBlps", "Membership.MinMembers", "10", S), // RULES.md:33 profile table; RULES.md:49 GRP-01
        new("KubeBlps", "Membership.MaxMembers", "10", S), // RULES.md:33 profile table; RULES.md:49 GRP-01
        new("KubeBlps", "Membership.MembersPerHousehold", "1", S), // RULES.md:34 profile table; RULES.md:54 GRP-03
        new("KubeBlps", "Membership.ResidenceScope", "Kecamatan", S), // RULES.md:55 GRP-04
        new("KubeBlps", "Membership.UnderStrengthGracePeriod", "P90D", D), // RULES.md:57 GRP-05
        new("KubeBlps", "Membership.PovertyEvidence", "RegistryDecile", S), // RULES.md:36 profile table; RULES.md:67 MEM-01
        new("KubeBlps", "Poverty.MaxEligibleDecile", "4", S), // RULES.md:67 MEM-01
        new("KubeBlps", "Poverty.DecileValidity", "P3M", D), // RULES.md:67 MEM-01
        new("KubeBlps", "Membership.RequiresHeadOrMainEarner", "True", S), // RULES.md:70 MEM-02
        new("KubeBlps", "Membership.MinAge", "15", S), // RULES.md:37 profile table; RULES.md:71 MEM-03
        new("KubeBlps", "Membership.MaxAge", "55", S), // RULES.md:37 profile table; RULES.md:71 MEM-03
        new("KubeBlps", "Membership.RequiresMarriage", "False", S), // RULES.md:71 MEM-03 (the profile states no marriage rule)
        new("KubeBlps", "Membership.ExcludedEmployment", "StateEmployees", S), // RULES.md:74 MEM-04
        new("KubeBlps", "Membership.MinWomenShare", "—", S), // RULES.md:38 profile table; RULES.md:75 MEM-05
        new("KubeBlps", "Membership.MaxNameLength", "100", D), // RULES.md:81 MEM-07 "at most a stated length (parameter, default 100)": design choice
        new("KubeBlps", "Officers.OnePersonOneOffice", "True", S), // RULES.md:88 OFF-02
        new("KubeBlps", "Officers.SegregateTreasurerLoans", "True", D), // RULES.md:95 OFF-05
        new("KubeBlps", "Poverty.BpsMinCriteriaMet", "9", S), // RULES.md:98 POV-01
        new("KubeBlps", "Poverty.BpsFloorAreaPerPersonM2", "8", S), // RULES.md:98 POV-01
        new("KubeBlps", "Poverty.BpsMaxProteinMealsPerWeek", "1", S), // RULES.md:98 POV-01
        new("KubeBlps", "Poverty.BpsMaxClothingSetsPerYear", "1", S), // RULES.md:98 POV-01
        new("KubeBlps", "Poverty.BpsMaxMealsPerDay", "2", S), // RULES.md:98 POV-01
        new("KubeBlps", "Poverty.BpsFarmLandM2", "500", S), // RULES.md:98 POV-01
        new("KubeBlps", "Poverty.BpsHeadMonthlyIncome", "Rp 600.000", S), // RULES.md:98 POV-01
        new("KubeBlps", "Poverty.BpsSaleableAsset", "Rp 500.000", S), // RULES.md:98 POV-01
        new("KubeBlps", "Poverty.Kepmensos262MinFurtherCriteriaMet", "5", S), // RULES.md:105 POV-02
        new("KubeBlps", "Poverty.Kepmensos262FoodShare", "50 %", S), // RULES.md:105 POV-02
        new("KubeBlps", "Poverty.Kepmensos262MaxElectricityVa", "450", S), // RULES.md:105 POV-02
        new("KubeBlps", "WealthRanking.MinInformants", "3", S), // RULES.md:110 PRA-01
        new("KubeBlps", "WealthRanking.WarnAboveHouseholds", "100", S), // RULES.md:110 PRA-01
        new("KubeBlps", "WealthRanking.Bands", "Kaya≤25; Sedang≤50; Miskin≤75 (poor); SangatMiskin≤100 (poor)", S), // RULES.md:112 PRA-02
        new("KubeBlps", "Facilitation.MaxGroupsPerPendamping", "10", S), // RULES.md:120 FAC-01
        new("KubeBlps", "Facilitation.ReportInterval", "P1M", S), // RULES.md:123 FAC-02
        new("KubeBlps", "Facilitation.InactivityPeriod", "P60D", D), // RULES.md:123 FAC-02
        new("KubeBlps", "Savings.WeeklySavingsAmount", "Rp 5.000", D), // RULES.md:136 SAV-04
        new("KubeBlps", "Savings.WeekStartsOn", "Monday", S), // RULES.md:136 SAV-04
        new("KubeBlps", "Savings.IksShareOfProfit", "10 %", D), // RULES.md:141 SAV-06
        new("KubeBlps", "Savings.MaxSingleAmount", "Rp 1.000.000.000.000", D), // RULES.md:148 SAV-08 "a stated ceiling (parameter per profile, stated default)": design choice
        new("KubeBlps", "Loans.MinSavingsMonthsBeforeInternalLending", "0", D), // RULES.md:157 LOAN-01 (a): "0 for KsmP2kp"; no KUB/KUBE source gives a minimum
        new("KubeBlps", "Loans.MinSavingsMonthsBeforeUpkLoan", "3", D), // RULES.md:157 LOAN-01 (b): "M consecutive months of group savings (default 3)"; KUB/KUBE borrow from no UPK
        new("KubeBlps", "Loans.UpkLoanRequiresJointLiabilityStatement", "True", D), // RULES.md:157 LOAN-01 (b): statement from every member; KUB/KUBE borrow from no UPK
        new("KubeBlps", "Loans.FirstLoanCeiling", "Rp 500.000", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubeBlps", "Loans.RepeatLoanCeiling", "Rp 2.000.000", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubeBlps", "Loans.BankReferralAfterLoans", "4", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubeBlps", "Loans.BankReferralPrincipal", "Rp 2.000.000", D), // RULES.md:163 LOAN-02; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubeBlps", "Loans.MinTermMonths", "3", D), // RULES.md:165 LOAN-03; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubeBlps", "Loans.MaxTermMonths", "12", D), // RULES.md:165 LOAN-03; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubeBlps", "Loans.AllowedFrequencies", "Weekly, Monthly", D), // RULES.md:165 LOAN-03; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubeBlps", "Loans.MonthlyServiceCharge", "1,5 %", D), // RULES.md:168 LOAN-04; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubeBlps", "Meetings.QuorumShare", "50 %", D), // RULES.md:173 LOAN-06
        new("KubeBlps", "Meetings.QuorumIsExclusive", "True", D), // RULES.md:173 LOAN-06
        new("KubeBlps", "Loans.RentengThresholdMissedInstallments", "3", D), // RULES.md:177 LOAN-08; RULES.md:19-21 "LOAN-02 and LOAN-08 values in KUBE profiles are design choices", LOAN-03/04 (KUB/KUBE)
        new("KubeBlps", "Collectibility.Kol2MaxInstallments", "3", S), // RULES.md:183 COL-01
        new("KubeBlps", "Collectibility.Kol3MaxInstallments", "6", D), // RULES.md:183 COL-01
        new("KubeBlps", "Collectibility.Kol4MaxInstallments", "9", D), // RULES.md:183 COL-01
        new("KubeBlps", "Collectibility.DpkMaxDays", "90", S), // RULES.md:185 COL-02
        new("KubeBlps", "Collectibility.KurangLancarMaxDays", "120", S), // RULES.md:185 COL-02
        new("KubeBlps", "Collectibility.DiragukanMaxDays", "180", S), // RULES.md:185 COL-02
        new("KubeBlps", "Collectibility.Provisions", "1 %; 5 %; 15 %; 50 %; 100 %", S), // RULES.md:185 COL-02
        new("KubeBlps", "Portfolio.AtRiskArrearsInstallments", "3", S), // RULES.md:187 PORT-01
        new("KubeBlps", "Portfolio.AtRiskGoodBelow", "10 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubeBlps", "Portfolio.AtRiskAdequateUpTo", "20 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubeBlps", "Portfolio.RepaymentGoodAbove", "90 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubeBlps", "Portfolio.RepaymentAdequateFrom", "80 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubeBlps", "Portfolio.CostCoverageGoodAbove", "125 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubeBlps", "Portfolio.CostCoverageAdequateFrom", "100 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KubeBlps", "Portfolio.ReturnOnInvestmentGoodAbove", "10 %", S), // RULES.md:187 PORT-01 "ROI > 10 % good" (inclusivity: KubeCore's choice)
        new("KubeBlps", "Portfolio.ReturnOnInvestmentAdequateFrom", "0 %", S), // RULES.md:187 PORT-01 "0-10 % adequate"
        new("KubeBlps", "Aid.GrantSchedule", "Rp 30.000.000 per group from 2011-01-01", S), // RULES.md:39 profile table; RULES.md:196 AID-01 (seed 002, L)
        new("KubeBlps", "Aid.DevelopmentAidMinGroupAge", "P2Y", S), // RULES.md:40 profile table; RULES.md:201 AID-02
        new("KubeBlps", "Aid.LpjDuePeriod", "P21D", D), // RULES.md:205 AID-03
        new("KubeBlps", "Compliance.SavingsShareOfMembers", "100 %", S), // RULES.md:213 FIVE-01
        new("KubeBlps", "Compliance.StageTraitShare", "50 %", D), // RULES.md:222 STG-01
        new("KubeBlps", "Compliance.MajuRisingMonths", "3", D), // RULES.md:222 STG-01
        new("KubeBlps", "Compliance.SustainableAttendanceShare", "75 %", D), // RULES.md:229 STG-02
        // KsmP2kp@1
        new("KsmP2kp", "Membership.MinMembers", "5", S), // RULES.md:33 profile table; RULES.md:49 GRP-01
        new("KsmP2kp", "Membership.MaxMembers", "—", S), // RULES.md:33 profile table; RULES.md:49 GRP-01
        new("KsmP2kp", "Membership.MembersPerHousehold", "1", S), // RULES.md:34 profile table; RULES.md:54 GRP-03
        new("KsmP2kp", "Membership.ResidenceScope", "Desa", S), // RULES.md:55 GRP-04
        new("KsmP2kp", "Membership.UnderStrengthGracePeriod", "P90D", D), // RULES.md:57 GRP-05
        new("KsmP2kp", "Membership.PovertyEvidence", "Ps2List", S), // RULES.md:36 profile table; RULES.md:67 MEM-01
        new("KsmP2kp", "Poverty.MaxEligibleDecile", "4", S), // RULES.md:67 MEM-01
        new("KsmP2kp", "Poverty.DecileValidity", "P3M", D), // RULES.md:67 MEM-01
        new("KsmP2kp", "Membership.RequiresHeadOrMainEarner", "False", S), // RULES.md:70 MEM-02
        new("KsmP2kp", "Membership.MinAge", "17", D), // RULES.md:37 profile table; RULES.md:71 MEM-03
        new("KsmP2kp", "Membership.MaxAge", "—", S), // RULES.md:37 profile table; RULES.md:71 MEM-03
        new("KsmP2kp", "Membership.RequiresMarriage", "False", S), // RULES.md:71 MEM-03 (the profile states no marriage rule)
        new("KsmP2kp", "Membership.ExcludedEmployment", "None", S), // RULES.md:74 MEM-04
        new("KsmP2kp", "Membership.MinWomenShare", "30 %", S), // RULES.md:38 profile table; RULES.md:75 MEM-05
        new("KsmP2kp", "Membership.MaxNameLength", "100", D), // RULES.md:81 MEM-07 "at most a stated length (parameter, default 100)": design choice
        new("KsmP2kp", "Officers.OnePersonOneOffice", "True", S), // RULES.md:88 OFF-02
        new("KsmP2kp", "Officers.SegregateTreasurerLoans", "True", D), // RULES.md:95 OFF-05
        new("KsmP2kp", "Poverty.BpsMinCriteriaMet", "9", S), // RULES.md:98 POV-01
        new("KsmP2kp", "Poverty.BpsFloorAreaPerPersonM2", "8", S), // RULES.md:98 POV-01
        new("KsmP2kp", "Poverty.BpsMaxProteinMealsPerWeek", "1", S), // RULES.md:98 POV-01
        new("KsmP2kp", "Poverty.BpsMaxClothingSetsPerYear", "1", S), // RULES.md:98 POV-01
        new("KsmP2kp", "Poverty.BpsMaxMealsPerDay", "2", S), // RULES.md:98 POV-01
        new("KsmP2kp", "Poverty.BpsFarmLandM2", "500", S), // RULES.md:98 POV-01
        new("KsmP2kp", "Poverty.BpsHeadMonthlyIncome", "Rp 600.000", S), // RULES.md:98 POV-01
        new("KsmP2kp", "Poverty.BpsSaleableAsset", "Rp 500.000", S), // RULES.md:98 POV-01
        new("KsmP2kp", "Poverty.Kepmensos262MinFurtherCriteriaMet", "5", S), // RULES.md:105 POV-02
        new("KsmP2kp", "Poverty.Kepmensos262FoodShare", "50 %", S), // RULES.md:105 POV-02
        new("KsmP2kp", "Poverty.Kepmensos262MaxElectricityVa", "450", S), // RULES.md:105 POV-02
        new("KsmP2kp", "WealthRanking.MinInformants", "3", S), // RULES.md:110 PRA-01
        new("KsmP2kp", "WealthRanking.WarnAboveHouseholds", "100", S), // RULES.md:110 PRA-01
        new("KsmP2kp", "WealthRanking.Bands", "Kaya≤25; Sedang≤50; Miskin≤75 (poor); SangatMiskin≤100 (poor)", S), // RULES.md:112 PRA-02
        new("KsmP2kp", "Facilitation.MaxGroupsPerPendamping", "10", D), // RULES.md:120 FAC-01; "for KUB and KSM profiles 10 is a design-choice default"
        new("KsmP2kp", "Facilitation.ReportInterval", "P1M", S), // RULES.md:123 FAC-02
        new("KsmP2kp", "Facilitation.InactivityPeriod", "P60D", D), // RULES.md:123 FAC-02
        new("KsmP2kp", "Savings.WeeklySavingsAmount", "Rp 5.000", D), // RULES.md:136 SAV-04
        new("KsmP2kp", "Savings.WeekStartsOn", "Monday", S), // RULES.md:136 SAV-04
        new("KsmP2kp", "Savings.IksShareOfProfit", "10 %", D), // RULES.md:141 SAV-06
        new("KsmP2kp", "Savings.MaxSingleAmount", "Rp 1.000.000.000.000", D), // RULES.md:148 SAV-08 "a stated ceiling (parameter per profile, stated default)": design choice
        new("KsmP2kp", "Loans.MinSavingsMonthsBeforeInternalLending", "0", S), // RULES.md:157 LOAN-01 (a): "0 for KsmP2kp"
        new("KsmP2kp", "Loans.MinSavingsMonthsBeforeUpkLoan", "3", S), // RULES.md:157 LOAN-01 (b): "M consecutive months of group savings (default 3)"
        new("KsmP2kp", "Loans.UpkLoanRequiresJointLiabilityStatement", "True", S), // RULES.md:157 LOAN-01 (b): statement from every member
        new("KsmP2kp", "Loans.FirstLoanCeiling", "Rp 500.000", S), // RULES.md:163 LOAN-02
        new("KsmP2kp", "Loans.RepeatLoanCeiling", "Rp 2.000.000", S), // RULES.md:163 LOAN-02
        new("KsmP2kp", "Loans.BankReferralAfterLoans", "4", S), // RULES.md:163 LOAN-02
        new("KsmP2kp", "Loans.BankReferralPrincipal", "Rp 2.000.000", S), // RULES.md:163 LOAN-02
        new("KsmP2kp", "Loans.MinTermMonths", "3", S), // RULES.md:165 LOAN-03
        new("KsmP2kp", "Loans.MaxTermMonths", "12", S), // RULES.md:165 LOAN-03
        new("KsmP2kp", "Loans.AllowedFrequencies", "Weekly, Monthly", S), // RULES.md:165 LOAN-03
        new("KsmP2kp", "Loans.MonthlyServiceCharge", "1,5 %", S), // RULES.md:168 LOAN-04
        new("KsmP2kp", "Meetings.QuorumShare", "50 %", D), // RULES.md:173 LOAN-06
        new("KsmP2kp", "Meetings.QuorumIsExclusive", "True", D), // RULES.md:173 LOAN-06
        new("KsmP2kp", "Loans.RentengThresholdMissedInstallments", "3", S), // RULES.md:177 LOAN-08
        new("KsmP2kp", "Collectibility.Kol2MaxInstallments", "3", S), // RULES.md:183 COL-01
        new("KsmP2kp", "Collectibility.Kol3MaxInstallments", "6", D), // RULES.md:183 COL-01
        new("KsmP2kp", "Collectibility.Kol4MaxInstallments", "9", D), // RULES.md:183 COL-01
        new("KsmP2kp", "Collectibility.DpkMaxDays", "90", S), // RULES.md:185 COL-02
        new("KsmP2kp", "Collectibility.KurangLancarMaxDays", "120", S), // RULES.md:185 COL-02
        new("KsmP2kp", "Collectibility.DiragukanMaxDays", "180", S), // RULES.md:185 COL-02
        new("KsmP2kp", "Collectibility.Provisions", "1 %; 5 %; 15 %; 50 %; 100 %", S), // RULES.md:185 COL-02
        new("KsmP2kp", "Portfolio.AtRiskArrearsInstallments", "3", S), // RULES.md:187 PORT-01
        new("KsmP2kp", "Portfolio.AtRiskGoodBelow", "10 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KsmP2kp", "Portfolio.AtRiskAdequateUpTo", "20 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KsmP2kp", "Portfolio.RepaymentGoodAbove", "90 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KsmP2kp", "Portfolio.RepaymentAdequateFrom", "80 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KsmP2kp", "Portfolio.CostCoverageGoodAbove", "125 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KsmP2kp", "Portfolio.CostCoverageAdequateFrom", "100 %", S), // RULES.md:187 PORT-01; inclusivity is KubeCore's stated choice
        new("KsmP2kp", "Portfolio.ReturnOnInvestmentGoodAbove", "10 %", S), // RULES.md:187 PORT-01 "ROI > 10 % good" (inclusivity: KubeCore's choice)
        new("KsmP2kp", "Portfolio.ReturnOnInvestmentAdequateFrom", "0 %", S), // RULES.md:187 PORT-01 "0-10 % adequate"
        new("KsmP2kp", "Aid.GrantSchedule", "—", S), // RULES.md:39 profile table; RULES.md:196 AID-01
        new("KsmP2kp", "Aid.DevelopmentAidMinGroupAge", "—", S), // RULES.md:40 profile table; RULES.md:201 AID-02
        new("KsmP2kp", "Aid.LpjDuePeriod", "P21D", D), // RULES.md:205 AID-03
        new("KsmP2kp", "Compliance.SavingsShareOfMembers", "100 %", S), // RULES.md:213 FIVE-01
        new("KsmP2kp", "Compliance.StageTraitShare", "50 %", D), // RULES.md:222 STG-01
        new("KsmP2kp", "Compliance.MajuRisingMonths", "3", D), // RULES.md:222 STG-01
        new("KsmP2kp", "Compliance.SustainableAttendanceShare", "75 %", D), // RULES.md:229 STG-02
    ];

    private static readonly (string Rule, Confidence Confidence)[] ConfidenceRows =
    [
        ("GRP-01", MH), // RULES.md:49
        ("GRP-02", Seed), // RULES.md:52
        ("GRP-03", L), // RULES.md:54
        ("GRP-04", M), // RULES.md:55
        ("GRP-05", DC), // RULES.md:57
        ("GRP-06", M), // RULES.md:60
        ("GRP-07", M), // RULES.md:63
        ("MEM-01", M), // RULES.md:67 "so M" (lowered, RULES.md:20)
        ("MEM-02", M), // RULES.md:70
        ("MEM-03", M), // RULES.md:71
        ("MEM-04", M), // RULES.md:74
        ("MEM-05", M), // RULES.md:75 "(M)" (lowered)
        ("MEM-06", H), // RULES.md:77
        ("OFF-01", H), // RULES.md:87
        ("OFF-02", M), // RULES.md:88 "(M: only copies were readable)" (lowered)
        ("OFF-03", MH), // RULES.md:91 "(M-H)" (lowered)
        ("OFF-04", DC), // RULES.md:93
        ("OFF-05", DC), // RULES.md:95
        ("POV-01", M), // RULES.md:98 "(M)" (lowered)
        ("POV-02", M), // RULES.md:105
        ("POV-03", M), // RULES.md:107 "staleness ... (design choice, M)" (lowered)
        ("PRA-01", H), // RULES.md:110
        ("PRA-02", L), // RULES.md:112
        ("PRA-03", Seed), // RULES.md:115
        ("FAC-01", H), // RULES.md:120 "H for KUBE; for KUB and KSM profiles 10 is a design-choice default" (see the profile rows)
        ("FAC-02", M), // RULES.md:123
        ("FAC-03", Seed), // RULES.md:126
        ("SAV-01", DC), // RULES.md:130
        ("SAV-02", H), // RULES.md:133 RULES.md states no label; bookkeeping principle
        ("SAV-03", DC), // RULES.md:134
        ("SAV-04", Seed), // RULES.md:136
        ("SAV-05", Seed), // RULES.md:139
        ("SAV-06", M), // RULES.md:141
        ("SAV-07", DC), // RULES.md:146
        ("LOAN-01", M), // RULES.md:157
        ("LOAN-02", M), // RULES.md:163
        ("LOAN-03", M), // RULES.md:165 "(M)"; KUB/KUBE values are design choices (see the profile rows)
        ("LOAN-04", LM), // RULES.md:168 "(L-M)"
        ("LOAN-05", M), // RULES.md:172 RULES.md states no label; catalogue keeps M (PNPM MP rules)
        ("LOAN-06", M), // RULES.md:173
        ("LOAN-07", M), // RULES.md:176
        ("LOAN-08", M), // RULES.md:177 RULES.md states no label; KUBE values are design choices (RULES.md:19-21, see the profile rows)
        ("LOAN-09", H), // RULES.md:180 RULES.md states no label; catalogue keeps H (PNPM MP pinjaman bergulir)
        ("COL-01", M), // RULES.md:183 "M for Kol 1-2; Kol 3-5 unsourced (L)" (lowered for Kol 3-5: see the profile rows)
        ("COL-02", H), // RULES.md:185
        ("PORT-01", M), // RULES.md:187 "(M)"; inclusivity is KubeCore's stated choice (lowered)
        ("PORT-02", DC), // RULES.md:193 RULES.md states no source: a KubeCore design choice
        ("AID-01", M), // RULES.md:196
        ("AID-02", M), // RULES.md:201 "telah berjalan minimal 2 tahun", M
        ("AID-03", L), // RULES.md:205 "L" (lowered)
        ("FIVE-01", Seed), // RULES.md:213
        ("FIVE-02", Seed), // RULES.md:214
        ("FIVE-03", Seed), // RULES.md:215
        ("FIVE-04", Seed), // RULES.md:216
        ("FIVE-05", Seed), // RULES.md:218
        ("STG-01", M), // RULES.md:222
        ("STG-02", M), // RULES.md:229-232 seed 001; Dinsos DIY "(M)"
        ("PRIV-01", H), // RULES.md:235
        ("MEM-07", DC), // RULES.md:81-84 "Source: KubeCore design choice"
        ("SAV-08", DC), // RULES.md:148-151 "Source: KubeCore design choice"
        ("SAV-09", DC), // RULES.md:152-155 "Source: KubeCore design choice"
    ];

    [Fact]
    public void Every_built_in_profile_has_the_parameter_values_and_provenance_the_table_cites_from_RULES_md()
    {
        var expected = ProfileRows.Select(r => $"{r.Profile} {r.Parameter} = {r.Value} ({r.Provenance})").ToList();
        var actual = ProgramProfiles.All
            .SelectMany(profile => RuleCatalogue.AllParameters.Select(p =>
                $"{profile.Code} {p.Name} = {p.FormattedValueIn(profile)} ({RuleCatalogue.ProvenanceOf(p, profile).Kind})"))
            .ToList();
        actual.Except(expected).ShouldBeEmpty("values in the code that the table does not hold");
        expected.Except(actual).ShouldBeEmpty("rows of the table the code does not hold");
        ProfileRows.Select(r => (r.Profile, r.Parameter)).Distinct().Count().ShouldBe(ProfileRows.Length, "one row per profile and parameter");
    }

    [Fact]
    public void Every_rule_has_the_confidence_RULES_md_states()
    {
        var expected = ConfidenceRows.Select(r => $"{r.Rule} {r.Confidence}").ToList();
        var actual = RuleCatalogue.All.Select(r => $"{r.Id} {r.Confidence}").ToList();
        actual.Except(expected).ShouldBeEmpty("labels in the catalogue that the table does not hold");
        expected.Except(actual).ShouldBeEmpty("rows of the table the catalogue does not hold");
    }

    [Fact]
    public void The_rulebook_marks_design_choice_cells_and_the_sourced_cells_stand_on_a_citation()
    {
        var weekly = RuleCatalogue.Get(RuleIds.Sav04).Parameters.Single(p => p.Name == "Savings.WeeklySavingsAmount");
        foreach (var profile in ProgramProfiles.All)
        {
            RuleCatalogue.ProvenanceOf(weekly, profile).Kind.ShouldBe(D);
        }
        var fac01 = RuleCatalogue.Get(RuleIds.Fac01);
        var ratio = fac01.Parameters.Single();
        RuleCatalogue.ProvenanceOf(ratio, ProgramProfiles.KubePermensos2019).ShouldBe(ParameterProvenance.Sourced("Dinsos Palangka Raya; Kemensos 2020: \"1 pendamping ... 10 kelompok\" (FAC-01, H for KUBE)"));
        RuleCatalogue.ProvenanceOf(ratio, ProgramProfiles.KsmP2kp).Kind.ShouldBe(D);
        var grp05 = RuleCatalogue.Get(RuleIds.Grp05);
        RuleCatalogue.ProvenanceOf(grp05.Parameters.Single(p => p.Name == "Membership.UnderStrengthGracePeriod"), ProgramProfiles.Kub).ShouldBe(ParameterProvenance.DesignChoice(grp05.Source));
        var grp01 = RuleCatalogue.Get(RuleIds.Grp01);
        // GRP-05 reads the minimum too, but the value is GRP-01's: the first rule that reads a parameter answers for it.
        RuleCatalogue.ProvenanceOf(grp05.Parameters.Single(p => p.Name == "Membership.MinMembers"), ProgramProfiles.Kub).ShouldBe(ParameterProvenance.Sourced(grp01.Source));
    }

    [Fact]
    public void A_derived_profile_inherits_provenance_and_credits_the_values_it_changes_to_its_own_citation()
    {
        var kalbar = ProgramProfiles.KubePermensos2019.Derive(
            "KubeKalbarTest", 1, "Dinsos Kalbar 2019: syarat pengajuan KUBE (10 KK)", new LocalDate(2019, 9, 12),
            p => p with { Membership = p.Membership with { MinMembers = 10, MaxMembers = 10 } });

        kalbar.Provenance["Membership.MinMembers"].ShouldBe(ParameterProvenance.Sourced("Dinsos Kalbar 2019: syarat pengajuan KUBE (10 KK)"));
        kalbar.Provenance["Membership.MaxMembers"].ShouldBe(ParameterProvenance.Sourced("Dinsos Kalbar 2019: syarat pengajuan KUBE (10 KK)"));
        kalbar.Provenance["Savings.WeeklySavingsAmount"].ShouldBe(ProgramProfiles.KubePermensos2019.Provenance["Savings.WeeklySavingsAmount"]);
        kalbar.Provenance.ContainsKey("Membership.ResidenceScope").ShouldBeFalse(); // unchanged and unstated: stands on GRP-04's source
        kalbar.Provenance.Count.ShouldBe(ProgramProfiles.KubePermensos2019.Provenance.Count + 2);
    }

    [Fact]
    public void A_derivation_can_state_a_changed_value_as_a_design_choice_and_an_unknown_parameter_is_refused()
    {
        var choice = ParameterProvenance.DesignChoice("a district's own weekly amount, agreed at the first meeting");
        var district = ProgramProfiles.KsmP2kp.Derive(
            "KsmDistrictTest", 1, "BKM Guyub Rukun: aturan bersama", new LocalDate(2010, 1, 1),
            p => p with { Savings = p.Savings with { WeeklySavingsAmount = KubeCore.Common.Rupiah.Of(2_000) } },
            provenance: new Dictionary<string, ParameterProvenance> { ["Savings.WeeklySavingsAmount"] = choice });
        district.Provenance["Savings.WeeklySavingsAmount"].ShouldBe(choice);
        choice.ToString().ShouldBe("design choice (a district's own weekly amount, agreed at the first meeting)");

        Should.Throw<ArgumentException>(() => ProgramProfiles.KsmP2kp.Derive(
            "KsmTypoTest", 1, "test", new LocalDate(2010, 1, 1), p => p,
            provenance: new Dictionary<string, ParameterProvenance> { ["Savings.WeeklyAmount"] = choice }));
        Should.Throw<ArgumentException>(() => ParameterProvenance.Sourced(" "));
    }

    [Fact]
    public void The_stage_trait_share_and_the_rising_months_are_labelled_design_choices_in_every_profile()
    {
        var stg01 = RuleCatalogue.Get(RuleIds.Stg01);
        foreach (var profile in ProgramProfiles.All)
        {
            stg01.Parameters.ShouldAllBe(p => RuleCatalogue.ProvenanceOf(p, profile).Kind == D);
        }
        GroupStages.TraitsOf(GroupStage.Berkembang).Count.ShouldBe(4);
    }
}
