using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;
using NodaTime;

namespace KubeCore.Tests.Examples;

/// <summary>
/// The week of a five-basic-rules row, built from the group's own aggregates and judged by
/// <see cref="FiveBasicRules.Check"/> on the facts <see cref="GroupFacts.Week"/> derives. A group of <c>members</c>
/// (default 10) opens its books with loan capital 5.000.000 on Monday 6 January 2020; the week judged is week
/// <c>week</c> (default 1). In that week: the first <c>savers</c> members (default all) deposit 5.000 on day
/// <c>deposit_day</c> (0 = the week's Monday, default 2; 7 = the next Monday), the first <c>reversed</c> of those
/// deposits are reversed; a meeting is held on day 2 unless <c>meeting: false</c>, with <c>present</c> members present
/// (default all), the first <c>marked</c> members marked (default all) and a stranger marked too when
/// <c>stranger_marked</c>, its agenda "pertemuan rutin mingguan" or, with <c>agenda_length</c>, that many letters; <c>disbursed</c> loans (default 0) are lent and <c>approved_not_disbursed</c> (default 0)
/// are approved on day <c>approve_day</c> (default 2) and left waiting; with <c>loan_before: true</c> a 500.000 loan
/// over 3 months weekly is lent on the books' first day, and its first installment (43.541) is paid on day
/// <c>pay_day</c> of the judged week when given. The books are closed through the judged week on its last day unless
/// <c>books_closed: false</c>. Figures: <c>status</c> of the row's rule, and <c>missing</c> (members who did not save),
/// <c>evidence</c> (number of entries shown) and <c>loans</c> (loans shown).
/// </summary>
internal static class FiveRulesScenario
{
    public static readonly LocalDate Start = new(2020, 1, 6);

    public static ExampleResult Run(WorkedExample example, RuleId rule)
    {
        var (group, ledger, fund) = new LoanFundBuilder()
            .WithProfile(example.ProgramProfile).WithMembers(example.Int("members", 10)).StartingOn(Start)
            .SavingWeekly(0).WithCapital(5_000_000).Build();
        var register = new MeetingRegister(group.Id);
        var week = ledger.WeekOf(Start).PlusWeeks(example.Int("week", 1) - 1);
        var actions = new List<(LocalDate Date, Action Act)>();
        Loan? earlier = null;
        if (example.Bool("loan_before", false))
        {
            earlier = fund.Lend(group, group.Ordinary[^1], 500_000, Start);
        }
        var depositOn = week.Start.PlusDays(example.Int("deposit_day", 2));
        var deposits = new List<LedgerEntry>();
        foreach (var member in group.Members.Take(example.Int("savers", group.Members.Count)))
        {
            actions.Add((depositOn, () => deposits.Add(ledger.Deposit(HostToday.Of(depositOn), depositOn, member, Rupiah.Of(5_000), "tabungan rutin"))));
        }
        var reversed = example.Int("reversed", 0);
        if (reversed > 0)
        {
            actions.Add((depositOn, ReverseDeposits));
        }
        var meetingOn = week.Start.PlusDays(2);
        if (example.Bool("meeting", true))
        {
            actions.Add((meetingOn, HoldMeeting));
        }
        var approveOn = week.Start.PlusDays(example.Int("approve_day", 2));
        for (var i = 0; i < example.Int("disbursed", 0); i++)
        {
            var member = group.Ordinary[i];
            actions.Add((approveOn, () => fund.Lend(group, member, 300_000, approveOn)));
        }
        for (var i = 0; i < example.Int("approved_not_disbursed", 0); i++)
        {
            var member = group.Ordinary[3 + i];
            actions.Add((approveOn, () => fund.ApproveAtMeeting(group, fund.ApplyFor(member, 300_000, approveOn), approveOn)));
        }
        if (earlier is not null && example.Has("pay_day"))
        {
            var payOn = week.Start.PlusDays(example.Int("pay_day"));
            actions.Add((payOn, () => fund.Repay(HostToday.Of(payOn), earlier.Id, payOn, earlier.Schedule!.Installments[0].Amount)));
        }
        foreach (var (_, act) in actions.OrderBy(a => a.Date))
        {
            act();
        }
        if (example.Bool("books_closed", true))
        {
            var closeOn = ledger.LastBookDate > week.End ? ledger.LastBookDate : week.End;
            while (ledger.NextWeekToClose.Start <= week.Start)
            {
                ledger.CloseWeek(HostToday.Of(closeOn), ledger.NextWeekToClose, closeOn);
            }
        }
        var outcome = FiveBasicRules.Check(GroupFacts.Week(group, register, ledger, fund, week), example.ProgramProfile)[rule];
        return ExampleRunner.Accepted(("status", outcome.Status), ("missing", outcome.MembersMissing.Count),
            ("evidence", outcome.EntryEvidence.Count), ("loans", outcome.LoanEvidence.Count));

        void ReverseDeposits()
        {
            foreach (var entry in deposits.Take(reversed))
            {
                ledger.Reverse(HostToday.Of(depositOn), depositOn, entry.Id, "salah catat");
            }
        }

        void HoldMeeting()
        {
            var meeting = Meeting.Open(group, MeetingId.New(), meetingOn, example.Has("agenda_length") ? new string('a', example.Int("agenda_length")) : "pertemuan rutin mingguan");
            var marks = group.Members.Take(example.Int("marked", group.Members.Count))
                .Select((m, i) => new AttendanceMark(m, i < example.Int("present", group.Members.Count) ? AttendanceStatus.Present : AttendanceStatus.Absent))
                .ToList();
            if (example.Bool("stranger_marked", false))
            {
                marks.Add(new AttendanceMark(PersonId.New(), AttendanceStatus.Present));
            }
            meeting.RecordAttendance(marks);
            register.Add(meeting);
        }
    }
}

/// <summary>FIVE-01 routine savings: see <see cref="FiveRulesScenario"/> for the inputs.</summary>
internal sealed class Five01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Five01;

    internal override ExampleResult Run(WorkedExample example) => FiveRulesScenario.Run(example, Rule);
}

/// <summary>FIVE-02 routine meeting: see <see cref="FiveRulesScenario"/> for the inputs.</summary>
internal sealed class Five02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Five02;

    internal override ExampleResult Run(WorkedExample example) => FiveRulesScenario.Run(example, Rule);
}

/// <summary>FIVE-03 routine bookkeeping: see <see cref="FiveRulesScenario"/> for the inputs.</summary>
internal sealed class Five03Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Five03;

    internal override ExampleResult Run(WorkedExample example) => FiveRulesScenario.Run(example, Rule);
}

/// <summary>FIVE-04 loans revolve within the group: see <see cref="FiveRulesScenario"/> for the inputs.</summary>
internal sealed class Five04Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Five04;

    internal override ExampleResult Run(WorkedExample example) => FiveRulesScenario.Run(example, Rule);
}

/// <summary>FIVE-05 repayment within the group: see <see cref="FiveRulesScenario"/> for the inputs.</summary>
internal sealed class Five05Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Five05;

    internal override ExampleResult Run(WorkedExample example) => FiveRulesScenario.Run(example, Rule);
}

/// <summary>
/// STG-01: the traits a group shows, listed by name in <c>shows</c> (<see cref="StageTrait"/> members other than the
/// two rising ones), its <c>monthly_profit</c> and <c>monthly_capital</c> (oldest first) and <c>partnerships</c>
/// (default 0). Figures: <c>stage</c> and the traits shown of each stage, <c>tumbuh</c>, <c>berkembang</c>,
/// <c>maju</c> (of 4).
/// </summary>
internal sealed class Stg01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Stg01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var shows = example.List("shows").Select(s => Enum.Parse<StageTrait>(s)).ToHashSet();
        static IReadOnlyList<Rupiah> Series(IEnumerable<string> values) => values.Select(v => Rupiah.Of(WorkedExample.ParseLong(v))).ToList();
        var evidence = new StageEvidence(
            shows.Contains(StageTrait.HasPendamping), shows.Contains(StageTrait.TrainingReceived), shows.Contains(StageTrait.OfficersComplete),
            shows.Contains(StageTrait.AidReceived), shows.Contains(StageTrait.RegularActivity), shows.Contains(StageTrait.ProfitToCapital),
            shows.Contains(StageTrait.ProfitToWelfare), shows.Contains(StageTrait.ProfitToIks),
            Series(example.List("monthly_profit")), Series(example.List("monthly_capital")),
            shows.Contains(StageTrait.IksForOutsiders), example.Int("partnerships", 0));
        var assessment = GroupStages.AssessStage(evidence, example.ProgramProfile);
        return Accepted(("stage", assessment.Stage), ("tumbuh", assessment.ShownOf(GroupStage.Tumbuh)),
            ("berkembang", assessment.ShownOf(GroupStage.Berkembang)), ("maju", assessment.ShownOf(GroupStage.Maju)));
    }
}

/// <summary>
/// STG-02: a period of <c>weeks</c> (default 12) with <c>weeks_with_meeting</c> and <c>weeks_closed</c> (default all),
/// <c>officers_complete</c> (default true), <c>attendance_present</c> of <c>attendance_recorded</c> (default 120 of
/// 120), <c>iks</c> contributed (default 10.000), <c>members_who_decided</c> of <c>members</c> (default 10 of 10),
/// member savings from <c>savings_start</c> to <c>savings_end</c> (default 100.000 to 160.000),
/// <c>paid_on_time</c> of <c>installments_due</c> (default 0 of 0), income <c>income_first_half</c> then
/// <c>income_second_half</c> (default 500.000 each). Figures: <c>institutional</c>, <c>social</c>, <c>economic</c>.
/// </summary>
internal sealed class Stg02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Stg02;

    internal override ExampleResult Run(WorkedExample example)
    {
        var weeks = example.Int("weeks", 12);
        var recorded = example.Int("attendance_recorded", 120);
        var members = example.Int("members", 10);
        var due = example.Int("installments_due", 0);
        var evidence = new SustainabilityEvidence(
            weeks, example.Int("weeks_with_meeting", weeks), example.Int("weeks_closed", weeks), example.Bool("officers_complete", true),
            recorded, example.Int("attendance_present", recorded), Rupiah.Of(example.Long("iks", 10_000)),
            example.Int("members_who_decided", members), members,
            Rupiah.Of(example.Long("savings_start", 100_000)), Rupiah.Of(example.Long("savings_end", 160_000)),
            due, example.Int("paid_on_time", due),
            Rupiah.Of(example.Long("income_first_half", 500_000)), Rupiah.Of(example.Long("income_second_half", 500_000)));
        var outcomes = GroupStages.AssessSustainability(evidence, example.ProgramProfile).ToDictionary(o => o.Indicator, o => o.Met);
        return Accepted(("institutional", outcomes[SustainabilityIndicator.Institutional]), ("social", outcomes[SustainabilityIndicator.Social]),
            ("economic", outcomes[SustainabilityIndicator.Economic]));
    }
}
