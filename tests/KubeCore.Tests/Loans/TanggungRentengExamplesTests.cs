using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Loans;

public class TanggungRentengExamplesTests
{
    private static readonly LocalDate May1 = new(2017, 5, 1);

    [Fact]
    public void Three_missed_weekly_installments_are_covered_by_the_defaulters_savings_then_IKS_then_the_others_pro_rata_and_recovered_in_reverse()
    {
        // A KSM of five saves Rp 1.000 a week for 13 weeks; its business set Rp 20.000 aside for IKS.
        var (group, ledger, fund) = new LoanFundBuilder().WithMembers(5).SavingWeekly(13, 1_000).WithCapital(500_000).WithIks(20_000).Build();
        var a = group.Ordinary[0];
        var (b, c, d, e) = (group.Members[0], group.Members[1], group.Members[2], group.Ordinary[1]);
        ledger.Withdraw(HostToday.Of(May1), May1, a, Rupiah.Of(3_000));   // A keeps Rp 10.000
        ledger.Deposit(HostToday.Of(May1), May1, b, Rupiah.Of(17_000));   // B Rp 30.000
        ledger.Deposit(HostToday.Of(May1), May1, c, Rupiah.Of(7_000));    // C Rp 20.000, D Rp 13.000
        ledger.Withdraw(HostToday.Of(May1), May1, e, Rupiah.Of(13_000));  // E Rp 0

        // A borrows Rp 300.000 over 3 months weekly: 12 × (25.000 + 1.125) = 26.125, and pays nothing.
        var loan = fund.Lend(group, a, 300_000, May1);
        loan.Schedule!.RegularInstallment.ShouldBe(Rupiah.Of(26_125));
        var may16 = new LocalDate(2017, 5, 16);
        Should.Throw<RuleViolationException>(() => fund.CoverArrears(HostToday.Of(may16), loan.Id, may16)).Violation.ErrorCode.ShouldBe(LoanErrors.BelowRentengThreshold);

        // 23 May: installments of 8, 15 and 22 May are overdue: Rp 78.375 in arrears.
        var may23 = new LocalDate(2017, 5, 23);
        fund.StatusOf(loan.Id, may23).Arrears.ShouldBe(Rupiah.Of(78_375));
        var cover = fund.CoverArrears(HostToday.Of(may23), loan.Id, may23);

        cover.Steps.Select(s => (s.Source, s.Amount.Amount, s.ServiceCharge.Amount, s.Principal.Amount)).ShouldBe(
        [
            (RentengSource.BorrowerSavings, 10_000L, 3_375L, 6_625L), // jasa of the three installments first
            (RentengSource.Iks, 20_000L, 0L, 20_000L),
            (RentengSource.MemberSavings, 48_375L, 0L, 48_375L),
        ]);
        // 48.375 pro rata to 30.000 / 20.000 / 13.000: 23.035,71 / 15.357,14 / 9.982,14; the one rupiah left goes to B (largest fraction).
        cover.Steps[2].Contributions.Select(x => (x.Member, x.Amount.Amount)).ShouldBe([(b, 23_036L), (c, 15_357L), (d, 9_982L)], ignoreOrder: true);
        cover.ProRataRemainder.ShouldBe(Rupiah.Of(1));
        cover.Shortfall.ShouldBe(Rupiah.Zero);
        fund.StatusOf(loan.Id, may23).HasArrears.ShouldBeFalse();
        ledger.SavingsOf(a).ShouldBe(Rupiah.Zero);
        ledger.Balances.Iks.ShouldBe(Rupiah.Zero);
        ledger.SavingsOf(e).ShouldBe(Rupiah.Zero);
        ledger.Entries.Count(x => x.Kind == EntryKind.RentengCover).ShouldBe(3);

        // The group is no longer in arrears, so another member may borrow; A owes the group Rp 68.375 and may not.
        fund.AssessApplication(new LoanApplication(LoanId.New(), e, Rupiah.Of(100_000), 3, InstallmentFrequency.Weekly, "modal", may23)).IsApproved.ShouldBeTrue();
        fund.RecoveryOwedBy(a).ShouldBe(Rupiah.Of(68_375));

        // 1 June: A pays back Rp 50.000 — first to the members, then to IKS.
        var recovery = fund.Recover(HostToday.Of(new LocalDate(2017, 6, 1)), loan.Id, new LocalDate(2017, 6, 1), Rupiah.Of(50_000));
        recovery.Lines.Select(l => (l.Claimant.ToString(), l.Amount.Amount)).ShouldBe(
            [(b.ToString(), 23_036L), (c.ToString(), 15_357L), (d.ToString(), 9_982L), ("IKS", 1_625L)], ignoreOrder: true);
        recovery.Lines[^1].Claimant.IsIks.ShouldBeTrue();
        recovery.StillOwed.ShouldBe(Rupiah.Of(18_375));
        ledger.SavingsOf(b).ShouldBe(Rupiah.Of(30_000));
        ledger.Balances.Iks.ShouldBe(Rupiah.Of(1_625));
        ledger.CheckConservation().ShouldBeTrue();
        fund.ReconcileWithLedger().ShouldBeEmpty();
        fund.InstallmentsDueIn(new LocalDate(2017, 5, 8), new LocalDate(2017, 5, 28), may23).Select(x => x.IsSettled).ShouldBe([true, true, true]);
    }
}
