using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Savings;

/// <summary>The operations the model-based tests throw at a ledger.</summary>
public enum OpKind
{
    Deposit,
    Withdraw,
    Profit,
    SpendIks,
    Grant,
    SpendGrant,
    Capital,
    Transfer,
    Expense,
    Disburse,
    Repay,
    Cover,
    Recover,
    Reverse,
    CloseWeek,
    BackDatedDeposit,
    Leave,
    Join,
}

/// <summary>One random operation; its integers are resolved against the model's state when it runs.</summary>
public sealed record LedgerOp(OpKind Kind, int A, int B, int C, int D, long Amount, int Days)
{
    public override string ToString() => $"{Kind}(A={A},B={B},C={C},D={D},Amount={Amount},+{Days}d)";
}

public static class LedgerOps
{
    /// <summary>Mostly positive amounts; sometimes zero or negative (SAV-07 refusals), sometimes large.</summary>
    public static Gen<long> Amount =>
        Gen.Frequency(
            (85, Gen.Choose(1, 60_000).Select(a => (long)a)),
            (8, Gen.Choose(60_001, 1_500_000).Select(a => (long)a)),
            (4, Gen.Constant(0L)),
            (3, Gen.Choose(-50_000, -1).Select(a => (long)a)));

    public static Gen<int> Days => Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Choose(2, 5)));

    public static Gen<OpKind> Kind => Gen.Frequency(
        (22, Gen.Constant(OpKind.Deposit)),
        (10, Gen.Constant(OpKind.Withdraw)),
        (3, Gen.Constant(OpKind.Profit)),
        (3, Gen.Constant(OpKind.SpendIks)),
        (2, Gen.Constant(OpKind.Grant)),
        (3, Gen.Constant(OpKind.SpendGrant)),
        (4, Gen.Constant(OpKind.Capital)),
        (4, Gen.Constant(OpKind.Transfer)),
        (2, Gen.Constant(OpKind.Expense)),
        (8, Gen.Constant(OpKind.Disburse)),
        (9, Gen.Constant(OpKind.Repay)),
        (5, Gen.Constant(OpKind.Cover)),
        (4, Gen.Constant(OpKind.Recover)),
        (7, Gen.Constant(OpKind.Reverse)),
        (4, Gen.Constant(OpKind.CloseWeek)),
        (3, Gen.Constant(OpKind.BackDatedDeposit)),
        (1, Gen.Constant(OpKind.Leave)),
        (1, Gen.Constant(OpKind.Join)));

    public static Gen<LedgerOp> Op =>
        from kind in Kind
        from a in Gen.Choose(0, 1_000_000)
        from b in Gen.Choose(0, 1_000_000)
        from c in Gen.Choose(0, 1_000_000)
        from d in Gen.Choose(0, 1_000_000)
        from amount in Amount
        from days in Days
        select new LedgerOp(kind, a, b, c, d, amount, days);

    public static Arbitrary<List<LedgerOp>> Sequence(int length) => Op.ListOf(length).Select(l => l.ToList()).ToArbitrary();
}

/// <summary>
/// A reference model of the savings ledger on plain dictionaries: it decides on its own whether each
/// operation must be accepted (dates, amounts, membership, IKS and fund rules, every balance ≥ 0) and what
/// every balance must then be. <see cref="Step"/> runs one operation on both and compares.
/// </summary>
public sealed class LedgerModel
{
    private readonly Dictionary<string, long> _balances = new(StringComparer.Ordinal);
    private readonly Dictionary<(LoanId, string), long> _claims = [];
    private readonly List<ModelEntry> _entries = [];
    private readonly Dictionary<LoanId, PersonId> _borrowers = [];
    private readonly List<LoanId> _loans = [];
    private readonly List<PersonId> _everMembers = [];
    private readonly PersonId _outsider = PersonId.New();
    private LocalDate _lastDate;
    private LocalDate? _closedThrough;
    private BookWeek _nextWeek;

    public LedgerModel(int members = 8)
    {
        Group = LedgerBuilders.Ksm(members);
        Ledger = LedgerBuilders.OpenLedger(Group);
        Today = Ledger.OpenedOn;
        _lastDate = Today;
        _nextWeek = Ledger.WeekOf(Today);
        _everMembers.AddRange(Group.Members);
        _entries.Add(new ModelEntry("opened", [], [], Reversible: false));
        foreach (var key in new[] { "cash", "iks", "grant", "fund", "income", "expenses" })
        {
            _balances[key] = 0;
        }
    }

    public TestGroup Group { get; }

    public SavingsLedger Ledger { get; }

    public LocalDate Today { get; private set; }

    public int Accepted { get; private set; }

    public int Refused { get; private set; }

    public IReadOnlyList<LoanId> Loans => _loans;

    public IReadOnlyList<PersonId> EverMembers => _everMembers;

    /// <summary>Runs <paramref name="op"/> on the ledger and the model and throws (Shouldly) on any difference.</summary>
    public void Step(LedgerOp op)
    {
        Today = Today.PlusDays(op.Days);
        var plan = MakePlan(op);
        if (plan is null)
        {
            return;
        }
        var countBefore = Ledger.Count;
        var hashBefore = Ledger.LastHash;
        var accept = plan.Ok && DateOk(plan.Date) && BalancesOk(plan.Deltas) && ClaimsOk(plan.Claims);
        bool refused;
        try
        {
            plan.Run(Ledger);
            refused = false;
        }
        catch (RuleViolationException)
        {
            refused = true;
        }
        refused.ShouldBe(!accept, $"{op} planned as {plan.Kind} on {plan.Date}: the ledger {(refused ? "refused" : "accepted")} it, the model {(accept ? "accepts" : "refuses")} it");
        if (accept)
        {
            Apply(plan);
            Accepted++;
        }
        else
        {
            Refused++;
            Ledger.Count.ShouldBe(countBefore, $"{op}: a refused operation added an entry");
            Ledger.LastHash.ShouldBe(hashBefore, $"{op}: a refused operation changed the chain");
        }
        CompareBalances(op);
    }

    /// <summary>Every balance of the ledger equals the model's, and SAV-03 holds.</summary>
    public void CompareBalances(object context)
    {
        var b = Ledger.Balances;
        Ledger.Count.ShouldBe(_entries.Count, $"{context}: entry count");
        b.Cash.Amount.ShouldBe(_balances["cash"], $"{context}: cash");
        b.Iks.Amount.ShouldBe(_balances["iks"], $"{context}: IKS");
        b.Grant.Amount.ShouldBe(_balances["grant"], $"{context}: grant");
        b.LoanFund.Amount.ShouldBe(_balances["fund"], $"{context}: loan fund");
        b.ServiceChargeIncome.Amount.ShouldBe(_balances["income"], $"{context}: income");
        b.Expenses.Amount.ShouldBe(_balances["expenses"], $"{context}: expenses");
        long savings = 0;
        foreach (var member in _everMembers)
        {
            var expected = _balances.GetValueOrDefault(SavingsKey(member));
            b.SavingsOf(member).Amount.ShouldBe(expected, $"{context}: savings of {member}");
            savings += expected;
        }
        b.MemberSavingsTotal.Amount.ShouldBe(savings, $"{context}: savings total");
        long outstanding = 0;
        foreach (var loan in _loans)
        {
            var expected = _balances.GetValueOrDefault(LoanKey(loan));
            b.OutstandingPrincipalOf(loan).Amount.ShouldBe(expected, $"{context}: outstanding of {loan}");
            outstanding += expected;
            b.RentengClaim(loan, RentengClaimant.Iks).Amount.ShouldBe(_claims.GetValueOrDefault((loan, "IKS")), $"{context}: IKS claim");
            foreach (var member in _everMembers)
            {
                b.RentengClaim(loan, RentengClaimant.OfMember(member)).Amount
                    .ShouldBe(_claims.GetValueOrDefault((loan, member.ToString())), $"{context}: member claim");
            }
        }
        b.OutstandingPrincipal.Amount.ShouldBe(outstanding, $"{context}: outstanding total");
        b.LoanFundAvailable.Amount.ShouldBe(_balances["fund"] - outstanding, $"{context}: loan fund available");
        b.IsConserved.ShouldBeTrue($"{context}: SAV-03 (running totals)");
        Ledger.CheckConservation().ShouldBeTrue($"{context}: SAV-03 (full)");
    }

    private static string SavingsKey(PersonId member) => "s:" + member;

    private static string LoanKey(LoanId loan) => "r:" + loan;

    private static string ClaimKey(RentengClaimant claimant) => claimant.IsIks ? "IKS" : claimant.Member!.Value.ToString();

    private bool DateOk(LocalDate date) =>
        date >= Ledger.OpenedOn && !(_closedThrough is { } c && date <= c) && date >= _lastDate;

    private bool BalancesOk(IReadOnlyList<(string Key, long Delta)> deltas)
    {
        var after = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, delta) in deltas)
        {
            after[key] = after.GetValueOrDefault(key, _balances.GetValueOrDefault(key)) + delta;
        }
        if (after.Values.Any(v => v < 0))
        {
            return false;
        }
        var fund = after.GetValueOrDefault("fund", _balances["fund"]);
        long outstanding = 0;
        foreach (var loan in _loans)
        {
            outstanding += after.GetValueOrDefault(LoanKey(loan), _balances.GetValueOrDefault(LoanKey(loan)));
        }
        foreach (var (key, value) in after)
        {
            if (key.StartsWith("r:", StringComparison.Ordinal) && !_loans.Any(l => LoanKey(l) == key))
            {
                outstanding += value;
            }
        }
        return fund - outstanding >= 0;
    }

    private bool ClaimsOk(IReadOnlyList<(LoanId Loan, string Claimant, long Delta)> claims) =>
        claims.All(c => _claims.GetValueOrDefault((c.Loan, c.Claimant)) + c.Delta >= 0);

    private void Apply(Plan plan)
    {
        foreach (var (key, delta) in plan.Deltas)
        {
            _balances[key] = _balances.GetValueOrDefault(key) + delta;
        }
        foreach (var (loan, claimant, delta) in plan.Claims)
        {
            _claims[(loan, claimant)] = _claims.GetValueOrDefault((loan, claimant)) + delta;
        }
        if (plan.NewLoan is { } newLoan)
        {
            _loans.Add(newLoan.Loan);
            _borrowers[newLoan.Loan] = newLoan.Borrower;
        }
        if (plan.Reverses is { } reversed)
        {
            _entries[reversed] = _entries[reversed] with { Reversed = true };
        }
        if (plan.ClosesWeek is { } week)
        {
            _closedThrough = week.End;
            _nextWeek = week.Next;
        }
        _lastDate = plan.Date;
        _entries.Add(new ModelEntry(plan.Kind, plan.Deltas, plan.Claims, plan.Reversible));
    }

    private Plan? MakePlan(LedgerOp op)
    {
        var members = Group.Members;
        var amount = Rupiah.Of(op.Amount);
        var a = op.Amount;
        var date = Today;
        switch (op.Kind)
        {
            case OpKind.Deposit:
            case OpKind.BackDatedDeposit:
                {
                    var pick = op.A % (members.Count + 1);
                    var member = pick == members.Count ? _outsider : members[pick];
                    if (op.Kind == OpKind.BackDatedDeposit)
                    {
                        date = Today.PlusDays(-1 - (op.B % 5));
                    }
                    return new Plan("deposit", date, l => l.Deposit(HostToday.Of(date), date, member, amount),
                        a > 0 && members.Contains(member),
                        [("cash", a), (SavingsKey(member), a)]);
                }
            case OpKind.Withdraw:
                {
                    var member = _everMembers[op.A % _everMembers.Count];
                    return new Plan("withdraw", date, l => l.Withdraw(HostToday.Of(date), date, member, amount), a > 0,
                        [(SavingsKey(member), -a), ("cash", -a)]);
                }
            case OpKind.Profit:
                {
                    var bp = Group.Profile.Savings.IksShareOfProfit.BasisPoints;
                    var share = a > 0 ? a * bp / 10_000 : 0;
                    return new Plan("profit", date, l => l.RecordBusinessProfit(HostToday.Of(date), date, amount), a > 0 && share > 0,
                        [("cash", share), ("iks", share)]);
                }
            case OpKind.SpendIks:
                return new Plan("iks spend", date, l => l.SpendIks(HostToday.Of(date), date, amount, "bantuan warga miskin"), a > 0,
                    [("iks", -a), ("cash", -a)]);
            case OpKind.Grant:
                return new Plan("grant", date, l => l.CreditGrant(HostToday.Of(date), date, amount), a > 0, [("cash", a), ("grant", a)]);
            case OpKind.SpendGrant:
                return new Plan("grant spend", date, l => l.SpendGrant(HostToday.Of(date), date, amount, "KW-" + op.B), a > 0,
                    [("grant", -a), ("cash", -a)]);
            case OpKind.Capital:
                return new Plan("capital", date, l => l.AddLoanCapital(HostToday.Of(date), date, amount), a > 0, [("cash", a), ("fund", a)]);
            case OpKind.Expense:
                return new Plan("expense", date, l => l.RecordExpense(HostToday.Of(date), date, amount), a > 0, [("expenses", a), ("cash", -a)]);
            case OpKind.Transfer:
                {
                    var (from, fromKey) = Fund(op.A, op.B);
                    var (to, toKey) = Fund(op.C, op.D);
                    if (from == to)
                    {
                        (to, toKey) = Fund(op.C + 1, op.D);
                    }
                    if (from.Kind == AccountKind.MemberSavings && to.Kind == AccountKind.MemberSavings)
                    {
                        (to, toKey) = (LedgerAccount.LoanFund, "fund");
                    }
                    var allowed = from.Kind != AccountKind.Iks && to.Kind != AccountKind.MemberSavings;
                    return new Plan("transfer", date, l => l.TransferBetweenFunds(HostToday.Of(date), date, from, to, amount), a > 0 && allowed,
                        [(fromKey, -a), (toKey, a)]);
                }
            case OpKind.Disburse:
                {
                    LoanId loan;
                    PersonId borrower;
                    (LoanId, PersonId)? newLoan = null;
                    if (_loans.Count > 0 && op.A % 4 == 0)
                    {
                        loan = _loans[op.B % _loans.Count];
                        borrower = _borrowers[loan];
                    }
                    else
                    {
                        loan = LoanId.New();
                        borrower = members[op.B % members.Count];
                        newLoan = (loan, borrower);
                    }
                    return new Plan("disburse", date, l => l.DisburseLoan(HostToday.Of(date), date, loan, borrower, amount), a > 0 && members.Contains(borrower),
                        [(LoanKey(loan), a), ("cash", -a)])
                    { NewLoan = newLoan };
                }
            case OpKind.Repay:
                {
                    if (_loans.Count == 0)
                    {
                        return null;
                    }
                    var loan = _loans[op.A % _loans.Count];
                    var principal = op.Amount;
                    var jasa = (long)(op.C % 4) == 0 ? 0 : op.C % 20_000;
                    var ok = principal >= 0 && (principal > 0 || jasa > 0);
                    return new Plan("repay", date, l => l.RecordRepayment(HostToday.Of(date), date, loan, Rupiah.Of(principal), Rupiah.Of(jasa)), ok,
                        [("cash", principal + jasa), (LoanKey(loan), -principal), ("income", jasa)]);
                }
            case OpKind.Cover:
                {
                    if (_loans.Count == 0)
                    {
                        return null;
                    }
                    var loan = _loans[op.A % _loans.Count];
                    var borrower = _borrowers[loan];
                    var mask = (op.B % 7) + 1;
                    var contributions = new List<RentengContribution>();
                    var deltas = new List<(string, long)>();
                    var claims = new List<(LoanId, string, long)>();
                    if ((mask & 1) != 0)
                    {
                        var c = (op.C % 40_000) + 1L;
                        contributions.Add(RentengContribution.FromBorrowerSavings(Rupiah.Of(c)));
                        deltas.Add((SavingsKey(borrower), -c));
                    }
                    if ((mask & 2) != 0)
                    {
                        var c = (op.D % 30_000) + 1L;
                        contributions.Add(RentengContribution.FromIks(Rupiah.Of(c)));
                        deltas.Add(("iks", -c));
                        claims.Add((loan, "IKS", c));
                    }
                    if ((mask & 4) != 0)
                    {
                        var others = members.Where(m => m != borrower).ToList();
                        for (var k = 0; k < Math.Min(2, others.Count); k++)
                        {
                            var other = others[(op.C + k) % others.Count];
                            if (contributions.Any(x => x.Member == other))
                            {
                                continue;
                            }
                            var c = (Math.Abs(op.Amount) % 25_000) + 1 + k;
                            contributions.Add(RentengContribution.FromMemberSavings(other, Rupiah.Of(c)));
                            deltas.Add((SavingsKey(other), -c));
                            claims.Add((loan, other.ToString(), c));
                        }
                    }
                    var total = contributions.Sum(x => x.Amount.Amount);
                    var principal = total * (op.A % 101) / 100;
                    var jasa = total - principal;
                    deltas.Add((LoanKey(loan), -principal));
                    deltas.Add(("income", jasa));
                    return new Plan("cover", date, l => l.CoverArrears(HostToday.Of(date), date, loan, Rupiah.Of(principal), Rupiah.Of(jasa), contributions), true, deltas)
                    {
                        Claims = claims,
                    };
                }
            case OpKind.Recover:
                {
                    if (_loans.Count == 0)
                    {
                        return null;
                    }
                    var loan = _loans[op.A % _loans.Count];
                    var withClaims = _claims.Where(c => c.Key.Item1 == loan && c.Value > 0).Select(c => c.Key.Item2).ToList();
                    RentengClaimant claimant;
                    if (op.B % 3 == 0 || withClaims.Count == 0)
                    {
                        claimant = op.C % 2 == 0 ? RentengClaimant.Iks : RentengClaimant.OfMember(_everMembers[op.C % _everMembers.Count]);
                    }
                    else
                    {
                        var key = withClaims[op.C % withClaims.Count];
                        claimant = key == "IKS" ? RentengClaimant.Iks : RentengClaimant.OfMember(PersonId.Parse(key));
                    }
                    if (claimant.Member == _borrowers[loan])
                    {
                        claimant = RentengClaimant.Iks;
                    }
                    var claimKey = ClaimKey(claimant);
                    var recovered = op.B % 2 == 0 ? Math.Min(a, Math.Max(1, _claims.GetValueOrDefault((loan, claimKey)))) : a;
                    var accountKey = claimant.IsIks ? "iks" : SavingsKey(claimant.Member!.Value);
                    return new Plan("recover", date, l => l.RecoverCover(HostToday.Of(date), date, loan, claimant, Rupiah.Of(recovered)), recovered > 0,
                        [("cash", recovered), (accountKey, recovered)])
                    {
                        Claims = [(loan, claimKey, -recovered)],
                    };
                }
            case OpKind.Reverse:
                {
                    if (_entries.Count < 2)
                    {
                        return null;
                    }
                    var index = 1 + (op.A % (_entries.Count - 1));
                    var original = _entries[index];
                    var id = Ledger.Entries[index].Id;
                    return new Plan("reversal", date, l => l.Reverse(HostToday.Of(date), date, id, "koreksi"), original.Reversible && !original.Reversed,
                        original.Deltas.Select(d => (d.Key, -d.Delta)).ToList())
                    {
                        Claims = original.Claims.Select(c => (c.Loan, c.Claimant, -c.Delta)).ToList(),
                        Reversible = false,
                        Reverses = index,
                    };
                }
            case OpKind.CloseWeek:
                {
                    var week = op.A % 6 == 0 ? _nextWeek.Next : _nextWeek;
                    return new Plan("close", date, l => l.CloseWeek(HostToday.Of(date), week, date), week == _nextWeek && date >= week.End, [])
                    {
                        Reversible = false,
                        ClosesWeek = week,
                    };
                }
            case OpKind.Leave:
                {
                    if (members.Count <= 4)
                    {
                        return null;
                    }
                    Group.Leave(members[3 + (op.A % (members.Count - 3))]);
                    return null;
                }
            case OpKind.Join:
                _everMembers.Add(Group.Join());
                return null;
            default:
                throw new InvalidOperationException("Unknown op.");
        }
    }

    private (LedgerAccount Account, string Key) Fund(int choice, int member) => (choice % 4) switch
    {
        0 => (LedgerAccount.Grant, "grant"),
        1 => (LedgerAccount.LoanFund, "fund"),
        2 => (LedgerAccount.Iks, "iks"),
        _ => (LedgerAccount.MemberSavings(_everMembers[member % _everMembers.Count]), SavingsKey(_everMembers[member % _everMembers.Count])),
    };

    private sealed record ModelEntry(
        string Kind,
        IReadOnlyList<(string Key, long Delta)> Deltas,
        IReadOnlyList<(LoanId Loan, string Claimant, long Delta)> Claims,
        bool Reversible,
        bool Reversed = false);

    private sealed record Plan(string Kind, LocalDate Date, Action<SavingsLedger> Run, bool Ok, IReadOnlyList<(string Key, long Delta)> Deltas)
    {
        public IReadOnlyList<(LoanId Loan, string Claimant, long Delta)> Claims { get; init; } = [];

        public bool Reversible { get; init; } = true;

        public int? Reverses { get; init; }

        public BookWeek? ClosesWeek { get; init; }

        public (LoanId Loan, PersonId Borrower)? NewLoan { get; init; }
    }
}
