using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;
using KubeCore.Tests.Support;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.Examples;

/// <summary>
/// One person judged for membership by <see cref="MemberEligibility.Evaluate(MemberDossier, ProgramProfile, LocalDate)"/> on
/// <c>as_of</c> (default 1 October 2019): a woman of Pahandut, head of her household, trader, married, 35 years old and
/// poor by every profile's evidence, unless the row says otherwise. Inputs: <c>birth_date</c>, <c>sex</c>, <c>role</c>
/// (<see cref="HouseholdRole"/>), <c>employment</c> (<see cref="Employment"/>), <c>marital_status</c>
/// (<see cref="MaritalStatus"/>, or <c>unknown</c>), and the poverty evidence: <c>registry</c> (Dtks or Dtsen, default
/// Dtks), <c>decile</c> and <c>ranked_on</c> (no registry entry without a decile), <c>pra_category</c>
/// (<see cref="WealthCategory"/>; Miskin and SangatMiskin are poor), <c>pra_held_on</c>, <c>pra_confirmed</c> and
/// <c>on_ps2_list</c>. When the row gives any evidence input, only the evidence it gives exists.
/// </summary>
internal static class MemberRows
{
    /// <summary>The default judgement date.</summary>
    public static readonly LocalDate DefaultAsOf = new(2019, 10, 1);

    private static readonly string[] EvidenceKeys = ["decile", "pra_category", "on_ps2_list"];

    public static LocalDate AsOf(WorkedExample row) => row.Date("as_of", DefaultAsOf);

    public static MemberDossier Dossier(WorkedExample row)
    {
        var asOf = AsOf(row);
        var builder = DossierBuilder.On(asOf)
            .WithSex(row.Enum("sex", Sex.Female))
            .WithRole(row.Enum("role", HouseholdRole.Head))
            .WorkingAs(row.Enum("employment", Employment.Trader))
            .WithMaritalStatus(row.Text("marital_status", "Married") == "unknown" ? null : row.Enum("marital_status", MaritalStatus.Married))
            .BornOn(row.Date("birth_date", asOf.PlusYears(-35)));
        if (EvidenceKeys.Any(row.Has))
        {
            builder = builder.WithEvidence(Evidence(row, asOf));
        }
        return builder.Build();
    }

    private static PovertyEvidence Evidence(WorkedExample row, LocalDate asOf)
    {
        var registry = row.Has("decile")
            ? new RegistryEntry(row.Enum("registry", RegistrySource.Dtks), row.Int("decile"), row.Date("ranked_on", asOf.PlusDays(-30)))
            : null;
        PraRanking? pra = null;
        if (row.Has("pra_category"))
        {
            var category = row.Enum<WealthCategory>("pra_category");
            pra = new PraRanking(ExerciseId.New(), row.Date("pra_held_on", asOf.PlusDays(-60)), category,
                category is WealthCategory.Miskin or WealthCategory.SangatMiskin, row.Bool("pra_confirmed", true));
        }
        return new PovertyEvidence(registry, pra, row.Bool("on_ps2_list", false));
    }

    /// <summary>The first violation of <paramref name="rule"/> in the person's decision, or acceptance with the person's age.</summary>
    public static ExampleResult Judge(WorkedExample row, RuleId rule)
    {
        var dossier = Dossier(row);
        var decision = MemberEligibility.Evaluate(dossier, row.ProgramProfile, AsOf(row));
        return ExampleRunner.FirstOf(decision.Violations.Where(v => v.RuleId == rule),
            ("age", dossier.Person.AgeOn(AsOf(row))), ("eligible", decision.IsApproved));
    }
}

/// <summary>MEM-01: one person's poverty evidence judged by the profile's rule (see <see cref="MemberRows"/>). Figures: <c>eligible</c>.</summary>
internal sealed class Mem01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Mem01;

    internal override ExampleResult Run(WorkedExample example) => MemberRows.Judge(example, Rule);
}

/// <summary>MEM-02: one person of <c>role</c> in the household (see <see cref="MemberRows"/>). Figures: <c>eligible</c>.</summary>
internal sealed class Mem02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Mem02;

    internal override ExampleResult Run(WorkedExample example) => MemberRows.Judge(example, Rule);
}

/// <summary>MEM-03: one person born on <c>birth_date</c>, of <c>marital_status</c>, judged on <c>as_of</c> (see <see cref="MemberRows"/>). Figures: <c>age</c>, <c>eligible</c>.</summary>
internal sealed class Mem03Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Mem03;

    internal override ExampleResult Run(WorkedExample example) => MemberRows.Judge(example, Rule);
}

/// <summary>MEM-04: one person working as <c>employment</c> (see <see cref="MemberRows"/>). Figures: <c>eligible</c>.</summary>
internal sealed class Mem04Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Mem04;

    internal override ExampleResult Run(WorkedExample example) => MemberRows.Judge(example, Rule);
}

/// <summary>
/// MEM-05: proposes a group (see <see cref="GroupRows"/>) of <c>members</c> founders of whom <c>women</c> are women; or,
/// when <c>men_joining</c> is given, admits that many men to the active group a day after activation. Figures:
/// <c>members</c> and <c>women</c>.
/// </summary>
internal sealed class Mem05Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Mem05;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        if (!example.Has("men_joining"))
        {
            var group = builder.Build();
            return Accepted(("members", group.MemberCount), ("women", group.Members.Count(m => m.Sex == Sex.Female)));
        }
        var active = builder.BuildActive();
        var on = builder.ActivatedDate.PlusDays(1);
        for (var i = 0; i < example.Int("men_joining"); i++)
        {
            active.AdmitMember(new AdmitMember(GroupRows.Newcomer(active, on, Sex.Male), on));
        }
        return Accepted(("members", active.MemberCount), ("women", active.Members.Count(m => m.IsCurrent && m.Sex == Sex.Female)));
    }
}

/// <summary>
/// MEM-06: registers a person with the NIK <c>nik</c> (16 digits) who states <c>sex</c> and <c>birth_date</c>; or parses
/// the family-card number <c>family_card</c>. Figures: <c>warnings</c> (the MEM-06 warning codes recorded, comma-separated,
/// or <c>none</c>) and, for a NIK, its encoded <c>birth_day</c> and <c>encoded_sex</c>.
/// </summary>
internal sealed class Mem06Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Mem06;

    internal override ExampleResult Run(WorkedExample example)
    {
        if (example.Has("family_card"))
        {
            var card = FamilyCardNumber.Parse(example.Text("family_card"));
            return Accepted(("region", card.Region));
        }
        var nik = Nik.Parse(example.Text("nik"));
        var person = Person.Register(PersonId.New(), HouseholdId.New(), "Siti Aminah", nik,
            example.Enum<Sex>("sex"), example.Date("birth_date"), HouseholdRole.Head, Employment.Trader, MaritalStatus.Married);
        var warnings = person.NikWarnings.Count == 0 ? "none" : string.Join(",", person.NikWarnings.Select(w => w.ErrorCode));
        return Accepted(("warnings", warnings), ("birth_day", nik.BirthDay), ("encoded_sex", nik.EncodedSex));
    }
}

/// <summary>
/// MEM-07: registers the name <c>name</c> (YAML escapes such as <c>"\u200B"</c> for invisible characters; or a name of
/// <c>name_length</c> code points: "Siti " followed by the letter a) for <c>name_of</c> a <c>person</c> (default), a
/// <c>group</c> (proposed under the row's profile, see <see cref="GroupRows"/>) or a <c>pendamping</c>; or, with
/// <c>persons_in_household</c>, checks that a household registers with that many persons. Figures: <c>stored</c> (the
/// name as stored) and <c>length</c> (its code points).
/// </summary>
internal sealed class Mem07Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Mem07;

    internal override ExampleResult Run(WorkedExample example)
    {
        if (example.Has("persons_in_household"))
        {
            return Household.CheckHasPersons(example.Int("persons_in_household")) is { } empty ? Refused(empty) : Accepted(("persons", example.Int("persons_in_household")));
        }
        var name = example.Has("name_length") ? "Siti " + new string('a', example.Int("name_length") - 5) : example.Text("name");
        var stored = example.Text("name_of", "person") switch
        {
            "person" => Person.Register(PersonId.New(), HouseholdId.New(), name,
                Nik.Parse(Generators.NikDigits(Places.Pahandut.AtLevel(RegionLevel.District), Sex.Female, new LocalDate(1985, 5, 9), 1)),
                Sex.Female, new LocalDate(1985, 5, 9), HouseholdRole.Head, Employment.Trader, MaritalStatus.Married).Name,
            "group" => GroupRows.Builder(example).Named(name).Build().Name,
            "pendamping" => PendampingBuilder.Appoint(name).Name,
            var other => throw example.Problem($"'name_of' is person, group or pendamping, not '{other}'"),
        };
        return Accepted(("stored", stored), ("length", stored.EnumerateRunes().Count()));
    }
}
