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
        fund.Changing<StatementRequest>("/joint-liability-statements", Policies.GroupMeetings, "Records a member's signed tanggung renteng statement (LOAN-01).",
            (s, r) => s.OpenFund.SignJointLiabilityStatement(r.Member, r.SignedOn, r.DocumentReference));
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
                TypedResults.Ok((await store.GetGroupAsync(groupId, cancellationToken)).State.OpenFund.Loans.Select(l => GroupViews.View(l, asOf?.Value)).ToList()))
            .RequireAuthorization(Policies.GroupRead).WithSummary("The group's loans, with their position as of a date when given.");
        fund.MapGet("/loans/{loanId:guid}", async (Guid groupId, Guid loanId, IsoDate? asOf, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(GroupViews.View((await store.GetGroupAsync(groupId, cancellationToken)).State.Loan(new LoanId(loanId)), asOf?.Value)))
            .RequireAuthorization(Policies.GroupRead).WithSummary("One loan: terms, schedule and, as of a date, its arrears (PORT-02).");
        fund.Operation<ApprovalRequest>("approval", Policies.GroupMeetings, false, "Approval by a meeting decision with quorum, signed by an officer (LOAN-06, OFF-05).",
            (s, loan, r) => s.OpenFund.Approve(loan, ApprovalDecision(s, loan, r.Meeting), r.ApprovedBy));
        fund.Operation<WithdrawalRequest>("withdrawal", Policies.GroupTreasury, false, "Withdraws an application before disbursement.", (s, loan, r) => s.OpenFund.Withdraw(loan, r.Date, r.Reason));
        fund.Operation<GroupEndpoints.DateRequest>("disbursement", Policies.GroupTreasury, true, "Disburses an approved loan within the fund's cash (LOAN-03, -04, -06).",
            (s, loan, r) => s.OpenFund.Disburse(s.Today, loan, r.Date));
        fund.Operation<PaymentRequest>("repayments", Policies.GroupTreasury, true, "A repayment, jasa first (LOAN-05); principal returns to the fund (LOAN-09).",
            (s, loan, r) => s.OpenFund.Repay(s.Today, loan, r.Date, r.Amount));
        fund.Operation<GroupEndpoints.DateRequest>("arrears-cover", Policies.GroupTreasury, true, "Tanggung renteng: covers a defaulter's arrears in the stated order (LOAN-08).",
            (s, loan, r) => s.OpenFund.CoverArrears(s.Today, loan, r.Date));
        fund.Operation<PaymentRequest>("recoveries", Policies.GroupTreasury, true, "The defaulter pays back those who covered (LOAN-08).", (s, loan, r) => s.OpenFund.Recover(s.Today, loan, r.Date, r.Amount));
        fund.MapGet("/reports/portfolio", async (Guid groupId, IsoDate asOf, CollectibilityScheme? scheme, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok((await store.GetGroupAsync(groupId, cancellationToken)).State.OpenFund.PortfolioAsOf(asOf.Value, scheme ?? CollectibilityScheme.InstallmentsOverdue)))
            .RequireAuthorization(Policies.GroupRead).WithSummary("Portfolio indicators and collectibility as of a date (COL-01/02, PORT-01/02).");
    }

    private static Task<IResult> Apply(Guid groupId, LoanApplicationRequest r, HttpContext http, StateStore store)
    {
        var id = LoanId.New(); // the API chooses the new loan's id (the library makes none)
        return store.ChangeAsync(http, GroupType.Instance, groupId, "group", r, moneyMoving: false, state =>
        {
            var loan = GroupViews.View(state.OpenFund.Apply(r.For(id)), null);
            return version => new ApiResponse(StatusCodes.Status201Created, new LoanOperationView(loan, [], version), $"/groups/{groupId}/loans/{loan.Id}", version);
        });
    }

    /// <summary>Maps an operation on one loan (200 with the loan and the entries posted); a money-moving one requires an <c>Idempotency-Key</c>.</summary>
    private static void Operation<TRequest>(this RouteGroupBuilder fund, string action, string policy, bool moneyMoving, string summary, Action<GroupState, LoanId, TRequest> operate)
        where TRequest : class =>
        fund.MapPost("/loans/{loanId:guid}/" + action, (Guid groupId, Guid loanId, TRequest r, HttpContext http, StateStore store) =>
                store.ChangeAsync(http, GroupType.Instance, groupId, "group", r, moneyMoving, state =>
                {
                    var loan = state.Loan(new LoanId(loanId)).Id; // 404 for an unknown loan
                    var before = state.OpenLedger.Count;
                    operate(state, loan, r);
                    var view = GroupViews.View(state.Loan(loan), null);
                    var entries = state.OpenLedger.Entries.Skip(before).Select(GroupViews.View).ToList();
                    return version => new ApiResponse(StatusCodes.Status200OK, new LoanOperationView(view, entries, version), Version: version);
                }))
            .RequireAuthorization(policy).WithSummary(moneyMoving ? summary + " Idempotency-Key required." : summary).Command<LoanOperationView>();

    /// <summary>The meeting's approval of the loan: its last LoanApproval decision naming the loan, else its last decision (the fund says why it does not approve).</summary>
    private static KubeCore.Meetings.MeetingDecision ApprovalDecision(GroupState state, LoanId loan, MeetingId meetingId)
    {
        var meeting = state.Meeting(meetingId) ?? throw ApiException.NotFound("meeting");
        return meeting.Decisions.LastOrDefault(d => d.Kind == KubeCore.Meetings.DecisionKind.LoanApproval && d.Loan == loan)
            ?? meeting.Decisions.LastOrDefault()
            ?? throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan06, LoanErrors.NotALoanApproval, ("Kind", "—")));
    }
}
