using KubeCore.Api.Commands;
using KubeCore.Api.Groups;
using KubeCore.Api.Hosting;
using KubeCore.Api.Json;
using KubeCore.Api.OpenApi;
using KubeCore.Api.Security;
using KubeCore.Common;
using KubeCore.Loans;
using NodaTime;

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
    public sealed record LoanApplicationRequest(PersonId Member, Rupiah Principal, int TermMonths, InstallmentFrequency Frequency, string Purpose, LocalDate AppliedOn);

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
        fund.MapPost("/joint-liability-statements", (Guid groupId, StatementRequest r, HttpContext http, StreamStore store) =>
                GroupEndpoints.Append(http, store, groupId, r, _ => new SignJointLiabilityCommand(r.Member, r.SignedOn, r.DocumentReference)))
            .RequireAuthorization(Policies.GroupMeetings).WithSummary("Records a member's signed tanggung renteng statement (LOAN-01).").Command<GroupView>();
        fund.MapGet("/loans/lending-readiness", async (Guid groupId, IsoDate asOf, StreamStore store, CancellationToken cancellationToken) =>
            {
                var state = (await store.GetGroupAsync(groupId, cancellationToken)).State;
                return TypedResults.Ok(GroupViews.View(state.OpenFund.MayLend(asOf.Value), t => LoanViews.CallerText(state, t)));
            })
            .RequireAuthorization(Policies.GroupRead).WithSummary("May the group lend to its members as of a date (LOAN-01 a: from the first meeting unless the profile sets a minimum savings period)?");
        fund.MapPost("/loans/assessment", async (Guid groupId, LoanApplicationRequest r, StreamStore store, CancellationToken cancellationToken) =>
            {
                var state = (await store.GetGroupAsync(groupId, cancellationToken)).State;
                var decision = state.OpenFund.AssessApplication(new LoanApplication(LoanId.New(), r.Member, r.Principal, r.TermMonths, r.Frequency, r.Purpose, r.AppliedOn));
                return TypedResults.Ok(GroupViews.View(decision, t => LoanViews.CallerText(state, t)));
            })
            .EvaluationOnly().RequireAuthorization(Policies.GroupRead).WithSummary("Assesses an application without storing it: every rule checked, with its parameters.");
        fund.MapPost("/loans", Apply).RequireAuthorization(Policies.GroupTreasury)
            .WithSummary("Records a loan application (LOAN-01..03, -07). Idempotency-Key honoured.")
            .Produces<LoanOperationView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        fund.MapGet("/loans", async (Guid groupId, IsoDate? asOf, StreamStore store, CancellationToken cancellationToken) =>
            {
                var state = (await store.GetGroupAsync(groupId, cancellationToken)).State;
                return TypedResults.Ok(state.OpenFund.Loans.Select(l => LoanViews.View(state, l, asOf?.Value)).ToList());
            })
            .RequireAuthorization(Policies.GroupRead).WithSummary("The group's loans, with their position as of a date when given.");
        fund.MapGet("/loans/{loanId:guid}", async (Guid groupId, Guid loanId, IsoDate? asOf, StreamStore store, CancellationToken cancellationToken) =>
            {
                var state = (await store.GetGroupAsync(groupId, cancellationToken)).State;
                return TypedResults.Ok(LoanViews.View(state, state.Loan(new LoanId(loanId)), asOf?.Value));
            })
            .RequireAuthorization(Policies.GroupRead).WithSummary("One loan: terms, schedule and, as of a date, its arrears (PORT-02).");
        fund.MapPost("/loans/{loanId:guid}/approval", (Guid groupId, Guid loanId, ApprovalRequest r, HttpContext http, StreamStore store) =>
                Operate(http, store, groupId, loanId, r, false, new ApproveGroupLoanCommand(new LoanId(loanId), r.Meeting, r.ApprovedBy)))
            .RequireAuthorization(Policies.GroupMeetings).WithSummary("Approval by a meeting decision with quorum, signed by an officer (LOAN-06, OFF-05).").Command<LoanOperationView>();
        fund.MapPost("/loans/{loanId:guid}/withdrawal", (Guid groupId, Guid loanId, WithdrawalRequest r, HttpContext http, StreamStore store) =>
                Operate(http, store, groupId, loanId, r, false, new WithdrawLoanCommand(new LoanId(loanId), r.Date, r.Reason)))
            .RequireAuthorization(Policies.GroupTreasury).WithSummary("Withdraws an application before disbursement.").Command<LoanOperationView>();
        fund.MapPost("/loans/{loanId:guid}/disbursement", (Guid groupId, Guid loanId, GroupEndpoints.DateRequest r, HttpContext http, StreamStore store) =>
                Operate(http, store, groupId, loanId, r, true, new DisburseLoanCommand(new LoanId(loanId), r.Date)))
            .RequireAuthorization(Policies.GroupTreasury).WithSummary("Disburses an approved loan within the fund's cash (LOAN-03, -04, -06). Idempotency-Key required.").Command<LoanOperationView>();
        fund.MapPost("/loans/{loanId:guid}/repayments", (Guid groupId, Guid loanId, PaymentRequest r, HttpContext http, StreamStore store) =>
                Operate(http, store, groupId, loanId, r, true, new RepayLoanCommand(new LoanId(loanId), r.Date, r.Amount)))
            .RequireAuthorization(Policies.GroupTreasury).WithSummary("A repayment, jasa first (LOAN-05); principal returns to the fund (LOAN-09). Idempotency-Key required.").Command<LoanOperationView>();
        fund.MapPost("/loans/{loanId:guid}/arrears-cover", (Guid groupId, Guid loanId, GroupEndpoints.DateRequest r, HttpContext http, StreamStore store) =>
                Operate(http, store, groupId, loanId, r, true, new CoverArrearsCommand(new LoanId(loanId), r.Date)))
            .RequireAuthorization(Policies.GroupTreasury).WithSummary("Tanggung renteng: covers a defaulter's arrears in the stated order (LOAN-08). Idempotency-Key required.").Command<LoanOperationView>();
        fund.MapPost("/loans/{loanId:guid}/recoveries", (Guid groupId, Guid loanId, PaymentRequest r, HttpContext http, StreamStore store) =>
                Operate(http, store, groupId, loanId, r, true, new RecoverGroupCoverCommand(new LoanId(loanId), r.Date, r.Amount)))
            .RequireAuthorization(Policies.GroupTreasury).WithSummary("The defaulter pays back those who covered (LOAN-08). Idempotency-Key required.").Command<LoanOperationView>();
        fund.MapGet("/reports/portfolio", async (Guid groupId, IsoDate asOf, CollectibilityScheme? scheme, StreamStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok((await store.GetGroupAsync(groupId, cancellationToken)).State.OpenFund.PortfolioAsOf(asOf.Value, scheme ?? CollectibilityScheme.InstallmentsOverdue)))
            .RequireAuthorization(Policies.GroupRead).WithSummary("Portfolio indicators and collectibility as of a date (COL-01/02, PORT-01/02).");
    }

    private static Task<IResult> Apply(Guid groupId, LoanApplicationRequest r, HttpContext http, StreamStore store) =>
        store.AppendAsync(http, GroupStream.Instance, groupId, "group", r, moneyMoving: false,
            _ => new ApplyLoanCommand(r.Member, r.Principal, r.TermMonths, r.Frequency, r.Purpose, r.AppliedOn),
            (state, command, version) =>
            {
                var loan = LoanViews.View(state, state.Loan(command.LoanId!.Value), null);
                return new ApiResponse(StatusCodes.Status201Created, new LoanOperationView(loan, [], version), $"/groups/{groupId}/loans/{loan.Id}", version);
            });

    private static Task<IResult> Operate<TCommand>(HttpContext http, StreamStore store, Guid groupId, Guid loanId, object request, bool moneyMoving, TCommand command)
        where TCommand : notnull
    {
        var before = 0;
        return store.AppendAsync(http, GroupStream.Instance, groupId, "group", request, moneyMoving,
            state =>
            {
                before = state.Ledger?.Count ?? 0;
                return command;
            },
            (state, _, version) => new ApiResponse(StatusCodes.Status200OK,
                new LoanOperationView(LoanViews.View(state, state.Loan(new LoanId(loanId)), null), state.OpenLedger.Entries.Skip(before).Select(GroupViews.View).ToList(), version),
                Version: version));
    }
}
