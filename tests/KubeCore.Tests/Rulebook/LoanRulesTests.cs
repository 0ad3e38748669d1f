using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;
using static KubeCore.Tests.Builders.LoanGenerators;

namespace KubeCore.Tests.RulebookProperties;

public class LoanRulesTests
{
    // ---------------------------------------------------------------- LOAN-03 term, frequency, due dates

    [Fact]
    [Trait("Rule", "LOAN-03")]
    public void A_term_is_accepted_exactly_when_it_lies_within_the_profile_minimum_and_maximum_inclusive() =>
        Rulebook.Verify(Prop.ForAll(
            Gen.Choose(-5, 40).ToArbitrary(),
            Gen.Choose(1, 12).ToArbitrary(),
            Gen.Choose(0, 24).ToArbitrary(),
            (term, min, span) =>
            {
                var parameters = Profile.Loans with { MinTermMonths = min, MaxTermMonths = min + span };
                var violation = LoanRules.CheckTerm(term, parameters);
                var within = term >= min && term <= min + span;
                return within ? violation is null : violation is { ErrorCode: LoanErrors.TermOutOfRange } && violation.RuleId == RuleIds.Loan03;
            }));

    [Fact]
    [Trait("Rule", "LOAN-03")]
    public void A_frequency_is_accepted_only_when_the_profile_allows_it() =>
        Rulebook.Verify(Prop.ForAll(
            Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly, InstallmentFrequency.Weekly | InstallmentFrequency.Monthly).ToArbitrary(),
            Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly, InstallmentFrequency.Weekly | InstallmentFrequency.Monthly).ToArbitrary(),
            (allowed, asked) =>
            {
                var violation = LoanRules.CheckFrequency(asked, Profile.Loans with { AllowedFrequencies = allowed });
                var ok = asked != (InstallmentFrequency.Weekly | InstallmentFrequency.Monthly) && allowed.HasFlag(asked);
                return ok ? violation is null : violation?.ErrorCode == LoanErrors.FrequencyNotAllowed;
            }));

    [Fact]
    [Trait("Rule", "LOAN-03")]
    public void Every_due_date_is_computed_from_the_disbursement_date_and_the_first_falls_one_period_after_it() =>
        Rulebook.Verify(Prop.ForAll(Schedule.ToArbitrary(), schedule =>
        {
            var start = schedule.DisbursedOn;
            var weekly = schedule.Terms.Frequency == InstallmentFrequency.Weekly;
            var expectedCount = weekly ? schedule.Terms.TermMonths * RepaymentSchedule.WeeksPerMonth : schedule.Terms.TermMonths;
            var firstIsOnePeriodLater = schedule.Installments[0].DueDate == (weekly ? start.PlusWeeks(1) : start.PlusMonths(1));
            var anchored = schedule.Installments.All(i => i.DueDate == (weekly ? start.PlusWeeks(i.Number) : start.PlusMonths(i.Number)));
            var increasing = schedule.Installments.Zip(schedule.Installments.Skip(1)).All(p => p.First.DueDate < p.Second.DueDate);
            return schedule.Count == expectedCount && firstIsOnePeriodLater && anchored && increasing
                && schedule.Installments.Select(i => i.Number).SequenceEqual(Enumerable.Range(1, schedule.Count));
        }));

    // ---------------------------------------------------------------- LOAN-04 flat service charge

    [Fact]
    [Trait("Rule", "LOAN-04")]
    public void The_installments_of_a_schedule_always_add_up_to_principal_plus_total_jasa() =>
        Rulebook.Verify(Prop.ForAll(Schedule.ToArbitrary(), schedule =>
            Rupiah.Sum(schedule.Installments.Select(i => i.Principal)) == schedule.Terms.Principal
            && Rupiah.Sum(schedule.Installments.Select(i => i.ServiceCharge)) == schedule.TotalServiceCharge
            && Rupiah.Sum(schedule.Installments.Select(i => i.Amount)) == schedule.Terms.Principal + schedule.TotalServiceCharge
            && schedule.Total == schedule.Terms.Principal + schedule.TotalServiceCharge));

    [Fact]
    [Trait("Rule", "LOAN-04")]
    public void Only_the_last_installment_carries_a_rounding_remainder() =>
        Rulebook.Verify(Prop.ForAll(Schedule.ToArbitrary(), schedule =>
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
        }));

    [Fact]
    [Trait("Rule", "LOAN-04")]
    public void The_total_jasa_is_the_monthly_rate_of_the_original_principal_times_the_months_whatever_the_frequency() =>
        Rulebook.Verify(Prop.ForAll(Terms.ToArbitrary(), DisbursementDate.ToArbitrary(), (terms, start) =>
        {
            var schedule = RepaymentSchedule.Compute(terms, start);
            var other = LoanTerms.Of(terms.Principal, terms.TermMonths,
                terms.Frequency == InstallmentFrequency.Weekly ? InstallmentFrequency.Monthly : InstallmentFrequency.Weekly, terms.MonthlyServiceCharge);
            var exact = (decimal)terms.Principal.Amount * terms.MonthlyServiceCharge.BasisPoints * terms.TermMonths / 10_000m;
            return schedule.TotalServiceCharge.Amount == decimal.Truncate(exact)
                && RepaymentSchedule.Compute(other, start).TotalServiceCharge == schedule.TotalServiceCharge;
        }));

    // ---------------------------------------------------------------- LOAN-05 allocation

    private static Gen<(LoanAccount Account, LocalDate Date, Rupiah Amount)> NextPayment =>
        from account in Account.Where(a => !a.IsRepaid)
        let earliest = account.LastPaymentDate ?? account.Schedule.DisbursedOn
        from offset in Gen.Choose(0, Period.DaysBetween(earliest, account.Schedule.MaturityDate) + 100)
        from amount in Gen.Choose(1, (int)Math.Min(int.MaxValue, account.Outstanding.Amount))
        select (account, earliest.PlusDays(offset), Rupiah.Of(amount));

    [Fact]
    [Trait("Rule", "LOAN-05")]
    public void A_payment_never_reaches_principal_while_jasa_is_due() =>
        Rulebook.Verify(Prop.ForAll(NextPayment.ToArbitrary(), t =>
        {
            var (account, date, amount) = t;
            var after = account.Record(date, amount);
            var allocation = after.Payments[^1].Allocation;
            var dueCount = account.Schedule.CountDueOnOrBefore(date);
            var jasaDue = Rupiah.Sum(account.Schedule.Installments.Take(dueCount).Select(i => i.ServiceCharge));
            return allocation.Principal == Rupiah.Zero || after.ServiceChargePaid >= jasaDue;
        }));

    [Fact]
    [Trait("Rule", "LOAN-05")]
    public void Overdue_principal_is_paid_before_current_principal_and_both_before_any_prepayment() =>
        Rulebook.Verify(Prop.ForAll(NextPayment.ToArbitrary(), t =>
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
        }));

    [Fact]
    [Trait("Rule", "LOAN-05")]
    public void A_payment_above_what_the_loan_owes_is_refused_and_changes_nothing() =>
        Rulebook.Verify(Prop.ForAll(Account.ToArbitrary(), Gen.Choose(1, 1_000_000).ToArbitrary(), (account, extra) =>
        {
            var date = account.LastPaymentDate ?? account.Schedule.DisbursedOn;
            var before = account.Payments.Count;
            var ex = Record.Exception(() => account.Record(date, account.Outstanding + Rupiah.Of(extra)));
            return ex is RuleViolationException rve
                && rve.Violation.RuleId == RuleIds.Loan05
                && rve.Violation.ErrorCode is LoanErrors.Overpayment or LoanErrors.LoanAlreadyRepaid
                && account.Payments.Count == before;
        }));

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

    // LOAN-01

    private static Gen<(int Start, int Weeks, int Unsigned, int AsOfDays)> LendingHistory =>
        from start in Gen.Choose(0, 90)
        from weeks in Gen.Choose(0, 20)
        from unsigned in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        from asOf in Gen.Choose(0, 200)
        select (start, weeks, unsigned, asOf);

    [Fact]
    [Trait("Rule", "LOAN-01")]
    public void A_group_lends_only_after_the_required_consecutive_months_of_savings_and_every_members_signed_statement() =>
        Rulebook.Verify(Prop.ForAll(LendingHistory.ToArbitrary(), h =>
        {
            var start = new LocalDate(2017, 1, 2).PlusDays(h.Start);
            var (group, _, fund) = new LoanFundBuilder().StartingOn(start).SavingWeekly(h.Weeks).WithoutStatements().Build();
            foreach (var member in group.Members.Skip(h.Unsigned))
            {
                fund.SignJointLiabilityStatement(member, start);
            }
            var asOf = start.PlusDays(h.AsOfDays);

            // Oracle: the calendar months before the as-of month holding a deposit, and their longest run.
            var asOfMonth = (asOf.Year * 12) + asOf.Month;
            var months = Enumerable.Range(0, h.Weeks).Select(w => start.PlusWeeks(w)).Where(d => d <= asOf)
                .Select(d => (d.Year * 12) + d.Month).Where(m => m < asOfMonth).Distinct().Order().ToList();
            var longest = months.Count == 0 ? 0 : months.Select((m, i) => months.Skip(i).TakeWhile((x, k) => x == m + k).Count()).Max();
            var expected = longest >= group.Profile.Loans.MinSavingsMonthsBeforeLending && h.Unsigned == 0;

            var before = Fingerprint(fund);
            var application = new LoanApplication(group.Ordinary[0], Rupiah.Of(400_000), 3, InstallmentFrequency.Weekly, "modal usaha", asOf);
            var applied = Record.Exception(() => fund.Apply(application));
            return fund.ConsecutiveSavingsMonths(asOf) == longest
                && fund.MayLend(asOf).IsApproved == expected
                && (expected
                    ? applied is null
                    : applied is RuleViolationException rve && rve.Violations.All(v => v.RuleId == RuleIds.Loan01) && Fingerprint(fund) == before);
        }), maxTest: 150);

    [Fact]
    [Trait("Rule", "LOAN-01")]
    public void Only_current_members_sign_the_statement_and_borrow_and_a_new_member_must_sign_before_the_group_lends_again() =>
        Rulebook.Verify(Prop.ForAll(Gen.Choose(0, 40).ToArbitrary(), days =>
        {
            var (group, _, fund) = new LoanFundBuilder().Build();
            var outsider = PersonId.New();
            var asOf = May1.PlusDays(days);
            var before = Fingerprint(fund);
            var signRefused = Refused(() => fund.SignJointLiabilityStatement(outsider, asOf), before, fund, LoanErrors.SignatoryNotMember);
            var twiceRefused = Refused(() => fund.SignJointLiabilityStatement(group.Members[0], asOf), before, fund, LoanErrors.StatementAlreadySigned);
            var outsiderRefused = Refused(() => fund.ApplyFor(outsider, 100_000, asOf), before, fund, LoanErrors.BorrowerNotMember);
            var newcomer = group.Join();
            var blocked = !fund.MayLend(asOf).IsApproved;
            fund.SignJointLiabilityStatement(newcomer, asOf);
            return signRefused && twiceRefused && outsiderRefused && blocked && fund.MayLend(asOf).IsApproved;
        }), maxTest: 30);

    // LOAN-02

    [Fact]
    [Trait("Rule", "LOAN-02")]
    public void A_first_loan_never_exceeds_the_first_ceiling_and_a_repeat_loan_never_exceeds_the_repeat_ceiling() =>
        Rulebook.Verify(Prop.ForAll(
            Gen.Frequency((2, Gen.Choose(1, 700_000)), (1, Gen.Elements(499_999, 500_000, 500_001))).ToArbitrary(),
            Gen.Frequency((2, Gen.Choose(1, 2_500_000)), (1, Gen.Elements(1_999_999, 2_000_000, 2_000_001))).ToArbitrary(),
            (first, repeat) =>
            {
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
            }), maxTest: 100);

    [Fact]
    [Trait("Rule", "LOAN-02")]
    public void After_four_loans_or_a_loan_of_the_referral_principal_a_member_is_referred_to_a_bank_and_lent_no_more() =>
        Rulebook.Verify(Prop.ForAll(
            Gen.Choose(1, 5).SelectMany(n => Gen.Frequency((4, Gen.Choose(100_000, 500_000)), (1, Gen.Constant(2_000_000))).ListOf(n)).ToArbitrary(),
            principals =>
            {
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
            }), maxTest: 60);

    [Fact]
    [Trait("Rule", "LOAN-02")]
    public void A_member_holds_one_open_application_or_loan_at_a_time() =>
        Rulebook.Verify(Prop.ForAll(Gen.Choose(0, 2).ToArbitrary(), stage =>
        {
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
        }), maxTest: 10);

    // LOAN-03 (application level)

    [Fact]
    [Trait("Rule", "LOAN-03")]
    public void An_application_outside_the_profiles_term_or_frequency_is_refused_and_changes_nothing() =>
        Rulebook.Verify(Prop.ForAll(Gen.Choose(0, 30).ToArbitrary(), Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly).ToArbitrary(), (term, frequency) =>
        {
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
        }), maxTest: 60);

    // LOAN-05 (aggregate): every repayment posts its allocation to the ledger

    [Fact]
    [Trait("Rule", "LOAN-05")]
    public void Every_repayment_posts_its_principal_to_the_loan_and_its_jasa_to_income_in_the_ledger() =>
        Rulebook.Verify(Prop.ForAll(Gen.Choose(1, 12).SelectMany(n => Gen.Choose(1, 60_000).ListOf(n)).ToArbitrary(), amounts =>
        {
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
        }), maxTest: 60);

    // LOAN-06 and OFF-05

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void A_loan_disbursement_never_exceeds_the_loan_funds_available_cash() =>
        Rulebook.Verify(Prop.ForAll(Gen.Choose(0, 800_000).ToArbitrary(), Gen.Choose(1, 500_000).ToArbitrary(), (capital, principal) =>
        {
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
        }), maxTest: 100);

    private static Gen<(int Present, bool Approval, bool OtherGroup, bool OtherSubject, int DayShift, int Approver, bool ClaimsQuorum)> Approvals =>
        from present in Gen.Choose(0, 10)
        from claimsQuorum in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from approval in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from otherGroup in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from otherSubject in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from shift in Gen.Choose(-2, 3)
        from approver in Gen.Choose(0, 3)
        select (present, approval, otherGroup, otherSubject, shift, approver, claimsQuorum);

    [Fact]
    [Trait("Rule", "LOAN-06")]
    public void A_loan_is_approved_only_by_a_loan_approval_of_its_own_group_taken_with_quorum_and_signed_by_an_officer() =>
        Rulebook.Verify(Prop.ForAll(Approvals.ToArbitrary(), a =>
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
        }), maxTest: 200);

    [Fact]
    [Trait("Rule", "OFF-05")]
    public void The_bendahara_can_never_sign_the_approval_of_their_own_loan() =>
        Rulebook.Verify(Prop.ForAll(Gen.Choose(0, 3).ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (b, s, segregate) =>
        {
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
        }), maxTest: 60);

    // LOAN-07

    [Fact]
    [Trait("Rule", "LOAN-07")]
    public void A_member_or_group_with_arrears_never_gets_a_new_loan() =>
        Rulebook.Verify(Prop.ForAll(Gen.Choose(0, 12).ToArbitrary(), Gen.Choose(0, 120).ToArbitrary(), (paid, days) =>
        {
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
        }), maxTest: 120);

    // LOAN-08

    private static Gen<(int Paid, int CoverWeek, int[] Extra, int OwnWithdrawal, int Iks)> Defaults =>
        from paid in Gen.Choose(0, 8)
        from coverWeek in Gen.Choose(1, 16)
        from extra in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 120_000))).ArrayOf(10)
        from withdrawal in Gen.Frequency((1, Gen.Constant(65_000)), (2, Gen.Choose(0, 65_000)))
        from iks in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 150_000)))
        select (paid, coverWeek, extra, withdrawal, iks);

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

    [Fact]
    [Trait("Rule", "LOAN-08")]
    public void Tanggung_renteng_covers_arrears_from_the_defaulters_savings_then_the_IKS_fund_then_the_other_members_pro_rata_never_beyond_a_balance() =>
        Rulebook.Verify(Prop.ForAll(Defaults.ToArbitrary(), d =>
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
        }), maxTest: 150);

    [Fact]
    [Trait("Rule", "LOAN-08")]
    public void A_recovery_repays_the_covering_members_before_the_IKS_fund_and_never_more_than_is_owed() =>
        Rulebook.Verify(Prop.ForAll(Defaults.ToArbitrary(), Gen.Choose(1, 600_000).ToArbitrary(), (d, paying) =>
        {
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
        }), maxTest: 100);

    // LOAN-09

    [Fact]
    [Trait("Rule", "LOAN-09")]
    public void Repaid_principal_returns_to_the_loan_fund_and_is_lent_again() =>
        Rulebook.Verify(Prop.ForAll(Gen.Choose(0, 12).ToArbitrary(), Gen.Choose(1, 500_000).ToArbitrary(), (paid, asked) =>
        {
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
        }), maxTest: 100);
}
