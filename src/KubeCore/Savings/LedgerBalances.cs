using System.Runtime.InteropServices;
using KubeCore.Common;
using KubeCore.Rules;

namespace KubeCore.Savings;

/// <summary>
/// The running balances of a savings ledger (or of a dated snapshot of it), each on its account's normal
/// side and never negative (SAV-02). Every read is O(1): balances are maintained per account as entries
/// are appended, so a member's balance costs the same whatever the ledger's size.
/// </summary>
/// <remarks>
/// <para>SAV-03 (conservation) holds by construction of double entry:
/// <c>Cash = MemberSavingsTotal + Iks + Grant + LoanFund − OutstandingPrincipal + ServiceChargeIncome − Expenses</c>.
/// <see cref="IsConserved"/> checks it in O(1) from the running totals; <see cref="CheckConservation"/> also
/// re-adds every member and loan balance.</para>
/// <para>The object returned by <see cref="SavingsLedger.Balances"/> is a live view of the ledger; a snapshot's is frozen.</para>
/// </remarks>
public sealed class LedgerBalances
{
    private readonly Dictionary<PersonId, long> _savings = [];
    private readonly Dictionary<LoanId, LoanPosition> _loans = [];
    private readonly Dictionary<PersonId, long> _memberOutstanding = [];
    private readonly Dictionary<(LoanId Loan, RentengClaimant Claimant), long> _claims = [];
    private long _cash;
    private long _savingsTotal;
    private long _iks;
    private long _grant;
    private long _loanFund;
    private long _outstanding;
    private long _income;
    private long _expenses;

    internal LedgerBalances()
    {
    }

    // A copy that shares nothing mutable with `other` (a ledger caught up from an earlier one leaves that one as it was).
    private LedgerBalances(LedgerBalances other)
    {
        _savings = new(other._savings);
        _loans = new(other._loans);
        _memberOutstanding = new(other._memberOutstanding);
        _claims = new(other._claims);
        (_cash, _savingsTotal, _iks, _grant) = (other._cash, other._savingsTotal, other._iks, other._grant);
        (_loanFund, _outstanding, _income, _expenses) = (other._loanFund, other._outstanding, other._income, other._expenses);
    }

    /// <summary>A copy of these balances that can change without changing them.</summary>
    internal LedgerBalances Copy() => new(this);

    /// <summary>Group cash (kas), whole rupiah, ≥ 0.</summary>
    public Rupiah Cash => Rupiah.Of(_cash);

    /// <summary>The sum of every member's savings, ≥ 0.</summary>
    public Rupiah MemberSavingsTotal => Rupiah.Of(_savingsTotal);

    /// <summary>The IKS solidarity fund, ≥ 0.</summary>
    public Rupiah Iks => Rupiah.Of(_iks);

    /// <summary>The unspent aid grant, ≥ 0.</summary>
    public Rupiah Grant => Rupiah.Of(_grant);

    /// <summary>The loan fund's capital (money lent out included), ≥ 0.</summary>
    public Rupiah LoanFund => Rupiah.Of(_loanFund);

    /// <summary>The outstanding principal of every loan, ≥ 0.</summary>
    public Rupiah OutstandingPrincipal => Rupiah.Of(_outstanding);

    /// <summary>
    /// The loan fund's available amount: <see cref="LoanFund"/> − <see cref="OutstandingPrincipal"/>, ≥ 0. This is
    /// what LOAN-06 calls the loan fund's "available cash": capital not currently lent out. Repaid principal
    /// comes back into it (LOAN-09). A disbursement also needs that much <see cref="Cash"/>; see <see cref="MaxDisbursement"/>.
    /// </summary>
    public Rupiah LoanFundAvailable => Rupiah.Of(_loanFund - _outstanding);

    /// <summary>The rule <see cref="LoanFundAvailable"/> computes: repaid principal revolves back into the loan fund.</summary>
    public static RuleId RevolvingRule => RuleIds.Loan09;

    /// <summary>The rule <see cref="IsConserved"/> and <see cref="CheckConservation"/> check: the conservation of group cash.</summary>
    public static RuleId ConservationRule => RuleIds.Sav03;

    /// <summary>
    /// The largest disbursement the ledger accepts now: the smaller of <see cref="LoanFundAvailable"/> and
    /// <see cref="Cash"/> (cash can be lower when expenses have exceeded service-charge income).
    /// </summary>
    public Rupiah MaxDisbursement => Rupiah.Of(Math.Min(_loanFund - _outstanding, _cash));

    /// <summary>Collected service charges (jasa), cumulative, ≥ 0.</summary>
    public Rupiah ServiceChargeIncome => Rupiah.Of(_income);

    /// <summary>Expenses paid, cumulative, ≥ 0.</summary>
    public Rupiah Expenses => Rupiah.Of(_expenses);

    /// <summary>The savings of <paramref name="member"/>; zero for a member who never saved. O(1).</summary>
    public Rupiah SavingsOf(PersonId member) => Rupiah.Of(_savings.GetValueOrDefault(member));

    /// <summary>The outstanding principal of <paramref name="loan"/>; zero for an unknown or repaid loan. O(1).</summary>
    public Rupiah OutstandingPrincipalOf(LoanId loan) => Rupiah.Of(_loans.TryGetValue(loan, out var position) ? position.Outstanding : 0);

    /// <summary>The outstanding principal of every loan of <paramref name="borrower"/>. O(1).</summary>
    public Rupiah OutstandingPrincipalOfMember(PersonId borrower) => Rupiah.Of(_memberOutstanding.GetValueOrDefault(borrower));

    /// <summary>The borrower of <paramref name="loan"/>, or null when the loan was never disbursed.</summary>
    public PersonId? BorrowerOf(LoanId loan) => _loans.TryGetValue(loan, out var position) ? position.Borrower : null;

    /// <summary>
    /// What <paramref name="claimant"/> covered of <paramref name="loan"/>'s arrears under tanggung renteng
    /// and has not yet recovered (LOAN-08), ≥ 0.
    /// </summary>
    public Rupiah RentengClaim(LoanId loan, RentengClaimant claimant) => Rupiah.Of(_claims.GetValueOrDefault((loan, claimant)));

    /// <summary>Every open renteng claim on <paramref name="loan"/> (claimants with a positive claim).</summary>
    public IReadOnlyList<(RentengClaimant Claimant, Rupiah Claim)> RentengClaimsOn(LoanId loan)
    {
        var result = new List<(RentengClaimant, Rupiah)>();
        foreach (var ((claimLoan, claimant), amount) in _claims)
        {
            if (claimLoan == loan && amount > 0)
            {
                result.Add((claimant, Rupiah.Of(amount)));
            }
        }
        return result;
    }

    /// <summary>The balance of any account on its normal side. O(1).</summary>
    public Rupiah BalanceOf(LedgerAccount account) => Rupiah.Of(Raw(account));

    /// <summary>Every member who has (or had) a savings account, with their balance.</summary>
    public IReadOnlyList<(PersonId Member, Rupiah Savings)> Savers
    {
        get
        {
            var result = new List<(PersonId, Rupiah)>(_savings.Count);
            foreach (var (member, amount) in _savings)
            {
                result.Add((member, Rupiah.Of(amount)));
            }
            return result;
        }
    }

    /// <summary>Every loan ever disbursed, with its borrower and outstanding principal.</summary>
    public IReadOnlyList<(LoanId Loan, PersonId Borrower, Rupiah Outstanding)> Loans
    {
        get
        {
            var result = new List<(LoanId, PersonId, Rupiah)>(_loans.Count);
            foreach (var (loan, position) in _loans)
            {
                result.Add((loan, position.Borrower, Rupiah.Of(position.Outstanding)));
            }
            return result;
        }
    }

    /// <summary>SAV-03 from the running totals, O(1): cash equals the right-hand side of the identity.</summary>
    public bool IsConserved =>
        _cash == _savingsTotal + _iks + _grant + _loanFund - _outstanding + _income - _expenses;

    /// <summary>
    /// SAV-03 in full: the identity holds, every per-member and per-loan balance adds up to its total, and no
    /// balance is negative (SAV-02). O(members + loans).
    /// </summary>
    public bool CheckConservation()
    {
        long savings = 0;
        foreach (var amount in _savings.Values)
        {
            if (amount < 0)
            {
                return false;
            }
            savings += amount;
        }
        long outstanding = 0;
        var byMember = new Dictionary<PersonId, long>();
        foreach (var position in _loans.Values)
        {
            if (position.Outstanding < 0)
            {
                return false;
            }
            outstanding += position.Outstanding;
            CollectionsMarshal.GetValueRefOrAddDefault(byMember, position.Borrower, out _) += position.Outstanding;
        }
        foreach (var (member, amount) in _memberOutstanding)
        {
            if (byMember.GetValueOrDefault(member) != amount)
            {
                return false;
            }
        }
        foreach (var claim in _claims.Values)
        {
            if (claim < 0)
            {
                return false;
            }
        }
        return IsConserved
            && savings == _savingsTotal
            && outstanding == _outstanding
            && _cash >= 0 && _iks >= 0 && _grant >= 0 && _income >= 0 && _expenses >= 0
            && _loanFund - _outstanding >= 0;
    }

    internal long Raw(LedgerAccount account) => account.Kind switch
    {
        AccountKind.Cash => _cash,
        AccountKind.MemberSavings => _savings.GetValueOrDefault(account.Member!.Value),
        AccountKind.Iks => _iks,
        AccountKind.Grant => _grant,
        AccountKind.LoanFund => _loanFund,
        AccountKind.LoanReceivable => _loans.TryGetValue(account.Loan!.Value, out var position) ? position.Outstanding : 0,
        AccountKind.ServiceChargeIncome => _income,
        AccountKind.Expenses => _expenses,
        _ => throw new InvalidOperationException("Unknown account kind."),
    };

    internal long ClaimRaw(LoanId loan, RentengClaimant claimant) => _claims.GetValueOrDefault((loan, claimant));

    /// <summary>
    /// Null when posting <paramref name="legs"/> keeps every balance non-negative (SAV-02), else the first
    /// violation. Legs on the same account are netted first.
    /// </summary>
    internal RuleViolation? Check(ReadOnlySpan<LedgerLeg> legs)
    {
        long loanFundDelta = 0;
        long outstandingDelta = 0;
        for (var i = 0; i < legs.Length; i++)
        {
            var account = legs[i].Account;
            var signed = legs[i].SignedAmount;
            if (account.Kind == AccountKind.LoanFund)
            {
                loanFundDelta += signed;
            }
            else if (account.Kind == AccountKind.LoanReceivable)
            {
                outstandingDelta += signed;
            }
            var seenBefore = false;
            for (var j = 0; j < i; j++)
            {
                if (legs[j].Account == account)
                {
                    seenBefore = true;
                    break;
                }
            }
            if (seenBefore)
            {
                continue;
            }
            var delta = signed;
            for (var j = i + 1; j < legs.Length; j++)
            {
                if (legs[j].Account == account)
                {
                    delta += legs[j].SignedAmount;
                }
            }
            if (delta >= 0)
            {
                continue;
            }
            var balance = Raw(account);
            if (checked(balance + delta) < 0)
            {
                return Shortfall(account, balance, -delta);
            }
        }
        if (loanFundDelta - outstandingDelta < 0)
        {
            var available = _loanFund - _outstanding;
            var after = checked(available + loanFundDelta - outstandingDelta);
            if (after < 0)
            {
                return RuleViolation.Of(RuleIds.Sav02, SavingsErrors.InsufficientLoanFund,
                    ("Available", Rupiah.Of(available)), ("Amount", Rupiah.Of(outstandingDelta - loanFundDelta)));
            }
        }
        return null;
    }

    /// <summary>Null when the claim changes keep every claim non-negative, else the violation.</summary>
    internal RuleViolation? CheckClaims(LoanId loan, ReadOnlySpan<(RentengClaimant Claimant, long Delta)> changes)
    {
        foreach (var (claimant, delta) in changes)
        {
            var claim = _claims.GetValueOrDefault((loan, claimant));
            if (checked(claim + delta) < 0)
            {
                return RuleViolation.Of(RuleIds.Sav02, SavingsErrors.RecoveryAboveClaim,
                    ("Loan", loan), ("Claimant", claimant), ("Claim", Rupiah.Of(claim)), ("Amount", Rupiah.Of(-delta)));
            }
        }
        return null;
    }

    internal void Apply(ReadOnlySpan<LedgerLeg> legs)
    {
        foreach (var leg in legs)
        {
            var signed = leg.SignedAmount;
            var account = leg.Account;
            switch (account.Kind)
            {
                case AccountKind.Cash:
                    _cash = checked(_cash + signed);
                    break;
                case AccountKind.MemberSavings:
                    ref var savings = ref CollectionsMarshal.GetValueRefOrAddDefault(_savings, account.KnownMember, out _);
                    savings = checked(savings + signed);
                    _savingsTotal = checked(_savingsTotal + signed);
                    break;
                case AccountKind.Iks:
                    _iks = checked(_iks + signed);
                    break;
                case AccountKind.Grant:
                    _grant = checked(_grant + signed);
                    break;
                case AccountKind.LoanFund:
                    _loanFund = checked(_loanFund + signed);
                    break;
                case AccountKind.LoanReceivable:
                    var borrower = account.KnownMember;
                    ref var position = ref CollectionsMarshal.GetValueRefOrAddDefault(_loans, account.KnownLoan, out _);
                    position = new LoanPosition(borrower, checked(position.Outstanding + signed));
                    ref var byMember = ref CollectionsMarshal.GetValueRefOrAddDefault(_memberOutstanding, borrower, out _);
                    byMember = checked(byMember + signed);
                    _outstanding = checked(_outstanding + signed);
                    break;
                case AccountKind.ServiceChargeIncome:
                    _income = checked(_income + signed);
                    break;
                case AccountKind.Expenses:
                    _expenses = checked(_expenses + signed);
                    break;
                default:
                    throw new InvalidOperationException("Unknown account kind.");
            }
        }
    }

    internal void ApplyClaims(LoanId loan, ReadOnlySpan<(RentengClaimant Claimant, long Delta)> changes)
    {
        foreach (var (claimant, delta) in changes)
        {
            ref var claim = ref CollectionsMarshal.GetValueRefOrAddDefault(_claims, (loan, claimant), out _);
            claim = checked(claim + delta);
        }
    }

    private static RuleViolation Shortfall(LedgerAccount account, long balance, long amount) => account.Kind switch
    {
        AccountKind.Cash => RuleViolation.Of(RuleIds.Sav02, SavingsErrors.InsufficientCash,
            ("Balance", Rupiah.Of(balance)), ("Amount", Rupiah.Of(amount))),
        AccountKind.MemberSavings => RuleViolation.Of(RuleIds.Sav02, SavingsErrors.InsufficientSavings,
            ("Member", account.Member), ("Balance", Rupiah.Of(balance)), ("Amount", Rupiah.Of(amount))),
        AccountKind.LoanReceivable => RuleViolation.Of(RuleIds.Sav02, SavingsErrors.AboveOutstandingPrincipal,
            ("Loan", account.Loan), ("Outstanding", Rupiah.Of(balance)), ("Amount", Rupiah.Of(amount))),
        _ => RuleViolation.Of(RuleIds.Sav02, SavingsErrors.InsufficientFund,
            ("Fund", account.Kind), ("Balance", Rupiah.Of(balance)), ("Amount", Rupiah.Of(amount))),
    };

    private readonly record struct LoanPosition(PersonId Borrower, long Outstanding);
}
