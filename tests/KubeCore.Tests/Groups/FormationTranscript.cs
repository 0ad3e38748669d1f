using System.Globalization;
using System.Text;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.Groups;

/// <summary>
/// A full account of formation decisions under every profile, for proposals that are clean and for proposals
/// that break every formation rule at once: each decision's text, every check's parameters and every
/// violation's message in Indonesian and English. Public API and fixed ids only, so the same transcript can be
/// produced by an older build of the library and compared (FormationTranscript.golden.txt was written by the
/// build before Decision formatted its parameters lazily).
/// </summary>
public static class FormationTranscript
{
    private static readonly LocalDate ProposedOn = new(2025, 2, 3);
    private static readonly RegionCode Seat = RegionCode.Parse("62.71.01.1001");

    public static string Write()
    {
        var text = new StringBuilder();
        foreach (var profile in ProgramProfiles.All)
        {
            foreach (var (name, proposal) in Scenarios(profile))
            {
                text.Append("### ").Append(profile.Id).Append(' ').AppendLine(name);
                Append(text, Group.EvaluateProposal(proposal));
            }
            text.AppendLine("### " + profile.Id + " one person");
            var loner = Dossier(90, Seat, Sex.Male, 17, HouseholdRole.OtherMember, Employment.CivilServant, NoEvidence);
            Append(text, MemberEligibility.Evaluate(loner, profile, ProposedOn));
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, Decision decision)
    {
        text.AppendLine(decision.ToString());
        text.Append("approved=").Append(decision.IsApproved).Append(" rules=").AppendLine(string.Join(",", decision.RuleIds));
        foreach (var check in decision.Checks)
        {
            text.Append("  ").Append(check.RuleId).Append(' ').Append(check.Outcome).Append(':');
            foreach (var (key, value) in check.Parameters)
            {
                text.Append(" [").Append(key).Append('=').Append(value).Append(']');
            }
            text.AppendLine();
        }
        foreach (var violation in decision.Violations.Concat(decision.Warnings))
        {
            text.Append("  ! ").AppendLine(violation.ToString());
            text.Append("    id: ").AppendLine(violation.Message(CultureInfo.GetCultureInfo("id-ID")));
        }
    }

    /// <summary>Ten eligible founders in one kelurahan of Palangka Raya, each with a consent.</summary>
    public static ProposeGroup CleanProposal(ProgramProfile profile)
    {
        var clean = Enumerable.Range(1, 10).Select(i => Dossier(i, Seat, Sex.Female, 30 + i, HouseholdRole.Head, Employment.Trader, Accepted)).ToArray();
        return Proposal(profile, clean, AllConsent(clean));
    }

    private static IEnumerable<(string Name, ProposeGroup Proposal)> Scenarios(ProgramProfile profile)
    {
        var clean = CleanProposal(profile).FoundingMembers;
        yield return ("ten eligible founders", CleanProposal(profile));

        var first = Dossier(11, Seat, Sex.Female, 35, HouseholdRole.Head, Employment.Trader, Accepted);
        var sameCard = Dossier(12, Seat, Sex.Male, 40, HouseholdRole.MainEarner, Employment.Farmer, Accepted, household: first.Household);
        var messy = new[]
        {
            first,
            sameCard,
            Dossier(13, RegionCode.Parse("62.71.02.1001"), Sex.Male, 70, HouseholdRole.OtherMember, Employment.CivilServant, NoEvidence),
            Dossier(14, RegionCode.Parse("62.71.01.1003"), Sex.Female, 16, HouseholdRole.Head, Employment.Pensioner, PraOnly),
            Dossier(15, Seat, Sex.Male, 45, HouseholdRole.Head, Employment.Police, StaleRegistry),
            first,
        };
        var consents = new List<MemberConsent>
        {
            new(sameCard.Person.Id, ProposedOn.PlusDays(3)),
            new(messy[2].Person.Id, ProposedOn),
            new(messy[3].Person.Id, ProposedOn.PlusDays(-1)),
            new(new PersonId(Guid.Parse("7e570000-0000-4000-8000-000000000001")), ProposedOn),
            new(new PersonId(Guid.Parse("7e570000-0000-4000-8000-000000000001")), ProposedOn),
        };
        yield return ("every formation rule broken", Proposal(profile, messy, consents, ProposedOn.PlusDays(-2)));

        var few = clean.Take(2).ToArray();
        yield return ("two founders", Proposal(profile, few, AllConsent(few)));
        var many = Enumerable.Range(20, 25).Select(i => Dossier(i, Seat, i % 2 == 0 ? Sex.Male : Sex.Female, 25 + i, HouseholdRole.Head, Employment.Trader, Accepted)).ToArray();
        yield return ("twenty-five founders", Proposal(profile, many, AllConsent(many)));
    }

    private static MemberConsent[] AllConsent(IEnumerable<MemberDossier> founders) => founders.Select(f => new MemberConsent(f.Person.Id, ProposedOn)).ToArray();

    private static ProposeGroup Proposal(ProgramProfile profile, IReadOnlyList<MemberDossier> founders, IReadOnlyList<MemberConsent> consents, LocalDate? meetingOn = null) =>
        new(new GroupId(Guid.Parse("9a000000-0000-4000-8000-000000000001")), profile, "KUBE Maju Bersama", Seat, ProposedOn, meetingOn ?? ProposedOn.PlusDays(7), founders, consents);

    private static PovertyEvidence Accepted => new(new RegistryEntry(RegistrySource.Dtks, 1, ProposedOn.PlusDays(-30)),
        new PraRanking(Exercise, ProposedOn.PlusDays(-60), WealthCategory.Miskin, IsPoor: true, ConfirmedByRegistry: true), OnPs2List: true);

    private static PovertyEvidence NoEvidence => new(null, null, OnPs2List: false);

    private static PovertyEvidence PraOnly => new(null, new PraRanking(Exercise, ProposedOn.PlusDays(-60), WealthCategory.Miskin, IsPoor: true, ConfirmedByRegistry: false), OnPs2List: false);

    private static PovertyEvidence StaleRegistry => new(new RegistryEntry(RegistrySource.Dtks, 4, ProposedOn.PlusYears(-2)), null, OnPs2List: true);

    private static ExerciseId Exercise => new(Guid.Parse("9e000000-0000-4000-8000-000000000001"));

    private static MemberDossier Dossier(int serial, RegionCode desa, Sex sex, int age, HouseholdRole role, Employment employment, PovertyEvidence evidence, Household? household = null)
    {
        household ??= Household.Register(new HouseholdId(Guid.Parse($"9b000000-0000-4000-8000-{serial:000000000000}")),
            FamilyCardNumber.Parse($"{desa.Province:00}{desa.Regency:00}{desa.District:00}{serial:000000}{serial:0000}"), desa, 4);
        var birth = ProposedOn.PlusYears(-age).PlusDays(-serial * 7);
        var day = sex == Sex.Female ? birth.Day + 40 : birth.Day;
        var nik = Nik.Parse($"{desa.Province:00}{desa.Regency:00}{desa.District:00}{day:00}{birth.Month:00}{birth.Year % 100:00}{serial:0000}");
        var person = Person.Register(new PersonId(Guid.Parse($"9c000000-0000-4000-8000-{serial:000000000000}")), household.Id, $"Anggota {serial}", nik, sex, birth, role, employment, MaritalStatus.Married);
        return new MemberDossier(person, household, evidence);
    }
}
