using System.Reflection;
using System.Text.RegularExpressions;
using KubeCore.Api.Errors;

namespace KubeCore.Api.Tests.Api;

public sealed partial class ApiErrorsTests
{
    [Fact]
    public void Every_api_error_code_has_an_indonesian_and_an_english_message_with_the_same_placeholders()
    {
        var codes = typeof(ApiErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).ToList();
        ApiErrors.All.Select(t => t.Code).Order().ShouldBe(codes.Order());
        foreach (var text in ApiErrors.All)
        {
            text.Code.ShouldStartWith("API_");
            text.Indonesian.ShouldNotBe(text.English);
            Placeholders(text.Indonesian).ShouldBe(Placeholders(text.English), text.Code);
        }
    }

    [Theory]
    [InlineData("GRP01_TOO_FEW_MEMBERS", "GRP-01")]
    [InlineData("LOAN02_ABOVE_FIRST_CEILING", "LOAN-02")]
    [InlineData("MEM06_NIK_NOT_16_DIGITS", "MEM-06")]
    [InlineData("API_NOT_FOUND", null)]
    [InlineData("ZZZ99_UNKNOWN", null)]
    [InlineData("", null)]
    public void A_library_error_code_names_its_rule(string code, string? ruleId) => Problems.RuleIdOf(code).ShouldBe(ruleId);

    private static List<string> Placeholders(string template) => [.. PlaceholderPattern().Matches(template).Select(m => m.Value).Order()];

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex PlaceholderPattern();
}
