using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.RulebookProperties;

/// <summary>A group's savings history and the day it asks: for LOAN-01 (a), under a profile minimum of 0..3 months.</summary>
public sealed record InternalLendingCase(int MinMonths, int StartDays, int Weeks, int Unsigned, int AsOfDays);

/// <summary>A KSM's savings history, the members who have not signed, and the day it asks the UPK (LOAN-01 b).</summary>
public sealed record UpkLoanCase(int StartDays, int Weeks, int Unsigned, int AsOfDays, long Amount);

/// <summary>The facts of one group week, for FIVE-04.</summary>
public sealed record LendingWeek(GroupWeek Week);

public static class LoanGateArbitraries
{
    private static readonly LocalDate Monday = new(2017, 1, 30);

    public static Arbitrary<InternalLendingCase> InternalLendingCase() =>
        (from min in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Choose(1, 3)))
         from start in Gen.Choose(0, 90)
         from weeks in Gen.Choose(0, 20)
         from unsigned in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(1, 10)))
         from asOf in Gen.Choose(0, 200)
         select new InternalLendingCase(min, start, weeks, unsigned, asOf)).ToArbitrary();

    // Starts on the 1st of a month half of the time, so "exactly 3 months" and "2 months 29 days" both come up.
    public static Arbitrary<UpkLoanCase> UpkLoanCase() =>
        (from start in Gen.Frequency((1, Gen.Elements(0, 31, 59, 90)), (1, Gen.Choose(0, 90)))
         from weeks in Gen.Frequency((3, Gen.Choose(12, 20)), (1, Gen.Choose(0, 11)))
         from unsigned in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
         from asOf in Gen.Frequency((2, Gen.Choose(85, 100)), (1, Gen.Choose(0, 200)))
         from amount in Gen.Choose(1, 20).Select(m => m * 500_000L)
         select new UpkLoanCase(start, weeks, unsigned, asOf, amount)).ToArbitrary();

    public static Arbitrary<LendingWeek> LendingWeek() =>
        (from mayLend in Gen.Elements(true, false)
         from disbursed in Gen.Choose(0, 2)
         from unserved in Gen.Choose(0, 2)
         from members in Gen.Choose(0, 3)
         select new LendingWeek(new GroupWeek(GroupId.New(), Monday,
             Enumerable.Range(0, members).Select(_ => new MemberWeekSavings(PersonId.New(), [EntryId.New()])).ToList(),
             null, null, mayLend, Enumerable.Range(0, disbursed).Select(_ => LoanId.New()).ToList(), unserved, []))).ToArbitrary();
}

/// <summary>
/// LOAN-01, two gates (corrected 2026-12-06): (a) lending within the group may start as soon as a member asks, even at
/// the first meeting (seed 004 rule 4), under a profile minimum that is 0 in every built-in profile; (b) a KSM borrowing
/// from the UPK needs 3 consecutive months of group savings and every member's joint-liability statement. FIVE-04 is
/// applicable from the first week.
/// </summary>
public class LoanGateRulesTests
{
    private static readonly LocalDate GuyubRukunStart = LoanFundBuilder.GuyubRukunStart; // Monday 30 January 2017
    private static readonly LocalDate May1 = new(2017, 5, 1); // a Monday and the first of a month

    // ---------------------------------------------------------------- examples

    [Fact]
    [Trait("Rule", "LOAN-01")]
    public void A_KSM_lends_in_its_first_week_from_the_few_deposits_its_members_put_into_the_loan_fund()
    {
        // KSM of BKM Guyub Rukun, first meeting on Monday 30 January 2017: no savings history, no statement signed.
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(0).WithCapital(0).WithoutStatements().Build();
        foreach (var member in group.Members)
        {
            ledger.Deposit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, member, Rupiah.Of(20_000), "tabungan pertemuan pertama");
            ledger.TransferBetweenFunds(HostToday.Of(GuyubRukunStart), GuyubRukunStart, LedgerAccount.MemberSavings(member), LedgerAccount.LoanFund, Rupiah.Of(15_000), "iuran modal pinjaman kelompok");
        }
        fund.AvailableToLend.ShouldBe(Rupiah.Of(150_000));

        var mayLend = fund.MayLend(GuyubRukunStart);
        mayLend.IsApproved.ShouldBeTrue(mayLend.ToString());
        var check = mayLend.Checks.Single(c => c.RuleId == RuleIds.Loan01);
        check.Parameters["Loans.MinSavingsMonthsBeforeInternalLending"].ShouldBe("0");
        check.Parameters["Months"].ShouldBe("0");

        var borrower = group.Ordinary[0];
        var loan = fund.Lend(group, borrower, 100_000, GuyubRukunStart);

        loan.State.ShouldBe(LoanState.Disbursed);
        loan.DisbursedOn.ShouldBe(GuyubRukunStart);
        ledger.OutstandingPrincipalOf(loan.Id).ShouldBe(Rupiah.Of(100_000));
        fund.AvailableToLend.ShouldBe(Rupiah.Of(50_000));
        fund.Statements.ShouldBeEmpty(); // lending within the group needs no tanggung renteng statement (that is the UPK's)
        ledger.CheckConservation().ShouldBeTrue();
    }

    [Fact]
    [Trait("Rule", "LOAN-01")]
    public void A_UPK_loan_is_refused_at_2_months_29_days_and_without_every_statement_and_accepted_at_exactly_3_months_with_every_statement()
    {
        // Saving every Monday from 1 May to 31 July 2017; nine of ten members sign the statement on the first day.
        var (group, ledger, fund) = new LoanFundBuilder().StartingOn(May1).SavingWeekly(14).WithCapital(0).WithoutStatements().Build();
        var late = group.Members[^1];
        foreach (var member in group.Members.Take(group.Members.Count - 1))
        {
            fund.SignJointLiabilityStatement(member, May1, "Pernyataan Kesanggupan Tanggung Renteng");
        }

        // 30 July: 2 months 29 days; only May and June are complete months.
        var july30 = May1.PlusMonths(2).PlusDays(29);
        var early = fund.AssessUpkAccess(july30);
        early.IsApproved.ShouldBeFalse();
        early.Violations.Select(v => v.ErrorCode).ShouldBe([LoanErrors.UpkSavingsMonthsShort, LoanErrors.StatementMissing]);
        early.Violations.ShouldAllBe(v => v.RuleId == RuleIds.Loan01);
        early.Violations[0].Arguments["Months"].ShouldBe(2);
        early.Violations[0].Arguments["RequiredMonths"].ShouldBe(3);
        var entries = ledger.Count;
        Should.Throw<RuleViolationException>(() => fund.BorrowFromUpk(HostToday.Of(july30), july30, Rupiah.Of(5_000_000)))
            .Violations.Select(v => v.ErrorCode).ShouldBe([LoanErrors.UpkSavingsMonthsShort, LoanErrors.StatementMissing]);
        ledger.Count.ShouldBe(entries);

        // 1 August: exactly 3 months, but one statement is still missing.
        var august1 = May1.PlusMonths(3);
        fund.ConsecutiveSavingsMonths(august1).ShouldBe(3);
        Should.Throw<RuleViolationException>(() => fund.BorrowFromUpk(HostToday.Of(august1), august1, Rupiah.Of(5_000_000)))
            .Violations.Select(v => v.ErrorCode).ShouldBe([LoanErrors.StatementMissing]);
        ledger.Count.ShouldBe(entries);

        // The last member signs; the UPK loan is booked into the loan fund.
        fund.SignJointLiabilityStatement(late, august1);
        var access = fund.AssessUpkAccess(august1);
        access.IsApproved.ShouldBeTrue(access.ToString());
        var parameters = access.Checks.Where(c => c.RuleId == RuleIds.Loan01).SelectMany(c => c.Parameters).ToDictionary();
        parameters["Loans.MinSavingsMonthsBeforeUpkLoan"].ShouldBe("3");
        parameters["Months"].ShouldBe("3");
        parameters["Loans.UpkLoanRequiresJointLiabilityStatement"].ShouldBe("True");
        var entry = fund.BorrowFromUpk(HostToday.Of(august1), august1, Rupiah.Of(5_000_000), "Pinjaman UPK BKM");
        entry.Kind.ShouldBe(EntryKind.LoanCapitalAdded);
        ledger.Balances.LoanFund.ShouldBe(Rupiah.Of(5_000_000));
        fund.Events.OfType<UpkLoanReceived>().ShouldHaveSingleItem().Amount.ShouldBe(Rupiah.Of(5_000_000));
    }

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void A_UPK_loan_with_a_reference_of_101_characters_is_refused_with_the_ledgers_coded_violation_and_changes_nothing_and_one_of_100_is_booked()
    {
        var (_, _, fund) = new LoanFundBuilder().Build(); // every statement signed, 3 complete months of savings by 1 May
        var before = Fingerprint(fund);

        var refusal = Should.Throw<RuleViolationException>(() => fund.BorrowFromUpk(HostToday.Of(May1), May1, Rupiah.Of(5_000_000), new string('U', LedgerEntry.MaxReferenceLength + 1))).Violation;

        refusal.RuleId.ShouldBe(RuleIds.Sav01);
        refusal.ErrorCode.ShouldBe(SavingsErrors.TextTooLong);
        Fingerprint(fund).ShouldBe(before);
        fund.Events.OfType<UpkLoanReceived>().ShouldBeEmpty();
        fund.BorrowFromUpk(HostToday.Of(May1), May1, Rupiah.Of(5_000_000), new string('U', LedgerEntry.MaxReferenceLength)).Reference.Length.ShouldBe(LedgerEntry.MaxReferenceLength);
        fund.Events.OfType<UpkLoanReceived>().ShouldHaveSingleItem();
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SavingsRulesArbitraries)])]
    [Trait("Rule", "LOAN-01")]
    [Trait("Rule", "SAV-01")]
    public bool A_joint_liability_statement_with_a_document_reference_of_at_most_100_characters_is_recorded_and_a_longer_one_is_refused_with_the_ledgers_coded_violation_that_changes_nothing(SavingsRulesArbitraries.ReferenceLength c)
    {
        var (group, _, fund) = new LoanFundBuilder().WithoutStatements().Build();
        var member = group.Members[0];
        var (before, ledger) = (Fingerprint(fund), LedgerFingerprint.Of(fund.Ledger));
        var reference = new string('P', c.Length);
        if (c.Length <= LedgerEntry.MaxReferenceLength)
        {
            return fund.SignJointLiabilityStatement(member, May1, reference).DocumentReference == reference && fund.StatementOf(member)?.DocumentReference == reference;
        }
        var refusal = Should.Throw<RuleViolationException>(() => fund.SignJointLiabilityStatement(member, May1, reference)).Violations.Single();
        return refusal.RuleId == RuleIds.Sav01 && refusal.ErrorCode == SavingsErrors.TextTooLong
            && (int?)refusal.Arguments["MaxLength"] == LedgerEntry.MaxReferenceLength && (int?)refusal.Arguments["TotalLength"] == c.Length
            && Fingerprint(fund) == before && LedgerFingerprint.Of(fund.Ledger) == ledger && fund.StatementOf(member) is null;
    }

    [Fact]
    [Trait("Rule", "LOAN-01")]
    [Trait("Rule", "SAV-01")]
    public void A_joint_liability_statement_with_a_document_reference_of_101_characters_is_refused_and_changes_nothing_and_one_of_exactly_100_is_recorded()
    {
        var (group, _, fund) = new LoanFundBuilder().WithoutStatements().Build();
        var member = group.Members[0];
        var before = Fingerprint(fund);

        var refusal = Should.Throw<RuleViolationException>(() => fund.SignJointLiabilityStatement(member, May1, new string('P', LedgerEntry.MaxReferenceLength + 1))).Violation;

        (refusal.RuleId, refusal.ErrorCode).ShouldBe((RuleIds.Sav01, SavingsErrors.TextTooLong));
        Fingerprint(fund).ShouldBe(before);
        fund.StatementOf(member).ShouldBeNull();
        fund.SignJointLiabilityStatement(member, May1, new string('P', LedgerEntry.MaxReferenceLength)).DocumentReference.Length.ShouldBe(LedgerEntry.MaxReferenceLength);
        fund.SignJointLiabilityStatement(group.Members[1], May1).DocumentReference.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Rule", "LOAN-01")]
    public void Only_current_members_sign_and_borrow_and_a_new_members_missing_statement_holds_up_the_UPK_loan_but_not_lending_within_the_group()
    {
        var (group, ledger, fund) = new LoanFundBuilder().Build(); // 14 weeks of savings from 30 January 2017, every statement signed
        var asOf = May1;
        var outsider = PersonId.New();
        var before = Fingerprint(fund);
        Should.Throw<RuleViolationException>(() => fund.SignJointLiabilityStatement(outsider, asOf)).Violation.ErrorCode.ShouldBe(LoanErrors.SignatoryNotMember);
        Should.Throw<RuleViolationException>(() => fund.SignJointLiabilityStatement(group.Members[0], asOf)).Violation.ErrorCode.ShouldBe(LoanErrors.StatementAlreadySigned);
        Should.Throw<RuleViolationException>(() => fund.ApplyFor(outsider, 100_000, asOf)).Violations.Select(v => v.ErrorCode).ShouldContain(LoanErrors.BorrowerNotMember);
        Fingerprint(fund).ShouldBe(before);

        var newcomer = group.Join();
        fund.MayLend(asOf).IsApproved.ShouldBeTrue();
        fund.AssessUpkAccess(asOf).Violations.ShouldHaveSingleItem().Arguments["MemberIds"].ShouldBe(newcomer.ToString());
        fund.Lend(group, newcomer, 100_000, asOf).State.ShouldBe(LoanState.Disbursed);

        fund.SignJointLiabilityStatement(newcomer, asOf);
        fund.AssessUpkAccess(asOf).IsApproved.ShouldBeTrue();
        fund.BorrowFromUpk(HostToday.Of(asOf), asOf, Rupiah.Of(2_000_000)).Amount.ShouldBe(Rupiah.Of(2_000_000));
        ledger.CheckConservation().ShouldBeTrue();
    }

    [Fact]
    [Trait("Rule", "FIVE-04")]
    public void FIVE_04_applies_in_the_first_week_of_a_KSM_met_when_it_lent_and_not_met_when_a_servable_request_waited()
    {
        var (group, _, fund) = new LoanFundBuilder().SavingWeekly(1).WithoutStatements().Build();
        var mayLend = fund.CanLend(GuyubRukunStart);
        mayLend.ShouldBeTrue();
        var savings = group.Members.Select(m => new MemberWeekSavings(m, [EntryId.New()])).ToList();
        GroupWeek Week(IReadOnlyList<LoanId> disbursed, int unserved) =>
            new(group.Id, GuyubRukunStart, savings, MeetingId.New(), EntryId.New(), mayLend, disbursed, unserved, []);

        var lent = LoanId.New();
        var met = FiveBasicRules.Check(Week([lent], 0), group.Profile)[RuleIds.Five04];
        met.Status.ShouldBe(RuleStatus.Met);
        met.LoanEvidence.ShouldBe([lent]);
        FiveBasicRules.Check(Week([], 0), group.Profile)[RuleIds.Five04].Status.ShouldBe(RuleStatus.Met);
        FiveBasicRules.Check(Week([], 1), group.Profile)[RuleIds.Five04].Status.ShouldBe(RuleStatus.NotMet);
    }

    // ---------------------------------------------------------------- properties

    [Property(MaxTest = 100, Arbitrary = [typeof(LoanGateArbitraries)])]
    [Trait("Rule", "LOAN-01")]
    public bool A_group_lends_to_its_members_exactly_when_its_savings_months_reach_the_profile_minimum_and_needs_no_statement(InternalLendingCase c)
    {
        var profile = ProgramProfiles.KsmP2kp.Derive("KsmMin" + c.MinMonths, 1, "test: a derived minimum", new LocalDate(2008, 1, 1),
            p => p with { Loans = p.Loans with { MinSavingsMonthsBeforeInternalLending = c.MinMonths } });
        var start = new LocalDate(2017, 1, 2).PlusDays(c.StartDays);
        var (group, _, fund) = new LoanFundBuilder().WithProfile(profile).StartingOn(start).SavingWeekly(c.Weeks).WithoutStatements().Build();
        foreach (var member in group.Members.Skip(c.Unsigned))
        {
            fund.SignJointLiabilityStatement(member, start);
        }
        var asOf = start.PlusDays(c.AsOfDays);
        var longest = LongestRun(start, c.Weeks, asOf);
        var expected = longest >= c.MinMonths; // statements play no part in lending within the group

        var before = Fingerprint(fund);
        var applied = Record.Exception(() => fund.Apply(new LoanApplication(LoanId.New(), group.Ordinary[0], Rupiah.Of(400_000), 3, InstallmentFrequency.Weekly, "modal usaha", asOf)));
        return fund.ConsecutiveSavingsMonths(asOf) == longest
            && fund.MayLend(asOf).IsApproved == expected
            && fund.CanLend(asOf) == expected
            && (expected
                ? applied is null
                : applied is RuleViolationException rve
                    && rve.Violations.Select(v => v.ErrorCode).SequenceEqual([LoanErrors.SavingsMonthsShort])
                    && Fingerprint(fund) == before);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(LoanGateArbitraries)])]
    [Trait("Rule", "LOAN-01")]
    public bool Every_built_in_profile_lets_a_group_lend_from_its_first_day_without_savings_or_statements(InternalLendingCase c)
    {
        var profile = ProgramProfiles.All[c.StartDays % ProgramProfiles.All.Count];
        var start = LocalDate.Max(new LocalDate(2017, 1, 2), profile.EffectiveFrom).PlusDays(c.StartDays); // a profile decides nothing before it is in force
        var (_, _, fund) = new LoanFundBuilder().WithProfile(profile).StartingOn(start).SavingWeekly(0).WithCapital(0).WithoutStatements().Build();
        return profile.Loans.MinSavingsMonthsBeforeInternalLending == 0 && fund.MayLend(start).IsApproved && fund.CanLend(start);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(LoanGateArbitraries)])]
    [Trait("Rule", "LOAN-01")]
    public bool A_KSM_borrows_from_the_UPK_exactly_when_it_has_three_months_of_savings_and_every_members_statement(UpkLoanCase c)
    {
        var start = new LocalDate(2017, 1, 1).PlusDays(c.StartDays);
        var weeks = Math.Min(c.Weeks, (c.AsOfDays / 7) + 1); // every deposit on or before the as-of day, where the loan is booked
        var (group, ledger, fund) = new LoanFundBuilder().StartingOn(start).SavingWeekly(weeks).WithCapital(0).WithoutStatements().Build();
        foreach (var member in group.Members.Skip(c.Unsigned))
        {
            fund.SignJointLiabilityStatement(member, start);
        }
        var asOf = start.PlusDays(c.AsOfDays);
        var months = LongestRun(start, weeks, asOf);
        var required = group.Profile.Loans.MinSavingsMonthsBeforeUpkLoan;
        string[] expectedCodes =
        [
            .. months < required ? [LoanErrors.UpkSavingsMonthsShort] : Array.Empty<string>(),
            .. c.Unsigned > 0 ? [LoanErrors.StatementMissing] : Array.Empty<string>(),
        ];

        var decision = fund.AssessUpkAccess(asOf);
        var before = Fingerprint(fund);
        var fundBefore = ledger.Balances.LoanFund;
        var booked = Record.Exception(() => fund.BorrowFromUpk(HostToday.Of(asOf), asOf, Rupiah.Of(c.Amount)));
        return required == 3
            && decision.Violations.Select(v => v.ErrorCode).SequenceEqual(expectedCodes)
            && decision.Violations.All(v => v.RuleId == RuleIds.Loan01)
            && (expectedCodes.Length == 0
                ? booked is null && ledger.Balances.LoanFund == fundBefore + Rupiah.Of(c.Amount) && fund.Events.OfType<UpkLoanReceived>().Count() == 1
                : booked is RuleViolationException rve && rve.Violations.Select(v => v.ErrorCode).SequenceEqual(expectedCodes) && Fingerprint(fund) == before);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanGateArbitraries)])]
    [Trait("Rule", "FIVE-04")]
    public bool Lending_is_applicable_every_week_and_fails_only_when_a_request_the_group_could_serve_waited(LendingWeek w)
    {
        var week = w.Week;
        var report = FiveBasicRules.Check(week, ProgramProfiles.KsmP2kp);
        var outcome = report[RuleIds.Five04];
        var expected = week.MayLend && week.LoansDisbursed.Count == 0 && week.UnservedRequests > 0 ? RuleStatus.NotMet : RuleStatus.Met;
        return outcome.Status == expected && outcome.LoanEvidence.SequenceEqual(week.LoansDisbursed)
            && (expected != RuleStatus.NotMet || !report.AllKept);
    }

    // ---------------------------------------------------------------- helpers

    // Oracle: the calendar months before the as-of month holding a (weekly, from start) deposit, and their longest run.
    private static int LongestRun(LocalDate start, int weeks, LocalDate asOf)
    {
        var asOfMonth = (asOf.Year * 12) + asOf.Month;
        var months = Enumerable.Range(0, weeks).Select(w => start.PlusWeeks(w)).Where(d => d <= asOf)
            .Select(d => (d.Year * 12) + d.Month).Where(m => m < asOfMonth).Distinct().Order().ToList();
        return months.Count == 0 ? 0 : months.Select((m, i) => months.Skip(i).TakeWhile((x, k) => x == m + k).Count()).Max();
    }

    /// <summary>Everything a refused operation must leave unchanged: loans, ledger, statements, events.</summary>
    private static string Fingerprint(LoanRevolving fund) =>
        string.Join(";", fund.Loans.Select(l => $"{l.Id}:{l.State}"))
        + $"#{fund.Ledger.Count}:{fund.Ledger.LastHash}#{fund.Statements.Count}#{fund.Events.Count}";
}
