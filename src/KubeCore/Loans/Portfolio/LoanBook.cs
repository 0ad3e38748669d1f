using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>A payment as recorded on a loan: its date and amount.</summary>
/// <param name="Date">The payment date.</param>
/// <param name="Amount">The amount; positive.</param>
public readonly record struct Payment(LocalDate Date, Rupiah Amount);

/// <summary>
/// A compact, immutable book of many loans (columnar arrays of structs), for portfolio indicators as of
/// any date (PORT-01, PORT-02) in a single pass without allocating per loan.
/// </summary>
/// <remarks>
/// <para>Each loan keeps its schedule arithmetic and, per payment, the date and the cumulative jasa and
/// principal paid after it (the LOAN-05 allocation, computed when the payment was added). The position
/// of a loan as of a date therefore depends only on the payments dated on or before that date (found by
/// binary search): a payment dated later never changes an as-of figure, and the same book evaluated as
/// of the same date always gives an equal report (PORT-02).</para>
/// <para>A book holds a snapshot: build it from the accounts (or raw payment records) as they stand, and
/// evaluate it as of any date. Memory: about 48 bytes per loan and 20 bytes per payment.</para>
/// </remarks>
public sealed class LoanBook
{
    private readonly ScheduleShape[] _shapes;
    private readonly int[] _firstPayment;
    private readonly int[] _paymentDays;
    private readonly long[] _serviceChargePaid;
    private readonly long[] _principalPaid;

    private LoanBook(ScheduleShape[] shapes, int[] firstPayment, int[] paymentDays, long[] serviceChargePaid, long[] principalPaid)
    {
        _shapes = shapes;
        _firstPayment = firstPayment;
        _paymentDays = paymentDays;
        _serviceChargePaid = serviceChargePaid;
        _principalPaid = principalPaid;
    }

    /// <summary>The number of loans in the book.</summary>
    public int Count => _shapes.Length;

    /// <summary>The number of payments in the book.</summary>
    public int PaymentCount => _paymentDays.Length;

    /// <summary>A book of the given accounts, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="accounts"/> or one of them is null.</exception>
    public static LoanBook Of(IEnumerable<LoanAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var builder = new Builder();
        foreach (var account in accounts)
        {
            builder.Add(account);
        }
        return builder.Build();
    }

    /// <summary>The position of loan <paramref name="index"/> as of <paramref name="asOf"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is out of range, or the loan was disbursed after <paramref name="asOf"/>.</exception>
    public LoanStatus StatusAsOf(int index, LocalDate asOf)
    {
        Preconditions.CheckArgumentRange(index, 0, Count - 1);
        ref readonly var shape = ref _shapes[index];
        if (asOf < shape.Start)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, "The loan was not yet disbursed on that date.");
        }
        var day = CalendarDay.Of(asOf);
        Paid(index, day.DayNumber, out var charge, out var principal);
        return LoanStatus.From(shape, asOf, day, charge, principal);
    }

    /// <summary>
    /// The PORT-01 indicators as of <paramref name="asOf"/>, with the collectibility of every active loan,
    /// in a single pass over the book.
    /// </summary>
    /// <remarks>
    /// Conventions: a loan counts from its disbursement date; it is <b>active</b> while its outstanding
    /// principal is positive; it is <b>at risk</b> with at least
    /// <see cref="Rules.Parameters.PortfolioParameters.AtRiskArrearsInstallments"/> installments overdue.
    /// LAR counts loans (each loan is one borrower unit: a KSM's loan from the UPK, or a member's loan from
    /// the group fund). RR's arrears are the principal of overdue installments (jasa is excluded so the
    /// ratio is of principal to principal). CCr's income is the jasa collected from 1 January of the as-of
    /// year through the as-of date plus <see cref="OperatingFigures.OtherIncome"/>; without
    /// <paramref name="operating"/> CCr is undefined. ROI's net profit is that income minus
    /// <see cref="OperatingFigures.Costs"/>, annualised over the as-of month's number (January = 1), over
    /// <see cref="OperatingFigures.Capital"/>; without <paramref name="operating"/> or with zero capital ROI is
    /// undefined. An empty book gives undefined LAR, PAR and RR.
    /// </remarks>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="profile">The profile whose portfolio and collectibility parameters apply.</param>
    /// <param name="operating">Costs and other income of the year to date, for CCr; optional.</param>
    /// <param name="scheme">The collectibility scheme of the breakdown; default COL-01 (installments).</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An operating figure is negative.</exception>
    public PortfolioReport Evaluate(LocalDate asOf, ProgramProfile profile, OperatingFigures? operating = null, CollectibilityScheme scheme = CollectibilityScheme.InstallmentsOverdue)
    {
        Preconditions.CheckNotNull(profile);
        Preconditions.CheckArgument(Enum.IsDefined(scheme), nameof(scheme), "Unknown collectibility scheme.");
        if (operating is { } figures && (figures.Costs.IsNegative || figures.OtherIncome.IsNegative || figures.Capital.IsNegative))
        {
            throw new ArgumentOutOfRangeException(nameof(operating), operating, "Operating figures cannot be negative.");
        }
        var portfolio = profile.Portfolio;
        var kolParameters = profile.Collectibility;
        var atRiskThreshold = portfolio.AtRiskArrearsInstallments;
        var day = CalendarDay.Of(asOf);
        var yearStart = ScheduleShape.DayNumberOf(new LocalDate(asOf.Year, 1, 1));

        long disbursed = 0, active = 0, atRisk = 0;
        long outstanding = 0, atRiskPrincipal = 0, arrearsPrincipal = 0, arrearsCharge = 0, chargeYearToDate = 0;
        Span<long> kolLoans = stackalloc long[5];
        Span<long> kolPrincipal = stackalloc long[5];

        for (var i = 0; i < _shapes.Length; i++)
        {
            ref readonly var shape = ref _shapes[i];
            if (shape.StartDayNumber > day.DayNumber)
            {
                continue;
            }
            disbursed++;
            var from = _firstPayment[i];
            var to = _firstPayment[i + 1];
            var days = _paymentDays.AsSpan(from, to - from);
            var last = LoanAccount.LastIndexOnOrBefore(days, day.DayNumber);
            var charge = last < 0 ? 0 : _serviceChargePaid[from + last];
            var principal = last < 0 ? 0 : _principalPaid[from + last];
            var beforeYear = LoanAccount.LastIndexOnOrBefore(days, yearStart - 1);
            chargeYearToDate += charge - (beforeYear < 0 ? 0 : _serviceChargePaid[from + beforeYear]);

            var due = shape.DueBefore(day);
            arrearsCharge += Math.Max(0, shape.CumulativeServiceCharge(due) - charge);
            var balance = shape.Principal - principal;
            if (balance <= 0)
            {
                continue;
            }
            active++;
            outstanding += balance;
            arrearsPrincipal += Math.Max(0, shape.CumulativePrincipal(due) - principal);
            var first = shape.FirstUnsettled(charge, principal);
            var overdue = due > first ? due - first : 0;
            if (overdue >= atRiskThreshold)
            {
                atRisk++;
                atRiskPrincipal += balance;
            }
            var kol = scheme == CollectibilityScheme.InstallmentsOverdue
                ? CollectibilityRules.ByInstallmentsOverdue(overdue, kolParameters)
                : CollectibilityRules.ByDaysPastDue(overdue == 0 ? 0 : day.DayNumber - ScheduleShape.DayNumberOf(shape.DueDate(first + 1)), kolParameters);
            kolLoans[(int)kol - 1]++;
            kolPrincipal[(int)kol - 1] += balance;
        }

        var buckets = new CollectibilityBucket[5];
        for (var k = 0; k < 5; k++)
        {
            var kol = (Collectibility)(k + 1);
            var principal = Rupiah.Of(kolPrincipal[k]);
            buckets[k] = new CollectibilityBucket(kol, kolLoans[k], principal, CollectibilityRules.Provision(kol, principal, kolParameters));
        }
        var collected = Rupiah.Of(chargeYearToDate);
        return new PortfolioReport
        {
            AsOf = asOf,
            ProfileId = profile.Id,
            Scheme = scheme,
            LoansDisbursed = disbursed,
            ActiveLoans = active,
            LoansAtRisk = atRisk,
            OutstandingPrincipal = Rupiah.Of(outstanding),
            AtRiskPrincipal = Rupiah.Of(atRiskPrincipal),
            ArrearsPrincipal = Rupiah.Of(arrearsPrincipal),
            ArrearsServiceCharge = Rupiah.Of(arrearsCharge),
            ServiceChargeCollectedYearToDate = collected,
            LoanAtRisk = PortfolioIndicators.LoanAtRisk(atRisk, active, portfolio),
            PortfolioAtRisk = PortfolioIndicators.PortfolioAtRisk(Rupiah.Of(atRiskPrincipal), Rupiah.Of(outstanding), portfolio),
            RepaymentRate = PortfolioIndicators.RepaymentRate(Rupiah.Of(arrearsPrincipal), Rupiah.Of(outstanding), portfolio),
            CostCoverage = operating is { } op
                ? PortfolioIndicators.CostCoverage(collected + op.OtherIncome, op.Costs, portfolio)
                : new PortfolioIndicator(PortfolioIndicatorKind.CostCoverage, default, IndicatorBand.Undefined),
            ReturnOnInvestment = operating is { } roi
                ? PortfolioIndicators.ReturnOnInvestment(collected + roi.OtherIncome - roi.Costs, roi.Capital, asOf.Month, portfolio)
                : new PortfolioIndicator(PortfolioIndicatorKind.ReturnOnInvestment, default, IndicatorBand.Undefined),
            Collectibility = Array.AsReadOnly(buckets),
        };
    }

    private void Paid(int index, int dayNumber, out long charge, out long principal)
    {
        var from = _firstPayment[index];
        var last = LoanAccount.LastIndexOnOrBefore(_paymentDays.AsSpan(from, _firstPayment[index + 1] - from), dayNumber);
        charge = last < 0 ? 0 : _serviceChargePaid[from + last];
        principal = last < 0 ? 0 : _principalPaid[from + last];
    }

    /// <summary>Builds a <see cref="LoanBook"/> loan by loan. Not thread-safe; the built book is immutable.</summary>
    public sealed class Builder
    {
        private readonly List<ScheduleShape> _shapes = [];
        private readonly List<int> _firstPayment = [0];
        private readonly List<int> _paymentDays = [];
        private readonly List<long> _serviceChargePaid = [];
        private readonly List<long> _principalPaid = [];

        /// <summary>The loans added so far.</summary>
        public int Count => _shapes.Count;

        /// <summary>Adds a loan account as it stands (all its recorded payments); returns its index.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
        public int Add(LoanAccount account)
        {
            ArgumentNullException.ThrowIfNull(account);
            _shapes.Add(account.Schedule.Shape);
            // Each list grows once per account (by at least doubling), not once per payment.
            _paymentDays.AddRange(account.PaymentDayNumbers);
            _serviceChargePaid.AddRange(account.CumulativeServiceChargePaid);
            _principalPaid.AddRange(account.CumulativePrincipalPaid);
            _firstPayment.Add(_paymentDays.Count);
            return _shapes.Count - 1;
        }

        /// <summary>
        /// Adds a loan from raw records: its terms, disbursement date and borrower payments in date order,
        /// allocated by LOAN-05 exactly as <see cref="LoanAccount.Record"/> does, without materialising a
        /// schedule. Returns its index.
        /// </summary>
        /// <exception cref="ArgumentException">The terms are the default value or a payment is not positive.</exception>
        /// <exception cref="RuleViolationException">A payment would be refused by <see cref="LoanAccount.CheckPayment"/>
        /// (before disbursement, out of date order, or above what is owed); nothing is added.</exception>
        public int Add(LoanTerms terms, LocalDate disbursedOn, ReadOnlySpan<Payment> payments)
        {
            var shape = new ScheduleShape(terms, disbursedOn);
            long charge = 0, principal = 0;
            var start = _paymentDays.Count;
            var previous = disbursedOn;
            for (var i = 0; i < payments.Length; i++)
            {
                var payment = payments[i];
                if (!payment.Amount.IsPositive)
                {
                    Rollback(start);
                    throw new ArgumentOutOfRangeException(nameof(payments), payment.Amount, "A payment must be positive.");
                }
                var violation = LoanAccount.PaymentViolation(payment.Date, payment.Amount, disbursedOn, i > 0 ? previous : null, Rupiah.Of(shape.Total - charge - principal));
                if (violation is not null)
                {
                    Rollback(start);
                    throw new RuleViolationException(violation);
                }
                var day = CalendarDay.Of(payment.Date);
                var overdue = shape.DueBefore(day);
                shape.Allocate(overdue, shape.DueOnOrBefore(payment.Date), payment.Amount.Amount, ref charge, ref principal);
                _paymentDays.Add(day.DayNumber);
                _serviceChargePaid.Add(charge);
                _principalPaid.Add(principal);
                previous = payment.Date;
            }
            _shapes.Add(shape);
            _firstPayment.Add(_paymentDays.Count);
            return _shapes.Count - 1;
        }

        /// <summary>The book of the loans added so far.</summary>
        public LoanBook Build() =>
            new([.. _shapes], [.. _firstPayment], [.. _paymentDays], [.. _serviceChargePaid], [.. _principalPaid]);

        private void Rollback(int start)
        {
            var extra = _paymentDays.Count - start;
            _paymentDays.RemoveRange(start, extra);
            _serviceChargePaid.RemoveRange(start, extra);
            _principalPaid.RemoveRange(start, extra);
        }
    }
}
