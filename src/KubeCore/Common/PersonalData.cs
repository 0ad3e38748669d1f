using KubeCore.Rules;

namespace KubeCore.Common;

/// <summary>Masking of personal data (PRIV-01, UU 27/2022 on personal data protection).</summary>
public static class PersonalData
{
    /// <summary>Digits left visible at the start of a masked number.</summary>
    public const int VisiblePrefix = 6;

    /// <summary>Digits left visible at the end of a masked number.</summary>
    public const int VisibleSuffix = 2;

    /// <summary>The rule this masking implements.</summary>
    public static RuleId Rule => RuleIds.Priv01;

    /// <summary>
    /// Masks an identity number: the first 6 and last 2 characters stay, every other character becomes
    /// <c>*</c>. A value of 8 characters or fewer is masked whole.
    /// </summary>
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= VisiblePrefix + VisibleSuffix)
        {
            return new string('*', value.Length);
        }
        return string.Concat(value.AsSpan(0, VisiblePrefix), new string('*', value.Length - VisiblePrefix - VisibleSuffix), value.AsSpan(value.Length - VisibleSuffix));
    }
}
