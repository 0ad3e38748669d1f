// KubeCore consumer sample: an application that uses the KubeCore NuGet PACKAGE (restored from the
// local feed ./artifacts, see nuget.config), exactly as an agency's system would. scripts/consumer.sh
// packs the library and runs this program; any failed expectation makes it exit with code 1.
//
// How the flow is organised (extend it here, in this one file):
//   * Each step is a local function below that prints what it does and checks what it got with
//     Expect(...). Steps share state through the `flow` object (FlowState at the end of the file).
//   * The `steps` list says the order. To grow the flow into formation → savings → loan once the
//     domain areas land, add the step functions marked "NEXT" and one line each in `steps`.
using System.Globalization;
using System.Reflection;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

var indonesian = CultureInfo.GetCultureInfo("id-ID");
var english = CultureInfo.GetCultureInfo("en-US");
var flow = new FlowState();

var steps = new (string Title, Action Run)[]
{
    ("The library comes from the package", PackageIdentity),
    ("Program profiles: built-in and a derived regional profile", Profiles),
    ("The rule catalogue: a rule with its source and parameters", Catalogue),
    ("NIK: parsing (MEM-06) and masking (PRIV-01)", NikParsingAndMasking),
    ("Money: whole rupiah, the remainder on the last part (SAV-07)", Money),
    ("A decision with its explanation: group size (GRP-01)", GroupSizeDecision),
    ("Group standing before money moves (GRP-05, GRP-06, OFF-04)", GroupStanding),
    // NEXT (formation-to-loan flow, once Households/Groups/Savings/Loans land):
    //   ("Households: poverty evidence and member eligibility (POV-xx, MEM-0x)", Households),
    //   ("Forming the group and electing officers (GRP-0x, OFF-0x)", Formation),
    //   ("Weekly savings and the book close (SAV-0x)", Savings),
    //   ("May the group lend? A loan, its schedule and a repayment (LOAN-0x)", Loan),
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
        "KubeKalbar2019", 1, "Dinsos Kalbar 2019: syarat pengajuan KUBE (10 KK)", new LocalDate(2019, 9, 12),
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
    Expect(!decision.IsApproved, "8 members are too few under KubeKalbar2019 (exactly 10)");
    Expect(decision.ProfileId == "KubeKalbar2019@1", "the decision records the profile version");
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
}

/// <summary>
/// A host's stand-in for a group's standing (the seam the savings ledger, loans and aid consult).
/// NEXT: replace with the library's Group aggregate once it lands.
/// </summary>
internal sealed record SampleGroup(GroupId Id, ProgramProfile Profile, GroupStatus Status, PersonId? Bendahara) : IGroupStanding
{
    public IReadOnlyCollection<PersonId> CurrentMembers => Bendahara is { } b ? [b] : [];

    public PersonId? OfficerHolding(OfficerRole role) => role == OfficerRole.Bendahara ? Bendahara : null;
}
