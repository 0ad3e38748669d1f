using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using NodaTime;
using static KubeCore.Tests.Builders.LedgerBuilders;

namespace KubeCore.Tests.Savings;

public class SavingsLedgerTests
{
    private static Rupiah Rp(long amount) => Rupiah.Of(amount);

    [Fact]
    public void Opening_the_books_writes_entry_one_with_a_zero_previous_hash()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        ledger.Count.ShouldBe(1);
        var opening = ledger.Entries[0];
        opening.Kind.ShouldBe(EntryKind.BooksOpened);
        opening.Sequence.ShouldBe(1);
        opening.PreviousHash.ShouldBe(EntryHash.Zero);
        opening.HashIsValid.ShouldBeTrue();
        opening.Memo.ShouldBe("profile=KsmP2kp@1;weekStartsOn=Monday");
        ledger.LastHash.ShouldBe(opening.Hash);
        ledger.VerifyChain().IsIntact.ShouldBeTrue();
    }

    [Fact]
    public void A_deposit_credits_the_member_and_group_cash()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var member = group.Members[0];
        var entry = ledger.Deposit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, member, Rp(5_000), "KW-001");
        entry.Kind.ShouldBe(EntryKind.SavingsDeposit);
        entry.Amount.ShouldBe(Rp(5_000));
        entry.PreviousHash.ShouldBe(ledger.Entries[0].Hash);
        ledger.SavingsOf(member).ShouldBe(Rp(5_000));
        ledger.Cash.ShouldBe(Rp(5_000));
        ledger.CheckConservation().ShouldBeTrue();
    }

    [Fact]
    public void A_withdrawal_above_the_balance_is_refused_and_changes_nothing()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var member = group.Members[0];
        ledger.Deposit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, member, Rp(5_000));
        var count = ledger.Count;
        var ex = Should.Throw<RuleViolationException>(() => ledger.Withdraw(HostToday.Of(GuyubRukunStart), GuyubRukunStart, member, Rp(5_001)));
        ex.Violation.ErrorCode.ShouldBe(SavingsErrors.InsufficientSavings);
        ex.Violation.RuleId.ShouldBe(RuleIds.Sav02);
        ledger.Count.ShouldBe(count);
        ledger.SavingsOf(member).ShouldBe(Rp(5_000));
    }

    [Fact]
    public void A_loan_cycle_moves_principal_out_and_back_into_the_loan_fund()
    {
        var group = Ksm();
        var ledger = FundedLedger(group, capital: 1_000_000);
        var loan = LoanId.New();
        var borrower = group.Members[4];
        ledger.LoanFundAvailable.ShouldBe(Rp(1_000_000));
        ledger.DisburseLoan(HostToday.Of(GuyubRukunStart), GuyubRukunStart, loan, borrower, Rp(500_000));
        ledger.LoanFundAvailable.ShouldBe(Rp(500_000));
        ledger.Balances.OutstandingPrincipalOfMember(borrower).ShouldBe(Rp(500_000));
        ledger.RecordRepayment(HostToday.Of(GuyubRukunStart.PlusWeeks(1)), GuyubRukunStart.PlusWeeks(1), loan, Rp(125_000), Rp(7_500));
        ledger.OutstandingPrincipalOf(loan).ShouldBe(Rp(375_000));
        ledger.LoanFundAvailable.ShouldBe(Rp(625_000));
        ledger.Balances.ServiceChargeIncome.ShouldBe(Rp(7_500));
        ledger.CheckConservation().ShouldBeTrue();
        Should.Throw<RuleViolationException>(() => ledger.DisburseLoan(HostToday.Of(GuyubRukunStart.PlusWeeks(1)), GuyubRukunStart.PlusWeeks(1), LoanId.New(), borrower, Rp(625_001)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.InsufficientLoanFund);
    }

    [Fact]
    public void A_week_close_freezes_the_week_and_corrections_go_into_the_open_week()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var member = group.Members[0];
        var deposit = ledger.Deposit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, member, Rp(5_000));
        var week = ledger.WeekOf(GuyubRukunStart);
        var close = ledger.CloseWeek(HostToday.Of(week.End), week, week.End);
        close.Totals.Deposits.ShouldBe(Rp(5_000));
        close.Totals.Reconciles.ShouldBeTrue();
        ledger.IsClosed(week).ShouldBeTrue();
        Should.Throw<RuleViolationException>(() => ledger.Deposit(HostToday.Of(week.End), week.End, member, Rp(5_000)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.WeekClosed);
        ledger.Reverse(HostToday.Of(week.End.PlusDays(1)), week.End.PlusDays(1), deposit.Id, "salah catat");
        ledger.SavingsOf(member).ShouldBe(Rupiah.Zero);
    }

    [Fact]
    public void The_group_must_be_allowed_to_move_money_before_a_loan_is_disbursed()
    {
        var group = Ksm(status: GroupStatus.UnderStrength);
        var ledger = FundedLedger(group);
        Should.Throw<RuleViolationException>(() => ledger.DisburseLoan(HostToday.Of(GuyubRukunStart), GuyubRukunStart, LoanId.New(), group.Members[0], Rp(100_000)))
            .Violation.ErrorCode.ShouldBe(GroupErrors.UnderStrengthBlocksMoney);
    }
}
