using KubeCore.Loans;

namespace KubeCore.Api.Endpoints;

/// <summary>
/// The group's revolving loan fund (LOAN-01..09, OFF-05) on its books: joint-liability statements,
/// applications, approval by a meeting decision, disbursement, repayments, tanggung renteng and recovery.
/// Every decision is the library's; money-moving requests need an <c>Idempotency-Key</c>.
/// </summary>
public static class LoanEndpoints
{
    /// <summary>A member's joint-liability statement (LOAN-01).</summary>
    public sealed record StatementRequest(PersonId Member, LocalDate SignedOn, string? DocumentReference = null);

    /// <summary>A loan application.</summary>
    public sealed record LoanApplicationRequest(PersonId Member, Rupiah Principal, int TermMonths, InstallmentFrequency Frequency, string Purpose, LocalDate AppliedOn)
    {
        /// <summary>The library's application, under the loan id the API chose.</summary>
        public LoanApplication For(LoanId id) => new(id, Member, Principal, TermMonths, Frequency, Purpose, AppliedOn);
    }

    /// <summary>Approval by a meeting's LoanApproval decision (subject: the loan id), signed by an officer.</summary>
    public sealed record ApprovalRequest(MeetingId Meeting, PersonId ApprovedBy);

    /// <summary>Withdrawal of an application.</summary>
    public sealed record WithdrawalRequest(LocalDate Date, string Reason);

    /// <summary>A dated amount.</summary>
    public sealed record PaymentRequest(LocalDate Date, Rupiah Amount);

    /// <summary>What a loan operation produced: the loan after it and the ledger entries posted.</summary>
    public sealed record LoanOperationView(LoanView Loan, IReadOnlyList<EntryView> Entries, long Version);

    public static void MapLoans(this IEndpointRouteBuilder app)
    {
        var fund = app.MapGroup("/groups/{groupId:guid}").WithTags("Loans").VersionedBy("group", "groupId");
        fund.MapPost("/joint-liability-statements", (Guid groupId, StatementRequest r, HttpContext http, StateStore store) =>
                GroupEndpoints.Change(http, store, groupId, r, s => s.OpenFund.SignJointLiabilityStatement(r.Member, r.SignedOn, r.DocumentReference)))
            .RequireAuthorization(Policies.GroupMeetings).WithSummary("Records a member's signed tanggung renteng statement (LOAN-01).").Command<GroupView>();
        fund.MapGet("/loans/lending-readiness", async (Guid groupId, IsoDate asOf, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(GroupViews.View((await store.GetGroupAsync(groupId, cancellationToken)).State.OpenFund.MayLend(asOf.Value))))
            .RequireAuthorization(Policies.GroupRead).WithSummary("May the group lend to its members as of a date (LOAN-01 a: from the first meeting unless the profile sets a minimum savings period)?");
        fund.MapPost("/loans/assessment", async (Guid groupId, LoanApplicationRequest r, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(GroupViews.View((await store.GetGroupAsync(groupId, cancellationToken)).State.OpenFund.AssessApplication(r.For(LoanId.New())))))
            .EvaluationOnly().RequireAuthorization(Policies.GroupRead).WithSummary("Assesses an application without storing it: every rule checked, with its parameters.");
        fund.MapPost("/loans", Apply).RequireAuthorization(Policies.GroupTreasury)
            .WithSummary("Records a loan application (LOAN-01..03, -07). Idempotency-Key honoured.")
            .Produces<LoanOperationView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        fund.MapGet("/loans", async (Guid groupId, IsoDate? asOf, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok((await store.GetGroupAsync(groupId, cancellationToken)).State.OpenFund.Loans.Select(l => LoanViews.View(l, asOf?.Value)).ToList()))
            .RequireAuthorization(Policies.GroupRead).WithSummary("The group's loans, with their position as of a date when given.");
        fund.MapGet("/loans/{loanId:guid}", async (Guid groupId, Guid loanId, IsoDate? asOf, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(LoanViews.View((await store.GetGroupAsync(groupId, cancellationToken)).State.Loan(new LoanId(loanId)), asOf?.Value)))
            .RequireAuthorization(Policies.GroupRead).WithSummary("One loan: terms, schedule and, as of a date, its arrears (PORT-02).");
        fund.MapPost("/loans/{loanId:guid}/approval", (Guid groupId, Guid loanId, ApprovalRequest r, HttpContext http, StateStore store) =>
                Operate(http, store, groupId, loanId, r, false, (s, loan) => s.OpenFund.Approve(loan, ApprovalDecision(s, loan, r.Meeting), r.ApprovedBy)))
            .RequireAuthorization(Policies.GroupMeetings).WithSummary("Approval by a meeting decision with quorum, signed by an officer (LOAN-06, OFF-05).").Command<LoanOperationView>();
        fund.MapPost("/loans/{loanId:guid}/withdrawal", (Guid groupId, Guid loanId, WithdrawalRequest r, HttpContext http, StateStore store) =>
                Operate(http, store, groupId, loanId, r, false, (s, loan) => s.OpenFund.Withdraw(loan, r.Date, r.Reason)))
            .RequireAuthorization(Policies.GroupTreasury).WithSummary("Withdraws an application before disbursement.").Command<LoanOperationView>();
        fund.MapPost("/loans/{loanId:guid}/disbursement", (Guid groupId, Guid loanId, GroupEndpoints.DateRequest r, HttpContext http, StateStore store) =>
                Operate(http, store, groupId, loanId, r, true, (s, loan) => s.OpenFund.Disburse(s.Today, loan, r.Date)))
            .RequireAuthorization(Policies.GroupTreasury).WithSummary("Disburses an approved loan within the fund's cash (LOAN-03, -04, -06). Idempotency-Key required.").Command<LoanOperationView>();
        fund.MapPost("/loans/{loanId:guid}/repayments", (Guid groupId, Guid loanId, PaymentRequest r, HttpContext http, StateStore store) =>
                Operate(http, store, groupId, loanId, r, true, (s, loan) => s.OpenFund.Repay(s.Today, loan, r.Date, r.Amount)))
            .RequireAuthorization(Policies.GroupTreasury).WithSummary("A repayment, jasa first (LOAN-05); principal returns to the fund (LOAN-09). Idempotency-Key required.").Command<LoanOperationView>();
        fund.MapPost("/loans/{loanId:guid}/arrears-cover", (Guid groupId, Guid loanId, GroupEndpoints.DateRequest r, HttpContext http, StateStore store) =>
                Operate(http, store, groupId, loanId, r, true, (s, loan) => s.OpenFund.CoverArrears(s.Today, loan, r.Date)))
            .RequireAuthorization(Policies.GroupTreasury).WithSummary("Tanggung renteng: covers a defaulter's arrears in the stated order (LOAN-08). Idempotency-Key required.").Command<LoanOperationView>();
        fund.MapPost("/loans/{loanId:guid}/recoveries", (Guid groupId, Guid loanId, PaymentRequest r, HttpContext http, StateStore store) =>
                Operate(http, store, groupId, loanId, r, true, (s, loan) => s.OpenFund.Recover(s.Today, loan, r.Date, r.Amount)))
            .RequireAuthorization(Policies.GroupTreasury).WithSummary("The defaulter pays back those who covered (LOAN-08). Idempotency-Key required.").Command<LoanOperationView>();
        fund.MapGet("/reports/portfolio", async (Guid groupId, IsoDate asOf, CollectibilityScheme? scheme, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok((await store.GetGroupAsync(groupId, cancellationToken)).State.OpenFund.PortfolioAsOf(asOf.Value, scheme ?? CollectibilityScheme.InstallmentsOverdue)))
            .RequireAuthorization(Policies.GroupRead).WithSummary("Portfolio indicators and collectibility as of a date (COL-01/02, PORT-01/02).");
    }

    private static Task<IResult> Apply(Guid groupId, LoanApplicationRequest r, HttpContext http, StateStore store)
    {
        var id = LoanId.New(); // the API chooses the new loan's id (the library makes none)
        return store.ChangeAsync(http, GroupType.Instance, groupId, "group", r, moneyMoving: false, state =>
        {
            var loan = LoanViews.View(state.OpenFund.Apply(r.For(id)), null);
            return version => new ApiResponse(StatusCodes.Status201Created, new LoanOperationView(loan, [], version), $"/groups/{groupId}/loans/{loan.Id}", version);
        });
    }

    private static Task<IResult> Operate(HttpContext http, StateStore store, Guid groupId, Guid loanId, object request, bool moneyMoving, Action<GroupState, LoanId> operate) =>
        store.ChangeAsync(http, GroupType.Instance, groupId, "group", request, moneyMoving, state =>
        {
            var loan = state.Loan(new LoanId(loanId)).Id; // 404 for an unknown loan
            var before = state.OpenLedger.Count;
            operate(state, loan);
            var view = LoanViews.View(state.Loan(loan), null);
            var entries = state.OpenLedger.Entries.Skip(before).Select(GroupViews.View).ToList();
            return version => new ApiResponse(StatusCodes.Status200OK, new LoanOperationView(view, entries, version), Version: version);
        });

    /// <summary>The meeting's approval of the loan: its last LoanApproval decision naming the loan, else its last decision (the fund says why it does not approve).</summary>
    private static KubeCore.Meetings.MeetingDecision ApprovalDecision(GroupState state, LoanId loan, MeetingId meetingId)
    {
        var meeting = state.Meeting(meetingId) ?? throw ApiException.NotFound("meeting");
        return meeting.Decisions.LastOrDefault(d => d.Kind == KubeCore.Meetings.DecisionKind.LoanApproval && d.Loan == loan)
            ?? meeting.Decisions.LastOrDefault()
            ?? throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan06, LoanErrors.NotALoanApproval, ("Kind", "—")));
    }
}
