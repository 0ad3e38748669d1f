using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Rules;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Compliance;

/// <summary>
/// <see cref="FiveBasicRules.Check"/> is written with plain loops for the national batch; these tests hold it to the
/// rules as first written with LINQ (the oracle below): the same statuses and the same evidence, in the same order.
/// </summary>
public class FiveBasicRulesTests
{
    private static readonly PersonId[] People = [.. Enumerable.Range(1, 12).Select(i => new PersonId(new Guid(i, 0, 0, new byte[8])))];
    private static readonly LoanId[] Loans = [.. Enumerable.Range(1, 4).Select(i => new LoanId(new Guid(i, 1, 0, new byte[8])))];

    private static Gen<EntryId> Entry => Gen.Choose(1, 1_000_000).Select(i => new EntryId(new Guid(i, 2, 0, new byte[8])));

    private static Gen<GroupWeek> Weeks =>
        from members in Gen.Choose(0, 12)
        from savings in Gen.Choose(0, 2).SelectMany(n => Entry.ListOf(n)).ListOf(members)
        from meeting in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from closed in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from close in Entry
        from mayLend in Gen.Elements(true, false)
        from disbursed in Gen.Elements(Loans).ListOf().Select(l => l.Take(3).ToList())
        from unserved in Gen.Choose(0, 2)
        from due in (from loan in Gen.Elements(Loans)
                     from number in Gen.Choose(1, 12)
                     from settlement in Gen.Choose(0, 2).SelectMany(n => Entry.ListOf(n))
                     from covered in Gen.Elements(true, false)
                     select new InstallmentDue(loan, number, settlement.ToList(), covered)).ListOf().Select(l => l.Take(8).ToList())
        select new GroupWeek(
            GroupId.New(), new LocalDate(2025, 1, 6),
            savings.Select((s, i) => new MemberWeekSavings(People[i], s.ToList())).ToList(),
            meeting ? MeetingId.New() : null, closed ? close : null, mayLend, disbursed, unserved, due);

    /// <summary>One of the built-in program profiles.</summary>
    public sealed record BuiltInProfile(ProgramProfile Profile);

    public static class FiveBasicRulesArbitraries
    {
        public static Arbitrary<GroupWeek> AnyWeeks() => Weeks.ToArbitrary();

        public static Arbitrary<BuiltInProfile> BuiltInProfiles() => Gen.Elements(ProgramProfiles.All.ToArray()).Select(p => new BuiltInProfile(p)).ToArbitrary();
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(FiveBasicRulesArbitraries)])]
    public bool The_five_rules_give_the_statuses_and_evidence_of_their_definition_for_any_week(GroupWeek week, BuiltInProfile builtIn)
    {
        var profile = builtIn.Profile;
        var report = FiveBasicRules.Check(week, profile);
        var expected = Oracle(week, profile);
        return report.Outcomes.Count == 5
            && report.Outcomes.Zip(expected).All(p => Same(p.First, p.Second))
            && report.AllKept == expected.All(o => o.Status != RuleStatus.NotMet)
            && report[RuleIds.Five05] == report.Outcomes[4]
            && report.ProfileId == profile.Id;
    }

    [Fact]
    public void A_week_that_lists_a_member_twice_is_refused()
    {
        var twice = new GroupWeek(
            GroupId.New(), new LocalDate(2025, 1, 6),
            [new MemberWeekSavings(People[0], []), new MemberWeekSavings(People[1], []), new MemberWeekSavings(People[0], [])],
            null, null, false, [], 0, []);

        Should.Throw<ArgumentException>(() => FiveBasicRules.Check(twice, ProgramProfiles.KsmP2kp));
    }

    private static bool Same(FiveRuleOutcome actual, FiveRuleOutcome expected) =>
        actual.RuleId == expected.RuleId
        && actual.Status == expected.Status
        && actual.EntryEvidence.SequenceEqual(expected.EntryEvidence)
        && actual.MeetingEvidence == expected.MeetingEvidence
        && actual.LoanEvidence.SequenceEqual(expected.LoanEvidence)
        && actual.MembersMissing.SequenceEqual(expected.MembersMissing);

    // The rules as first written (LINQ), kept as the definition.
    private static FiveRuleOutcome[] Oracle(GroupWeek week, ProgramProfile profile)
    {
        var savers = week.Savings.Where(s => s.Deposits.Count > 0).ToList();
        var missing = week.Savings.Where(s => s.Deposits.Count == 0).Select(s => s.Member).ToList();
        var savings = week.Savings.Count == 0
            ? RuleStatus.NotApplicable
            : profile.Compliance.SavingsShareOfMembers.IsMetBy(savers.Count, week.Savings.Count) ? RuleStatus.Met : RuleStatus.NotMet;
        var lending = !week.MayLend || week.LoansDisbursed.Count > 0 || week.UnservedRequests == 0 ? RuleStatus.Met : RuleStatus.NotMet;
        var repayment = week.InstallmentsDue.Count == 0
            ? RuleStatus.NotApplicable
            : week.InstallmentsDue.All(i => i.Settlement.Count > 0) ? RuleStatus.Met : RuleStatus.NotMet;
        return
        [
            new(RuleIds.Five01, savings, savers.SelectMany(s => s.Deposits).ToList(), null, [], missing),
            new(RuleIds.Five02, week.Meeting is null ? RuleStatus.NotMet : RuleStatus.Met, [], week.Meeting, [], []),
            new(RuleIds.Five03, week.BookClose is null ? RuleStatus.NotMet : RuleStatus.Met, week.BookClose is { } close ? [close] : [], null, [], []),
            new(RuleIds.Five04, lending, [], null, week.LoansDisbursed, []),
            new(RuleIds.Five05, repayment, week.InstallmentsDue.SelectMany(i => i.Settlement).ToList(), null,
                week.InstallmentsDue.Where(i => i.Settlement.Count == 0).Select(i => i.Loan).Distinct().ToList(), []),
        ];
    }
}
