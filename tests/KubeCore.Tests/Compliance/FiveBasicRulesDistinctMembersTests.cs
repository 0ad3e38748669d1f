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
/// FiveBasicRules refuses a week that gives a member two savings rows (pairwise for a group-sized list, a set for a
/// large one); these tests hold it to the definition (the ids are distinct), ids that differ only by swapped halves included.
/// </summary>
[Trait("Category", "Implementation")]
public class FiveBasicRulesDistinctMembersTests
{
    // Pairs of ids whose two 64-bit halves are swapped: equal under a fold such as lo ^ hi, different ids.
    private static readonly PersonId[] Pool = [.. Enumerable.Range(1, 12).SelectMany(i => new[] { Id(i, i + 100), Id(i + 100, i) })];

    /// <summary>Indexes into the pool of ids, one savings row each.</summary>
    public sealed record MemberPicks(IReadOnlyList<int> Picks)
    {
        public override string ToString() => $"MemberPicks {{ Picks = {CounterexampleText.Items(Picks)} }}";
    }

    public static class DistinctMembersArbitraries
    {
        public static Arbitrary<MemberPicks> MemberPickLists() => Gen.Choose(0, Pool.Length - 1).ListOf().Select(p => new MemberPicks(p)).ToArbitrary();
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(DistinctMembersArbitraries)])]
    public void A_week_is_refused_exactly_when_some_member_has_two_savings_rows(MemberPicks c)
    {
        var picks = c.Picks;
        var members = picks.Take(40).Select(i => Pool[i]).ToArray();
        var week = new GroupWeek(
            GroupId.New(), new LocalDate(2025, 1, 6), members.Select(m => new MemberWeekSavings(m, [])).ToArray(),
            null, null, false, [], 0, []);

        var refused = Record.Exception(() => FiveBasicRules.Check(week, ProgramProfiles.KsmP2kp)) is ArgumentException;

        refused.ShouldBe(members.Distinct().Count() != members.Length);
    }

    [Fact]
    public void Two_members_whose_ids_fold_alike_are_still_two_members()
    {
        var week = new GroupWeek(
            GroupId.New(), new LocalDate(2025, 1, 6), [new MemberWeekSavings(Pool[0], []), new MemberWeekSavings(Pool[1], [])],
            null, null, false, [], 0, []);

        FiveBasicRules.Check(week, ProgramProfiles.KsmP2kp)[RuleIds.Five01].MembersMissing.ShouldBe([Pool[0], Pool[1]]);
    }

    private static PersonId Id(long first, long second)
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), first);
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), second);
        return new PersonId(new Guid(bytes));
    }
}
