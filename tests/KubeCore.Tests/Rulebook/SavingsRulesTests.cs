using FsCheck.Xunit;
using KubeCore.Aid;
using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Savings;
using KubeCore.Tests.Support;
using NodaTime;
using static KubeCore.Tests.Builders.LedgerBuilders;
using static KubeCore.Tests.RulebookProperties.SavingsRulesArbitraries;
using static KubeCore.Tests.Savings.LedgerRunArbitraries;

namespace KubeCore.Tests.RulebookProperties;

public class SavingsRulesTests
{
    private static LedgerModel Run(IEnumerable<LedgerOp> ops)
    {
        var model = new LedgerModel();
        foreach (var op in ops)
        {
            model.Step(op);
        }
        return model;
    }

    // ------------------------------------------------------------------------------------------------
    // The model-based property: every operation, accepted or refused, agrees with a plain-dictionary model.
    // ------------------------------------------------------------------------------------------------

    [Property(MaxTest = 15, Arbitrary = [typeof(LedgerRunArbitraries)])]
    [Trait("Rule", "SAV-01")]
    [Trait("Rule", "SAV-02")]
    [Trait("Rule", "SAV-03")]
    [Trait("Rule", "SAV-05")]
    [Trait("Rule", "SAV-06")]
    [Trait("Rule", "SAV-07")]
    public bool Over_a_thousand_random_operations_the_ledger_agrees_with_a_reference_model_and_refused_operations_change_nothing(LedgerRun1200 run)
    {
        var ops = run.Ops;
        var model = Run(ops);
        model.Accepted.ShouldBeGreaterThan(300);
        model.Refused.ShouldBeGreaterThan(30);
        model.Ledger.VerifyChain().IsIntact.ShouldBeTrue();
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // SAV-01 append-only, hash-chained, corrections by reversal
    // ------------------------------------------------------------------------------------------------

    /// <summary>The fields <see cref="Tamper"/> can change: 0 to 12.</summary>
    internal const int TamperableFields = 13;

    private static LedgerEntry Tamper(LedgerEntry e, int field)
    {
        var legs = e.Legs.ToList();
        var member = e.Member;
        var loan = e.Loan;
        var reverses = e.Reverses;
        var sequence = e.Sequence;
        var date = e.BookDate;
        var kind = e.Kind;
        var id = e.Id;
        var group = e.Group;
        var reference = e.Reference;
        var memo = e.Memo;
        var previous = e.PreviousHash;
        var hash = e.Hash;
        switch (field)
        {
            case 0: id = EntryId.New(); break;
            case 1: sequence++; break;
            case 2: date = date.PlusDays(1); break;
            case 3: kind = (EntryKind)(((int)kind % 16) + 1); break;
            case 4:
                if (legs.Count == 0)
                {
                    legs.Add(LedgerLeg.Debit(LedgerAccount.Cash, Rupiah.Of(1)));
                    legs.Add(LedgerLeg.Credit(LedgerAccount.Iks, Rupiah.Of(1)));
                }
                else
                {
                    legs[0] = LedgerLeg.FromParts(legs[0].Account, legs[0].Side, legs[0].Amount + Rupiah.Of(1));
                }
                break;
            case 5: member = member is null ? PersonId.New() : null; break;
            case 6: loan = loan is null ? LoanId.New() : null; break;
            case 7: reference += "x"; break;
            case 8: memo += "x"; break;
            case 9: reverses = reverses is null ? EntryId.New() : null; break;
            case 10: previous = EntryHash.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray()); break;
            case 11: hash = EntryHash.FromBytes(Enumerable.Repeat((byte)9, 32).ToArray()); break;
            default: group = GroupId.New(); break;
        }
        return LedgerEntry.FromStored(group, id, sequence, date, kind, legs, member, loan, reference, memo, reverses, previous, hash,
            e.Profit, e.IksPurpose, e.WeekStartsOn, e.ProfileId, e.ClosedWeekStart);
    }

    private static LedgerEntry Copy(LedgerEntry e) =>
        LedgerEntry.FromStored(e.Group, e.Id, e.Sequence, e.BookDate, e.Kind,
            e.Legs.Select(l => LedgerLeg.FromParts(LedgerAccount.FromParts(l.Account.Kind, l.Account.Member, l.Account.Loan), l.Side, l.Amount)),
            e.Member, e.Loan, e.Reference, e.Memo, e.Reverses, e.PreviousHash, e.Hash, e.Profit, e.IksPurpose, e.WeekStartsOn, e.ProfileId, e.ClosedWeekStart);

    [Property(MaxTest = 100, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-01")]
    public bool Tampering_with_any_field_of_any_entry_is_detected_at_exactly_that_entry(TamperCase c)
    {
        var (run, pick, field) = c;
        var ops = run.Ops;
        var model = Run(ops);
        var entries = model.Ledger.Entries.Select(Copy).ToList();
        var index = pick % entries.Count;
        entries[index] = Tamper(entries[index], field);
        var verification = SavingsLedger.VerifyChain(entries);
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBrokenPosition.ShouldBe(index + 1, $"field {field}");
        verification.Reason.ShouldBe(ChainBreak.HashMismatch);
        var ex = Should.Throw<RuleViolationException>(() => SavingsLedger.Rehydrate(model.Group, entries));
        ex.Violation.ErrorCode.ShouldBe(SavingsErrors.ChainBroken);
        ex.Violation.Arguments["Position"].ShouldBe((long)(index + 1));
        return true;
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-01")]
    public bool Removing_inserting_or_swapping_entries_is_detected_at_the_first_displaced_position(DisplacementCase c)
    {
        var (run, pick, change) = c;
        var ops = run.Ops;
        var model = Run(ops);
        var entries = model.Ledger.Entries.ToList();
        if (entries.Count < 3)
        {
            return true;
        }
        var index = 1 + (pick % (entries.Count - 2));
        switch (change)
        {
            case 0: entries.RemoveAt(index); break;
            case 1: entries.Insert(index, entries[index + 1]); break;
            default: (entries[index], entries[index + 1]) = (entries[index + 1], entries[index]); break;
        }
        var verification = SavingsLedger.VerifyChain(entries);
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBrokenPosition.ShouldBe(index + 1);
        return true;
    }

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void A_rewritten_chain_suffix_is_caught_by_the_published_head_hash()
    {
        var group = Ksm();
        var ledger = FundedLedger(group);
        var published = ledger.LastHash;
        var forged = OpenLedger(group);
        SavingsLedger.VerifyChain(forged.Entries).IsIntact.ShouldBeTrue();
        var verification = SavingsLedger.VerifyChain(forged.Entries, published);
        verification.Reason.ShouldBe(ChainBreak.HeadMismatch);
        SavingsLedger.VerifyChain(ledger.Entries, published).IsIntact.ShouldBeTrue();
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-01")]
    public bool An_entry_is_reversed_at_most_once_and_a_reversal_is_never_reversed(ReversalPick c)
    {
        var (run, pick) = c;
        var ops = run.Ops;
        var model = Run(ops);
        var ledger = model.Ledger;
        var date = model.Today.PlusWeeks(2);
        ledger.Deposit(HostToday.Of(date), date, model.Group.Members[pick % 3], Rupiah.Of(5_000 + pick));
        var candidates = ledger.Entries
            .Where(e => e.Kind == EntryKind.SavingsDeposit && !ledger.IsReversed(e.Id) && ledger.SavingsOf(e.Member!.Value) >= e.Amount && ledger.Cash >= e.Amount)
            .ToList();
        var target = candidates[pick % candidates.Count];
        var reversal = ledger.Reverse(HostToday.Of(date), date, target.Id, "salah catat");
        reversal.Reverses.ShouldBe(target.Id);
        ledger.ReversalOf(target.Id).ShouldBe(reversal.Id);
        var count = ledger.Count;
        Should.Throw<RuleViolationException>(() => ledger.Reverse(HostToday.Of(date), date, target.Id, "lagi")).Violation.ErrorCode.ShouldBe(SavingsErrors.AlreadyReversed);
        Should.Throw<RuleViolationException>(() => ledger.Reverse(HostToday.Of(date), date, reversal.Id, "batal batal")).Violation.ErrorCode.ShouldBe(SavingsErrors.NotReversible);
        Should.Throw<RuleViolationException>(() => ledger.Reverse(HostToday.Of(date), date, ledger.Entries[0].Id, "pembukaan")).Violation.ErrorCode.ShouldBe(SavingsErrors.NotReversible);
        Should.Throw<RuleViolationException>(() => ledger.Reverse(HostToday.Of(date), date, EntryId.New(), "tidak ada")).Violation.ErrorCode.ShouldBe(SavingsErrors.UnknownEntry);
        ledger.Count.ShouldBe(count);
        return true;
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "SAV-01")]
    public bool A_reversal_with_a_blank_reason_is_refused_with_a_coded_violation_that_changes_nothing_and_one_visible_letter_makes_it_a_reason(BlankText reason)
    {
        var ledger = FundedLedger(Ksm());
        var date = ledger.OpenedOn;
        var deposit = ledger.Entries.First(e => e.Kind == EntryKind.SavingsDeposit);
        var (count, head) = (ledger.Count, ledger.LastHash);
        var refusal = Should.Throw<RuleViolationException>(() => ledger.Reverse(HostToday.Of(date), date, deposit.Id, reason.Text)).Violations.Single();
        var unchanged = ledger.Count == count && ledger.LastHash == head && !ledger.IsReversed(deposit.Id);
        ledger.Reverse(HostToday.Of(date), date, deposit.Id, reason.Text + "x");
        return refusal.RuleId == RuleIds.Sav01 && refusal.ErrorCode == SavingsErrors.ReversalReasonRequired
            && unchanged && ledger.IsReversed(deposit.Id) && ledger.Count == count + 1;
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "AID-03")]
    public bool A_grant_spend_with_a_blank_receipt_reference_is_refused_with_a_coded_violation_that_changes_nothing_and_one_visible_letter_makes_it_a_receipt(BlankText receipt)
    {
        var on = LedgerForEveryPosting();
        var (before, count) = (LedgerFingerprint.Of(on.Ledger), on.Ledger.Count);
        var refusal = Should.Throw<RuleViolationException>(() => on.Ledger.SpendGrant(on.Today, on.Date, Rupiah.Of(1_000), receipt.Text, "bahan baku")).Violations.Single();
        var unchanged = LedgerFingerprint.Of(on.Ledger) == before;
        var booked = on.Ledger.SpendGrant(on.Today, on.Date, Rupiah.Of(1_000), receipt.Text + "K", "bahan baku");
        return refusal.RuleId == RuleIds.Aid03 && refusal.ErrorCode == AidErrors.ReceiptMissing && (Rupiah?)refusal.Arguments["Amount"] == Rupiah.Of(1_000)
            && unchanged && booked.Reference == receipt.Text + "K" && on.Ledger.Count == count + 1;
    }

    [Fact]
    [Trait("Rule", "AID-03")]
    public void A_grant_spend_whose_receipt_is_null_empty_white_space_or_only_zero_width_characters_is_refused_and_one_letter_or_exactly_100_characters_is_booked()
    {
        var on = LedgerForEveryPosting();
        var before = LedgerFingerprint.Of(on.Ledger);
        foreach (var blank in new[] { null, string.Empty, " ", "\t", "\u200B", "\uFEFF", " \u200B\uFEFF " })
        {
            var refusal = Should.Throw<RuleViolationException>(() => on.Ledger.SpendGrant(on.Today, on.Date, Rupiah.Of(1_000), blank!, "bahan baku"), $"'{blank}'").Violation;
            (refusal.RuleId, refusal.ErrorCode).ShouldBe((RuleIds.Aid03, AidErrors.ReceiptMissing), $"'{blank}'");
        }
        LedgerFingerprint.Of(on.Ledger).ShouldBe(before);
        on.Ledger.SpendGrant(on.Today, on.Date, Rupiah.Of(1_000), "K").Reference.ShouldBe("K");
        on.Ledger.SpendGrant(on.Today, on.Date, Rupiah.Of(1_000), new string('K', LedgerEntry.MaxReferenceLength)).Reference.Length.ShouldBe(LedgerEntry.MaxReferenceLength);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ReadableNameArbitraries)])]
    [Trait("Rule", "SAV-06")]
    public bool An_IKS_spend_with_a_blank_purpose_or_description_is_refused_with_a_coded_violation_that_changes_nothing_and_one_visible_letter_makes_it_a_purpose(BlankText text, bool ofAStatedPurpose)
    {
        var on = LedgerForEveryPosting();
        var before = LedgerFingerprint.Of(on.Ledger);
        var refusal = Should.Throw<RuleViolationException>(() => SpendIks(on, ofAStatedPurpose, text.Text)).Violations.Single();
        var unchanged = LedgerFingerprint.Of(on.Ledger) == before;
        var booked = SpendIks(on, ofAStatedPurpose, text.Text + "x");
        return refusal.RuleId == RuleIds.Sav06 && refusal.ErrorCode == SavingsErrors.IksPurposeRequired
            && (string?)refusal.Arguments["PropertyName"] == (ofAStatedPurpose ? "description" : "purpose")
            && unchanged && booked.Kind == EntryKind.IksSpend && booked.Memo.EndsWith(text.Text + "x", StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "SAV-06")]
    public void An_IKS_spend_whose_purpose_is_null_empty_white_space_or_only_zero_width_characters_is_refused_and_one_letter_or_a_memo_of_exactly_1000_characters_is_booked()
    {
        foreach (var ofAStatedPurpose in new[] { false, true })
        {
            var on = LedgerForEveryPosting();
            var before = LedgerFingerprint.Of(on.Ledger);
            foreach (var blank in new[] { null, string.Empty, " ", "\t", "\u200B", "\uFEFF", " \u200B\uFEFF " })
            {
                var refusal = Should.Throw<RuleViolationException>(() => SpendIks(on, ofAStatedPurpose, blank!), $"'{blank}'").Violation;
                (refusal.RuleId, refusal.ErrorCode).ShouldBe((RuleIds.Sav06, SavingsErrors.IksPurposeRequired), $"'{blank}'");
            }
            LedgerFingerprint.Of(on.Ledger).ShouldBe(before);
            SpendIks(on, ofAStatedPurpose, "x").Kind.ShouldBe(EntryKind.IksSpend);
            // The memo holds the purpose text (or "purpose=SocialNeed;description=" and the description): at most 1000 characters.
            var prefix = SpendIks(on, ofAStatedPurpose, "x").Memo.Length - 1;
            SpendIks(on, ofAStatedPurpose, new string('x', LedgerEntry.MaxMemoLength - prefix)).Memo.Length.ShouldBe(LedgerEntry.MaxMemoLength);
            var full = LedgerFingerprint.Of(on.Ledger);
            Should.Throw<RuleViolationException>(() => SpendIks(on, ofAStatedPurpose, new string('x', LedgerEntry.MaxMemoLength - prefix + 1))).Violation.ErrorCode.ShouldBe(SavingsErrors.TextTooLong);
            LedgerFingerprint.Of(on.Ledger).ShouldBe(full);
        }
    }

    // An IKS spend of Rp 1.000 with its purpose text, or of a stated purpose (social need of a member) with its description.
    private static LedgerEntry SpendIks(PostingLedger on, bool ofAStatedPurpose, string text) => ofAStatedPurpose
        ? on.Ledger.SpendIks(on.Today, on.Date, Rupiah.Of(1_000), IksPurpose.SocialNeed, text, on.Group.Members[2])
        : on.Ledger.SpendIks(on.Today, on.Date, Rupiah.Of(1_000), text);

    /// <summary>
    /// Every public posting that takes a reference (the receipt of a grant spend, the reference of a reversal), on a ledger
    /// from <see cref="LedgerForEveryPosting"/>: a funded KSM ledger with IKS, a grant and loan <c>Loan</c> disbursed.
    /// </summary>
    internal static readonly (string Name, Func<PostingLedger, string, LedgerEntry> Post)[] PostingsWithReference =
    [
        ("Open", (l, r) => SavingsLedger.Open(l.Group, l.Date, EntryId.New(), r).Entries[0]),
        ("Deposit", (l, r) => l.Ledger.Deposit(l.Today, l.Date, l.Group.Members[1], Rupiah.Of(1_000), r)),
        ("Withdraw", (l, r) => l.Ledger.Withdraw(l.Today, l.Date, l.Group.Members[1], Rupiah.Of(1_000), r)),
        ("RecordBusinessProfit", (l, r) => l.Ledger.RecordBusinessProfit(l.Today, l.Date, Rupiah.Of(100_000), r)),
        ("SpendIks", (l, r) => l.Ledger.SpendIks(l.Today, l.Date, Rupiah.Of(1_000), "bantuan duka tetangga", r)),
        ("SpendIks for a member", (l, r) => l.Ledger.SpendIks(l.Today, l.Date, Rupiah.Of(1_000), IksPurpose.SocialNeed, "biaya berobat", l.Group.Members[2], r)),
        ("CreditGrant", (l, r) => l.Ledger.CreditGrant(l.Today, l.Date, Rupiah.Of(1_000), r)),
        ("SpendGrant", (l, r) => l.Ledger.SpendGrant(l.Today, l.Date, Rupiah.Of(1_000), r, "bahan baku")),
        ("AddLoanCapital", (l, r) => l.Ledger.AddLoanCapital(l.Today, l.Date, Rupiah.Of(1_000), r)),
        ("TransferBetweenFunds", (l, r) => l.Ledger.TransferBetweenFunds(l.Today, l.Date, LedgerAccount.LoanFund, LedgerAccount.Iks, Rupiah.Of(1_000), r)),
        ("RecordExpense", (l, r) => l.Ledger.RecordExpense(l.Today, l.Date, Rupiah.Of(1_000), r, "ATK")),
        ("DisburseLoan", (l, r) => l.Ledger.DisburseLoan(l.Today, l.Date, LoanId.New(), l.Group.Members[3], Rupiah.Of(1_000), r)),
        ("RecordRepayment", (l, r) => l.Ledger.RecordRepayment(l.Today, l.Date, l.Loan, Rupiah.Of(1_000), Rupiah.Of(100), r)),
        ("Reverse", (l, r) => l.Ledger.Reverse(l.Today, l.Date, l.Deposit, "salah catat", r)),
    ];

    /// <summary>A ledger every posting of <see cref="PostingsWithReference"/> can be made on, and what they need.</summary>
    internal sealed record PostingLedger(SavingsLedger Ledger, TestGroup Group, LocalDate Date, LoanId Loan, EntryId Deposit)
    {
        public HostToday Today => HostToday.Of(Date);
    }

    private static PostingLedger LedgerForEveryPosting()
    {
        var group = Ksm();
        var ledger = FundedLedger(group);
        var date = ledger.OpenedOn;
        var today = HostToday.Of(date);
        ledger.RecordBusinessProfit(today, date, Rupiah.Of(200_000), "laba usaha");
        ledger.CreditGrant(today, date, Rupiah.Of(500_000), "BLPS");
        var loan = LoanId.New();
        ledger.DisburseLoan(today, date, loan, group.Members[0], Rupiah.Of(100_000), "pencairan");
        return new PostingLedger(ledger, group, date, loan, ledger.Entries.First(e => e.Kind == EntryKind.SavingsDeposit).Id);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-01")]
    public bool A_posting_with_a_reference_of_at_most_100_characters_is_booked_and_a_longer_one_is_refused_with_a_coded_violation_that_changes_nothing(ReferencePosting c)
    {
        var (name, post) = PostingsWithReference[c.Posting % PostingsWithReference.Length];
        var on = LedgerForEveryPosting();
        var (count, head) = (on.Ledger.Count, on.Ledger.LastHash);
        var reference = new string('R', c.Length);
        if (c.Length <= LedgerEntry.MaxReferenceLength)
        {
            return post(on, reference).Reference == reference;
        }
        var refusal = Should.Throw<RuleViolationException>(() => post(on, reference), name).Violations.Single();
        return IsTextTooLong(refusal, LedgerEntry.MaxReferenceLength, c.Length) && ChangedNothing(on, count, head);
    }

    // SAV-01's refusal of a text of `length` characters over its `maxLength`.
    private static bool IsTextTooLong(RuleViolation refusal, int maxLength, int length) =>
        refusal.RuleId == RuleIds.Sav01 && refusal.ErrorCode == SavingsErrors.TextTooLong
        && (int?)refusal.Arguments["MaxLength"] == maxLength && (int?)refusal.Arguments["TotalLength"] == length;

    // The ledger still has `count` entries ending in `head`, and its deposit is not reversed.
    private static bool ChangedNothing(PostingLedger on, int count, EntryHash head) =>
        on.Ledger.Count == count && on.Ledger.LastHash == head && !on.Ledger.IsReversed(on.Deposit);

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void Every_posting_that_takes_a_reference_books_one_of_exactly_100_characters_and_refuses_one_of_101()
    {
        foreach (var (name, post) in PostingsWithReference)
        {
            var on = LedgerForEveryPosting();
            post(on, new string('R', LedgerEntry.MaxReferenceLength)).Reference.Length.ShouldBe(LedgerEntry.MaxReferenceLength, name);
            var (count, head) = (on.Ledger.Count, on.Ledger.LastHash);
            Should.Throw<RuleViolationException>(() => post(on, new string('R', LedgerEntry.MaxReferenceLength + 1)), name)
                .Violation.ErrorCode.ShouldBe(SavingsErrors.TextTooLong, name);
            on.Ledger.Count.ShouldBe(count, name);
            on.Ledger.LastHash.ShouldBe(head, name);
        }
    }

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void A_renteng_cover_or_recovery_with_a_reference_of_101_characters_is_refused_with_a_coded_violation_that_changes_nothing()
    {
        var on = LedgerForEveryPosting();
        var (count, head) = (on.Ledger.Count, on.Ledger.LastHash);
        var reference = new string('R', LedgerEntry.MaxReferenceLength + 1);
        RentengContribution[] fromIks = [RentengContribution.FromIks(Rupiah.Of(1_000))];

        Should.Throw<RuleViolationException>(() => on.Ledger.CoverArrears(on.Today, on.Date, on.Loan, Rupiah.Of(1_000), Rupiah.Zero, fromIks, reference))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.TextTooLong);
        Should.Throw<RuleViolationException>(() => on.Ledger.RecoverCover(on.Today, on.Date, on.Loan, RentengClaimant.Iks, Rupiah.Of(1_000), reference))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.TextTooLong);
        on.Ledger.Count.ShouldBe(count);
        on.Ledger.LastHash.ShouldBe(head);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-01")]
    public bool A_reversal_with_a_reason_of_at_most_1000_characters_is_booked_and_a_longer_one_is_refused_with_a_coded_violation_that_changes_nothing(ReasonLength c)
    {
        var on = LedgerForEveryPosting();
        var (count, head) = (on.Ledger.Count, on.Ledger.LastHash);
        var reason = new string('r', c.Length);
        if (c.Length <= LedgerEntry.MaxMemoLength)
        {
            return on.Ledger.Reverse(on.Today, on.Date, on.Deposit, reason).Memo == reason && on.Ledger.IsReversed(on.Deposit);
        }
        var refusal = Should.Throw<RuleViolationException>(() => on.Ledger.Reverse(on.Today, on.Date, on.Deposit, reason)).Violations.Single();
        return IsTextTooLong(refusal, LedgerEntry.MaxMemoLength, c.Length) && ChangedNothing(on, count, head);
    }

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void A_reversal_reason_of_exactly_1000_characters_is_booked_and_one_of_1001_is_refused()
    {
        var on = LedgerForEveryPosting();
        var (count, head) = (on.Ledger.Count, on.Ledger.LastHash);
        Should.Throw<RuleViolationException>(() => on.Ledger.Reverse(on.Today, on.Date, on.Deposit, new string('r', LedgerEntry.MaxMemoLength + 1)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.TextTooLong);
        (on.Ledger.Count, on.Ledger.LastHash).ShouldBe((count, head));
        on.Ledger.Reverse(on.Today, on.Date, on.Deposit, new string('r', LedgerEntry.MaxMemoLength)).Memo.Length.ShouldBe(LedgerEntry.MaxMemoLength);
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-01")]
    public bool Reversing_an_entry_restores_every_balance(ExtraOperation c)
    {
        var (run, extra) = c;
        var ops = run.Ops;
        var model = Run(ops);
        var ledger = model.Ledger;
        var before = BalanceSheet(ledger, model);
        var count = ledger.Count;
        model.Step(extra with { Days = 0 });
        if (ledger.Count == count || ledger.Entries[^1].Kind is EntryKind.Reversal or EntryKind.WeekClosed)
        {
            return true;
        }
        ledger.Reverse(HostToday.Of(ledger.LastBookDate), ledger.LastBookDate, ledger.Entries[^1].Id, "koreksi");
        BalanceSheet(ledger, model).ShouldBe(before);
        return true;
    }

    private static List<string> BalanceSheet(SavingsLedger ledger, LedgerModel model)
    {
        var b = ledger.Balances;
        var sheet = new List<string>
        {
            $"cash={b.Cash}", $"iks={b.Iks}", $"grant={b.Grant}", $"fund={b.LoanFund}", $"out={b.OutstandingPrincipal}",
            $"income={b.ServiceChargeIncome}", $"expenses={b.Expenses}", $"savings={b.MemberSavingsTotal}",
        };
        sheet.AddRange(model.EverMembers.Select(m => $"{m}={b.SavingsOf(m)}"));
        foreach (var loan in ledger.Balances.Loans.Select(l => l.Loan).Order())
        {
            if (b.OutstandingPrincipalOf(loan).IsPositive)
            {
                sheet.Add($"{loan}={b.OutstandingPrincipalOf(loan)}");
            }
            sheet.AddRange(b.RentengClaimsOn(loan).OrderBy(c => c.Claimant.ToString(), StringComparer.Ordinal).Select(c => $"{loan}/{c.Claimant}={c.Claim}"));
        }
        return sheet;
    }

    [Property(MaxTest = 40, Arbitrary = [typeof(LedgerRunArbitraries)])]
    [Trait("Rule", "SAV-01")]
    public bool A_ledger_rebuilt_from_stored_entries_has_the_same_balances_and_continues_the_chain(LedgerRun150 run)
    {
        var ops = run.Ops;
        var model = Run(ops);
        var original = model.Ledger;
        var stored = original.Entries.Select(Copy).ToList();
        var rebuilt = SavingsLedger.Rehydrate(model.Group, stored, original.LastHash);
        BalanceSheet(rebuilt, model).ShouldBe(BalanceSheet(original, model));
        rebuilt.LastHash.ShouldBe(original.LastHash);
        rebuilt.Closes.Select(c => c.Totals.ToCanonicalText()).ShouldBe(original.Closes.Select(c => c.Totals.ToCanonicalText()));
        rebuilt.NextWeekToClose.ShouldBe(original.NextWeekToClose);
        foreach (var e in original.Entries)
        {
            rebuilt.FindEntry(e.Id).ShouldNotBeNull();
            rebuilt.IsReversed(e.Id).ShouldBe(original.IsReversed(e.Id));
        }
        var date = original.LastBookDate.PlusWeeks(1);
        var member = model.Group.Members[0];
        var next = rebuilt.Deposit(HostToday.Of(date), date, member, Rupiah.Of(5_000));
        next.PreviousHash.ShouldBe(original.LastHash);
        original.FindEntry(next.Id).ShouldBeNull();
        rebuilt.FindEntry(next.Id).ShouldBe(next);
        rebuilt.VerifyChain().IsIntact.ShouldBeTrue();
        return true;
    }

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void A_stored_week_close_whose_totals_text_was_edited_still_loads_with_its_totals_recomputed_from_the_entries()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        ledger.Deposit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, group.Members[0], Rupiah.Of(5_000));
        var week = ledger.WeekOf(GuyubRukunStart);
        ledger.CloseWeek(HostToday.Of(week.End), week, week.End);
        var close = ledger.Entries[^1];
        // The memo is text for a reader; the library trusts only the entries, so an edit there misleads nobody.
        LedgerEntry Edited(EntryHash hash) => LedgerEntry.FromStored(close.Group, close.Id, close.Sequence, close.BookDate, close.Kind, close.Legs,
            close.Member, close.Loan, close.Reference, close.Memo.Replace("deposits=5000", "deposits=9000", StringComparison.Ordinal), close.Reverses,
            close.PreviousHash, hash, closedWeekStart: close.ClosedWeekStart);
        var edited = Edited(Edited(EntryHash.Zero).ComputeHash());
        var entries = ledger.Entries.Take(ledger.Count - 1).Append(edited).ToList();
        SavingsLedger.VerifyChain(entries).IsIntact.ShouldBeTrue();
        var rebuilt = SavingsLedger.Rehydrate(group, entries);
        rebuilt.Closes.Single().Totals.Deposits.ShouldBe(Rupiah.Of(5_000));
        rebuilt.IsClosed(week).ShouldBeTrue();
    }

    // ------------------------------------------------------------------------------------------------
    // SAV-02 never negative
    // ------------------------------------------------------------------------------------------------

    [Property(MaxTest = 30, Arbitrary = [typeof(LedgerRunArbitraries)])]
    [Trait("Rule", "SAV-02")]
    public bool No_sequence_of_operations_ever_makes_a_member_balance_or_a_fund_negative(LedgerRun400 run)
    {
        var ops = run.Ops;
        var model = new LedgerModel();
        foreach (var op in ops)
        {
            model.Step(op);
            var b = model.Ledger.Balances;
            b.Savers.ShouldAllBe(s => !s.Savings.IsNegative);
            b.Loans.ShouldAllBe(l => !l.Outstanding.IsNegative);
            new[] { b.Cash, b.Iks, b.Grant, b.LoanFund, b.LoanFundAvailable, b.ServiceChargeIncome, b.Expenses, b.MaxDisbursement }
                .ShouldAllBe(x => !x.IsNegative);
        }
        return true;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-02")]
    public bool A_withdrawal_above_a_member_balance_is_refused_with_the_balance_in_the_message(WithdrawalCase c)
    {
        var (saved, extra) = c;
        var group = Ksm();
        var ledger = OpenLedger(group);
        var member = group.Members[1];
        ledger.Deposit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, member, Rupiah.Of(saved));
        var ex = Should.Throw<RuleViolationException>(() => ledger.Withdraw(HostToday.Of(GuyubRukunStart), GuyubRukunStart, member, Rupiah.Of((long)saved + extra)));
        ex.Violation.ErrorCode.ShouldBe(SavingsErrors.InsufficientSavings);
        ex.Violation.Arguments["Balance"].ShouldBe(Rupiah.Of(saved));
        ledger.Withdraw(HostToday.Of(GuyubRukunStart), GuyubRukunStart, member, Rupiah.Of(saved));
        ledger.SavingsOf(member).ShouldBe(Rupiah.Zero);
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // SAV-03 conservation
    // ------------------------------------------------------------------------------------------------

    [Property(MaxTest = 15, Arbitrary = [typeof(LedgerRunArbitraries)])]
    [Trait("Rule", "SAV-03")]
    public bool Conservation_holds_after_every_entry_recomputed_from_the_legs_alone(LedgerRun250 run)
    {
        var ops = run.Ops;
        var model = new LedgerModel();
        foreach (var op in ops)
        {
            model.Step(op);
            var sums = new Dictionary<AccountKind, long>();
            foreach (var entry in model.Ledger.Entries)
            {
                foreach (var leg in entry.Legs)
                {
                    sums[leg.Account.Kind] = sums.GetValueOrDefault(leg.Account.Kind) + leg.SignedAmount;
                }
            }
            long S(AccountKind k) => sums.GetValueOrDefault(k);
            var rhs = S(AccountKind.MemberSavings) + S(AccountKind.Iks) + S(AccountKind.Grant) + S(AccountKind.LoanFund)
                - S(AccountKind.LoanReceivable) + S(AccountKind.ServiceChargeIncome) - S(AccountKind.Expenses);
            S(AccountKind.Cash).ShouldBe(rhs);
            model.Ledger.Cash.Amount.ShouldBe(S(AccountKind.Cash));
            model.Ledger.CheckConservation().ShouldBeTrue();
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // SAV-04 weekly routine savings
    // ------------------------------------------------------------------------------------------------

    [Property(MaxTest = 150, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-04")]
    public bool Missing_weeks_are_exactly_the_due_weeks_that_cumulative_deposits_do_not_cover_oldest_first(SavingsPattern c)
    {
        var (joinWeeks, pattern, span) = c;
        var (weeks, asOfDay) = span;
        var group = Ksm(3);
        var ledger = OpenLedger(group);
        var weekly = group.Profile.Savings.WeeklySavingsAmount.Amount;
        var joined = new Dictionary<PersonId, LocalDate>();
        var deposits = new Dictionary<PersonId, List<(LocalDate Date, long Amount)>>();
        for (var m = 0; m < 3; m++)
        {
            joined[group.Members[m]] = GuyubRukunStart.PlusWeeks(joinWeeks[m]).PlusDays(m);
            deposits[group.Members[m]] = [];
        }
        for (var w = 0; w < weeks; w++)
        {
            for (var m = 0; m < 3; m++)
            {
                // 0: skip; 1..3: that many weeks; 4: half a week; 5..7: one week
                var code = pattern[((w * 3) + m) % pattern.Count];
                var amount = code switch { 0 => 0, 1 or 2 or 3 => code * weekly, 4 => weekly / 2, _ => weekly };
                var date = GuyubRukunStart.PlusWeeks(w).PlusDays(2);
                if (amount > 0)
                {
                    ledger.Deposit(HostToday.Of(date), date, group.Members[m], Rupiah.Of(amount));
                    deposits[group.Members[m]].Add((date, amount));
                }
            }
        }
        var asOf = GuyubRukunStart.PlusWeeks(weeks - 1).PlusDays(asOfDay);
        var report = ledger.SavingsArrears(asOf, joined);
        report.Members.Count.ShouldBe(3);
        foreach (var line in report.Members)
        {
            var start = joined[line.Member];
            var firstWeek = ledger.WeekOf(start);
            var due = asOf < start ? 0 : (Period.Between(firstWeek.Start, ledger.WeekOf(asOf).Start, PeriodUnits.Days).Days / 7) + 1;
            var paid = deposits[line.Member].Where(d => d.Date <= asOf).Sum(d => d.Amount);
            var covered = (int)Math.Min(due, paid / weekly);
            var expectedMissing = Enumerable.Range(covered, due - covered).Select(k => firstWeek.PlusWeeks(k)).ToList();
            line.WeeksDue.ShouldBe(due);
            line.WeeksCovered.ShouldBe(covered);
            line.MissingWeeks.ShouldBe(expectedMissing);
            line.Deposited.Amount.ShouldBe(paid);
            line.Shortfall.Amount.ShouldBe(Math.Max(0, (due * weekly) - paid));
            line.Ahead.Amount.ShouldBe(Math.Max(0, paid - (due * weekly)));
        }
        return true;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-04")]
    public bool Only_current_members_save_and_a_former_member_still_withdraws_their_savings(SavedAmount c)
    {
        var amount = c.Amount;
        var group = Ksm(6);
        var ledger = OpenLedger(group);
        var leaver = group.Members[5];
        ledger.Deposit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, leaver, Rupiah.Of(amount));
        group.Leave(leaver);
        Should.Throw<RuleViolationException>(() => ledger.Deposit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, leaver, Rupiah.Of(amount)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.NotACurrentMember);
        Should.Throw<RuleViolationException>(() => ledger.Deposit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, PersonId.New(), Rupiah.Of(amount)))
            .Violation.RuleId.ShouldBe(RuleIds.Sav04);
        ledger.Withdraw(HostToday.Of(GuyubRukunStart), GuyubRukunStart, leaver, Rupiah.Of(amount));
        ledger.SavingsOf(leaver).ShouldBe(Rupiah.Zero);
        ledger.SavingsArrears(GuyubRukunStart).Members.Select(m => m.Member).ShouldNotContain(leaver);
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // SAV-05 weekly close
    // ------------------------------------------------------------------------------------------------

    [Property(MaxTest = 200, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-05")]
    public bool A_closed_week_never_takes_a_new_entry(ClosedWeekCase c)
    {
        var (closedWeeks, dayPick, kind) = c;
        var group = Ksm();
        var ledger = FundedLedger(group);
        var loan = LoanId.New();
        ledger.DisburseLoan(HostToday.Of(GuyubRukunStart), GuyubRukunStart, loan, group.Members[3], Rupiah.Of(100_000));
        for (var w = 0; w < closedWeeks; w++)
        {
            var week = ledger.NextWeekToClose;
            ledger.Deposit(HostToday.Of(week.Start.PlusDays(3)), week.Start.PlusDays(3), group.Members[w % 10], Rupiah.Of(5_000));
            ledger.CloseWeek(HostToday.Of(week.End.PlusDays(w % 2)), week, week.End.PlusDays(w % 2));
        }
        var through = ledger.ClosedThrough!.Value;
        var span = Period.Between(GuyubRukunStart, through, PeriodUnits.Days).Days + 1;
        var date = GuyubRukunStart.PlusDays(dayPick % span);
        var count = ledger.Count;
        var hash = ledger.LastHash;
        var code = Should.Throw<RuleViolationException>(() =>
        {
            _ = kind switch
            {
                0 => ledger.Deposit(HostToday.Of(date), date, group.Members[0], Rupiah.Of(5_000)),
                1 => ledger.Withdraw(HostToday.Of(date), date, group.Members[0], Rupiah.Of(1)),
                2 => ledger.Reverse(HostToday.Of(date), date, ledger.Entries[1].Id, "koreksi"),
                3 => ledger.RecordRepayment(HostToday.Of(date), date, loan, Rupiah.Of(1_000), Rupiah.Zero),
                _ => (object)ledger.AddLoanCapital(HostToday.Of(date), date, Rupiah.Of(1_000)),
            };
        }).Violation.ErrorCode;
        code.ShouldBe(SavingsErrors.WeekClosed);
        ledger.Count.ShouldBe(count);
        ledger.LastHash.ShouldBe(hash);
        ledger.Reverse(HostToday.Of(through.PlusDays(1)), through.PlusDays(1), ledger.Entries[1].Id, "koreksi di minggu terbuka").Kind.ShouldBe(EntryKind.Reversal);
        return true;
    }

    [Property(MaxTest = 25, Arbitrary = [typeof(LedgerRunArbitraries)])]
    [Trait("Rule", "SAV-05")]
    public bool Week_totals_reconcile_with_the_entries_dated_in_that_week_and_with_dated_snapshots(LedgerRun400 run)
    {
        var ops = run.Ops;
        var model = Run(ops);
        var ledger = model.Ledger;
        foreach (var close in ledger.Closes)
        {
            var week = close.Week;
            var inWeek = ledger.Entries.Where(e => week.Contains(e.BookDate) && !e.Legs.IsEmpty).ToList();
            var totals = close.Totals;
            totals.Reconciles.ShouldBeTrue();
            totals.Entries.ShouldBe(inWeek.Select(e => e.Id));
            foreach (var group in inWeek.GroupBy(e => e.Kind))
            {
                totals.ByKind[group.Key].ShouldBe(Rupiah.Of(group.Sum(e => e.Amount.Amount)));
            }
            totals.ByKind.Count.ShouldBe(inWeek.Select(e => e.Kind).Distinct().Count());
            totals.CashIn.Amount.ShouldBe(inWeek.Sum(e => e.Legs.Where(l => l.Account.Kind == AccountKind.Cash && l.Side == LegSide.Debit).Sum(l => l.Amount.Amount)));
            totals.CashOut.Amount.ShouldBe(inWeek.Sum(e => e.Legs.Where(l => l.Account.Kind == AccountKind.Cash && l.Side == LegSide.Credit).Sum(l => l.Amount.Amount)));
            totals.Deposits.Amount.ShouldBe(inWeek.Where(e => e.Kind == EntryKind.SavingsDeposit).Sum(e => e.Amount.Amount));
            totals.OpeningCash.ShouldBe(ledger.SnapshotAsOf(week.Start.PlusDays(-1)).Balances.Cash);
            totals.ClosingCash.ShouldBe(ledger.SnapshotAsOf(week.End).Balances.Cash);
            ledger.FindEntry(close.CloseEntry)!.Memo.ShouldBe(totals.ToCanonicalText());
        }
        return true;
    }

    [Fact]
    [Trait("Rule", "SAV-05")]
    public void Weeks_close_in_order_and_only_after_their_last_day()
    {
        var group = Ksm();
        var ledger = OpenLedger(group);
        var first = ledger.NextWeekToClose;
        first.ShouldBe(BookWeek.Containing(GuyubRukunStart, IsoDayOfWeek.Monday));
        Should.Throw<RuleViolationException>(() => ledger.CloseWeek(HostToday.Of(first.Next.End), first.Next, first.Next.End)).Violation.ErrorCode.ShouldBe(SavingsErrors.WeekOutOfOrder);
        Should.Throw<RuleViolationException>(() => ledger.CloseWeek(HostToday.Of(first.End.PlusDays(-1)), first, first.End.PlusDays(-1))).Violation.ErrorCode.ShouldBe(SavingsErrors.WeekNotEnded);
        var close = ledger.CloseWeek(HostToday.Of(first.End), first, first.End);
        close.Totals.Entries.ShouldBeEmpty();
        close.Totals.Reconciles.ShouldBeTrue();
        Should.Throw<RuleViolationException>(() => ledger.CloseWeek(HostToday.Of(first.End.PlusDays(7)), first, first.End.PlusDays(7))).Violation.ErrorCode.ShouldBe(SavingsErrors.WeekOutOfOrder);
        ledger.NextWeekToClose.ShouldBe(first.Next);
        Should.Throw<ArgumentException>(() => ledger.CloseWeek(HostToday.Of(first.End.PlusDays(14)), BookWeek.StartingOn(first.Next.Start.PlusDays(1), IsoDayOfWeek.Tuesday), first.End.PlusDays(14)));
    }

    // ------------------------------------------------------------------------------------------------
    // SAV-06 IKS
    // ------------------------------------------------------------------------------------------------

    [Property(MaxTest = 200, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-06")]
    public bool The_IKS_share_is_the_profile_share_of_profit_truncated_and_the_rest_stays_with_the_business(ProfitShare c)
    {
        var (profit, bp) = c;
        var profile = ProgramProfiles.KsmP2kp.Derive("KsmIksTest", 1, "test", GuyubRukunStart,
            p => p with { Savings = p.Savings with { IksShareOfProfit = Rate.FromBasisPoints(bp) } });
        var group = new TestGroup(profile, 5);
        var ledger = OpenLedger(group);
        var expected = (long)((decimal)profit * bp / 10_000m);
        if (expected == 0)
        {
            Should.Throw<RuleViolationException>(() => ledger.RecordBusinessProfit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, Rupiah.Of(profit)))
                .Violation.ErrorCode.ShouldBe(SavingsErrors.NoIksShare);
            ledger.Count.ShouldBe(1);
            return true;
        }
        var entry = ledger.RecordBusinessProfit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, Rupiah.Of(profit), "LR-2017-01");
        ledger.Balances.Iks.Amount.ShouldBe(expected);
        ledger.Cash.Amount.ShouldBe(expected);
        entry.Memo.ShouldBe($"profit={profit};rateBp={bp};iks={expected};retained={profit - expected}");
        return true;
    }

    [Property(MaxTest = 30, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-06")]
    public bool IKS_never_moves_into_savings_or_another_fund_and_leaves_only_as_an_IKS_spend_or_renteng_cover(IksPayoutAttempt c)
    {
        var (run, amount) = c;
        var ops = run.Ops;
        var model = Run(ops);
        var ledger = model.Ledger;
        ledger.RecordBusinessProfit(HostToday.Of(ledger.LastBookDate.PlusDays(1)), ledger.LastBookDate.PlusDays(1), Rupiah.Of(1_000_000));
        var count = ledger.Count;
        foreach (var member in model.EverMembers)
        {
            Should.Throw<RuleViolationException>(() => ledger.TransferBetweenFunds(HostToday.Of(ledger.LastBookDate), ledger.LastBookDate, LedgerAccount.Iks, LedgerAccount.MemberSavings(member), Rupiah.Of(amount)))
                .Violation.ErrorCode.ShouldBe(SavingsErrors.IksNotPaidOut);
        }
        Should.Throw<RuleViolationException>(() => ledger.TransferBetweenFunds(HostToday.Of(ledger.LastBookDate), ledger.LastBookDate, LedgerAccount.Iks, LedgerAccount.LoanFund, Rupiah.Of(amount)))
            .Violation.RuleId.ShouldBe(RuleIds.Sav06);
        ledger.Count.ShouldBe(count);
        foreach (var entry in ledger.Entries.Where(e => e.Kind != EntryKind.Reversal))
        {
            var iksOut = entry.Legs.Any(l => l.Account.Kind == AccountKind.Iks && l.SignedAmount < 0);
            if (iksOut)
            {
                entry.Kind.ShouldBeOneOf(EntryKind.IksSpend, EntryKind.RentengCover);
                entry.Legs.ShouldNotContain(l => l.Account.Kind == AccountKind.MemberSavings && l.SignedAmount > 0);
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // SAV-07 whole rupiah, positive postings
    // ------------------------------------------------------------------------------------------------

    [Property(MaxTest = 200, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "SAV-07")]
    public bool Every_posting_operation_refuses_an_amount_that_is_not_positive(NonPositivePosting c)
    {
        var (raw, op) = c;
        var group = Ksm();
        var ledger = FundedLedger(group);
        var loan = LoanId.New();
        ledger.DisburseLoan(HostToday.Of(GuyubRukunStart), GuyubRukunStart, loan, group.Members[3], Rupiah.Of(100_000));
        var amount = Rupiah.Of(raw);
        var d = GuyubRukunStart;
        var m = group.Members[0];
        var count = ledger.Count;
        Action act = op switch
        {
            0 => () => ledger.Deposit(HostToday.Of(d), d, m, amount),
            1 => () => ledger.Withdraw(HostToday.Of(d), d, m, amount),
            2 => () => ledger.RecordBusinessProfit(HostToday.Of(d), d, amount),
            3 => () => ledger.SpendIks(HostToday.Of(d), d, amount, "bantuan"),
            4 => () => ledger.CreditGrant(HostToday.Of(d), d, amount),
            5 => () => ledger.SpendGrant(HostToday.Of(d), d, amount, "KW-1"),
            6 => () => ledger.AddLoanCapital(HostToday.Of(d), d, amount),
            7 => () => ledger.RecordExpense(HostToday.Of(d), d, amount),
            8 => () => ledger.DisburseLoan(HostToday.Of(d), d, LoanId.New(), m, amount),
            9 => () => ledger.RecordRepayment(HostToday.Of(d), d, loan, amount, amount),
            _ => () => ledger.RecoverCover(HostToday.Of(d), d, loan, RentengClaimant.Iks, amount),
        };
        var violation = Should.Throw<RuleViolationException>(act).Violation;
        violation.RuleId.ShouldBe(RuleIds.Sav07);
        violation.ErrorCode.ShouldBe(SavingsErrors.AmountNotPositive);
        ledger.Count.ShouldBe(count);
        return true;
    }

    [Property(MaxTest = 30, Arbitrary = [typeof(LedgerRunArbitraries)])]
    [Trait("Rule", "SAV-07")]
    public bool Every_leg_of_every_entry_is_a_positive_whole_rupiah_amount_and_every_entry_balances(LedgerRun300 run)
    {
        var ops = run.Ops;
        var model = Run(ops);
        foreach (var entry in model.Ledger.Entries)
        {
            entry.Legs.ShouldAllBe(l => l.Amount.IsPositive);
            entry.Legs.Where(l => l.Side == LegSide.Debit).Sum(l => l.Amount.Amount)
                .ShouldBe(entry.Legs.Where(l => l.Side == LegSide.Credit).Sum(l => l.Amount.Amount));
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // PORT-02 dated snapshots
    // ------------------------------------------------------------------------------------------------

    [Property(MaxTest = 30, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "PORT-02")]
    public bool A_snapshot_as_of_a_date_equals_the_ledger_rebuilt_from_the_entries_up_to_that_date(SnapshotCase c)
    {
        var (run, dayPick) = c;
        var ops = run.Ops;
        var model = Run(ops);
        var ledger = model.Ledger;
        var span = Period.Between(ledger.OpenedOn, ledger.LastBookDate, PeriodUnits.Days).Days + 1;
        var asOf = ledger.OpenedOn.PlusDays(dayPick % span);
        var snapshot = ledger.SnapshotAsOf(asOf);
        var prefix = ledger.Entries.TakeWhile(e => e.BookDate <= asOf).ToList();
        var rebuilt = SavingsLedger.Rehydrate(model.Group, prefix);
        snapshot.EntryCount.ShouldBe(prefix.Count);
        snapshot.LastHash.ShouldBe(prefix[^1].Hash);
        var s = snapshot.Balances;
        var r = rebuilt.Balances;
        (s.Cash, s.Iks, s.Grant, s.LoanFund, s.OutstandingPrincipal, s.ServiceChargeIncome, s.Expenses, s.MemberSavingsTotal)
            .ShouldBe((r.Cash, r.Iks, r.Grant, r.LoanFund, r.OutstandingPrincipal, r.ServiceChargeIncome, r.Expenses, r.MemberSavingsTotal));
        foreach (var member in model.EverMembers)
        {
            s.SavingsOf(member).ShouldBe(r.SavingsOf(member));
        }
        foreach (var loan in model.Loans)
        {
            s.OutstandingPrincipalOf(loan).ShouldBe(r.OutstandingPrincipalOf(loan));
            s.RentengClaim(loan, RentengClaimant.Iks).ShouldBe(r.RentengClaim(loan, RentengClaimant.Iks));
        }
        s.CheckConservation().ShouldBeTrue();
        ledger.SnapshotAsOf(ledger.LastBookDate).Balances.Cash.ShouldBe(ledger.Cash);
        return true;
    }
}
