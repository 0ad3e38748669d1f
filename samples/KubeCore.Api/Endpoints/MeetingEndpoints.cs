using KubeCore.Api.Commands;
using KubeCore.Api.Groups;
using KubeCore.Api.Hosting;
using KubeCore.Api.Security;
using KubeCore.Common;
using KubeCore.Meetings;
using NodaTime;

namespace KubeCore.Api.Endpoints;

/// <summary>
/// A group's meetings (FIVE-02): attendance of every current member and the decisions taken, each with
/// the quorum it had (LOAN-06 loan approvals, OFF-03 elections, SAV-06 profit splits need one).
/// </summary>
public static class MeetingEndpoints
{
    /// <summary>A meeting to record.</summary>
    /// <param name="Date">The meeting date.</param>
    /// <param name="Agenda">What was discussed.</param>
    /// <param name="Attendance">A mark for every current member.</param>
    /// <param name="Decisions">The decisions taken (kind and subject; a loan approval's subject is the loan id).</param>
    public sealed record RecordMeetingRequest(LocalDate Date, IReadOnlyList<AttendanceMark> Attendance, string? Agenda = null, IReadOnlyList<DecisionData>? Decisions = null);

    public static void MapMeetings(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/groups/{groupId:guid}/meetings").WithTags("Meetings").VersionedBy("group", "groupId");
        meetings.MapPost("/", Record).RequireAuthorization(Policies.GroupMeetings)
            .WithSummary("Records a meeting with its attendance and decisions (FIVE-02, LOAN-06, OFF-03). Idempotency-Key honoured.")
            .Produces<MeetingView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        meetings.MapGet("/", async (Guid groupId, StreamStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok((await store.GetGroupAsync(groupId, cancellationToken)).State.Meetings.Meetings.Select(GroupViews.View).ToList()))
            .RequireAuthorization(Policies.GroupRead).WithSummary("The group's meetings.");
    }

    private static Task<IResult> Record(Guid groupId, RecordMeetingRequest request, HttpContext http, StreamStore store)
    {
        var id = MeetingId.New();
        return store.AppendAsync(http, GroupStream.Instance, groupId, "group", request, moneyMoving: false,
            _ => new RecordGroupMeetingCommand(id, request.Date, request.Agenda, request.Attendance, request.Decisions ?? []),
            (state, command, version) => new ApiResponse(StatusCodes.Status201Created, GroupViews.View(state.Meeting(command.MeetingId)!), $"/groups/{groupId}/meetings/{command.MeetingId}", version));
    }
}
