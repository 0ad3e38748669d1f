using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Loans;

/// <summary>
/// Apply, Disburse and CanLend decide from facts computed once and build the full decision only when an operation is
/// refused; these tests hold them to the decisions (AssessApplication, AssessDisbursement, MayLend) they stand for.
/// </summary>
public class EligibilityShortcutTests
{
    private static readonly LocalDate Start = new(2017, 1, 2);

    private sealed record Case(int Weeks, int Unsigned, int Principal, int Months, InstallmentFrequency Frequency, int ApplyDay, int DisburseShift, bool Member, bool Open);

    private static Gen<Case> Cases =>
        from weeks in Gen.Choose(0, 20)
        from unsigned in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        from principal in Gen.Frequency((3, Gen.Choose(100_000, 500_000)), (1, Gen.Choose(1, 3_000_000)))
        from months in Gen.Frequency((4, Gen.Constant(3)), (1, Gen.Choose(1, 15)))
        from frequency in Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly)
        from applyDay in Gen.Choose(0, 200)
        from shift in Gen.Choose(-3, 20)
        from member in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false)))
        from open in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Case(weeks, unsigned, principal, months, frequency, applyDay, shift, member, open);

    [Fact]
    public void Apply_Disburse_and_CanLend_agree_with_the_decisions_they_stand_for() =>
        Rulebook.Verify(Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var (group, _, fund) = new LoanFundBuilder().StartingOn(Start).SavingWeekly(c.Weeks).WithCapital(2_000_000).WithoutStatements().Build();
            foreach (var member in group.Members.Skip(c.Unsigned))
            {
                fund.SignJointLiabilityStatement(member, Start);
            }
            var day = Start.PlusDays(c.ApplyDay);
            var borrower = c.Member ? group.Ordinary[0] : PersonId.New();
            if (c.Open && fund.CanLend(day))
            {
                // An earlier application of the same member still open (LOAN-02).
                Record.Exception(() => fund.ApplyFor(borrower, 100_000, day));
            }
            if (fund.CanLend(day) != fund.MayLend(day).IsApproved)
            {
                return false;
            }

            var application = new LoanApplication(borrower, Rupiah.Of(c.Principal), c.Months, c.Frequency, "modal usaha", day);
            var decision = fund.AssessApplication(application);
            var applied = Record.Exception(() => fund.Apply(application));
            if (!SameOutcome(decision, applied))
            {
                return false;
            }
            if (applied is not null)
            {
                return true;
            }
            var loan = fund.Loans[^1];
            fund.ApproveAtMeeting(group, loan, day);
            var disburseOn = day.PlusDays(c.DisburseShift);
            var disbursement = fund.AssessDisbursement(loan.Id, disburseOn);
            var disbursed = Record.Exception(() => fund.Disburse(HostToday.Of(disburseOn), loan.Id, disburseOn));
            // Refused by the decision: its violations; allowed: done, unless the ledger refuses the date or the cash.
            return disbursement.IsApproved
                ? disbursed is null || (disbursed is RuleViolationException r && r.Violations.All(v => v.RuleId == RuleIds.Sav05 || v.RuleId == RuleIds.Sav02))
                : SameOutcome(disbursement, disbursed);
        }), maxTest: 300);

    // Approved and no exception, or rejected and an exception listing exactly the decision's violations.
    private static bool SameOutcome(Decision decision, Exception? thrown) =>
        decision.IsApproved
            ? thrown is null
            : thrown is RuleViolationException rve && rve.Violations.Select(v => v.ToString()).SequenceEqual(decision.Violations.Select(v => v.ToString()));
}
