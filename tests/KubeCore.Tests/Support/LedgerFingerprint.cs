using KubeCore.Savings;

namespace KubeCore.Tests.Support;

/// <summary>Everything a ledger reports about itself, as one comparable text: two ledgers (or one ledger before and after a refused operation) with equal fingerprints hold the same books.</summary>
public static class LedgerFingerprint
{
    /// <summary>The count, head hash and turnover, every total, each saver's savings and each loan's borrower, outstanding principal and renteng claims.</summary>
    public static string Of(SavingsLedger ledger)
    {
        var b = ledger.Balances;
        var loans = b.Loans.Select(l => $"{l.Loan.Value}:{l.Borrower.Value}:{l.Outstanding.Amount}:" + string.Join(",", b.RentengClaimsOn(l.Loan).Select(c => $"{c.Claimant}={c.Claim.Amount}")));
        return string.Join("|", [
            ledger.Count, ledger.LastHash, ledger.Turnover, b.Cash.Amount, b.MemberSavingsTotal.Amount, b.Iks.Amount, b.Grant.Amount, b.LoanFund.Amount,
            b.OutstandingPrincipal.Amount, b.ServiceChargeIncome.Amount, b.Expenses.Amount,
            .. b.Savers.Select(x => $"{x.Member.Value}={x.Savings.Amount}"), .. loans]);
    }
}
