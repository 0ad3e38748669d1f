using KubeCore.Rules;

namespace KubeCore.Compliance;

/// <summary>Error codes of the five basic rules and stages (FIVE, STG). Each code is also the key of its Indonesian and English message.</summary>
public static class ComplianceErrors
{
    internal static readonly MessageTable Messages = new("Compliance",
    [
    ]);
}
