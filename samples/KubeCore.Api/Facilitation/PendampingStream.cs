using System.Text.Json.Serialization;
using KubeCore.Api.Commands;
using KubeCore.Common;
using KubeCore.Facilitation;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Api.Facilitation;

/// <summary>Appointment of a pendamping: the first command of a pendamping stream.</summary>
public sealed record AppointPendampingCommand(PendampingId Id, string Name, string ProfileId, LocalDate AppointedOn);

/// <summary>Assignment of a group (FAC-01), with the group's standing as it was when the assignment was decided.</summary>
public sealed record AssignGroupCommand(StandingData Group, LocalDate AssignedOn);

/// <summary>End of an assignment.</summary>
public sealed record ReleaseGroupCommand(GroupId GroupId, LocalDate ReleasedOn);

/// <summary>A visit to a group (FAC-02).</summary>
public sealed record RecordVisitCommand(GroupId GroupId, LocalDate VisitedOn, string Notes);

/// <summary>A monthly report on a group (FAC-02, FAC-03).</summary>
public sealed record SubmitReportCommand(GroupId GroupId, LocalDate SubmittedOn, string Summary, IReadOnlyList<AspectNote> Notes);

/// <summary>The group reported its pendamping's inactivity to Dinas Sosial (FAC-02).</summary>
public sealed record RecordInactivityReportedCommand(GroupId GroupId, LocalDate ReportedOn);

/// <summary>A group's standing as stored with a command: what <see cref="IGroupStanding"/> showed then.</summary>
public sealed record StandingData(GroupId Id, string ProfileId, GroupStatus Status, IReadOnlyList<PersonId> Members, IReadOnlyList<OfficerAssignment> Officers) : IGroupStanding
{
    /// <inheritdoc />
    [JsonIgnore]
    public ProgramProfile Profile => ProgramProfiles.All.Single(p => p.Id == ProfileId);

    /// <inheritdoc />
    [JsonIgnore]
    public IReadOnlyCollection<PersonId> CurrentMembers => Members;

    /// <inheritdoc />
    public PersonId? OfficerHolding(OfficerRole role) => Officers.FirstOrDefault(o => o.Role == role)?.PersonId;

    /// <summary>The standing of a group now.</summary>
    public static StandingData Of(IGroupStanding group) => new(group.Id, group.Profile.Id, group.Status, [.. group.CurrentMembers],
        [.. Enum.GetValues<OfficerRole>().Select(r => group.OfficerHolding(r) is { } p ? new OfficerAssignment(r, p) : null).OfType<OfficerAssignment>()]);
}

/// <summary>A pendamping, rebuilt by replaying their commands through the library (deterministic).</summary>
public sealed class PendampingStream : StreamType<Pendamping>
{
    /// <summary>The one instance.</summary>
    public static PendampingStream Instance { get; } = new();

    private PendampingStream()
    {
        Command<AppointPendampingCommand>("appoint");
        Command<AssignGroupCommand>("assign");
        Command<ReleaseGroupCommand>("release");
        Command<RecordVisitCommand>("visit");
        Command<SubmitReportCommand>("report");
        Command<RecordInactivityReportedCommand>("inactivity-reported");
    }

    /// <inheritdoc />
    public override string Name => "pendamping";

    /// <inheritdoc />
    public override Pendamping Start(object command)
    {
        var c = (AppointPendampingCommand)command;
        return Pendamping.Appoint(c.Id, c.Name, ProgramProfiles.All.Single(p => p.Id == c.ProfileId), c.AppointedOn);
    }

    /// <inheritdoc />
    public override Pendamping StartStored(object command)
    {
        var c = (AppointPendampingCommand)command;
        return Pendamping.AppointStored(c.Id, c.Name, ProgramProfiles.All.Single(p => p.Id == c.ProfileId), c.AppointedOn);
    }

    /// <inheritdoc />
    public override object Apply(Pendamping state, object command, ApplyMode mode)
    {
        switch (command)
        {
            case AssignGroupCommand c:
                state.Assign(new AssignPendamping(c.Group.Id, c.AssignedOn), c.Group);
                break;
            case ReleaseGroupCommand c:
                state.Release(c.GroupId, c.ReleasedOn);
                break;
            case RecordVisitCommand c:
                state.RecordVisit(new FacilitationVisit(c.GroupId, c.VisitedOn, c.Notes));
                break;
            case SubmitReportCommand c:
                state.SubmitReport(new MonthlyReport(c.GroupId, c.SubmittedOn, c.Summary, c.Notes));
                break;
            case RecordInactivityReportedCommand c:
                state.RecordInactivityReported(c.GroupId, c.ReportedOn);
                break;
            default:
                throw new ArgumentException($"{command.GetType().Name} is not a pendamping command.", nameof(command));
        }
        return command;
    }

    /// <inheritdoc />
    public override object Summary(Pendamping state) => new PendampingSummary(state.Name, state.Profile.Id, state.AppointedOn, state.Assignments.Count(a => a.ReleasedOn is null), state.MaxGroups);
}

/// <summary>What a pendamping listing shows.</summary>
public sealed record PendampingSummary(string Name, string ProfileId, LocalDate AppointedOn, int Groups, int MaxGroups);
