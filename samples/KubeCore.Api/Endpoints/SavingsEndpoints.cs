namespace KubeCore.Api.Endpoints;

/// <summary>
/// A group's books: the append-only, hash-chained savings ledger (SAV-01..07). Every money-moving request
/// needs an <c>Idempotency-Key</c>; its answer lists the entries it posted and the balances after them.
/// The ledger is read from its stored entries; <c>/ledger/verification</c> re-verifies their hash chain.
/// </summary>
public static class SavingsEndpoints
{
    /// <summary>Opening of the books.</summary>
    public sealed record OpenBooksRequest(LocalDate OpenedOn, string? Reference = null);

    /// <summary>A group-level amount (profit, grant, loan capital).</summary>
    public sealed record AmountRequest(LocalDate Date, Rupiah Amount, string? Reference = null);

    /// <summary>An expense.</summary>
    public sealed record ExpenseRequest(LocalDate Date, Rupiah Amount, string? Reference = null, string? Description = null);

    /// <summary>A spend from the IKS fund.</summary>
    public sealed record IksSpendRequest(LocalDate Date, Rupiah Amount, string Purpose, string? Reference = null);

    /// <summary>The stored chain's verification.</summary>
    public sealed record ChainView(bool Intact, int EntryCount, int? FirstBrokenPosition, EntryId? FirstBrokenEntry, ChainBreak? Reason, string? HeadHash);

    /// <summary>A week's totals from its entries (SAV-05): cash in and out, deposits and withdrawals, whether it reconciles.</summary>
    public sealed record WeekTotalsView(
        LocalDate Start, LocalDate End, bool Closed, Rupiah OpeningCash, Rupiah CashIn, Rupiah CashOut, Rupiah ClosingCash,
        Rupiah Deposits, Rupiah Withdrawals, bool Reconciles, IReadOnlyDictionary<PersonId, Rupiah> DepositsByMember, IReadOnlyList<EntryId> Entries);

    public static void MapSavings(this IEndpointRouteBuilder app)
    {
        var books = app.MapGroup("/groups/{groupId:guid}").WithTags("Savings ledger").VersionedBy("group", "groupId");
        books.Posting<OpenBooksRequest>("/books", false, "Opens the group's books (the savings ledger).", (s, r) => s.OpenBooks(r.OpenedOn, EntryId.New(), r.Reference));
        books.Posting<DepositSavingsCommand>("/savings/deposits", true, "A member's savings deposit (SAV-04, SAV-07).",
            (s, r) => s.OpenLedger.Deposit(s.Today, r.Date, r.Member, r.Amount, r.Reference));
        books.Posting<WithdrawSavingsCommand>("/savings/withdrawals", true, "A member's withdrawal, never above their savings (SAV-02).",
            (s, r) => s.OpenLedger.Withdraw(s.Today, r.Date, r.Member, r.Amount, r.Reference));
        books.Posting<ReverseEntryCommand>("/ledger/reversals", true, "Reverses an entry with a new entry naming it (SAV-01).",
            (s, r) => s.OpenLedger.Reverse(s.Today, r.Date, r.Entry, r.Reason, r.Reference));
        books.Posting<CloseBookWeekCommand>("/ledger/week-closes", false, "Closes a bookkeeping week; its totals must reconcile (SAV-05).",
            (s, r) => s.OpenLedger.CloseWeek(s.Today, BookWeek.StartingOn(r.WeekStart, s.OpenLedger.WeekStartsOn), r.ClosedOn));
        books.Posting<AmountRequest>("/ledger/profits", true, "Business profit; its IKS share goes to the solidarity fund (SAV-06).",
            (s, r) => s.OpenLedger.RecordBusinessProfit(s.Today, r.Date, r.Amount, r.Reference));
        books.Posting<IksSpendRequest>("/ledger/iks-spends", true, "A spend from the IKS fund, never a payout to members (SAV-06).",
            (s, r) => s.OpenLedger.SpendIks(s.Today, r.Date, r.Amount, r.Purpose, r.Reference));
        books.Posting<KubeCore.Aid.AidSpend>("/ledger/grant-spends", true, "A spend of the grant with its receipt, recorded for the LPJ (AID-03, SAV-02).", (s, r) =>
        {
            // The LPJ's rules first (receipt, once; within the grant), then the ledger's (SAV-02).
            s.CurrentReport.RecordSpend(r);
            s.OpenLedger.SpendGrant(s.Today, r.Date, r.Amount, r.ReceiptReference, r.Category.ToString());
        });
        books.Posting<AmountRequest>("/ledger/loan-capital", true, "Capital added to the loan fund.", (s, r) => s.OpenLedger.AddLoanCapital(s.Today, r.Date, r.Amount, r.Reference));
        books.Posting<ExpenseRequest>("/ledger/expenses", true, "An expense of the group.", (s, r) => s.OpenLedger.RecordExpense(s.Today, r.Date, r.Amount, r.Reference, r.Description));

        books.MapGet("/ledger", Entries).RequireAuthorization(Policies.GroupRead)
            .WithSummary("The stored entries, in order, in pages.").Produces<List<EntryView>>();
        books.MapGet("/ledger/balances", async (Guid groupId, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(GroupViews.View((await store.GetGroupAsync(groupId, cancellationToken)).State.OpenLedger)))
            .RequireAuthorization(Policies.GroupRead).WithSummary("Balances and member savings (SAV-02, SAV-03).");
        books.MapGet("/ledger/verification", Verify).RequireAuthorization(Policies.GroupRead)
            .WithSummary("Re-verifies the stored hash chain (SAV-01).").Produces<ChainView>().ProducesProblem(StatusCodes.Status409Conflict);
        books.MapGet("/ledger/weeks/{weekStart}", async (Guid groupId, IsoDate weekStart, StateStore store, CancellationToken cancellationToken) =>
            {
                var ledger = (await store.GetGroupAsync(groupId, cancellationToken)).State.OpenLedger;
                var totals = ledger.ComputeWeekTotals(BookWeek.StartingOn(weekStart.Value, ledger.WeekStartsOn));
                return TypedResults.Ok(new WeekTotalsView(totals.Week.Start, totals.Week.End, ledger.IsClosed(totals.Week), totals.OpeningCash, totals.CashIn, totals.CashOut, totals.ClosingCash, totals.Deposits, totals.Withdrawals, totals.Reconciles, totals.DepositsByMember, totals.Entries));
            })
            .RequireAuthorization(Policies.GroupRead).WithSummary("A week's totals from its entries (SAV-05).");
        books.MapGet("/savings/arrears", async (Guid groupId, IsoDate asOf, StateStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok((await store.GetGroupAsync(groupId, cancellationToken)).State.OpenLedger.SavingsArrears(asOf.Value)))
            .RequireAuthorization(Policies.GroupRead).WithSummary("Each member's missing weeks of routine savings as of a date (SAV-04).");
    }

    /// <summary>Maps a posting on the group's books under <paramref name="policy"/> (201 with the entries and balances); a money-moving one requires an <c>Idempotency-Key</c>.</summary>
    internal static void Posting<TRequest>(this RouteGroupBuilder books, string pattern, bool moneyMoving, string summary, Action<GroupState, TRequest> post, string policy = Policies.GroupTreasury)
        where TRequest : class =>
        books.MapPost(pattern, (Guid groupId, TRequest r, HttpContext http, StateStore store) =>
                store.ChangeAsync(http, GroupType.Instance, groupId, "group", r, moneyMoving, state =>
                {
                    var before = state.Ledger?.Count ?? 0;
                    post(state, r);
                    var ledger = state.OpenLedger;
                    var posted = ledger.Entries.Skip(before).Select(GroupViews.View).ToList();
                    var balances = GroupViews.View(ledger);
                    return version => new ApiResponse(StatusCodes.Status201Created, new PostingView(posted, balances, version), $"/groups/{groupId}/ledger/entries/{posted[^1].Id}", version);
                }))
            .RequireAuthorization(policy).WithSummary(moneyMoving ? summary + " Idempotency-Key required." : summary).Command<PostingView>(StatusCodes.Status201Created);

    private static async Task<IResult> Entries(Guid groupId, StateStore store, int? skip, int? take, CancellationToken cancellationToken)
    {
        var (from, count) = Paging.Read(skip, take);
        _ = await store.GetGroupAsync(groupId, cancellationToken); // 404 for an unknown group
        var rows = await store.LedgerAsync(groupId, cancellationToken);
        return TypedResults.Ok(rows.Skip(from).Take(count).Select(r => GroupViews.View(r.ToEntry())).ToList());
    }

    private static async Task<IResult> Verify(Guid groupId, StateStore store, CancellationToken cancellationToken)
    {
        var rows = await store.LedgerAsync(groupId, cancellationToken);
        if (rows.Count == 0)
        {
            _ = await store.GetGroupAsync(groupId, cancellationToken); // 404 for an unknown group, as its siblings
            throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.BooksNotOpened);
        }
        var result = SavingsLedger.VerifyChain(rows.Select(r => r.ToEntry()).ToList());
        return TypedResults.Ok(new ChainView(result.IsIntact, result.EntryCount, result.FirstBrokenPosition, result.FirstBrokenEntry, result.Reason, rows[^1].Hash));
    }
}
