namespace KubeCore.Rules;

/// <summary>The Indonesian and English text of one error code. Placeholders are <c>{Name}</c>.</summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Indonesian">The message in Bahasa Indonesia.</param>
/// <param name="English">The message in English.</param>
public sealed record MessageText(string Code, string Indonesian, string English);

/// <summary>The messages of one area of the library.</summary>
internal sealed class MessageTable(string area, IReadOnlyList<MessageText> texts)
{
    public string Area { get; } = area;

    public IReadOnlyList<MessageText> Texts { get; } = texts;
}
