using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Loans;
using NodaTime;
using static KubeCore.Tests.Builders.LoanGenerators;

namespace KubeCore.Tests.RulebookProperties;

/// <summary>
/// The generated inputs of <see cref="LoanRulesTests"/>: one small record per property input (nested here so their
/// names stay local to the loan rulebook), each registered once, so no primitive type's generator is replaced.
/// </summary>
public static class LoanRulesArbitraries
{
    private static readonly Gen<InstallmentFrequency> AnyFrequencySet =
        Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly, InstallmentFrequency.Weekly | InstallmentFrequency.Monthly);

    /// <summary>A term asked for and the profile's range [Min, Min + Span].</summary>
    public sealed record TermRange(int Term, int Min, int Span);

    /// <summary>The frequencies a profile allows and the one asked for.</summary>
    public sealed record FrequencyRequest(InstallmentFrequency Allowed, InstallmentFrequency Asked);

    /// <summary>Loan terms and a disbursement date.</summary>
    public sealed record TermsFrom(LoanTerms Terms, LocalDate Start);

    /// <summary>An open account and a next payment on it: dated on or after its last payment, at most what it owes.</summary>
    public sealed record NextPayment(LoanAccount Account, LocalDate Date, Rupiah Amount);

    /// <summary>An account and how much more than its outstanding balance is offered.</summary>
    public sealed record Overpayment(LoanAccount Account, int Extra);

    /// <summary>The principals asked for a first and a repeat loan, often at a ceiling's edge.</summary>
    public sealed record CeilingRequest(int First, int Repeat);

    /// <summary>The principals a member asks for, loan after loan.</summary>
    public sealed record PrincipalSequence(IReadOnlyList<int> Principals)
    {
        public override string ToString() => $"PrincipalSequence [{string.Join(", ", Principals)}]";
    }

    /// <summary>How far a first application got: 0 applied, 1 approved, 2 disbursed.</summary>
    public sealed record OpenStage(int Stage);

    /// <summary>The term and frequency of an application.</summary>
    public sealed record ApplicationTerms(int Term, InstallmentFrequency Frequency);

    /// <summary>Successive repayment amounts.</summary>
    public sealed record RepaymentAmounts(IReadOnlyList<int> Amounts)
    {
        public override string ToString() => $"RepaymentAmounts [{string.Join(", ", Amounts)}]";
    }

    /// <summary>The loan fund's capital and the principal to disburse.</summary>
    public sealed record CapitalAndPrincipal(int Capital, int Principal);

    /// <summary>A meeting decision offered as a loan approval, right or wrong in each of its facts.</summary>
    public sealed record ApprovalCase(int Present, bool Approval, bool OtherGroup, bool OtherSubject, int DayShift, int Approver, bool ClaimsQuorum);

    /// <summary>Who borrows (0 ketua, 1 sekretaris, 2 bendahara, 3 ordinary), who signs (0..2) and whether the profile segregates.</summary>
    public sealed record BendaharaCase(int Borrower, int Signer, bool Segregate);

    /// <summary>Installments paid on time and the day of the new applications.</summary>
    public sealed record ArrearsCase(int Paid, int Days);

    /// <summary>A defaulted loan: installments paid, the week cover is asked, other members' extra savings, the defaulter's withdrawal, the IKS fund.</summary>
    public sealed record DefaultCase(int Paid, int CoverWeek, int[] Extra, int OwnWithdrawal, int Iks)
    {
        public override string ToString() =>
            $"DefaultCase {{ Paid = {Paid}, CoverWeek = {CoverWeek}, Extra = [{string.Join(", ", Extra)}], OwnWithdrawal = {OwnWithdrawal}, Iks = {Iks} }}";
    }

    /// <summary>A covered default and what the defaulter pays back.</summary>
    public sealed record RecoveryCase(DefaultCase Default, int Paying);

    /// <summary>Installments repaid on the first loan and the principal a second member asks for.</summary>
    public sealed record RelendCase(int Paid, int Asked);

    private static Gen<DefaultCase> Defaults =>
        from paid in Gen.Choose(0, 8)
        from coverWeek in Gen.Choose(1, 16)
        from extra in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 120_000))).ArrayOf(10)
        from withdrawal in Gen.Frequency((1, Gen.Constant(65_000)), (2, Gen.Choose(0, 65_000)))
        from iks in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 150_000)))
        select new DefaultCase(paid, coverWeek, extra, withdrawal, iks);

    public static Arbitrary<TermRange> TermRanges() =>
        (from term in Gen.Choose(-5, 40)
         from min in Gen.Choose(1, 12)
         from span in Gen.Choose(0, 24)
         select new TermRange(term, min, span)).ToArbitrary();

    public static Arbitrary<FrequencyRequest> FrequencyRequests() =>
        (from allowed in AnyFrequencySet
         from asked in AnyFrequencySet
         select new FrequencyRequest(allowed, asked)).ToArbitrary();

    public static Arbitrary<RepaymentSchedule> Schedules() => Schedule.ToArbitrary();

    public static Arbitrary<TermsFrom> TermsAndStarts() =>
        (from terms in Terms
         from start in DisbursementDate
         select new TermsFrom(terms, start)).ToArbitrary();

    public static Arbitrary<NextPayment> NextPayments() =>
        (from account in Account.Where(a => !a.IsRepaid)
         let earliest = account.LastPaymentDate ?? account.Schedule.DisbursedOn
         from offset in Gen.Choose(0, Period.DaysBetween(earliest, account.Schedule.MaturityDate) + 100)
         from amount in Gen.Choose(1, (int)Math.Min(int.MaxValue, account.Outstanding.Amount))
         select new NextPayment(account, earliest.PlusDays(offset), Rupiah.Of(amount))).ToArbitrary();

    public static Arbitrary<Overpayment> Overpayments() =>
        (from account in Account
         from extra in Gen.Choose(1, 1_000_000)
         select new Overpayment(account, extra)).ToArbitrary();

    public static Arbitrary<CeilingRequest> CeilingRequests() =>
        (from first in Gen.Frequency((2, Gen.Choose(1, 700_000)), (1, Gen.Elements(499_999, 500_000, 500_001)))
         from repeat in Gen.Frequency((2, Gen.Choose(1, 2_500_000)), (1, Gen.Elements(1_999_999, 2_000_000, 2_000_001)))
         select new CeilingRequest(first, repeat)).ToArbitrary();

    public static Arbitrary<PrincipalSequence> PrincipalSequences() =>
        Gen.Choose(1, 5).SelectMany(n => Gen.Frequency((4, Gen.Choose(100_000, 500_000)), (1, Gen.Constant(2_000_000))).ListOf(n))
            .Select(l => new PrincipalSequence(l.ToList())).ToArbitrary();

    public static Arbitrary<OpenStage> OpenStages() => Gen.Choose(0, 2).Select(s => new OpenStage(s)).ToArbitrary();

    public static Arbitrary<ApplicationTerms> ApplicationTermsOf() =>
        (from term in Gen.Choose(0, 30)
         from frequency in Gen.Elements(InstallmentFrequency.Weekly, InstallmentFrequency.Monthly)
         select new ApplicationTerms(term, frequency)).ToArbitrary();

    public static Arbitrary<RepaymentAmounts> RepaymentAmountsOf() =>
        Gen.Choose(1, 12).SelectMany(n => Gen.Choose(1, 60_000).ListOf(n)).Select(l => new RepaymentAmounts(l.ToList())).ToArbitrary();

    public static Arbitrary<CapitalAndPrincipal> CapitalsAndPrincipals() =>
        (from capital in Gen.Choose(0, 800_000)
         from principal in Gen.Choose(1, 500_000)
         select new CapitalAndPrincipal(capital, principal)).ToArbitrary();

    public static Arbitrary<ApprovalCase> Approvals() =>
        (from present in Gen.Choose(0, 10)
         from claimsQuorum in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
         from approval in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
         from otherGroup in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
         from otherSubject in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
         from shift in Gen.Choose(-2, 3)
         from approver in Gen.Choose(0, 3)
         select new ApprovalCase(present, approval, otherGroup, otherSubject, shift, approver, claimsQuorum)).ToArbitrary();

    public static Arbitrary<BendaharaCase> BendaharaCases() =>
        (from borrower in Gen.Choose(0, 3)
         from signer in Gen.Choose(0, 2)
         from segregate in Gen.Elements(true, false)
         select new BendaharaCase(borrower, signer, segregate)).ToArbitrary();

    public static Arbitrary<ArrearsCase> ArrearsCases() =>
        (from paid in Gen.Choose(0, 12)
         from days in Gen.Choose(0, 120)
         select new ArrearsCase(paid, days)).ToArbitrary();

    public static Arbitrary<DefaultCase> DefaultCases() => Defaults.ToArbitrary();

    public static Arbitrary<RecoveryCase> RecoveryCases() =>
        (from d in Defaults
         from paying in Gen.Choose(1, 600_000)
         select new RecoveryCase(d, paying)).ToArbitrary();

    public static Arbitrary<RelendCase> RelendCases() =>
        (from paid in Gen.Choose(0, 12)
         from asked in Gen.Choose(1, 500_000)
         select new RelendCase(paid, asked)).ToArbitrary();
}
