namespace KubeCore.Savings;

/// <summary>What a ledger entry records. Each kind has a fixed shape of legs, listed here.</summary>
/// <remarks>The numeric values are part of the canonical entry encoding (see <see cref="LedgerEntry"/>) and never change.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<EntryKind>))]
public enum EntryKind : byte
{
    /// <summary>The books were opened (sequence 1, no legs). Its date is the first day the ledger takes entries.</summary>
    BooksOpened = 1,

    /// <summary>A member saved (SAV-04): debit cash, credit the member's savings.</summary>
    SavingsDeposit = 2,

    /// <summary>A member withdrew savings (SAV-02): debit the member's savings, credit cash.</summary>
    SavingsWithdrawal = 3,

    /// <summary>The IKS share of a business profit was set aside (SAV-06): debit cash, credit IKS.</summary>
    IksFromProfit = 4,

    /// <summary>
    /// IKS was spent on a solidarity purpose (SAV-06): help to a member or another poor family in social need, or a
    /// community activity; debit IKS, credit cash. The entry's member is the member helped, if one is named.
    /// </summary>
    IksSpend = 5,

    /// <summary>An aid grant reached the group account (AID-01, GRP-07): debit cash, credit grant.</summary>
    GrantCredited = 6,

    /// <summary>Grant money was spent against a receipt (AID-03): debit grant, credit cash.</summary>
    GrantSpend = 7,

    /// <summary>Capital came into the loan fund from outside (e.g. a UPK loan to the KSM): debit cash, credit loan fund.</summary>
    LoanCapitalAdded = 8,

    /// <summary>Money moved between group funds (e.g. grant to loan fund): debit the source fund, credit the target fund.</summary>
    FundTransfer = 9,

    /// <summary>An operating expense was paid: debit expenses, credit cash.</summary>
    Expense = 10,

    /// <summary>A loan was disbursed (LOAN-06): debit the loan receivable, credit cash.</summary>
    LoanDisbursement = 11,

    /// <summary>A borrower paid an installment (LOAN-05, LOAN-09): debit cash; credit the receivable (principal) and/or service-charge income (jasa).</summary>
    LoanRepayment = 12,

    /// <summary>
    /// Tanggung renteng cover of a defaulter's arrears (LOAN-08): debit the covering accounts (the borrower's savings,
    /// IKS, other members' savings); credit the receivable (principal) and/or service-charge income (jasa).
    /// </summary>
    RentengCover = 13,

    /// <summary>A defaulter paid back a cover (LOAN-08): debit cash, credit IKS or the covering member's savings.</summary>
    RentengRecovery = 14,

    /// <summary>A correction (SAV-01): the mirror image of the entry named in <see cref="LedgerEntry.Reverses"/>.</summary>
    Reversal = 15,

    /// <summary>A bookkeeping week was closed (SAV-05; no legs). Its reference names the week; its memo carries the totals.</summary>
    WeekClosed = 16,
}
