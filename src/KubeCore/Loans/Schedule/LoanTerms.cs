using KubeCore.Common;

namespace KubeCore.Loans;

/// <summary>
/// The financial terms of one loan: principal, term, installment frequency and flat monthly service
/// charge (jasa). Pure data: the term and frequency are checked against a profile by LOAN-03
/// (<see cref="LoanRules.CheckTerm"/>), not here, so a calculator can price any term (e.g. the
/// 24-month Asahan loan).
/// </summary>
public readonly record struct LoanTerms
{
    /// <summary>The largest term accepted by the calculator, in months (50 years): a guard against nonsense input, not a rule.</summary>
    public const int MaxCalculableTermMonths = 600;

    private LoanTerms(Rupiah principal, int termMonths, InstallmentFrequency frequency, Rate monthlyServiceCharge)
    {
        Principal = principal;
        TermMonths = termMonths;
        Frequency = frequency;
        MonthlyServiceCharge = monthlyServiceCharge;
    }

    /// <summary>The principal (pokok) disbursed, in whole rupiah; positive.</summary>
    public Rupiah Principal { get; }

    /// <summary>The term in whole months, 1..<see cref="MaxCalculableTermMonths"/>.</summary>
    public int TermMonths { get; }

    /// <summary>How often an installment falls due: exactly one of <see cref="InstallmentFrequency.Weekly"/> or <see cref="InstallmentFrequency.Monthly"/>.</summary>
    public InstallmentFrequency Frequency { get; }

    /// <summary>The flat service charge (jasa) per month on the original principal (LOAN-04).</summary>
    public Rate MonthlyServiceCharge { get; }

    /// <summary>
    /// The number of installments: <see cref="TermMonths"/> for monthly loans and
    /// <see cref="RepaymentSchedule.WeeksPerMonth"/> × <see cref="TermMonths"/> for weekly loans.
    /// </summary>
    public int InstallmentCount => RepaymentSchedule.InstallmentCountFor(TermMonths, Frequency);

    /// <summary>Creates loan terms.</summary>
    /// <param name="principal">The principal; must be positive.</param>
    /// <param name="termMonths">The term in months, 1..<see cref="MaxCalculableTermMonths"/>.</param>
    /// <param name="frequency">Exactly one frequency (not a combination of flags).</param>
    /// <param name="monthlyServiceCharge">The flat monthly service charge; any rate (zero means an interest-free loan).</param>
    /// <exception cref="ArgumentOutOfRangeException">The principal is not positive or the term is out of range.</exception>
    /// <exception cref="ArgumentException">The frequency is not exactly one defined value.</exception>
    public static LoanTerms Of(Rupiah principal, int termMonths, InstallmentFrequency frequency, Rate monthlyServiceCharge)
    {
        if (!principal.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(principal), principal, "A loan principal must be positive.");
        }
        Preconditions.CheckArgumentRange(termMonths, 1, MaxCalculableTermMonths);
        Preconditions.CheckArgument(frequency is InstallmentFrequency.Weekly or InstallmentFrequency.Monthly, nameof(frequency), "A loan is repaid either weekly or monthly.");
        return new LoanTerms(principal, termMonths, frequency, monthlyServiceCharge);
    }

    /// <summary>A short account: <c>Rp 500.000, 3 months, Weekly, 1,5 %/month</c>.</summary>
    public override string ToString() => $"{Principal}, {TermMonths} months, {Frequency}, {MonthlyServiceCharge}/month";
}
