using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;
using Shouldly;

namespace KubeCore.Tests.State;

/// <summary>The revolving loan fund's stored state, its restore and its changes as facts (issue #13).</summary>
[Trait("Category", "State")]
public class LoanRevolvingStateTests
{
    private static readonly LocalDate Day = FundRun.Start.PlusWeeks(6);

    [Property(MaxTest = 100, Arbitrary = [typeof(LoanFundStateArbitraries)])]
    public bool A_fund_saved_and_restored_at_any_step_answers_every_later_operation_as_the_uninterrupted_fund_and_ends_in_the_same_state(FundScript script)
    {
        var (group, start, day) = FundRun.Base();
        var straight = new FundRun(group, start, day);
        var interrupted = new FundRun(group, start, day);
        var expected = script.Ops.Select(straight.Step).ToList();
        var actual = new List<string>();
        for (var i = 0; i < script.Ops.Length; i++)
        {
            if (i == script.SaveAt)
            {
                interrupted.SaveAndRestore();
            }
            actual.Add(interrupted.Step(script.Ops[i], i));
        }
        return actual.SequenceEqual(expected)
            && StateJson.Serialize(interrupted.Fund.ToState()) == StateJson.Serialize(straight.Fund.ToState())
            && interrupted.Ledger.LastHash == straight.Ledger.LastHash;
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(LoanFundStateArbitraries)])]
    public bool A_state_and_the_facts_taken_after_it_restore_the_live_fund_and_taking_twice_yields_nothing_new(FundScript script)
    {
        var (group, start, day) = FundRun.Base();
        var live = new FundRun(group, start, day);
        LoanRevolvingState? saved = null;
        var facts = new List<LoanFundFact>();
        for (var i = 0; i <= script.Ops.Length; i++)
        {
            if (i == script.SaveAt)
            {
                saved = StateJson.RoundTrip(live.Fund.ToState());
                live.Fund.TakeChanges();
            }
            if (i < script.Ops.Length)
            {
                live.Step(script.Ops[i], i);
                if (saved is not null && script.Ops[i].Variant % 3 == 0)
                {
                    facts.AddRange(live.Fund.TakeChanges()); // taken in several batches
                }
            }
        }
        facts.AddRange(live.Fund.TakeChanges());
        var again = live.Fund.TakeChanges();
        var stored = StateJson.Deserialize<LoanFundFact[]>(StateJson.Serialize(facts.ToArray()));
        var ledger = SavingsLedger.Restore(StateJson.RoundTrip(live.Ledger.ToState()), group);
        var restored = LoanRevolving.Restore(saved!, stored, ledger, group);
        return again.Count == 0
            && restored.TakeChanges().Count == 0
            && StateJson.Serialize(restored.ToState()) == StateJson.Serialize(live.Fund.ToState());
    }

    [Fact]
    public void Facts_serialize_with_their_kind_and_come_back_equal()
    {
        var (group, ledger, fund) = new LoanFundBuilder().Build();
        fund.TakeChanges();
        var loan = fund.Lend(group, group.Ordinary[0], 300_000, Day);
        fund.Repay(HostToday.Of(Day.PlusWeeks(1)), loan.Id, Day.PlusWeeks(1), Rupiah.Of(30_000));

        var facts = fund.TakeChanges();

        facts.Select(f => f.GetType().Name).ShouldBe(["LoanAppliedFact", "LoanApprovedFact", "LoanDisbursedFact", "RepaymentRecordedFact"]);
        var json = StateJson.Serialize(facts.ToArray());
        json.ShouldContain("\"kind\":\"loan-applied\"");
        json.ShouldContain("\"Frequency\":\"Weekly\"");
        var back = StateJson.Deserialize<LoanFundFact[]>(json);
        StateJson.Serialize(back).ShouldBe(json);
        ledger.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void An_application_naming_a_loan_id_the_fund_already_has_is_refused_and_a_fresh_id_is_accepted()
    {
        var (group, _, fund) = new LoanFundBuilder().Build();
        var first = fund.ApplyFor(group.Ordinary[0], 300_000, Day);
        fund.TakeChanges();

        var taken = Should.Throw<RuleViolationException>(() =>
            fund.Apply(new LoanApplication(first.Id, group.Ordinary[1], Rupiah.Of(300_000), 3, InstallmentFrequency.Weekly, "modal", Day)));
        taken.Violations.Single().ErrorCode.ShouldBe(LoanErrors.LoanIdTaken);
        taken.Violations.Single().RuleId.ShouldBe(RuleIds.Loan06);
        fund.Loans.Count.ShouldBe(1);
        fund.TakeChanges().ShouldBeEmpty();

        var fresh = new LoanId(FundRun.Id(9, 1));
        fund.Apply(new LoanApplication(fresh, group.Ordinary[1], Rupiah.Of(300_000), 3, InstallmentFrequency.Weekly, "modal", Day)).Id.ShouldBe(fresh);
        Should.Throw<ArgumentException>(() => fund.Apply(new LoanApplication(default, group.Ordinary[2], Rupiah.Of(300_000), 3, InstallmentFrequency.Weekly, "modal", Day)));
    }

    [Fact]
    public void A_loan_that_todays_rules_would_refuse_still_restores()
    {
        var (group, ledger, fund) = new LoanFundBuilder().Build();
        var stranger = new PersonId(FundRun.Id(8, 1));
        var state = fund.ToState() with
        {
            Loans =
            [
                // Not a member, far above the first-loan ceiling, a 24-month term the profile does not allow, and twice open.
                AppliedLoan(new LoanId(FundRun.Id(7, 1)), stranger, 50_000_000, 24),
                AppliedLoan(new LoanId(FundRun.Id(7, 2)), stranger, 50_000_000, 24),
            ],
        };

        var restored = LoanRevolving.Restore(StateJson.RoundTrip(state), ledger, group);

        restored.Loans.Select(l => (l.Borrower, l.Principal.Amount, l.Terms.TermMonths)).ShouldBe([(stranger, 50_000_000L, 24), (stranger, 50_000_000L, 24)]);
        StateJson.Serialize(restored.ToState()).ShouldBe(StateJson.Serialize(StateJson.RoundTrip(state)));
    }

    [Fact]
    public void A_state_whose_repayment_entry_is_missing_from_the_ledger_is_refused_naming_the_payment()
    {
        var (group, ledger, fund) = new LoanFundBuilder().Build();
        var loan = fund.Lend(group, group.Ordinary[0], 300_000, Day);
        var beforeRepayment = StateJson.RoundTrip(ledger.ToState());
        fund.Repay(HostToday.Of(Day.PlusWeeks(1)), loan.Id, Day.PlusWeeks(1), Rupiah.Of(30_000));
        var state = StateJson.RoundTrip(fund.ToState());

        // The ledger as it was before the repayment: the entry the fund names is not there.
        var stale = SavingsLedger.Restore(beforeRepayment, group);
        ShouldBeBroken(() => LoanRevolving.Restore(state, stale, group), StateErrors.Broken, "Loans[0].Payments[0].Entry");

        // A payment naming an entry that is not its repayment (the disbursement).
        var wrong = WithLoan(state, 0, l => l with { Payments = [l.Payments[0] with { Entry = l.DisbursementEntry!.Value }] });
        ShouldBeBroken(() => LoanRevolving.Restore(wrong, ledger, group), StateErrors.Broken, "Loans[0].Payments[0].Entry");

        // The intact state restores onto the full ledger.
        LoanRevolving.Restore(state, SavingsLedger.Restore(StateJson.RoundTrip(ledger.ToState()), group), group).Loans.Single().Account!.PrincipalRepaid
            .ShouldBe(fund.Loans.Single().Account!.PrincipalRepaid);
    }

    [Fact]
    public void Each_structural_check_refuses_a_broken_state_naming_the_part()
    {
        var (group, ledger, fund) = new LoanFundBuilder().Build();
        var loan = fund.Lend(group, group.Ordinary[0], 300_000, Day);
        fund.Repay(HostToday.Of(Day.PlusWeeks(1)), loan.Id, Day.PlusWeeks(1), Rupiah.Of(30_000));
        var state = StateJson.RoundTrip(fund.ToState());
        LoanRevolving.Restore(state, ledger, group).Loans.Count.ShouldBe(1);

        ShouldBeBroken(() => LoanRevolving.Restore(state with { Format = 2 }, ledger, group), StateErrors.FormatUnsupported, "Format");
        ShouldBeBroken(() => LoanRevolving.Restore(state with { Group = new GroupId(FundRun.Id(6, 1)) }, ledger, group), StateErrors.Broken, "Group");
        ShouldBeBroken(() => LoanRevolving.Restore(state with { Loans = [state.Loans[0], state.Loans[0]] }, ledger, group), StateErrors.Broken, "Loans[1].Id");
        ShouldBeBroken(() => LoanRevolving.Restore(WithLoan(state, 0, l => l with { Approval = null }), ledger, group), StateErrors.Broken, "Loans[0].Approval");
        ShouldBeBroken(() => LoanRevolving.Restore(WithLoan(state, 0, l => l with { Principal = Rupiah.Of(300_001) }), ledger, group), StateErrors.Broken,
            "Loans[0].DisbursementEntry");
        ShouldBeBroken(() => LoanRevolving.Restore(WithLoan(state, 0, l => l with { State = LoanState.Repaid, ClosedOn = Day }), ledger, group), StateErrors.Broken,
            "Loans[0].State");
        ShouldBeBroken(() => LoanRevolving.Restore(WithLoan(state, 0, l => l with { Payments = [l.Payments[0] with { Amount = Rupiah.Of(30_001) }] }), ledger, group),
            StateErrors.Broken, "Loans[0].Payments[0].Amount");
        ShouldBeBroken(() => LoanRevolving.Restore(WithLoan(state, 0, l => l with { Payments = [l.Payments[0] with { Date = Day.PlusDays(-1) }] }), ledger, group),
            StateErrors.Broken, "Loans[0].Payments[0].Date");
        ShouldBeBroken(() => LoanRevolving.Restore(state with { Statements = [state.Statements.First(), state.Statements.First()] }, ledger, group),
            StateErrors.Broken, "Statements[1].Member");
        var stranger = new LoanId(FundRun.Id(6, 2));
        ShouldBeBroken(() => LoanRevolving.Restore(state, [new LoanWithdrawnFact(stranger, Day, "batal")], ledger, group), StateErrors.Broken, "Changes[0].Loan");
        ShouldBeBroken(() => LoanRevolving.Restore(state, [new LoanApprovedFact(loan.Id, LoanRevolving.Restore(state, ledger, group).ToState().Loans[0].Approval!)], ledger, group),
            StateErrors.Broken, "Changes[0].Loan");
    }

    private static void ShouldBeBroken(Action restore, string code, string part)
    {
        var e = Should.Throw<StateRestoreException>(restore);
        (e.ErrorCode, e.Part).ShouldBe((code, part), e.Message);
    }

    private static LoanRevolvingState WithLoan(LoanRevolvingState state, int index, Func<FundLoanState, FundLoanState> change) =>
        state with { Loans = state.Loans.Select((l, i) => i == index ? change(l) : l).ToArray() };

    private static FundLoanState AppliedLoan(LoanId id, PersonId borrower, long principal, int months) =>
        new(id, borrower, Rupiah.Of(principal), months, InstallmentFrequency.Monthly, Rate.FromBasisPoints(150), "modal", Day, 1, LoanState.Applied,
            null, null, null, [], null, null);
}
