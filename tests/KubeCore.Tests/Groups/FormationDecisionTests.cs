using System.Globalization;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Conventions;

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
