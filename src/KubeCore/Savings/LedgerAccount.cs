using KubeCore.Common;

namespace KubeCore.Savings;

/// <summary>
/// The kinds of account in a group's savings ledger. Every account is non-negative on its normal side
/// (SAV-02), and the ledger is double entry, so SAV-03 holds by construction:
/// <c>Cash + LoanReceivable + Expenses = MemberSavings + Iks + Grant + LoanFund + ServiceChargeIncome</c>,
/// i.e. <c>cash = Σ member savings + IKS + grant + loan fund − outstanding principal + collected service charges − expenses</c>.
/// </summary>
/// <remarks>The numeric values are part of the canonical entry encoding (see <see cref="LedgerEntry"/>) and never change.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AccountKind>))]
public enum AccountKind : byte
{
    /// <summary>Group cash (kas kelompok), wherever it is held (box or the group's bank account). Debit-normal.</summary>
    Cash = 1,

    /// <summary>One member's savings (tabungan anggota), per member. Credit-normal: what the group owes the member.</summary>
    MemberSavings = 2,

    /// <summary>
    /// The IKS solidarity fund (Iuran Kesetiakawanan Sosial). Credit-normal. Spent on social need (a member's or another
    /// poor family's) and community activities, never moved into savings nor paid out as a dividend (SAV-06).
    /// </summary>
    Iks = 3,

    /// <summary>The unspent balance of aid grants (bantuan), a group asset (GRP-07, AID-01). Credit-normal.</summary>
    Grant = 4,

    /// <summary>The capital of the revolving loan fund (modal pinjaman bergulir). Credit-normal.</summary>
    LoanFund = 5,

    /// <summary>Outstanding loan principal (pokok pinjaman beredar), per loan and borrower. Debit-normal.</summary>
    LoanReceivable = 6,

    /// <summary>Collected service charges (pendapatan jasa pinjaman), cumulative. Credit-normal.</summary>
    ServiceChargeIncome = 7,

    /// <summary>Operating expenses paid from group cash (biaya), cumulative. Debit-normal.</summary>
    Expenses = 8,
}

/// <summary>The side of a posting.</summary>
/// <remarks>The numeric values are part of the canonical entry encoding.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<LegSide>))]
public enum LegSide : byte
{
    /// <summary>Debit: increases a debit-normal account (cash, receivable, expenses), decreases a credit-normal one.</summary>
    Debit = 1,

    /// <summary>Credit: increases a credit-normal account (savings, funds, income), decreases a debit-normal one.</summary>
    Credit = 2,
}

/// <summary>
/// One account of a group's savings ledger: its kind, plus the member for <see cref="AccountKind.MemberSavings"/>
/// and the loan and borrower for <see cref="AccountKind.LoanReceivable"/>. Every other kind is a single group account.
/// </summary>
/// <remarks>The default value is the group cash account.</remarks>
public readonly record struct LedgerAccount
{
    // Compact layout (kind + two Guids, empty when absent): legs are stored by the million.
    private readonly Guid _member;
    private readonly Guid _loan;

    // Stored as 0 for the default value, which reads as Cash.
    private readonly AccountKind _kind;

    private LedgerAccount(AccountKind kind, PersonId? member, LoanId? loan)
    {
        _kind = kind == AccountKind.Cash ? default : kind;
        _member = member?.Value ?? Guid.Empty;
        _loan = loan?.Value ?? Guid.Empty;
    }

    /// <summary>The kind of account.</summary>
    public AccountKind Kind => _kind == 0 ? AccountKind.Cash : _kind;

    /// <summary>The member (savings owner or borrower), for member savings and loan receivables; otherwise null.</summary>
    public PersonId? Member => _member == Guid.Empty ? null : new PersonId(_member);

    /// <summary>The loan, for loan receivables; otherwise null.</summary>
    public LoanId? Loan => _loan == Guid.Empty ? null : new LoanId(_loan);

    // The raw ids (Guid.Empty when absent), for the canonical encoding.
    internal Guid MemberValue => _member;

    internal Guid LoanValue => _loan;

    // The member and loan of an account that has them (receivables; savings for the member), without checking again.
    internal PersonId KnownMember => PersonId.Known(_member);

    internal LoanId KnownLoan => LoanId.Known(_loan);

    /// <summary>True for debit-normal accounts (cash, loan receivables, expenses).</summary>
    public bool IsDebitNormal => Kind is AccountKind.Cash or AccountKind.LoanReceivable or AccountKind.Expenses;

    /// <summary>Group cash.</summary>
    public static LedgerAccount Cash => new(AccountKind.Cash, null, null);

    /// <summary>The IKS solidarity fund.</summary>
    public static LedgerAccount Iks => new(AccountKind.Iks, null, null);

    /// <summary>The aid grant balance.</summary>
    public static LedgerAccount Grant => new(AccountKind.Grant, null, null);

    /// <summary>The loan fund capital.</summary>
    public static LedgerAccount LoanFund => new(AccountKind.LoanFund, null, null);

    /// <summary>Collected service charges (jasa).</summary>
    public static LedgerAccount ServiceChargeIncome => new(AccountKind.ServiceChargeIncome, null, null);

    /// <summary>Expenses.</summary>
    public static LedgerAccount Expenses => new(AccountKind.Expenses, null, null);

    // From ids already checked (Guid.Empty when absent), for entries that rebuild their own legs.
    internal static LedgerAccount Trusted(AccountKind kind, Guid member, Guid loan) => new(kind, member, loan);

    private LedgerAccount(AccountKind kind, Guid member, Guid loan)
    {
        _kind = kind == AccountKind.Cash ? default : kind;
        _member = member;
        _loan = loan;
    }

    /// <summary>The savings of <paramref name="member"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="member"/> is the default (empty) id.</exception>
    public static LedgerAccount MemberSavings(PersonId member) =>
        new(AccountKind.MemberSavings, IdGuard.Check(member), null);

    /// <summary>The outstanding principal of <paramref name="loan"/>, lent to <paramref name="borrower"/>.</summary>
    /// <exception cref="ArgumentException">An id is the default (empty) id.</exception>
    public static LedgerAccount LoanReceivable(LoanId loan, PersonId borrower) =>
        new(AccountKind.LoanReceivable, IdGuard.Check(borrower), IdGuard.Check(loan));

    /// <summary>
    /// Builds an account from its stored parts (for rehydration).
    /// </summary>
    /// <exception cref="ArgumentException">The kind is undefined, or the member/loan presence does not match the kind.</exception>
    public static LedgerAccount FromParts(AccountKind kind, PersonId? member, LoanId? loan)
    {
        Preconditions.CheckArgument(Enum.IsDefined(kind), nameof(kind), "Unknown account kind.");
        return kind switch
        {
            AccountKind.MemberSavings when member is { } m && loan is null => MemberSavings(m),
            AccountKind.LoanReceivable when member is { } b && loan is { } l => LoanReceivable(l, b),
            AccountKind.MemberSavings or AccountKind.LoanReceivable =>
                throw new ArgumentException("Member savings need a member; loan receivables need a loan and a borrower.", nameof(kind)),
            _ when member is null && loan is null => new LedgerAccount(kind, null, null),
            _ => throw new ArgumentException("Only member savings and loan receivables carry a member or a loan.", nameof(kind)),
        };
    }

    /// <summary>A short invariant name: <c>Cash</c>, <c>MemberSavings(…)</c>, <c>LoanReceivable(loan, borrower)</c>.</summary>
    public override string ToString() => Kind switch
    {
        AccountKind.MemberSavings => $"MemberSavings({Member})",
        AccountKind.LoanReceivable => $"LoanReceivable({Loan}, {Member})",
        _ => Kind.ToString(),
    };
}

/// <summary>One posting of a ledger entry: an account, a side and a positive whole-rupiah amount (SAV-07).</summary>
/// <remarks>The default value (zero amount) is not a valid leg; legs come from <see cref="Debit"/> and <see cref="Credit"/>.</remarks>
public readonly record struct LedgerLeg
{
    private LedgerLeg(LedgerAccount account, LegSide side, Rupiah amount)
    {
        Account = account;
        Side = side;
        Amount = amount;
    }

    /// <summary>The account posted to.</summary>
    public LedgerAccount Account { get; }

    /// <summary>Debit or credit.</summary>
    public LegSide Side { get; }

    /// <summary>The amount, strictly positive whole rupiah.</summary>
    public Rupiah Amount { get; }

    /// <summary>
    /// The change this leg makes to its account's balance on the account's normal side: positive when it
    /// increases the balance, negative when it decreases it.
    /// </summary>
    public long SignedAmount => (Side == LegSide.Debit) == Account.IsDebitNormal ? Amount.Amount : -Amount.Amount;

    /// <summary>A debit of <paramref name="amount"/> to <paramref name="account"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public static LedgerLeg Debit(LedgerAccount account, Rupiah amount) => new(account, LegSide.Debit, Positive(amount));

    /// <summary>A credit of <paramref name="amount"/> to <paramref name="account"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public static LedgerLeg Credit(LedgerAccount account, Rupiah amount) => new(account, LegSide.Credit, Positive(amount));

    // A leg of an amount already checked positive.
    internal static LedgerLeg DebitTrusted(LedgerAccount account, long amount) => new(account, LegSide.Debit, Rupiah.Of(amount));

    internal static LedgerLeg CreditTrusted(LedgerAccount account, long amount) => new(account, LegSide.Credit, Rupiah.Of(amount));

    /// <summary>The same amount on the other side of the same account (used by reversals).</summary>
    public LedgerLeg Mirror() => new(Account, Side == LegSide.Debit ? LegSide.Credit : LegSide.Debit, Amount);

    /// <summary>Builds a leg from its stored parts.</summary>
    /// <exception cref="ArgumentException">The side is undefined or the amount not positive.</exception>
    public static LedgerLeg FromParts(LedgerAccount account, LegSide side, Rupiah amount)
    {
        Preconditions.CheckArgument(side is LegSide.Debit or LegSide.Credit, nameof(side), "Unknown leg side.");
        return new LedgerLeg(account, side, Positive(amount));
    }

    /// <summary><c>Debit Cash Rp 5.000</c>.</summary>
    public override string ToString() => $"{Side} {Account} {Amount}";

    private static Rupiah Positive(Rupiah amount)
    {
        Preconditions.CheckArgumentRange(amount.Amount, 1, long.MaxValue, nameof(amount));
        return amount;
    }
}

/// <summary>Checks on strongly typed ids whose default value wraps the empty Guid.</summary>
internal static class IdGuard
{
    internal static PersonId Check(PersonId id, string paramName = "member")
    {
        Preconditions.CheckArgument(id.Value != Guid.Empty, paramName, "The member id must not be the default (empty) id.");
        return id;
    }

    internal static LoanId Check(LoanId id, string paramName = "loan")
    {
        Preconditions.CheckArgument(id.Value != Guid.Empty, paramName, "The loan id must not be the default (empty) id.");
        return id;
    }

    internal static EntryId Check(EntryId id, string paramName = "entry")
    {
        Preconditions.CheckArgument(id.Value != Guid.Empty, paramName, "The entry id must not be the default (empty) id.");
        return id;
    }

    internal static GroupId Check(GroupId id, string paramName = "group")
    {
        Preconditions.CheckArgument(id.Value != Guid.Empty, paramName, "The group id must not be the default (empty) id.");
        return id;
    }

    internal static MeetingId Check(MeetingId id, string paramName = "meeting")
    {
        Preconditions.CheckArgument(id.Value != Guid.Empty, paramName, "The meeting id must not be the default (empty) id.");
        return id;
    }
}
