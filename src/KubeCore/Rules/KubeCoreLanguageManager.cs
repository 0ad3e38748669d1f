using FluentValidation.Resources;

namespace KubeCore.Rules;

/// <summary>
/// A FluentValidation <see cref="LanguageManager"/> that knows every KubeCore error code in Indonesian
/// (<c>id</c>) and English (<c>en</c>), on top of FluentValidation's own texts.
/// </summary>
/// <remarks>
/// The library never sets global options: the host opts in once at start-up with
/// <c>ValidatorOptions.Global.LanguageManager = new KubeCoreLanguageManager();</c>. Validators resolve
/// their message from the error code set by <c>WithErrorCode</c>.
/// </remarks>
public sealed class KubeCoreLanguageManager : LanguageManager
{
    /// <summary>Creates the manager with every KubeCore message registered.</summary>
    public KubeCoreLanguageManager()
    {
        foreach (var text in KubeCoreMessages.All)
        {
            AddTranslation("en", text.Code, text.English);
            AddTranslation("id", text.Code, text.Indonesian);
        }
    }
}
