using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Meetings;

/// <summary>
/// The register keeps its meetings by date and a meeting keeps its attendance as recorded, without dictionaries;
/// these tests hold both to their definitions (filter and sort; one entry per mark).
/// </summary>
public class MeetingRegisterTests
{
    private static readonly LocalDate Monday = new(2025, 1, 6);

    // A meeting on some day of a 10-week span, with or without its attendance recorded.
    private static Gen<(int Day, bool Recorded, int Present)> Meetings =>
        from day in Gen.Choose(0, 69)
        from recorded in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from present in Gen.Choose(0, 10)
        select (day, recorded, present);

    /// <summary>Meetings in the order added: the day, whether attendance was recorded, and how many were present.</summary>
    public sealed record MeetingSpecs(IReadOnlyList<(int Day, bool Recorded, int Present)> Specs)
    {
        public override string ToString() => $"MeetingSpecs {{ Specs = {CounterexampleText.Items(Specs)} }}";
    }

    public static class MeetingRegisterArbitraries
    {
        public static Arbitrary<MeetingSpecs> MeetingSpecLists() => Meetings.ListOf().Select(m => new MeetingSpecs(m)).ToArbitrary();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MeetingRegisterArbitraries)])]
    public bool The_meetings_held_in_a_week_are_those_dated_in_it_with_attendance_by_date_then_as_added_whatever_the_order_added(MeetingSpecs c)
    {
        var specs = c.Specs;
        var group = TestGroupStanding.Active(ProgramProfiles.KsmP2kp);
        var register = new MeetingRegister(group.Id);
        foreach (var (day, recorded, present) in specs)
        {
            var meeting = Meeting.Open(group, MeetingId.New(), Monday.PlusDays(day));
            if (recorded)
            {
                meeting.RecordAttendance(group.CurrentMembers.Select((m, i) => new AttendanceMark(m, i < present ? AttendanceStatus.Present : AttendanceStatus.Absent)));
            }
            register.Add(meeting);
        }
        for (var w = -1; w <= 10; w++)
        {
            var week = BookWeek.Containing(Monday.PlusWeeks(w), IsoDayOfWeek.Monday);
            var expected = register.Meetings.Where(m => m.AttendanceRecorded && week.Contains(m.Date)).OrderBy(m => m.Date).ToList();
            var evidence = register.EvidenceFor(week);
            if (!register.HeldIn(week).SequenceEqual(expected)
                || !evidence.Meetings.Select(e => e.Meeting).SequenceEqual(expected.Select(m => m.Id))
                || evidence.Meetings.Any(e => e.Present != expected.Single(m => m.Id == e.Meeting).PresentCount))
            {
                return false;
            }
        }
        return register.Meetings.Count == specs.Count;
    }

    [Fact]
    public void A_meeting_added_twice_is_refused_and_the_register_is_unchanged()
    {
        var group = TestGroupStanding.Active(ProgramProfiles.KsmP2kp);
        var register = new MeetingRegister(group.Id);
        var meeting = Meeting.Open(group, MeetingId.New(), Monday);
        register.Add(meeting);

        Should.Throw<ArgumentException>(() => register.Add(meeting));
        register.Meetings.Count.ShouldBe(1);
    }

    [Fact]
    public void The_attendance_lists_every_mark_once_in_the_order_recorded_and_the_present_members_in_that_order()
    {
        var group = TestGroupStanding.Active(ProgramProfiles.KsmP2kp);
        var marks = group.CurrentMembers.Select((m, i) => new AttendanceMark(m, (AttendanceStatus)((i % 4) + 1))).Reverse().ToList();
        var meeting = Meeting.Open(group, MeetingId.New(), Monday);
        meeting.Attendance.ShouldBeEmpty();

        meeting.RecordAttendance(marks);

        meeting.Attendance.Select(a => (a.Key, a.Value)).ShouldBe(marks.Select(m => (m.Member, m.Mark)));
        meeting.Present.ShouldBe(marks.Where(m => Meeting.CountsAsPresent(m.Mark)).Select(m => m.Member));
        meeting.MemberCount.ShouldBe(10);
    }

    [Fact]
    public void A_member_marked_twice_or_an_undefined_mark_is_refused_before_anything_is_recorded()
    {
        var group = TestGroupStanding.Active(ProgramProfiles.KsmP2kp);
        var members = group.CurrentMembers.ToList();
        var meeting = Meeting.Open(group, MeetingId.New(), Monday);

        Should.Throw<ArgumentException>(() => meeting.RecordAttendance([.. members.Select(m => new AttendanceMark(m, AttendanceStatus.Present)), new AttendanceMark(members[3], AttendanceStatus.Late)]));
        Should.Throw<ArgumentException>(() => meeting.RecordAttendance(members.Select(m => new AttendanceMark(m, (AttendanceStatus)5))));
        meeting.AttendanceRecorded.ShouldBeFalse();
        var missing = Should.Throw<RuleViolationException>(() => meeting.RecordAttendance(members.Skip(2).Select(m => new AttendanceMark(m, AttendanceStatus.Present))));
        missing.Violation.ErrorCode.ShouldBe(MeetingErrors.AttendanceIncomplete);
    }
}
