using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;
using Shouldly;
using static KubeCore.Tests.Builders.LedgerBuilders;

namespace KubeCore.Tests.RulebookProperties;

/// <summary>A posting kind of the ledger (and of the revolving fund on it), driven with one amount.</summary>
public enum PostingKind
{
    Deposit,
    Withdrawal,
    BusinessProfit,
    IksSpend,
    GrantCredit,
    GrantSpend,
    LoanCapital,
    FundTransfer,
    Expense,
    LoanDisbursement,
    RepaymentPrincipal,
    RepaymentServiceCharge,
    RentengCover,
    RentengRecovery,
    FundRepayment,
}

/// <summary>An amount near long.MaxValue for one posting kind, under the default ceiling or a ceiling lifted to long.MaxValue.</summary>
public sealed record HugePosting(PostingKind Kind, long Amount, bool CeilingLifted);

/// <summary>A posting kind with a number of days after the host's today (0 = on today).</summary>
public sealed record DatedPosting(PostingKind Kind, int DaysAfterToday);

/// <summary>The room left below long.MaxValue before a deposit, and how far past it the deposit goes (0 = exactly to the limit).</summary>
public sealed record TurnoverEdge(long Room, long Over);

public static class LedgerLimitsArbitraries
{
    private static readonly Gen<PostingKind> Kinds = Gen.Elements(Enum.GetValues<PostingKind>());

    public static Arbitrary<HugePosting> HugePosting() =>
        (from kind in Kinds
         from distance in Gen.Frequency((3, Gen.Choose(0, 1_000).Select(d => (long)d)), (1, Gen.Choose(0, 1_000_000).Select(d => (long)d)))
         from lifted in Gen.Elements(false, true)
         select new HugePosting(kind, long.MaxValue - distance, lifted)).ToArbitrary();

    public static Arbitrary<DatedPosting> DatedPosting() =>
        (from kind in Kinds
         from days in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 40)), (1, Gen.Choose(41, 2_900_000)))
         select new DatedPosting(kind, days)).ToArbitrary();

    public static Arbitrary<TurnoverEdge> TurnoverEdge() =>
        (from room in Gen.Choose(1, int.MaxValue).Select(r => (long)r)
         from over in Gen.Frequency((1, Gen.Constant(0L)), (2, Gen.Choose(1, 1_000).Select(o => (long)o)))
         select new TurnoverEdge(room, over)).ToArbitrary();
}

/// <summary>
/// SAV-08 (amount ceiling and representable totals) and SAV-09 (no book date after the host's today) on every posting
/// kind of the ledger and the revolving fund: the refusal is coded, nothing is appended, and the legal posting exactly
/// at the limit is accepted.
/// </summary>
public sealed class LedgerLimitsRulesTests
{
    private static readonly LocalDate Opened = GuyubRukunStart;

    /// <summary>Books a little of everything so every posting kind has something to work on; today is <see cref="Opened"/>.</summary>
    private static (TestGroup Group, SavingsLedger Ledger, LoanId Loan, LoanRevolving Fund, LoanId FundLoan) Books(ProgramProfile profile)
    {
        var group = new TestGroup(profile, 10);
        var ledger = FundedLedger(group);
        var today = HostToday.Of(Opened);
        ledger.RecordBusinessProfit(today, Opened, Rupiah.Of(1_000_000), "laba");
        ledger.CreditGrant(today, Opened, Rupiah.Of(2_000_000), "bantuan");
        var loan = LoanId.New();
        ledger.DisburseLoan(today, Opened, loan, group.Members[3], Rupiah.Of(100_000));
        ledger.CoverArrears(today, Opened, loan, Rupiah.Of(10_000), Rupiah.Zero, [RentengContribution.FromIks(Rupiah.Of(10_000))]);

        var builder = new LoanFundBuilder().WithProfile(profile);
        var (fundGroup, _, fund) = builder.Build();
        var fundLoan = fund.Lend(fundGroup, fundGroup.Members[4], 100_000, builder.SavingsEnd);
        return (group, ledger, loan, fund, fundLoan.Id);
    }

    private static ProgramProfile Lifted(ProgramProfile profile) =>
        profile.Derive("TestNoCeiling", 1, "test: SAV-08 ceiling lifted to long.MaxValue", profile.EffectiveFrom,
            p => p with { Savings = p.Savings with { MaxSingleAmount = Rupiah.Of(long.MaxValue) } });

    private static Action Posting(PostingKind kind, SavingsLedger ledger, TestGroup group, LoanId loan, LoanRevolving fund, LoanId fundLoan, HostToday today, LocalDate date, long amount)
    {
        var rp = Rupiah.Of(amount);
        var member = group.Members[0];
        return kind switch
        {
            PostingKind.Deposit => () => ledger.Deposit(today, date, member, rp),
            PostingKind.Withdrawal => () => ledger.Withdraw(today, date, member, rp),
            PostingKind.BusinessProfit => () => ledger.RecordBusinessProfit(today, date, rp),
            PostingKind.IksSpend => () => ledger.SpendIks(today, date, rp, "bantuan warga"),
            PostingKind.GrantCredit => () => ledger.CreditGrant(today, date, rp),
            PostingKind.GrantSpend => () => ledger.SpendGrant(today, date, rp, "KW-1"),
            PostingKind.LoanCapital => () => ledger.AddLoanCapital(today, date, rp),
            PostingKind.FundTransfer => () => ledger.TransferBetweenFunds(today, date, LedgerAccount.Grant, LedgerAccount.LoanFund, rp),
            PostingKind.Expense => () => ledger.RecordExpense(today, date, rp),
            PostingKind.LoanDisbursement => () => ledger.DisburseLoan(today, date, LoanId.New(), member, rp),
            PostingKind.RepaymentPrincipal => () => ledger.RecordRepayment(today, date, loan, rp, Rupiah.Of(1)),
            PostingKind.RepaymentServiceCharge => () => ledger.RecordRepayment(today, date, loan, Rupiah.Of(1), rp),
            PostingKind.RentengCover => () => ledger.CoverArrears(today, date, loan, rp, Rupiah.Zero, [RentengContribution.FromIks(rp)]),
            PostingKind.RentengRecovery => () => ledger.RecoverCover(today, date, loan, RentengClaimant.Iks, rp),
            _ => () => fund.Repay(today, fundLoan, date, rp),
        };
    }

    private static bool PartsOverflow(HugePosting p) =>
        p.Amount == long.MaxValue && p.Kind is PostingKind.RepaymentPrincipal or PostingKind.RepaymentServiceCharge;

    [Property(MaxTest = 200, Arbitrary = [typeof(LedgerLimitsArbitraries)])]
    [Trait("Rule", "SAV-08")]
    public bool An_amount_near_long_MaxValue_is_refused_by_every_posting_kind_before_anything_is_appended(HugePosting p)
    {
        var profile = p.CeilingLifted ? Lifted(ProgramProfiles.KsmP2kp) : ProgramProfiles.KsmP2kp;
        var (group, ledger, loan, fund, fundLoan) = Books(profile);
        var target = p.Kind == PostingKind.FundRepayment ? fund.Ledger : ledger;
        var before = LedgerFingerprint.Of(target);
        var today = HostToday.Of(LocalDate.MaxIsoValue);
        var date = p.Kind == PostingKind.FundRepayment ? fund.Ledger.LastBookDate : Opened;

        var outcome = Record.Exception(Posting(p.Kind, ledger, group, loan, fund, fundLoan, today, date, p.Amount));

        if (p.CeilingLifted && p.Kind is PostingKind.BusinessProfit or PostingKind.FundRepayment)
        {
            // Without a ceiling these post less than the amount given (the IKS share; what is owed, LOAN-05): accepted
            // or refused by their own rules, never by an overflow.
            return outcome is null || (outcome is RuleViolationException && LedgerFingerprint.Of(target) == before);
        }
        return outcome is RuleViolationException refusal
            && refusal.Violation.RuleId == RuleIds.Sav08
            && refusal.Violation.ErrorCode is SavingsErrors.AmountAboveCeiling or SavingsErrors.TotalsOutOfRange
            // Under the ceiling's profile the ceiling is named, unless the posting's own parts do not add up to a long
            // (a repayment or cover of long.MaxValue plus Rp 1 of the other part): then its total is out of range.
            && (p.CeilingLifted || refusal.Violation.ErrorCode == SavingsErrors.AmountAboveCeiling || PartsOverflow(p))
            && LedgerFingerprint.Of(target) == before
            && target.VerifyChain().IsIntact;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(LedgerLimitsArbitraries)])]
    [Trait("Rule", "SAV-08")]
    public bool A_posting_that_takes_the_ledger_totals_exactly_to_long_MaxValue_is_accepted_and_one_rupiah_more_is_refused(TurnoverEdge edge)
    {
        var group = new TestGroup(Lifted(ProgramProfiles.KsmP2kp), 10);
        var ledger = OpenLedger(group);
        var today = HostToday.Of(Opened);
        ledger.Deposit(today, Opened, group.Members[0], Rupiah.Of(long.MaxValue - edge.Room));
        var before = LedgerFingerprint.Of(ledger);
        var amount = edge.Room + edge.Over;

        var outcome = Record.Exception(() => ledger.Deposit(today, Opened, group.Members[1], Rupiah.Of(amount)));

        return edge.Over == 0
            ? outcome is null && ledger.Turnover == Rupiah.Of(long.MaxValue) && ledger.Balances.CheckConservation()
            : outcome is RuleViolationException { Violation.ErrorCode: SavingsErrors.TotalsOutOfRange } && LedgerFingerprint.Of(ledger) == before;
    }

    [Fact]
    [Trait("Rule", "SAV-08")]
    public void The_default_ceiling_of_one_trillion_rupiah_accepts_a_deposit_of_exactly_the_ceiling_and_refuses_one_rupiah_more()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var today = HostToday.Of(Opened);
        var ceiling = group.Profile.Savings.MaxSingleAmount;
        ceiling.ShouldBe(Rupiah.Of(1_000_000_000_000));

        var refusal = Should.Throw<RuleViolationException>(() => ledger.Deposit(today, Opened, group.Members[0], ceiling + Rupiah.Of(1)));
        refusal.Violation.ErrorCode.ShouldBe(SavingsErrors.AmountAboveCeiling);
        ledger.Count.ShouldBe(1);

        ledger.Deposit(today, Opened, group.Members[0], ceiling);
        ledger.Withdraw(today, Opened, group.Members[0], ceiling);
        ledger.AddLoanCapital(today, Opened, ceiling);
        ledger.Count.ShouldBe(4);
        ledger.Balances.CheckConservation().ShouldBeTrue();
    }

    [Fact]
    [Trait("Rule", "SAV-08")]
    public void The_probe_deposit_of_long_MaxValue_is_refused_and_the_group_goes_on_saving()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var today = HostToday.Of(Opened);

        Should.Throw<RuleViolationException>(() => ledger.Deposit(today, Opened, group.Members[0], Rupiah.Of(long.MaxValue)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.AmountAboveCeiling);
        ledger.Deposit(today, Opened, group.Members[0], Rupiah.Of(5_000));
        ledger.RecordBusinessProfit(today, Opened, Rupiah.Of(1_000_000));
        ledger.AddLoanCapital(today, Opened, Rupiah.Of(1_000_000));
        ledger.Count.ShouldBe(4);
    }

    [Fact]
    [Trait("Rule", "SAV-08")]
    public void A_loan_application_above_the_ceiling_or_whose_total_with_jasa_is_unrepresentable_is_refused_and_one_at_the_ceiling_is_accepted()
    {
        var generous = ProgramProfiles.KsmP2kp.Derive("TestBigLoans", 1, "test: loan ceilings lifted", ProgramProfiles.KsmP2kp.EffectiveFrom,
            p => p with { Loans = p.Loans with { FirstLoanCeiling = Rupiah.Of(long.MaxValue), RepeatLoanCeiling = Rupiah.Of(long.MaxValue), BankReferralPrincipal = Rupiah.Of(long.MaxValue) } });
        var (group, _, fund) = new LoanFundBuilder().WithProfile(generous).Build();
        var date = new LoanFundBuilder().SavingsEnd;
        var ceiling = generous.Savings.MaxSingleAmount.Amount;

        Should.Throw<RuleViolationException>(() => fund.ApplyFor(group.Members[3], ceiling + 1, date))
            .Violations.ShouldContain(v => v.RuleId == RuleIds.Sav08 && v.ErrorCode == SavingsErrors.AmountAboveCeiling);
        fund.Loans.Count.ShouldBe(0);
        fund.ApplyFor(group.Members[3], ceiling, date).Principal.ShouldBe(Rupiah.Of(ceiling));

        var unbounded = generous.Derive("TestNoCeilingLoans", 1, "test", generous.EffectiveFrom,
            p => p with { Savings = p.Savings with { MaxSingleAmount = Rupiah.Of(long.MaxValue) } });
        var (group2, _, fund2) = new LoanFundBuilder().WithProfile(unbounded).Build();
        Should.Throw<RuleViolationException>(() => fund2.ApplyFor(group2.Members[3], long.MaxValue - 1_000, date, months: 12))
            .Violations.ShouldContain(v => v.RuleId == RuleIds.Sav08 && v.ErrorCode == SavingsErrors.TotalsOutOfRange);
        fund2.Loans.Count.ShouldBe(0);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(LedgerLimitsArbitraries)])]
    [Trait("Rule", "SAV-09")]
    public bool A_book_date_after_the_hosts_today_is_refused_by_every_posting_kind_and_a_date_on_today_is_accepted(DatedPosting p)
    {
        var (group, ledger, loan, fund, fundLoan) = Books(ProgramProfiles.KsmP2kp);
        var target = p.Kind == PostingKind.FundRepayment ? fund.Ledger : ledger;
        var todayDate = target.LastBookDate;
        var date = todayDate.PlusDays(Math.Min(p.DaysAfterToday, Period.Between(todayDate, LocalDate.MaxIsoValue, PeriodUnits.Days).Days));
        var before = LedgerFingerprint.Of(target);

        var outcome = Record.Exception(Posting(p.Kind, ledger, group, loan, fund, fundLoan, HostToday.Of(todayDate), date, 1_000));

        return date > todayDate
            ? outcome is RuleViolationException { Violation.ErrorCode: SavingsErrors.DateAfterToday } && LedgerFingerprint.Of(target) == before
            : outcome is null or RuleViolationException { Violation.RuleId.Value: not "SAV-09" };
    }

    [Fact]
    [Trait("Rule", "SAV-09")]
    public void A_deposit_dated_9999_12_31_is_refused_and_real_deposits_still_go_through()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var today = HostToday.Of(new LocalDate(2017, 2, 3));

        var refusal = Should.Throw<RuleViolationException>(() => ledger.Deposit(today, LocalDate.MaxIsoValue, group.Members[0], Rupiah.Of(5_000)));
        refusal.Violation.ErrorCode.ShouldBe(SavingsErrors.DateAfterToday);
        refusal.Violation.Message(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("9999-12-31");

        ledger.Deposit(today, today.Date, group.Members[0], Rupiah.Of(5_000));
        ledger.LastBookDate.ShouldBe(today.Date);
    }

    [Fact]
    [Trait("Rule", "SAV-09")]
    public void A_week_is_closed_on_the_hosts_today_but_not_the_day_before_it_is_reached()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var week = ledger.NextWeekToClose;

        Should.Throw<RuleViolationException>(() => ledger.CloseWeek(HostToday.Of(week.End.PlusDays(-1)), week, week.End))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.DateAfterToday);
        ledger.CloseWeek(HostToday.Of(week.End), week, week.End).Totals.Week.ShouldBe(week);
    }

    [Fact]
    [Trait("Rule", "SAV-09")]
    public void Closing_the_week_that_starts_on_9999_12_27_answers_a_coded_refusal_instead_of_throwing()
    {
        var group = Ksm();
        var start = new LocalDate(9999, 12, 27);
        var ledger = OpenLedger(group, start);
        var week = ledger.NextWeekToClose;
        var today = HostToday.Of(LocalDate.MaxIsoValue);

        week.End.ShouldBe(LocalDate.MaxIsoValue);
        week.ToString().ShouldEndWith("/9999-12-31");
        var refusal = Should.Throw<RuleViolationException>(() => ledger.CloseWeek(today, week, LocalDate.MaxIsoValue));
        refusal.Violation.ErrorCode.ShouldBe(SavingsErrors.DateOutOfRange);
        refusal.Violation.Message(System.Globalization.CultureInfo.InvariantCulture).ShouldNotBeNullOrEmpty();
        Should.Throw<RuleViolationException>(() => ledger.CloseWeek(today, week.PlusWeeks(-1), LocalDate.MaxIsoValue))
            .Violation.Message(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("9999-12-31");
        ledger.Deposit(today, LocalDate.MaxIsoValue, group.Members[0], Rupiah.Of(5_000)).BookDate.ShouldBe(LocalDate.MaxIsoValue);
        ledger.ComputeWeekTotals(week).Reconciles.ShouldBeTrue();
    }

    [Theory]
    [Trait("Rule", "SAV-09")]
    [InlineData(InstallmentFrequency.Monthly, 3)]
    [InlineData(InstallmentFrequency.Weekly, 3)]
    public void A_loan_disbursed_so_late_that_its_schedule_passes_9999_12_31_is_refused_with_a_code_and_the_last_fitting_day_is_accepted(InstallmentFrequency frequency, int months)
    {
        var late = new LocalDate(9999, 1, 4);
        var (group, ledger, fund) = new LoanFundBuilder().StartingOn(late).SavingWeekly(14).Build();
        var count = RepaymentSchedule.InstallmentCountFor(months, frequency);
        var lastFitting = frequency == InstallmentFrequency.Weekly ? LocalDate.MaxIsoValue.PlusWeeks(-count) : LocalDate.MaxIsoValue.PlusMonths(-count);
        var today = HostToday.Of(LocalDate.MaxIsoValue);
        var loan = fund.ApplyFor(group.Members[3], 100_000, lastFitting, months, frequency);
        fund.ApproveAtMeeting(group, loan, lastFitting);
        var before = ledger.Count;

        Should.Throw<RuleViolationException>(() => fund.Disburse(today, loan.Id, lastFitting.PlusDays(1)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.DateOutOfRange);
        ledger.Count.ShouldBe(before);
        fund.Disburse(today, loan.Id, lastFitting).Schedule!.MaturityDate.ShouldBeLessThanOrEqualTo(LocalDate.MaxIsoValue);
        fund.StatusOf(loan.Id, LocalDate.MaxIsoValue).InstallmentCount.ShouldBe(count);
    }
}
