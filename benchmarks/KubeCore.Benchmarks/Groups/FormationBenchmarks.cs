using BenchmarkDotNet.Attributes;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Benchmarks.Groups;

/// <summary>
/// The full formation check of a 10-member KUBE (Permensos 2/2019 profile): GRP-01 size, GRP-02 consents,
/// GRP-03 seats, GRP-04 residence, MEM-01..04 for every founder and MEM-05, recorded in one <see cref="Decision"/>.
/// </summary>
[MemoryDiagnoser]
public class FormationBenchmarks
{
    private ProposeGroup _command = null!;

    [GlobalSetup]
    public void Setup()
    {
        _command = Proposal(ProgramProfiles.KubePermensos2019, 10);
        if (!Group.EvaluateProposal(_command).IsApproved)
        {
            throw new InvalidOperationException("The benchmark proposal must be eligible: fix the data.");
        }
    }

    /// <summary>A proposal of <paramref name="members"/> eligible founders in one kelurahan of Palangka Raya.</summary>
    public static ProposeGroup Proposal(ProgramProfile profile, int members)
    {
        var proposedOn = new LocalDate(2025, 2, 3);
        var desa = RegionCode.Parse("62.71.01.1001");
        var evidence = new PovertyEvidence(
            new RegistryEntry(RegistrySource.Dtks, 1, proposedOn.PlusDays(-30)),
            new PraRanking(new ExerciseId(Ids.Guid(20, 1)), proposedOn.PlusDays(-60), WealthCategory.Miskin, IsPoor: true, ConfirmedByRegistry: true),
            OnPs2List: true);
        var founders = new MemberDossier[members];
        for (var i = 0; i < members; i++)
        {
            var serial = i + 1;
            var household = Household.Register(new HouseholdId(Ids.Guid(21, serial)), FamilyCardNumber.Parse($"627101{serial:000000}{serial:0000}"), desa, 4);
            var birth = proposedOn.PlusYears(-30 - i).PlusDays(-serial * 7);
            var nik = Nik.Parse($"627101{birth.Day + 40:00}{birth.Month:00}{birth.Year % 100:00}{serial:0000}");
            var person = Person.Register(new PersonId(Ids.Guid(22, serial)), household.Id, $"Anggota {serial}", nik, Sex.Female, birth, HouseholdRole.Head, Employment.Trader, MaritalStatus.Married);
            founders[i] = new MemberDossier(person, household, evidence);
        }
        return new ProposeGroup(
            new GroupId(Ids.Guid(23, 1)), profile, "KUBE Maju Bersama", desa, proposedOn, proposedOn.PlusDays(7),
            founders, founders.Select(f => new MemberConsent(f.Person.Id, proposedOn)).ToArray());
    }

    [Benchmark]
    public Decision EvaluateProposal() => Group.EvaluateProposal(_command);
}
