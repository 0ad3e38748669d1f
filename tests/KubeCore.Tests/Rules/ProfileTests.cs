using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Tests.Rules;

public class ProfileTests
{
    [Fact]
    public void The_built_in_profiles_carry_the_catalogue_defaults()
    {
        ProgramProfiles.Kub.Membership.MinMembers.ShouldBe(5);
        ProgramProfiles.Kub.Membership.MaxMembers.ShouldBe(10);
        ProgramProfiles.KubePermensos2019.Membership.MaxMembers.ShouldBe(20);
        ProgramProfiles.KubePermensos2019.Membership.MinAge.ShouldBe(18);
        ProgramProfiles.KubePermensos2019.Aid.GrantOn(new LocalDate(2019, 6, 1))!.Amount.ShouldBe(Rupiah.Of(2_000_000));
        ProgramProfiles.KubePermensos2019.Aid.GrantOn(new LocalDate(2019, 6, 1))!.Basis.ShouldBe(KubeCore.Rules.Parameters.GrantBasis.PerMemberHousehold);
        ProgramProfiles.KubeBlps.Membership.MinMembers.ShouldBe(10);
        ProgramProfiles.KubeBlps.Aid.GrantOn(new LocalDate(2011, 6, 1))!.Amount.ShouldBe(Rupiah.Of(30_000_000));
        ProgramProfiles.KsmP2kp.Membership.MinWomenShare.ShouldBe(Rate.FromPercent(30));
        ProgramProfiles.KsmP2kp.Membership.MaxMembers.ShouldBeNull();
        ProgramProfiles.KsmP2kp.Aid.GrantOn(new LocalDate(2020, 1, 1)).ShouldBeNull();
        ProgramProfiles.KsmP2kp.Loans.MonthlyServiceCharge.ShouldBe(Rate.FromPercent(1.5m));
        ProgramProfiles.All.Select(p => p.Id).ShouldBe(["Kub@1", "KubePermensos2019@1", "KubeKalbar2019@1", "KubeKemensos2018@1", "KubeBlps@1", "KsmP2kp@1"]);
    }

    [Fact]
    public void An_agency_derives_a_regional_profile_that_records_its_own_citation_and_its_base()
    {
        var kalbar = ProgramProfiles.KubePermensos2019.Derive(
            "KubeKalbar2019", 1, "Dinsos Kalbar 2019: syarat pengajuan KUBE (10 KK)", new LocalDate(2019, 9, 12),
            p => p with { Membership = p.Membership with { MinMembers = 10, MaxMembers = 10 } });

        kalbar.Id.ShouldBe("KubeKalbar2019@1");
        kalbar.BasedOn.ShouldBe("KubePermensos2019@1");
        kalbar.Kind.ShouldBe(GroupKind.Kube);
        kalbar.Citation.ShouldStartWith("Dinsos Kalbar");
        kalbar.Membership.MinMembers.ShouldBe(10);
        kalbar.Membership.MinAge.ShouldBe(18);
        ProgramProfiles.KubePermensos2019.Membership.MinMembers.ShouldBe(5);
    }

    [Fact]
    public void A_derived_profile_with_inconsistent_parameters_is_refused()
    {
        Should.Throw<ArgumentException>(() => ProgramProfiles.Kub.Derive("Bad", 1, "test", new LocalDate(2020, 1, 1),
            p => p with { Membership = p.Membership with { MinMembers = 12, MaxMembers = 10 } }));
        Should.Throw<ArgumentException>(() => ProgramProfiles.Kub.Derive("Bad", 1, " ", new LocalDate(2020, 1, 1), p => p));
        Should.Throw<ArgumentException>(() => ProgramProfiles.Kub.Derive("Bad", 0, "test", new LocalDate(2020, 1, 1), p => p));
    }
}
