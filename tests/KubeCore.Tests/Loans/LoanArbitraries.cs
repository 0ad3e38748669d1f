using FsCheck;
using FsCheck.Fluent;
using KubeCore.Loans;
using static KubeCore.Tests.Builders.LoanGenerators;

namespace KubeCore.Tests.Loans;

/// <summary>The generated inputs of the loan tests in this folder, one small record per input.</summary>
public static class LoanArbitraries
{
    /// <summary>
    /// A fund and an application: weeks of saving, members without a signed statement, principal, months, frequency,
    /// the application day, the disbursement's shift from it, whether the borrower is a member, whether they have an open application.
    /// </summary>
    public sealed record EligibilityCase(int Weeks, int Unsigned, int Principal, int Months, InstallmentFrequency Frequency, int ApplyDay, int DisburseShift, bool Member, bool Open);

    /// <summary>A book of up to 30 loan accounts with random histories.</summary>
    public sealed record LoanPortfolio(IReadOnlyList<LoanAccount> Accounts)
    {
        public override string ToString() => $"LoanPortfolio [{string.Join("; ", Accounts)}]";
    }

    /// <summary>A step of a ledger's history for the savings-months index.</summary>
    public enum Step
    {
        Deposit,
        Reverse,
        Ask,
    }

    /// <summary>
    /// One step of a ledger's history: a deposit, a reversal of an earlier deposit, or a LOAN-01 question as of a date
    /// before, inside or after the history (the index is brought up to date at each question, so it grows in steps).
    /// </summary>
    public readonly record struct Operation(Step Step, int DaysLater, int Pick, int AsOfOffset);

    /// <summary>A ledger's history of deposits, reversals and LOAN-01 questions.</summary>
    public sealed record SavingsHistory(Operation[] Operations)
    {
        public override string ToString() => $"SavingsHistory [{string.Join("; ", Operations)}]";
    }

    /// <summary>A schedule, a payment history on it, the account to branch from (0 = the open account), and the extra amount recorded there.</summary>
    public sealed record BranchedHistory(RepaymentSchedule Schedule, IReadOnlyList<Payment> Payments, int BranchAt, int Extra)
    {
        public override string ToString() =>
            $"BranchedHistory {{ Schedule = {Schedule}, Payments = [{string.Join("; ", Payments)}], BranchAt = {BranchAt}, Extra = {Extra} }}";
    }

    private static Gen<Operation> Operations =>
        from step in Gen.Frequency((6, Gen.Constant(Step.Deposit)), (1, Gen.Constant(Step.Reverse)), (2, Gen.Constant(Step.Ask)))
        from days in Gen.Frequency((3, Gen.Choose(0, 7)), (1, Gen.Choose(8, 70)))
        from pick in Gen.Choose(0, 1_000)
        from offset in Gen.Choose(-60, 120)
        select new Operation(step, days, pick, offset);

    public static Arbitrary<EligibilityCase> EligibilityCases() =>
        (from weeks in Gen.Choose(0, 20)
         from unsigned in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
         from principal in Gen.Frequency((3, Gen.Choose(100_000, 500_000)), (1, Gen.Choose(1, 3_000_000)))
         from months in Gen.Frequency((4, Gen.Constant(3)), (1, Gen.Choose(1, 15)))
         from frequency in Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly)
         from applyDay in Gen.Choose(0, 200)
         from shift in Gen.Choose(-3, 20)
         from member in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false)))
         from open in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
         select new EligibilityCase(weeks, unsigned, principal, months, frequency, applyDay, shift, member, open)).ToArbitrary();

    public static Arbitrary<LoanPortfolio> Portfolios() => Portfolio.Select(accounts => new LoanPortfolio(accounts)).ToArbitrary();

    public static Arbitrary<SavingsHistory> SavingsHistories() =>
        Gen.ListOf(Operations).Select(l => new SavingsHistory(l.ToArray())).ToArbitrary();

    public static Arbitrary<BranchedHistory> BranchedHistories() =>
        (from schedule in Schedule
         from payments in PaymentsFor(schedule)
         from branchAt in Gen.Choose(0, payments.Count)
         from extra in Gen.Choose(1, 1_000_000)
         select new BranchedHistory(schedule, payments, branchAt, extra)).ToArbitrary();
}
