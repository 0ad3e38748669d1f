using KubeCore.Rules;

namespace KubeCore.Savings;

/// <summary>Error codes of the savings ledger (SAV-01..07). Each code is also the key of its Indonesian and English message.</summary>
public static class SavingsErrors
{
    internal static readonly MessageTable Messages = new("Savings",
    [
    ]);
}
