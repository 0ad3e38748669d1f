using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Rules;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Rules;

public class ComplianceRulesTests
{
    private static readonly LocalDate Monday = new(2017, 1, 30);

    /// <summary>The least share of members who saved, in percent, for the savings rule to be kept.</summary>
    public sealed record SavingsShare(int Percent);

    public static class ComplianceArbitraries
    {
        public static Arbitrary<GroupWeek> Weeks() => Week.ToArbitrary();

        public static Arbitrary<SavingsShare> SavingsShares() => Gen.Elements(100, 80, 50).Select(p => new SavingsShare(p)).ToArbitrary();

        public static Arbitrary<SustainabilityEvidence> Periods() => Period.ToArbitrary();
    }

    private static Gen<MemberWeekSavings> MemberSavings =>
        from deposits in Gen.Choose(0, 2)
        select new MemberWeekSavings(PersonId.New(), Enumerable.Range(0, deposits).Select(_ => EntryId.New()).ToList());

    private static Gen<InstallmentDue> Installment =>
        from settled in Gen.Choose(0, 3)
        from renteng in Gen.Elements(true, false)
        select new InstallmentDue(LoanId.New(), 1, settled == 0 ? [] : [EntryId.New()], settled > 0 && renteng);

    private static Gen<GroupWeek> Week =>
        from savings in MemberSavings.ListOf()
        from meeting in Gen.Elements(true, false)
        from closed in Gen.Elements(true, false)
        from mayLend in Gen.Elements(true, false)
        from disbursed in Gen.Choose(0, 2)
        from unserved in Gen.Choose(0, 2)
        from due in Installment.ListOf()
        select new GroupWeek(GroupId.New(), Monday, savings, meeting ? MeetingId.New() : null, closed ? EntryId.New() : null,
            mayLend, Enumerable.Range(0, disbursed).Select(_ => LoanId.New()).ToList(), unserved, due);

    private static ProgramProfile WithSavingsShare(int percent) => ProgramProfiles.KsmP2kp.Derive("KsmShare" + percent, 1, "test", Monday,
        p => p with { Compliance = p.Compliance with { SavingsShareOfMembers = Rate.FromPercent(percent) } });

    [Property(MaxTest = 200, Arbitrary = [typeof(ComplianceArbitraries)])]
    [Trait("Rule", "FIVE-01")]
    public bool Savings_are_kept_exactly_when_the_profiles_share_of_members_saved_and_every_non_saver_is_named(GroupWeek week, SavingsShare share)
    {
        var percent = share.Percent;
        var report = FiveBasicRules.Check(week, WithSavingsShare(percent));
        var outcome = report[RuleIds.Five01];
        var savers = week.Savings.Count(s => s.Deposits.Count > 0);
        var expected = week.Savings.Count == 0 ? RuleStatus.NotApplicable
            : savers * 100 >= week.Savings.Count * percent ? RuleStatus.Met : RuleStatus.NotMet;
        return outcome.Status == expected
            && outcome.MembersMissing.SequenceEqual(week.Savings.Where(s => s.Deposits.Count == 0).Select(s => s.Member))
            && outcome.EntryEvidence.SequenceEqual(week.Savings.SelectMany(s => s.Deposits))
            && (expected != RuleStatus.NotMet || !report.AllKept);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(ComplianceArbitraries)])]
    [Trait("Rule", "FIVE-02")]
    public bool The_meeting_rule_is_met_only_by_a_meeting_held_that_week_and_names_it(GroupWeek week)
    {
        var report = FiveBasicRules.Check(week, ProgramProfiles.KsmP2kp);
        var outcome = report[RuleIds.Five02];
        return (outcome.Status == RuleStatus.Met) == (week.Meeting is not null) && outcome.MeetingEvidence == week.Meeting
            && (week.Meeting is not null || !report.AllKept);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(ComplianceArbitraries)])]
    [Trait("Rule", "FIVE-03")]
    public bool The_bookkeeping_rule_is_met_only_when_the_week_was_closed_and_names_the_close(GroupWeek week)
    {
        var report = FiveBasicRules.Check(week, ProgramProfiles.KsmP2kp);
        var outcome = report[RuleIds.Five03];
        return (outcome.Status == RuleStatus.Met) == (week.BookClose is not null)
            && outcome.EntryEvidence.SequenceEqual(week.BookClose is { } c ? [c] : [])
            && (week.BookClose is not null || !report.AllKept);
    }

    // FIVE-04: see LoanGateRulesTests (applicable from the first week, LOAN-01 a).

    [Property(MaxTest = 200, Arbitrary = [typeof(ComplianceArbitraries)])]
    [Trait("Rule", "FIVE-05")]
    public bool Repayment_is_kept_when_every_installment_due_was_paid_or_covered_by_tanggung_renteng(GroupWeek week)
    {
        var report = FiveBasicRules.Check(week, ProgramProfiles.KsmP2kp);
        var outcome = report[RuleIds.Five05];
        var expected = week.InstallmentsDue.Count == 0 ? RuleStatus.NotApplicable
            : week.InstallmentsDue.All(i => i.Settlement.Count > 0) ? RuleStatus.Met : RuleStatus.NotMet;
        return outcome.Status == expected
            && outcome.LoanEvidence.ToHashSet().SetEquals(week.InstallmentsDue.Where(i => i.Settlement.Count == 0).Select(i => i.Loan))
            && outcome.EntryEvidence.SequenceEqual(week.InstallmentsDue.SelectMany(i => i.Settlement))
            && report.AllKept == report.Outcomes.All(o => o.Status != RuleStatus.NotMet)
            && report.Outcomes.Select(o => o.RuleId).SequenceEqual([RuleIds.Five01, RuleIds.Five02, RuleIds.Five03, RuleIds.Five04, RuleIds.Five05]);
    }

    [Fact]
    [Trait("Rule", "FIVE-05")]
    public void A_loan_with_two_installments_left_unpaid_in_a_week_is_named_once_and_every_entry_that_settled_one_is_shown()
    {
        var (unpaid, covered) = (LoanId.New(), LoanId.New());
        var (repayment, cover) = (EntryId.New(), EntryId.New());
        InstallmentDue coveredThird = new(covered, 3, [repayment, cover], true);
        static GroupWeek Week(params InstallmentDue[] due) => new(GroupId.New(), Monday, [], null, null, true, [], 0, due);

        var broken = FiveBasicRules.Check(Week(new(unpaid, 1, [], false), coveredThird, new(unpaid, 2, [], false)), ProgramProfiles.KsmP2kp)[RuleIds.Five05];
        var kept = FiveBasicRules.Check(Week(coveredThird), ProgramProfiles.KsmP2kp)[RuleIds.Five05];

        broken.Status.ShouldBe(RuleStatus.NotMet);
        broken.LoanEvidence.ShouldBe([unpaid]);
        broken.EntryEvidence.ShouldBe([repayment, cover]);
        kept.Status.ShouldBe(RuleStatus.Met);
        kept.LoanEvidence.ShouldBeEmpty();
        kept.EntryEvidence.ShouldBe([repayment, cover]);
    }

    private static Gen<SustainabilityEvidence> Period =>
        from weeks in Gen.Choose(0, 26)
        from meetings in Gen.Choose(0, weeks)
        from closed in Gen.Choose(0, weeks)
        from officers in Gen.Elements(true, false)
        from recorded in Gen.Choose(0, 260)
        from present in Gen.OneOf(Gen.Choose(0, recorded), Gen.Constant(recorded * 3 / 4), Gen.Constant(Math.Min(recorded, (recorded * 3 / 4) + 1)))
        from iks in Gen.Choose(0, 100_000)
        from members in Gen.Choose(5, 20)
        from decided in Gen.Choose(0, members)
        from start in Gen.Choose(0, 5_000_000)
        from end in Gen.Choose(0, 5_000_000)
        from due in Gen.Choose(0, 50)
        from paid in Gen.OneOf(Gen.Choose(0, due), Gen.Constant(due * 9 / 10), Gen.Constant(due))
        from first in Gen.Choose(0, 10_000_000)
        from second in Gen.OneOf(Gen.Choose(0, 10_000_000), Gen.Constant(first), Gen.Constant(first + 1))
        from endAtBoundary in Gen.Elements(true, false)
        let savingsEnd = endAtBoundary ? start : end
        select new SustainabilityEvidence(weeks, meetings, closed, officers, recorded, present, Rupiah.Of(iks), decided, members,
            Rupiah.Of(start), Rupiah.Of(savingsEnd), due, paid, Rupiah.Of(first), Rupiah.Of(second));

    [Property(MaxTest = 200, Arbitrary = [typeof(ComplianceArbitraries)])]
    [Trait("Rule", "STG-02")]
    public bool Each_sustainability_indicator_is_met_exactly_when_all_its_checks_hold(SustainabilityEvidence e)
    {
        var outcomes = GroupStages.AssessSustainability(e, ProgramProfiles.KubePermensos2019);
        var institutional = e.Weeks > 0 && e.WeeksWithMeeting == e.Weeks && e.WeeksClosed == e.Weeks && e.OfficersComplete;
        var social = e.AttendanceRecorded > 0 && e.AttendancePresent * 100 >= e.AttendanceRecorded * 75 && e.IksContributed.IsPositive && e.MembersWhoDecided * 2 > e.Members;
        var economic = e.SavingsAtEnd > e.SavingsAtStart && (e.InstallmentsDue == 0 || e.InstallmentsPaidOnTime * 10 >= e.InstallmentsDue * 9) && e.IncomeSecondHalf >= e.IncomeFirstHalf;
        return outcomes.Select(o => o.Indicator).SequenceEqual([SustainabilityIndicator.Institutional, SustainabilityIndicator.Social, SustainabilityIndicator.Economic])
            && outcomes[0].Met == institutional && outcomes[1].Met == social && outcomes[2].Met == economic
            && outcomes.All(o => o.Met == o.Checks.Values.All(v => v));
    }
}
