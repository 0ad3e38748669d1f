using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Loans;

/// <summary>
/// Seed 004: a KSM of BKM Guyub Rukun (Kelurahan Bandungrejosari) after its training of 29 January 2017
/// runs the five basic rules: weekly savings, meetings and books, and revolving loans inside the group.
/// </summary>
public class GuyubRukunScenarioTests
{
    private static readonly LocalDate Start = LoanFundBuilder.GuyubRukunStart; // Monday 30 January 2017

    [Fact]
    public void Member_A_borrows_repays_weekly_and_the_repaid_principal_is_lent_to_member_B()
    {
        // Ten members save Rp 5.000 every Monday from 30 January and sign the tanggung renteng statement on the first day.
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(9).WithCapital(0).Build();
        var a = group.Ordinary[0];
        var b = group.Ordinary[1];

        // 27 March: the group may lend within itself (LOAN-01 a, from the first meeting), but only January and February
        // are complete months of savings, so the UPK does not lend to the KSM yet (LOAN-01 b needs 3).
        var march27 = new LocalDate(2017, 3, 27);
        fund.MayLend(march27).IsApproved.ShouldBeTrue();
        var early = fund.AssessUpkAccess(march27);
        early.IsApproved.ShouldBeFalse();
        early.Violations.Select(v => v.ErrorCode).ShouldBe([LoanErrors.UpkSavingsMonthsShort]);
        Should.Throw<RuleViolationException>(() => fund.BorrowFromUpk(HostToday.Of(march27), march27, Rupiah.Of(500_000)));

        // Monday 3 April: the members save; with three months of savings and every statement the UPK lends the KSM
        // Rp 500.000 into its loan fund, and A applies for a first loan of Rp 500.000 over 3 months, weekly.
        var april3 = new LocalDate(2017, 4, 3);
        DepositAll(ledger, group, april3);
        fund.ConsecutiveSavingsMonths(april3).ShouldBe(3);
        fund.BorrowFromUpk(HostToday.Of(april3), april3, Rupiah.Of(500_000), "Pinjaman UPK BKM Guyub Rukun");
        fund.AvailableToLend.ShouldBe(Rupiah.Of(500_000));
        var loanA = fund.ApplyFor(a, 500_000, april3);
        loanA.IsFirstLoan.ShouldBeTrue();

        // The weekly meeting approves it with 8 of 10 present; the ketua signs; the bendahara disburses.
        var meeting = Meeting.Open(group, MeetingId.New(), april3, "pertemuan rutin mingguan");
        meeting.RecordAttendance(group.Members.Select((m, i) => new AttendanceMark(m, i < 8 ? AttendanceStatus.Present : AttendanceStatus.Absent)));
        fund.Approve(loanA.Id, meeting.ApproveLoan(loanA.Id), group.Ketua);
        fund.Disburse(HostToday.Of(april3), loanA.Id, april3);
        fund.AvailableToLend.ShouldBe(Rupiah.Zero);
        loanA.Schedule!.Count.ShouldBe(12);
        loanA.Schedule.RegularInstallment.ShouldBe(Rupiah.Of(43_541));
        loanA.Schedule.LastInstallment.ShouldBe(Rupiah.Of(43_549));

        // 10 April: A pays the first installment; B applies for Rp 300.000 and the meeting approves,
        // but the fund holds only the Rp 41.666 of principal A has returned.
        var april10 = april3.PlusWeeks(1);
        DepositAll(ledger, group, april10);
        fund.Repay(HostToday.Of(april10), loanA.Id, april10, Rupiah.Of(43_541));
        var loanB = fund.ApplyFor(b, 300_000, april10);
        fund.AssessApplication(new LoanApplication(LoanId.New(), b, Rupiah.Of(300_000), 3, InstallmentFrequency.Weekly, "x", april10)).Warnings
            .Select(w => w.ErrorCode).ShouldBe([LoanErrors.AboveAvailableFund]);
        fund.ApproveAtMeeting(group, loanB, april10);
        var entries = ledger.Count;
        var refused = Should.Throw<RuleViolationException>(() => fund.Disburse(HostToday.Of(april10), loanB.Id, april10));
        refused.Violations.Select(v => v.ErrorCode).ShouldBe([LoanErrors.AboveAvailableFund]);
        refused.Violation.RuleId.ShouldBe(RuleIds.Loan06);
        ledger.Count.ShouldBe(entries);
        loanB.State.ShouldBe(LoanState.Approved);

        // Weeks 2..8: A repays on every due date; its principal flows back into the fund (LOAN-09).
        for (var week = 2; week <= 8; week++)
        {
            var monday = april3.PlusWeeks(week);
            DepositAll(ledger, group, monday);
            fund.Repay(HostToday.Of(monday), loanA.Id, monday, Rupiah.Of(43_541));
        }
        var may29 = april3.PlusWeeks(8);
        fund.StatusOf(loanA.Id, may29).PrincipalRepaid.ShouldBe(Rupiah.Of(8 * 41_666));
        fund.AvailableToLend.ShouldBe(Rupiah.Of(333_328));

        // 29 May: A is current (no arrears), so the repaid principal is lent to B.
        var disbursement = fund.AssessDisbursement(loanB.Id, may29);
        disbursement.IsApproved.ShouldBeTrue(disbursement.ToString());
        disbursement.RuleIds.Distinct().ShouldBe([RuleIds.Grp05, RuleIds.Grp06, RuleIds.Off04, RuleIds.Loan01, RuleIds.Loan02, RuleIds.Loan03, RuleIds.Loan07, RuleIds.Loan06, RuleIds.Off05], ignoreOrder: true);
        fund.Disburse(HostToday.Of(may29), loanB.Id, may29);
        fund.AvailableToLend.ShouldBe(Rupiah.Of(33_328));
        ledger.OutstandingPrincipalOf(loanB.Id).ShouldBe(Rupiah.Of(300_000));

        // Weeks 9..12: A finishes (the last installment carries the rounding remainder); B pays weekly.
        for (var week = 9; week <= 12; week++)
        {
            var monday = april3.PlusWeeks(week);
            DepositAll(ledger, group, monday);
            fund.Repay(HostToday.Of(monday), loanA.Id, monday, Rupiah.Of(week == 12 ? 43_549 : 43_541));
            fund.Repay(HostToday.Of(monday), loanB.Id, monday, loanB.Schedule!.Installments[week - 9].Amount);
        }
        var june26 = april3.PlusWeeks(12);
        loanA.State.ShouldBe(LoanState.Repaid);
        loanA.Account!.ServiceChargePaid.ShouldBe(Rupiah.Of(22_500));
        ledger.OutstandingPrincipalOf(loanA.Id).ShouldBe(Rupiah.Zero);
        fund.StatusOf(loanB.Id, june26).HasArrears.ShouldBeFalse();
        ledger.Balances.ServiceChargeIncome.ShouldBe(Rupiah.Of(22_500) + loanB.Account!.ServiceChargePaid);
        ledger.CheckConservation().ShouldBeTrue();
        ledger.VerifyChain().IsIntact.ShouldBeTrue();
        fund.ReconcileWithLedger().ShouldBeEmpty();
        fund.InstallmentsDueIn(june26.PlusDays(-6), june26, june26).Count(i => i.IsSettled).ShouldBe(2); // A's last and B's fourth

        var report = fund.PortfolioAsOf(june26);
        report.ActiveLoans.ShouldBe(1);
        report.LoanAtRisk.Ratio.ShouldBe(Ratio.Of(0, 1));
        report.LoanAtRisk.Band.ShouldBe(IndicatorBand.Good);
        report.RepaymentRate.Band.ShouldBe(IndicatorBand.Good);
        fund.Events.OfType<LoanRepaid>().Select(e => e.Loan).ShouldBe([loanA.Id]);
        fund.Events.OfType<LoanDisbursed>().Select(e => e.Loan).ShouldBe([loanA.Id, loanB.Id]);
    }

    private static void DepositAll(SavingsLedger ledger, LoanTestGroup group, LocalDate date)
    {
        foreach (var member in group.Members)
        {
            ledger.Deposit(HostToday.Of(date), date, member, Rupiah.Of(5_000), "tabungan rutin mingguan");
        }
    }
}
