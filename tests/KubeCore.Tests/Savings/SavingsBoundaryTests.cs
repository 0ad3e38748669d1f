using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using static KubeCore.Tests.Builders.LedgerBuilders;

namespace KubeCore.Tests.Savings;

/// <summary>
/// Both sides of the savings-ledger limits the other ledger tests leave open. Books open on Monday 30 January 2017
/// (KsmP2kp: Rp 5.000 a week, 10 % of a profit to IKS).
/// </summary>
public class SavingsBoundaryTests
{
    [Fact]
    [Trait("Rule", "GRP-07")]
    public void The_loan_fund_is_never_moved_into_a_members_savings_and_a_members_savings_may_go_into_the_loan_fund()
    {
        var group = Ksm();
        var ledger = FundedLedger(group);
        var day = ledger.OpenedOn;
        var today = HostToday.Of(day);
        var member = group.Members[3];

        Should.Throw<RuleViolationException>(() => ledger.TransferBetweenFunds(today, day, LedgerAccount.LoanFund, LedgerAccount.MemberSavings(member), Rupiah.Of(1)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.GroupFundNotForMember);

        ledger.TransferBetweenFunds(today, day, LedgerAccount.MemberSavings(member), LedgerAccount.LoanFund, Rupiah.Of(15_000), "iuran modal pinjaman kelompok");
        ledger.SavingsOf(member).ShouldBe(Rupiah.Of(35_000));
        ledger.Balances.LoanFund.ShouldBe(Rupiah.Of(1_015_000));
    }

    [Fact]
    [Trait("Rule", "SAV-03")]
    public void A_restored_ledger_that_overdraws_one_member_by_one_rupiah_fails_the_full_conservation_check_though_cash_still_adds_up()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var day = ledger.OpenedOn;
        var today = HostToday.Of(day);
        var (a, b) = (group.Members[0], group.Members[1]);
        ledger.Deposit(today, day, a, Rupiah.Of(10_000));
        ledger.Deposit(today, day, b, Rupiah.Of(10_000));
        ledger.Withdraw(today, day, a, Rupiah.Of(10_000));
        var state = ledger.ToState();
        SavingsLedger.Restore(state, group).CheckConservation().ShouldBeTrue();

        // A forger who knows the encoding turns the withdrawal into 10.001: A's savings −1, cash 9.999 = 0 − 1 + 10.000.
        var entries = state.Entries.ToList();
        entries[3].Kind.ShouldBe(EntryKind.SavingsWithdrawal);
        entries[3] = entries[3] with { Legs = [.. entries[3].Legs.Select(l => l with { Amount = Rupiah.Of(10_001) })] };
        var forged = SavingsLedger.Restore(state with { Entries = LedgerStateTests.Rechain(entries, group.Id) }, group);

        forged.SavingsOf(a).ShouldBe(Rupiah.Of(-1));
        forged.Cash.ShouldBe(Rupiah.Of(9_999));
        forged.Balances.IsConserved.ShouldBeTrue();
        forged.CheckConservation().ShouldBeFalse();
    }

    [Fact]
    [Trait("Rule", "SAV-04")]
    public void A_reversed_deposit_no_longer_covers_its_week_and_a_member_who_paid_the_week_is_up_to_date()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var day = ledger.OpenedOn;
        var today = HostToday.Of(day);
        var (a, b) = (group.Members[0], group.Members[1]);
        ledger.Deposit(today, day, a, Rupiah.Of(5_000));
        var wrong = ledger.Deposit(today, day, b, Rupiah.Of(5_000));
        ledger.Reverse(today, day, wrong.Id, "salah catat");

        // As of Sunday 5 February, week 1 is due: A paid it; B's deposit was reversed, so B owes it.
        var report = ledger.SavingsArrears(day.PlusDays(6));
        var lineA = report.Members.Single(l => l.Member == a);
        lineA.WeeksCovered.ShouldBe(1);
        lineA.IsUpToDate.ShouldBeTrue();
        var lineB = report.Members.Single(l => l.Member == b);
        lineB.Deposited.ShouldBe(Rupiah.Zero);
        lineB.WeeksCovered.ShouldBe(0);
        lineB.MissingWeeks.Count.ShouldBe(1);
        lineB.Shortfall.ShouldBe(Rupiah.Of(5_000));
        lineB.IsUpToDate.ShouldBeFalse();
        report.InArrears.ShouldNotContain(lineA);
    }

    [Fact]
    [Trait("Rule", "SAV-05")]
    public void A_posting_dated_the_day_before_the_books_opened_is_refused_as_before_the_opening_and_one_on_the_opening_day_is_booked()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var opened = ledger.OpenedOn;

        Should.Throw<RuleViolationException>(() => ledger.Deposit(HostToday.Of(opened), opened.PlusDays(-1), group.Members[0], Rupiah.Of(5_000)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.DateBeforeOpening);
        ledger.Deposit(HostToday.Of(opened), opened, group.Members[0], Rupiah.Of(5_000)).BookDate.ShouldBe(opened);
    }

    [Fact]
    [Trait("Rule", "SAV-06")]
    public void An_IKS_spend_for_a_default_member_id_is_refused_as_malformed_and_one_for_a_current_member_is_booked()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var day = ledger.OpenedOn;
        var today = HostToday.Of(day);
        ledger.RecordBusinessProfit(today, day, Rupiah.Of(1_000_000));   // IKS 100.000

        Should.Throw<ArgumentException>(() => ledger.SpendIks(today, day, Rupiah.Of(10_000), IksPurpose.SocialNeed, "biaya berobat", default(PersonId)));
        ledger.Balances.Iks.ShouldBe(Rupiah.Of(100_000));
        ledger.SpendIks(today, day, Rupiah.Of(10_000), IksPurpose.SocialNeed, "biaya berobat", group.Members[2]).Amount.ShouldBe(Rupiah.Of(10_000));
        ledger.Balances.Iks.ShouldBe(Rupiah.Of(90_000));
    }

    [Fact]
    [Trait("Rule", "LOAN-08")]
    public void The_open_renteng_claims_on_a_loan_are_its_own_claimants_with_something_left_to_recover()
    {
        var group = Ksm();
        var ledger = FundedLedger(group);
        var day = ledger.OpenedOn;
        var today = HostToday.Of(day);
        var (a, b, c) = (group.Members[0], group.Members[1], group.Members[2]);
        var loanA = LoanId.New();
        var loanB = LoanId.New();
        ledger.DisburseLoan(today, day, loanA, a, Rupiah.Of(100_000));
        ledger.DisburseLoan(today, day, loanB, b, Rupiah.Of(100_000));
        ledger.CoverArrears(today, day, loanA, Rupiah.Of(20_000), Rupiah.Zero, [RentengContribution.FromMemberSavings(c, Rupiah.Of(20_000))]);
        ledger.CoverArrears(today, day, loanB, Rupiah.Of(15_000), Rupiah.Zero, [RentengContribution.FromMemberSavings(c, Rupiah.Of(15_000))]);

        var claim = ledger.Balances.RentengClaimsOn(loanA).ShouldHaveSingleItem();
        claim.Claimant.ShouldBe(RentengClaimant.OfMember(c));
        claim.Claim.ShouldBe(Rupiah.Of(20_000));

        // A pays C back in full: nothing is left to recover on loan A; C's claim on loan B stays.
        ledger.RecoverCover(today, day, loanA, RentengClaimant.OfMember(c), Rupiah.Of(20_000));
        ledger.Balances.RentengClaimsOn(loanA).ShouldBeEmpty();
        ledger.Balances.RentengClaimsOn(loanB).ShouldHaveSingleItem().Claim.ShouldBe(Rupiah.Of(15_000));
    }

    [Fact]
    [Trait("Rule", "SAV-08")]
    public void A_loan_whose_principal_plus_flat_jasa_is_exactly_long_MaxValue_is_applied_for_and_one_rupiah_more_principal_is_refused()
    {
        // No ceilings at all, so only representability limits the loan. Over 3 months at 1,5 % the flat jasa is
        // floor(P × 4,5 %): P = 8.826.193.336.703.134.744 gives jasa 397.178.700.151.641.063 (of ...063,48) and a total of
        // 9.223.372.036.854.775.807 = long.MaxValue exactly; one rupiah more principal adds one to the total.
        var unbounded = ProgramProfiles.KsmP2kp.Derive("TestUnboundedLoans", 1, "test: every loan and savings ceiling lifted", ProgramProfiles.KsmP2kp.EffectiveFrom,
            p => p with
            {
                Loans = p.Loans with { FirstLoanCeiling = Rupiah.Of(long.MaxValue), RepeatLoanCeiling = Rupiah.Of(long.MaxValue), BankReferralPrincipal = Rupiah.Of(long.MaxValue) },
                Savings = p.Savings with { MaxSingleAmount = Rupiah.Of(long.MaxValue) },
            });
        var (group, _, fund) = new LoanFundBuilder().WithProfile(unbounded).Build();
        var date = new LoanFundBuilder().SavingsEnd;
        const long atTheLimit = 8_826_193_336_703_134_744;

        Should.Throw<RuleViolationException>(() => fund.ApplyFor(group.Members[3], atTheLimit + 1, date, months: 3))
            .Violations.ShouldContain(v => v.RuleId == RuleIds.Sav08 && v.ErrorCode == SavingsErrors.TotalsOutOfRange);
        fund.Loans.ShouldBeEmpty();
        fund.ApplyFor(group.Members[3], atTheLimit, date, months: 3).Principal.ShouldBe(Rupiah.Of(atTheLimit));
    }
}
