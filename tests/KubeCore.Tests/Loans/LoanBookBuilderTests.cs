using FsCheck.Xunit;
using KubeCore.Loans;
using static KubeCore.Tests.Builders.LoanGenerators;
using static KubeCore.Tests.Loans.LoanArbitraries;

namespace KubeCore.Tests.Loans;

/// <summary>The builder copies each account's payments in one step per list; the book still reads each loan as its account does.</summary>
[Trait("Category", "Implementation")]
public class LoanBookBuilderTests
{
    [Property(MaxTest = 100, Arbitrary = [typeof(LoanArbitraries)])]
    public bool A_book_built_from_accounts_holds_every_payment_and_states_each_loan_as_its_account_does(LoanPortfolio c)
    {
        var accounts = c.Accounts;
        var builder = new LoanBook.Builder();
        for (var i = 0; i < accounts.Count; i++)
        {
            builder.Add(accounts[i]).ShouldBe(i);
        }
        var book = builder.Build();

        book.Count.ShouldBe(accounts.Count);
        book.PaymentCount.ShouldBe(accounts.Sum(a => a.Payments.Count));
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            foreach (var asOf in new[] { account.Schedule.DisbursedOn, account.LastPaymentDate ?? account.Schedule.DisbursedOn, account.Schedule.MaturityDate.PlusDays(30) })
            {
                book.StatusAsOf(i, asOf).ShouldBe(account.StatusAsOf(asOf));
            }
        }
        return true;
    }
}
