using System.Globalization;
using KubeCore.Common;
using KubeCore.Facilitation;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Facilitation;

/// <summary>
/// Seed 003 (Dinas Sosial Kota Palangka Raya, April 2019): 30 KUBE-FM newly formed in 7 kelurahan at the end of 2018
/// were verified by Dinas Sosial early in January; every KUBE has a pendamping; a KUBE whose pendamping is not active
/// must report it to Dinas Sosial. A pendamping accompanies at most 10 KUBE (FAC-01), so 30 KUBE need at least 3.
/// Verified before Permensos 2/2019 took effect (2019-03-12), they belong to the pre-2019 KUBE profile
/// (KubeKemensos2018: 5–20 KK per Dinsos Palangka Raya); the figures are unchanged (10 KK per KUBE, 10 KUBE per pendamping).
/// </summary>
public class PalangkaRayaScenarioTests
{
    private static readonly ProgramProfile Profile = ProgramProfiles.KubeKemensos2018;
    private static readonly string[] Kelurahan = ["Tangkiling", "Kereng Bangkirai", "Danau Tundai", "Kameloh Baru", "Langkai", "Pahandut", "Habaring Hurung"];
    private static readonly LocalDate ProposedOn = new(2018, 12, 10);
    private static readonly LocalDate AssignedOn = new(2019, 1, 14);
    private static readonly LocalDate DanauTundaiMeeting = new(2019, 4, 9);

    private static List<Group> ThirtyKube() =>
        Enumerable.Range(0, 30).Select(i =>
            GroupBuilder.For(Profile)
                .Named($"KUBE FM {Kelurahan[i % 7]} {(i / 7) + 1}")
                .In(Places.Seed003[i % 7])
                .ProposedOn(ProposedOn)
                .WithMembers(10)
                .BuildActive())
            .ToList();

    /// <summary>Dinas Sosial gives every KUBE a pendamping: the first with spare capacity, or a newly appointed one.</summary>
    private static List<Pendamping> AccompanyEveryKube(IReadOnlyList<Group> groups)
    {
        string[] names = ["Yanti Kristina", "Bambang Hermanto", "Deddy Saputra", "Rina Wulandari"];
        var pendamping = new List<Pendamping>();
        foreach (var group in groups)
        {
            var free = new PendampingWithSpareCapacity().Evaluate(pendamping.Select(p => p.LoadOn(AssignedOn))).FirstOrDefault();
            var chosen = free is null ? null : pendamping.Single(p => p.Id == free.PendampingId);
            if (chosen is null)
            {
                chosen = PendampingBuilder.Appoint(names[pendamping.Count], Profile, new LocalDate(2019, 1, 11));
                pendamping.Add(chosen);
            }
            chosen.Assign(new AssignPendamping(group.Id, AssignedOn), group);
        }
        return pendamping;
    }

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void Thirty_KUBE_in_seven_kelurahan_are_verified_by_Dinas_Sosial_early_in_January_2019()
    {
        var groups = ThirtyKube();

        groups.Count.ShouldBe(30);
        groups.Select(g => g.Desa).Distinct().Count().ShouldBe(7);
        groups.ShouldAllBe(g => g.Status == GroupStatus.Active && g.MemberCount == 10);
        groups.ShouldAllBe(g => g.Verification!.Agency == "Dinas Sosial Kota Palangka Raya" && g.Verification.VerifiedOn.Year == 2019 && g.Verification.VerifiedOn.Month == 1);
        groups.ShouldAllBe(g => g.Verification!.Decision.IsApproved && g.Verification.Decision.ProfileId == "KubeKemensos2018@1");
        groups.Select(g => g.Kecamatan.ToString()).Distinct().Order().ShouldBe(["62.71.01", "62.71.02", "62.71.04"]);
    }

    [Fact]
    [Trait("Rule", "GRP-06")]
    public void The_same_KUBE_could_not_have_been_proposed_in_December_2018_under_Permensos_2_2019_which_took_effect_on_12_March_2019()
    {
        var refusal = Should.Throw<RuleViolationException>(() => GroupBuilder.For(ProgramProfiles.KubePermensos2019).In(Places.Pahandut).ProposedOn(ProposedOn).WithMembers(10).Build());

        refusal.Violations.ShouldHaveSingleItem().ErrorCode.ShouldBe(ProfileErrors.NotYetInForce);
        refusal.Violation.Message(CultureInfo.GetCultureInfo("id-ID")).ShouldBe("Profil KubePermensos2019@1 baru berlaku sejak 2019-03-12; keputusan per 2018-12-10 tidak dapat memakainya.");
    }

    [Fact]
    [Trait("Rule", "FAC-01")]
    public void Every_KUBE_gets_a_pendamping_and_ten_groups_each_means_three_pendamping_for_thirty_KUBE()
    {
        var groups = ThirtyKube();

        var pendamping = AccompanyEveryKube(groups);

        pendamping.Count.ShouldBe(3);
        pendamping.ShouldAllBe(p => p.GroupsOn(AssignedOn).Count == 10 && p.MaxGroups == 10);
        pendamping.SelectMany(p => p.GroupsOn(AssignedOn)).ShouldBe(groups.Select(g => g.Id), ignoreOrder: true);
        new PendampingWithSpareCapacity().Evaluate(pendamping.Select(p => p.LoadOn(AssignedOn))).ShouldBeEmpty();

        var thirtyFirst = new GroupStandingStub(Profile);
        var refusal = Should.Throw<RuleViolationException>(() => pendamping[0].Assign(new AssignPendamping(thirtyFirst.Id, AssignedOn.PlusDays(1)), thirtyFirst));
        refusal.Violation.ErrorCode.ShouldBe(FacilitationErrors.CapacityReached);
        refusal.Violation.Message(CultureInfo.GetCultureInfo("id-ID")).ShouldBe("Pendamping Yanti Kristina sudah mendampingi 10 kelompok; paling banyak 10.");
    }

    [Fact]
    [Trait("Rule", "FAC-02")]
    public void KUBE_whose_pendamping_has_not_come_for_sixty_days_owe_Dinas_Sosial_a_report_until_they_make_it()
    {
        var groups = ThirtyKube();
        var pendamping = AccompanyEveryKube(groups);
        var (active, inactive) = (pendamping.Take(2).ToList(), pendamping[2]);
        foreach (var p in active)
        {
            foreach (var group in p.GroupsOn(AssignedOn))
            {
                for (var month = 0; month < 3; month++)
                {
                    var first = new LocalDate(2019, 1, 1).PlusMonths(month);
                    p.RecordVisit(Facilitations.Visit(group, first.PlusDays(20)));
                    p.SubmitReport(Facilitations.Report(group, first.PlusMonths(1).PlusDays(-1)));
                }
            }
        }
        foreach (var group in inactive.GroupsOn(AssignedOn))
        {
            inactive.RecordVisit(Facilitations.Visit(group, new LocalDate(2019, 1, 20)));
        }

        active.ShouldAllBe(p => p.UnreportedInactivity(DanauTundaiMeeting).Count == 0 && p.OverdueMonthlyReports(DanauTundaiMeeting).Count == 0);
        var owed = inactive.UnreportedInactivity(DanauTundaiMeeting);
        owed.Count.ShouldBe(10);
        owed.ShouldAllBe(o => o.InactiveSince == new LocalDate(2019, 3, 21) && o.LastActivityOn == new LocalDate(2019, 1, 20));
        inactive.OverdueMonthlyReports(DanauTundaiMeeting).Count.ShouldBe(10);

        var danauTundaiKube = groups.First(g => g.Desa == Places.DanauTundai && inactive.GroupsOn(AssignedOn).Contains(g.Id));
        inactive.RecordInactivityReported(danauTundaiKube.Id, DanauTundaiMeeting);

        inactive.UnreportedInactivity(DanauTundaiMeeting).Count.ShouldBe(9);
        inactive.InactivityReports.Single().ShouldBe(new InactivityReport(danauTundaiKube.Id, DanauTundaiMeeting, new LocalDate(2019, 3, 21)));
        var owingEverywhere = pendamping.SelectMany(p => p.ActivityOn(DanauTundaiMeeting)).Where(new GroupsOwingInactivityReport(DanauTundaiMeeting).IsSatisfiedBy).ToList();
        owingEverywhere.Select(o => o.GroupId).ShouldBe(inactive.GroupsOn(AssignedOn).Where(id => id != danauTundaiKube.Id), ignoreOrder: true);
        pendamping.SelectMany(p => p.ActivityOn(DanauTundaiMeeting)).AsQueryable().WhereSatisfies(new GroupsOwingInactivityReport(DanauTundaiMeeting)).Count().ShouldBe(9);
    }

    [Fact]
    [Trait("Rule", "FAC-03")]
    public void A_pendamping_reports_which_of_the_five_strategy_aspects_each_month_addressed()
    {
        var group = ThirtyKube()[2];
        var pendamping = PendampingBuilder.Appoint("Yanti Kristina", Profile, new LocalDate(2019, 1, 11));
        pendamping.Assign(new AssignPendamping(group.Id, AssignedOn), group);

        pendamping.SubmitReport(Facilitations.Report(group.Id, new LocalDate(2019, 1, 31), StrategyAspects.Motivation | StrategyAspects.AwarenessAndSkillsTraining));
        pendamping.SubmitReport(Facilitations.Report(group.Id, new LocalDate(2019, 2, 28), StrategyAspects.SelfManagement));
        pendamping.SubmitReport(Facilitations.Report(group.Id, new LocalDate(2019, 3, 29), StrategyAspects.ResourceMobilisation));

        pendamping.AspectsAddressed(group.Id, new LocalDate(2019, 1, 1), new LocalDate(2019, 3, 31))
            .ShouldBe(StrategyAspects.All & ~StrategyAspects.NetworkBuilding);
        pendamping.Reports[0].Notes.Select(n => n.Aspect).ShouldBe([StrategyAspects.Motivation, StrategyAspects.AwarenessAndSkillsTraining]);
        pendamping.Events.OfType<MonthlyReportSubmitted>().Select(e => e.Aspects).ShouldBe(
            [StrategyAspects.Motivation | StrategyAspects.AwarenessAndSkillsTraining, StrategyAspects.SelfManagement, StrategyAspects.ResourceMobilisation]);
        Should.Throw<RuleViolationException>(() => pendamping.SubmitReport(new MonthlyReport(group.Id, new LocalDate(2019, 4, 30), "Tidak ada kegiatan.", [])))
            .Violation.ErrorCode.ShouldBe(FacilitationErrors.NoAspect);
    }

    [Fact]
    [Trait("Rule", "FAC-02")]
    public void A_visit_or_report_outside_the_assignment_is_refused_and_a_release_cannot_hide_recorded_facilitation()
    {
        var group = new GroupStandingStub(Profile);
        var pendamping = PendampingBuilder.Appoint("Deddy Saputra", Profile, new LocalDate(2019, 1, 11));
        pendamping.Assign(new AssignPendamping(group.Id, AssignedOn), group);
        pendamping.RecordVisit(Facilitations.Visit(group.Id, new LocalDate(2019, 2, 5)));

        Should.Throw<RuleViolationException>(() => pendamping.RecordVisit(Facilitations.Visit(group.Id, AssignedOn.PlusDays(-1))))
            .Violation.ErrorCode.ShouldBe(FacilitationErrors.NotAssignedOnDate);
        Should.Throw<RuleViolationException>(() => pendamping.Release(group.Id, new LocalDate(2019, 2, 5)))
            .Violation.ErrorCode.ShouldBe(FacilitationErrors.ReleaseTooEarly);

        pendamping.Release(group.Id, new LocalDate(2019, 2, 6));

        Should.Throw<RuleViolationException>(() => pendamping.SubmitReport(Facilitations.Report(group.Id, new LocalDate(2019, 2, 28))))
            .Violation.ErrorCode.ShouldBe(FacilitationErrors.NotAssignedOnDate);
        Should.Throw<RuleViolationException>(() => pendamping.Release(group.Id, new LocalDate(2019, 3, 1)))
            .Violation.ErrorCode.ShouldBe(FacilitationErrors.NotAssigned);
        pendamping.GroupsOn(new LocalDate(2019, 2, 6)).ShouldBeEmpty();
        pendamping.Events.Select(e => e.GetType().Name).ShouldBe(["PendampingAppointed", "GroupAssigned", "VisitRecorded", "GroupReleased"]);
    }
}
