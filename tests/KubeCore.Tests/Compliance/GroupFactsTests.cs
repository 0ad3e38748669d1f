using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Groups;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using NodaTime;
using Shouldly;

namespace KubeCore.Tests.Compliance;

/// <summary>A leaving day, as days after the first day of the week read.</summary>
public sealed record LeavingDay(int Offset);

/// <summary>A deposit's day, as days after the first day of the week read, and whether it was reversed.</summary>
public sealed record DepositDay(int Offset, bool Reversed);

/// <summary>A payment's day, as days after (negative: before) the due date on the week's last day.</summary>
public sealed record PaymentDay(int Offset);

public static class GroupFactsArbitraries
{
    public static Arbitrary<LeavingDay> LeavingDay() => Gen.Choose(-3, 9).Select(d => new LeavingDay(d)).ToArbitrary();

    public static Arbitrary<DepositDay> DepositDay() =>
        (from offset in Gen.Choose(-3, 9) from reversed in Gen.Elements(true, false) select new DepositDay(offset, reversed)).ToArbitrary();

    public static Arbitrary<PaymentDay> PaymentDay() => Gen.Choose(-6, 6).Select(d => new PaymentDay(d)).ToArbitrary();
}

/// <summary>
/// <see cref="GroupFacts"/>: the library reads the week's facts (FIVE-01..05) and the period's (STG-02) from the group's
/// own record, by the conventions the rule catalogue lists; each convention is tested on both sides of its boundary.
/// </summary>
public class GroupFactsTests
{
    private static readonly ProgramProfile Ksm = ProgramProfiles.KsmP2kp;

    /// <summary>Monday 30 January 2017 (seed 004): the books open and the first week starts.</summary>
    private static readonly LocalDate Start = LoanFundBuilder.GuyubRukunStart;

    private static BookWeek WeekOf(LocalDate date) => BookWeek.Containing(date, IsoDayOfWeek.Monday);

    // ---- FIVE-01: members of the week ----

    [Property(MaxTest = 60, Arbitrary = [typeof(GroupFactsArbitraries)])]
    [Trait("Rule", "FIVE-01")]
    public bool A_member_who_left_is_a_member_of_a_week_exactly_when_they_left_after_its_first_day(LeavingDay c)
    {
        var builder = GroupBuilder.For(ProgramProfiles.Kub).WithMembers(7);
        var group = builder.BuildActive();
        var week = WeekOf(builder.ActivatedDate).PlusWeeks(2);
        var leaver = group.CurrentMembers.Last();
        group.RemoveMember(leaver, week.Start.PlusDays(c.Offset));

        var facts = GroupFacts.Week(group, new MeetingRegister(group.Id), null, null, week);
        var counted = facts.Savings.Any(s => s.Member == leaver);
        return counted == c.Offset > 0 && GroupFacts.MembersIn(group, week).Contains(leaver) == counted && facts.Savings.Count == (counted ? 7 : 6);
    }

    [Fact]
    [Trait("Rule", "FIVE-01")]
    public void A_member_who_left_on_the_weeks_first_day_is_not_a_member_that_week_and_one_who_left_the_next_day_is()
    {
        var builder = GroupBuilder.For(ProgramProfiles.Kub).WithMembers(7);
        var group = builder.BuildActive();
        var week = WeekOf(builder.ActivatedDate).PlusWeeks(2);
        var (first, second) = (group.CurrentMembers.ElementAt(5), group.CurrentMembers.ElementAt(6));
        group.RemoveMember(first, week.Start);
        group.RemoveMember(second, week.Start.PlusDays(1));

        var members = GroupFacts.MembersIn(group, week);

        members.ShouldNotContain(first);
        members.ShouldContain(second);
        GroupFacts.MembersIn(group, week.Next).ShouldNotContain(second);
    }

    [Fact]
    [Trait("Rule", "FIVE-01")]
    public void A_member_who_joined_on_the_weeks_last_day_is_a_member_that_week()
    {
        var builder = GroupBuilder.For(ProgramProfiles.Kub).WithMembers(5);
        var group = builder.BuildActive();
        var week = WeekOf(builder.ActivatedDate).PlusWeeks(2);
        var newcomer = DossierBuilder.On(week.End).LivingIn(Places.Pahandut).Build();
        group.AdmitMember(new AdmitMember(newcomer, week.End));

        GroupFacts.MembersIn(group, week).ShouldContain(newcomer.Person.Id);
        GroupFacts.Week(group, new MeetingRegister(group.Id), null, null, week).Savings.Select(s => s.Member).ShouldContain(newcomer.Person.Id);
        GroupFacts.MembersIn(group, week.PlusWeeks(-1)).ShouldNotContain(newcomer.Person.Id);
    }

    [Fact]
    [Trait("Rule", "FIVE-01")]
    public void A_member_who_joined_after_the_weeks_last_day_is_not_a_member_that_week()
    {
        var builder = GroupBuilder.For(ProgramProfiles.Kub).WithMembers(5);
        var group = builder.BuildActive();
        var week = WeekOf(builder.ActivatedDate).PlusWeeks(2);
        var newcomer = DossierBuilder.On(week.End).LivingIn(Places.Pahandut).Build();
        group.AdmitMember(new AdmitMember(newcomer, week.End.PlusDays(1)));

        GroupFacts.MembersIn(group, week).ShouldNotContain(newcomer.Person.Id);
        GroupFacts.MembersIn(group, week.Next).ShouldContain(newcomer.Person.Id);
    }

    [Fact]
    [Trait("Rule", "FIVE-01")]
    public void A_standing_without_member_history_counts_its_current_members()
    {
        var group = LedgerBuilders.Ksm(members: 6);
        var facts = GroupFacts.Week(group, new MeetingRegister(group.Id), null, null, WeekOf(Start));
        facts.Savings.Select(s => s.Member).ShouldBe(group.Members);
    }

    // ---- FIVE-01: which deposits count ----

    [Property(MaxTest = 100, Arbitrary = [typeof(GroupFactsArbitraries)])]
    [Trait("Rule", "FIVE-01")]
    public bool A_deposit_is_a_members_savings_of_the_week_exactly_when_it_is_dated_in_the_week_and_not_reversed(DepositDay c)
    {
        var group = LedgerBuilders.Ksm(members: 5);
        var ledger = LedgerBuilders.OpenLedger(group, Start);
        var week = WeekOf(Start).Next;
        var date = week.Start.PlusDays(c.Offset);
        var deposit = ledger.Deposit(HostToday.Of(date), date, group.Members[0], Rupiah.Of(5_000), "tabungan rutin mingguan");
        if (c.Reversed)
        {
            ledger.Reverse(HostToday.Of(date), date, deposit.Id, "salah catat");
        }

        var row = GroupFacts.Week(group, new MeetingRegister(group.Id), ledger, null, week).Savings[0];
        var counts = c.Offset is >= 0 and <= 6 && !c.Reversed;
        return row.Deposits.SequenceEqual(counts ? [deposit.Id] : []);
    }

    [Fact]
    [Trait("Rule", "FIVE-01")]
    public void A_reversed_deposit_does_not_count_and_the_members_other_deposit_still_does()
    {
        var group = LedgerBuilders.Ksm(members: 5);
        var ledger = LedgerBuilders.OpenLedger(group, Start);
        var wrong = ledger.Deposit(HostToday.Of(Start), Start, group.Members[0], Rupiah.Of(50_000), "salah");
        ledger.Reverse(HostToday.Of(Start), Start, wrong.Id, "jumlah salah");
        var right = ledger.Deposit(HostToday.Of(Start), Start, group.Members[0], Rupiah.Of(5_000), "tabungan rutin mingguan");

        var facts = GroupFacts.Week(group, new MeetingRegister(group.Id), ledger, null, WeekOf(Start));

        facts.Savings[0].Deposits.ShouldBe([right.Id]);
        facts.Savings.Skip(1).ShouldAllBe(s => s.Deposits.Count == 0);
        FiveBasicRules.Check(facts, Ksm)[RuleIds.Five01].MembersMissing.ShouldBe(group.Members.Skip(1));
    }

    // ---- FIVE-02: the meeting ----

    [Fact]
    [Trait("Rule", "FIVE-02")]
    public void The_first_meeting_of_the_week_with_attendance_recorded_is_the_one_that_counts()
    {
        var group = LedgerBuilders.Ksm(members: 5);
        var register = new MeetingRegister(group.Id);
        var week = WeekOf(Start);
        var unrecorded = Meeting.Open(group, MeetingId.New(), week.Start, "pertemuan tanpa daftar hadir");
        register.Add(unrecorded);
        var later = LedgerBuilders.HeldMeeting(group, week.Start.PlusDays(4), present: 5);
        register.Add(later);
        var first = LedgerBuilders.HeldMeeting(group, week.Start.PlusDays(2), present: 4);
        register.Add(first);

        GroupFacts.Week(group, register, null, null, week).Meeting.ShouldBe(first.Id);
    }

    [Fact]
    [Trait("Rule", "FIVE-02")]
    public void A_week_whose_only_meeting_has_no_attendance_recorded_has_no_meeting()
    {
        var group = LedgerBuilders.Ksm(members: 5);
        var register = new MeetingRegister(group.Id);
        var week = WeekOf(Start);
        register.Add(Meeting.Open(group, MeetingId.New(), week.Start.PlusDays(2), "pertemuan tanpa daftar hadir"));
        register.Add(LedgerBuilders.HeldMeeting(group, week.End.PlusDays(1), present: 5)); // next week's

        var facts = GroupFacts.Week(group, register, null, null, week);

        facts.Meeting.ShouldBeNull();
        FiveBasicRules.Check(facts, Ksm)[RuleIds.Five02].Status.ShouldBe(RuleStatus.NotMet);
    }

    // ---- FIVE-03: the book close ----

    [Fact]
    [Trait("Rule", "FIVE-03")]
    public void A_week_shows_its_close_entry_once_closed_even_when_closed_late_with_the_next_week()
    {
        var group = LedgerBuilders.Ksm(members: 5);
        var ledger = LedgerBuilders.OpenLedger(group, Start);
        var register = new MeetingRegister(group.Id);
        var week = WeekOf(Start);

        GroupFacts.Week(group, register, ledger, null, week).BookClose.ShouldBeNull();

        var closedOn = week.Next.End;
        var late = ledger.CloseWeek(HostToday.Of(closedOn), week, closedOn);
        GroupFacts.Week(group, register, ledger, null, week.Next).BookClose.ShouldBeNull();
        var next = ledger.CloseWeek(HostToday.Of(closedOn), week.Next, closedOn);

        GroupFacts.Week(group, register, ledger, null, week).BookClose.ShouldBe(late.CloseEntry);
        GroupFacts.Week(group, register, ledger, null, week.Next).BookClose.ShouldBe(next.CloseEntry);
    }

    // ---- FIVE-04: lending ----

    [Fact]
    [Trait("Rule", "FIVE-04")]
    public void A_loan_disbursed_in_the_week_is_lent_and_an_approved_one_not_yet_disbursed_is_unserved()
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1).Build();
        var register = new MeetingRegister(group.Id);
        var week = WeekOf(Start).Next;
        var lent = fund.Lend(group, group.Ordinary[0], 500_000, week.Start.PlusDays(2));
        var waiting = fund.ApproveAtMeeting(group, fund.ApplyFor(group.Ordinary[1], 400_000, week.End), week.End);

        var facts = GroupFacts.Week(group, register, ledger, fund, week);

        facts.MayLend.ShouldBeTrue();
        facts.LoansDisbursed.ShouldBe([lent.Id]);
        facts.UnservedRequests.ShouldBe(1);
        GroupFacts.Week(group, register, ledger, fund, week.Next).UnservedRequests.ShouldBe(1);
        fund.PayOnTime(lent, week.Next.End); // LOAN-07: no arrears when the next loan goes out
        fund.Disburse(HostToday.Of(week.Next.End.PlusDays(1)), waiting.Id, week.Next.End.PlusDays(1));
        GroupFacts.Week(group, register, ledger, fund, week.Next).UnservedRequests.ShouldBe(1);
        GroupFacts.Week(group, register, ledger, fund, week.Next.Next).UnservedRequests.ShouldBe(0);
        GroupFacts.Week(group, register, ledger, fund, week.Next.Next).LoansDisbursed.ShouldBe([waiting.Id]);
    }

    [Fact]
    [Trait("Rule", "FIVE-04")]
    public void A_loan_approved_after_the_weeks_last_day_is_not_an_unserved_request_of_that_week()
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1).Build();
        var week = WeekOf(Start);
        fund.ApproveAtMeeting(group, fund.ApplyFor(group.Ordinary[0], 400_000, week.End), week.End.PlusDays(1));

        GroupFacts.Week(group, new MeetingRegister(group.Id), ledger, fund, week).UnservedRequests.ShouldBe(0);
        GroupFacts.Week(group, new MeetingRegister(group.Id), ledger, fund, week.Next).UnservedRequests.ShouldBe(1);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [Trait("Rule", "FIVE-04")]
    public void An_approved_loan_withdrawn_on_the_weeks_last_day_is_not_unserved_and_one_withdrawn_the_next_day_is(int daysAfterWeek, int unserved)
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1).Build();
        var week = WeekOf(Start);
        var loan = fund.ApproveAtMeeting(group, fund.ApplyFor(group.Ordinary[0], 400_000, week.Start), week.Start);
        fund.Withdraw(loan.Id, week.End.PlusDays(daysAfterWeek), "anggota membatalkan");

        GroupFacts.Week(group, new MeetingRegister(group.Id), ledger, fund, week).UnservedRequests.ShouldBe(unserved);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [Trait("Rule", "FIVE-04")]
    public void An_approved_loan_disbursed_on_the_weeks_last_day_is_not_unserved_and_one_disbursed_the_next_day_is(int daysAfterWeek, int unserved)
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1).Build();
        var week = WeekOf(Start);
        var loan = fund.ApproveAtMeeting(group, fund.ApplyFor(group.Ordinary[0], 400_000, week.Start), week.Start);
        var disbursedOn = week.End.PlusDays(daysAfterWeek);
        fund.Disburse(HostToday.Of(disbursedOn), loan.Id, disbursedOn);

        GroupFacts.Week(group, new MeetingRegister(group.Id), ledger, fund, week).UnservedRequests.ShouldBe(unserved);
    }

    [Fact]
    [Trait("Rule", "FIVE-04")]
    public void A_group_without_a_fund_may_not_lend_so_it_keeps_FIVE_04()
    {
        var group = LedgerBuilders.Ksm(members: 5);
        var ledger = LedgerBuilders.OpenLedger(group, Start);

        var facts = GroupFacts.Week(group, new MeetingRegister(group.Id), ledger, null, WeekOf(Start));

        facts.MayLend.ShouldBeFalse();
        facts.UnservedRequests.ShouldBe(0);
        FiveBasicRules.Check(facts, Ksm)[RuleIds.Five04].Status.ShouldBe(RuleStatus.Met);
    }

    // ---- FIVE-05: installments due ----

    [Property(MaxTest = 40, Arbitrary = [typeof(GroupFactsArbitraries)])]
    [Trait("Rule", "FIVE-05")]
    public bool An_installment_due_on_the_weeks_last_day_counts_as_settled_exactly_when_paid_by_that_day(PaymentDay c)
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1).Build();
        var sunday = WeekOf(Start).End;
        var loan = fund.Lend(group, group.Ordinary[0], 500_000, sunday);
        var first = loan.Schedule!.Installments[0];
        var week = WeekOf(first.DueDate);
        var paidOn = first.DueDate.PlusDays(c.Offset);
        fund.Repay(HostToday.Of(paidOn), loan.Id, paidOn, first.Amount);

        var due = GroupFacts.Week(group, new MeetingRegister(group.Id), ledger, fund, week).InstallmentsDue.Single();
        var settled = c.Offset <= 0;
        return first.DueDate == week.End && due.Loan == loan.Id && due.Number == 1 && !due.CoveredByJointLiability
            && due.Settlement.SequenceEqual(settled ? [ledger.Entries[^1].Id] : []);
    }

    [Fact]
    [Trait("Rule", "FIVE-05")]
    public void An_installment_paid_in_advance_shows_the_earlier_payment_and_keeps_FIVE_05()
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1).Build();
        var loan = fund.Lend(group, group.Ordinary[0], 500_000, Start.PlusDays(2));
        var (first, second) = (loan.Schedule!.Installments[0], loan.Schedule.Installments[1]);
        var payment = fund.Repay(HostToday.Of(first.DueDate), loan.Id, first.DueDate, first.Amount + second.Amount);
        var paid = ledger.Entries[^1];

        var facts = GroupFacts.Week(group, new MeetingRegister(group.Id), ledger, fund, WeekOf(second.DueDate));

        payment.Amount.ShouldBe(first.Amount + second.Amount);
        facts.InstallmentsDue.ShouldHaveSingleItem().Settlement.ShouldBe([paid.Id]);
        FiveBasicRules.Check(facts, Ksm)[RuleIds.Five05].Status.ShouldBe(RuleStatus.Met);
    }

    [Fact]
    [Trait("Rule", "FIVE-05")]
    public void An_installment_settled_by_tanggung_renteng_in_its_week_is_covered_jointly_and_earlier_ones_settled_later_are_unpaid()
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1, amount: 100_000).Build();
        var loan = fund.Lend(group, group.Ordinary[0], 500_000, Start.PlusDays(2));
        var third = loan.Schedule!.Installments[2];
        var coverDay = third.DueDate.PlusDays(1);
        var cover = fund.CoverArrears(HostToday.Of(coverDay), loan.Id, coverDay);
        var register = new MeetingRegister(group.Id);

        var due = GroupFacts.Week(group, register, ledger, fund, WeekOf(third.DueDate)).InstallmentsDue.ShouldHaveSingleItem();
        var earlier = GroupFacts.Week(group, register, ledger, fund, WeekOf(loan.Schedule.Installments[0].DueDate)).InstallmentsDue.ShouldHaveSingleItem();

        cover.Shortfall.ShouldBe(Rupiah.Zero);
        due.Number.ShouldBe(3);
        due.CoveredByJointLiability.ShouldBeTrue();
        due.Settlement.ShouldBe(cover.Steps.Select(s => s.Entry));
        earlier.Settlement.ShouldBeEmpty();
        earlier.CoveredByJointLiability.ShouldBeFalse();
    }

    [Fact]
    [Trait("Rule", "FIVE-05")]
    public void An_installment_the_borrower_paid_is_not_covered_jointly()
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1).Build();
        var loan = fund.Lend(group, group.Ordinary[0], 500_000, Start.PlusDays(2));
        fund.PayOnTime(loan, loan.Schedule!.Installments[0].DueDate);

        var due = GroupFacts.Week(group, new MeetingRegister(group.Id), ledger, fund, WeekOf(loan.Schedule.Installments[0].DueDate)).InstallmentsDue.ShouldHaveSingleItem();

        due.Settlement.ShouldBe([ledger.Entries[^1].Id]);
        due.CoveredByJointLiability.ShouldBeFalse();
    }

    [Fact]
    [Trait("Rule", "FIVE-05")]
    public void An_installment_paid_one_rupiah_short_is_unpaid_and_the_rupiah_that_completes_it_settles_it_with_both_payments_shown()
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1).Build();
        var loan = fund.Lend(group, group.Ordinary[0], 500_000, Start.PlusDays(2));
        var first = loan.Schedule!.Installments[0];
        var register = new MeetingRegister(group.Id);
        var week = WeekOf(first.DueDate);
        fund.Repay(HostToday.Of(first.DueDate), loan.Id, first.DueDate, first.Amount - Rupiah.Of(1));
        var shortPayment = ledger.Entries[^1].Id;

        var facts = GroupFacts.Week(group, register, ledger, fund, week);
        var broken = FiveBasicRules.Check(facts, Ksm)[RuleIds.Five05];
        fund.Repay(HostToday.Of(first.DueDate), loan.Id, first.DueDate, Rupiah.Of(1));
        var kept = FiveBasicRules.Check(GroupFacts.Week(group, register, ledger, fund, week), Ksm)[RuleIds.Five05];

        first.ServiceCharge.IsPositive.ShouldBeTrue(); // the short payment covers the jasa and all but one rupiah of the principal
        facts.InstallmentsDue.ShouldHaveSingleItem().Settlement.ShouldBeEmpty();
        broken.Status.ShouldBe(RuleStatus.NotMet);
        broken.LoanEvidence.ShouldBe([loan.Id]);
        kept.Status.ShouldBe(RuleStatus.Met);
        kept.EntryEvidence.ShouldBe([shortPayment, ledger.Entries[^1].Id]);
        kept.LoanEvidence.ShouldBeEmpty();
    }

    // ---- Books not open, and the record's parts must belong together ----

    [Fact]
    [Trait("Rule", "FIVE-03")]
    public void A_group_whose_books_are_not_open_fails_savings_and_bookkeeping_and_has_nothing_to_lend_or_repay()
    {
        var group = LedgerBuilders.Ksm(members: 5);
        var register = new MeetingRegister(group.Id);
        register.Add(LedgerBuilders.HeldMeeting(group, Start.PlusDays(2), present: 5));

        var report = FiveBasicRules.Check(GroupFacts.Week(group, register, null, null, WeekOf(Start)), Ksm);
        var evidence = GroupFacts.Sustainability(group, register, null, null, WeekOf(Start), 2);

        report.Outcomes.Select(o => o.Status).ShouldBe([RuleStatus.NotMet, RuleStatus.Met, RuleStatus.NotMet, RuleStatus.Met, RuleStatus.NotApplicable]);
        evidence.ShouldBe(new SustainabilityEvidence(2, 1, 0, true, 5, 5, Rupiah.Zero, 0, 5, Rupiah.Zero, Rupiah.Zero, 0, 0, Rupiah.Zero, Rupiah.Zero));
    }

    [Fact]
    public void Facts_are_refused_for_a_fund_on_another_ledger_a_ledger_of_another_group_or_a_week_starting_on_another_day()
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1).Build();
        var register = new MeetingRegister(group.Id);
        var other = LedgerBuilders.Ksm(members: 5);
        var week = WeekOf(Start);

        Should.Throw<ArgumentException>(() => GroupFacts.Week(group, register, SavingsLedger.Open(group, Start, EntryId.New()), fund, week));
        Should.Throw<ArgumentException>(() => GroupFacts.Week(group, register, null, fund, week));
        Should.Throw<ArgumentException>(() => GroupFacts.Week(group, register, LedgerBuilders.OpenLedger(other, Start), null, week));
        Should.Throw<ArgumentException>(() => GroupFacts.Week(group, new MeetingRegister(other.Id), ledger, fund, week));
        Should.Throw<ArgumentException>(() => GroupFacts.Week(group, register, ledger, fund, BookWeek.StartingOn(Start.PlusDays(1), IsoDayOfWeek.Tuesday)));
        Should.Throw<ArgumentOutOfRangeException>(() => GroupFacts.Sustainability(group, register, ledger, fund, week, 0));
        GroupFacts.Week(group, register, ledger, fund, week).GroupId.ShouldBe(group.Id);
    }

    // ---- STG-02: the period's facts ----

    [Fact]
    [Trait("Rule", "STG-02")]
    public void Business_income_is_the_declared_profit_split_at_the_middle_week_and_a_reversed_profit_counts_for_nothing()
    {
        var group = LedgerBuilders.Ksm(members: 5);
        var ledger = LedgerBuilders.OpenLedger(group, Start);
        var first = WeekOf(Start);
        void Profit(int week, long profit) => ledger.RecordBusinessProfit(HostToday.Of(first.PlusWeeks(week).End), first.PlusWeeks(week).End, Rupiah.Of(profit), "laba usaha");
        Profit(1, 1_000_000); // the last week of the first half (weeks 0 and 1 of 4)
        Profit(2, 600_000); // the first week of the second half
        var wrong = ledger.RecordBusinessProfit(HostToday.Of(first.PlusWeeks(3).Start), first.PlusWeeks(3).Start, Rupiah.Of(9_000_000), "salah catat");
        ledger.Reverse(HostToday.Of(first.PlusWeeks(3).Start), first.PlusWeeks(3).Start, wrong.Id, "laba salah");
        Profit(4, 5_000_000); // after the period

        var evidence = GroupFacts.Sustainability(group, new MeetingRegister(group.Id), ledger, null, first, 4);

        evidence.IncomeFirstHalf.ShouldBe(Rupiah.Of(1_000_000));
        evidence.IncomeSecondHalf.ShouldBe(Rupiah.Of(600_000));
        evidence.IksContributed.ShouldBe(Ksm.Savings.IksShareOfProfit.Of(Rupiah.Of(1_000_000)) + Ksm.Savings.IksShareOfProfit.Of(Rupiah.Of(600_000)));
        GroupStages.AssessSustainability(evidence, Ksm).Single(i => i.Indicator == SustainabilityIndicator.Economic).Checks["IncomeHeld"].ShouldBeFalse();
    }

    [Fact]
    [Trait("Rule", "STG-02")]
    public void Member_savings_at_the_start_exclude_the_periods_first_day_and_at_the_end_include_its_last_day()
    {
        var group = LedgerBuilders.Ksm(members: 5);
        var ledger = LedgerBuilders.OpenLedger(group, Start);
        var first = WeekOf(Start).Next;
        var member = group.Members[0];
        ledger.Deposit(HostToday.Of(first.Start.PlusDays(-1)), first.Start.PlusDays(-1), member, Rupiah.Of(1_000));
        ledger.Deposit(HostToday.Of(first.Start), first.Start, member, Rupiah.Of(20_000));
        ledger.Deposit(HostToday.Of(first.Next.End), first.Next.End, member, Rupiah.Of(300_000));
        ledger.Deposit(HostToday.Of(first.Next.End.PlusDays(1)), first.Next.End.PlusDays(1), member, Rupiah.Of(4_000_000));

        var evidence = GroupFacts.Sustainability(group, new MeetingRegister(group.Id), ledger, null, first, 2);

        evidence.SavingsAtStart.ShouldBe(Rupiah.Of(1_000));
        evidence.SavingsAtEnd.ShouldBe(Rupiah.Of(321_000));
    }

    [Fact]
    [Trait("Rule", "STG-02")]
    public void An_installment_is_paid_on_time_when_settled_by_its_due_date_and_not_when_paid_the_day_after()
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(1).Build();
        var loan = fund.Lend(group, group.Ordinary[0], 500_000, Start.PlusDays(2));
        var (first, second) = (loan.Schedule!.Installments[0], loan.Schedule.Installments[1]);
        fund.Repay(HostToday.Of(first.DueDate), loan.Id, first.DueDate, first.Amount);
        fund.Repay(HostToday.Of(second.DueDate.PlusDays(1)), loan.Id, second.DueDate.PlusDays(1), second.Amount);

        var evidence = GroupFacts.Sustainability(group, new MeetingRegister(group.Id), ledger, fund, WeekOf(first.DueDate), 2);

        evidence.InstallmentsDue.ShouldBe(2);
        evidence.InstallmentsPaidOnTime.ShouldBe(1);
    }

    [Fact]
    [Trait("Rule", "STG-02")]
    public void Weeks_with_a_meeting_and_weeks_closed_follow_the_week_conventions_and_deciders_are_members_present_at_a_decision()
    {
        var group = LedgerBuilders.Ksm(members: 5);
        var ledger = LedgerBuilders.OpenLedger(group, Start);
        var register = new MeetingRegister(group.Id);
        var first = WeekOf(Start);
        var deciding = LedgerBuilders.HeldMeeting(group, first.Start.PlusDays(2), present: 3);
        deciding.Decide(DecisionKind.Other, "jadwal arisan");
        register.Add(deciding);
        register.Add(Meeting.Open(group, MeetingId.New(), first.Next.Start.PlusDays(2), "tanpa daftar hadir"));
        register.Add(LedgerBuilders.HeldMeeting(group, first.PlusWeeks(2).Start, present: 5));
        ledger.CloseWeek(HostToday.Of(first.End), first, first.End);

        var evidence = GroupFacts.Sustainability(group, register, ledger, null, first, 3);

        evidence.WeeksWithMeeting.ShouldBe(2);
        evidence.WeeksClosed.ShouldBe(1);
        evidence.AttendanceRecorded.ShouldBe(10);
        evidence.AttendancePresent.ShouldBe(8);
        evidence.MembersWhoDecided.ShouldBe(3);
        evidence.Members.ShouldBe(5);
    }
}
