namespace KubeCore.Rules;

/// <summary>
/// A short verbatim excerpt of a rule's source, in the source's own language (Bahasa Indonesia), with where it was
/// read and what it says in English. The rulebook shows it beside the rule, as Catala puts the law's words beside
/// the code. It is the source's words as read, never a paraphrase: a rule the sources do not state carries a
/// <see cref="RuleDefinition.DesignReason"/> instead.
/// </summary>
/// <param name="Text">The excerpt, verbatim (typing errors of the source kept).</param>
/// <param name="Citation">
/// Where it was read: <c>Seed NNN</c> for a project seed document (the words occur in it, whitespace aside), or the
/// page's address (<c>https://…</c>) with the document it copies.
/// </param>
/// <param name="Gloss">What the excerpt says, in English.</param>
/// <exception cref="ArgumentException">A part is null, empty or only white space.</exception>
public sealed record SourceExcerpt(string Text, string Citation, string Gloss)
{
    /// <summary>The excerpt, verbatim.</summary>
    public string Text { get; } = Required(Text, nameof(Text));

    /// <summary>Where the excerpt was read: <c>Seed NNN</c> or the page's address.</summary>
    public string Citation { get; } = Required(Citation, nameof(Citation));

    /// <summary>What the excerpt says, in English.</summary>
    public string Gloss { get; } = Required(Gloss, nameof(Gloss));

    /// <summary>The seed document cited (<c>000</c>…), or null when the excerpt was read on a web page.</summary>
    public string? Seed => Citation.StartsWith("Seed ", StringComparison.Ordinal) && Citation.Length >= 8 ? Citation.Substring(5, 3) : null;

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be empty.", name) : value;
}
