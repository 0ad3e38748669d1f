using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;
using Shouldly;

namespace KubeCore.Tests.State;

/// <summary>
/// Profile adoption: RULES.md has no rule for it; it is a design choice under GRP-06 (the group's lifecycle and its dated,
/// never-backwards history).
/// </summary>
[Trait("Rule", "GRP-06")]
public sealed class ProfileAdoptionTests
{
    private static readonly ProgramProfile Permensos = ProgramProfiles.KubePermensos2019;

    private static ProgramProfile WithMaximum(int max, LocalDate? effectiveFrom = null) =>
        Permensos.Derive("KubePermensos2019Revisi", 2, "Test: a revised maximum", effectiveFrom ?? Permensos.EffectiveFrom,
            p => p with { Membership = p.Membership with { MaxMembers = max } });

    [Fact]
    public void A_group_of_twelve_adopting_a_profile_with_a_maximum_of_ten_is_told_it_no_longer_complies_with_GRP_01()
    {
        var builder = GroupBuilder.For(Permensos).WithMembers(12);
        var group = builder.BuildActive();
        var revised = WithMaximum(10);
        var on = builder.ActivatedDate.PlusDays(10);

        var standing = group.AdoptProfile(revised, on);

        standing.IsApproved.ShouldBeFalse();
        standing.Violations.ShouldHaveSingleItem().ErrorCode.ShouldBe(GroupErrors.TooManyMembers);
        standing.ProfileId.ShouldBe(revised.Id);
        group.Profile.ShouldBeSameAs(revised);
        group.Status.ShouldBe(GroupStatus.Active);
        group.ProfileHistory.ShouldBe([new GroupProfilePeriod(Permensos.Id, builder.ProposedDate), new GroupProfilePeriod(revised.Id, on)]);
        group.Events[^1].ShouldBe(new ProfileAdopted(group.Id, on, Permensos.Id, revised.Id));
        group.TakeChanges()[^1].ShouldBe(new ProfileAdoptedFact(on, Permensos.Id, revised.Id));
    }

    [Fact]
    public void A_group_that_complies_with_the_adopted_profile_gets_an_approved_standing()
    {
        var group = GroupBuilder.For(Permensos).WithMembers(10).BuildActive();

        group.AdoptProfile(WithMaximum(10), group.ActivatedOn!.Value).IsApproved.ShouldBeTrue();
    }

    [Fact]
    public void The_profile_in_force_is_the_old_one_the_day_before_the_adoption_and_the_new_one_from_its_date()
    {
        var group = GroupBuilder.For(Permensos).WithMembers(10).BuildActive();
        var on = group.ActivatedOn!.Value.PlusDays(30);
        var revised = WithMaximum(10);
        group.AdoptProfile(revised, on);

        group.ProfileOn(on.PlusDays(-1)).ShouldBeSameAs(Permensos);
        group.ProfileOn(on).ShouldBeSameAs(revised);
        group.ProfileOn(group.ProposedOn.PlusDays(-100)).ShouldBeSameAs(Permensos);
    }

    [Fact]
    public void An_admission_before_the_adoption_keeps_its_old_judgement_and_one_after_it_is_judged_by_the_new_maximum()
    {
        var builder = GroupBuilder.For(Permensos).WithMembers(10);
        var group = builder.BuildActive();
        var admittedOn = builder.ActivatedDate.PlusDays(1);
        group.AdmitMember(new AdmitMember(DossierBuilder.On(admittedOn).Build(), admittedOn));
        var on = admittedOn.PlusDays(1);

        group.AdoptProfile(WithMaximum(12), on).IsApproved.ShouldBeTrue();
        group.AdmitMember(new AdmitMember(DossierBuilder.On(on).Build(), on));
        var refused = Should.Throw<RuleViolationException>(() => group.AdmitMember(new AdmitMember(DossierBuilder.On(on).Build(), on)));

        refused.Violation.ErrorCode.ShouldBe(GroupErrors.TooManyMembers);
        group.MemberCount.ShouldBe(12);
    }

    [Fact]
    public void An_adoption_dated_the_day_before_the_groups_last_change_is_refused_and_one_on_that_day_is_accepted()
    {
        var group = GroupBuilder.For(Permensos).Build();
        var revised = WithMaximum(15);

        Should.Throw<RuleViolationException>(() => group.AdoptProfile(revised, group.ProposedOn.PlusDays(-1)))
            .Violation.ErrorCode.ShouldBe(GroupErrors.DateBeforeLastChange);
        group.ProfileHistory.Count.ShouldBe(1);
        group.AdoptProfile(revised, group.ProposedOn);
        group.Profile.ShouldBeSameAs(revised);
    }

    [Fact]
    public void A_second_adoption_dated_before_the_first_is_refused()
    {
        var group = GroupBuilder.For(Permensos).Build();
        var first = group.ProposedOn.PlusDays(10);
        group.AdoptProfile(WithMaximum(15), first);
        var third = Permensos.Derive("KubePermensos2019Revisi", 3, "Test", Permensos.EffectiveFrom, p => p);

        Should.Throw<RuleViolationException>(() => group.AdoptProfile(third, first.PlusDays(-1)))
            .Violation.ErrorCode.ShouldBe(GroupErrors.DateBeforeLastChange);
        group.AdoptProfile(third, first);
        group.ProfileHistory.Select(p => p.ProfileId).ShouldBe([Permensos.Id, "KubePermensos2019Revisi@2", "KubePermensos2019Revisi@3"]);
    }

    [Fact]
    public void An_adoption_before_the_new_profile_takes_effect_is_refused_and_one_on_its_effective_date_is_accepted()
    {
        var group = GroupBuilder.For(Permensos).Build();
        var effective = group.ProposedOn.PlusDays(60);
        var revised = WithMaximum(15, effective);

        Should.Throw<RuleViolationException>(() => group.AdoptProfile(revised, effective.PlusDays(-1)))
            .Violation.ErrorCode.ShouldBe(ProfileErrors.NotYetInForce);
        group.AdoptProfile(revised, effective);
        group.Profile.ShouldBeSameAs(revised);
    }

    [Fact]
    public void A_profile_for_another_kind_of_group_or_the_one_already_in_force_is_refused()
    {
        var group = GroupBuilder.For(Permensos).Build();
        var on = group.ProposedOn.PlusDays(1);

        Should.Throw<RuleViolationException>(() => group.AdoptProfile(ProgramProfiles.KsmP2kp, LocalDate.Max(on, ProgramProfiles.KsmP2kp.EffectiveFrom)))
            .Violations.Select(v => v.ErrorCode).ShouldContain(GroupErrors.ProfileKindMismatch);
        Should.Throw<RuleViolationException>(() => group.AdoptProfile(Permensos, on))
            .Violation.ErrorCode.ShouldBe(GroupErrors.ProfileAlreadyInForce);
        group.TakeChanges().ShouldBeEmpty();
    }

    [Fact]
    public void A_dissolved_group_adopts_no_profile()
    {
        var group = GroupBuilder.For(Permensos).Build();
        group.Dissolve(group.ProposedOn, DissolutionReason.MembersDecision);

        Should.Throw<RuleViolationException>(() => group.AdoptProfile(WithMaximum(15), group.ProposedOn))
            .Violation.ErrorCode.ShouldBe(GroupErrors.OperationNotAllowed);
    }

    [Fact]
    [Trait("Category", "State")]
    public void An_adoption_is_stored_in_the_profile_history_and_restored_through_the_hosts_resolver()
    {
        var group = GroupBuilder.For(Permensos).WithMembers(12).BuildActive();
        var revised = WithMaximum(10);
        var on = group.ActivatedOn!.Value;
        var before = group.ToState();
        _ = group.TakeChanges();
        group.AdoptProfile(revised, on);
        ProgramProfile? Resolve(string id) => id == revised.Id ? revised : ProgramProfiles.Resolve(id);

        var fromState = Group.Restore(StateJson.RoundTrip(group.ToState()), Resolve);
        var fromFacts = Group.Restore(StateJson.RoundTrip(before), StateJson.RoundTrip<IReadOnlyList<GroupFact>>(group.TakeChanges()), Resolve);

        fromState.Profile.ShouldBeSameAs(revised);
        fromState.ProfileOn(on.PlusDays(-1)).ShouldBeSameAs(Permensos);
        StateJson.Serialize(fromFacts.ToState()).ShouldBe(StateJson.Serialize(group.ToState()));
        Should.Throw<StateRestoreException>(() => Group.Restore(group.ToState(), ProgramProfiles.Resolve)).ErrorCode.ShouldBe(StateErrors.ProfileUnknown);
    }
}
