using KubeCore.Rules;

namespace KubeCore.WealthRanking;

/// <summary>Error codes of PRA wealth ranking (PRA-01..03). Each code is also the key of its Indonesian and English message.</summary>
public static class WealthRankingErrors
{
    internal static readonly MessageTable Messages = new("WealthRanking",
    [
    ]);
}
