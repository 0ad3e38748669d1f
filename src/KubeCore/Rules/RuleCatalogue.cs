using System.Collections.Frozen;
using NodaTime;
using static KubeCore.Rules.Confidence;

namespace KubeCore.Rules;

/// <summary>
/// The rule catalogue: every rule of shared/domain/RULES.md, once, as data. Code that enforces a rule
/// names it through <see cref="RuleIds"/>; every <see cref="Decision"/> and <see cref="RuleViolation"/>
/// carries the id, so an auditor can trace it here to its source and parameters.
/// </summary>
public static class RuleCatalogue
{
    private static readonly LocalDate Catalogue = new(2026, 11, 22);
    // Permensos 2/2019 took effect when promulgated, 12 March 2019 (signed 6 March 2019); every rule it sources,
    // and every rule dated by it, takes that date.
    private static readonly LocalDate Permensos2019 = new(2019, 3, 12);
    private static readonly LocalDate Pnpm2008 = new(2008, 1, 1);
    private static readonly LocalDate Seed2012 = new(2012, 8, 2);
    private static readonly LocalDate Hardening = new(2026, 12, 6);

    private static class P
    {
        public static readonly ParameterDefinition MinMembers = new("Membership.MinMembers", "members", "Fewest members of a group (inclusive).", p => p.Membership.MinMembers);
        public static readonly ParameterDefinition MaxMembers = new("Membership.MaxMembers", "members", "Most members of a group (inclusive); none means no upper bound.", p => p.Membership.MaxMembers);
        public static readonly ParameterDefinition MembersPerHousehold = new("Membership.MembersPerHousehold", "members", "Members per household (Kartu Keluarga).", p => p.Membership.MembersPerHousehold);
        public static readonly ParameterDefinition ResidenceScope = new("Membership.ResidenceScope", "scope", "Area all members must live in: one kecamatan, or (strict) one desa/kelurahan.", p => p.Membership.ResidenceScope);
        public static readonly ParameterDefinition GracePeriod = new("Membership.UnderStrengthGracePeriod", "period", "Grace period of an under-strength group.", p => p.Membership.UnderStrengthGracePeriod);
        public static readonly ParameterDefinition PovertyEvidence = new("Membership.PovertyEvidence", "rule", "Evidence of poverty accepted for membership.", p => p.Membership.PovertyEvidence);
        public static readonly ParameterDefinition MaxDecile = new("Poverty.MaxEligibleDecile", "decile", "Highest DTKS/DTSEN decile that counts as poor.", p => p.Poverty.MaxEligibleDecile);
        public static readonly ParameterDefinition HeadOrEarner = new("Membership.RequiresHeadOrMainEarner", "yes/no", "Member must be head of household or main earner.", p => p.Membership.RequiresHeadOrMainEarner);
        public static readonly ParameterDefinition MinAge = new("Membership.MinAge", "years", "Youngest member age (inclusive).", p => p.Membership.MinAge);
        public static readonly ParameterDefinition MaxAge = new("Membership.MaxAge", "years", "Oldest member age (inclusive).", p => p.Membership.MaxAge);
        public static readonly ParameterDefinition RequiresMarriage = new("Membership.RequiresMarriage", "yes/no", "Member must be married (sudah menikah: married, divorced or widowed).", p => p.Membership.RequiresMarriage);
        public static readonly ParameterDefinition Excluded = new("Membership.ExcludedEmployment", "kinds", "Employment that excludes a person.", p => p.Membership.ExcludedEmployment);
        public static readonly ParameterDefinition MinWomen = new("Membership.MinWomenShare", "%", "Least share of women among members.", p => p.Membership.MinWomenShare);
        public static readonly ParameterDefinition MaxNameLength = new("Membership.MaxNameLength", "code points", "Longest group name (persons and pendamping: the library default, 100).", p => p.Membership.MaxNameLength);
        public static readonly ParameterDefinition OneOffice = new("Officers.OnePersonOneOffice", "yes/no", "One person holds at most one office.", p => p.Officers.OnePersonOneOffice);
        public static readonly ParameterDefinition Segregate = new("Officers.SegregateTreasurerLoans", "yes/no", "The bendahara may not approve their own loan.", p => p.Officers.SegregateTreasurerLoans);
        public static readonly ParameterDefinition BpsMin = new("Poverty.BpsMinCriteriaMet", "criteria", "BPS criteria (of 14) that make a household poor.", p => p.Poverty.BpsMinCriteriaMet);
        public static readonly ParameterDefinition BpsFloor = new("Poverty.BpsFloorAreaPerPersonM2", "m²/person", "Floor area per person below which criterion 1 holds.", p => p.Poverty.BpsFloorAreaPerPersonM2);
        public static readonly ParameterDefinition BpsProtein = new("Poverty.BpsMaxProteinMealsPerWeek", "times/week", "Meat/milk/chicken at most this often: criterion 8.", p => p.Poverty.BpsMaxProteinMealsPerWeek);
        public static readonly ParameterDefinition BpsClothes = new("Poverty.BpsMaxClothingSetsPerYear", "sets/year", "New clothes at most this often: criterion 9.", p => p.Poverty.BpsMaxClothingSetsPerYear);
        public static readonly ParameterDefinition BpsMeals = new("Poverty.BpsMaxMealsPerDay", "meals/day", "Meals at most this many: criterion 10.", p => p.Poverty.BpsMaxMealsPerDay);
        public static readonly ParameterDefinition BpsLand = new("Poverty.BpsFarmLandM2", "m²", "Farm land below which criterion 12 holds.", p => p.Poverty.BpsFarmLandM2);
        public static readonly ParameterDefinition BpsIncome = new("Poverty.BpsHeadMonthlyIncome", "Rp/month", "Head's income below which criterion 12 holds.", p => p.Poverty.BpsHeadMonthlyIncome);
        public static readonly ParameterDefinition BpsAsset = new("Poverty.BpsSaleableAsset", "Rp", "No saleable asset of at least this: criterion 14.", p => p.Poverty.BpsSaleableAsset);
        public static readonly ParameterDefinition KepMin = new("Poverty.Kepmensos262MinFurtherCriteriaMet", "criteria", "Further criteria (of 8) that make a household fakir miskin.", p => p.Poverty.Kepmensos262MinFurtherCriteriaMet);
        public static readonly ParameterDefinition KepFood = new("Poverty.Kepmensos262FoodShare", "%", "Food share of spending above which criterion (c) holds.", p => p.Poverty.Kepmensos262FoodShare);
        public static readonly ParameterDefinition KepVa = new("Poverty.Kepmensos262MaxElectricityVa", "VA", "Electricity at most this (or none): criterion (h).", p => p.Poverty.Kepmensos262MaxElectricityVa);
        public static readonly ParameterDefinition DecileValidity = new("Poverty.DecileValidity", "period", "A decile older than this is stale.", p => p.Poverty.DecileValidity);
        public static readonly ParameterDefinition MinInformants = new("WealthRanking.MinInformants", "informants", "Fewest independent informants.", p => p.WealthRanking.MinInformants);
        public static readonly ParameterDefinition WarnHouseholds = new("WealthRanking.WarnAboveHouseholds", "households", "More households than this gives a warning.", p => p.WealthRanking.WarnAboveHouseholds);
        public static readonly ParameterDefinition Bands = new("WealthRanking.Bands", "bands", "Score bands (category, inclusive upper score, poor?).", p => p.WealthRanking.Bands.Select(b => $"{b.Category}≤{b.MaxScore}{(b.IsPoor ? " (poor)" : string.Empty)}"));
        public static readonly ParameterDefinition MaxGroups = new("Facilitation.MaxGroupsPerPendamping", "groups", "Most groups per pendamping.", p => p.Facilitation.MaxGroupsPerPendamping);
        public static readonly ParameterDefinition ReportInterval = new("Facilitation.ReportInterval", "period", "How often a pendamping reports per group.", p => p.Facilitation.ReportInterval);
        public static readonly ParameterDefinition Inactivity = new("Facilitation.InactivityPeriod", "period", "No visit or report this long makes a pendamping inactive.", p => p.Facilitation.InactivityPeriod);
        public static readonly ParameterDefinition Quorum = new("Meetings.QuorumShare", "%", "Share of members whose presence makes a quorum.", p => p.Meetings.QuorumShare);
        public static readonly ParameterDefinition QuorumExclusive = new("Meetings.QuorumIsExclusive", "yes/no", "Presence must be strictly more than the quorum share.", p => p.Meetings.QuorumIsExclusive);
        public static readonly ParameterDefinition Weekly = new("Savings.WeeklySavingsAmount", "Rp/week", "What each member owes each week.", p => p.Savings.WeeklySavingsAmount);
        public static readonly ParameterDefinition WeekStart = new("Savings.WeekStartsOn", "day", "First day of a bookkeeping week.", p => p.Savings.WeekStartsOn);
        public static readonly ParameterDefinition Iks = new("Savings.IksShareOfProfit", "%", "Share of business profit for the IKS fund.", p => p.Savings.IksShareOfProfit);
        public static readonly ParameterDefinition InternalLendingMonths = new("Loans.MinSavingsMonthsBeforeInternalLending", "months", "(a) Consecutive months of group savings before the group lends to its members: 0 = from the first meeting (KsmP2kp: seed 004 rule 4; KUB/KUBE profiles: design choice).", p => p.Loans.MinSavingsMonthsBeforeInternalLending);
        public static readonly ParameterDefinition UpkLoanMonths = new("Loans.MinSavingsMonthsBeforeUpkLoan", "months", "(b) Consecutive months of group savings before a KSM borrows from the UPK (P2KP/PNPM; KUB/KUBE profiles have no UPK: design choice).", p => p.Loans.MinSavingsMonthsBeforeUpkLoan);
        public static readonly ParameterDefinition UpkLoanStatement = new("Loans.UpkLoanRequiresJointLiabilityStatement", "yes/no", "(b) Every member signs the tanggung renteng statement before a KSM borrows from the UPK (P2KP/PNPM; KUB/KUBE profiles: design choice).", p => p.Loans.UpkLoanRequiresJointLiabilityStatement);
        public static readonly ParameterDefinition MaxSingleAmount = new("Savings.MaxSingleAmount", "Rp", "Largest single amount of any posting or loan (inclusive).", p => p.Savings.MaxSingleAmount);
        public static readonly ParameterDefinition FirstCeiling = new("Loans.FirstLoanCeiling", "Rp", "Largest first loan per member.", p => p.Loans.FirstLoanCeiling);
        public static readonly ParameterDefinition RepeatCeiling = new("Loans.RepeatLoanCeiling", "Rp", "Largest repeat loan per member.", p => p.Loans.RepeatLoanCeiling);
        public static readonly ParameterDefinition ReferralLoans = new("Loans.BankReferralAfterLoans", "loans", "Loans after which a member is referred to a bank.", p => p.Loans.BankReferralAfterLoans);
        public static readonly ParameterDefinition ReferralPrincipal = new("Loans.BankReferralPrincipal", "Rp", "Principal after which a member is referred to a bank.", p => p.Loans.BankReferralPrincipal);
        public static readonly ParameterDefinition MinTerm = new("Loans.MinTermMonths", "months", "Shortest term.", p => p.Loans.MinTermMonths);
        public static readonly ParameterDefinition MaxTerm = new("Loans.MaxTermMonths", "months", "Longest term.", p => p.Loans.MaxTermMonths);
        public static readonly ParameterDefinition Frequencies = new("Loans.AllowedFrequencies", "frequency", "Installment frequencies allowed.", p => p.Loans.AllowedFrequencies);
        public static readonly ParameterDefinition Jasa = new("Loans.MonthlyServiceCharge", "%/month", "Flat service charge per month on the original principal.", p => p.Loans.MonthlyServiceCharge);
        public static readonly ParameterDefinition RentengThreshold = new("Loans.RentengThresholdMissedInstallments", "installments", "Missed installments after which tanggung renteng covers the arrears.", p => p.Loans.RentengThresholdMissedInstallments);
        public static readonly ParameterDefinition Kol2 = new("Collectibility.Kol2MaxInstallments", "installments", "Kol 2 (DPK) up to this many overdue.", p => p.Collectibility.Kol2MaxInstallments);
        public static readonly ParameterDefinition Kol3 = new("Collectibility.Kol3MaxInstallments", "installments", "Kol 3 up to this many overdue.", p => p.Collectibility.Kol3MaxInstallments);
        public static readonly ParameterDefinition Kol4 = new("Collectibility.Kol4MaxInstallments", "installments", "Kol 4 up to this many overdue; more is Kol 5.", p => p.Collectibility.Kol4MaxInstallments);
        public static readonly ParameterDefinition DpkDays = new("Collectibility.DpkMaxDays", "days", "DPK up to this many days past due.", p => p.Collectibility.DpkMaxDays);
        public static readonly ParameterDefinition KlDays = new("Collectibility.KurangLancarMaxDays", "days", "Kurang lancar up to this many days.", p => p.Collectibility.KurangLancarMaxDays);
        public static readonly ParameterDefinition DDays = new("Collectibility.DiragukanMaxDays", "days", "Diragukan up to this many days; more is macet.", p => p.Collectibility.DiragukanMaxDays);
        public static readonly ParameterDefinition Provisions = new("Collectibility.Provisions", "%", "Loss provisions of classes 1..5.", p => p.Collectibility.Provisions);
        public static readonly ParameterDefinition AtRisk = new("Portfolio.AtRiskArrearsInstallments", "installments", "Arrears from which a loan is at risk.", p => p.Portfolio.AtRiskArrearsInstallments);
        public static readonly ParameterDefinition AtRiskGood = new("Portfolio.AtRiskGoodBelow", "%", "LAR/PAR below this are good.", p => p.Portfolio.AtRiskGoodBelow);
        public static readonly ParameterDefinition AtRiskAdequate = new("Portfolio.AtRiskAdequateUpTo", "%", "LAR/PAR up to this are adequate.", p => p.Portfolio.AtRiskAdequateUpTo);
        public static readonly ParameterDefinition RrGood = new("Portfolio.RepaymentGoodAbove", "%", "RR above this is good.", p => p.Portfolio.RepaymentGoodAbove);
        public static readonly ParameterDefinition RrAdequate = new("Portfolio.RepaymentAdequateFrom", "%", "RR from this is adequate.", p => p.Portfolio.RepaymentAdequateFrom);
        public static readonly ParameterDefinition CcrGood = new("Portfolio.CostCoverageGoodAbove", "%", "CCr above this is good.", p => p.Portfolio.CostCoverageGoodAbove);
        public static readonly ParameterDefinition CcrAdequate = new("Portfolio.CostCoverageAdequateFrom", "%", "CCr from this is adequate.", p => p.Portfolio.CostCoverageAdequateFrom);
        public static readonly ParameterDefinition RoiGood = new("Portfolio.ReturnOnInvestmentGoodAbove", "%", "ROI above this is good.", p => p.Portfolio.ReturnOnInvestmentGoodAbove);
        public static readonly ParameterDefinition RoiAdequate = new("Portfolio.ReturnOnInvestmentAdequateFrom", "%", "ROI from this is adequate; below (a loss) is poor.", p => p.Portfolio.ReturnOnInvestmentAdequateFrom);
        public static readonly ParameterDefinition Grants = new("Aid.GrantSchedule", "Rp per group or per member household, from date", "Grant rate by effective date: per group, or per member household on the decision date.", p => p.Aid.GrantSchedule.Select(g => g.ToString()));
        public static readonly ParameterDefinition AidAge = new("Aid.DevelopmentAidMinGroupAge", "period", "Least group age for development aid.", p => p.Aid.DevelopmentAidMinGroupAge);
        public static readonly ParameterDefinition LpjDue = new("Aid.LpjDuePeriod", "period", "LPJ due after disbursement.", p => p.Aid.LpjDuePeriod);
        public static readonly ParameterDefinition SavingsShare = new("Compliance.SavingsShareOfMembers", "%", "Share of members who must save in a week.", p => p.Compliance.SavingsShareOfMembers);
        public static readonly ParameterDefinition Attendance = new("Compliance.SustainableAttendanceShare", "%", "Attendance share for the social sustainability indicator.", p => p.Compliance.SustainableAttendanceShare);
        public static readonly ParameterDefinition RisingMonths = new("Compliance.MajuRisingMonths", "months", "Months of rising profit and capital for stage Maju.", p => p.Compliance.MajuRisingMonths);
        public static readonly ParameterDefinition StageShare = new("Compliance.StageTraitShare", "%", "A stage is reached above this share of its traits (and of each lower stage's); exactly this share goes to the lower stage.", p => p.Compliance.StageTraitShare);
    }

    private static RuleDefinition R(RuleId id, string titleId, string titleEn, string statement, string source, Confidence confidence, LocalDate effectiveFrom, params ParameterDefinition[] parameters) =>
        new RuleDefinition(id, titleId, titleEn, statement, source, confidence, effectiveFrom, parameters).WithWords(RuleSourceWords.Excerpts(id), RuleSourceWords.DesignReason(id));

    private static readonly RuleDefinition[] Rules =
    [
        // Group formation
        R(RuleIds.Grp01, "Jumlah anggota kelompok sesuai profil", "Group size within the profile's range",
            "A group's member count stays within the profile's min..max at formation and at verification.",
            "Seed 000 step 5a (5-10 persons); Permensos 2/2019 Ps 3(2) (5-20 KK); PNPM manuals (KSM at least 5)", MediumHigh, Permensos2019, P.MinMembers, P.MaxMembers),
        R(RuleIds.Grp02, "Pembentukan atas kesepakatan anggota", "Formation by the members' own agreement",
            "Formation records a consent from every founding member and schedules the initial meeting (pertemuan awal).",
            "Seed 000 step 5 and 5c", Seed, Seed2012),
        R(RuleIds.Grp03, "Satu anggota per kartu keluarga", "One member per household",
            "At most one member per household (Kartu Keluarga).",
            "Permensos 2/2019 Ps 3(2) counts members in KK (inferred)", Low, Permensos2019, P.MembersPerHousehold),
        R(RuleIds.Grp04, "Anggota berdomisili di wilayah yang sama", "Members live in the same area",
            "All members live in the same kecamatan (strict profile: the same desa/kelurahan).",
            "Permensos 2/2019 Ps 3(1); Dinsos Kalbar 2019 (stricter practice)", Medium, Permensos2019, P.ResidenceScope),
        R(RuleIds.Grp05, "Kelompok kurang anggota", "Under-strength group",
            "A member leaving that takes the group below the minimum puts it in an explicit UnderStrength state with a grace period in which loans and aid are blocked.",
            "KubeCore design choice (sources skip this check)", DesignChoice, Catalogue, P.MinMembers, P.GracePeriod),
        R(RuleIds.Grp06, "Siklus hidup kelompok", "Group lifecycle",
            "Proposed → Formed (officers elected, initial meeting held) → Verified (by Dinas Sosial) → Active ⇄ UnderStrength → Dissolved; illegal transitions are rejected.",
            "Seed 003 (verification by Dinas Sosial Kota Palangka Raya); Kemensos verval (pikiran-rakyat 2020)", Medium, Permensos2019),
        R(RuleIds.Grp07, "Bantuan ke rekening kelompok", "Aid to the group's bank account",
            "Aid goes to a bank account in the group's name; aid is a group asset, never a member's.",
            "Dinsos Kalbar 2019 (syarat pengajuan KUBE)", Medium, Permensos2019),

        // Members
        R(RuleIds.Mem01, "Rumah tangga anggota tergolong miskin", "Member household is poor",
            "A member's household is poor by the profile's registry rule: DTKS/DTSEN decile at most the maximum, PRA-ranked poor or poorer, or on the PS2 list.",
            "Permensos 2/2019 Ps 4(2) (registry membership, H); PNPM (PS2 list); the decile ≤ 4 cut-off is general bansos practice (BPS briefing)", Medium, Permensos2019, P.PovertyEvidence, P.MaxDecile, P.DecileValidity),
        R(RuleIds.Mem02, "Kepala keluarga atau pencari nafkah utama", "Head of household or main earner",
            "The member is the head of household or its main earner (KUBE profiles).",
            "Permensos 2/2019 Ps 5", Medium, Permensos2019, P.HeadOrEarner),
        R(RuleIds.Mem03, "Usia anggota", "Member age",
            "The member's age is within the profile's range and, where the profile says so, the member is married (sudah menikah): KUBE 18-60 and married; Dinsos Kalbar 2019 18-59 and married (a regional profile). A marital status not recorded is refused where marriage is required.",
            "Kemensos KUBE requirements as reported 2020 (18-60, married); Dinsos Kalbar 2019 (18-59, married); Dinsos Palangka Raya; BLPS 15-55 (scribd 434827207)", Medium, Permensos2019, P.MinAge, P.MaxAge, P.RequiresMarriage),
        R(RuleIds.Mem04, "Bukan PNS, TNI/POLRI atau pensiunan", "Not a civil servant, soldier, police officer or pensioner",
            "Civil servants (PNS), TNI/POLRI and pensioners are excluded.",
            "Dinsos Kalbar 2019", Medium, Permensos2019, P.Excluded),
        R(RuleIds.Mem05, "Minimal 30 % anggota KSM perempuan", "At least 30 % of KSM members are women",
            "KSM: at least the profile's share of members are women.",
            "P2KP thesis copy (\"anggota KSM minimal 30% perempuan\"); the P2KP manual states 30 % women as a target for borrowers (yumpu 44274994; 123dok ozllvxe6z)", Medium, Pnpm2008, P.MinWomen),
        R(RuleIds.Mem06, "Format NIK dan kesesuaiannya", "NIK format and agreement",
            "A NIK is 16 digits; its region and birth-date parts (day + 40 for women) are well-formed (refused otherwise). A NIK whose date or sex part disagrees with the person's stated birth date or sex is accepted with a recorded warning: Dukcapil does not change a NIK to match a birth date.",
            "Dukcapil NIK format", High, Catalogue),
        R(RuleIds.Mem07, "Nama yang dapat dibaca", "Readable names",
            "A person's or group's name is text a person can read: normalised (NFC, trimmed), not empty once invisible characters are removed, without control or bidi-override characters, at most a stated length (default 100 code points). Applies to new registrations; stored names still load.",
            "KubeCore design choice (added 2026-12-06 after hostile input froze nothing but polluted data)", DesignChoice, Hardening, P.MaxNameLength),

        // Officers
        R(RuleIds.Off01, "Pengurus berasal dari anggota", "Officers come from the members",
            "Officers are drawn from the group's current members.",
            "Seed 000 step 5b; Permensos 2/2019 Ps 3(3)-(4)", High, Permensos2019),
        R(RuleIds.Off02, "Satu ketua, satu sekretaris, satu bendahara", "One ketua, one sekretaris, one bendahara",
            "Exactly one ketua, one sekretaris and one bendahara; one person holds one office.",
            "Permensos 2/2019 Ps 3(3) names the three offices (only copies were readable); \"exactly one\" and one person one office are KubeCore's governance rules", Medium, Permensos2019, P.OneOffice),
        R(RuleIds.Off03, "Pengurus dipilih melalui musyawarah", "Officers chosen by the members",
            "Officers are chosen by the members (musyawarah); an election records who decided.",
            "Permensos 2/2019 Ps 3(4) \"menurut hasil musyawarah/keputusan anggota kelompok\"", MediumHigh, Permensos2019),
        R(RuleIds.Off04, "Jabatan kosong harus diisi sebelum uang bergerak", "A vacant office is refilled before money moves",
            "When an officer leaves, the office becomes vacant and must be refilled before money moves (no disbursement without a bendahara).",
            "KubeCore design choice", DesignChoice, Catalogue),
        R(RuleIds.Off05, "Pemisahan tugas bendahara", "Segregation of the treasurer's duties",
            "The bendahara cannot approve their own loan.",
            "KubeCore design choice (auditors)", DesignChoice, Catalogue, P.Segregate),

        // Poverty and wealth ranking
        R(RuleIds.Pov01, "14 kriteria kemiskinan BPS", "BPS 14 poverty criteria",
            "A household is poor when it meets at least the threshold (default 9) of the 14 BPS criteria.",
            "BPS criteria as quoted by sendangsari.bantulkab.go.id, fdokumen, muhidsarudu.blogspot.com; no BPS text for the 9-of-14 threshold was found", Medium, new LocalDate(2005, 1, 1),
            P.BpsMin, P.BpsFloor, P.BpsProtein, P.BpsClothes, P.BpsMeals, P.BpsLand, P.BpsIncome, P.BpsAsset),
        R(RuleIds.Pov02, "Kriteria fakir miskin Kepmensos 262/HUK/2022", "Kepmensos 262/HUK/2022 fakir miskin criteria",
            "A household with no shelter is fakir miskin outright; otherwise it is when it meets the threshold of 8 further criteria.",
            "Kepmensos 262/HUK/2022 via banjarsari-labuhanhaji.desa.id and mataiwoi.desa.id (threshold unsourced)", Medium, new LocalDate(2022, 12, 31), P.KepMin, P.KepFood, P.KepVa),
        R(RuleIds.Pov03, "Desil DTSEN/DTKS dan kedaluwarsanya", "DTSEN/DTKS decile and staleness",
            "DTSEN deciles 1..10 (legacy DTKS 1..4); a decile older than the validity period is stale and needs re-verification.",
            "Inpres 4/2025; BPS statements (ANTARA, kontan) (H for deciles and the 3-monthly re-ranking); staleness at 3 months is inferred from that cycle (design choice)", Medium, new LocalDate(2025, 2, 5), P.DecileValidity),
        R(RuleIds.Pra01, "Informan pemeringkatan kesejahteraan", "Wealth-ranking informants",
            "A wealth-ranking exercise uses at least 3 independent informants; more than 100 households in one exercise gives a warning.",
            "IIED PLA Notes 15 (Guijt 1992)", High, Catalogue, P.MinInformants, P.WarnHouseholds),
        R(RuleIds.Pra02, "Skor dan kategori kesejahteraan", "Wealth scores and categories",
            "Each informant sorts every household into one of their piles; score = mean over informants of 100 × pile / pile count; categories are score bands.",
            "Grandin card-sort practice (background knowledge)", Low, Catalogue, P.Bands),
        R(RuleIds.Pra03, "Pencocokan hasil PRA dengan data dasar", "Matching the PRA with the registry",
            "Each household is Confirmed (both poor), PraOnly, RegistryOnly or NotPoor; every mismatch is listed for consultation.",
            "Seed 000 step 4b", Seed, Seed2012, P.Bands, P.MaxDecile, P.DecileValidity),

        // Facilitation
        R(RuleIds.Fac01, "Kapasitas pendamping", "Pendamping capacity",
            "A pendamping is assigned at most the profile's number of groups (default 10).",
            "Dinsos Palangka Raya; Kota Ternate; Kemensos 2020 (1 pendamping : 10 KUBE): H for KUBE; for KUB and KSM profiles 10 is a design-choice default (no source)", High, Permensos2019, P.MaxGroups),
        R(RuleIds.Fac02, "Laporan bulanan dan pendamping tidak aktif", "Monthly reports and inactive pendamping",
            "A pendamping reports monthly for each group; no visit or report for the inactivity period makes them inactive for that group, and the group then owes a report to Dinas Sosial.",
            "Seed 003 (duty to report); Dinsos Palangka Raya (monthly reports); 60 days is a design choice", Medium, Permensos2019, P.ReportInterval, P.Inactivity),
        R(RuleIds.Fac03, "Lima aspek strategi pendampingan", "Five aspects of the facilitation strategy",
            "Facilitation records the five strategy aspects: motivation; awareness and skills training; self-management; resource mobilisation; network building.",
            "Seed 001", Seed, Catalogue),

        // Savings
        R(RuleIds.Sav01, "Buku besar hanya tambah dengan rantai hash", "Append-only, hash-chained ledger",
            "Entries are never edited or deleted; a correction is a reversing entry naming the entry it reverses; each entry carries the hash of the previous one.",
            "KubeCore design choice (auditors)", DesignChoice, Catalogue),
        R(RuleIds.Sav02, "Saldo tidak pernah negatif", "Balances are never negative",
            "A withdrawal above a member's balance is refused.",
            "Bookkeeping principle", High, Catalogue),
        R(RuleIds.Sav03, "Kekekalan kas kelompok", "Conservation of group cash",
            "Group cash = member savings + IKS fund + grant balance + loan fund − outstanding principal + collected service charges − expenses, after every entry.",
            "Bookkeeping identity (KubeCore)", DesignChoice, Catalogue),
        R(RuleIds.Sav04, "Tabungan rutin mingguan", "Weekly routine savings",
            "Each member owes the profile's weekly amount; missing weeks are listed per member.",
            "Seed 004 rule 1; KOTAKU practice", Seed, Pnpm2008, P.Weekly, P.WeekStart),
        R(RuleIds.Sav05, "Tutup buku mingguan", "Weekly book close",
            "A week is closed with totals that reconcile with the entries; a closed week takes no new entries.",
            "Seed 004 rule 3", Seed, Pnpm2008, P.WeekStart),
        R(RuleIds.Sav06, "Iuran Kesetiakawanan Sosial (IKS)", "Solidarity fund (IKS)",
            "A share of business profit goes to the solidarity fund. The fund may help members and other poor families in social need, "
            + "recorded as an IKS spend with its purpose (naming the member helped); it is never paid out as a profit share or dividend, nor moved into savings.",
            "Seed 002 (IKS); 123dok stage criteria wq2vk72y ('menyisihkan dana IKS untuk anggota kelompok, keluarga miskin lainnya'); the 10 % share is a design choice (corrected 2026-12-06)",
            Medium, Seed2012, P.Iks),
        R(RuleIds.Sav07, "Rupiah utuh tanpa pecahan", "Whole rupiah, no fractions",
            "Money is whole rupiah, never floating point; any rounding is stated and the remainder lands on a named installment.",
            "KubeCore design choice", DesignChoice, Catalogue),
        R(RuleIds.Sav08, "Batas jumlah dan saldo yang dapat dihitung", "Amount ceiling and representable balances",
            "No single amount exceeds the profile's ceiling, and no posting is accepted whose resulting balances or totals would leave the representable range (64-bit whole rupiah): refused with a code before anything is appended.",
            "KubeCore design choice (added 2026-12-06: a deposit of long.MaxValue froze a group's books)", DesignChoice, Hardening, P.MaxSingleAmount),
        R(RuleIds.Sav09, "Tanggal buku tidak melewati hari ini", "No book date after today",
            "No book date lies after the host's today in the group's own time zone (WIB, WITA or WIT by province); today is given by the caller, the library reads no clock.",
            "KubeCore design choice (added 2026-12-06: a deposit dated 9999-12-31 froze a group's books); time zones by Keppres 41/1987", DesignChoice, Hardening),

        // Loans
        R(RuleIds.Loan01, "Dua syarat: pinjaman dalam kelompok dan pinjaman dari UPK", "Two gates: lending within the group, and borrowing from the UPK",
            "Two gates, not one. (a) Lending within the group may start as soon as a member asks, even from the first meeting; a profile may set a minimum savings period (0 for KsmP2kp). (b) A KSM borrowing from the UPK needs the profile's consecutive months of group savings (default 3) and a signed joint-liability statement (Pernyataan Kesanggupan Tanggung Renteng) from every member.",
            "Seed 004 rule 4 ('dapat memulai pinjaman dalam kelompok segera setelah ada permintaan dari anggotanya, bahkan dapat memulai dari pertemuan pertama'); P2KP/PNPM manual copies (123dok ozllvxe6z: 'KSM dapat mengakses pinjaman bergulir apabila ... minimal 3 bulan berturut-turut memiliki kegiatan untuk menggalang tabungan kelompok'; 'Semua anggota KSM menyetujui sistem tanggung renteng ... dalam Pernyataan Kesanggupan Tanggung Renteng')", Medium, Pnpm2008, P.InternalLendingMonths, P.UpkLoanMonths, P.UpkLoanStatement),
        R(RuleIds.Loan02, "Plafon pinjaman per anggota", "Loan ceilings per member",
            "First loan at most the first ceiling, repeat loans at most the repeat ceiling; after the referral principal or loan count the member is referred to a bank.",
            "PNPM MP rules (123dok lzgrjrjvq, ozllvxe6z); the values in KUB and KUBE profiles are design choices borrowed from PNPM", Medium, Pnpm2008, P.FirstCeiling, P.RepeatCeiling, P.ReferralLoans, P.ReferralPrincipal),
        R(RuleIds.Loan03, "Jangka waktu dan frekuensi angsuran", "Term and installment frequency",
            "Term within the profile's range; installments at least monthly (weekly allowed), no grace period.",
            "P2KP/PNPM manual copy (123dok lzgrjrjvq); for KUB and KUBE profiles design-choice defaults borrowed from PNPM (no KUBE source)", Medium, Pnpm2008, P.MinTerm, P.MaxTerm, P.Frequencies),
        R(RuleIds.Loan04, "Jasa flat atas pokok awal", "Flat service charge on the original principal",
            "Jasa is flat on the original principal per month; installment = principal / n + jasa; the rounding remainder goes to the last installment.",
            "PNPM MP manual gives \"1,5 dari jumlah pokok\" without a period (123dok lzgrjrjvq; kotaku.pu.go.id/view/9571); \"per month, flat\" rests on one Asahan 2013 proposal's arithmetic; KUB/KUBE values borrowed from PNPM", LowMedium, Pnpm2008, P.Jasa),
        R(RuleIds.Loan05, "Urutan alokasi pembayaran", "Payment allocation order",
            "Payments are allocated to jasa first, then overdue principal, then current principal.",
            "PNPM MP rules (123dok lzgrjrjvq)", Medium, Pnpm2008),
        R(RuleIds.Loan06, "Pencairan dari kas tersedia dengan keputusan rapat", "Disbursement from available cash by a meeting decision",
            "Disbursement never exceeds the loan fund's available cash and needs a meeting decision with quorum.",
            "Seed 004 rules 4-5; VSLA practice (loan approval at a meeting); quorum is a design choice", Medium, Pnpm2008, P.Quorum, P.QuorumExclusive),
        R(RuleIds.Loan07, "Tidak ada pinjaman baru saat menunggak", "No new loan while in arrears",
            "A member or group with arrears cannot get a new loan.",
            "PNPM Perdesaan PTO 2008 (123dok lq5o28rgz)", Medium, Pnpm2008),
        R(RuleIds.Loan08, "Tanggung renteng", "Joint liability",
            "When a member misses the threshold of installments, the arrears are covered in order (defaulter's savings, solidarity fund, other members pro rata) and recovered later; every step is a ledger entry.",
            "PNPM MP (tanggung renteng statement); order is a KubeCore design choice; the threshold in KUB and KUBE profiles is a design choice", Medium, Pnpm2008, P.RentengThreshold),
        R(RuleIds.Loan09, "Perguliran pokok", "Repaid principal revolves",
            "Repaid principal returns to the loan fund and can be lent again.",
            "PNPM MP (pinjaman bergulir)", High, Pnpm2008),

        // Collectibility and portfolio
        R(RuleIds.Col01, "Kolektibilitas berdasarkan jumlah angsuran", "Collectibility by installments overdue",
            "Kol 1 no arrears; Kol 2 up to 3 installments overdue; Kol 3-5 configurable.",
            "POB Pinjaman Bergulir PNPM MP 2013 (M for Kol 1-2; classes 3-5 unsourced, L)", Medium, new LocalDate(2013, 1, 1), P.Kol2, P.Kol3, P.Kol4),
        R(RuleIds.Col02, "Kolektibilitas berdasarkan hari tunggakan (OJK)", "Collectibility by days past due (OJK)",
            "Lancar 0; DPK 1-90; kurang lancar 91-120; diragukan 121-180; macet over 180 days; provisions 1/5/15/50/100 %.",
            "POJK 40/POJK.03/2019", High, new LocalDate(2019, 1, 1), P.DpkDays, P.KlDays, P.DDays, P.Provisions),
        R(RuleIds.Port01, "Indikator kinerja portofolio", "Portfolio indicators",
            "LAR, PAR, RR, CCr and ROI with their bands: LAR, PAR below 10 % good, up to 20 % adequate; RR above 90 % good, from 80 % adequate; "
            + "CCr above 125 % good, from 100 % adequate; ROI = (net profit of the year to date x 12 / n months) / total capital, above 10 % good, from 0 % adequate, "
            + "below (a loss) poor. The source copy lost its <=/< signs: which band a ratio exactly on an edge takes is KubeCore's stated choice.",
            "POB Pinjaman Bergulir PNPM MP 2013 via a thesis copy that loses the ≤/< signs (123dok oz14l02vz): boundary inclusivity is KubeCore's stated choice", Medium, new LocalDate(2013, 1, 1),
            P.AtRisk, P.AtRiskGood, P.AtRiskAdequate, P.RrGood, P.RrAdequate, P.CcrGood, P.CcrAdequate, P.RoiGood, P.RoiAdequate),
        R(RuleIds.Port02, "Indikator dapat direproduksi per tanggal", "Indicators reproducible as of a date",
            "Every indicator can be reproduced from a dated ledger snapshot.",
            "KubeCore design choice (auditors)", DesignChoice, Catalogue),

        // Aid
        R(RuleIds.Aid01, "Besaran bantuan per profil dan tahun", "Grant amount per profile and year",
            "The grant depends on the profile and year and is counted per group or per member household (KK) on the decision date "
            + "(members who left before or on that date do not count, members admitted on it do); it is credited to the group account. "
            + "KUBE: Rp 2.000.000 per member household; BLPS: Rp 30.000.000 per group.",
            "Mensos 2016 and 2020 ('jumlah anggota KUBE dikalikan Rp2 juta'; 10 KK -> Rp 20.000.000, M); seed 002 (BLPS Rp 30.000.000 per KUBE, L) (corrected 2026-12-06)",
            Medium, new LocalDate(2011, 1, 1), P.Grants),
        R(RuleIds.Aid02, "Syarat bantuan pengembangan (BLPS)", "Development aid (BLPS) eligibility",
            "Development aid (BLPS) for active groups that have been active at least the minimum age (2 years). The stage is not a gate: BLPS is for KUBE Tumbuh. "
            + "N of M candidates are selected by a stated ranking: stage (higher first, so productive groups are a priority), then longer active, then member savings, then group id.",
            "scribd 434827207 ('telah berjalan minimal 2 tahun'); seed 002 ('ditujukan untuk KUBE tumbuh'; 10 of 30); ranking: KubeCore design choice (corrected 2026-12-06)", Medium, new LocalDate(2011, 1, 1), P.AidAge),
        R(RuleIds.Aid03, "Laporan pertanggungjawaban (LPJ)", "Accountability report (LPJ)",
            "Every spend has a receipt reference; spends never exceed the grant; the report lists grant, spends by category and remaining balance, due within the set period.",
            "portalnusantara.id (Banten 2025, about 3 weeks, household grants: 21 days applied by analogy); Permensos 2/2019 Ps 9", Low, Permensos2019, P.LpjDue),

        // Five basic rules
        R(RuleIds.Five01, "Tabungan rutin", "Routine savings",
            "Every member (or the profile's share of members) saved that week.",
            "Seed 004 rule 1; Pancasutra (KOTAKU Kab. Madiun)", Seed, Pnpm2008, P.SavingsShare, P.Weekly).WithConventions(
            "Members of the week: everyone who joined on or before its last day and had not left on or before its first day (left on the first day: not a member that week; left the next day: a member); a standing without member history counts its current members.",
            "A member saved when a savings deposit of theirs is dated in the week and not reversed (a reversal at any time takes it out)."),
        R(RuleIds.Five02, "Pertemuan rutin", "Routine meeting",
            "A meeting was held that week, with attendance recorded.",
            "Seed 004 rule 2; Pancasutra", Seed, Pnpm2008).WithConventions(
            "The meeting of the week is the first, by date, dated in the week with attendance recorded; a meeting without attendance does not count."),
        R(RuleIds.Five03, "Pembukuan rutin", "Routine bookkeeping",
            "The week's books were closed and reconcile.",
            "Seed 004 rule 3; Pancasutra", Seed, Pnpm2008).WithConventions(
            "The week's close entry, when the ledger holds one: a week closed late, together with a later week, counts once its close is posted."),
        R(RuleIds.Five04, "Perguliran pinjaman dalam kelompok", "Loans revolve within the group",
            "The loan fund lent to members, or had no request it could serve. Applicable from the first week (LOAN-01 a: lending may start at the first meeting).",
            "Seed 004 rule 4; Pancasutra", Seed, Pnpm2008).WithConventions(
            "May lend: the fund's LOAN-01 (a) decision as of the week's first day; no fund, no lending.",
            "Loans disbursed: the fund's loans disbursed on a day of the week.",
            "Unserved requests: loans approved on or before the week's last day and neither disbursed nor withdrawn by then (withdrawn on the last day: not unserved; the next day: unserved). A request that never reached the fund is not in the record."),
        R(RuleIds.Five05, "Pengembalian pinjaman dalam kelompok", "Repayment within the group",
            "Every installment due that week was paid, or covered by tanggung renteng.",
            "Seed 004 rule 5; Pancasutra", Seed, Pnpm2008).WithConventions(
            "Installments due: every installment of a disbursed loan whose due date is in the week.",
            "Settled: the loan's payments dated on or before the week's last day settle it by the LOAN-05 allocation (due and paid on the last day: settled; paid the next day: not).",
            "Evidence: the loan's repayment and tanggung renteng cover entries dated from the week's first day (for one paid in advance, the day it was settled) to the day it was settled; covered jointly (LOAN-08) when one of them is a cover."),

        // Stages
        R(RuleIds.Stg01, "Tahap tumbuh, berkembang, maju", "Stages tumbuh, berkembang, maju",
            "A group is placed at the stage whose traits it shows best, not by an all-of checklist. Traits: Tumbuh — pendamping, training, officers, aid received; "
            + "Berkembang — regular activity, profit to capital, to welfare, to IKS; Maju — rising profit, rising capital, IKS for outsiders, partnerships. "
            + "KubeCore's reading of \"best\" (design choice): Berkembang needs more than the trait share (default half: 3 of 4) of the Tumbuh and of the Berkembang traits, "
            + "Maju that and more than the share of the Maju traits; exactly the share goes to the lower stage. \"Rising\" means each of the last months rose (design choice, default 3).",
            "123dok stage criteria, Kel. Kebon Waru (wq2vk72y): rates KUBE HPMBK-1 Berkembang without training or IKS; the share and the months are KubeCore design choices", Medium, Permensos2019, P.StageShare, P.RisingMonths),
        R(RuleIds.Stg02, "Indikator keberlanjutan", "Sustainability indicators",
            "Institutional (meetings, officers, books), social (attendance, IKS, participation) and economic (savings growth, repayment, income) indicators.",
            "Seed 001 (3 indicators: kelembagaan, sosial, ekonomi); Dinsos DIY: \"tiga aspek penilaian KUBE prestasi ... kelembagaan, sosial dan ekonomi\"; sub-checks and thresholds: KubeCore design choice", Medium, Catalogue, P.Attendance).WithConventions(
            "The period: the given number of whole bookkeeping weeks from its first week; a week has a meeting and is closed as for FIVE-02 and FIVE-03 (closed: the books closed through it).",
            "Attendance and decisions: the meetings of the period with attendance recorded; members who decided: members of the period's last week present at a meeting that took a decision.",
            "Members: the members of the period's last week (as for FIVE-01); officers complete: the three offices as they stand now.",
            "Member savings at the start: the member-savings legs of every entry dated before the period; at the end: of every entry dated on or before its last day.",
            "Paid on time: an installment due in the period is settled by the payments dated on or before its due date.",
            "IKS contributed and business income: the business profits recorded in the period and not reversed; income is split at the middle week (weeks before half the period are the first half)."),

        // Personal data
        R(RuleIds.Priv01, "Pelindungan data pribadi NIK dan KK", "Protection of NIK and family-card numbers",
            "Outputs and logs show NIK and family-card numbers masked (first 6 and last 2 digits visible) unless the caller is entitled to the full value.",
            "UU 27/2022 (Pelindungan Data Pribadi)", High, new LocalDate(2022, 10, 17)),
    ];

    private static readonly FrozenDictionary<RuleId, RuleDefinition> ById = Rules.ToFrozenDictionary(r => r.Id);

    private static readonly ParameterDefinition[] Parameters = Rules.SelectMany(r => r.Parameters).DistinctBy(p => p.Name, StringComparer.Ordinal).ToArray();

    private static readonly FrozenSet<string> ParameterNames = Parameters.Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every parameter some rule reads, once, in catalogue order.</summary>
    public static IReadOnlyList<ParameterDefinition> AllParameters => Parameters;

    /// <summary>
    /// Where <paramref name="parameter"/>'s value under <paramref name="profile"/> comes from: the provenance the
    /// profile states for it (<see cref="ProgramProfile.Provenance"/>) when it states one; otherwise the source of the
    /// first rule of the catalogue that reads the parameter — a design choice when that rule's confidence is
    /// <see cref="Confidence.DesignChoice"/>, sourced by the rule's citation otherwise.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No rule of the catalogue reads the parameter.</exception>
    public static ParameterProvenance ProvenanceOf(ParameterDefinition parameter, ProgramProfile profile)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Provenance.TryGetValue(parameter.Name, out var stated))
        {
            return stated;
        }
        var rule = Rules.FirstOrDefault(r => r.Parameters.Any(p => p.Name == parameter.Name))
            ?? throw new ArgumentException($"No rule of the catalogue reads '{parameter.Name}'.", nameof(parameter));
        return rule.Confidence == Confidence.DesignChoice ? ParameterProvenance.DesignChoice(rule.Source) : ParameterProvenance.Sourced(rule.Source);
    }

    /// <summary>True when some rule reads a parameter of this name (e.g. <c>Membership.MinMembers</c>).</summary>
    public static bool HasParameter(string name) => name is not null && ParameterNames.Contains(name);

    /// <summary>Every rule, in catalogue order.</summary>
    public static IReadOnlyList<RuleDefinition> All => Rules;

    /// <summary>The rule with this id.</summary>
    /// <exception cref="KeyNotFoundException">No rule has the id.</exception>
    public static RuleDefinition Get(RuleId id) =>
        ById.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException($"No rule {id} in the catalogue.");

    /// <summary>True when the catalogue has a rule with this id.</summary>
    public static bool Contains(RuleId id) => ById.ContainsKey(id);

    /// <summary>
    /// The rule an error code belongs to, read from the code's prefix: the library's codes start with their rule id
    /// without its hyphen (<c>LOAN02_ABOVE_FIRST_CEILING</c> is LOAN-02). Null when the code has no such prefix or the
    /// catalogue has no such rule (a host's own code, a FluentValidation default code), so a host can name the rule of
    /// any validation failure without a table of its own.
    /// </summary>
    /// <param name="errorCode">An error code; null or empty gives null.</param>
    public static RuleId? RuleOfErrorCode(string? errorCode)
    {
        var prefix = errorCode?.Split('_', 2)[0];
        if (prefix is not { Length: >= 5 } || prefix.Length - prefix.AsSpan().IndexOfAnyInRange('0', '9') != 2)
        {
            return null;
        }
        try
        {
            var id = RuleId.Parse(prefix[..^2] + "-" + prefix[^2..]);
            return Contains(id) ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
