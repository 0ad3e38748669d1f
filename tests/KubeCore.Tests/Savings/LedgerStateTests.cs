using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Savings;

/// <summary>The kinds of operation the state tests post (valid and invalid ones).</summary>
public enum StateOpKind
{
    Deposit,
    OutsiderDeposit,
    Withdraw,
    Profit,
    SpendIksText,
    SpendIksForMember,
    SpendIksAsDividend,
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
    BackDated,
}

/// <summary>One operation; its integers are resolved against the run's state when it runs.</summary>
public sealed record StateOp(StateOpKind Kind, int A, int B, long Amount, int Days)
{
    public override string ToString() => $"{Kind}(A={A},B={B},Amount={Amount},+{Days}d)";
}

/// <summary>A history of operations and the step at which it is saved and restored (or its changes start being taken).</summary>
public sealed record LedgerStateCase(IReadOnlyList<StateOp> Ops, int Cut)
{
    public override string ToString() => $"cut at {Cut} of [{string.Join("; ", Ops)}]";
}

public static class LedgerStateArbitraries
{
    private static Gen<StateOp> Op =>
        from kind in Gen.Frequency(
            (20, Gen.Constant(StateOpKind.Deposit)), (2, Gen.Constant(StateOpKind.OutsiderDeposit)), (8, Gen.Constant(StateOpKind.Withdraw)),
            (4, Gen.Constant(StateOpKind.Profit)), (2, Gen.Constant(StateOpKind.SpendIksText)), (2, Gen.Constant(StateOpKind.SpendIksForMember)),
            (1, Gen.Constant(StateOpKind.SpendIksAsDividend)), (3, Gen.Constant(StateOpKind.Grant)), (3, Gen.Constant(StateOpKind.SpendGrant)),
            (4, Gen.Constant(StateOpKind.Capital)), (3, Gen.Constant(StateOpKind.Transfer)), (2, Gen.Constant(StateOpKind.Expense)),
            (6, Gen.Constant(StateOpKind.Disburse)), (6, Gen.Constant(StateOpKind.Repay)), (4, Gen.Constant(StateOpKind.Cover)),
            (3, Gen.Constant(StateOpKind.Recover)), (6, Gen.Constant(StateOpKind.Reverse)), (4, Gen.Constant(StateOpKind.CloseWeek)),
            (2, Gen.Constant(StateOpKind.BackDated)))
        from a in Gen.Choose(0, 1_000_000)
        from b in Gen.Choose(0, 1_000_000)
        from amount in Gen.Frequency((88, Gen.Choose(1, 80_000).Select(x => (long)x)), (6, Gen.Constant(0L)), (6, Gen.Choose(-9_000, -1).Select(x => (long)x)))
        from days in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Choose(2, 6)))
        select new StateOp(kind, a, b, amount, days);

    public static Arbitrary<LedgerStateCase> Cases() =>
        (from length in Gen.Choose(20, 90)
         from ops in Op.ListOf(length)
         from cut in Gen.Choose(0, length)
         select new LedgerStateCase(ops.ToList(), cut)).ToArbitrary();
}

/// <summary>
/// Runs <see cref="StateOp"/>s on a ledger and records each outcome (the entry's id and hash, or the refusal's codes).
/// Everything it derives (loan ids, dates) comes from the operations and earlier outcomes, so two runs of the same
/// operations that see the same outcomes make the same calls.
/// </summary>
public sealed class LedgerScript(TestGroup group, SavingsLedger ledger)
{
    private static readonly LocalDate Start = LedgerBuilders.GuyubRukunStart;
    private readonly List<(LoanId Loan, PersonId Borrower)> _loans = [];
    private readonly PersonId _outsider = new(Guid.Parse("0d0d0d0d-0000-4000-8000-00000000000d"));

    public SavingsLedger Ledger { get; set; } = ledger;

    public LocalDate Today { get; private set; } = Start;

    public static TestGroup NewGroup() => new(ProgramProfiles.KsmP2kp, 8);

    public string Step(StateOp op, int index)
    {
        Today = Today.PlusDays(op.Days);
        var today = HostToday.Of(Today);
        var date = Today;
        var members = group.Members;
        var member = members[op.A % members.Count];
        var amount = Rupiah.Of(op.Amount);
        try
        {
            LedgerEntry? entry = null;
            switch (op.Kind)
            {
                case StateOpKind.Deposit:
                    entry = Ledger.Deposit(today, date, member, amount, "KW-" + index);
                    break;
                case StateOpKind.OutsiderDeposit:
                    entry = Ledger.Deposit(today, date, _outsider, amount);
                    break;
                case StateOpKind.BackDated:
                    entry = Ledger.Deposit(today, date.PlusDays(-1 - (op.B % 8)), member, amount);
                    break;
                case StateOpKind.Withdraw:
                    entry = Ledger.Withdraw(today, date, member, amount);
                    break;
                case StateOpKind.Profit:
                    entry = Ledger.RecordBusinessProfit(today, date, Rupiah.Of(op.Amount * 10));
                    break;
                case StateOpKind.SpendIksText:
                    entry = Ledger.SpendIks(today, date, amount, "bantuan warga miskin");
                    break;
                case StateOpKind.SpendIksForMember:
                    entry = Ledger.SpendIks(today, date, amount, op.B % 2 == 0 ? IksPurpose.SocialNeed : IksPurpose.CommunityActivity, "biaya berobat", op.B % 3 == 0 ? null : member);
                    break;
                case StateOpKind.SpendIksAsDividend:
                    entry = Ledger.SpendIks(today, date, amount, IksPurpose.ProfitShare, "bagi hasil");
                    break;
                case StateOpKind.Grant:
                    entry = Ledger.CreditGrant(today, date, amount);
                    break;
                case StateOpKind.SpendGrant:
                    entry = Ledger.SpendGrant(today, date, amount, "NOTA-" + op.B, op.B % 2 == 0 ? "bahan" : null);
                    break;
                case StateOpKind.Capital:
                    entry = Ledger.AddLoanCapital(today, date, Rupiah.Of(op.Amount * 5));
                    break;
                case StateOpKind.Transfer:
                    {
                        LedgerAccount[] funds = [LedgerAccount.Grant, LedgerAccount.LoanFund, LedgerAccount.Iks, LedgerAccount.MemberSavings(member)];
                        var from = funds[op.A % 4];
                        var to = funds[op.B % 4] == from ? funds[(op.B + 1) % 4] : funds[op.B % 4];
                        entry = Ledger.TransferBetweenFunds(today, date, from, to, amount);
                        break;
                    }
                case StateOpKind.Expense:
                    entry = Ledger.RecordExpense(today, date, amount, null, "ATK");
                    break;
                case StateOpKind.Disburse:
                    {
                        var (loan, borrower) = _loans.Count > 0 && op.B % 3 == 0
                            ? _loans[op.A % _loans.Count]
                            : (new LoanId(new Guid(index + 1, 7, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 1)), member);
                        entry = Ledger.DisburseLoan(today, date, loan, borrower, amount);
                        if (!_loans.Contains((loan, borrower)))
                        {
                            _loans.Add((loan, borrower));
                        }
                        break;
                    }
                case StateOpKind.Repay:
                    if (_loans.Count == 0)
                    {
                        return "skip";
                    }
                    entry = Ledger.RecordRepayment(today, date, _loans[op.A % _loans.Count].Loan, amount, Rupiah.Of(op.B % 3 == 0 ? 0 : op.B % 5_000));
                    break;
                case StateOpKind.Cover:
                    {
                        if (_loans.Count == 0)
                        {
                            return "skip";
                        }
                        var (loan, borrower) = _loans[op.A % _loans.Count];
                        var other = members.First(m => m != borrower);
                        var own = (op.B % 9_000) + 1;
                        var iks = (op.Amount is > 0 ? op.Amount % 7_000 : 0) + 1;
                        var fromOther = op.B % 2 == 0 ? (op.B % 3_000) + 1 : 0;
                        var contributions = new List<RentengContribution>
                        {
                            RentengContribution.FromBorrowerSavings(Rupiah.Of(own)),
                            RentengContribution.FromIks(Rupiah.Of(iks)),
                        };
                        if (fromOther > 0)
                        {
                            contributions.Add(RentengContribution.FromMemberSavings(other, Rupiah.Of(fromOther)));
                        }
                        var total = own + iks + fromOther;
                        var principal = total * (op.A % 101) / 100;
                        entry = Ledger.CoverArrears(today, date, loan, Rupiah.Of(principal), Rupiah.Of(total - principal), contributions);
                        break;
                    }
                case StateOpKind.Recover:
                    {
                        if (_loans.Count == 0)
                        {
                            return "skip";
                        }
                        var (loan, borrower) = _loans[op.A % _loans.Count];
                        var claimant = op.B % 2 == 0 ? RentengClaimant.Iks : RentengClaimant.OfMember(members.First(m => m != borrower));
                        entry = Ledger.RecoverCover(today, date, loan, claimant, amount);
                        break;
                    }
                case StateOpKind.Reverse:
                    {
                        var target = Ledger.Entries[op.A % Ledger.Count].Id;
                        entry = Ledger.Reverse(today, date, target, "salah catat");
                        break;
                    }
                case StateOpKind.CloseWeek:
                    {
                        var week = op.B % 5 == 0 ? Ledger.NextWeekToClose.Next : Ledger.NextWeekToClose;
                        var close = Ledger.CloseWeek(today, week, date);
                        return $"closed {week.Start} {close.CloseEntry} {Ledger.LastHash}";
                    }
                default:
                    throw new InvalidOperationException("unknown op");
            }
            return $"ok {entry.Id} {entry.Hash}";
        }
        catch (RuleViolationException e)
        {
            return "refused " + string.Join(",", e.Violations.Select(v => v.ErrorCode));
        }
    }
}

/// <summary>
/// Issue #13 for the savings ledger: its state is stored by the host and restored without re-running any rule;
/// a restored ledger behaves exactly like the one that was never stored.
/// </summary>
[Trait("Category", "State")]
public sealed class LedgerStateTests
{
    private static readonly LocalDate Start = LedgerBuilders.GuyubRukunStart;

    private static readonly EntryId OpeningId = new(Guid.Parse("3f6c1a52-9d0e-4b7a-8c21-5e4f3a2b1c0d"));

    private static LedgerState Saved(SavingsLedger ledger) => StateJson.RoundTrip(ledger.ToState());

    [Property(MaxTest = 100, Arbitrary = [typeof(LedgerStateArbitraries)])]
    public bool A_ledger_saved_and_restored_at_any_step_gives_every_later_operation_the_same_outcome_and_ends_in_the_same_state(LedgerStateCase c)
    {
        var group = LedgerScript.NewGroup();
        var live = new LedgerScript(group, SavingsLedger.Open(group, Start, OpeningId));
        var stored = new LedgerScript(group, SavingsLedger.Open(group, Start, OpeningId));
        for (var i = 0; i < c.Ops.Count; i++)
        {
            if (i == c.Cut)
            {
                stored.Ledger = SavingsLedger.Restore(Saved(stored.Ledger), group);
            }
            var expected = live.Step(c.Ops[i], i);
            stored.Step(c.Ops[i], i).ShouldBe(expected, $"step {i}: {c.Ops[i]}");
        }
        if (c.Cut == c.Ops.Count)
        {
            stored.Ledger = SavingsLedger.Restore(Saved(stored.Ledger), group);
        }
        StateJson.Serialize(stored.Ledger.ToState()).ShouldBe(StateJson.Serialize(live.Ledger.ToState()));
        stored.Ledger.Balances.Cash.ShouldBe(live.Ledger.Balances.Cash);
        stored.Ledger.NextWeekToClose.ShouldBe(live.Ledger.NextWeekToClose);
        return true;
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(LedgerStateArbitraries)])]
    public bool The_state_at_any_step_and_the_changes_taken_after_it_restore_the_live_ledger(LedgerStateCase c)
    {
        var group = LedgerScript.NewGroup();
        var live = new LedgerScript(group, SavingsLedger.Open(group, Start, OpeningId));
        LedgerState? saved = null;
        var changes = new List<LedgerEntryState>();
        for (var i = 0; i <= c.Ops.Count; i++)
        {
            if (i == c.Cut)
            {
                saved = Saved(live.Ledger);
                live.Ledger.TakeChanges();
            }
            else if (saved is not null && i % 7 == 0)
            {
                changes.AddRange(live.Ledger.TakeChanges());
            }
            if (i < c.Ops.Count)
            {
                live.Step(c.Ops[i], i);
            }
        }
        changes.AddRange(live.Ledger.TakeChanges());
        live.Ledger.TakeChanges().ShouldBeEmpty();
        var restored = SavingsLedger.Restore(saved!, StateJson.RoundTrip(changes), group);
        StateJson.Serialize(restored.ToState()).ShouldBe(StateJson.Serialize(live.Ledger.ToState()));
        restored.TakeChanges().ShouldBeEmpty();
        return true;
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(LedgerStateArbitraries)])]
    public bool A_copy_restored_at_any_step_and_caught_up_with_the_changes_taken_after_it_equals_the_live_ledger(LedgerStateCase c)
    {
        var group = LedgerScript.NewGroup();
        var live = new LedgerScript(group, SavingsLedger.Open(group, Start, OpeningId));
        SavingsLedger? copy = null;
        var changes = new List<LedgerEntryState>();
        for (var i = 0; i <= c.Ops.Count; i++)
        {
            if (i == c.Cut)
            {
                copy = SavingsLedger.Restore(Saved(live.Ledger), group);
                live.Ledger.TakeChanges();
            }
            else if (copy is not null && i % 5 == 0)
            {
                // Another process's host caught its copy up now and then, with what it stored in between.
                copy = SavingsLedger.Restore(copy, StateJson.RoundTrip(live.Ledger.TakeChanges()), group);
            }
            if (i < c.Ops.Count)
            {
                live.Step(c.Ops[i], i);
            }
        }
        var before = StateJson.Serialize(copy!.ToState());
        var balancesBefore = LedgerFingerprint.Of(copy);
        changes.AddRange(live.Ledger.TakeChanges());
        var caughtUp = SavingsLedger.Restore(copy, StateJson.RoundTrip(changes), group);
        StateJson.Serialize(caughtUp.ToState()).ShouldBe(StateJson.Serialize(live.Ledger.ToState()));
        caughtUp.TakeChanges().ShouldBeEmpty();
        LedgerFingerprint.Of(caughtUp).ShouldBe(LedgerFingerprint.Of(live.Ledger));
        caughtUp.NextWeekToClose.ShouldBe(live.Ledger.NextWeekToClose);
        // The caught-up ledger goes on alone: the earlier copy's entries and balances do not move with it.
        var last = caughtUp.Entries[^1].BookDate;
        var date = caughtUp.NextWeekToClose.Start > last ? caughtUp.NextWeekToClose.Start : last;
        caughtUp.Deposit(HostToday.Of(date), date, group.Members[0], Rupiah.Of(1_000), "after the catch-up");
        StateJson.Serialize(copy.ToState()).ShouldBe(before, "the earlier copy is left as it was");
        LedgerFingerprint.Of(copy).ShouldBe(balancesBefore, "the earlier copy's balances are its own");
        return true;
    }

    [Fact]
    public void A_copy_is_caught_up_only_with_hashed_changes_that_follow_it_and_only_when_its_own_appends_were_taken()
    {
        var (ledger, group) = SampleLedgerAndGroup();
        ledger.TakeChanges();
        var copy = SavingsLedger.Restore(Saved(ledger), group);
        ledger.Deposit(HostToday.Of(ledger.LastBookDate), ledger.LastBookDate, group.Members[0], Rupiah.Of(1_000));
        ledger.Deposit(HostToday.Of(ledger.LastBookDate), ledger.LastBookDate, group.Members[1], Rupiah.Of(2_000));
        var changes = ledger.TakeChanges();

        SavingsLedger.Restore(copy, changes, group).Count.ShouldBe(ledger.Count);
        SavingsLedger.Restore(copy, [], group).Count.ShouldBe(copy.Count);
        ShouldBreak(() => SavingsLedger.Restore(copy, [changes[1]], group), "Changes[0].Sequence");
        ShouldBreak(() => SavingsLedger.Restore(copy, [changes[0] with { Hash = changes[1].Hash }, changes[1]], group), "Changes[0].Hash");
        ShouldBreak(() => SavingsLedger.Restore(copy, [changes[0], null!], group), "Changes[1]");
        ShouldBreak(() => SavingsLedger.Restore(copy, changes, LedgerScript.NewGroup()), "Group");

        copy.Deposit(HostToday.Of(copy.LastBookDate), copy.LastBookDate, group.Members[2], Rupiah.Of(3_000));
        ShouldBreak(() => SavingsLedger.Restore(copy, changes, group), "Earlier");
    }

    [Fact]
    public void A_ledger_opened_by_the_host_has_the_hosts_opening_id_and_reports_the_opening_as_its_first_change()
    {
        var group = LedgerScript.NewGroup();
        var ledger = SavingsLedger.Open(group, Start, OpeningId);
        ledger.Entries[0].Id.ShouldBe(OpeningId);
        ledger.Entries[0].WeekStartsOn.ShouldBe(group.Profile.Savings.WeekStartsOn);
        ledger.Entries[0].ProfileId.ShouldBe(group.Profile.Id);
        var deposit = ledger.Deposit(HostToday.Of(Start), Start, group.Members[0], Rupiah.Of(5_000));
        ledger.TakeChanges().Select(e => e.Id).ShouldBe([OpeningId, deposit.Id]);
        ledger.TakeChanges().ShouldBeEmpty();
        Should.Throw<ArgumentException>(() => SavingsLedger.Open(group, Start, default));
    }

    [Fact]
    public void A_stored_state_that_todays_rules_would_refuse_still_restores_and_only_new_postings_are_judged()
    {
        // Written under an older version: a deposit above today's SAV-08 ceiling by someone who is no longer a member,
        // an IKS spend declared as a profit share (SAV-06), and a withdrawal that took cash below zero (SAV-02).
        var group = LedgerScript.NewGroup();
        var ledger = SavingsLedger.Open(group, Start, OpeningId);
        ledger.Deposit(HostToday.Of(Start), Start, group.Members[0], Rupiah.Of(5_000));
        ledger.RecordBusinessProfit(HostToday.Of(Start), Start, Rupiah.Of(1_000_000));
        ledger.SpendIks(HostToday.Of(Start), Start, Rupiah.Of(1_000), IksPurpose.SocialNeed, "bantuan");
        ledger.Withdraw(HostToday.Of(Start), Start, group.Members[0], Rupiah.Of(1_000));
        var state = ledger.ToState();
        var former = PersonId.New();
        var ceiling = group.Profile.Savings.MaxSingleAmount;
        var huge = ceiling + Rupiah.Of(1);
        var entries = state.Entries.ToList();
        entries[1] = entries[1] with
        {
            Member = former,
            Legs = [new LedgerLegState(AccountKind.Cash, null, null, LegSide.Debit, huge), new LedgerLegState(AccountKind.MemberSavings, former, null, LegSide.Credit, huge)],
        };
        entries[3] = entries[3] with { IksPurpose = IksPurpose.ProfitShare };
        var overdrawn = huge + Rupiah.Of(500_000);
        entries[4] = entries[4] with
        {
            Member = former,
            Legs = [new LedgerLegState(AccountKind.MemberSavings, former, null, LegSide.Debit, overdrawn), new LedgerLegState(AccountKind.Cash, null, null, LegSide.Credit, overdrawn)],
        };
        var older = state with { Entries = Rechain(entries, state.Group) };

        var restored = SavingsLedger.Restore(StateJson.RoundTrip(older), group);

        restored.SavingsOf(former).ShouldBe(huge - overdrawn);
        restored.Entries[3].IksPurpose.ShouldBe(IksPurpose.ProfitShare);
        restored.VerifyChain().IsIntact.ShouldBeTrue();
        Should.Throw<RuleViolationException>(() => restored.Deposit(HostToday.Of(Start), Start, former, Rupiah.Of(5_000)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.NotACurrentMember);
        Should.Throw<RuleViolationException>(() => restored.Deposit(HostToday.Of(Start), Start, group.Members[1], huge))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.AmountAboveCeiling);
        restored.Deposit(HostToday.Of(Start), Start, group.Members[1], ceiling).Amount.ShouldBe(ceiling);
    }

    [Fact]
    public void A_state_in_an_unknown_format_is_refused_as_unsupported()
    {
        var state = Saved(SampleLedger()) with { Format = LedgerState.CurrentFormat + 1 };
        var ex = Should.Throw<StateRestoreException>(() => SavingsLedger.Restore(state, LedgerScript.NewGroup()));
        ex.ErrorCode.ShouldBe(StateErrors.FormatUnsupported);
        ex.Part.ShouldBe("Format");
    }

    [Fact]
    public void A_state_restored_for_another_group_is_refused_at_its_group()
    {
        var state = Saved(SampleLedger());
        ShouldBreak(() => SavingsLedger.Restore(state, LedgerScript.NewGroup()), "Group");
    }

    [Fact]
    public void A_state_without_entries_is_refused()
    {
        var (ledger, group) = SampleLedgerAndGroup();
        ShouldBreak(() => SavingsLedger.Restore(Saved(ledger) with { Entries = [] }, group), "Entries");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void A_stored_entry_whose_amount_was_changed_is_named_by_its_hash(int index)
    {
        var (ledger, group) = SampleLedgerAndGroup();
        var state = Saved(ledger);
        var entries = state.Entries.ToList();
        var legs = entries[index].Legs.Select(l => l with { Amount = l.Amount + Rupiah.Of(1) }).ToArray();
        entries[index] = entries[index] with { Legs = legs };
        ShouldBreak(() => SavingsLedger.Restore(state with { Entries = entries }, group), $"Entries[{index}].Hash");
    }

    [Fact]
    public void A_stored_entry_whose_hash_was_changed_is_named_by_its_hash()
    {
        var (ledger, group) = SampleLedgerAndGroup();
        var state = Saved(ledger);
        var entries = state.Entries.ToList();
        entries[2] = entries[2] with { Hash = entries[1].Hash };
        ShouldBreak(() => SavingsLedger.Restore(state with { Entries = entries }, group), "Entries[2].Hash");
    }

    [Fact]
    public void A_stored_entry_in_a_format_it_was_not_hashed_in_is_named_by_its_hash()
    {
        var (ledger, group) = SampleLedgerAndGroup();
        var state = Saved(ledger);
        var entries = state.Entries.ToList();
        entries[2] = entries[2] with { Format = 2 };
        ShouldBreak(() => SavingsLedger.Restore(state with { Entries = entries }, group), "Entries[2].Hash");
        entries[2] = entries[2] with { Format = 9 };
        ShouldBreak(() => SavingsLedger.Restore(state with { Entries = entries }, group), "Entries[2]");
    }

    [Fact]
    public void A_change_that_does_not_follow_the_stored_chain_is_named_among_the_changes()
    {
        var (ledger, group) = SampleLedgerAndGroup();
        var state = Saved(ledger);
        ledger.TakeChanges();
        ledger.Deposit(HostToday.Of(ledger.LastBookDate), ledger.LastBookDate, group.Members[0], Rupiah.Of(1_000));
        ledger.Deposit(HostToday.Of(ledger.LastBookDate), ledger.LastBookDate, group.Members[1], Rupiah.Of(2_000));
        var changes = ledger.TakeChanges();
        SavingsLedger.Restore(state, changes, group).Count.ShouldBe(ledger.Count);
        ShouldBreak(() => SavingsLedger.Restore(state, [changes[1]], group), "Changes[0].Sequence");
    }

    [Fact]
    public void Each_structural_break_of_a_rechained_state_is_named_at_its_entry_and_part()
    {
        var (ledger, group) = SampleLedgerAndGroup();
        var entries = Saved(ledger).Entries;
        var state = Saved(ledger);
        int Index(EntryKind kind) => entries.Select((e, i) => (e, i)).First(x => x.e.Kind == kind).i;
        var reversal = Index(EntryKind.Reversal);
        var close = Index(EntryKind.WeekClosed);
        var deposit = Index(EntryKind.SavingsDeposit);

        void Breaks(string part, Func<List<LedgerEntryState>, List<LedgerEntryState>> edit)
        {
            var edited = Rechain(edit(entries.ToList()), group.Id);
            ShouldBreak(() => SavingsLedger.Restore(state with { Entries = edited }, group), part);
        }

        Breaks("Entries[0].Kind", l => l.Skip(1).Select(e => e with { Sequence = e.Sequence - 1 }).ToList());
        Breaks("Entries[0].WeekStartsOn", l => [l[0] with { WeekStartsOn = null }, .. l.Skip(1)]);
        Breaks($"Entries[{deposit}].Sequence", l => { l[deposit] = l[deposit] with { Sequence = 99 }; return l; });
        Breaks($"Entries[{deposit}].Sequence", l => { l.RemoveAt(deposit); return l; });
        Breaks($"Entries[{deposit}].Kind", l => { l[deposit] = l[0] with { Sequence = deposit + 1, Id = EntryId.New() }; return l; });
        Breaks($"Entries[{deposit}].Id", l => { l[deposit] = l[deposit] with { Id = l[0].Id }; return l; });
        Breaks($"Entries[{deposit}].BookDate", l => { l[deposit] = l[deposit] with { BookDate = Start.PlusDays(-1) }; return l; });
        Breaks($"Entries[{deposit}].Legs", l => { l[deposit] = l[deposit] with { Legs = [l[deposit].Legs[0]] }; return l; });
        Breaks($"Entries[{reversal}].Reverses", l => { l[reversal] = l[reversal] with { Reverses = EntryId.New() }; return l; });
        Breaks($"Entries[{reversal}].Legs", l => { l[reversal] = l[reversal] with { Legs = l[reversal].Legs.Reverse().ToArray() }; return l; });
        Breaks($"Entries[{reversal + 1}].Reverses", l => { l.Insert(reversal + 1, l[reversal] with { Id = EntryId.New(), Sequence = reversal + 2 }); return Renumber(l); });
        Breaks($"Entries[{close}].ClosedWeekStart", l => { l[close] = l[close] with { ClosedWeekStart = l[close].ClosedWeekStart!.Value.PlusDays(1) }; return l; });
        Breaks($"Entries[{close}].ClosedWeekStart", l => { l[close] = l[close] with { ClosedWeekStart = null }; return l; });
        Breaks($"Entries[{deposit}]", l => { l[deposit] = l[deposit] with { Legs = [.. l[deposit].Legs.Select(g => g with { Amount = Rupiah.Zero })] }; return l; });
    }

    [Fact]
    public void A_stored_ledger_whose_balances_leave_the_range_of_a_64_bit_integer_is_refused_as_broken_not_thrown()
    {
        var (ledger, group) = SampleLedgerAndGroup();
        var entries = Saved(ledger).Entries.Take(3).ToList();
        entries[1].Kind.ShouldBe(EntryKind.SavingsDeposit);
        entries[2].Kind.ShouldBe(EntryKind.SavingsDeposit);
        var near = Rupiah.Of(long.MaxValue - 1);
        entries[1] = entries[1] with { Legs = [.. entries[1].Legs.Select(l => l with { Amount = near })] };
        entries[2] = entries[2] with { Legs = [.. entries[2].Legs.Select(l => l with { Amount = near })] };
        ShouldBreak(() => SavingsLedger.Restore(Saved(ledger) with { Entries = Rechain(entries, group.Id) }, group), "Entries[2].Legs");
        // One of them alone is representable: its turnover is at the limit and new postings are refused by SAV-08.
        var alone = SavingsLedger.Restore(Saved(ledger) with { Entries = Rechain(entries.Take(2).ToList(), group.Id) }, group);
        alone.Cash.ShouldBe(near);
        Should.Throw<RuleViolationException>(() => alone.Deposit(HostToday.Of(Start), Start, group.Members[0], Rupiah.Of(2)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.TotalsOutOfRange);
    }

    [Fact]
    public void Tampering_with_a_stored_entry_is_still_reported_by_VerifyChain_at_the_first_broken_position()
    {
        var (ledger, group) = SampleLedgerAndGroup();
        var entries = ledger.Entries.ToList();
        var e = entries[4];
        entries[4] = LedgerEntry.FromStored(e.Group, e.Id, e.Sequence, e.BookDate, e.Kind, e.Legs, e.Member, e.Loan, e.Reference, e.Memo + "!",
            e.Reverses, e.PreviousHash, e.Hash, e.Profit, e.IksPurpose, e.WeekStartsOn, e.ProfileId, e.ClosedWeekStart);
        var verification = SavingsLedger.VerifyChain(entries);
        verification.FirstBrokenPosition.ShouldBe(5);
        verification.Reason.ShouldBe(ChainBreak.HashMismatch);
        Should.Throw<RuleViolationException>(() => SavingsLedger.Rehydrate(group, entries)).Violation.ErrorCode.ShouldBe(SavingsErrors.ChainBroken);
    }

    [Fact]
    public void An_entry_state_survives_a_JSON_round_trip_field_for_field_with_enums_as_names()
    {
        var ledger = SampleLedger();
        var json = StateJson.Serialize(ledger.ToState());
        json.ShouldContain("\"Kind\":\"IksFromProfit\"");
        json.ShouldContain("\"IksPurpose\":\"SocialNeed\"");
        json.ShouldContain("\"Account\":\"MemberSavings\"");
        StateJson.Serialize(StateJson.Deserialize<LedgerState>(json)).ShouldBe(json);
    }

    private static SavingsLedger SampleLedger() => SampleLedgerAndGroup().Ledger;

    // Every kind of entry the structural checks look at: deposits, a profit, an IKS spend, a loan, a cover, a reversal, a close.
    private static (SavingsLedger Ledger, TestGroup Group) SampleLedgerAndGroup()
    {
        var group = LedgerScript.NewGroup();
        var ledger = SavingsLedger.Open(group, Start, OpeningId);
        var today = HostToday.Of(Start.PlusDays(7));
        ledger.Deposit(today, Start, group.Members[0], Rupiah.Of(50_000));
        ledger.Deposit(today, Start, group.Members[1], Rupiah.Of(40_000));
        ledger.RecordBusinessProfit(today, Start, Rupiah.Of(1_000_000));
        ledger.SpendIks(today, Start, Rupiah.Of(10_000), IksPurpose.SocialNeed, "biaya berobat", group.Members[2]);
        ledger.AddLoanCapital(today, Start, Rupiah.Of(500_000));
        var loan = new LoanId(Guid.Parse("c0ffee00-1234-4abc-8def-0123456789ab"));
        ledger.DisburseLoan(today, Start, loan, group.Members[0], Rupiah.Of(100_000));
        ledger.CoverArrears(today, Start, loan, Rupiah.Of(10_000), Rupiah.Zero, [RentengContribution.FromIks(Rupiah.Of(10_000))]);
        var wrong = ledger.Deposit(today, Start, group.Members[1], Rupiah.Of(1_000));
        ledger.Reverse(today, Start, wrong.Id, "salah catat");
        ledger.CloseWeek(today, ledger.NextWeekToClose, ledger.NextWeekToClose.End);
        ledger.Deposit(today, Start.PlusDays(7), group.Members[1], Rupiah.Of(3_000));
        return (ledger, group);
    }

    private static List<LedgerEntryState> Renumber(List<LedgerEntryState> entries) =>
        entries.Select((e, i) => e with { Sequence = i + 1 }).ToList();

    /// <summary>Recomputes every previous hash and hash (format 3), as a forger who knows the encoding would.</summary>
    internal static List<LedgerEntryState> Rechain(IReadOnlyList<LedgerEntryState> entries, GroupId group)
    {
        var result = new List<LedgerEntryState>(entries.Count);
        var previous = EntryHash.Zero;
        foreach (var e in entries)
        {
            var linked = e with { PreviousHash = previous, Format = 3 };
            var hash = LedgerEntry.FromStored(group, linked.Id, linked.Sequence, linked.BookDate, linked.Kind,
                linked.Legs.Select(l => LedgerLeg.FromParts(LedgerAccount.FromParts(l.Account, l.Member, l.Loan), l.Side, l.Amount.IsPositive ? l.Amount : Rupiah.Of(1))),
                linked.Member, linked.Loan, linked.Reference, linked.Memo, linked.Reverses, previous, EntryHash.Zero,
                linked.Profit, linked.IksPurpose, linked.WeekStartsOn, linked.ProfileId, linked.ClosedWeekStart).ComputeHash();
            linked = linked with { Hash = hash };
            result.Add(linked);
            previous = hash;
        }
        return result;
    }

    private static void ShouldBreak(Func<SavingsLedger> restore, string part)
    {
        var ex = Should.Throw<StateRestoreException>(() => restore());
        ex.ErrorCode.ShouldBe(StateErrors.Broken);
        ex.Part.ShouldBe(part);
    }
}
