using System.Collections.Immutable;
using System.Runtime.InteropServices;
using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>
/// The repayment schedule of a loan under the flat service charge of LOAN-04, with no grace period
/// (LOAN-03): installment = principal / n + jasa, every installment equal but the last, which carries
/// the rounding remainders.
/// </summary>
/// <remarks>
/// <para><b>Service charge.</b> The total jasa is the monthly rate × the original principal × the term in
/// months, computed exactly and truncated toward zero once (<see cref="Rate.Of(Rupiah, long)"/>); the
/// fraction of a rupiah truncated is never charged. It does not depend on the frequency: a weekly loan
/// of 3 months costs the same jasa as a monthly loan of 3 months.</para>
/// <para><b>Weekly convention</b> (the sources are silent): a month is <see cref="WeeksPerMonth"/> weeks,
/// so a weekly loan of <c>m</c> months has <c>4 × m</c> installments, due every 7 days. A 3-month first
/// loan is repaid in 12 weekly installments, as in KSM practice; a 12-month weekly loan ends after 48 weeks.</para>
/// <para><b>Rounding.</b> Principal and jasa are each split with <see cref="Rupiah.Split"/>: every
/// installment carries the truncated quotient and the last installment carries both remainders, so the
/// installments add up exactly to principal + total jasa. Example (the Asahan check): Rp 5.000.000 over 24
/// months at 1,5 % gives 23 installments of Rp 208.333 + Rp 75.000 = Rp 283.333 and a last one of
/// Rp 208.341 + Rp 75.000 = Rp 283.341; total Rp 6.800.000.</para>
/// <para><b>Due dates</b> are computed from the disbursement date (the anchor), never chained:
/// installment <c>k</c> is due on <c>disbursedOn.PlusMonths(k)</c> (monthly; the day is clamped to the
/// month's length, so a loan disbursed on 31 January is due 28/29 February, then 31 March) or
/// <c>disbursedOn.PlusWeeks(k)</c> (weekly). The first installment falls one period after disbursement
/// (no grace period).</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class RepaymentSchedule
{
    /// <summary>The rule this schedule computes: flat jasa on the original principal, the remainder on the last installment.</summary>
    public static RuleId Rule => RuleIds.Loan04;

    /// <summary>Weeks counted in one month of term for weekly loans: 4.</summary>
    public const int WeeksPerMonth = 4;

    private readonly ScheduleShape _shape;

    private RepaymentSchedule(LoanTerms terms, LocalDate disbursedOn, ScheduleShape shape, Installment[] installments)
    {
        Terms = terms;
        DisbursedOn = disbursedOn;
        _shape = shape;
        Installments = ImmutableCollectionsMarshal.AsImmutableArray(installments);
    }

    /// <summary>The loan terms priced.</summary>
    public LoanTerms Terms { get; }

    /// <summary>The disbursement date, the anchor of every due date.</summary>
    public LocalDate DisbursedOn { get; }

    /// <summary>The installments, in due-date order, numbered from 1.</summary>
    public ImmutableArray<Installment> Installments { get; }

    /// <summary>The number of installments.</summary>
    public int Count => _shape.Count;

    /// <summary>The principal.</summary>
    public Rupiah Principal => Rupiah.Of(_shape.Principal);

    /// <summary>The total service charge (jasa) over the term.</summary>
    public Rupiah TotalServiceCharge => Rupiah.Of(_shape.TotalServiceCharge);

    /// <summary>Principal plus total service charge: what the borrower repays in all.</summary>
    public Rupiah Total => Rupiah.Of(_shape.Total);

    /// <summary>The amount of every installment but the last.</summary>
    public Rupiah RegularInstallment => Installments[0].Amount;

    /// <summary>The amount of the last installment (regular amount plus the rounding remainders).</summary>
    public Rupiah LastInstallment => Installments[^1].Amount;

    /// <summary>The due date of the last installment.</summary>
    public LocalDate MaturityDate => Installments[^1].DueDate;

    internal ScheduleShape Shape => _shape;

    /// <summary>
    /// The number of installments of a term: <paramref name="termMonths"/> when monthly,
    /// <see cref="WeeksPerMonth"/> × <paramref name="termMonths"/> when weekly.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The term is outside 1..<see cref="LoanTerms.MaxCalculableTermMonths"/>.</exception>
    /// <exception cref="ArgumentException">The frequency is not exactly one defined value.</exception>
    public static int InstallmentCountFor(int termMonths, InstallmentFrequency frequency)
    {
        Preconditions.CheckArgumentRange(termMonths, 1, LoanTerms.MaxCalculableTermMonths);
        return frequency switch
        {
            InstallmentFrequency.Monthly => termMonths,
            InstallmentFrequency.Weekly => termMonths * WeeksPerMonth,
            _ => throw new ArgumentException("A loan is repaid either weekly or monthly.", nameof(frequency)),
        };
    }

    /// <summary>Computes the schedule of a loan disbursed on <paramref name="disbursedOn"/>.</summary>
    /// <param name="terms">The terms (any term length: the LOAN-03 term check is separate).</param>
    /// <param name="disbursedOn">The disbursement date, in the ISO calendar.</param>
    /// <exception cref="ArgumentException"><paramref name="terms"/> is the default value, or the date is not ISO.</exception>
    public static RepaymentSchedule Compute(LoanTerms terms, LocalDate disbursedOn)
    {
        var shape = new ScheduleShape(terms, disbursedOn);
        var installments = new Installment[shape.Count];
        var principal = Rupiah.Of(shape.RegularPrincipal);
        var charge = Rupiah.Of(shape.RegularServiceCharge);
        var last = shape.Count - 1;
        for (var i = 0; i < last; i++)
        {
            installments[i] = new Installment(i + 1, shape.DueDate(i + 1), principal, charge);
        }
        installments[last] = new Installment(shape.Count, shape.DueDate(shape.Count), Rupiah.Of(shape.PrincipalOf(shape.Count)), Rupiah.Of(shape.ServiceChargeOf(shape.Count)));
        return new RepaymentSchedule(terms, disbursedOn, shape, installments);
    }

    /// <summary>Computes a schedule from its parts; see <see cref="Compute(LoanTerms, LocalDate)"/>.</summary>
    /// <exception cref="ArgumentException">An argument is invalid (see <see cref="LoanTerms.Of"/>).</exception>
    public static RepaymentSchedule Compute(Rupiah principal, int termMonths, InstallmentFrequency frequency, Rate monthlyServiceCharge, LocalDate disbursedOn) =>
        Compute(LoanTerms.Of(principal, termMonths, frequency, monthlyServiceCharge), disbursedOn);

    /// <summary>The installments due on or before <paramref name="date"/>.</summary>
    public int CountDueOnOrBefore(LocalDate date) => _shape.DueOnOrBefore(date);

    /// <summary>A one-line account: terms, count and amounts.</summary>
    public override string ToString() =>
        $"{Terms}: {Count} × {RegularInstallment} (last {LastInstallment}), total {Total}, from {DisbursedOn:uuuu-MM-dd} to {MaturityDate:uuuu-MM-dd}";
}
