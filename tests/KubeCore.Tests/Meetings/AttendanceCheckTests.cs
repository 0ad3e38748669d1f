using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Meetings;

/// <summary>
/// Recording attendance skips counting unmarked members when there are as many marks as members; these tests hold it
/// to the definition (every current member entry without a mark counts as missing), including member lists that name
/// someone twice (as many marks as entries is then not a full attendance).
/// </summary>
public class AttendanceCheckTests
{
    private static readonly PersonId[] Pool = Enumerable.Range(0, 6).Select(_ => PersonId.New()).ToArray();

    private static Gen<AttendanceStatus> Marks => Gen.Elements(AttendanceStatus.Present, AttendanceStatus.Absent, AttendanceStatus.Excused, AttendanceStatus.Late);

    /// <summary>Indexes into the pool for the group's member list, and (pool index, mark) pairs for the marks.</summary>
    public sealed record AttendanceCase(IReadOnlyList<int> MemberPicks, IReadOnlyList<(int Member, AttendanceStatus Mark)> MarkPicks)
    {
        public override string ToString() => $"AttendanceCase {{ MemberPicks = {CounterexampleText.Items(MemberPicks)}, MarkPicks = {CounterexampleText.Items(MarkPicks)} }}";
    }

    public static class AttendanceCheckArbitraries
    {
        public static Arbitrary<AttendanceCase> AttendanceCases() =>
            (from memberPicks in Gen.Choose(0, Pool.Length - 1).ListOf()
             from markPicks in (from member in Gen.Choose(0, Pool.Length - 1) from mark in Marks select (member, mark)).ListOf()
             select new AttendanceCase(memberPicks, markPicks)).ToArbitrary();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(AttendanceCheckArbitraries)])]
    public void Recording_attendance_accepts_or_refuses_exactly_as_counting_every_unmarked_member_would(AttendanceCase c)
    {
        var (memberPicks, markPicks) = c;
        var members = memberPicks.Take(8).Select(i => Pool[i]).ToArray();
        var marks = markPicks.Take(8).Select(p => new AttendanceMark(Pool[p.Item1], p.Item2)).ToArray();
        var group = new TestGroupStanding(ProgramProfiles.KsmP2kp, GroupStatus.Active, members, members.FirstOrDefault());
        var meeting = Meeting.Open(group, MeetingId.New(), new LocalDate(2025, 1, 8));

        var expected = Expected(members, marks);
        string actual;
        try
        {
            meeting.RecordAttendance(marks);
            actual = $"recorded {meeting.PresentCount} of {meeting.MemberCount}";
        }
        catch (RuleViolationException e)
        {
            actual = e.Violation.Message(CultureInfo.InvariantCulture);
        }
        catch (ArgumentException)
        {
            actual = "twice";
        }
        actual.ShouldBe(expected);
    }

    [Fact]
    public void A_member_list_naming_someone_twice_is_fully_marked_by_one_mark_each_and_keeps_its_count()
    {
        var (a, b) = (Pool[0], Pool[1]);
        var group = new TestGroupStanding(ProgramProfiles.KsmP2kp, GroupStatus.Active, [a, a, b], a);
        var meeting = Meeting.Open(group, MeetingId.New(), new LocalDate(2025, 1, 8));

        meeting.RecordAttendance([new(a, AttendanceStatus.Present), new(b, AttendanceStatus.Absent)]);

        meeting.MemberCount.ShouldBe(3);
        meeting.PresentCount.ShouldBe(1);
    }

    // The definition: distinct marks, of members only, and every member entry marked.
    private static string Expected(PersonId[] members, AttendanceMark[] marks)
    {
        if (marks.Select(m => m.Member).Distinct().Count() != marks.Length)
        {
            return "twice";
        }
        var stranger = Array.FindIndex(marks, m => !members.Contains(m.Member));
        if (stranger >= 0)
        {
            return RuleViolation.Of(RuleIds.Five02, MeetingErrors.AttendeeNotAMember, ("Member", marks[stranger].Member)).Message(CultureInfo.InvariantCulture);
        }
        var missing = members.Count(m => !marks.Any(k => k.Member == m));
        if (missing > 0)
        {
            return RuleViolation.Of(RuleIds.Five02, MeetingErrors.AttendanceIncomplete, ("Missing", missing)).Message(CultureInfo.InvariantCulture);
        }
        return $"recorded {marks.Count(m => Meeting.CountsAsPresent(m.Mark))} of {members.Length}";
    }
}
