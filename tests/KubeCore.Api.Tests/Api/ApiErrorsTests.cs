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

    private static List<string> Placeholders(string template) => [.. PlaceholderPattern().Matches(template).Select(m => m.Value).Order()];

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex PlaceholderPattern();
}
