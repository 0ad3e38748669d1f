using System.Globalization;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Groups;

/// <summary>Example tests of the group lifecycle, under strength, verification and the bank account.</summary>
public class GroupLifecycleTests
{
    private static readonly ProgramProfile Kube = ProgramProfiles.KubeKemensos2018; // dated from December 2018, before Permensos 2/2019 took effect

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void An_illegal_transition_names_both_states_in_Indonesian_and_English()
    {
        var group = GroupBuilder.For(Kube).Build();

        var refusal = Should.Throw<RuleViolationException>(() => group.Activate(new LocalDate(2019, 1, 5)));

        refusal.Violation.ErrorCode.ShouldBe(GroupErrors.IllegalTransition);
        refusal.Violation.Message(CultureInfo.GetCultureInfo("id-ID")).ShouldBe($"Kelompok {group.Id} tidak dapat berpindah dari status Proposed ke Active.");
        refusal.Violation.Message(CultureInfo.GetCultureInfo("en")).ShouldBe($"Group {group.Id} cannot move from Proposed to Active.");
        group.Status.ShouldBe(GroupStatus.Proposed);
    }

    [Fact]
    [Trait("Rule", "GRP-05")]
    public void A_member_leaving_an_active_group_at_its_minimum_makes_it_under_strength_for_ninety_days_until_a_new_member_restores_it()
    {
        var builder = GroupBuilder.For(Kube).WithMembers(5);
        var group = builder.BuildActive();
        var leaving = group.CurrentMembers.Last();

        group.RemoveMember(leaving, new LocalDate(2019, 3, 1));

        group.Status.ShouldBe(GroupStatus.UnderStrength);
        group.UnderStrengthSince.ShouldBe(new LocalDate(2019, 3, 1));
        group.UnderStrengthDeadline.ShouldBe(new LocalDate(2019, 5, 30));
        group.Events[^1].ShouldBe(new GroupFellUnderStrength(group.Id, new LocalDate(2019, 3, 1), 4, 5, new LocalDate(2019, 5, 30)));
        GroupStandingRules.CheckMayMoveMoney(group)!.ErrorCode.ShouldBe(GroupErrors.UnderStrengthBlocksMoney);
        new GroupsUnderStrength().IsSatisfiedBy(group).ShouldBeTrue();

        group.AdmitMember(new AdmitMember(DossierBuilder.On(new LocalDate(2019, 5, 30)).LivingIn(group.Desa).Build(), new LocalDate(2019, 5, 30)));

        group.Status.ShouldBe(GroupStatus.Active);
        group.UnderStrengthDeadline.ShouldBeNull();
        group.Events[^1].ShouldBe(new GroupStrengthRestored(group.Id, new LocalDate(2019, 5, 30), GroupStatus.Active));
        GroupStandingRules.CheckMayMoveMoney(group).ShouldBeNull();
    }

    [Fact]
    [Trait("Rule", "GRP-05")]
    public void After_the_grace_period_an_under_strength_group_can_only_be_dissolved()
    {
        var group = GroupBuilder.For(Kube).WithMembers(5).BuildActive();
        group.RemoveMember(group.CurrentMembers.Last(), new LocalDate(2019, 3, 1));
        var deadline = new LocalDate(2019, 5, 30);

        Should.Throw<RuleViolationException>(() => group.MarkGraceExpired(deadline)).Violation.ErrorCode.ShouldBe(GroupErrors.GraceNotExpired);
        new GroupsWithExpiredGrace(deadline).IsSatisfiedBy(group).ShouldBeFalse();
        new GroupsWithExpiredGrace(deadline.PlusDays(1)).IsSatisfiedBy(group).ShouldBeTrue();
        var late = DossierBuilder.On(deadline.PlusDays(1)).LivingIn(group.Desa).Build();
        Should.Throw<RuleViolationException>(() => group.AdmitMember(new AdmitMember(late, deadline.PlusDays(1)))).Violation.ErrorCode.ShouldBe(GroupErrors.GraceExpired);

        group.MarkGraceExpired(deadline.PlusDays(1));

        group.Status.ShouldBe(GroupStatus.Dissolved);
        group.Dissolution.ShouldBe(new Dissolution(deadline.PlusDays(1), DissolutionReason.GracePeriodExpired));
        new GroupsUnderStrength().IsSatisfiedBy(group).ShouldBeFalse();
    }

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void A_dissolved_group_refuses_every_operation_and_stays_dissolved()
    {
        var builder = GroupBuilder.For(Kube);
        var group = builder.BuildActive();
        var day = builder.ActivatedDate.PlusDays(1);
        group.Dissolve(day, DissolutionReason.MembersDecision);
        var before = GroupSnapshot.Of(group);
        var members = group.CurrentMembers.ToArray();

        Action[] operations =
        [
            () => group.Dissolve(day, DissolutionReason.AgencyDecision),
            () => group.Activate(day),
            () => group.AdmitMember(new AdmitMember(DossierBuilder.On(day).Build(), day)),
            () => group.RemoveMember(members[0], day),
            () => group.ElectOfficers(Elections.ByAll(group, day)),
            () => group.HoldInitialMeeting(day),
            () => group.OpenBankAccount(new OpenBankAccount("BRI", "123456789", group.Name, day)),
            () => group.MarkGraceExpired(day),
        ];
        foreach (var operation in operations)
        {
            Should.Throw<RuleViolationException>(operation).Violation.RuleId.ShouldBe(RuleIds.Grp06);
        }
        GroupSnapshot.Of(group).ShouldBe(before);
    }

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void An_operation_dated_before_the_groups_last_change_is_refused()
    {
        var builder = GroupBuilder.For(Kube);
        var group = builder.BuildActive();

        var refusal = Should.Throw<RuleViolationException>(() => group.RemoveMember(group.CurrentMembers.First(), builder.VerifiedDate));

        refusal.Violation.ErrorCode.ShouldBe(GroupErrors.DateBeforeLastChange);
        refusal.Violation.Arguments["LastChangedOn"].ShouldBe(builder.ActivatedDate);
    }

    [Fact]
    public void Removing_someone_who_is_not_a_member_is_a_programmer_error()
    {
        var group = GroupBuilder.For(Kube).BuildActive();

        Should.Throw<ArgumentException>(() => group.RemoveMember(PersonId.New(), new LocalDate(2019, 6, 1)));
    }

    [Fact]
    [Trait("Rule", "GRP-01")]
    public void An_admission_that_fills_a_KUB_to_exactly_its_maximum_of_ten_is_accepted_and_the_eleventh_is_refused()
    {
        var builder = GroupBuilder.For(ProgramProfiles.Kub).WithMembers(9);
        var group = builder.BuildActive();
        var on = builder.ActivatedDate;

        group.AdmitMember(new AdmitMember(DossierBuilder.On(on).LivingIn(group.Desa).Build(), on));
        var refusal = Should.Throw<RuleViolationException>(() =>
            group.AdmitMember(new AdmitMember(DossierBuilder.On(on).LivingIn(group.Desa).Build(), on)));

        group.MemberCount.ShouldBe(10);
        refusal.Violation.ErrorCode.ShouldBe(GroupErrors.TooManyMembers);
    }

    [Fact]
    [Trait("Rule", "GRP-01")]
    public void A_BLPS_KUBE_of_ten_households_is_full()
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubeBlps);
        var group = builder.BuildActive();

        var refusal = Should.Throw<RuleViolationException>(() =>
            group.AdmitMember(new AdmitMember(DossierBuilder.On(builder.ActivatedDate).LivingIn(group.Desa).Build(), builder.ActivatedDate)));

        refusal.Violation.ErrorCode.ShouldBe(GroupErrors.TooManyMembers);
        group.MemberCount.ShouldBe(10);
    }

    [Fact]
    [Trait("Rule", "MEM-01")]
    public void Dinas_Sosial_verification_rechecks_eligibility_as_of_its_own_date()
    {
        var builder = GroupBuilder.For(ProgramProfiles.KubeBlps);
        var group = builder.BuildFormed();
        var verifiedOn = builder.VerifiedDate;
        var dossiers = builder.Founders.Select((f, i) => new MemberDossier(f.Person, f.Household,
            i == 0 ? new PovertyEvidence(new RegistryEntry(RegistrySource.Dtks, 2, verifiedOn.PlusMonths(-4)), null, false) : Evidence.AcceptedOn(verifiedOn))).ToArray();
        var command = new VerifyGroup("Siti Rahmawati", "Dinas Sosial Kota Palangka Raya", verifiedOn, dossiers);

        var decision = group.EvaluateVerification(command);

        decision.IsApproved.ShouldBeFalse();
        decision.Violations.Single().ErrorCode.ShouldBe(GroupErrors.DecileStale);
        Should.Throw<RuleViolationException>(() => group.Verify(command));
        group.Status.ShouldBe(GroupStatus.Formed);
        group.Verification.ShouldBeNull();
    }

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void Verification_records_who_verified_for_which_agency_with_the_decision()
    {
        var builder = GroupBuilder.For(Kube).WithMembers(8);
        var group = builder.BuildFormed();

        group.Verify(builder.Verification(group, builder.VerifiedDate));

        group.Status.ShouldBe(GroupStatus.Verified);
        group.Verification!.VerifierName.ShouldBe("Siti Rahmawati");
        group.Verification.Agency.ShouldBe("Dinas Sosial Kota Palangka Raya");
        group.Verification.VerifiedOn.ShouldBe(builder.VerifiedDate);
        group.Verification.Decision.IsApproved.ShouldBeTrue();
        group.Verification.Decision.RuleIds.ShouldContain(RuleIds.Off04);
    }

    [Fact]
    [Trait("Rule", "GRP-07")]
    public void Aid_can_be_credited_only_to_an_active_group_with_an_account_in_its_own_name()
    {
        var builder = GroupBuilder.For(Kube).Named("KUBE Harapan Jaya");
        var group = builder.BuildFormed();
        group.CheckMayReceiveAid()!.ErrorCode.ShouldBe(GroupErrors.NotActive);

        group.OpenBankAccount(new OpenBankAccount("Bank Kalteng", "0012345678", "KUBE HARAPAN JAYA", builder.FormedDate.PlusDays(2)));
        group.Verify(builder.Verification(group, builder.VerifiedDate));
        group.Activate(builder.ActivatedDate);

        group.CheckMayReceiveAid().ShouldBeNull();
        group.BankAccount.ShouldBe(new GroupBankAccount("Bank Kalteng", "0012345678", "KUBE HARAPAN JAYA", builder.FormedDate.PlusDays(2)));
        group.CheckIsGroupAccount("0012345678").ShouldBeNull();
        group.CheckIsGroupAccount("9876543210")!.ErrorCode.ShouldBe(GroupErrors.NotGroupAccount);
        Should.Throw<RuleViolationException>(() => group.OpenBankAccount(new OpenBankAccount("BRI", "55555555", "KUBE Harapan Jaya", builder.ActivatedDate)))
            .Violation.ErrorCode.ShouldBe(GroupErrors.AccountAlreadyOpen);
    }

    [Fact]
    [Trait("Rule", "GRP-07")]
    public void A_proposed_group_cannot_open_an_account_yet()
    {
        var builder = GroupBuilder.For(Kube);
        var group = builder.Build();

        var refusal = Should.Throw<RuleViolationException>(() => group.OpenBankAccount(new OpenBankAccount("BRI", "123456789", group.Name, builder.ProposedDate)));

        refusal.Violation.ErrorCode.ShouldBe(GroupErrors.OperationNotAllowed);
        group.CheckIsGroupAccount("123456789")!.ErrorCode.ShouldBe(GroupErrors.NoBankAccount);
    }

    [Fact]
    [Trait("Rule", "MEM-04")]
    public void A_civil_servant_is_refused_with_every_other_violation_reported_together()
    {
        var builder = GroupBuilder.For(Kube);
        var group = builder.BuildActive();
        var date = builder.ActivatedDate;
        var pns = DossierBuilder.On(date).LivingIn(Places.DesaOfOtherKecamatan(group.Desa)).WorkingAs(Employment.CivilServant).WithRole(HouseholdRole.OtherMember).Aged(61).Build();

        var refusal = Should.Throw<RuleViolationException>(() => group.AdmitMember(new AdmitMember(pns, date)));

        refusal.Violations.Select(v => v.ErrorCode).ShouldBe([GroupErrors.OutsideKecamatan, GroupErrors.NotHeadOrMainEarner, GroupErrors.TooOld, GroupErrors.ExcludedEmployment]);
    }
}
