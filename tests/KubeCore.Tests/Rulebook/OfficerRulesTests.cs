using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Rulebooks;

/// <summary>The rulebook of officers (OFF-01..05).</summary>
public class OfficerRulesTests
{
    private static readonly ProgramProfile SharedOffices = ProgramProfiles.KubePermensos2019.Derive(
        "KubeSharedOffices", 1, "Test: anchors allow one person in two offices", new LocalDate(2019, 1, 1),
        p => p with { Officers = p.Officers with { OnePersonOneOffice = false, SegregateTreasurerLoans = false } });

    /// <summary>Whether the profile lets one person hold two offices, and a slate of (office, member index) entries.</summary>
    public sealed record SlateCase(bool Shared, (OfficerRole Role, int Member)[] Slate)
    {
        public override string ToString() => $"SlateCase {{ Shared = {Shared}, Slate = {CounterexampleText.Items(Slate)} }}";
    }

    /// <summary>A group's size, how many of its members are recorded as deciding, how many outsiders are, and whether through a meeting decision.</summary>
    public sealed record ElectionCase(int Size, int Deciders, int Outsiders, bool ViaMeeting);

    /// <summary>What is wrong with an election's record: 0 none, 1 both a meeting and a list, 2 not an election, 3 another group's, 4 another date.</summary>
    public sealed record ElectionRecordDefect(int Variant);

    /// <summary>The office whose holder leaves, and how many members the group has above its minimum.</summary>
    public sealed record LeavingOfficer(OfficerRole Role, int Extra);

    /// <summary>The office left vacant.</summary>
    public sealed record VacantOffice(OfficerRole Role);

    /// <summary>Whether the profile lets one person hold two offices, and the member indexes of the approver and the borrower (2 is the bendahara).</summary>
    public sealed record LoanApprovalCase(bool Shared, int Approver, int Borrower);

    public static class OfficerArbitraries
    {
        public static Arbitrary<GroupHistory> Histories() => GroupGen.History.ToArbitrary();

        public static Arbitrary<SlateCase> Slates() =>
            (from shared in Gen.Elements(false, true)
             from slate in Gen.Frequency(
                 (3, from roles in Gen.Shuffle(Enum.GetValues<OfficerRole>())
                     from people in Gen.ArrayOf(Gen.Choose(0, 3), 3)
                     select roles.Zip(people).ToArray()),
                 (1, from length in Gen.Choose(0, 5)
                     from entries in Gen.ArrayOf(Gen.Zip(Gen.Elements(Enum.GetValues<OfficerRole>()), Gen.Choose(0, 5)), length)
                     select entries.Select(e => (e.Item1, e.Item2)).ToArray()))
             select new SlateCase(shared, slate)).ToArbitrary();

        public static Arbitrary<ElectionCase> ElectionCases() =>
            (from size in Gen.Choose(5, 12)
             from deciders in Gen.Choose(0, 12)
             from outsiders in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
             from viaMeeting in Gen.Elements(true, false)
             select new ElectionCase(size, Math.Min(deciders, size), outsiders, viaMeeting)).ToArbitrary();

        public static Arbitrary<ElectionRecordDefect> ElectionRecordDefects() => Gen.Choose(0, 4).Select(v => new ElectionRecordDefect(v)).ToArbitrary();

        public static Arbitrary<LeavingOfficer> LeavingOfficers() =>
            (from role in Gen.Elements(Enum.GetValues<OfficerRole>())
             from extra in Gen.Choose(0, 3)
             select new LeavingOfficer(role, extra)).ToArbitrary();

        public static Arbitrary<VacantOffice> VacantOffices() => Gen.Elements(Enum.GetValues<OfficerRole>()).Select(r => new VacantOffice(r)).ToArbitrary();

        public static Arbitrary<LoanApprovalCase> LoanApprovals() =>
            (from shared in Gen.Elements(false, true)
             from approver in Gen.Frequency((1, Gen.Constant(2)), (2, Gen.Choose(0, 5)))
             from borrower in Gen.Frequency((1, Gen.Constant(2)), (2, Gen.Choose(0, 5)))
             select new LoanApprovalCase(shared, approver, borrower)).ToArbitrary();
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(OfficerArbitraries)])]
    [Trait("Rule", "OFF-01")]
    public bool An_officer_is_always_a_current_member(GroupHistory h)
    {
        var harness = GroupHarness.Start(h.Profile, h.Extra);
        foreach (var op in h.Ops)
        {
            harness.Apply(op);
            var step = harness.Steps[^1];
            var g = harness.Group;
            if (!g.Officers.Values.All(g.CurrentMembers.Contains))
            {
                return false;
            }
            if (step.Op.Kind == GroupOpKind.ElectOutsider && step.MembersBefore > 0 && step.Before != GroupStatus.Dissolved
                && step.Refusal?.Violations.Any(v => v.ErrorCode == GroupErrors.OfficerNotAMember) != true)
            {
                return false;
            }
        }
        return true;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(OfficerArbitraries)])]
    [Trait("Rule", "OFF-02")]
    public bool A_slate_has_exactly_one_ketua_sekretaris_and_bendahara_and_one_person_holds_one_office(SlateCase c)
    {
        var builder = GroupBuilder.For(c.Shared ? SharedOffices : ProgramProfiles.KubePermensos2019).WithMembers(6);
        var group = builder.BuildActive();
        var members = group.CurrentMembers.ToArray();
        var officers = c.Slate.Select(s => new OfficerAssignment(s.Item1, members[s.Item2])).ToArray();
        var rolesOnce = Enum.GetValues<OfficerRole>().All(r => officers.Count(o => o.Role == r) == 1);
        var oneOfficeEach = officers.Select(o => o.PersonId).Distinct().Count() == officers.Length;
        var valid = rolesOnce && (c.Shared || oneOfficeEach);
        var before = GroupSnapshot.Of(group);
        try
        {
            group.ElectOfficers(new ElectOfficers(builder.ActivatedDate.PlusDays(1), officers, null, members));
            return valid && Enum.GetValues<OfficerRole>().All(r => group.OfficerHolding(r) == officers.Single(o => o.Role == r).PersonId);
        }
        catch (RuleViolationException e)
        {
            return !valid && e.Violations.All(v => v.RuleId == RuleIds.Off02) && GroupSnapshot.Of(group) == before;
        }
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(OfficerArbitraries)])]
    [Trait("Rule", "OFF-03")]
    public bool Officers_are_elected_only_by_a_quorum_of_the_current_members_recorded_as_deciding(ElectionCase c)
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).WithMembers(c.Size);
        var group = builder.Build();
        var members = group.CurrentMembers.ToArray();
        var on = builder.ProposedDate.PlusDays(5);
        var deciding = members.Take(c.Deciders).Concat(Enumerable.Range(0, c.Outsiders).Select(_ => PersonId.New())).ToArray();
        var decision = c.ViaMeeting
            ? new MeetingDecision(MeetingId.New(), group.Id, on, DecisionKind.OfficerElection, "Pemilihan pengurus", deciding, c.Size, true, group.Profile.Id)
            : null;
        var command = new ElectOfficers(on, Elections.Slate(members[0], members[1], members[2]), decision, c.ViaMeeting ? null : deciding);
        var quorum = c.Deciders * 2 > c.Size;
        try
        {
            group.ElectOfficers(command);
            var election = group.Elections.Single();
            return quorum && c.Outsiders == 0
                && election.DecidedBy.SequenceEqual(deciding)
                && election.MemberCount == c.Size
                && election.MeetingId == decision?.MeetingId;
        }
        catch (RuleViolationException e)
        {
            var codes = e.Violations.Select(v => v.ErrorCode).ToHashSet();
            return (!quorum || c.Outsiders > 0)
                && codes.Contains(GroupErrors.ElectionWithoutQuorum) == !quorum
                && codes.Contains(GroupErrors.DeciderNotAMember) == (c.Outsiders > 0)
                && group.Elections.Count == 0;
        }
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(OfficerArbitraries)])]
    [Trait("Rule", "OFF-03")]
    public bool An_election_without_a_record_of_who_decided_or_from_another_meeting_is_refused(ElectionRecordDefect defect)
    {
        var variant = defect.Variant;
        var builder = GroupBuilder.For(ProgramProfiles.Kub);
        var group = builder.Build();
        var members = group.CurrentMembers.ToArray();
        var on = builder.ProposedDate.PlusDays(5);
        MeetingDecision Decision(GroupId id, LocalDate date, DecisionKind kind) => new(MeetingId.New(), id, date, kind, "Rapat", members, members.Length, true, group.Profile.Id);
        var (command, code) = variant switch
        {
            0 => (new ElectOfficers(on, Elections.Slate(members[0], members[1], members[2]), null, null), GroupErrors.NoElectionRecord),
            1 => (new ElectOfficers(on, Elections.Slate(members[0], members[1], members[2]), Decision(group.Id, on, DecisionKind.OfficerElection), members), GroupErrors.NoElectionRecord),
            2 => (new ElectOfficers(on, Elections.Slate(members[0], members[1], members[2]), Decision(group.Id, on, DecisionKind.LoanApproval), null), GroupErrors.NotAnElection),
            3 => (new ElectOfficers(on, Elections.Slate(members[0], members[1], members[2]), Decision(GroupId.New(), on, DecisionKind.OfficerElection), null), GroupErrors.DecisionOfOtherGroup),
            _ => (new ElectOfficers(on, Elections.Slate(members[0], members[1], members[2]), Decision(group.Id, on.PlusDays(-1), DecisionKind.OfficerElection), null), GroupErrors.DecisionDateMismatch),
        };
        var refusal = Should.Throw<RuleViolationException>(() => group.ElectOfficers(command));
        return refusal.Violations.Single().ErrorCode == code && group.Officers.Count == 0;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(OfficerArbitraries)])]
    [Trait("Rule", "OFF-04")]
    public bool An_officer_who_leaves_vacates_the_office_and_money_stops_until_it_is_refilled(LeavingOfficer c)
    {
        var profile = ProgramProfiles.KubePermensos2019;
        var builder = GroupBuilder.For(profile).WithMembers(profile.Membership.MinMembers + c.Extra);
        var group = builder.BuildActive();
        var holder = group.OfficerHolding(c.Role)!.Value;
        var leftOn = builder.ActivatedDate.PlusDays(10);
        group.RemoveMember(holder, leftOn);
        var vacated = group.Events.OfType<OfficeVacated>().SingleOrDefault();
        var expected = group.MemberCount < profile.Membership.MinMembers ? GroupErrors.UnderStrengthBlocksMoney
            : c.Role == OfficerRole.Bendahara ? GroupErrors.BendaharaVacant
            : GroupErrors.OfficeVacant;
        var blockedAsExpected = GroupStandingRules.CheckMayMoveMoney(group)?.ErrorCode == expected;
        var members = group.CurrentMembers.ToArray();
        var refill = () => group.ElectOfficers(new ElectOfficers(leftOn.PlusDays(7), Elections.Slate(members[0], members[1], members[2]), null, members));
        refill();
        return group.OfficerHolding(c.Role) is not null
            && vacated is { Role: var r, FormerHolder: var former } && r == c.Role && former == holder
            && blockedAsExpected
            && (group.Status != GroupStatus.Active || GroupStandingRules.CheckMayMoveMoney(group) is null);
    }

    [Theory]
    [Trait("Rule", "OFF-04")]
    [InlineData(OfficerRole.Ketua, GroupErrors.OfficeVacant)]
    [InlineData(OfficerRole.Sekretaris, GroupErrors.OfficeVacant)]
    [InlineData(OfficerRole.Bendahara, GroupErrors.BendaharaVacant)]
    public void Any_vacant_office_stops_money_until_it_is_refilled_and_a_full_slate_lets_it_move(OfficerRole role, string code)
    {
        var profile = ProgramProfiles.KubePermensos2019;
        var builder = GroupBuilder.For(profile).WithMembers(profile.Membership.MinMembers + 2);
        var group = builder.BuildActive();
        GroupStandingRules.CheckMayMoveMoney(group).ShouldBeNull();
        var leftOn = builder.ActivatedDate.PlusDays(10);
        group.RemoveMember(group.OfficerHolding(role)!.Value, leftOn);

        GroupStandingRules.CheckMayMoveMoney(group)!.ErrorCode.ShouldBe(code);

        var members = group.CurrentMembers.ToArray();
        group.ElectOfficers(new ElectOfficers(leftOn, Elections.Slate(members[0], members[1], members[2]), null, members));
        GroupStandingRules.CheckMayMoveMoney(group).ShouldBeNull();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(OfficerArbitraries)])]
    [Trait("Rule", "OFF-04")]
    public bool A_group_with_a_vacant_office_cannot_be_verified(VacantOffice office)
    {
        var role = office.Role;
        var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).WithMembers(7);
        var group = builder.BuildFormed();
        group.RemoveMember(group.OfficerHolding(role)!.Value, builder.FormedDate.PlusDays(1));
        var decision = group.EvaluateVerification(builder.Verification(group, builder.VerifiedDate));
        return !decision.IsApproved
            && decision.Violations.Single().ErrorCode == GroupErrors.OfficeVacant
            && Equals(decision.Violations.Single().Arguments["Role"], role);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(OfficerArbitraries)])]
    [Trait("Rule", "OFF-05")]
    public bool The_bendahara_never_approves_their_own_loan(LoanApprovalCase c)
    {
        var group = GroupBuilder.For(c.Shared ? SharedOffices : ProgramProfiles.KubePermensos2019).WithMembers(6).BuildActive();
        var members = group.CurrentMembers.ToArray();
        var (approver, borrower) = (members[c.Approver], members[c.Borrower]);
        var violation = OfficerRules.CheckMayApproveLoan(group, approver, borrower);
        var forbidden = !c.Shared && approver == borrower && group.OfficerHolding(OfficerRole.Bendahara) == approver;
        return forbidden
            ? violation is { ErrorCode: GroupErrors.BendaharaApprovesOwnLoan } && violation.RuleId == RuleIds.Off05
            : violation is null;
    }

    [Fact]
    [Trait("Rule", "OFF-02")]
    public void The_standing_of_a_group_whose_ketua_is_also_its_bendahara_breaks_OFF_02_under_a_one_office_profile_and_three_distinct_officers_do_not()
    {
        var shared = GroupBuilder.For(SharedOffices).Build();
        var members = shared.CurrentMembers.ToArray();
        shared.ElectOfficers(new ElectOfficers(shared.ProposedOn, Elections.Slate(members[0], members[1], members[0]), null, members));

        shared.EvaluateStanding(SharedOffices, shared.ProposedOn).Violations.Where(v => v.RuleId == RuleIds.Off02).ShouldBeEmpty();
        var strict = shared.EvaluateStanding(ProgramProfiles.KubePermensos2019, shared.ProposedOn).Violations.Where(v => v.RuleId == RuleIds.Off02).ToList();
        strict.Select(v => v.ErrorCode).ShouldBe([GroupErrors.OnePersonTwoOffices]);
        strict[0].Arguments["PersonId"].ShouldBe(members[0]);

        var distinct = GroupBuilder.For(ProgramProfiles.KubePermensos2019).BuildFormed();
        var standing = distinct.EvaluateStanding(ProgramProfiles.KubePermensos2019, distinct.FormedOn!.Value);
        standing.Violations.Where(v => v.RuleId == RuleIds.Off02).ShouldBeEmpty();
        standing.Checks.Single(c => c.RuleId == RuleIds.Off02).Outcome.ShouldBe(CheckOutcome.Passed);
    }
}
