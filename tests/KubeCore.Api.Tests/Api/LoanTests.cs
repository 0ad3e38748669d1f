using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.Api;

/// <summary>The revolving fund over HTTP on both engines: the library decides, the stored ledger records, every load replays.</summary>
public sealed class LoanTests(ApiHosts hosts)
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_ksm_may_lend_within_the_group_from_its_first_day_and_its_loan_is_repaid(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var s = new GroupScenario((role, group) => api.ClientAs(role, group));
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM Maju Bersama", "2019-01-07");
        await s.OpenBooksAsync("2019-01-21");
        var g = $"/groups/{s.GroupId}";
        await s.AddLoanCapitalAsync("2019-01-21", 1_000_000);
        await s.SignJointLiabilityAsync("2019-01-21");

        var application = new { member = s.Members[3], principal = 500_000, termMonths = 5, frequency = "Monthly", purpose = "Modal warung", appliedOn = "2019-03-04" };
        // LOAN-01 (a): lending within the group may start at the first meeting, before any month of savings.
        var first = await (await s.Auditor.GetAsync($"{g}/loans/lending-readiness?asOf=2019-01-21", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        first.GetProperty("approved").GetBoolean().ShouldBeTrue();
        await s.DepositAllAsync("2019-01-21", 5000);
        await s.DepositAllAsync("2019-02-04", 5000);
        await s.DepositAllAsync("2019-03-04", 5000);
        var readiness = await (await s.Auditor.GetAsync($"{g}/loans/lending-readiness?asOf=2019-04-01", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        readiness.GetProperty("approved").GetBoolean().ShouldBeTrue();

        var applied = await (await s.Treasurer.PostAsync($"{g}/loans", application with { appliedOn = "2019-04-01" }, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created);
        var loanId = applied.GetProperty("loan").Str("id");
        applied.GetProperty("loan").Str("state").ShouldBe("Applied");

        var meeting = await s.MeetAsync("2019-04-01", new { kind = "LoanApproval", subject = loanId, loan = loanId });
        await (await s.Treasurer.PostAsync($"{g}/loans/{loanId}/approval", new { meeting = meeting.Str("id"), approvedBy = s.Ketua })).ExpectAsync(HttpStatusCode.OK);

        await (await s.Treasurer.PostAsync($"{g}/loans/{loanId}/disbursement", new { date = "2019-04-02" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "API_IDEMPOTENCY_KEY_REQUIRED");
        var disbursed = await (await s.Treasurer.PostAsync($"{g}/loans/{loanId}/disbursement", new { date = "2019-04-02" }, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.OK);
        disbursed.GetProperty("loan").Str("state").ShouldBe("Disbursed");
        disbursed.GetProperty("loan").Str("id").ShouldBe(loanId);
        disbursed.GetProperty("entries")[0].Str("kind").ShouldBe("LoanDisbursement");
        disbursed.GetProperty("entries")[0].Str("loan").ShouldBe(loanId);
        var installment = disbursed.GetProperty("loan").GetProperty("schedule")[0];
        installment.GetProperty("amount").GetInt64().ShouldBe(107_500); // 500.000 / 5 + 1,5 % × 500.000 (LOAN-04)

        var repaid = await (await s.Treasurer.PostAsync($"{g}/loans/{loanId}/repayments", new { date = "2019-05-02", amount = 107_500 }, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.OK);
        repaid.GetProperty("entries")[0].Str("kind").ShouldBe("LoanRepayment");
        var loan = await (await s.Auditor.GetAsync($"{g}/loans/{loanId}?asOf=2019-05-03", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        loan.GetProperty("status").GetProperty("principalRepaid").GetInt64().ShouldBe(100_000);
        loan.GetProperty("status").GetProperty("installmentsOverdue").GetInt32().ShouldBe(0);

        var balances = await (await s.Auditor.GetAsync($"{g}/ledger/balances", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        balances.GetProperty("outstandingPrincipal").GetInt64().ShouldBe(400_000);
        balances.GetProperty("serviceChargeIncome").GetInt64().ShouldBe(7_500);
        balances.GetProperty("conserved").GetBoolean().ShouldBeTrue();
        var chain = await (await s.Auditor.GetAsync($"{g}/ledger/verification", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue();
        var portfolio = await (await s.Auditor.GetAsync($"{g}/reports/portfolio?asOf=2019-06-10", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        portfolio.GetProperty("loansDisbursed").GetInt64().ShouldBe(1);
    }
}
