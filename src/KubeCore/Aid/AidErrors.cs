using KubeCore.Rules;

namespace KubeCore.Aid;

/// <summary>Error codes of aid grants and accountability (AID-01..03). Each code is also the key of its Indonesian and English message.</summary>
public static class AidErrors
{
    internal static readonly MessageTable Messages = new("Aid",
    [
    ]);
}
