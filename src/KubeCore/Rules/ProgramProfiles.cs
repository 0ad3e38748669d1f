using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules.Parameters;
using NodaTime;

namespace KubeCore.Rules;

/// <summary>
/// The built-in program profiles, with the defaults of the rule catalogue (shared/domain/RULES.md).
/// Where sources disagree, each value is its own profile; derive a profile for a region or year with
/// <see cref="ProgramProfile.Derive"/>.
/// </summary>
public static class ProgramProfiles
{
    /// <summary>
    /// KUB as in seed 000 (2012): 5–10 persons formed by agreement, PRA wealth-ranked poor households
    /// matched with the base data, no age rule, no grant.
    /// </summary>
    public static ProgramProfile Kub { get; } = new(
        "Kub", 1, GroupKind.Kub,
        "Kelompok Usaha Bersama (KUB)",
        "Joint business group (KUB)",
        "Seed 000: 'Kelompok Usaha Bersama (KUB)', langkah penumbuhan KUB, 2 Agustus 2012 (steps 4-5: PRA wealth ranking matched with base data; 5-10 persons)",
        new LocalDate(2012, 8, 2),
        new ProgramParameters
        {
            Membership = new MembershipParameters
            {
                MinMembers = 5,
                MaxMembers = 10,
                ResidenceScope = ResidenceScope.Desa,
                PovertyEvidence = PovertyEvidenceRule.PraConfirmedByRegistry,
                RequiresHeadOrMainEarner = false,
                MinAge = null,
                MaxAge = null,
                ExcludedEmployment = EmploymentExclusions.None,
                MinWomenShare = null,
            },
        },
        provenance: BuiltInProvenance.Kub);

    /// <summary>
    /// KUBE under Permensos 2/2019: 5–20 households (KK) of one kecamatan, on DTKS/DTSEN (or PRA-verified),
    /// head or main earner, 18–59, no PNS/TNI/POLRI/pensioner; UEP grant Rp 2.000.000 per member household (AID-01).
    /// </summary>
    public static ProgramProfile KubePermensos2019 { get; } = new(
        "KubePermensos2019", 1, GroupKind.Kube,
        "KUBE menurut Permensos No. 2 Tahun 2019",
        "KUBE under Minister of Social Affairs Regulation 2/2019",
        "Permensos No. 2 Tahun 2019 (BN 2019 No. 269) Ps 3(1)-(4), 4(2), 5; Dinsos Kalbar 2019 (age 18-59, exclusions); Dinsos Palangka Raya (5-20 KK); Mensos 2016 and 2020 (grant Rp 2 jt x member KK)",
        new LocalDate(2019, 1, 1),
        new ProgramParameters
        {
            Membership = new MembershipParameters
            {
                MinMembers = 5,
                MaxMembers = 20,
                ResidenceScope = ResidenceScope.Kecamatan,
                PovertyEvidence = PovertyEvidenceRule.RegistryDecileOrPra,
                RequiresHeadOrMainEarner = true,
                MinAge = 18,
                MaxAge = 59,
                ExcludedEmployment = EmploymentExclusions.StateEmployees,
                MinWomenShare = null,
            },
            Aid = new AidParameters
            {
                GrantSchedule =
                [
                    new(new LocalDate(2016, 1, 1), Rupiah.Of(2_000_000), GrantBasis.PerMemberHousehold,
                        "Mensos 2016 and 2020: 'jumlah anggota KUBE dikalikan Rp2 juta', 10 KK -> Rp 20 juta (kemensos.go.id 23 Nov 2020, via portalsulut.pikiran-rakyat.com)"),
                ],
            },
        },
        provenance: BuiltInProvenance.KubePermensos2019);

    /// <summary>
    /// KUBE in the BLPS era (seed 002, Dawuhan 2011): exactly 10 households on DTKS, head or main earner,
    /// 15–55; grant Rp 30.000.000 per group via bank; development aid after 2 years active, at any stage (AID-02).
    /// </summary>
    public static ProgramProfile KubeBlps { get; } = new(
        "KubeBlps", 1, GroupKind.Kube,
        "KUBE penerima Bantuan Langsung Pemberdayaan Sosial (BLPS)",
        "KUBE receiving direct social-empowerment aid (BLPS)",
        "Seed 002 (BLPS Rp 30.000.000 per KUBE via bank, Desa Dawuhan 2011, 10 of 30 KUBE); scribd 434827207 (10 KK, age 15-55, 2 years)",
        new LocalDate(2011, 1, 1),
        new ProgramParameters
        {
            Membership = new MembershipParameters
            {
                MinMembers = 10,
                MaxMembers = 10,
                ResidenceScope = ResidenceScope.Kecamatan,
                PovertyEvidence = PovertyEvidenceRule.RegistryDecile,
                RequiresHeadOrMainEarner = true,
                MinAge = 15,
                MaxAge = 55,
                ExcludedEmployment = EmploymentExclusions.StateEmployees,
                MinWomenShare = null,
            },
            Aid = new AidParameters
            {
                GrantSchedule = [new(new LocalDate(2011, 1, 1), Rupiah.Of(30_000_000), GrantBasis.PerGroup, "Seed 002: BLPS Rp 30.000.000 per KUBE (unsourced elsewhere)")],
                DevelopmentAidMinGroupAge = Period.FromYears(2),
            },
        },
        provenance: BuiltInProvenance.KubeBlps);

    /// <summary>
    /// KSM under P2KP / PNPM Mandiri Perkotaan (seed 004): at least 5 members of one kelurahan on the PS2
    /// list, adults (17+), at least 30 % women; loans from the UPK, no grants.
    /// </summary>
    public static ProgramProfile KsmP2kp { get; } = new(
        "KsmP2kp", 1, GroupKind.Ksm,
        "KSM P2KP / PNPM Mandiri Perkotaan",
        "Self-help group (KSM) of P2KP / PNPM Urban",
        "PNPM Mandiri Perkotaan: pedoman pinjaman bergulir (yumpu 44274994; 123dok ozllvxe6z, lzgrjrjvq); POB Pinjaman Bergulir PNPM MP 2013; seed 004 (BKM Guyub Rukun)",
        new LocalDate(2008, 1, 1),
        new ProgramParameters
        {
            Membership = new MembershipParameters
            {
                MinMembers = 5,
                MaxMembers = null,
                ResidenceScope = ResidenceScope.Desa,
                PovertyEvidence = PovertyEvidenceRule.Ps2List,
                RequiresHeadOrMainEarner = false,
                MinAge = 17,
                MaxAge = null,
                ExcludedEmployment = EmploymentExclusions.None,
                MinWomenShare = Rate.FromPercent(30),
            },
        },
        provenance: BuiltInProvenance.KsmP2kp);

    /// <summary>Every built-in profile.</summary>
    public static IReadOnlyList<ProgramProfile> All { get; } = [Kub, KubePermensos2019, KubeBlps, KsmP2kp];

    /// <summary>The built-in profile with this code.</summary>
    /// <exception cref="KeyNotFoundException">No built-in profile has the code.</exception>
    public static ProgramProfile Get(string code) =>
        All.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No built-in profile '{code}'. Known: {string.Join(", ", All.Select(p => p.Code))}.");
}
