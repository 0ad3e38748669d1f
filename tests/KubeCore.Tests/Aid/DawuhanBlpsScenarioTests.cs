using KubeCore.Aid;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Tests.Aid;

/// <summary>
/// Seed 002: in 2011 the BLPS program of Kementerian Sosial gave Rp 30.000.000 through the banks to each of
/// 10 KUBE chosen among the 30 formed in Desa Dawuhan (Poncokusumo, Malang) under P2FM in 2009; the KUBE keep
/// an IKS fund, savings books and an LPJ of how the aid was spent (cattle farming).
/// </summary>
public class DawuhanBlpsScenarioTests
{
    private static readonly LocalDate SelectionDay = new(2011, 6, 1);

    private static GroupId Kube(int i) => new(new Guid(i + 1, 0, 0, new byte[8]));

    /// <summary>
    /// Thirty KUBE active from January to May 2009, every third at each stage; KUBE 26 was re-activated in
    /// September 2009 (under two years in June 2011) and KUBE 29 is under strength.
    /// </summary>
    private static List<DevelopmentAidCandidate> ThirtyKubeOfDawuhan()
    {
        var candidates = new List<DevelopmentAidCandidate>();
        for (var i = 0; i < 30; i++)
        {
            var stage = i % 3 == 0 ? GroupStage.Tumbuh : i % 3 == 1 ? GroupStage.Berkembang : GroupStage.Maju;
            var activeSince = i == 26 ? new LocalDate(2009, 9, 1) : new LocalDate(2009, 1, 5).PlusDays(i * 5);
            var status = i == 29 ? GroupStatus.UnderStrength : GroupStatus.Active;
            candidates.Add(new DevelopmentAidCandidate(Kube(i), status, activeSince, stage, Rupiah.Of(1_000_000 + (i * 50_000))));
        }
        return candidates;
    }

    [Fact]
    public void Ten_of_the_thirty_KUBE_formed_in_2009_are_selected_by_the_stated_ranking()
    {
        var selection = DevelopmentAid.Select(ThirtyKubeOfDawuhan(), 10, ProgramProfiles.KubeBlps, SelectionDay);

        // 28 of the 30 are eligible: every active KUBE of two years, whatever its stage (AID-02: BLPS is for KUBE
        // tumbuh). Eight eligible KUBE at stage Maju rank first, then the two longest-active at stage Berkembang.
        selection.Selected.ShouldBe(new[] { 2, 5, 8, 11, 14, 17, 20, 23, 1, 4 }.Select(Kube).ToList());
        selection.Candidates.Count(c => c.Rank is not null).ShouldBe(28);
        var byId = selection.Candidates.ToDictionary(c => c.Candidate.GroupId);
        byId[Kube(26)].Eligibility.Violations.Single().ErrorCode.ShouldBe(AidErrors.GroupTooYoung);
        byId[Kube(29)].Eligibility.Violations.Single().ErrorCode.ShouldBe(GroupErrors.NotActive);
        byId[Kube(7)].Rank.ShouldBe(11);
        byId[Kube(7)].Selected.ShouldBeFalse();
        // The ten KUBE at stage Tumbuh are eligible and rank after the ten Berkembang ones (19..28), oldest first.
        var tumbuh = selection.Candidates.Where(c => c.Candidate.Stage == GroupStage.Tumbuh).ToList();
        tumbuh.ShouldAllBe(c => c.Eligibility.IsApproved && !c.Selected);
        tumbuh.Select(c => c.Rank).ShouldBe(Enumerable.Range(19, 10).Select(r => (int?)r));
        byId[Kube(0)].Rank.ShouldBe(19);
    }

    [Fact]
    public void A_selected_KUBE_receives_Rp_30_million_into_its_own_account_and_accounts_for_it_in_an_LPJ()
    {
        var kube = TestStanding();
        var decision = AidGrants.Decide(kube, "KUBE Sapi Makmur", "KUBE Sapi Makmur", SelectionDay);
        decision.IsApproved.ShouldBeTrue(decision.ToString());
        AidGrants.AmountOn(ProgramProfiles.KubeBlps, SelectionDay, 10).ShouldBe(Rupiah.Of(30_000_000));

        var lpj = AccountabilityReport.Open(kube.Id, Rupiah.Of(30_000_000), SelectionDay, ProgramProfiles.KubeBlps);
        lpj.RecordSpend(new AidSpend(SelectionDay.PlusDays(3), SpendCategory.Livestock, Rupiah.Of(24_000_000), "KW-001", "4 ekor sapi"));
        lpj.RecordSpend(new AidSpend(SelectionDay.PlusDays(5), SpendCategory.Equipment, Rupiah.Of(3_500_000), "KW-002", "kandang dan peralatan"));
        lpj.RecordSpend(new AidSpend(SelectionDay.PlusDays(6), SpendCategory.RawMaterials, Rupiah.Of(1_750_000), "KW-003", "pakan ternak"));
        Should.Throw<RuleViolationException>(() =>
            lpj.RecordSpend(new AidSpend(SelectionDay.PlusDays(7), SpendCategory.Other, Rupiah.Of(1_000_000), "KW-004", "lain-lain")))
            .Violation.ErrorCode.ShouldBe(AidErrors.SpendAboveGrant);
        Should.Throw<RuleViolationException>(() =>
            lpj.RecordSpend(new AidSpend(SelectionDay.PlusDays(7), SpendCategory.Other, Rupiah.Of(100_000), "kw-001", "nota ganda")))
            .Violation.ErrorCode.ShouldBe(AidErrors.ReceiptAlreadyClaimed);
        lpj.Submit(SelectionDay.PlusDays(20));

        var summary = lpj.SummaryOn(SelectionDay.PlusDays(30));
        summary.Spent.ShouldBe(Rupiah.Of(29_250_000));
        summary.Remaining.ShouldBe(Rupiah.Of(750_000));
        summary.SpentByCategory[SpendCategory.Livestock].ShouldBe(Rupiah.Of(24_000_000));
        summary.Status.ShouldBe(LpjStatus.Submitted);
        summary.DueOn.ShouldBe(SelectionDay.PlusDays(21));
    }

    [Fact]
    public void A_grant_into_the_ketuas_personal_account_is_refused_under_GRP_07()
    {
        var decision = AidGrants.Decide(TestStanding(), "KUBE Sapi Makmur", "Sutrisno", SelectionDay);
        decision.IsApproved.ShouldBeFalse();
        decision.Violations.Single().ErrorCode.ShouldBe(AidErrors.AccountNotInGroupName);
        decision.Violations.Single().Message(System.Globalization.CultureInfo.GetCultureInfo("id")).ShouldContain("aset kelompok");
    }

    private static Support.TestGroupStanding TestStanding() => Support.TestGroupStanding.Active(ProgramProfiles.KubeBlps);
}
