using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    /// <summary>A profile and a number of founding members, up to three above its maximum.</summary>
    public sealed record SizedGroup(ProgramProfile Profile, int Count);

    /// <summary>For each of six founders: 0 consented on the proposal date, 1 did not consent, 2 consented after the proposal; the initial meeting's offset from the proposal; and whether a non-founder consented.</summary>
    public sealed record ConsentCase(int[] Missing, int MeetingOffset, bool Stranger)
    {
        public override string ToString() => $"ConsentCase {{ Missing = {CounterexampleText.Items(Missing)}, MeetingOffset = {MeetingOffset}, Stranger = {Stranger} }}";
    }

    /// <summary>Whether officers are elected before the initial meeting, and the days between the two.</summary>
    public sealed record FormationOrder(bool ElectFirst, int Gap);

    /// <summary>A profile and which founder a relative from the same household is added for.</summary>
    public sealed record HouseholdTwice(ProgramProfile Profile, int Twice);

    /// <summary>A profile, the group's desa, and where each founder lives: 0 the group's desa, 1 another desa of its kecamatan, 2 a desa of another kecamatan.</summary>
    public sealed record ResidenceCase(ProgramProfile Profile, RegionCode Seat, int[] Places)
    {
        public override string ToString() => $"ResidenceCase {{ Profile = {Profile}, Seat = {Seat}, Places = {CounterexampleText.Items(Places)} }}";
    }

    /// <summary>The account holder (0 the group's name, 1 the same name spaced and cased differently, 2 a member, 3 another name) and the account digits.</summary>
    public sealed record AccountCase(int Variant, int Digits);

    /// <summary>An account number: 0 to 25 ASCII digits, sometimes with one character that is not an ASCII digit put in.</summary>
    public sealed record AccountNumberCase(string Number);

    /// <summary>
    /// A bank-account command with a blank bank name (<c>Field</c> 0), a blank holder name (1) or both (2), the blank text,
    /// and whether its account number is malformed too.
    /// </summary>
    public sealed record BlankAccountField(int Field, string Blank, bool BadNumber);

    public static class GroupArbitraries
    {
        public static Arbitrary<BlankAccountField> BlankAccountFields() =>
            (from field in Gen.Choose(0, 2)
             from blank in RulebookProperties.ReadableNameArbitraries.BlankText().Generator
             from badNumber in Gen.Elements(false, true)
             select new BlankAccountField(field, blank.Text, badNumber)).ToArbitrary();

        public static Arbitrary<SizedGroup> SizedGroups() =>
            (from profile in GroupGen.Profile
             from count in Gen.Choose(0, (profile.Membership.MaxMembers ?? 12) + 3)
             select new SizedGroup(profile, count)).ToArbitrary();

        public static Arbitrary<GroupHistory> Histories() => GroupGen.History.ToArbitrary();

        public static Arbitrary<ConsentCase> ConsentCases() =>
            (from missing in Gen.ArrayOf(Gen.Elements(0, 0, 1, 2), 6)
             from meetingOffset in Gen.Choose(-3, 10)
             from stranger in Gen.Elements(false, false, true)
             select new ConsentCase(missing, meetingOffset, stranger)).ToArbitrary();

        public static Arbitrary<FormationOrder> FormationOrders() =>
            (from electFirst in Gen.Elements(true, false)
             from gap in Gen.Choose(0, 20)
             select new FormationOrder(electFirst, gap)).ToArbitrary();

        public static Arbitrary<HouseholdTwice> HouseholdsTwice() =>
            (from profile in GroupGen.Profile
             from twice in Gen.Choose(0, 4)
             select new HouseholdTwice(profile, twice)).ToArbitrary();

        public static Arbitrary<ResidenceCase> ResidenceCases() =>
            (from profile in GroupGen.Profile
             from seat in Generators.Desa
             from places in Gen.ArrayOf(Gen.Elements(0, 0, 0, 1, 2), 5)
             select new ResidenceCase(profile, seat, places)).ToArbitrary();

        public static Arbitrary<AccountNumberCase> AccountNumberCases() =>
            (from length in Gen.Frequency((3, Gen.Elements(4, 5, 20, 21)), (2, Gen.Choose(0, 25)))
             from digits in Gen.ArrayOf(Gen.Choose(0, 9), length)
             from foreign in Gen.Frequency((2, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("A", " ", "-", ".", "\u0663", "\uFF11", "\u200B", "\u00B2")))
             from at in Gen.Choose(0, length)
             let text = string.Concat(digits)
             select new AccountNumberCase(foreign is null ? text : text[..at] + foreign + text[at..])).ToArbitrary();

        public static Arbitrary<AccountCase> AccountCases() =>
            (from variant in Gen.Choose(0, 3)
             from digits in Gen.Choose(10_000, 99_999_999)
             select new AccountCase(variant, digits)).ToArbitrary();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-01")]
    public bool A_group_is_proposed_only_with_a_member_count_within_its_profile_range(SizedGroup c)
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
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-01")]
    public bool A_formed_group_never_has_fewer_members_than_its_profile_minimum_unless_flagged_under_strength_nor_ever_more_than_its_maximum(GroupHistory h)
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
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-02")]
    public bool A_group_is_proposed_only_when_every_founding_member_consented_by_the_proposal_and_the_initial_meeting_is_not_before_it(ConsentCase c)
    {
        // 0 = consented on the proposal date, 1 = no consent, 2 = consent dated after the proposal
        var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).WithMembers(6);
        var founders = builder.Founders;
        var proposed = builder.ProposedDate;
        var consents = founders.Select((f, i) => (f, i))
            .Where(x => c.Missing[x.i] != 1)
            .Select(x => new MemberConsent(x.f.Person.Id, c.Missing[x.i] == 2 ? proposed.PlusDays(1) : proposed.PlusDays(-x.i)))
            .ToList();
        var outsider = PersonId.New();
        if (c.Stranger)
        {
            consents.Add(new MemberConsent(outsider, proposed));
        }
        var command = builder.Command() with { Consents = consents, InitialMeetingOn = proposed.PlusDays(c.MeetingOffset) };
        var expected = founders.Select((f, i) => (f, i)).Where(x => c.Missing[x.i] != 0)
            .Select(x => (c.Missing[x.i] == 1 ? GroupErrors.ConsentMissing : GroupErrors.ConsentAfterProposal, (object?)x.f.Person.Id))
            .ToList();
        if (c.Stranger)
        {
            expected.Add((GroupErrors.ConsentFromNonFounder, outsider));
        }
        if (c.MeetingOffset < 0)
        {
            expected.Add((GroupErrors.InitialMeetingBeforeProposal, null));
        }
        var actual = Group.EvaluateProposal(command).Violations
            .Select(v => (v.ErrorCode, v.Arguments.TryGetValue("PersonId", out var p) ? p : null)).ToList();
        var created = expected.Count == 0 ? Group.Propose(command) : null;
        return actual.OrderBy(a => a.ToString()).SequenceEqual(expected.OrderBy(e => e.ToString()))
            && (created is null || (created.Consents.Count == consents.Count && created.InitialMeetingScheduledOn == command.InitialMeetingOn));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-02")]
    public bool A_group_is_formed_only_once_officers_are_elected_and_the_initial_meeting_is_held_in_either_order(FormationOrder c)
    {
        var builder = GroupBuilder.For(ProgramProfiles.Kub);
        var group = builder.Build();
        var first = builder.ProposedDate.PlusDays(3);
        var second = first.PlusDays(c.Gap);
        void Elect(LocalDate on) => group.ElectOfficers(Elections.ByAll(group, on));
        void Meet(LocalDate on) => group.HoldInitialMeeting(on);
        (c.ElectFirst ? (Action<LocalDate>)Elect : Meet)(first);
        var afterFirst = group.Status;
        (c.ElectFirst ? (Action<LocalDate>)Meet : Elect)(second);
        return afterFirst == GroupStatus.Proposed
            && group.Status == GroupStatus.Formed
            && group.FormedOn == second
            && group.InitialMeetingHeldOn == (c.ElectFirst ? second : first)
            && group.Events.OfType<GroupFormed>().Count() == 1;
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-03")]
    public bool No_household_ever_has_two_members_in_one_group(GroupHistory h)
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
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-03")]
    public bool A_proposal_with_two_members_of_one_household_is_refused_naming_the_family_card(HouseholdTwice c)
    {
        var builder = GroupBuilder.For(c.Profile);
        var founders = builder.Founders.ToList();
        var relative = DossierBuilder.On(builder.ProposedDate).InHouseholdOf(founders[c.Twice % founders.Count]).Build();
        var command = builder.WithFounders(founders.Append(relative)).Command();
        var violations = Group.EvaluateProposal(command).Violations.Where(v => v.RuleId == RuleIds.Grp03).ToList();
        return violations.Count == 1
            && violations[0].ErrorCode == GroupErrors.HouseholdOverSeats
            && (string?)violations[0].Arguments["FamilyCard"] == relative.Household.FamilyCard.Masked;
    }

    [Fact]
    [Trait("Rule", "GRP-03")]
    public void Admitting_a_current_member_again_is_refused_once_naming_that_member_and_a_person_of_a_new_household_is_admitted()
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).WithMembers(6);
        var group = builder.BuildActive();
        var on = builder.ActivatedDate.PlusDays(1);
        var again = builder.Founders[2];

        var refusal = Should.Throw<RuleViolationException>(() =>
            group.AdmitMember(new AdmitMember(new MemberDossier(again.Person, again.Household, Evidence.AcceptedOn(on)), on)));
        refusal.Violations.Where(v => v.RuleId == RuleIds.Grp03).Select(v => (v.ErrorCode, v.Arguments["PersonId"]))
            .ShouldBe([(GroupErrors.PersonAlreadyMember, (object?)again.Person.Id)]);
        group.MemberCount.ShouldBe(6);

        group.AdmitMember(new AdmitMember(DossierBuilder.On(on).LivingIn(group.Desa).Build(), on));
        group.MemberCount.ShouldBe(7);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-04")]
    public bool Every_member_lives_in_the_groups_kecamatan_or_desa_as_the_profile_requires(ResidenceCase c)
    {
        // 0 = the group's desa, 1 = another desa of its kecamatan, 2 = a desa of another kecamatan
        var desa = c.Places.Select(p => p switch
        {
            0 => c.Seat,
            1 => Places.OtherDesaOfKecamatan(c.Seat),
            _ => Places.DesaOfOtherKecamatan(c.Seat),
        }).ToArray();
        var builder = GroupBuilder.For(c.Profile).In(c.Seat);
        var founders = Enumerable.Range(0, c.Profile.Membership.MinMembers)
            .Select(i => DossierBuilder.On(builder.ProposedDate).LivingIn(desa[i % desa.Length]).Build()).ToList();
        var command = builder.WithFounders(founders).Command();
        var strict = c.Profile.Membership.ResidenceScope == ResidenceScope.Desa;
        var outside = Enumerable.Range(0, founders.Count).Count(i => c.Places[i % c.Places.Length] == 2 || (strict && c.Places[i % c.Places.Length] == 1));
        var failures = Group.EvaluateProposal(command).Checks.Where(k => k.RuleId == RuleIds.Grp04 && k.Outcome == CheckOutcome.Failed).ToList();
        var code = strict ? GroupErrors.OutsideDesa : GroupErrors.OutsideKecamatan;
        return failures.Count == outside && failures.All(f => f.Violation!.ErrorCode == code);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-04")]
    public bool No_member_is_ever_admitted_from_outside_the_groups_area(GroupHistory h)
    {
        var harness = GroupHarness.Run(h.Profile, h.Extra, h.Ops);
        var g = harness.Group;
        var inArea = g.Members.All(m => h.Profile.Membership.ResidenceScope == ResidenceScope.Desa ? m.Desa == g.Desa : m.Desa.IsWithin(g.Kecamatan));
        var outsidersRefused = harness.Steps.Where(s => s.Op.Kind == GroupOpKind.AdmitOutsideArea && s.Before != GroupStatus.Dissolved)
            .All(s => s.Refusal?.Violations.Any(v => v.RuleId == RuleIds.Grp04) == true);
        return inArea && outsidersRefused;
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-05")]
    public bool A_formed_group_below_its_minimum_is_under_strength_with_a_deadline_and_is_restored_or_dissolved_never_silently(GroupHistory h)
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
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-06")]
    public bool Only_the_lifecycle_transitions_happen_and_an_illegal_one_is_refused_naming_its_states(GroupHistory h)
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
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-06")]
    public bool A_refused_operation_leaves_the_group_exactly_as_it_was(GroupHistory h) =>
        GroupHarness.Run(h.Profile, h.Extra, h.Ops).Steps
            .Where(s => s.Refusal is not null)
            .All(s => s.SnapshotAfter == s.SnapshotBefore && s.Refusal!.Violations.Count > 0);

    [Property(MaxTest = 100, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-06")]
    public bool Every_accepted_operation_raises_past_tense_events_and_only_for_real_changes(GroupHistory h)
    {
        var harness = GroupHarness.Run(h.Profile, h.Extra, h.Ops);
        var events = harness.Group.Events;
        var changes = harness.Steps.Count(s => s.SnapshotAfter != s.SnapshotBefore);
        return events[0] is GroupProposed
            && events.Zip(events.Skip(1)).All(p => p.First.OccurredOn <= p.Second.OccurredOn)
            && events.Count >= 1 + changes
            && harness.Steps.Where(s => s.SnapshotAfter == s.SnapshotBefore).All(s => s.Refusal is not null || IsNoOp(s));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-07")]
    public bool A_bank_account_opens_only_in_the_groups_own_name_never_a_members(AccountCase c)
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).Named("KUBE Sido Makmur");
        var group = builder.BuildActive();
        var member = builder.Founders[c.Digits % builder.Founders.Count].Person.Name;
        var holder = c.Variant switch
        {
            0 => "KUBE Sido Makmur",
            1 => "  kube   SIDO makmur ",
            2 => member,
            _ => "Toko Sido Makmur",
        };
        var command = new OpenBankAccount("BRI", c.Digits.ToString(System.Globalization.CultureInfo.InvariantCulture), holder, builder.ActivatedDate.PlusDays(1));
        if (c.Variant <= 1)
        {
            group.OpenBankAccount(command);
            return group.BankAccount!.AccountNumber == command.AccountNumber
                && group.CheckIsGroupAccount(command.AccountNumber) is null
                && group.CheckIsGroupAccount("1" + command.AccountNumber)?.ErrorCode == GroupErrors.NotGroupAccount
                && group.CheckMayReceiveAid() is null;
        }
        var refusal = Should.Throw<RuleViolationException>(() => group.OpenBankAccount(command));
        return refusal.Violation.ErrorCode == (c.Variant == 2 ? GroupErrors.HolderIsMember : GroupErrors.HolderNotGroupName)
            && group.BankAccount is null
            && group.CheckMayReceiveAid()?.ErrorCode == GroupErrors.NoBankAccount;
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-07")]
    public bool An_account_number_of_5_to_20_ASCII_digits_opens_the_account_and_any_other_is_refused_with_a_coded_violation_that_changes_nothing(AccountNumberCase c)
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).Named("KUBE Sido Makmur");
        var group = builder.BuildActive();
        var command = new OpenBankAccount("BRI", c.Number, "KUBE Sido Makmur", builder.ActivatedDate.PlusDays(1));
        var wellFormed = c.Number.Length is >= 5 and <= 20 && c.Number.All(char.IsAsciiDigit);
        if (wellFormed)
        {
            group.OpenBankAccount(command);
            return group.BankAccount!.AccountNumber == c.Number;
        }
        var events = group.Events.Count;
        var refusal = Should.Throw<RuleViolationException>(() => group.OpenBankAccount(command));
        return refusal.Violations.Single() is { ErrorCode: GroupErrors.AccountNumberInvalid } violation
            && violation.RuleId == RuleIds.Grp07
            && group.BankAccount is null
            && group.Events.Count == events;
    }

    [Fact]
    [Trait("Rule", "GRP-07")]
    public void An_account_number_of_4_or_21_digits_is_refused_and_one_of_exactly_5_or_20_digits_is_accepted()
    {
        foreach (var (number, accepted) in new[] { ("1234", false), ("12345", true), ("12345678901234567890", true), ("123456789012345678901", false), ("", false), ("1234 5678", false) })
        {
            var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).Named("KUBE Sido Makmur");
            var group = builder.BuildActive();
            var command = new OpenBankAccount("BRI", number, "KUBE Sido Makmur", builder.ActivatedDate.PlusDays(1));
            if (accepted)
            {
                group.OpenBankAccount(command);
                group.BankAccount.ShouldNotBeNull().AccountNumber.ShouldBe(number);
            }
            else
            {
                Should.Throw<RuleViolationException>(() => group.OpenBankAccount(command), $"'{number}'").Violation.ErrorCode.ShouldBe(GroupErrors.AccountNumberInvalid);
                group.BankAccount.ShouldBeNull();
            }
        }
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(GroupArbitraries)])]
    [Trait("Rule", "GRP-07")]
    public bool A_bank_account_with_a_blank_bank_or_holder_name_is_refused_with_a_coded_violation_per_field_reported_with_the_others_and_changes_nothing(BlankAccountField c)
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).Named("KUBE Sido Makmur");
        var group = builder.BuildActive();
        var blankBank = c.Field is 0 or 2;
        var blankHolder = c.Field is 1 or 2;
        var command = new OpenBankAccount(blankBank ? c.Blank : "BRI", c.BadNumber ? "12AB5" : "0012345678", blankHolder ? c.Blank : "KUBE Sido Makmur", builder.ActivatedDate.PlusDays(1));
        var events = group.Events.Count;

        var violations = Should.Throw<RuleViolationException>(() => group.OpenBankAccount(command)).Violations;

        // In the order of the command's fields.
        var expected = new List<(string Code, string? Field)>();
        if (blankBank)
        {
            expected.Add((GroupErrors.AccountFieldRequired, nameof(OpenBankAccount.Bank)));
        }
        if (c.BadNumber)
        {
            expected.Add((GroupErrors.AccountNumberInvalid, null));
        }
        if (blankHolder)
        {
            expected.Add((GroupErrors.AccountFieldRequired, nameof(OpenBankAccount.HolderName)));
        }
        var unchanged = group.BankAccount is null && group.Events.Count == events;
        group.OpenBankAccount(command with { Bank = "BRI", AccountNumber = "0012345678", HolderName = "KUBE Sido Makmur" });
        return violations.All(v => v.RuleId == RuleIds.Grp07)
            && violations.Select(v => (v.ErrorCode, v.Arguments.TryGetValue("PropertyName", out var f) ? f as string : null)).SequenceEqual(expected)
            && unchanged && group.BankAccount is { Bank: "BRI" };
    }

    [Fact]
    [Trait("Rule", "GRP-07")]
    public void A_bank_account_with_an_empty_or_white_space_bank_or_holder_name_is_refused_with_a_coded_violation_not_an_argument_exception()
    {
        foreach (var blank in new[] { string.Empty, " ", "\t", " \u200B " })
        {
            var builder = GroupBuilder.For(ProgramProfiles.KubePermensos2019).Named("KUBE Sido Makmur");
            var group = builder.BuildActive();
            var opensOn = builder.ActivatedDate.PlusDays(1);
            Should.Throw<RuleViolationException>(() => group.OpenBankAccount(new OpenBankAccount(blank, "0012345678", "KUBE Sido Makmur", opensOn)), $"bank '{blank}'")
                .Violation.ErrorCode.ShouldBe(GroupErrors.AccountFieldRequired);
            Should.Throw<RuleViolationException>(() => group.OpenBankAccount(new OpenBankAccount("BRI", "0012345678", blank, opensOn)), $"holder '{blank}'")
                .Violation.ErrorCode.ShouldBe(GroupErrors.AccountFieldRequired);
            group.BankAccount.ShouldBeNull();
            Should.Throw<ArgumentNullException>(() => group.OpenBankAccount(new OpenBankAccount(null!, "0012345678", "KUBE Sido Makmur", opensOn)));
            group.OpenBankAccount(new OpenBankAccount("B", "0012345678", "KUBE Sido Makmur", opensOn));
            group.BankAccount.ShouldNotBeNull().Bank.ShouldBe("B");
        }
    }

    private static bool IsNoOp(GroupStep step) => step.Op.Kind switch
    {
        GroupOpKind.AdmitSameHousehold or GroupOpKind.RemoveMember or GroupOpKind.ElectByAll or GroupOpKind.ElectWithoutQuorum
            or GroupOpKind.ElectOutsider or GroupOpKind.Verify or GroupOpKind.OpenAccountInMemberName => step.MembersBefore == 0,
        GroupOpKind.RemoveOfficer => !step.SnapshotBefore.Contains("Ketua=", StringComparison.Ordinal) && !step.SnapshotBefore.Contains("Sekretaris=", StringComparison.Ordinal) && !step.SnapshotBefore.Contains("Bendahara=", StringComparison.Ordinal),
        _ => false,
    };
}
