using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using NodaTime;
using static KubeCore.Tests.Builders.LoanGenerators;
using static KubeCore.Tests.RulebookProperties.LoanRulesArbitraries;

namespace KubeCore.Tests.RulebookProperties;

public class LoanRulesTests
{
    // ---------------------------------------------------------------- LOAN-03 term, frequency, due dates

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-03")]
    public bool A_term_is_accepted_exactly_when_it_lies_within_the_profile_minimum_and_maximum_inclusive(TermRange c)
    {
        var (term, min, span) = c;
        var parameters = Profile.Loans with { MinTermMonths = min, MaxTermMonths = min + span };
        var violation = LoanRules.CheckTerm(term, parameters);
        var within = term >= min && term <= min + span;
        return within ? violation is null : violation is { ErrorCode: LoanErrors.TermOutOfRange } && violation.RuleId == RuleIds.Loan03;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-03")]
    public bool A_frequency_is_accepted_only_when_the_profile_allows_it(FrequencyRequest c)
    {
        var (allowed, asked) = c;
        var violation = LoanRules.CheckFrequency(asked, Profile.Loans with { AllowedFrequencies = allowed });
        var ok = asked != (InstallmentFrequency.Weekly | InstallmentFrequency.Monthly) && allowed.HasFlag(asked);
        return ok ? violation is null : violation?.ErrorCode == LoanErrors.FrequencyNotAllowed;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-03")]
    public bool Every_due_date_is_computed_from_the_disbursement_date_and_the_first_falls_one_period_after_it(RepaymentSchedule schedule)
    {
        var start = schedule.DisbursedOn;
        var weekly = schedule.Terms.Frequency == InstallmentFrequency.Weekly;
        var expectedCount = weekly ? schedule.Terms.TermMonths * RepaymentSchedule.WeeksPerMonth : schedule.Terms.TermMonths;
        var firstIsOnePeriodLater = schedule.Installments[0].DueDate == (weekly ? start.PlusWeeks(1) : start.PlusMonths(1));
        var anchored = schedule.Installments.All(i => i.DueDate == (weekly ? start.PlusWeeks(i.Number) : start.PlusMonths(i.Number)));
        var increasing = schedule.Installments.Zip(schedule.Installments.Skip(1)).All(p => p.First.DueDate < p.Second.DueDate);
        return schedule.Count == expectedCount && firstIsOnePeriodLater && anchored && increasing
            && schedule.Installments.Select(i => i.Number).SequenceEqual(Enumerable.Range(1, schedule.Count));
    }

    // ---------------------------------------------------------------- LOAN-04 flat service charge

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-04")]
    public bool The_installments_of_a_schedule_always_add_up_to_principal_plus_total_jasa(RepaymentSchedule schedule) =>
        Rupiah.Sum(schedule.Installments.Select(i => i.Principal)) == schedule.Terms.Principal
        && Rupiah.Sum(schedule.Installments.Select(i => i.ServiceCharge)) == schedule.TotalServiceCharge
        && Rupiah.Sum(schedule.Installments.Select(i => i.Amount)) == schedule.Terms.Principal + schedule.TotalServiceCharge
        && schedule.Total == schedule.Terms.Principal + schedule.TotalServiceCharge;

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-04")]
    public bool Only_the_last_installment_carries_a_rounding_remainder(RepaymentSchedule schedule)
    {
        var n = schedule.Count;
        var first = schedule.Installments[0];
        var last = schedule.Installments[^1];
        var allButLastEqual = schedule.Installments.Take(n - 1).All(i => i.Principal == first.Principal && i.ServiceCharge == first.ServiceCharge);
        var regularIsTruncatedQuotient = first.Principal.Amount == schedule.Terms.Principal.Amount / n
            && first.ServiceCharge.Amount == schedule.TotalServiceCharge.Amount / n;
        var remainders = (last.Principal - first.Principal).Amount == schedule.Terms.Principal.Amount % n
            && (last.ServiceCharge - first.ServiceCharge).Amount == schedule.TotalServiceCharge.Amount % n;
        return allButLastEqual && regularIsTruncatedQuotient && (n == 1 || remainders);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-04")]
    public bool The_total_jasa_is_the_monthly_rate_of_the_original_principal_times_the_months_whatever_the_frequency(TermsFrom c)
    {
        var (terms, start) = c;
        var schedule = RepaymentSchedule.Compute(terms, start);
        var other = LoanTerms.Of(terms.Principal, terms.TermMonths,
            terms.Frequency == InstallmentFrequency.Weekly ? InstallmentFrequency.Monthly : InstallmentFrequency.Weekly, terms.MonthlyServiceCharge);
        var exact = (decimal)terms.Principal.Amount * terms.MonthlyServiceCharge.BasisPoints * terms.TermMonths / 10_000m;
        return schedule.TotalServiceCharge.Amount == decimal.Truncate(exact)
            && RepaymentSchedule.Compute(other, start).TotalServiceCharge == schedule.TotalServiceCharge;
    }

    // ---------------------------------------------------------------- LOAN-05 allocation

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-05")]
    public bool A_payment_never_reaches_principal_while_jasa_is_due(NextPayment t)
    {
        var (account, date, amount) = t;
        var after = account.Record(date, amount);
        var allocation = after.Payments[^1].Allocation;
        var dueCount = account.Schedule.CountDueOnOrBefore(date);
        var jasaDue = Rupiah.Sum(account.Schedule.Installments.Take(dueCount).Select(i => i.ServiceCharge));
        return allocation.Principal == Rupiah.Zero || after.ServiceChargePaid >= jasaDue;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-05")]
    public bool Overdue_principal_is_paid_before_current_principal_and_both_before_any_prepayment(NextPayment t)
    {
        var (account, date, amount) = t;
        var after = account.Record(date, amount);
        var a = after.Payments[^1].Allocation;
        var overdue = account.Schedule.Installments.Where(i => i.DueDate < date).ToList();
        var due = account.Schedule.Installments.Where(i => i.DueDate <= date).ToList();
        var overduePrincipalSettled = after.PrincipalRepaid >= Rupiah.Sum(overdue.Select(i => i.Principal));
        var dueSettled = after.PrincipalRepaid >= Rupiah.Sum(due.Select(i => i.Principal))
            && after.ServiceChargePaid >= Rupiah.Sum(due.Select(i => i.ServiceCharge));
        return (a.CurrentPrincipal == Rupiah.Zero || overduePrincipalSettled)
            && (a.PrepaidPrincipal + a.PrepaidServiceCharge == Rupiah.Zero || dueSettled)
            && a.ServiceCharge + a.Principal == amount
            && after.ServiceChargePaid + after.PrincipalRepaid == account.ServiceChargePaid + account.PrincipalRepaid + amount;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-05")]
    public bool A_payment_above_what_the_loan_owes_is_refused_and_changes_nothing(Overpayment c)
    {
        var (account, extra) = c;
        var date = account.LastPaymentDate ?? account.Schedule.DisbursedOn;
        var before = account.Payments.Count;
        var ex = Record.Exception(() => account.Record(date, account.Outstanding + Rupiah.Of(extra)));
        return ex is RuleViolationException rve
            && rve.Violation.RuleId == RuleIds.Loan05
            && rve.Violation.ErrorCode is LoanErrors.Overpayment or LoanErrors.LoanAlreadyRepaid
            && account.Payments.Count == before;
    }

    // ---------------------------------------------------------------- the revolving fund (aggregate)

    private static readonly LocalDate May1 = new(2017, 5, 1); // a Monday after three complete months of savings

    /// <summary>Everything a refused operation must leave unchanged: loans, ledger, statements, referrals, events.</summary>
    private static string Fingerprint(LoanRevolving fund) =>
        string.Join(";", fund.Loans.Select(l => $"{l.Id}:{l.State}:{l.Account?.Payments.Count}:{l.Approval?.ApprovedBy}"))
        + $"#{fund.Ledger.Count}:{fund.Ledger.LastHash}#{fund.Statements.Count}#{fund.Referrals.Count}#{fund.Events.Count}";

    private static bool Refused(Action action, string fingerprintBefore, LoanRevolving fund, params string[] codes)
    {
        var ex = Record.Exception(action);
        return ex is RuleViolationException rve
            && codes.All(c => rve.Violations.Any(v => v.ErrorCode == c))
            && Fingerprint(fund) == fingerprintBefore;
    }

    // LOAN-01: see LoanGateRulesTests (the two gates).

    // LOAN-02

    [Property(MaxTest = 100, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-02")]
    public bool A_first_loan_never_exceeds_the_first_ceiling_and_a_repeat_loan_never_exceeds_the_repeat_ceiling(CeilingRequest c)
    {
        var (first, repeat) = c;
        var (group, _, fund) = new LoanFundBuilder().WithCapital(5_000_000).Build();
        var member = group.Ordinary[0];
        var parameters = group.Profile.Loans;
        var before = Fingerprint(fund);
        if (first > parameters.FirstLoanCeiling.Amount)
        {
            return Refused(() => fund.ApplyFor(member, first, May1), before, fund, LoanErrors.AboveFirstCeiling);
        }
        var loan = fund.Lend(group, member, first, May1);
        fund.PayOnTime(loan, loan.Schedule!.MaturityDate);
        var later = loan.Schedule.MaturityDate;
        before = Fingerprint(fund);
        if (repeat > parameters.RepeatLoanCeiling.Amount)
        {
            return loan.State == LoanState.Repaid && Refused(() => fund.ApplyFor(member, repeat, later), before, fund, LoanErrors.AboveRepeatCeiling);
        }
        var second = fund.ApplyFor(member, repeat, later);
        return loan.State == LoanState.Repaid && second.MemberLoanNumber == 2 && !second.IsFirstLoan;
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-02")]
    public bool After_four_loans_or_a_loan_of_the_referral_principal_a_member_is_referred_to_a_bank_and_lent_no_more(PrincipalSequence c)
    {
        var principals = c.Principals;
        var (group, _, fund) = new LoanFundBuilder().WithCapital(5_000_000).Build();
        var member = group.Ordinary[0];
        var date = May1;
        var taken = 0;
        var largest = 0L;
        foreach (var asked in principals)
        {
            var principal = taken == 0 ? Math.Min(asked, 500_000) : asked;
            var referred = taken >= 4 || largest >= 2_000_000;
            if (referred != (fund.ReferralOf(member) is not null))
            {
                return false;
            }
            if (referred)
            {
                var before = Fingerprint(fund);
                return Refused(() => fund.ApplyFor(member, principal, date), before, fund, LoanErrors.ReferredToBank);
            }
            var loan = fund.Lend(group, member, principal, date);
            taken++;
            largest = Math.Max(largest, principal);
            fund.PayOnTime(loan, loan.Schedule!.MaturityDate);
            date = loan.Schedule.MaturityDate;
        }
        var expectReferral = taken >= 4 || largest >= 2_000_000;
        var referral = fund.ReferralOf(member);
        return expectReferral == (referral is not null)
            && (referral is null || (referral.LoansTaken == taken && referral.Reason == (taken >= 4 ? BankReferralReason.LoanCount : BankReferralReason.Principal)));
    }

    [Property(MaxTest = 10, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-02")]
    public bool A_member_holds_one_open_application_or_loan_at_a_time(OpenStage c)
    {
        var stage = c.Stage;
        var (group, _, fund) = new LoanFundBuilder().Build();
        var member = group.Ordinary[0];
        var loan = fund.ApplyFor(member, 200_000, May1);
        if (stage >= 1)
        {
            fund.ApproveAtMeeting(group, loan, May1);
        }
        if (stage >= 2)
        {
            fund.Disburse(HostToday.Of(May1), loan.Id, May1);
        }
        var before = Fingerprint(fund);
        return Refused(() => fund.ApplyFor(member, 100_000, May1), before, fund, LoanErrors.LoanAlreadyOpen);
    }

    // LOAN-03 (application level)

    [Property(MaxTest = 60, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-03")]
    public bool An_application_outside_the_profiles_term_or_frequency_is_refused_and_changes_nothing(ApplicationTerms c)
    {
        var (term, frequency) = c;
        var profile = ProgramProfiles.KsmP2kp.Derive("KsmMonthlyOnly", 1, "test", May1, p => p with { Loans = p.Loans with { AllowedFrequencies = InstallmentFrequency.Monthly } });
        var (group, _, fund) = new LoanFundBuilder().WithProfile(profile).Build();
        var before = Fingerprint(fund);
        var termOk = term is >= 3 and <= 12;
        var frequencyOk = frequency == InstallmentFrequency.Monthly;
        var act = () => fund.ApplyFor(group.Ordinary[0], 300_000, May1, term, frequency);
        if (termOk && frequencyOk)
        {
            return act().Schedule is null;
        }
        var codes = new List<string>();
        if (!termOk)
        {
            codes.Add(LoanErrors.TermOutOfRange);
        }
        if (!frequencyOk)
        {
            codes.Add(LoanErrors.FrequencyNotAllowed);
        }
        return Refused(() => act(), before, fund, [.. codes]);
    }

    // LOAN-05 (aggregate): every repayment posts its allocation to the ledger

    [Property(MaxTest = 60, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-05")]
    public bool Every_repayment_posts_its_principal_to_the_loan_and_its_jasa_to_income_in_the_ledger(RepaymentAmounts c)
    {
        var amounts = c.Amounts;
        var (group, ledger, fund) = new LoanFundBuilder().Build();
        var loan = fund.Lend(group, group.Ordinary[0], 500_000, May1);
        var income = ledger.Balances.ServiceChargeIncome;
        var date = May1;
        foreach (var amount in amounts)
        {
            date = date.PlusDays(5);
            var owed = fund.GetLoan(loan.Id).Account!.Outstanding;
            if (!owed.IsPositive)
            {
                break;
            }
            var allocation = fund.Repay(HostToday.Of(date), loan.Id, date, Rupiah.Min(owed, Rupiah.Of(amount)));
            income += allocation.ServiceCharge;
        }
        var account = fund.GetLoan(loan.Id).Account!;
        return ledger.OutstandingPrincipalOf(loan.Id) == account.OutstandingPrincipal
            && ledger.Balances.ServiceChargeIncome == income
            && ledger.CheckConservation();
    }

    // LOAN-06 and OFF-05

    [Property(MaxTest = 100, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-06")]
    public bool A_loan_disbursement_never_exceeds_the_loan_funds_available_cash(CapitalAndPrincipal c)
    {
        var (capital, principal) = c;
        var (group, ledger, fund) = new LoanFundBuilder().WithCapital(capital).Build();
        var loan = fund.ApplyFor(group.Ordinary[0], principal, May1);
        fund.ApproveAtMeeting(group, loan, May1);
        var available = fund.AvailableToLend;
        var before = Fingerprint(fund);
        if (principal > available.Amount)
        {
            return Refused(() => fund.Disburse(HostToday.Of(May1), loan.Id, May1), before, fund, LoanErrors.AboveAvailableFund);
        }
        fund.Disburse(HostToday.Of(May1), loan.Id, May1);
        return fund.AvailableToLend == available - Rupiah.Of(principal)
            && ledger.Balances.OutstandingPrincipal <= ledger.Balances.LoanFund
            && ledger.Cash >= Rupiah.Zero;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-06")]
    public bool A_loan_is_approved_only_by_a_loan_approval_of_its_own_group_taken_with_quorum_and_signed_by_an_officer(ApprovalCase a)
    {
        var (group, _, fund) = new LoanFundBuilder().Build();
        var loan = fund.ApplyFor(group.Ordinary[0], 300_000, May1);
        var approver = a.Approver switch { 0 => group.Ketua, 1 => group.Sekretaris, 2 => group.Bendahara, _ => group.Ordinary[1] };
        var quorum = a.Present * 2 > group.Members.Count;
        // A decision may claim a quorum its presence does not make under this group's profile (another profile's rule, or a forged record).
        var decision = new MeetingDecision(MeetingId.New(), a.OtherGroup ? GroupId.New() : group.Id, May1.PlusDays(a.DayShift),
            a.Approval ? DecisionKind.LoanApproval : DecisionKind.Other, a.OtherSubject ? LoanId.New().ToString() : loan.Id.ToString(),
            group.Members.Take(a.Present).ToList(), group.Members.Count, quorum || a.ClaimsQuorum, group.Profile.Id);
        var expected = new List<string>();
        if (!a.Approval) { expected.Add(LoanErrors.NotALoanApproval); }
        if (a.OtherGroup) { expected.Add(LoanErrors.DecisionOfOtherGroup); }
        if (a.OtherSubject) { expected.Add(LoanErrors.DecisionSubjectMismatch); }
        if (!quorum) { expected.Add(LoanErrors.NoQuorum); }
        if (a.DayShift < 0) { expected.Add(LoanErrors.DecisionBeforeApplication); }
        if (a.Approver == 3) { expected.Add(LoanErrors.ApproverNotOfficer); }
        var before = Fingerprint(fund);
        var ex = Record.Exception(() => fund.Approve(loan.Id, decision, approver));
        return expected.Count == 0
            ? ex is null && loan.State == LoanState.Approved && loan.Approval!.ApprovedBy == approver
            : ex is RuleViolationException rve && rve.Violations.Select(v => v.ErrorCode).Order().SequenceEqual(expected.Order())
                && rve.Violations.All(v => v.RuleId == RuleIds.Loan06) && Fingerprint(fund) == before;
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "OFF-05")]
    public bool The_bendahara_can_never_sign_the_approval_of_their_own_loan(BendaharaCase c)
    {
        var (b, s, segregate) = c;
        var profile = ProgramProfiles.KsmP2kp.Derive("KsmSegregation", 1, "test", May1, p => p with { Officers = p.Officers with { SegregateTreasurerLoans = segregate } });
        var (group, _, fund) = new LoanFundBuilder().WithProfile(profile).Build();
        var borrower = b switch { 0 => group.Ketua, 1 => group.Sekretaris, 2 => group.Bendahara, _ => group.Ordinary[0] };
        var signer = s switch { 0 => group.Ketua, 1 => group.Sekretaris, _ => group.Bendahara };
        var loan = fund.ApplyFor(borrower, 300_000, May1);
        var decision = LoanFundSteps.Approval(group, loan.Id, May1).Decision;
        var before = Fingerprint(fund);
        var refuse = segregate && borrower == group.Bendahara && signer == group.Bendahara;
        if (refuse)
        {
            var ex = Record.Exception(() => fund.Approve(loan.Id, decision, signer));
            return ex is RuleViolationException rve && rve.Violations.Single().RuleId == RuleIds.Off05
                && rve.Violation.ErrorCode == LoanErrors.BendaharaApprovesOwnLoan && Fingerprint(fund) == before;
        }
        fund.Approve(loan.Id, decision, signer);
        return loan.State == LoanState.Approved && fund.Disburse(HostToday.Of(May1), loan.Id, May1).State == LoanState.Disbursed;
    }

    // LOAN-07

    [Property(MaxTest = 120, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-07")]
    public bool A_member_or_group_with_arrears_never_gets_a_new_loan(ArrearsCase c)
    {
        var (paid, days) = c;
        var (group, _, fund) = new LoanFundBuilder().Build();
        var a = group.Ordinary[0];
        var loan = fund.Lend(group, a, 500_000, May1);
        fund.PayOnTime(loan, loan.Schedule!.Installments[Math.Max(0, paid - 1)].DueDate.PlusDays(paid == 0 ? -1 : 0));
        var asOf = May1.PlusDays(days);
        var inArrears = loan.Schedule.Installments.Any(i => i.Number > paid && i.DueDate < asOf);
        var before = Fingerprint(fund);
        var other = Record.Exception(() => fund.ApplyFor(group.Ordinary[1], 300_000, asOf));
        var own = Record.Exception(() => fund.ApplyFor(a, 300_000, asOf));
        var ownCodes = own is RuleViolationException o ? o.Violations.Select(v => v.ErrorCode).ToList() : [];
        return inArrears
            ? other is RuleViolationException rve && rve.Violations.Select(v => v.ErrorCode).SequenceEqual([LoanErrors.GroupInArrears])
                && ownCodes.Contains(LoanErrors.MemberInArrears) && Fingerprint(fund) == before
            : other is null && !ownCodes.Contains(LoanErrors.MemberInArrears) && !ownCodes.Contains(LoanErrors.GroupInArrears);
    }

    // LOAN-08

    private static (LoanTestGroup Group, SavingsLedger Ledger, LoanRevolving Fund, Loan Loan) Defaulted(int paid, int[] extra, int ownWithdrawal, int iks)
    {
        var (group, ledger, fund) = new LoanFundBuilder().SavingWeekly(13).WithCapital(500_000).WithIks(iks).Build();
        var defaulter = group.Ordinary[0];
        for (var i = 0; i < group.Members.Count; i++)
        {
            if (extra[i] > 0 && group.Members[i] != defaulter)
            {
                ledger.Deposit(HostToday.Of(May1), May1, group.Members[i], Rupiah.Of(extra[i]), "setoran");
            }
        }
        if (ownWithdrawal > 0)
        {
            ledger.Withdraw(HostToday.Of(May1), May1, defaulter, Rupiah.Of(ownWithdrawal), "penarikan");
        }
        var loan = fund.Lend(group, defaulter, 500_000, May1);
        fund.PayOnTime(loan, May1.PlusWeeks(paid));
        return (group, ledger, fund, loan);
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-08")]
    public bool Tanggung_renteng_covers_arrears_from_the_defaulters_savings_then_the_IKS_fund_then_the_other_members_pro_rata_never_beyond_a_balance(DefaultCase d)
    {
        var (group, ledger, fund, loan) = Defaulted(d.Paid, d.Extra, d.OwnWithdrawal, d.Iks);
        var date = May1.PlusWeeks(Math.Max(d.Paid, d.CoverWeek));
        var status = loan.StatusAsOf(date);
        var own = ledger.SavingsOf(loan.Borrower);
        var iks = ledger.Balances.Iks;
        var others = group.Members.Where(m => m != loan.Borrower).ToDictionary(m => m, ledger.SavingsOf);
        var entries = ledger.Count;
        var before = Fingerprint(fund);
        if (status.InstallmentsOverdue < group.Profile.Loans.RentengThresholdMissedInstallments)
        {
            return Refused(() => fund.CoverArrears(HostToday.Of(date), loan.Id, date), before, fund, LoanErrors.BelowRentengThreshold);
        }
        var cover = fund.CoverArrears(HostToday.Of(date), loan.Id, date);

        var expectedOwn = Rupiah.Min(status.Arrears, own);
        var expectedIks = Rupiah.Min(status.Arrears - expectedOwn, iks);
        var othersTotal = Rupiah.Sum(others.Values);
        var expectedOthers = Rupiah.Min(status.Arrears - expectedOwn - expectedIks, othersTotal);
        Rupiah StepOf(RentengSource source) => cover.Steps.Where(s => s.Source == source).Select(s => s.Amount).SingleOrDefault();
        var memberStep = cover.Steps.SingleOrDefault(s => s.Source == RentengSource.MemberSavings);
        var shares = memberStep?.Contributions.ToDictionary(c => c.Member!.Value, c => c.Amount) ?? [];
        var proRata = shares.All(kv => kv.Value <= others[kv.Key]
            && Math.Abs((decimal)kv.Value.Amount - ((decimal)expectedOthers.Amount * others[kv.Key].Amount / othersTotal.Amount)) < 1m);
        return cover.Steps.Select(s => s.Source).SequenceEqual(cover.Steps.Select(s => s.Source).Order())
            && StepOf(RentengSource.BorrowerSavings) == expectedOwn
            && StepOf(RentengSource.Iks) == expectedIks
            && StepOf(RentengSource.MemberSavings) == expectedOthers
            && Rupiah.Sum(shares.Values) == expectedOthers
            && proRata
            && cover.Covered + cover.Shortfall == status.Arrears
            && cover.Steps.All(s => s.Principal + s.ServiceCharge == s.Amount)
            && loan.StatusAsOf(date).Arrears == cover.Shortfall
            && ledger.Count == entries + cover.Steps.Count
            && ledger.SavingsOf(loan.Borrower) == own - expectedOwn
            && others.All(o => ledger.SavingsOf(o.Key) == o.Value - shares.GetValueOrDefault(o.Key))
            && ledger.CheckConservation();
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-08")]
    public bool A_recovery_repays_the_covering_members_before_the_IKS_fund_and_never_more_than_is_owed(RecoveryCase input)
    {
        var (d, paying) = input;
        var (group, ledger, fund, loan) = Defaulted(Math.Min(d.Paid, 5), d.Extra, d.OwnWithdrawal, d.Iks);
        var date = May1.PlusWeeks(Math.Min(d.Paid, 5) + 4);
        fund.CoverArrears(HostToday.Of(date), loan.Id, date);
        var owed = fund.RecoveryOwed(loan.Id);
        var claims = ledger.Balances.RentengClaimsOn(loan.Id).ToDictionary(c => c.Claimant, c => c.Claim);
        var membersOwed = Rupiah.Sum(claims.Where(c => !c.Key.IsIks).Select(c => c.Value));
        var amount = Rupiah.Of(paying);
        var before = Fingerprint(fund);
        if (owed == Rupiah.Zero)
        {
            return Refused(() => fund.Recover(HostToday.Of(date), loan.Id, date, amount), before, fund, LoanErrors.NothingToRecover);
        }
        if (amount > owed)
        {
            return Refused(() => fund.Recover(HostToday.Of(date), loan.Id, date, amount), before, fund, LoanErrors.RecoveryExceedsDebt);
        }
        var savingsBefore = group.Members.ToDictionary(m => m, ledger.SavingsOf);
        var iksBefore = ledger.Balances.Iks;
        var recovery = fund.Recover(HostToday.Of(date), loan.Id, date, amount);
        var toIks = recovery.Lines.Where(l => l.Claimant.IsIks).Select(l => l.Amount).SingleOrDefault();
        return Rupiah.Sum(recovery.Lines.Select(l => l.Amount)) == amount
            && recovery.StillOwed == owed - amount
            && fund.RecoveryOwed(loan.Id) == owed - amount
            && toIks == Rupiah.Max(Rupiah.Zero, amount - membersOwed)
            && recovery.Lines.All(l => l.Amount <= claims[l.Claimant])
            && (recovery.Lines.Count == 0 || !recovery.Lines.Take(recovery.Lines.Count - 1).Any(l => l.Claimant.IsIks))
            && recovery.Lines.Where(l => !l.Claimant.IsIks).All(l => ledger.SavingsOf(l.Claimant.Member!.Value) == savingsBefore[l.Claimant.Member!.Value] + l.Amount)
            && ledger.Balances.Iks == iksBefore + toIks
            && ledger.CheckConservation();
    }

    // LOAN-09

    [Property(MaxTest = 100, Arbitrary = [typeof(LoanRulesArbitraries)])]
    [Trait("Rule", "LOAN-09")]
    public bool Repaid_principal_returns_to_the_loan_fund_and_is_lent_again(RelendCase c)
    {
        var (paid, asked) = c;
        var (group, _, fund) = new LoanFundBuilder().WithCapital(500_000).Build();
        var a = fund.Lend(group, group.Ordinary[0], 500_000, May1);
        var date = paid == 0 ? May1 : a.Schedule!.Installments[paid - 1].DueDate;
        fund.PayOnTime(a, date);
        var repaid = a.Account!.PrincipalRepaid;
        if (fund.AvailableToLend != repaid)
        {
            return false;
        }
        var b = fund.ApplyFor(group.Ordinary[1], asked, date);
        fund.ApproveAtMeeting(group, b, date);
        var before = Fingerprint(fund);
        if (Rupiah.Of(asked) > repaid)
        {
            return Refused(() => fund.Disburse(HostToday.Of(date), b.Id, date), before, fund, LoanErrors.AboveAvailableFund);
        }
        fund.Disburse(HostToday.Of(date), b.Id, date);
        return b.State == LoanState.Disbursed && fund.AvailableToLend == repaid - Rupiah.Of(asked);
    }
}
