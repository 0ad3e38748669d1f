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
public sealed record SourceExcerpt(string Text, string Citation, string Gloss)
{
    /// <summary>The seed document cited (<c>000</c>…), or null when the excerpt was read on a web page.</summary>
    public string? Seed => Citation.StartsWith("Seed ", StringComparison.Ordinal) && Citation.Length >= 8 ? Citation.Substring(5, 3) : null;
}
