using KubeCore.Common;

namespace KubeCore.Tests.Common;

/// <summary>
/// <see cref="Preconditions.CheckNotBlank"/> judges blank as the library's one definition does (<see cref="ReadableName.IsBlank"/>):
/// a text of invisible characters only is as blank as one of spaces.
/// </summary>
public class PreconditionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    [InlineData("\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u2060")]
    [InlineData(" \u200B\u00AD\u2060 ")]
    public void A_text_of_white_space_or_invisible_characters_only_is_blank(string text)
    {
        Should.Throw<ArgumentException>(() => Preconditions.CheckNotBlank(text)).ParamName.ShouldBe("text");
        ReadableName.IsBlank(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("x")]
    [InlineData("\u200Bx\u200B")]
    [InlineData(" Dinas Sosial ")]
    public void A_text_with_one_visible_character_is_not_blank_and_is_returned_as_given(string text) =>
        Preconditions.CheckNotBlank(text).ShouldBeSameAs(text);

    [Fact]
    public void A_null_text_is_a_null_argument() =>
        Should.Throw<ArgumentNullException>(() => Preconditions.CheckNotBlank(null));
}
