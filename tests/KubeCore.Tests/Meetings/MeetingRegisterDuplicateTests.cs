using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Meetings;

/// <summary>
/// The register refuses a meeting exactly when one with its id is already registered, however many it holds.
/// </summary>
public class MeetingRegisterDuplicateTests
{
    /// <summary>Indexes into 41 meeting ids, one meeting added for each.</summary>
    public sealed record MeetingIdPicks(IReadOnlyList<int> Picks)
    {
        public override string ToString() => $"MeetingIdPicks {{ Picks = {CounterexampleText.Items(Picks)} }}";
    }

    public static class MeetingRegisterDuplicateArbitraries
    {
        public static Arbitrary<MeetingIdPicks> MeetingIdPickLists() => Gen.Choose(0, 40).ListOf().Select(p => new MeetingIdPicks(p)).ToArbitrary();
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(MeetingRegisterDuplicateArbitraries)])]
    public void A_meeting_is_refused_exactly_when_its_id_is_already_registered_however_many_are_held(MeetingIdPicks c)
    {
        var picks = c.Picks;
        var group = TestGroupStanding.Active(ProgramProfiles.KsmP2kp);
        var ids = Enumerable.Range(0, 41).Select(_ => MeetingId.New()).ToArray();
        var register = new MeetingRegister(group.Id);
        var registered = new List<MeetingId>();
        var day = 0;
        foreach (var pick in picks.Take(60))
        {
            var meeting = Meeting.Open(group, ids[pick], new LocalDate(2025, 1, 6).PlusDays(day++));
            var refused = Record.Exception(() => register.Add(meeting)) is ArgumentException;

            refused.ShouldBe(registered.Contains(ids[pick]));
            if (!refused)
            {
                registered.Add(ids[pick]);
            }
        }
        register.Meetings.Select(m => m.Id).ShouldBe(registered);
    }
}
