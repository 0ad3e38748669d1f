using System.Text.RegularExpressions;
using KubeCore.Rules;

namespace KubeCore.Tests.Rules;

public class CatalogueTests
{
    private static string RulesMarkdown()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KubeCore.sln")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(dir!.FullName, "..", "shared", "domain", "RULES.md");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    [Theory]
    [InlineData("GRP01_TOO_FEW_MEMBERS", "GRP-01")]
    [InlineData("LOAN02_ABOVE_FIRST_CEILING", "LOAN-02")]
    [InlineData("MEM06_NIK_NOT_16_DIGITS", "MEM-06")]
    [InlineData("GRP01", "GRP-01")]
    [InlineData("API_NOT_FOUND", null)]
    [InlineData("ZZZ99_UNKNOWN", null)]
    [InlineData("GRP1_SHORT", null)]
    [InlineData("GRP001_LONG", null)]
    [InlineData("grp01_lower", null)]
    [InlineData("NotEmptyValidator", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void An_error_code_names_the_rule_of_its_prefix_when_the_catalogue_has_it(string? code, string? ruleId) =>
        (RuleCatalogue.RuleOfErrorCode(code)?.ToString()).ShouldBe(ruleId);

    [Fact]
    public void The_catalogue_holds_all_61_rules_once()
    {
        RuleCatalogue.All.Count.ShouldBe(61);
        RuleCatalogue.All.Select(r => r.Id).Distinct().Count().ShouldBe(61);
    }

    [Fact]
    public void Every_rule_id_of_the_specification_is_in_the_catalogue()
    {
        var markdown = RulesMarkdown();
        Assert.SkipWhen(markdown.Length == 0, "shared/domain/RULES.md is not beside the repository");
        var specIds = Regex.Matches(markdown, @"\*\*([A-Z]+-[0-9]{2})\*\*").Select(m => m.Groups[1].Value).ToHashSet();
        specIds.Count.ShouldBe(61);
        specIds.ShouldBe(RuleCatalogue.All.Select(r => r.Id.Value).ToHashSet(), ignoreOrder: true);
    }

    [Fact]
    public void Every_rule_has_both_titles_a_statement_and_a_source()
    {
        foreach (var rule in RuleCatalogue.All)
        {
            rule.TitleId.ShouldNotBeNullOrWhiteSpace(rule.Id.Value);
            rule.TitleEn.ShouldNotBeNullOrWhiteSpace(rule.Id.Value);
            rule.Statement.ShouldNotBeNullOrWhiteSpace(rule.Id.Value);
            rule.Source.ShouldNotBeNullOrWhiteSpace(rule.Id.Value);
            Enum.IsDefined(rule.Confidence).ShouldBeTrue(rule.Id.Value);
        }
    }

    [Fact]
    public void Every_parameter_of_every_rule_reads_a_value_under_every_built_in_profile()
    {
        foreach (var rule in RuleCatalogue.All)
        {
            foreach (var parameter in rule.Parameters)
            {
                foreach (var profile in ProgramProfiles.All)
                {
                    parameter.FormattedValueIn(profile).ShouldNotBeNullOrWhiteSpace($"{rule.Id} {parameter.Name} {profile.Id}");
                }
            }
        }
    }

    [Fact]
    public void Rule_ids_look_up_and_unknown_ids_fail_loudly()
    {
        RuleCatalogue.Get(RuleIds.Grp01).TitleEn.ShouldBe("Group size within the profile's range");
        Should.Throw<FormatException>(() => RuleId.Parse("grp-1"));
        Should.Throw<KeyNotFoundException>(() => RuleCatalogue.Get(RuleId.Parse("XYZ-99")));
    }
}
