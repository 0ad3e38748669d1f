using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Rulebooks;

/// <summary>The rulebook of group formation and lifecycle (GRP-01..07), as properties over generated groups and histories.</summary>
public class GroupRulesTests
{
    private static readonly GroupStatus[] Formed = [GroupStatus.Formed, GroupStatus.Verified, GroupStatus.Active];

    [Fact]
    [Trait("Rule", "GRP-01")]
    public void A_group_is_proposed_only_with_a_member_count_within_its_profile_range() =>
        Rulebook.Verify(Prop.ForAll(
            (from profile in GroupGen.Profile
             from count in Gen.Choose(0, (profile.Membership.MaxMembers ?? 12) + 3)
             select (profile, count)).ToArbitrary(),
            c =>
            {
                var (profile, count) = c;
                var command = GroupBuilder.For(profile).WithMembers(count).Command();
                var within = count >= profile.Membership.MinMembers && (profile.Membership.MaxMembers is null || count <= profile.Membership.MaxMembers);
                var decision = Group.EvaluateProposal(command);
                var sizeCheck = decision.Checks.Single(k => k.RuleId == RuleIds.Grp01);
                var expectedCode = count < profile.Membership.MinMembers ? GroupErrors.TooFewMembers : GroupErrors.TooManyMembers;
                return within
                    ? decision.IsApproved && Group.Propose(command).MemberCount == count
                    : sizeCheck.Violation?.ErrorCode == expectedCode
                      && Should.Throw<RuleViolationException>(() => Group.Propose(command)).Violations.Any(v => v.ErrorCode == expectedCode);
            }));

    [Fact]
    [Trait("Rule", "GRP-01")]
    public void A_formed_group_never_has_fewer_members_than_its_profile_minimum_unless_flagged_under_strength_nor_ever_more_than_its_maximum() =>
        Rulebook.Verify(Prop.ForAll(GroupGen.Histories, h =>
        {
            var harness = GroupHarness.Start(h.Profile, h.Extra);
            var membership = h.Profile.Membership;
            foreach (var op in h.Ops)
            {
                harness.Apply(op);
                var g = harness.Group;
                if (membership.MaxMembers is { } max && g.MemberCount > max)
                {
                    return false;
                }
                if (Formed.Contains(g.Status) && g.MemberCount < membership.MinMembers)
                {
                    return false;
                }
                if (g.Status == GroupStatus.UnderStrength && g.MemberCount >= membership.MinMembers)
                {
                    return false;
                }
            }
            return true;
        }), maxTest: 150);

    [Fact]
    [Trait("Rule", "GRP-02")]
    public void A_group_is_proposed_only_when_every_founding_member_consented_by_the_proposal_and_the_initial_meeting_is_not_before_it() =>
        Rulebook.Verify(Prop.ForAll(
            (from missing in Gen.ArrayOf(Gen.Elements(0, 0, 1, 2), 6)
             from meetingOffset in Gen.Choose(-3, 10)
             from stranger in Gen.Elements(false, false, true)
             select (missing, meetingOffset, stranger)).ToArbitrary(),
            c =>
            {
                // 0 = consented on the proposal date, 1 = no consent, 2 = consent dated after the proposal
                var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).WithMembers(6);
                var founders = builder.Founders;
                var proposed = builder.ProposedDate;
                var consents = founders.Select((f, i) => (f, i))
                    .Where(x => c.missing[x.i] != 1)
                    .Select(x => new MemberConsent(x.f.Person.Id, c.missing[x.i] == 2 ? proposed.PlusDays(1) : proposed.PlusDays(-x.i)))
                    .ToList();
                var outsider = PersonId.New();
                if (c.stranger)
                {
                    consents.Add(new MemberConsent(outsider, proposed));
                }
                var command = builder.Command() with { Consents = consents, InitialMeetingOn = proposed.PlusDays(c.meetingOffset) };
                var expected = founders.Select((f, i) => (f, i)).Where(x => c.missing[x.i] != 0)
                    .Select(x => (c.missing[x.i] == 1 ? GroupErrors.ConsentMissing : GroupErrors.ConsentAfterProposal, (object?)x.f.Person.Id))
                    .ToList();
                if (c.stranger)
                {
                    expected.Add((GroupErrors.ConsentFromNonFounder, outsider));
                }
                if (c.meetingOffset < 0)
                {
                    expected.Add((GroupErrors.InitialMeetingBeforeProposal, null));
                }
                var actual = Group.EvaluateProposal(command).Violations
                    .Select(v => (v.ErrorCode, v.Arguments.TryGetValue("PersonId", out var p) ? p : null)).ToList();
                var created = expected.Count == 0 ? Group.Propose(command) : null;
                return actual.OrderBy(a => a.ToString()).SequenceEqual(expected.OrderBy(e => e.ToString()))
                    && (created is null || (created.Consents.Count == consents.Count && created.InitialMeetingScheduledOn == command.InitialMeetingOn));
            }));

    [Fact]
    [Trait("Rule", "GRP-02")]
    public void A_group_is_formed_only_once_officers_are_elected_and_the_initial_meeting_is_held_in_either_order() =>
        Rulebook.Verify(Prop.ForAll(
            (from electFirst in Gen.Elements(true, false)
             from gap in Gen.Choose(0, 20)
             select (electFirst, gap)).ToArbitrary(),
            c =>
            {
                var builder = GroupBuilder.For(ProgramProfiles.Kub);
                var group = builder.Build();
                var first = builder.ProposedDate.PlusDays(3);
                var second = first.PlusDays(c.gap);
                void Elect(LocalDate on) => group.ElectOfficers(Elections.ByAll(group, on));
                void Meet(LocalDate on) => group.HoldInitialMeeting(on);
                (c.electFirst ? (Action<LocalDate>)Elect : Meet)(first);
                var afterFirst = group.Status;
                (c.electFirst ? (Action<LocalDate>)Meet : Elect)(second);
                return afterFirst == GroupStatus.Proposed
                    && group.Status == GroupStatus.Formed
                    && group.FormedOn == second
                    && group.InitialMeetingHeldOn == (c.electFirst ? second : first)
                    && group.Events.OfType<GroupFormed>().Count() == 1;
            }));

    [Fact]
    [Trait("Rule", "GRP-03")]
    public void No_household_ever_has_two_members_in_one_group() =>
        Rulebook.Verify(Prop.ForAll(GroupGen.Histories, h =>
        {
            var harness = GroupHarness.Run(h.Profile, h.Extra, h.Ops);
            var seats = h.Profile.Membership.MembersPerHousehold;
            var current = harness.Group.Members.Where(m => m.IsCurrent).ToList();
            var sameHouseholdAdmissionsRefused = harness.Steps
                .Where(s => s.Op.Kind == GroupOpKind.AdmitSameHousehold && s.MembersBefore > 0 && s.Before != GroupStatus.Dissolved)
                .All(s => s.Refusal?.Violations.Any(v => v.ErrorCode == GroupErrors.HouseholdOverSeats) == true);
            return current.GroupBy(m => m.FamilyCard).All(g => g.Count() <= seats)
                && current.Select(m => m.PersonId).Distinct().Count() == current.Count
                && sameHouseholdAdmissionsRefused;
        }), maxTest: 150);

    [Fact]
    [Trait("Rule", "GRP-03")]
    public void A_proposal_with_two_members_of_one_household_is_refused_naming_the_family_card() =>
        Rulebook.Verify(Prop.ForAll(
            (from profile in GroupGen.Profile
             from twice in Gen.Choose(0, 4)
             select (profile, twice)).ToArbitrary(),
            c =>
            {
                var builder = GroupBuilder.For(c.profile);
                var founders = builder.Founders.ToList();
                var relative = DossierBuilder.On(builder.ProposedDate).InHouseholdOf(founders[c.twice % founders.Count]).Build();
                var command = builder.WithFounders(founders.Append(relative)).Command();
                var violations = Group.EvaluateProposal(command).Violations.Where(v => v.RuleId == RuleIds.Grp03).ToList();
                return violations.Count == 1
                    && violations[0].ErrorCode == GroupErrors.HouseholdOverSeats
                    && (string?)violations[0].Arguments["FamilyCard"] == relative.Household.FamilyCard.Masked;
            }));

    [Fact]
    [Trait("Rule", "GRP-04")]
    public void Every_member_lives_in_the_groups_kecamatan_or_desa_as_the_profile_requires() =>
        Rulebook.Verify(Prop.ForAll(
            (from profile in GroupGen.Profile
             from seat in Generators.Desa
             from places in Gen.ArrayOf(Gen.Elements(0, 0, 0, 1, 2), 5)
             select (profile, seat, places)).ToArbitrary(),
            c =>
            {
                // 0 = the group's desa, 1 = another desa of its kecamatan, 2 = a desa of another kecamatan
                var desa = c.places.Select(p => p switch
                {
                    0 => c.seat,
                    1 => Places.OtherDesaOfKecamatan(c.seat),
                    _ => Places.DesaOfOtherKecamatan(c.seat),
                }).ToArray();
                var builder = GroupBuilder.For(c.profile).In(c.seat);
                var founders = Enumerable.Range(0, c.profile.Membership.MinMembers)
                    .Select(i => DossierBuilder.On(builder.ProposedDate).LivingIn(desa[i % desa.Length]).Build()).ToList();
                var command = builder.WithFounders(founders).Command();
                var strict = c.profile.Membership.ResidenceScope == ResidenceScope.Desa;
                var outside = Enumerable.Range(0, founders.Count).Count(i => c.places[i % c.places.Length] == 2 || (strict && c.places[i % c.places.Length] == 1));
                var failures = Group.EvaluateProposal(command).Checks.Where(k => k.RuleId == RuleIds.Grp04 && k.Outcome == CheckOutcome.Failed).ToList();
                var code = strict ? GroupErrors.OutsideDesa : GroupErrors.OutsideKecamatan;
                return failures.Count == outside && failures.All(f => f.Violation!.ErrorCode == code);
            }));

    [Fact]
    [Trait("Rule", "GRP-04")]
    public void No_member_is_ever_admitted_from_outside_the_groups_area() =>
        Rulebook.Verify(Prop.ForAll(GroupGen.Histories, h =>
        {
            var harness = GroupHarness.Run(h.Profile, h.Extra, h.Ops);
            var g = harness.Group;
            var inArea = g.Members.All(m => h.Profile.Membership.ResidenceScope == ResidenceScope.Desa ? m.Desa == g.Desa : m.Desa.IsWithin(g.Kecamatan));
            var outsidersRefused = harness.Steps.Where(s => s.Op.Kind == GroupOpKind.AdmitOutsideArea && s.Before != GroupStatus.Dissolved)
                .All(s => s.Refusal?.Violations.Any(v => v.RuleId == RuleIds.Grp04) == true);
            return inArea && outsidersRefused;
        }), maxTest: 100);

    [Fact]
    [Trait("Rule", "GRP-05")]
    public void A_formed_group_below_its_minimum_is_under_strength_with_a_deadline_and_is_restored_or_dissolved_never_silently() =>
        Rulebook.Verify(Prop.ForAll(GroupGen.Histories, h =>
        {
            var harness = GroupHarness.Start(h.Profile, h.Extra);
            var grace = h.Profile.Membership.UnderStrengthGracePeriod;
            foreach (var op in h.Ops)
            {
                harness.Apply(op);
                var step = harness.Steps[^1];
                var g = harness.Group;
                var fell = step.Before != GroupStatus.UnderStrength && step.After == GroupStatus.UnderStrength;
                if (fell && (g.UnderStrengthSince != step.Date || g.UnderStrengthDeadline != step.Date.Plus(grace) || g.Events[^1] is not GroupFellUnderStrength))
                {
                    return false;
                }
                var departedBelowMinimum = step.Refusal is null && Formed.Contains(step.Before) && g.MemberCount < h.Profile.Membership.MinMembers;
                if (departedBelowMinimum && g.Status != GroupStatus.UnderStrength)
                {
                    return false;
                }
                if (g.Status == GroupStatus.UnderStrength && GroupStandingRules.CheckMayMoveMoney(g)?.ErrorCode != GroupErrors.UnderStrengthBlocksMoney)
                {
                    return false;
                }
                if (step.Op.Kind == GroupOpKind.MarkGraceExpired && step.Before == GroupStatus.UnderStrength
                    && (step.Refusal is null) != (step.Date > step.DeadlineBefore!.Value))
                {
                    return false;
                }
                var restored = step.Before == GroupStatus.UnderStrength && Formed.Contains(step.After);
                if (restored && (g.Events[^1] is not GroupStrengthRestored { OccurredOn: var on } || g.UnderStrengthDeadline is not null || on > step.DeadlineBefore!.Value))
                {
                    return false;
                }
            }
            return true;
        }), maxTest: 150);

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void Only_the_lifecycle_transitions_happen_and_an_illegal_one_is_refused_naming_its_states() =>
        Rulebook.Verify(Prop.ForAll(GroupGen.Histories, h =>
        {
            var harness = GroupHarness.Run(h.Profile, h.Extra, h.Ops);
            GroupStatus? cameFrom = null;
            foreach (var step in harness.Steps)
            {
                var illegal = step.Refusal?.Violations.FirstOrDefault(v => v.ErrorCode == GroupErrors.IllegalTransition);
                if (illegal is not null && !Equals(illegal.Arguments["From"], step.Before))
                {
                    return false;
                }
                if (step.Before == step.After)
                {
                    continue;
                }
                var allowed = (step.Before, step.After) switch
                {
                    (GroupStatus.Proposed, GroupStatus.Formed) => true,
                    (GroupStatus.Formed, GroupStatus.Verified) => true,
                    (GroupStatus.Verified, GroupStatus.Active) => true,
                    (GroupStatus.Formed or GroupStatus.Verified or GroupStatus.Active, GroupStatus.UnderStrength) => true,
                    (GroupStatus.UnderStrength, var back) when back == cameFrom => true,
                    (not GroupStatus.Dissolved, GroupStatus.Dissolved) => true,
                    _ => false,
                };
                if (!allowed || step.Refusal is not null)
                {
                    return false;
                }
                if (step.After == GroupStatus.UnderStrength)
                {
                    cameFrom = step.Before;
                }
            }
            return true;
        }), maxTest: 150);

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void A_refused_operation_leaves_the_group_exactly_as_it_was() =>
        Rulebook.Verify(Prop.ForAll(GroupGen.Histories, h =>
            GroupHarness.Run(h.Profile, h.Extra, h.Ops).Steps
                .Where(s => s.Refusal is not null)
                .All(s => s.SnapshotAfter == s.SnapshotBefore && s.Refusal!.Violations.Count > 0)), maxTest: 150);

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void Every_accepted_operation_raises_past_tense_events_and_only_for_real_changes() =>
        Rulebook.Verify(Prop.ForAll(GroupGen.Histories, h =>
        {
            var harness = GroupHarness.Run(h.Profile, h.Extra, h.Ops);
            var events = harness.Group.Events;
            var changes = harness.Steps.Count(s => s.SnapshotAfter != s.SnapshotBefore);
            return events[0] is GroupProposed
                && events.Zip(events.Skip(1)).All(p => p.First.OccurredOn <= p.Second.OccurredOn)
                && events.Count >= 1 + changes
                && harness.Steps.Where(s => s.SnapshotAfter == s.SnapshotBefore).All(s => s.Refusal is not null || IsNoOp(s));
        }), maxTest: 100);

    [Fact]
    [Trait("Rule", "GRP-07")]
    public void A_bank_account_opens_only_in_the_groups_own_name_never_a_members() =>
        Rulebook.Verify(Prop.ForAll(
            (from variant in Gen.Choose(0, 3)
             from digits in Gen.Choose(10_000, 99_999_999)
             select (variant, digits)).ToArbitrary(),
            c =>
            {
                var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).Named("KUBE Sido Makmur");
                var group = builder.BuildActive();
                var member = builder.Founders[c.digits % builder.Founders.Count].Person.Name;
                var holder = c.variant switch
                {
                    0 => "KUBE Sido Makmur",
                    1 => "  kube   SIDO makmur ",
                    2 => member,
                    _ => "Toko Sido Makmur",
                };
                var command = new OpenBankAccount("BRI", c.digits.ToString(System.Globalization.CultureInfo.InvariantCulture), holder, builder.ActivatedDate.PlusDays(1));
                if (c.variant <= 1)
                {
                    group.OpenBankAccount(command);
                    return group.BankAccount!.AccountNumber == command.AccountNumber
                        && group.CheckIsGroupAccount(command.AccountNumber) is null
                        && group.CheckIsGroupAccount("1" + command.AccountNumber)?.ErrorCode == GroupErrors.NotGroupAccount
                        && group.CheckMayReceiveAid() is null;
                }
                var refusal = Should.Throw<RuleViolationException>(() => group.OpenBankAccount(command));
                return refusal.Violation.ErrorCode == (c.variant == 2 ? GroupErrors.HolderIsMember : GroupErrors.HolderNotGroupName)
                    && group.BankAccount is null
                    && group.CheckMayReceiveAid()?.ErrorCode == GroupErrors.NoBankAccount;
            }));

    private static bool IsNoOp(GroupStep step) => step.Op.Kind switch
    {
        GroupOpKind.AdmitSameHousehold or GroupOpKind.RemoveMember or GroupOpKind.ElectByAll or GroupOpKind.ElectWithoutQuorum
            or GroupOpKind.ElectOutsider or GroupOpKind.Verify or GroupOpKind.OpenAccountInMemberName => step.MembersBefore == 0,
        GroupOpKind.RemoveOfficer => !step.SnapshotBefore.Contains("Ketua=", StringComparison.Ordinal) && !step.SnapshotBefore.Contains("Sekretaris=", StringComparison.Ordinal) && !step.SnapshotBefore.Contains("Bendahara=", StringComparison.Ordinal),
        _ => false,
    };
}
