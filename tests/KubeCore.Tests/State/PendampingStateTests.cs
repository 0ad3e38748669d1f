using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Facilitation;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;
using static KubeCore.Tests.State.StateScript;

namespace KubeCore.Tests.State;

[Trait("Category", "State")]
public class PendampingStateTests
{
    private static readonly ProgramProfile Profile = ProgramProfiles.KubePermensos2019;
    private static readonly LocalDate AppointedOn = new(2019, 4, 1);

    private static Pendamping Appointed() => Pendamping.Appoint(new PendampingId(G(0, 4)), "Rahmat Hidayat", Profile, AppointedOn);

    // One operation from six numbers, on one of three groups (the third of another kind), on a day in the first five months:
    // assign, release, visit, monthly report (sometimes with no aspect), or the group's report of inactivity.
    private static string Step(Pendamping p, IReadOnlyList<IGroupStanding> groups, int[] s)
    {
        var group = groups[s[1] % groups.Count];
        var day = AppointedOn.PlusDays(s[2] % 150 - 5);
        switch (s[0] % 5)
        {
            case 0:
                p.Assign(new AssignPendamping(group.Id, day), group);
                return "assigned";
            case 1:
                p.Release(group.Id, day);
                return "released";
            case 2:
                p.RecordVisit(Facilitations.Visit(group.Id, day));
                return "visited";
            case 3:
                p.SubmitReport(Facilitations.Report(group.Id, day, s[3] % 4 == 0 ? StrategyAspects.None : (StrategyAspects)(s[3] % 31 + 1)));
                return "reported";
            default:
                p.RecordInactivityReported(group.Id, day);
                return string.Join(",", p.UnreportedInactivity(day).Select(a => a.GroupId));
        }
    }

    private static IGroupStanding[] Groups() =>
        [new GroupStandingStub(Profile), new GroupStandingStub(Profile), new GroupStandingStub(ProgramProfiles.KsmP2kp)];

    [Property(MaxTest = 100, Arbitrary = [typeof(OperationScriptArbitraries)])]
    public bool A_pendamping_saved_and_restored_at_any_step_decides_every_later_operation_as_the_uninterrupted_one(OperationScript script)
    {
        var groups = Groups();
        return SaveAndRestoreChangeNothing(script, Appointed, (p, s) => Step(p, groups, s), p => p.ToState(),
            state => Pendamping.Restore(state, ProgramProfiles.Resolve));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(OperationScriptArbitraries)])]
    public bool A_pendamping_state_and_the_changes_taken_after_it_restore_the_live_pendamping(OperationScript script)
    {
        var groups = Groups();
        return StateAndChangesRestoreTheLiveAggregate(script, Appointed, (p, s) => Step(p, groups, s), p => p.ToState(), p => p.TakeChanges(),
            (state, changes) => Pendamping.Restore(state, changes, ProgramProfiles.Resolve));
    }

    private static (GroupId Group, PendampingState State) Accompanying()
    {
        var group = new GroupStandingStub(Profile);
        var p = Appointed();
        p.Assign(new AssignPendamping(group.Id, AppointedOn), group);
        p.RecordVisit(Facilitations.Visit(group.Id, AppointedOn.PlusDays(10)));
        p.SubmitReport(Facilitations.Report(group.Id, AppointedOn.PlusDays(30)));
        return (group.Id, p.ToState());
    }

    public static TheoryData<string, string> BrokenPendamping() => new()
    {
        { "blank name", "Name" },
        { "overlapping assignments", "Assignments[1]" },
        { "released before assigned", "Assignments[0].ReleasedOn" },
        { "visit to a group not accompanied", "Visits[0]" },
        { "report on a group not accompanied", "Reports[0]" },
    };

    [Theory]
    [MemberData(nameof(BrokenPendamping))]
    public void A_structurally_broken_pendamping_state_is_refused_naming_the_broken_part(string defect, string part)
    {
        var (group, state) = Accompanying();
        var assignment = state.Assignments[0];
        var broken = defect switch
        {
            "blank name" => state with { Name = " " },
            "overlapping assignments" => state with { Assignments = [assignment, assignment with { AssignedOn = AppointedOn.PlusDays(5) }] },
            "released before assigned" => state with { Assignments = [assignment with { ReleasedOn = AppointedOn.PlusDays(-1) }] },
            "visit to a group not accompanied" => state with { Visits = [state.Visits[0] with { GroupId = new GroupId(G(8, 3)) }] },
            _ => state with { Reports = [state.Reports[0] with { SubmittedOn = AppointedOn.PlusDays(-3) }] },
        };
        var ex = Should.Throw<StateRestoreException>(() => Pendamping.Restore(StateJson.RoundTrip(broken), ProgramProfiles.Resolve));
        ex.ErrorCode.ShouldBe(StateErrors.Broken);
        ex.Part.ShouldBe(part);
        _ = group;
    }

    [Fact]
    public void A_pendamping_state_in_an_unknown_format_or_naming_an_unknown_profile_or_a_release_of_no_assignment_is_refused()
    {
        var (group, state) = Accompanying();
        Should.Throw<StateRestoreException>(() => Pendamping.Restore(state with { Format = 0 }, ProgramProfiles.Resolve)).ErrorCode.ShouldBe(StateErrors.FormatUnsupported);
        Should.Throw<StateRestoreException>(() => Pendamping.Restore(state with { ProfileId = "KubeLokal@1" }, ProgramProfiles.Resolve)).ErrorCode.ShouldBe(StateErrors.ProfileUnknown);
        var release = new PendampingGroupReleased(new GroupId(G(8, 3)), AppointedOn.PlusDays(40));
        Should.Throw<StateRestoreException>(() => Pendamping.Restore(state, [release], ProgramProfiles.Resolve)).Part.ShouldBe("Changes[0].GroupId");
        Pendamping.Restore(state, [release with { GroupId = group }], ProgramProfiles.Resolve).GroupsOn(AppointedOn.PlusDays(40)).ShouldBeEmpty();
    }

    [Fact]
    public void A_pendamping_that_todays_rules_would_refuse_still_restores()
    {
        // Twelve groups (FAC-01 allows ten), a name MEM-07 refuses today, a report with no aspect (FAC-03 refuses it today).
        var groups = Enumerable.Range(0, 12).Select(i => new PendampingAssignment(new GroupId(G(i, 3)), AppointedOn, null)).ToArray();
        var state = new PendampingState(PendampingState.CurrentFormat, new PendampingId(G(0, 4)), "Rahmat\u202EHidayat", Profile.Id, AppointedOn, groups, [],
            [new MonthlyReport(groups[0].GroupId, AppointedOn.PlusDays(30), "Laporan lama", [])], []);
        var pendamping = Pendamping.Restore(StateJson.RoundTrip(state), ProgramProfiles.Resolve);
        pendamping.LoadOn(AppointedOn).Groups.ShouldBe(12);
        pendamping.Name.ShouldBe("Rahmat\u202EHidayat");
        pendamping.Events.ShouldBeEmpty();
    }
}
