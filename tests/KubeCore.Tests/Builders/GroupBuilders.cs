using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Facilitation;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Support;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.Builders;

/// <summary>
/// Kelurahan of Kota Palangka Raya (62.71) named in seed 003. Kecamatan codes follow Kemendagri
/// (01 Pahandut, 02 Sabangau, 04 Bukit Batu); the 4-digit kelurahan parts are illustrative.
/// </summary>
public static class Places
{
    public static readonly RegionCode Pahandut = RegionCode.Parse("62.71.01.1001");
    public static readonly RegionCode Langkai = RegionCode.Parse("62.71.01.1003");
    public static readonly RegionCode KerengBangkirai = RegionCode.Parse("62.71.02.1001");
    public static readonly RegionCode KamelohBaru = RegionCode.Parse("62.71.02.1004");
    public static readonly RegionCode DanauTundai = RegionCode.Parse("62.71.02.1005");
    public static readonly RegionCode Tangkiling = RegionCode.Parse("62.71.04.1001");
    public static readonly RegionCode HabaringHurung = RegionCode.Parse("62.71.04.1003");

    /// <summary>The seven kelurahan of seed 003.</summary>
    public static readonly RegionCode[] Seed003 = [Tangkiling, KerengBangkirai, DanauTundai, KamelohBaru, Langkai, Pahandut, HabaringHurung];

    /// <summary>Another desa of the same kecamatan.</summary>
    public static RegionCode OtherDesaOfKecamatan(RegionCode desa) =>
        RegionCode.Parse($"{desa.AtLevel(RegionLevel.District)}.{(desa.Village == 9999 ? 1 : desa.Village + 1):0000}");

    /// <summary>A desa of another kecamatan of the same kabupaten/kota.</summary>
    public static RegionCode DesaOfOtherKecamatan(RegionCode desa) =>
        RegionCode.Parse($"{desa.Province:00}.{desa.Regency:00}.{(desa.District == 99 ? 1 : desa.District + 1):00}.{desa.Village:0000}");
}

/// <summary>Poverty evidence that every built-in profile accepts on a date (fresh DTKS decile 1, PRA poor and confirmed, on the PS2 list).</summary>
public static class Evidence
{
    public static PovertyEvidence AcceptedOn(LocalDate asOf) => new(
        new RegistryEntry(RegistrySource.Dtks, 1, asOf.PlusDays(-30)),
        new PraRanking(ExerciseId.New(), asOf.PlusDays(-60), WealthCategory.Miskin, IsPoor: true, ConfirmedByRegistry: true),
        OnPs2List: true);
}

/// <summary>Builds a member dossier that is eligible under every built-in profile unless told otherwise.</summary>
public sealed class DossierBuilder
{
    private static int _serial;
    private readonly LocalDate _asOf;
    private RegionCode _desa = Places.Pahandut;
    private Sex _sex = Sex.Female;
    private int _age = 35;
    private LocalDate? _birthDate;
    private HouseholdRole _role = HouseholdRole.Head;
    private Employment _employment = Employment.Trader;
    private MaritalStatus? _maritalStatus = MaritalStatus.Married;
    private PovertyEvidence? _evidence;
    private Household? _household;
    private string? _name;

    private DossierBuilder(LocalDate asOf) => _asOf = asOf;

    public static DossierBuilder On(LocalDate asOf) => new(asOf);

    public DossierBuilder LivingIn(RegionCode desa)
    {
        _desa = desa;
        return this;
    }

    public DossierBuilder Male() => WithSex(Sex.Male);

    public DossierBuilder Female() => WithSex(Sex.Female);

    public DossierBuilder WithSex(Sex sex)
    {
        _sex = sex;
        return this;
    }

    public DossierBuilder Aged(int years)
    {
        _age = years;
        return this;
    }

    public DossierBuilder BornOn(LocalDate birthDate)
    {
        _birthDate = birthDate;
        return this;
    }

    public DossierBuilder WithRole(HouseholdRole role)
    {
        _role = role;
        return this;
    }

    public DossierBuilder WorkingAs(Employment employment)
    {
        _employment = employment;
        return this;
    }

    /// <summary>Married by default (MEM-03); null for a person whose status was not recorded.</summary>
    public DossierBuilder WithMaritalStatus(MaritalStatus? status)
    {
        _maritalStatus = status;
        return this;
    }

    public DossierBuilder WithEvidence(PovertyEvidence evidence)
    {
        _evidence = evidence;
        return this;
    }

    /// <summary>Another person of the household of <paramref name="member"/> (same Kartu Keluarga).</summary>
    public DossierBuilder InHouseholdOf(MemberDossier member)
    {
        _household = member.Household;
        _desa = member.Household.Desa;
        _evidence ??= member.Evidence;
        return this;
    }

    public DossierBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public MemberDossier Build()
    {
        var serial = Interlocked.Increment(ref _serial);
        var household = _household ?? Household.Register(
            HouseholdId.New(),
            FamilyCardNumber.Parse($"{_desa.Province:00}{_desa.Regency:00}{_desa.District:00}{serial % 1_000_000:000000}{(serial % 9999) + 1:0000}"),
            _desa,
            4);
        var birth = _birthDate ?? _asOf.PlusYears(-_age).PlusDays(-(serial % 200));
        var kecamatan = household.Desa.AtLevel(RegionLevel.District);
        var person = Person.Register(
            PersonId.New(), household.Id, _name ?? $"Anggota {serial}",
            Nik.Parse(Generators.NikDigits(kecamatan, _sex, birth, (serial % 9999) + 1)),
            _sex, birth, _role, _employment, _maritalStatus);
        return new MemberDossier(person, household, _evidence ?? Evidence.AcceptedOn(_asOf));
    }
}

/// <summary>Builds groups at each lifecycle stage with eligible founding members.</summary>
public sealed class GroupBuilder
{
    private readonly ProgramProfile _profile;
    private GroupId _id = GroupId.New();
    private string _name = "KUBE Maju Bersama";
    private RegionCode _desa = Places.Pahandut;
    private LocalDate _proposedOn;
    private int? _members;
    private int? _women;
    private List<MemberDossier>? _founders;

    // Proposed by default on 2018-12-03, or on the profile's effective date when it takes effect later
    // (a decision dated before it is refused: PROFILE_NOT_YET_IN_FORCE).
    private GroupBuilder(ProgramProfile profile)
    {
        _profile = profile;
        _proposedOn = LocalDate.Max(new LocalDate(2018, 12, 3), profile.EffectiveFrom);
    }

    public static GroupBuilder For(ProgramProfile profile) => new(profile);

    public IReadOnlyList<MemberDossier> Founders => _founders ??= MakeFounders();

    public LocalDate ProposedDate => _proposedOn;

    public LocalDate FormedDate => _proposedOn.PlusDays(7);

    public LocalDate VerifiedDate => _proposedOn.PlusDays(30);

    public LocalDate ActivatedDate => _proposedOn.PlusDays(31);

    public GroupBuilder WithId(GroupId id)
    {
        _id = id;
        return this;
    }

    public GroupBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public GroupBuilder In(RegionCode desa)
    {
        _desa = desa;
        _founders = null;
        return this;
    }

    public GroupBuilder ProposedOn(LocalDate date)
    {
        _proposedOn = date;
        _founders = null;
        return this;
    }

    public GroupBuilder WithMembers(int count, int? women = null)
    {
        _members = count;
        _women = women;
        _founders = null;
        return this;
    }

    public GroupBuilder WithFounders(IEnumerable<MemberDossier> founders)
    {
        _founders = founders.ToList();
        return this;
    }

    public ProposeGroup Command() => new(
        _id, _profile, _name, _desa, _proposedOn, _proposedOn.PlusDays(7),
        Founders, Founders.Select(f => new MemberConsent(f.Person.Id, _proposedOn)).ToArray());

    public Group Build() => Group.Propose(Command());

    public Group BuildFormed()
    {
        var group = Build();
        group.ElectOfficers(Elections.ByAll(group, FormedDate));
        group.HoldInitialMeeting(FormedDate);
        return group;
    }

    public Group BuildVerified()
    {
        var group = BuildFormed();
        group.Verify(Verification(group, VerifiedDate));
        return group;
    }

    public Group BuildActive()
    {
        var group = BuildVerified();
        group.Activate(ActivatedDate);
        return group;
    }

    /// <summary>A verification by Dinas Sosial with fresh evidence for every current founder.</summary>
    public VerifyGroup Verification(Group group, LocalDate on) => new(
        "Siti Rahmawati", "Dinas Sosial Kota Palangka Raya", on,
        Founders.Where(f => group.CurrentMembers.Contains(f.Person.Id)).Select(f => new MemberDossier(f.Person, f.Household, Evidence.AcceptedOn(on))).ToArray());

    private List<MemberDossier> MakeFounders()
    {
        var count = _members ?? _profile.Membership.MinMembers;
        var women = _women ?? count;
        return Enumerable.Range(0, count)
            .Select(i => DossierBuilder.On(_proposedOn).LivingIn(_desa).WithSex(i < women ? Sex.Female : Sex.Male).Build())
            .ToList();
    }
}

/// <summary>Officer elections for tests.</summary>
public static class Elections
{
    /// <summary>The first three current members as ketua, sekretaris, bendahara, decided by every current member.</summary>
    public static ElectOfficers ByAll(Group group, LocalDate on)
    {
        var members = group.CurrentMembers.ToArray();
        return new ElectOfficers(on, Slate(members[0], members[1], members[2]), null, members);
    }

    public static OfficerAssignment[] Slate(PersonId ketua, PersonId sekretaris, PersonId bendahara) =>
        [new(OfficerRole.Ketua, ketua), new(OfficerRole.Sekretaris, sekretaris), new(OfficerRole.Bendahara, bendahara)];
}

/// <summary>A readable rendering of every observable part of a group, to prove a refused operation changed nothing.</summary>
public static class GroupSnapshot
{
    public static string Of(Group g) => string.Join(" | ",
        g.Status, g.MemberCount, string.Join(";", g.Members), string.Join(";", g.CurrentMembers),
        string.Join(";", g.Officers.OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}")),
        g.Elections.Count, g.Consents.Count, g.InitialMeetingHeldOn, g.FormedOn, g.Verification?.VerifiedOn, g.ActivatedOn,
        g.UnderStrengthSince, g.UnderStrengthDeadline, g.BankAccount, g.Dissolution, g.Events.Count,
        string.Join(";", Enum.GetValues<OfficerRole>().Select(r => g.OfficerHolding(r))));
}

public enum GroupOpKind
{
    AdmitEligible,
    AdmitSameHousehold,
    AdmitOutsideArea,
    AdmitIneligible,
    AdmitBackdated,
    RemoveMember,
    RemoveOfficer,
    ElectByAll,
    ElectWithoutQuorum,
    ElectOutsider,
    HoldInitialMeeting,
    Verify,
    Activate,
    OpenAccount,
    OpenAccountInMemberName,
    MarkGraceExpired,
    Dissolve,
}

/// <summary>One operation of a random group history: the kind, a number to pick a member with, and the days that pass before it.</summary>
public sealed record GroupOp(GroupOpKind Kind, int Pick, int Days);

/// <summary>A random group history: a profile, how many founders above its minimum, and the operations applied in order.</summary>
public sealed record GroupHistory(ProgramProfile Profile, int Extra, GroupOp[] Ops)
{
    public override string ToString() => $"GroupHistory {{ Profile = {Profile}, Extra = {Extra}, Ops = {CounterexampleText.Items(Ops)} }}";
}

/// <summary>One applied operation: the status before and after, and the refusal if any, with snapshots.</summary>
public sealed record GroupStep(GroupOp Op, GroupStatus Before, GroupStatus After, RuleViolationException? Refusal, string SnapshotBefore, string SnapshotAfter, LocalDate Date, LocalDate? DeadlineBefore, int MembersBefore);

/// <summary>Runs random histories against a real group, recording every step.</summary>
public sealed class GroupHarness
{
    private readonly Dictionary<PersonId, MemberDossier> _dossiers = [];

    private GroupHarness(Group group, IEnumerable<MemberDossier> founders, LocalDate today)
    {
        Group = group;
        Today = today;
        foreach (var founder in founders)
        {
            _dossiers[founder.Person.Id] = founder;
        }
    }

    public Group Group { get; }

    public LocalDate Today { get; private set; }

    public List<GroupStep> Steps { get; } = [];

    public static GroupHarness Start(ProgramProfile profile, int extraFounders)
    {
        var count = profile.Membership.MinMembers + extraFounders;
        if (profile.Membership.MaxMembers is { } max)
        {
            count = Math.Min(count, max);
        }
        var builder = GroupBuilder.For(profile).WithMembers(count, women: (count + 1) / 2);
        return new GroupHarness(builder.Build(), builder.Founders, builder.ProposedDate);
    }

    public static GroupHarness Run(ProgramProfile profile, int extraFounders, IEnumerable<GroupOp> ops)
    {
        var harness = Start(profile, extraFounders);
        foreach (var op in ops)
        {
            harness.Apply(op);
        }
        return harness;
    }

    public void Apply(GroupOp op)
    {
        Today = Today.PlusDays(op.Days);
        var before = GroupSnapshot.Of(Group);
        var status = Group.Status;
        var deadline = Group.UnderStrengthDeadline;
        var members = Group.MemberCount;
        RuleViolationException? refusal = null;
        try
        {
            Perform(op);
        }
        catch (RuleViolationException e)
        {
            refusal = e;
        }
        Steps.Add(new GroupStep(op, status, Group.Status, refusal, before, GroupSnapshot.Of(Group), Today, deadline, members));
    }

    private void Perform(GroupOp op)
    {
        var members = Group.CurrentMembers.ToArray();
        PersonId Pick(int offset = 0) => members[(op.Pick + offset) % members.Length];
        switch (op.Kind)
        {
            case GroupOpKind.AdmitEligible:
                Admit(DossierBuilder.On(Today).LivingIn(Group.Desa).WithSex(op.Pick % 2 == 0 ? Sex.Female : Sex.Male).Build(), Today);
                break;
            case GroupOpKind.AdmitSameHousehold when members.Length > 0:
                Admit(DossierBuilder.On(Today).InHouseholdOf(_dossiers[Pick()]).WithEvidence(Evidence.AcceptedOn(Today)).Build(), Today);
                break;
            case GroupOpKind.AdmitOutsideArea:
                Admit(DossierBuilder.On(Today).LivingIn(Places.DesaOfOtherKecamatan(Group.Desa)).Build(), Today);
                break;
            case GroupOpKind.AdmitIneligible:
                Admit(DossierBuilder.On(Today).LivingIn(Group.Desa).WithEvidence(PovertyEvidence.None).Build(), Today);
                break;
            case GroupOpKind.AdmitBackdated:
                var date = Today.PlusDays(-1 - (op.Pick % 30));
                Admit(DossierBuilder.On(date).LivingIn(Group.Desa).Build(), date);
                break;
            case GroupOpKind.RemoveMember when members.Length > 0:
                Group.RemoveMember(Pick(), Today);
                break;
            case GroupOpKind.RemoveOfficer when Group.Officers.Count > 0:
                Group.RemoveMember(Group.Officers.Values.ElementAt(op.Pick % Group.Officers.Count), Today);
                break;
            case GroupOpKind.ElectByAll when members.Length > 0:
                Group.ElectOfficers(new ElectOfficers(Today, Elections.Slate(Pick(), Pick(1), Pick(2)), null, members));
                break;
            case GroupOpKind.ElectWithoutQuorum when members.Length > 0:
                Group.ElectOfficers(new ElectOfficers(Today, Elections.Slate(Pick(), Pick(1), Pick(2)), null, members.Take(members.Length / 2).ToArray()));
                break;
            case GroupOpKind.ElectOutsider when members.Length > 0:
                Group.ElectOfficers(new ElectOfficers(Today, Elections.Slate(Pick(), PersonId.New(), Pick(2)), null, members));
                break;
            case GroupOpKind.HoldInitialMeeting:
                Group.HoldInitialMeeting(Today);
                break;
            case GroupOpKind.Verify when members.Length > 0:
                Group.Verify(new VerifyGroup("Siti Rahmawati", "Dinas Sosial", Today,
                    members.Select(id => new MemberDossier(_dossiers[id].Person, _dossiers[id].Household, Evidence.AcceptedOn(Today))).ToArray()));
                break;
            case GroupOpKind.Activate:
                Group.Activate(Today);
                break;
            case GroupOpKind.OpenAccount:
                Group.OpenBankAccount(new OpenBankAccount("BRI", $"{1000000 + op.Pick}", op.Pick % 2 == 0 ? Group.Name : Group.Name.ToUpperInvariant(), Today));
                break;
            case GroupOpKind.OpenAccountInMemberName when members.Length > 0:
                Group.OpenBankAccount(new OpenBankAccount("BRI", $"{1000000 + op.Pick}", _dossiers[Pick()].Person.Name, Today));
                break;
            case GroupOpKind.MarkGraceExpired:
                Group.MarkGraceExpired(Today);
                break;
            case GroupOpKind.Dissolve:
                Group.Dissolve(Today, DissolutionReason.MembersDecision);
                break;
            default:
                break;
        }
    }

    private void Admit(MemberDossier dossier, LocalDate on)
    {
        Group.AdmitMember(new AdmitMember(dossier, on));
        _dossiers[dossier.Person.Id] = dossier;
    }
}

/// <summary>Generators of group histories and inputs.</summary>
public static class GroupGen
{
    public static Gen<ProgramProfile> Profile => Gen.Elements(ProgramProfiles.All.ToArray());

    /// <summary>Operation kinds weighted so that histories reach every status before they are dissolved.</summary>
    public static Gen<GroupOpKind> OpKind => Gen.Frequency(
        (12, Gen.Constant(GroupOpKind.AdmitEligible)),
        (3, Gen.Constant(GroupOpKind.AdmitSameHousehold)),
        (2, Gen.Constant(GroupOpKind.AdmitOutsideArea)),
        (2, Gen.Constant(GroupOpKind.AdmitIneligible)),
        (2, Gen.Constant(GroupOpKind.AdmitBackdated)),
        (10, Gen.Constant(GroupOpKind.RemoveMember)),
        (4, Gen.Constant(GroupOpKind.RemoveOfficer)),
        (8, Gen.Constant(GroupOpKind.ElectByAll)),
        (2, Gen.Constant(GroupOpKind.ElectWithoutQuorum)),
        (2, Gen.Constant(GroupOpKind.ElectOutsider)),
        (6, Gen.Constant(GroupOpKind.HoldInitialMeeting)),
        (6, Gen.Constant(GroupOpKind.Verify)),
        (6, Gen.Constant(GroupOpKind.Activate)),
        (3, Gen.Constant(GroupOpKind.OpenAccount)),
        (2, Gen.Constant(GroupOpKind.OpenAccountInMemberName)),
        (3, Gen.Constant(GroupOpKind.MarkGraceExpired)),
        (1, Gen.Constant(GroupOpKind.Dissolve)));

    public static Gen<GroupOp> Op =>
        from kind in OpKind
        from pick in Gen.Choose(0, 10_000)
        from days in Gen.Frequency((3, Gen.Choose(0, 10)), (1, Gen.Choose(11, 120)))
        select new GroupOp(kind, pick, days);

    /// <summary>A profile, how many founders above its minimum, and a history of up to 40 operations.</summary>
    public static Gen<GroupHistory> History =>
        from profile in Profile
        from extra in Gen.Choose(0, 4)
        from length in Gen.Choose(0, 40)
        from ops in Gen.ArrayOf(Op, length)
        select new GroupHistory(profile, extra, ops);
}

/// <summary>Pendamping for tests.</summary>
public static class PendampingBuilder
{
    public static Pendamping Appoint(string name = "Rahmat Hidayat", ProgramProfile? profile = null, LocalDate? on = null) =>
        Pendamping.Appoint(PendampingId.New(), name, profile ?? ProgramProfiles.KubePermensos2019, on ?? new LocalDate(2019, 3, 12)); // the default profile takes effect on 12 March 2019
}

/// <summary>A group's standing without its history, for facilitation tests that only need id, profile and status.</summary>
public sealed class GroupStandingStub(ProgramProfile profile, GroupStatus status = GroupStatus.Active) : IGroupStanding
{
    public GroupId Id { get; } = GroupId.New();

    public ProgramProfile Profile { get; } = profile;

    public GroupStatus Status { get; } = status;

    public IReadOnlyCollection<PersonId> CurrentMembers => [];

    public PersonId? OfficerHolding(OfficerRole role) => null;
}

/// <summary>Monthly reports and visits for tests.</summary>
public static class Facilitations
{
    public static MonthlyReport Report(GroupId group, LocalDate on, StrategyAspects aspects = StrategyAspects.Motivation | StrategyAspects.SelfManagement) =>
        new(group, on, "Kelompok rutin menabung dan mencatat pembukuan.",
            Enum.GetValues<StrategyAspects>().Where(a => a is not StrategyAspects.None and not StrategyAspects.All && aspects.HasFlag(a))
                .Select(a => new AspectNote(a, $"Kegiatan {a}")).ToArray());

    public static FacilitationVisit Visit(GroupId group, LocalDate on) => new(group, on, "Kunjungan ke usaha kelompok.");
}
