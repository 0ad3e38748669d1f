using FsCheck;
using FsCheck.Fluent;
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

    [Fact]
    [Trait("Rule", "OFF-01")]
    public void An_officer_is_always_a_current_member() =>
        Rulebook.Verify(Prop.ForAll(GroupGen.Histories, h =>
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
        }), maxTest: 150);

    [Fact]
    [Trait("Rule", "OFF-02")]
    public void A_slate_has_exactly_one_ketua_sekretaris_and_bendahara_and_one_person_holds_one_office() =>
        Rulebook.Verify(Prop.ForAll(
            (from shared in Gen.Elements(false, true)
             from slate in Gen.Frequency(
                 (3, from roles in Gen.Shuffle(Enum.GetValues<OfficerRole>())
                     from people in Gen.ArrayOf(Gen.Choose(0, 3), 3)
                     select roles.Zip(people).ToArray()),
                 (1, from length in Gen.Choose(0, 5)
                     from entries in Gen.ArrayOf(Gen.Zip(Gen.Elements(Enum.GetValues<OfficerRole>()), Gen.Choose(0, 5)), length)
                     select entries.Select(e => (e.Item1, e.Item2)).ToArray()))
             select (shared, slate)).ToArbitrary(),
            c =>
            {
                var builder = GroupBuilder.For(c.shared ? SharedOffices : ProgramProfiles.KubePermensos2019).WithMembers(6);
                var group = builder.BuildActive();
                var members = group.CurrentMembers.ToArray();
                var officers = c.slate.Select(s => new OfficerAssignment(s.Item1, members[s.Item2])).ToArray();
                var rolesOnce = Enum.GetValues<OfficerRole>().All(r => officers.Count(o => o.Role == r) == 1);
                var oneOfficeEach = officers.Select(o => o.PersonId).Distinct().Count() == officers.Length;
                var valid = rolesOnce && (c.shared || oneOfficeEach);
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
            }));

    [Fact]
    [Trait("Rule", "OFF-03")]
    public void Officers_are_elected_only_by_a_quorum_of_the_current_members_recorded_as_deciding() =>
        Rulebook.Verify(Prop.ForAll(
            (from size in Gen.Choose(5, 12)
             from deciders in Gen.Choose(0, 12)
             from outsiders in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
             from viaMeeting in Gen.Elements(true, false)
             select (size, deciders: Math.Min(deciders, size), outsiders, viaMeeting)).ToArbitrary(),
            c =>
            {
                var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).WithMembers(c.size);
                var group = builder.Build();
                var members = group.CurrentMembers.ToArray();
                var on = builder.ProposedDate.PlusDays(5);
                var deciding = members.Take(c.deciders).Concat(Enumerable.Range(0, c.outsiders).Select(_ => PersonId.New())).ToArray();
                var decision = c.viaMeeting
                    ? new MeetingDecision(MeetingId.New(), group.Id, on, DecisionKind.OfficerElection, "Pemilihan pengurus", deciding, c.size, true, group.Profile.Id)
                    : null;
                var command = new ElectOfficers(on, Elections.Slate(members[0], members[1], members[2]), decision, c.viaMeeting ? null : deciding);
                var quorum = c.deciders * 2 > c.size;
                try
                {
                    group.ElectOfficers(command);
                    var election = group.Elections.Single();
                    return quorum && c.outsiders == 0
                        && election.DecidedBy.SequenceEqual(deciding)
                        && election.MemberCount == c.size
                        && election.MeetingId == decision?.MeetingId;
                }
                catch (RuleViolationException e)
                {
                    var codes = e.Violations.Select(v => v.ErrorCode).ToHashSet();
                    return (!quorum || c.outsiders > 0)
                        && codes.Contains(GroupErrors.ElectionWithoutQuorum) == !quorum
                        && codes.Contains(GroupErrors.DeciderNotAMember) == (c.outsiders > 0)
                        && group.Elections.Count == 0;
                }
            }));

    [Fact]
    [Trait("Rule", "OFF-03")]
    public void An_election_without_a_record_of_who_decided_or_from_another_meeting_is_refused() =>
        Rulebook.Verify(Prop.ForAll(Gen.Choose(0, 4).ToArbitrary(), variant =>
        {
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
        }));

    [Fact]
    [Trait("Rule", "OFF-04")]
    public void An_officer_who_leaves_vacates_the_office_and_money_stops_until_it_is_refilled() =>
        Rulebook.Verify(Prop.ForAll(
            (from role in Gen.Elements(Enum.GetValues<OfficerRole>())
             from extra in Gen.Choose(0, 3)
             select (role, extra)).ToArbitrary(),
            c =>
            {
                var profile = ProgramProfiles.KubePermensos2019;
                var builder = GroupBuilder.For(profile).WithMembers(profile.Membership.MinMembers + c.extra);
                var group = builder.BuildActive();
                var holder = group.OfficerHolding(c.role)!.Value;
                var leftOn = builder.ActivatedDate.PlusDays(10);
                group.RemoveMember(holder, leftOn);
                var vacated = group.Events.OfType<OfficeVacated>().SingleOrDefault();
                var expected = group.MemberCount < profile.Membership.MinMembers ? GroupErrors.UnderStrengthBlocksMoney
                    : c.role == OfficerRole.Bendahara ? GroupErrors.BendaharaVacant
                    : null;
                var blockedAsExpected = GroupStandingRules.CheckMayMoveMoney(group)?.ErrorCode == expected;
                var members = group.CurrentMembers.ToArray();
                var refill = () => group.ElectOfficers(new ElectOfficers(leftOn.PlusDays(7), Elections.Slate(members[0], members[1], members[2]), null, members));
                refill();
                return group.OfficerHolding(c.role) is not null
                    && vacated is { Role: var r, FormerHolder: var former } && r == c.role && former == holder
                    && blockedAsExpected
                    && (group.Status != GroupStatus.Active || GroupStandingRules.CheckMayMoveMoney(group) is null);
            }));

    [Fact]
    [Trait("Rule", "OFF-04")]
    public void A_group_with_a_vacant_office_cannot_be_verified() =>
        Rulebook.Verify(Prop.ForAll(Gen.Elements(Enum.GetValues<OfficerRole>()).ToArbitrary(), role =>
        {
            var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).WithMembers(7);
            var group = builder.BuildFormed();
            group.RemoveMember(group.OfficerHolding(role)!.Value, builder.FormedDate.PlusDays(1));
            var decision = group.EvaluateVerification(builder.Verification(group, builder.VerifiedDate));
            return !decision.IsApproved
                && decision.Violations.Single().ErrorCode == GroupErrors.OfficeVacant
                && Equals(decision.Violations.Single().Arguments["Role"], role);
        }));

    [Fact]
    [Trait("Rule", "OFF-05")]
    public void The_bendahara_never_approves_their_own_loan() =>
        Rulebook.Verify(Prop.ForAll(
            (from shared in Gen.Elements(false, true)
             from approver in Gen.Frequency((1, Gen.Constant(2)), (2, Gen.Choose(0, 5)))
             from borrower in Gen.Frequency((1, Gen.Constant(2)), (2, Gen.Choose(0, 5)))
             select (shared, approver, borrower)).ToArbitrary(),
            c =>
            {
                var group = GroupBuilder.For(c.shared ? SharedOffices : ProgramProfiles.KubePermensos2019).WithMembers(6).BuildActive();
                var members = group.CurrentMembers.ToArray();
                var (approver, borrower) = (members[c.approver], members[c.borrower]);
                var violation = OfficerRules.CheckMayApproveLoan(group, approver, borrower);
                var forbidden = !c.shared && approver == borrower && group.OfficerHolding(OfficerRole.Bendahara) == approver;
                return forbidden
                    ? violation is { ErrorCode: GroupErrors.BendaharaApprovesOwnLoan } && violation.RuleId == RuleIds.Off05
                    : violation is null;
            }));
}
