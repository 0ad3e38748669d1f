using KubeCore.Rules;

namespace KubeCore.Loans;

/// <summary>Error codes of revolving loans, collectibility and portfolio (LOAN, COL, PORT). Each code is also the key of its Indonesian and English message.</summary>
public static class LoanErrors
{
    internal static readonly MessageTable Messages = new("Loans",
    [
    ]);
}
