using KubeCore.Common;
using KubeCore.Meetings;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using NodaTime;
using static KubeCore.Tests.Builders.LedgerBuilders;

namespace KubeCore.Tests.Savings;

/// <summary>
/// Seed 004: after the KSM training of BKM Guyub Rukun (Kelurahan Bandungrejosari, Sunday 29 January 2017)
/// a KSM of ten members applies the five basic rules: it saves weekly, meets weekly (Saturday), keeps its books
/// and closes them every Sunday, for twelve weeks.
/// </summary>
public class GuyubRukunScenarioTests
{
    private static readonly string[] Names = ["Sumiati", "Parmi", "Suyono", "Endang", "Kasiyem", "Lestari", "Tukiran", "Wagini", "Rukmini", "Sarni"];

    [Fact]
    public void A_KSM_of_BKM_Guyub_Rukun_saves_weekly_for_twelve_weeks_with_weekly_meetings_and_closes()
    {
        var group = Ksm(10);
        var m = group.Members;
        var name = m.Select((id, i) => (id, Names[i])).ToDictionary(x => x.id, x => x.Item2);
        var ledger = OpenLedger(group, GuyubRukunStart);
        var register = new MeetingRegister(group.Id);
        var weekly = group.Profile.Savings.WeeklySavingsAmount;
        weekly.ShouldBe(Rupiah.Of(5_000));
        ledger.WeekStartsOn.ShouldBe(IsoDayOfWeek.Monday);
        var loan = LoanId.New();
        var repayments = Rupiah.Of(500_000).Split(6);

        for (var w = 0; w < 12; w++)
        {
            var week = ledger.NextWeekToClose;
            week.ShouldBe(BookWeek.StartingOn(GuyubRukunStart.PlusWeeks(w), IsoDayOfWeek.Monday));
            var saturday = week.Start.PlusDays(5);

            // Pertemuan rutin mingguan: attendance first, then decisions.
            var meeting = Meeting.Open(group, MeetingId.New(), saturday, $"Pertemuan minggu ke-{w + 1}");
            var marks = m.Select((member, i) => new AttendanceMark(member, Mark(i, w))).ToList();
            meeting.RecordAttendance(marks);
            register.Add(meeting);

            // Tabungan rutin mingguan at the meeting.
            for (var i = 0; i < 10; i++)
            {
                var amount = Deposit(i, w, weekly);
                if (amount.IsPositive)
                {
                    ledger.Deposit(HostToday.Of(saturday), saturday, m[i], amount, $"TAB-{w + 1:00}-{i + 1:00}");
                }
            }

            if (w == 5)
            {
                // The KSM received revolving capital from the UPK and approves its first loan at the meeting.
                ledger.AddLoanCapital(HostToday.Of(saturday), saturday, Rupiah.Of(1_000_000), "UPK BKM Guyub Rukun");
                var approval = meeting.ApproveLoan(loan);
                approval.HadQuorum.ShouldBeTrue();
                ledger.DisburseLoan(HostToday.Of(saturday), saturday, loan, m[1], Rupiah.Of(500_000), approval.MeetingId.ToString());
            }
            if (w >= 6)
            {
                // Illustrative jasa: 1,5 % a month of Rp 500.000 spread over four weekly installments.
                ledger.RecordRepayment(HostToday.Of(saturday), saturday, loan, repayments[w - 6], Rupiah.Of(1_875), $"ANG-{w - 5}");
            }
            if (w == 7)
            {
                // The bendahara wrote Rp 50.000 for Sumiati's Rp 5.000; the slip is corrected the same day.
                var wrong = ledger.Deposit(HostToday.Of(saturday), saturday, m[0], Rupiah.Of(50_000), "TAB-08-01b");
                ledger.Reverse(HostToday.Of(saturday), saturday, wrong.Id, "Salah tulis: seharusnya Rp 5.000, sudah dicatat di TAB-08-01");
            }

            // Pembukuan rutin mingguan: close on Sunday.
            var close = ledger.CloseWeek(HostToday.Of(week.End), week, week.End);
            close.Totals.Reconciles.ShouldBeTrue();
            var expectedDeposits = Enumerable.Range(0, 10).Sum(i => Deposit(i, w, weekly).Amount) + (w == 7 ? 50_000 : 0);
            close.Totals.Deposits.Amount.ShouldBe(expectedDeposits);
            close.Totals.DepositsByMember.Count.ShouldBe(Enumerable.Range(0, 10).Count(i => Deposit(i, w, weekly).IsPositive));
            register.EvidenceFor(week).Meetings.ShouldHaveSingleItem().Meeting.ShouldBe(meeting.Id);
            ledger.CheckConservation().ShouldBeTrue();
        }

        // Entries dated in a closed week are refused; the open week takes corrections.
        Should.Throw<KubeCore.Rules.RuleViolationException>(() => ledger.Deposit(HostToday.Of(GuyubRukunStart.PlusWeeks(11).PlusDays(6)), GuyubRukunStart.PlusWeeks(11).PlusDays(6), m[6], weekly));

        var asOf = GuyubRukunStart.PlusWeeks(12).PlusDays(-1);
        var report = ledger.SavingsArrears(asOf);
        report.Members.Count.ShouldBe(10);
        report.Members.ShouldAllBe(line => line.WeeksDue == 12);
        var inArrears = report.InArrears.ToDictionary(l => name[l.Member]);
        inArrears.Keys.ShouldBe(["Wagini"]);
        inArrears["Wagini"].MissingWeeks.ShouldBe([ledger.WeekOf(GuyubRukunStart.PlusWeeks(10)), ledger.WeekOf(GuyubRukunStart.PlusWeeks(11))]);
        inArrears["Wagini"].Shortfall.ShouldBe(Rupiah.Of(10_000));
        var kasiyem = report.Members.Single(l => name[l.Member] == "Kasiyem");
        kasiyem.IsUpToDate.ShouldBeTrue("Kasiyem missed weeks 3 and 4 and caught up in week 5");
        ledger.SavingsArrears(GuyubRukunStart.PlusWeeks(4).PlusDays(-1)).InArrears.Select(l => name[l.Member]).ShouldBe(["Kasiyem"]);
        var rukmini = report.Members.Single(l => name[l.Member] == "Rukmini");
        rukmini.IsUpToDate.ShouldBeTrue("Rukmini paid week 2 in advance in week 1");

        ledger.Balances.MemberSavingsTotal.ShouldBe(Rupiah.Of(5_000 * ((12 * 10) - 2)));
        ledger.SavingsOf(m[0]).ShouldBe(Rupiah.Of(60_000));
        ledger.OutstandingPrincipalOf(loan).ShouldBe(Rupiah.Zero);
        ledger.LoanFundAvailable.ShouldBe(Rupiah.Of(1_000_000));
        ledger.Balances.ServiceChargeIncome.ShouldBe(Rupiah.Of(6 * 1_875));
        ledger.Cash.ShouldBe(ledger.Balances.MemberSavingsTotal + Rupiah.Of(1_000_000) + Rupiah.Of(6 * 1_875));
        ledger.Closes.Count.ShouldBe(12);
        ledger.VerifyChain().IsIntact.ShouldBeTrue();
        var rebuilt = SavingsLedger.Rehydrate(group, ledger.Entries, ledger.LastHash);
        rebuilt.Cash.ShouldBe(ledger.Cash);
        rebuilt.SavingsArrears(asOf).InArrears.Single().Member.ShouldBe(m[7]);
    }

    // Kasiyem (4) is absent in weeks 3 and 4; Wagini (7) is excused in weeks 11 and 12; Endang (3) comes late in week 2.
    private static AttendanceStatus Mark(int member, int week) => (member, week) switch
    {
        (4, 2 or 3) => AttendanceStatus.Absent,
        (7, 10 or 11) => AttendanceStatus.Excused,
        (3, 1) => AttendanceStatus.Late,
        _ => AttendanceStatus.Present,
    };

    // Kasiyem catches up three weeks in week 5; Rukmini (8) pays week 2 in advance in week 1.
    private static Rupiah Deposit(int member, int week, Rupiah weekly) => (member, week) switch
    {
        (4, 2 or 3) => Rupiah.Zero,
        (4, 4) => weekly * 3,
        (7, 10 or 11) => Rupiah.Zero,
        (8, 0) => weekly * 2,
        (8, 1) => Rupiah.Zero,
        _ => weekly,
    };
}
