using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Loans;
using static KubeCore.Tests.Builders.LoanGenerators;
using static KubeCore.Tests.Loans.LoanArbitraries;

namespace KubeCore.Tests.Loans;

/// <summary>
/// A loan's successive accounts share one growing store of payments; each account must still behave as an immutable
/// value: what it shows never changes, whatever is recorded on it or on any other account of the loan afterwards.
/// </summary>
public class LoanAccountHistoryTests
{
    [Property(MaxTest = 300, Arbitrary = [typeof(LoanArbitraries)])]
    public bool Recording_on_an_earlier_account_of_a_loan_changes_neither_the_later_accounts_nor_the_earlier_one(BranchedHistory h)
    {
        // Every account of the history, from the open one to the last.
        var accounts = new List<LoanAccount> { LoanAccount.Open(h.Schedule) };
        foreach (var payment in h.Payments)
        {
            accounts.Add(accounts[^1].Record(payment.Date, payment.Amount));
        }
        var before = accounts.Select(Describe).ToList();

        // Branch: record another payment on an earlier account (when it would be accepted).
        var earlier = accounts[h.BranchAt];
        var date = earlier.LastPaymentDate ?? h.Schedule.DisbursedOn;
        var amount = Rupiah.Of(Math.Min(h.Extra, Math.Max(1, earlier.Outstanding.Amount)));
        LoanAccount? branch = earlier.CheckPayment(date, amount) is null ? earlier.Record(date, amount) : null;
        // And keep recording on the branch, so it grows past the store it started from.
        if (branch is not null && branch.CheckPayment(date, Rupiah.Of(1)) is null)
        {
            branch = branch.Record(date, Rupiah.Of(1));
        }

        // The branch is what a fresh account with the same payments gives.
        var fresh = branch is null ? null : RecordAll(h.Schedule, branch.Payments.Select(p => new Payment(p.Date, p.Amount)));
        return accounts.Select(Describe).SequenceEqual(before)
            && (branch is null || Describe(branch) == Describe(fresh!));
    }

    [Fact]
    public void A_recorded_payment_lists_what_was_recorded_in_order_and_counts_only_this_accounts_payments()
    {
        var schedule = RepaymentSchedule.Compute(Rupiah.Of(500_000), 3, InstallmentFrequency.Weekly, Rate.FromPercent(1.5m), new NodaTime.LocalDate(2017, 2, 6));
        var open = LoanAccount.Open(schedule);
        var first = open.Record(new NodaTime.LocalDate(2017, 2, 13), Rupiah.Of(43_541));
        var second = first.Record(new NodaTime.LocalDate(2017, 2, 20), Rupiah.Of(43_541));
        var other = first.Record(new NodaTime.LocalDate(2017, 2, 21), Rupiah.Of(10_000));

        open.Payments.ShouldBeEmpty();
        first.Payments.Count.ShouldBe(1);
        second.Payments.Select(p => p.Amount).ShouldBe([Rupiah.Of(43_541), Rupiah.Of(43_541)]);
        other.Payments.Select(p => p.Amount).ShouldBe([Rupiah.Of(43_541), Rupiah.Of(10_000)]);
        second.PrincipalRepaid.ShouldBe(first.PrincipalRepaid + second.Payments[1].Allocation.Principal);
        other.LastPaymentDate.ShouldBe(new NodaTime.LocalDate(2017, 2, 21));
    }

    // Everything an account shows: its payments and its position at every date of interest.
    private static string Describe(LoanAccount account)
    {
        var dates = Enumerable.Range(0, 20).Select(w => account.Schedule.DisbursedOn.PlusWeeks(w * 3));
        return string.Join("|", account.Payments.Select(p => $"{p.Date}:{p.Amount}:{p.Source}:{p.Allocation}"))
            + $"#{account.PrincipalRepaid}:{account.ServiceChargePaid}:{account.LastPaymentDate}#"
            + string.Join("|", dates.Select(d => account.StatusAsOf(d).ToString()));
    }
}
