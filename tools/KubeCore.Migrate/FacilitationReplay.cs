using System.Text.Json.Serialization;
using KubeCore.Api.WealthRanking;
using KubeCore.Common;
using KubeCore.Facilitation;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Migrate;

// The 0.1 pendamping and wealth-ranking commands as stored (JSON) in stream_commands, brought back from the 0.1 API
// (commit b8e0b47, samples/KubeCore.Api/Facilitation/PendampingStream.cs and WealthRanking/ExerciseStream.cs): read only by this tool.

internal sealed record AppointPendampingCommand(PendampingId Id, string Name, string ProfileId, LocalDate AppointedOn);

internal sealed record AssignGroupCommand(StandingData Group, LocalDate AssignedOn);

internal sealed record ReleaseGroupCommand(GroupId GroupId, LocalDate ReleasedOn);

internal sealed record RecordVisitCommand(GroupId GroupId, LocalDate VisitedOn, string Notes);

internal sealed record SubmitReportCommand(GroupId GroupId, LocalDate SubmittedOn, string Summary, IReadOnlyList<AspectNote> Notes);

internal sealed record RecordInactivityReportedCommand(GroupId GroupId, LocalDate ReportedOn);

/// <summary>A group's standing as the 0.1 API stored it with an assignment: the evidence FAC-01 was decided on then.</summary>
internal sealed record StandingData(GroupId Id, string ProfileId, GroupStatus Status, IReadOnlyList<PersonId> Members, IReadOnlyList<OfficerAssignment> Officers) : IGroupStanding
{
    [JsonIgnore]
    public ProgramProfile Profile => ProgramProfiles.Resolve(ProfileId) ?? throw new MigrationException($"group {Id}: unknown profile '{ProfileId}'");

    [JsonIgnore]
    public IReadOnlyCollection<PersonId> CurrentMembers => Members;

    public PersonId? OfficerHolding(OfficerRole role) => Officers.FirstOrDefault(o => o.Role == role)?.PersonId;
}

internal sealed record OpenExerciseCommand(ExerciseId Id, string ProfileId, RegionCode Desa, LocalDate HeldOn, IReadOnlyList<HouseholdId> Households);

internal sealed record SubmitSortingCommand(string Informant, int PileCount, IReadOnlyList<HouseholdPlacement> Placements);

internal sealed record ConcludeExerciseCommand(IReadOnlyList<HouseholdRegistryView> BaseData);

/// <summary>
/// Replays a 0.1 pendamping or wealth-ranking stream through today's library, the way the 0.1 API applied each command;
/// throws <see cref="MigrationException"/> naming the stream and the command that no longer replays.
/// </summary>
internal static class FacilitationReplay
{
    public static Pendamping Pendamping(Guid id, IReadOnlyList<LegacyCommand> commands) =>
        Replay(id, "pendamping", commands, "appoint", first =>
        {
            var c = GroupReplay.Read<AppointPendampingCommand>(first);
            return KubeCore.Facilitation.Pendamping.Appoint(c.Id, c.Name, Profile(c.ProfileId), c.AppointedOn);
        }, (state, command) =>
        {
            switch (command.Type)
            {
                case "assign":
                    var assign = GroupReplay.Read<AssignGroupCommand>(command);
                    state.Assign(new AssignPendamping(assign.Group.Id, assign.AssignedOn), assign.Group);
                    break;
                case "release":
                    var release = GroupReplay.Read<ReleaseGroupCommand>(command);
                    state.Release(release.GroupId, release.ReleasedOn);
                    break;
                case "visit":
                    var visit = GroupReplay.Read<RecordVisitCommand>(command);
                    state.RecordVisit(new FacilitationVisit(visit.GroupId, visit.VisitedOn, visit.Notes));
                    break;
                case "report":
                    var report = GroupReplay.Read<SubmitReportCommand>(command);
                    state.SubmitReport(new MonthlyReport(report.GroupId, report.SubmittedOn, report.Summary, report.Notes));
                    break;
                case "inactivity-reported":
                    var inactivity = GroupReplay.Read<RecordInactivityReportedCommand>(command);
                    state.RecordInactivityReported(inactivity.GroupId, inactivity.ReportedOn);
                    break;
                default:
                    throw new MigrationException($"pendamping {id}: command {command.Sequence} has the unknown type '{command.Type}'");
            }
        });

    public static ExerciseState Exercise(Guid id, IReadOnlyList<LegacyCommand> commands) =>
        Replay(id, "exercise", commands, "open", first =>
        {
            var c = GroupReplay.Read<OpenExerciseCommand>(first);
            return new ExerciseState(WealthRankingExercise.Open(new OpenWealthRankingExercise(c.Id, c.Desa, c.HeldOn, c.Households), Profile(c.ProfileId)));
        }, (state, command) =>
        {
            switch (command.Type)
            {
                case "submit-sorting":
                    var sorting = GroupReplay.Read<SubmitSortingCommand>(command);
                    state.Exercise.SubmitSorting(new InformantSorting(sorting.Informant, sorting.PileCount, sorting.Placements));
                    break;
                case "conclude":
                    // The registry base data as it was at the conclusion (stored with the command), not as it is now.
                    state.Exercise.Conclude();
                    state.MatchWith(GroupReplay.Read<ConcludeExerciseCommand>(command).BaseData);
                    break;
                default:
                    throw new MigrationException($"exercise {id}: command {command.Sequence} has the unknown type '{command.Type}'");
            }
        });

    private static ProgramProfile Profile(string id) => ProgramProfiles.Resolve(id) ?? throw new MigrationException($"unknown profile '{id}'");

    private static T Replay<T>(Guid id, string what, IReadOnlyList<LegacyCommand> commands, string firstType, Func<LegacyCommand, T> start, Action<T, LegacyCommand> apply)
    {
        if (commands.Count == 0)
        {
            throw new MigrationException($"{what} {id}: the stream has no commands");
        }
        if (commands[0].Type != firstType)
        {
            throw new MigrationException($"{what} {id}: the stream starts with '{commands[0].Type}', not '{firstType}'");
        }
        var command = commands[0];
        try
        {
            var state = start(command);
            foreach (var next in commands.Skip(1))
            {
                command = next;
                apply(state, next);
            }
            return state;
        }
        catch (Exception failed) when (failed is not MigrationException)
        {
            throw new MigrationException($"{what} {id}: command {command.Sequence} '{command.Type}' no longer replays: {failed.Message}", failed);
        }
    }
}
