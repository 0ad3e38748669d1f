using System.Globalization;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.Groups;

/// <summary>
/// Seed 000 (KUB, 2012), "Langkah penumbuhan KUB": the poor households found by PRA wealth ranking and matched
/// with the base data (4b) decide whether they agree to form a group (5); the group has 5-10 people (5a), officers
/// from its members (5b), and agrees to hold an initial meeting (5c).
/// </summary>
public class KubFormationScenarioTests
{
    private static readonly ProgramProfile Kub = ProgramProfiles.Kub;
    private static readonly RegionCode Desa = RegionCode.Parse("33.02.05.2001");
    private static readonly LocalDate RankedOn = new(2012, 7, 20);
    private static readonly LocalDate AgreedOn = new(2012, 8, 2);
    private static readonly LocalDate InitialMeeting = new(2012, 8, 9);

    private static PovertyEvidence Pra(WealthCategory category, bool confirmed) =>
        new(null, new PraRanking(ExerciseId.New(), RankedOn, category, category is WealthCategory.Miskin or WealthCategory.SangatMiskin, confirmed), false);

    private static MemberDossier Household(string name, Sex sex, PovertyEvidence evidence) =>
        DossierBuilder.On(AgreedOn).LivingIn(Desa).Named(name).WithSex(sex).WithEvidence(evidence).Build();

    private static readonly string[] Names = ["Suparmi", "Rasmini", "Tukiyem", "Darsono", "Sukirah", "Wagiman", "Painem"];

    private static List<MemberDossier> ConfirmedPoor() =>
        Names.Select((n, i) => Household(n, i % 3 == 0 ? Sex.Male : Sex.Female, Pra(i % 2 == 0 ? WealthCategory.SangatMiskin : WealthCategory.Miskin, confirmed: true))).ToList();

    private static ProposeGroup Proposal(IReadOnlyList<MemberDossier> founders, IReadOnlyList<MemberConsent>? consents = null) => new(
        GroupId.New(), Kub, "KUB Sido Rukun", Desa, AgreedOn, InitialMeeting, founders,
        consents ?? founders.Select(f => new MemberConsent(f.Person.Id, AgreedOn)).ToArray());

    [Fact]
    [Trait("Rule", "GRP-02")]
    public void Seven_confirmed_poor_households_agree_to_form_a_KUB_and_schedule_their_initial_meeting()
    {
        var group = Group.Propose(Proposal(ConfirmedPoor()));

        group.Status.ShouldBe(GroupStatus.Proposed);
        group.MemberCount.ShouldBe(7);
        group.Consents.Count.ShouldBe(7);
        group.InitialMeetingScheduledOn.ShouldBe(InitialMeeting);
        group.Kind.ShouldBe(GroupKind.Kub);
        group.Events.Single().ShouldBe(new GroupProposed(group.Id, AgreedOn, 7, InitialMeeting));
    }

    [Fact]
    [Trait("Rule", "MEM-01")]
    public void The_formation_decision_explains_every_rule_under_the_KUB_profile()
    {
        var decision = Group.EvaluateProposal(Proposal(ConfirmedPoor()));

        decision.IsApproved.ShouldBeTrue();
        decision.ProfileId.ShouldBe("Kub@1");
        decision.RuleIds.Distinct().Select(r => r.Value).ShouldBe(["GRP-01", "GRP-02", "GRP-03", "GRP-04", "MEM-01", "MEM-02", "MEM-03", "MEM-04", "MEM-05", "MEM-07"]);
        decision.Checks.Where(c => c.RuleId == RuleIds.Mem01).ShouldAllBe(c => c.Outcome == CheckOutcome.Passed && c.Parameters["Membership.PovertyEvidence"] == "PraConfirmedByRegistry");
        decision.Checks.Where(c => c.RuleId == RuleIds.Mem03 || c.RuleId == RuleIds.Mem04 || c.RuleId == RuleIds.Mem05).ShouldAllBe(c => c.Outcome == CheckOutcome.NotApplicable);
        decision.Checks.Single(c => c.RuleId == RuleIds.Grp01).ToString().ShouldBe("GRP-01 Passed (Members=7, Membership.MinMembers=5, Membership.MaxMembers=10)");
        decision.ToString().ShouldContain("under Kub@1 as of 2012-08-02: approved");
    }

    [Fact]
    [Trait("Rule", "MEM-01")]
    public void A_household_ranked_poor_by_PRA_but_not_matched_with_the_base_data_or_ranked_middle_cannot_join_yet()
    {
        var founders = ConfirmedPoor();
        founders.Add(Household("Karsidi", Sex.Male, Pra(WealthCategory.Miskin, confirmed: false)));
        founders.Add(Household("Juwariyah", Sex.Female, Pra(WealthCategory.Sedang, confirmed: true)));

        var refusal = Should.Throw<RuleViolationException>(() => Group.Propose(Proposal(founders)));

        refusal.Violations.Select(v => v.ErrorCode).ShouldBe([GroupErrors.PraNotConfirmed, GroupErrors.PraNotPoor]);
        refusal.Violations[0].Message(CultureInfo.GetCultureInfo("id-ID")).ShouldContain("belum cocok dengan data dasar (PRA-03)");
    }

    [Fact]
    [Trait("Rule", "GRP-02")]
    public void A_household_that_has_not_agreed_is_not_a_founding_member()
    {
        var founders = ConfirmedPoor();
        var consents = founders.Skip(1).Select(f => new MemberConsent(f.Person.Id, AgreedOn)).ToArray();

        var refusal = Should.Throw<RuleViolationException>(() => Group.Propose(Proposal(founders, consents)));

        refusal.Violation.ErrorCode.ShouldBe(GroupErrors.ConsentMissing);
        refusal.Violation.Message(CultureInfo.GetCultureInfo("en")).ShouldStartWith("The consent of Suparmi (");
        Group.Propose(Proposal(founders.Skip(1).ToList(), consents)).MemberCount.ShouldBe(6);
    }

    [Fact]
    [Trait("Rule", "GRP-01")]
    public void Eleven_people_are_too_many_for_a_KUB_of_five_to_ten()
    {
        var founders = ConfirmedPoor().Concat(Enumerable.Range(0, 4).Select(i => Household($"Warga {i}", Sex.Female, Pra(WealthCategory.Miskin, true)))).ToList();

        var refusal = Should.Throw<RuleViolationException>(() => Group.Propose(Proposal(founders)));

        refusal.Violation.ErrorCode.ShouldBe(GroupErrors.TooManyMembers);
        refusal.Violation.Message(CultureInfo.GetCultureInfo("id-ID")).ShouldBe("Kelompok akan beranggotakan 11 orang, lebih dari maksimum 10.");
    }

    [Fact]
    [Trait("Rule", "OFF-03")]
    public void At_the_initial_meeting_the_members_elect_their_officers_from_among_themselves_and_the_KUB_is_formed()
    {
        var group = Group.Propose(Proposal(ConfirmedPoor()));
        var members = group.CurrentMembers.ToArray();
        var present = members.Take(6).ToArray();
        var election = new MeetingDecision(MeetingId.New(), group.Id, InitialMeeting, DecisionKind.OfficerElection, "Pemilihan pengurus KUB", present, 7, true, Kub.Id);

        group.ElectOfficers(new ElectOfficers(InitialMeeting, Elections.Slate(members[1], members[4], members[6]), election, null));
        group.HoldInitialMeeting(InitialMeeting);

        group.Status.ShouldBe(GroupStatus.Formed);
        group.OfficerHolding(OfficerRole.Ketua).ShouldBe(members[1]);
        group.OfficerHolding(OfficerRole.Bendahara).ShouldBe(members[6]);
        group.Elections.Single().DecidedBy.ShouldBe(present);
        group.Elections.Single().MeetingId.ShouldBe(election.MeetingId);
        group.Events.Select(e => e.GetType().Name).ShouldBe(["GroupProposed", "OfficersElected", "InitialMeetingHeld", "GroupFormed"]);
    }

    [Fact]
    [Trait("Rule", "OFF-01")]
    public void A_respected_villager_who_is_not_a_member_cannot_be_ketua()
    {
        var group = Group.Propose(Proposal(ConfirmedPoor()));
        var members = group.CurrentMembers.ToArray();
        var tokohMasyarakat = PersonId.New();
        var before = GroupSnapshot.Of(group);

        var refusal = Should.Throw<RuleViolationException>(() =>
            group.ElectOfficers(new ElectOfficers(InitialMeeting, Elections.Slate(tokohMasyarakat, members[1], members[2]), null, members)));

        refusal.Violation.ErrorCode.ShouldBe(GroupErrors.OfficerNotAMember);
        refusal.Violation.Arguments["Role"].ShouldBe(OfficerRole.Ketua);
        GroupSnapshot.Of(group).ShouldBe(before);
    }
}
