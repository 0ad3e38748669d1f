using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using KubeCore.Common;
using KubeCore.Rules;

namespace KubeCore.Tests.Rules;

public partial class MessageTests
{
    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Every_error_code_has_an_Indonesian_and_an_English_text_with_the_same_placeholders()
    {
        KubeCoreMessages.All.ShouldNotBeEmpty();
        foreach (var text in KubeCoreMessages.All)
        {
            text.Indonesian.ShouldNotBeNullOrWhiteSpace(text.Code);
            text.English.ShouldNotBeNullOrWhiteSpace(text.Code);
            text.Indonesian.ShouldNotBe(text.English, text.Code);
            Placeholder().Matches(text.Indonesian).Select(m => m.Value).Order()
                .ShouldBe(Placeholder().Matches(text.English).Select(m => m.Value).Order(), text.Code);
        }
    }

    [Fact]
    public void Error_codes_are_unique_and_upper_snake_case()
    {
        var codes = KubeCoreMessages.ByArea().Select(t => t.Text.Code).ToList();
        codes.Distinct().Count().ShouldBe(codes.Count);
        codes.ShouldAllBe(c => Regex.IsMatch(c, "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$"));
    }

    [Fact]
    public void Every_public_error_code_constant_has_messages()
    {
        var constants = typeof(RuleId).Assembly.GetExportedTypes()
            .Where(t => t.Name.EndsWith("Errors", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        constants.ShouldNotBeEmpty();
        constants.ShouldAllBe(code => KubeCoreMessages.Contains(code));
        KubeCoreMessages.All.Select(t => t.Code).ShouldAllBe(code => constants.Contains(code));
    }

    [Fact]
    public void A_violation_renders_in_Indonesian_or_English_with_its_arguments()
    {
        var violation = RuleViolation.Of(RuleIds.Mem06, CommonErrors.NikSexMismatch, ("EncodedSex", Sex.Female), ("StatedSex", Sex.Male));
        violation.Message(CultureInfo.GetCultureInfo("id-ID")).ShouldBe("Jenis kelamin pada NIK (Female) tidak sesuai dengan jenis kelamin yang dinyatakan (Male).");
        violation.Message(CultureInfo.GetCultureInfo("en")).ShouldBe("The sex encoded in the NIK (Female) differs from the stated sex (Male).");
        violation.ToString().ShouldStartWith("MEM-06 MEM06_NIK_SEX_MISMATCH:");
    }

    [Fact]
    public void The_language_manager_serves_every_code_in_both_languages_and_creating_it_touches_no_global_option()
    {
        var before = ValidatorOptions.Global.LanguageManager;
        var manager = new KubeCoreLanguageManager();
        foreach (var text in KubeCoreMessages.All)
        {
            manager.GetString(text.Code, CultureInfo.GetCultureInfo("id")).ShouldBe(text.Indonesian);
            manager.GetString(text.Code, CultureInfo.GetCultureInfo("en")).ShouldBe(text.English);
        }
        ValidatorOptions.Global.LanguageManager.ShouldBeSameAs(before);
    }
}
