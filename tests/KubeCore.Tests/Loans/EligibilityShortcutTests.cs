using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using NodaTime;
using static KubeCore.Tests.Loans.LoanArbitraries;

namespace KubeCore.Tests.Loans;

/// <summary>
/// Apply and Disburse proceed only when the decision they build from facts computed once approves, and CanLend is the
/// conjunction of MayLend's checks without building the decision; these tests hold them to the decisions
/// (AssessApplication, AssessDisbursement, MayLend) they stand for.
/// </summary>
[Trait("Category", "Implementation")]
public class EligibilityShortcutTests
{
    private static readonly LocalDate Start = new(2017, 1, 2);

    [Property(MaxTest = 300, Arbitrary = [typeof(LoanArbitraries)])]
    public bool Apply_Disburse_and_CanLend_agree_with_the_decisions_they_stand_for(EligibilityCase c)
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

        var application = new LoanApplication(LoanId.New(), borrower, Rupiah.Of(c.Principal), c.Months, c.Frequency, "modal usaha", day);
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
    }

    // Approved and no exception, or rejected and an exception listing exactly the decision's violations.
    private static bool SameOutcome(Decision decision, Exception? thrown) =>
        decision.IsApproved
            ? thrown is null
            : thrown is RuleViolationException rve && rve.Violations.Select(v => v.ToString()).SequenceEqual(decision.Violations.Select(v => v.ToString()));
}
