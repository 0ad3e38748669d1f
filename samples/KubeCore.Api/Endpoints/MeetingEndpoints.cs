using KubeCore.Meetings;

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
        meetings.MapGet("/", async (Guid groupId, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok((await store.GetGroupAsync(groupId, cancellationToken)).State.Meetings.Meetings.Select(GroupViews.View).ToList()))
            .RequireAuthorization(Policies.GroupRead).WithSummary("The group's meetings.");
    }

    private static Task<IResult> Record(Guid groupId, RecordMeetingRequest request, HttpContext http, StateStore store)
    {
        var id = MeetingId.New();
        return store.ChangeAsync(http, GroupType.Instance, groupId, "group", request, moneyMoving: false, state =>
        {
            // Everything is checked on a fresh meeting before it joins the register, so a refusal leaves the group unchanged.
            var meeting = Meeting.Open(state.Group, id, request.Date, request.Agenda);
            meeting.RecordAttendance(request.Attendance);
            foreach (var decision in request.Decisions ?? [])
            {
                meeting.Decide(new TakeDecisionCommand(decision.Kind, decision.Subject, decision.RequiresQuorum, LoanOf(decision)));
            }
            state.Meetings.Add(meeting);
            var view = GroupViews.View(meeting);
            return version => new ApiResponse(StatusCodes.Status201Created, view, $"/groups/{groupId}/meetings/{id}", version);
        });
    }

    // A loan approval names its loan typed, or (as callers of 0.1 did) as the subject text.
    private static LoanId? LoanOf(DecisionData decision) =>
        decision.Kind != DecisionKind.LoanApproval ? decision.Loan
        : decision.Loan ?? (Guid.TryParse(decision.Subject, out var loan) && loan != Guid.Empty ? new LoanId(loan) : null);
}

/// <summary>A decision taken at a meeting: its free-text subject and, for a loan approval, the loan it approves.</summary>
public sealed record DecisionData(DecisionKind Kind, string Subject, bool RequiresQuorum = false, LoanId? Loan = null);
