using System.Globalization;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;
using NodaTime;

namespace KubeCore.Tests.Groups;

/// <summary>
/// The formation and eligibility decisions read word for word as they did before the formation checks were
/// rewritten without LINQ and before Decision formatted its parameters lazily (the golden transcript was written
/// by the library as it was then, see <see cref="FormationTranscript"/>).
/// </summary>
public class FormationDecisionTests
{
    [Theory]
    [InlineData("")]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    [InlineData("ar-SA")]
    public void Formation_decisions_under_every_profile_read_exactly_as_the_golden_transcript_in_any_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var transcript = FormationTranscript.Write();
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" && culture.Length == 0)
            {
                // A deliberate change of a formation rule: regenerate, review the diff, commit.
                File.WriteAllText(GoldenPath(), transcript.ReplaceLineEndings("\n"));
            }
            var golden = File.ReadAllText(GoldenPath());
            transcript.ReplaceLineEndings("\n").ShouldBe(golden.ReplaceLineEndings("\n"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    // The formation check remembers the staleness of the last ranking date it judged (founders ranked in one registry
    // update share it): founders ranked on dates either side of the limit, in runs and alternating, are each judged
    // on their own date.
    [Fact]
    [Trait("Rule", "MEM-01")]
    public void Each_founder_of_a_proposal_is_judged_stale_or_fresh_by_the_date_of_their_own_ranking()
    {
        var profile = ProgramProfiles.KubePermensos2019;
        var group = GroupBuilder.For(profile);
        var proposedOn = group.ProposedDate;
        var validity = profile.Poverty.DecileValidity;
        var lastFresh = proposedOn.Minus(validity);
        while (!IsStale(lastFresh.PlusDays(-1)))
        {
            lastFresh = lastFresh.PlusDays(-1);
        }
        while (IsStale(lastFresh))
        {
            lastFresh = lastFresh.PlusDays(1);
        }
        var firstStale = lastFresh.PlusDays(-1);
        LocalDate[] rankedOn = [lastFresh, firstStale, firstStale, lastFresh, lastFresh, firstStale, proposedOn, firstStale.PlusDays(-400), lastFresh, firstStale];
        var founders = rankedOn
            .Select(date => DossierBuilder.On(proposedOn).WithEvidence(new PovertyEvidence(new RegistryEntry(RegistrySource.Dtks, 1, date), null, OnPs2List: false)).Build())
            .ToArray();

        var decision = Group.EvaluateProposal(group.WithFounders(founders).Command());

        var stale = decision.Violations.Where(v => v.RuleId == RuleIds.Mem01).Select(v => v.Arguments["HouseholdId"]).ToArray();
        stale.ShouldBe(founders.Where((_, i) => rankedOn[i] < lastFresh).Select(f => (object?)f.Household.Id).ToArray());
        stale.Length.ShouldBe(5);
        decision.Checks.Count(check => check.RuleId == RuleIds.Mem01 && check.Outcome == CheckOutcome.Passed).ShouldBe(5);

        bool IsStale(LocalDate date) => new RegistryEntry(RegistrySource.Dtks, 1, date).IsStaleOn(proposedOn, validity);
    }

    [Fact]
    public void Evaluating_a_ten_member_proposal_allocates_less_than_its_four_kilobyte_budget()
    {
        var proposal = FormationTranscript.CleanProposal(ProgramProfiles.KubePermensos2019);
        for (var i = 0; i < 50; i++)
        {
            Group.EvaluateProposal(proposal);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Group.EvaluateProposal(proposal);
        }
        var perCheck = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        perCheck.ShouldBeLessThan(4 * 1024);
    }

    // From the repository root, not [CallerFilePath]: CI builds map source paths to /_/ (deterministic builds).
    private static string GoldenPath() =>
        Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), "tests", "KubeCore.Tests", "Groups", "FormationTranscript.golden.txt");
}
