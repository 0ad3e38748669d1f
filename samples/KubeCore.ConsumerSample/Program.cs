// KubeCore consumer sample: an application that uses the KubeCore NuGet PACKAGE (restored from the
// local feed ./artifacts, see nuget.config), exactly as an agency's system would. scripts/consumer.sh
// packs the library and runs this program; any failed expectation makes it exit with code 1.
//
// How the flow is organised (extend it here, in this one file):
//   * Each step is a local function below that prints what it does and checks what it got with
//     Expect(...). Steps share state through the `flow` object (FlowState at the end of the file).
//   * The `steps` list says the order: the basics, then formation → savings → loan through the
//     Group, SavingsLedger and LoanRevolving aggregates of the package.
using System.Globalization;
using System.Reflection;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Savings;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

var indonesian = CultureInfo.GetCultureInfo("id-ID");
var english = CultureInfo.GetCultureInfo("en-US");
var flow = new FlowState();
// SAV-09: the library reads no clock; the host gives "today" in the group's own time zone (Kota Malang: WIB).
var today = HostToday.InRegion(SystemClock.Instance.GetCurrentInstant(), RegionCode.Parse("35.73.04.1006"));

var steps = new (string Title, Action Run)[]
{
    ("The library comes from the package", PackageIdentity),
    ("Program profiles: built-in and a derived regional profile", Profiles),
    ("The rule catalogue: a rule with its source and parameters", Catalogue),
    ("NIK: parsing (MEM-06) and masking (PRIV-01)", NikParsingAndMasking),
    ("Money: whole rupiah, the remainder on the last part (SAV-07)", Money),
    ("A decision with its explanation: group size (GRP-01)", GroupSizeDecision),
    ("Group standing before money moves (GRP-05, GRP-06, OFF-04)", GroupStanding),
    ("Households on the PS2 list and member eligibility (MEM-01..06)", Households),
    ("Forming a KSM: consent, officers, initial meeting, verification (GRP-01..06, OFF-01..03)", Formation),
    ("Weekly savings on the hash-chained ledger (SAV-01..04)", Savings),
    ("A loan approved at a meeting, disbursed and repaid (LOAN-01..09)", Loan),
};

var failed = 0;
foreach (var (title, run) in steps)
{
    Console.WriteLine($"== {title}");
    try
    {
        run();
        Console.WriteLine("   ok");
    }
    catch (Exception e)
    {
        failed++;
        Console.WriteLine($"   FAILED: {e.GetType().Name}: {e.Message}");
    }
}
Console.WriteLine(failed == 0 ? $"Consumer sample: all {steps.Length} steps passed." : $"Consumer sample: {failed} of {steps.Length} steps FAILED.");
return failed == 0 ? 0 : 1;

void PackageIdentity()
{
    var assembly = typeof(RuleCatalogue).Assembly;
    var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
    Console.WriteLine($"   KubeCore {informational} from {assembly.Location}");
    Expect(assembly.GetName().Name == "KubeCore", "the assembly is KubeCore");
    // SourceLink stamps the commit: "<version>+<commit>".
    Expect(informational.Contains('+', StringComparison.Ordinal), "the informational version names the commit (SourceLink)");
    // Nullable annotations travel in the package: a consumer's compiler sees RuleCheck.Violation as nullable.
    var violation = new NullabilityInfoContext().Create(typeof(RuleCheck).GetProperty(nameof(RuleCheck.Violation))!);
    Expect(violation.ReadState == NullabilityState.Nullable, "RuleCheck.Violation is annotated nullable");
}

void Profiles()
{
    foreach (var profile in ProgramProfiles.All)
    {
        Console.WriteLine($"   {profile.Id,-22} {profile.Kind,-5} members {profile.Membership.MinMembers}..{profile.Membership.MaxMembers?.ToString(CultureInfo.InvariantCulture) ?? "∞"}  {profile.TitleEn}");
    }
    Expect(ProgramProfiles.All.Count >= 4, "at least the four built-in profiles");

    // Dinas Sosial Kalimantan Barat asked for exactly 10 households per KUBE in 2019.
    flow.Profile = ProgramProfiles.KubePermensos2019.Derive(
        "KubeKalbar10Kk", 1, "Dinsos Kalbar 2019: syarat pengajuan KUBE (10 KK)", new LocalDate(2019, 9, 12),
        p => p with { Membership = p.Membership with { MinMembers = 10, MaxMembers = 10 } });
    Console.WriteLine($"   derived {flow.Profile.Id} from {flow.Profile.BasedOn}");
    Expect(flow.Profile.BasedOn == ProgramProfiles.KubePermensos2019.Id, "the derived profile records what it is based on");
    Expect(flow.Profile.Membership.MinMembers == 10 && flow.Profile.Membership.MaxMembers == 10, "the override took effect");
    Expect(flow.Profile.Membership.MinAge == ProgramProfiles.KubePermensos2019.Membership.MinAge, "everything else is inherited");
}

void Catalogue()
{
    var rule = RuleCatalogue.Get(RuleIds.Grp01);
    Console.WriteLine($"   {rule.Id} {rule.TitleEn} / {rule.TitleId}");
    Console.WriteLine($"   source: {rule.Source} ({rule.Confidence}, from {rule.EffectiveFrom:uuuu-MM-dd})");
    foreach (var parameter in rule.Parameters)
    {
        Console.WriteLine($"   {parameter.Name} [{parameter.Unit}]: " + string.Join(", ", ProgramProfiles.All.Select(p => $"{p.Code}={parameter.FormattedValueIn(p)}")));
    }
    Expect(rule.Parameters.Count > 0, "GRP-01 reads profile parameters");
    Expect(RuleCatalogue.All.All(r => RuleCatalogue.Contains(r.Id)), "every catalogue rule looks up by id");
}

void NikParsingAndMasking()
{
    // A woman (day + 40) born 12 March 1985, registered in Kota Palangka Raya (627101).
    var nik = Nik.Parse("6271015203850001");
    Console.WriteLine($"   masked: {nik} (region {nik.Region}, {nik.EncodedSex})");
    Expect(nik.ToString() == "627101********01", "ToString masks the NIK (PRIV-01)");
    Expect($"{nik}".Contains("5203", StringComparison.Ordinal) is false, "interpolation never shows the birth date digits");
    Expect(nik.CheckAgreesWith(Sex.Female, new LocalDate(1985, 3, 12)) is null, "the NIK agrees with the stated sex and birth date");

    Expect(!Nik.TryParse("62710152038500", out _, out var violation), "a 14-digit NIK is refused");
    Console.WriteLine($"   id: {violation!.Message(indonesian)}");
    Console.WriteLine($"   en: {violation.Message(english)}");
    Expect(violation.RuleId == RuleIds.Mem06 && violation.ErrorCode == CommonErrors.NikNotSixteenDigits, "the refusal names MEM-06 and its code");
}

void Money()
{
    var parts = Rupiah.Of(1_000_000).Split(3);
    Console.WriteLine($"   Rp 1.000.000 / 3 = {string.Join(" + ", parts)}");
    Expect(Rupiah.Sum(parts) == Rupiah.Of(1_000_000), "the parts add up to the whole");
    Expect(parts[^1] == Rupiah.Of(333_334), "the remainder lands on the last part");
}

void GroupSizeDecision()
{
    // A host-side check through the public DecisionBuilder: the explanation records the rule and the
    // parameters used, under the profile's id.
    var profile = flow.Profile ?? throw new InvalidOperationException("The profiles step did not run.");
    var members = 8;
    var membership = profile.Membership;
    var decision = new DecisionBuilder("Group size", profile, new LocalDate(2019, 10, 1))
        .Check(RuleIds.Grp01, members >= membership.MinMembers && (membership.MaxMembers is null || members <= membership.MaxMembers),
            () => RuleViolation.Of(RuleIds.Grp01, "GRP01_SAMPLE_SIZE", ("Members", members)),
            ("Members", members), ("MinMembers", membership.MinMembers), ("MaxMembers", membership.MaxMembers))
        .Build();
    foreach (var line in decision.ToString().Split(Environment.NewLine))
    {
        Console.WriteLine($"   {line}");
    }
    Expect(!decision.IsApproved, "8 members are too few under KubeKalbar10Kk (exactly 10)");
    Expect(decision.ProfileId == "KubeKalbar10Kk@1", "the decision records the profile version");
    Expect(decision.Checks.Single().Parameters["MinMembers"] == "10", "the decision records the parameter values used");
}

void GroupStanding()
{
    var profile = flow.Profile ?? throw new InvalidOperationException("The profiles step did not run.");
    var bendahara = PersonId.New();
    var active = new SampleGroup(GroupId.New(), profile, GroupStatus.Active, bendahara);
    var underStrength = active with { Status = GroupStatus.UnderStrength };
    var noBendahara = active with { Bendahara = null };

    Expect(GroupStandingRules.CheckMayMoveMoney(active) is null, "an active group with a bendahara may move money");
    var blocked = GroupStandingRules.CheckMayMoveMoney(underStrength);
    Console.WriteLine($"   under strength: {blocked?.Message(english)}");
    Expect(blocked?.RuleId == RuleIds.Grp05, "an under-strength group is blocked by GRP-05");
    var vacant = GroupStandingRules.CheckMayMoveMoney(noBendahara);
    Console.WriteLine($"   no bendahara:   {vacant?.Message(indonesian)}");
    Expect(vacant?.RuleId == RuleIds.Off04, "a vacant bendahara office blocks money by OFF-04");
}

// A KSM of BKM Guyub Rukun (seed 004): six residents of one kelurahan, on the PS2 list.
void Households()
{
    var profile = ProgramProfiles.KsmP2kp;
    var kelurahan = RegionCode.Parse("35.73.04.1006");
    var asOf = new LocalDate(2017, 1, 29);
    for (var i = 0; i < 6; i++)
    {
        var sex = i < 3 ? Sex.Female : Sex.Male;
        var birth = new LocalDate(1975 + i, 3, 10 + i);
        var household = Household.Register(HouseholdId.New(), FamilyCardNumber.Parse($"357304{i + 10:00}0117{i + 1:0000}"), kelurahan, 4);
        var nik = $"357304{birth.Day + (sex == Sex.Female ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}{i + 1:0000}";
        var person = Person.Register(PersonId.New(), household.Id, $"Anggota {i + 1}", Nik.Parse(nik), sex, birth, HouseholdRole.Head, Employment.Trader);
        var evidence = new PovertyEvidence(null, null, OnPs2List: true);
        var eligibility = MemberEligibility.Evaluate(person, household, evidence, profile, asOf);
        Expect(eligibility.IsApproved, "a PS2-listed adult is eligible for a KSM: " + eligibility);
        flow.Dossiers.Add(new MemberDossier(person, household, evidence));
    }
    Console.WriteLine($"   6 eligible members, e.g. {flow.Dossiers[0].Person} (NIK masked, PRIV-01)");
}

void Formation()
{
    var proposedOn = new LocalDate(2017, 1, 29);
    var members = flow.Dossiers.Select(d => d.Person.Id).ToArray();
    var group = Group.Propose(new ProposeGroup(GroupId.New(), ProgramProfiles.KsmP2kp, "KSM Guyub Rukun 1", RegionCode.Parse("35.73.04.1006"),
        proposedOn, proposedOn.PlusDays(7), flow.Dossiers, members.Select(m => new MemberConsent(m, proposedOn)).ToArray()));
    var electedOn = proposedOn.PlusDays(7);
    group.ElectOfficers(new ElectOfficers(electedOn,
        [new(OfficerRole.Ketua, members[0]), new(OfficerRole.Sekretaris, members[1]), new(OfficerRole.Bendahara, members[2])], null, members));
    group.HoldInitialMeeting(electedOn);
    group.Verify(new VerifyGroup("Warsito", "BKM Guyub Rukun", electedOn.PlusDays(1), flow.Dossiers));
    group.Activate(electedOn.PlusDays(1));
    Expect(group.Status == GroupStatus.Active, "the KSM is active");
    var tooMany = () => group.ElectOfficers(new ElectOfficers(electedOn.PlusDays(2),
        [new(OfficerRole.Ketua, members[0]), new(OfficerRole.Sekretaris, members[0]), new(OfficerRole.Bendahara, members[2])], null, members));
    try
    {
        tooMany();
        Expect(false, "one person may hold only one office (OFF-02)");
    }
    catch (RuleViolationException refused)
    {
        Console.WriteLine($"   refused: {refused.Violation.Message(indonesian)}");
        Expect(refused.Violation.RuleId == RuleIds.Off02, "the double office is refused under OFF-02");
    }
    Console.WriteLine($"   {group.Name}: {group.Status}, {group.MemberCount} members, bendahara {group.OfficerHolding(OfficerRole.Bendahara)}");
    flow.Group = group;
}

void Savings()
{
    var group = flow.Group!;
    var ledger = SavingsLedger.Open(group, new LocalDate(2017, 2, 6), EntryId.New());
    for (var week = 0; week < 14; week++)
    {
        foreach (var member in group.CurrentMembers)
        {
            ledger.Deposit(today, new LocalDate(2017, 2, 6).PlusWeeks(week).PlusDays(5), member, group.Profile.Savings.WeeklySavingsAmount);
        }
    }
    var chain = ledger.VerifyChain();
    Console.WriteLine($"   {ledger.Balances.Cash} cash after 14 weeks; chain: {chain}");
    Expect(chain.IsIntact, "the hash chain verifies");
    Expect(ledger.SavingsOf(group.CurrentMembers.First()) == Rupiah.Of(70_000), "each member saved 14 × Rp 5.000");
    Expect(ledger.Balances.IsConserved, "group cash is conserved (SAV-03)");
    flow.Ledger = ledger;
}

void Loan()
{
    var group = flow.Group!;
    var ledger = flow.Ledger!;
    var fund = LoanRevolving.Open(group, ledger);
    var day = new LocalDate(2017, 5, 13);
    var mayLend = fund.MayLend(day);
    Expect(mayLend.IsApproved, "a KSM may lend within the group from its first meeting (LOAN-01 a): " + mayLend);
    foreach (var member in group.CurrentMembers)
    {
        fund.SignJointLiabilityStatement(member, day);
    }
    var upk = fund.AssessUpkAccess(day);
    Expect(upk.IsApproved, "after three months of savings and every tanggung renteng statement the KSM may borrow from the UPK (LOAN-01 b): " + upk);
    fund.BorrowFromUpk(today, day, Rupiah.Of(3_000_000), "UPK BKM Guyub Rukun");
    var borrower = flow.Dossiers[3].Person.Id;
    var loan = fund.Apply(new LoanApplication(LoanId.New(), borrower, Rupiah.Of(500_000), 3, InstallmentFrequency.Weekly, "modal dagang sayur", day));
    var meeting = Meeting.Open(group, MeetingId.New(), day);
    meeting.RecordAttendance(group.CurrentMembers.Select(m => new AttendanceMark(m, AttendanceStatus.Present)));
    fund.Approve(loan.Id, meeting.ApproveLoan(loan.Id), flow.Dossiers[0].Person.Id);
    var disbursed = fund.Disburse(today, loan.Id, day);
    var schedule = disbursed.Schedule!;
    Console.WriteLine($"   {schedule.Count} weekly installments of {schedule.RegularInstallment}, last {schedule.LastInstallment}, total {schedule.Total}");
    Expect(schedule.Total == Rupiah.Of(522_500), "Rp 500.000 over 3 months at 1,5 % a month costs Rp 22.500 of jasa (LOAN-04)");
    var first = schedule.Installments[0];
    fund.Repay(today, loan.Id, first.DueDate, first.Amount);
    var status = fund.StatusOf(loan.Id, first.DueDate);
    Expect(!status.HasArrears, "the first installment is paid on time");
    Expect(ledger.Balances.IsConserved && ledger.VerifyChain().IsIntact, "the ledger still conserves and verifies");
    Console.WriteLine($"   after the first installment: outstanding principal {status.OutstandingPrincipal}, loan fund available {ledger.LoanFundAvailable}");
}

static void Expect(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("expected: " + what);
    }
}

/// <summary>What the steps hand to each other.</summary>
internal sealed class FlowState
{
    public ProgramProfile? Profile { get; set; }

    public List<MemberDossier> Dossiers { get; } = [];

    public Group? Group { get; set; }

    public SavingsLedger? Ledger { get; set; }
}

/// <summary>
/// A host's stand-in for a group's standing (the seam the savings ledger, loans and aid consult).
/// NEXT: replace with the library's Group aggregate once it lands.
/// </summary>
internal sealed record SampleGroup(GroupId Id, ProgramProfile Profile, GroupStatus Status, PersonId? Bendahara) : IGroupStanding
{
    public IReadOnlyCollection<PersonId> CurrentMembers => Bendahara is { } b ? [b] : [];

    public PersonId? OfficerHolding(OfficerRole role) => Bendahara; // one stand-in holds every office (OFF-04 needs all three filled)
}
