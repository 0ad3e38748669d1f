using System.Collections.ObjectModel;
using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>One installment's position as of a date.</summary>
/// <param name="Installment">The installment.</param>
/// <param name="ServiceChargePaid">Jasa of this installment paid so far.</param>
/// <param name="PrincipalPaid">Principal of this installment paid so far.</param>
/// <param name="IsOverdue">True when its due date is before the as-of date and it is not settled.</param>
public readonly record struct InstallmentPosition(Installment Installment, Rupiah ServiceChargePaid, Rupiah PrincipalPaid, bool IsOverdue)
{
    /// <summary>What is still owed on this installment.</summary>
    public Rupiah Unpaid => Installment.Amount - ServiceChargePaid - PrincipalPaid;

    /// <summary>True when jasa and principal are fully paid.</summary>
    public bool IsSettled => Unpaid == Rupiah.Zero;
}

/// <summary>
/// The repayment account of one disbursed loan: its schedule and the payments recorded on it, each
/// allocated by LOAN-05. Immutable: recording a payment returns a new account.
/// </summary>
/// <remarks>
/// <para><b>Allocation (LOAN-05).</b> A payment dated <c>d</c> goes, in this order, to (1) the jasa of every
/// installment due on or before <c>d</c>, oldest first; (2) the principal of overdue installments (due
/// before <c>d</c>), oldest first; (3) the principal of the installment due on <c>d</c>; (4) any excess
/// prepays later installments in due-date order, each installment's jasa before its principal (the jasa
/// is flat and fixed at disbursement, so paying early never reduces it). A payment above everything the
/// loan still owes is refused (<see cref="LoanErrors.Overpayment"/>). A payment made a few days before
/// its due date therefore settles that installment as expected.</para>
/// <para><b>Reproducibility (PORT-02).</b> Payments are recorded in date order (a payment dated before the
/// latest recorded one is refused), so the allocation of a payment depends only on earlier payments, and
/// <see cref="StatusAsOf"/> replays only the payments dated on or before the as-of date: a payment
/// recorded after that date never changes an as-of figure.</para>
/// </remarks>
public sealed class LoanAccount
{
    // The loan's payments, shared with the loan's earlier and later accounts; this account sees the first _count.
    private readonly PaymentStore _store;
    private readonly int _count;
    private IReadOnlyList<RecordedPayment>? _readOnlyPayments;

    private LoanAccount(RepaymentSchedule schedule, PaymentStore store, int count)
    {
        Schedule = schedule;
        _store = store;
        _count = count;
    }

    /// <summary>The schedule.</summary>
    public RepaymentSchedule Schedule { get; }

    /// <summary>The payments, in the order recorded (non-decreasing dates).</summary>
    public IReadOnlyList<RecordedPayment> Payments =>
        _readOnlyPayments ??= new ReadOnlyCollection<RecordedPayment>(new ArraySegment<RecordedPayment>(_store.Payments, 0, _count));

    /// <summary>The date of the latest payment, or null when none.</summary>
    public LocalDate? LastPaymentDate => _count == 0 ? null : _store.Payments[_count - 1].Date;

    /// <summary>Principal repaid over all recorded payments.</summary>
    public Rupiah PrincipalRepaid => Rupiah.Of(_count == 0 ? 0 : _store.Principals[_count - 1]);

    /// <summary>Jasa paid over all recorded payments.</summary>
    public Rupiah ServiceChargePaid => Rupiah.Of(_count == 0 ? 0 : _store.Charges[_count - 1]);

    /// <summary>Principal not yet repaid over all recorded payments.</summary>
    public Rupiah OutstandingPrincipal => Schedule.Principal - PrincipalRepaid;

    /// <summary>Everything still owed (principal and jasa) over all recorded payments.</summary>
    public Rupiah Outstanding => Schedule.Total - PrincipalRepaid - ServiceChargePaid;

    /// <summary>True when everything is paid.</summary>
    public bool IsRepaid => Outstanding == Rupiah.Zero;

    internal ReadOnlySpan<int> PaymentDayNumbers => _store.Days.AsSpan(0, _count);

    internal ReadOnlySpan<long> CumulativeServiceChargePaid => _store.Charges.AsSpan(0, _count);

    internal ReadOnlySpan<long> CumulativePrincipalPaid => _store.Principals.AsSpan(0, _count);

    /// <summary>The latest payment (the account has at least one).</summary>
    internal RecordedPayment LastPayment => _store.Payments[_count - 1];

    /// <summary>Opens the account of a loan just disbursed on its schedule's date, with no payment.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static LoanAccount Open(RepaymentSchedule schedule) =>
        new(Preconditions.CheckNotNull(schedule), new PaymentStore(Math.Min(schedule.Count, 64) + 1), 0);

    /// <summary>
    /// The position as of <paramref name="asOf"/>, from the payments dated on or before it only (PORT-02).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the disbursement date.</exception>
    public LoanStatus StatusAsOf(LocalDate asOf)
    {
        if (asOf < Schedule.DisbursedOn)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, "The loan was not yet disbursed on that date.");
        }
        var day = CalendarDay.Of(asOf);
        var last = LastIndexOnOrBefore(PaymentDayNumbers, day.DayNumber);
        var charge = last < 0 ? 0 : _store.Charges[last];
        var principal = last < 0 ? 0 : _store.Principals[last];
        var shape = Schedule.Shape;
        return LoanStatus.From(shape, asOf, day, charge, principal);
    }

    /// <summary>
    /// <see cref="LoanStatus.HasArrears"/> of <see cref="StatusAsOf"/>, without computing the rest of the status.
    /// <paramref name="asOf"/> is on or after the disbursement date.
    /// </summary>
    internal bool HasArrearsAsOf(LocalDate asOf)
    {
        var shape = Schedule.Shape;
        var dayNumber = ScheduleShape.DayNumberOf(asOf);
        var due = shape.Frequency == InstallmentFrequency.Weekly ? shape.WeeklyDueBefore(dayNumber) : shape.DueBefore(CalendarDay.Of(asOf));
        if (due == 0)
        {
            return false;
        }
        var last = LastIndexOnOrBefore(PaymentDayNumbers, dayNumber);
        var charge = last < 0 ? 0 : _store.Charges[last];
        var principal = last < 0 ? 0 : _store.Principals[last];
        return due > shape.FirstUnsettled(charge, principal);
    }

    /// <summary>Each installment's position as of <paramref name="asOf"/> (from payments dated on or before it).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the disbursement date.</exception>
    public IReadOnlyList<InstallmentPosition> InstallmentsAsOf(LocalDate asOf)
    {
        var status = StatusAsOf(asOf);
        var shape = Schedule.Shape;
        var charge = status.ServiceChargePaid.Amount;
        var principal = status.PrincipalRepaid.Amount;
        var result = new InstallmentPosition[shape.Count];
        for (var i = 0; i < shape.Count; i++)
        {
            var installment = Schedule.Installments[i];
            var chargePaid = Math.Clamp(charge - shape.CumulativeServiceCharge(i), 0, installment.ServiceCharge.Amount);
            var principalPaid = Math.Clamp(principal - shape.CumulativePrincipal(i), 0, installment.Principal.Amount);
            var settled = chargePaid == installment.ServiceCharge.Amount && principalPaid == installment.Principal.Amount;
            result[i] = new InstallmentPosition(installment, Rupiah.Of(chargePaid), Rupiah.Of(principalPaid), !settled && installment.DueDate < asOf);
        }
        return result;
    }

    /// <summary>Jasa paid by payments dated within <paramref name="from"/>..<paramref name="to"/> (both inclusive).</summary>
    public Rupiah ServiceChargePaidBetween(LocalDate from, LocalDate to) =>
        Rupiah.Of(PaidBetween(PaymentDayNumbers, CumulativeServiceChargePaid, ScheduleShape.DayNumberOf(from), ScheduleShape.DayNumberOf(to)));

    /// <summary>
    /// Null when a borrower payment of <paramref name="amount"/> on <paramref name="date"/> can be
    /// recorded, otherwise why not: LOAN-05 when the date is before disbursement, the loan is repaid or the
    /// amount is above what is owed or not positive; PORT-02 when the date is before the latest recorded payment.
    /// </summary>
    public RuleViolation? CheckPayment(LocalDate date, Rupiah amount)
    {
        if (CheckAmount(amount) is { } notPositive)
        {
            return notPositive;
        }
        return PaymentViolation(date, amount, Schedule.DisbursedOn, LastPaymentDate, Outstanding);
    }

    /// <summary>
    /// Null when a payment may be dated <paramref name="date"/>: not before the disbursement (LOAN-05) and
    /// not before the latest recorded payment (PORT-02).
    /// </summary>
    public RuleViolation? CheckDate(LocalDate date) => PaymentDateViolation(date, Schedule.DisbursedOn, LastPaymentDate);

    // The one place of the payment rules (LOAN-05, PORT-02), for an account and for a compact book's raw records alike.
    internal static RuleViolation? PaymentViolation(LocalDate date, Rupiah amount, LocalDate disbursedOn, LocalDate? lastPayment, Rupiah outstanding)
    {
        if (PaymentDateViolation(date, disbursedOn, lastPayment) is { } timing)
        {
            return timing;
        }
        if (outstanding == Rupiah.Zero)
        {
            return AlreadyRepaid(date);
        }
        return amount > outstanding
            ? RuleViolation.Of(RuleIds.Loan05, LoanErrors.Overpayment, ("Amount", amount), ("Outstanding", outstanding))
            : null;
    }

    internal static RuleViolation? PaymentDateViolation(LocalDate date, LocalDate disbursedOn, LocalDate? lastPayment)
    {
        if (date < disbursedOn)
        {
            return RuleViolation.Of(RuleIds.Loan05, LoanErrors.PaymentBeforeDisbursement, ("Date", date), ("DisbursedOn", disbursedOn));
        }
        return lastPayment is { } last && date < last
            ? RuleViolation.Of(RuleIds.Port02, LoanErrors.PaymentBackdated, ("Date", date), ("LastPaymentDate", last))
            : null;
    }

    /// <summary>LOAN-05: the loan is repaid (on <paramref name="date"/>, the payment's date or the day it closed); it takes no payment.</summary>
    internal static RuleViolation AlreadyRepaid(LocalDate? date) =>
        RuleViolation.Of(RuleIds.Loan05, LoanErrors.LoanAlreadyRepaid, ("Date", date));

    /// <summary>How a borrower payment would be allocated, without recording it.</summary>
    /// <exception cref="RuleViolationException">The payment is refused (see <see cref="CheckPayment"/>).</exception>
    public PaymentAllocation Allocate(LocalDate date, Rupiah amount)
    {
        ThrowIfViolated(CheckPayment(date, amount));
        return Compute(date, amount, coverOnly: false, out _, out _);
    }

    /// <summary>Records a borrower payment; returns the new account (this one is unchanged).</summary>
    /// <exception cref="RuleViolationException">The payment is refused (see <see cref="CheckPayment"/>).</exception>
    public LoanAccount Record(LocalDate date, Rupiah amount)
    {
        ThrowIfViolated(CheckPayment(date, amount));
        return Append(date, amount, PaymentSource.Borrower, coverOnly: false);
    }

    /// <summary>Records a borrower payment that <see cref="CheckPayment"/> has just accepted, without checking it again.</summary>
    internal LoanAccount RecordChecked(LocalDate date, Rupiah amount) => Append(date, amount, PaymentSource.Borrower, coverOnly: false);

    /// <summary>
    /// Null when a tanggung renteng cover of <paramref name="amount"/> on <paramref name="date"/> can be
    /// recorded: the payment checks of <see cref="CheckPayment"/>, and LOAN-08 when the amount is above
    /// the arrears as of that date (a cover pays arrears only, never future installments).
    /// </summary>
    public RuleViolation? CheckCover(LocalDate date, Rupiah amount)
    {
        if (CheckPayment(date, amount) is { } violation)
        {
            return violation;
        }
        var arrears = StatusAsOf(date).Arrears;
        return amount > arrears
            ? RuleViolation.Of(RuleIds.Loan08, LoanErrors.CoverExceedsArrears, ("Amount", amount), ("Arrears", arrears))
            : null;
    }

    /// <summary>
    /// Records a tanggung renteng cover (LOAN-08): a payment made by the group that settles overdue
    /// installments only, allocated jasa first, then overdue principal oldest first.
    /// </summary>
    /// <exception cref="RuleViolationException">The cover is refused (see <see cref="CheckCover"/>).</exception>
    public LoanAccount RecordCover(LocalDate date, Rupiah amount)
    {
        ThrowIfViolated(CheckCover(date, amount));
        return Append(date, amount, PaymentSource.JointLiability, coverOnly: true);
    }

    private LoanAccount Append(LocalDate date, Rupiah amount, PaymentSource source, bool coverOnly)
    {
        var allocation = Compute(date, amount, coverOnly, out var charge, out var principal);
        return Append(new RecordedPayment(date, amount, source, allocation), charge, principal);
    }

    /// <summary>
    /// The allocation of a payment that <see cref="CheckPayment"/> (or, for a cover, <see cref="CheckCover"/>) has just
    /// accepted, without recording it.
    /// </summary>
    internal PaymentAllocation AllocateChecked(LocalDate date, Rupiah amount, bool coverOnly) => Compute(date, amount, coverOnly, out _, out _);

    /// <summary>
    /// Appends a payment with the allocation it already has (made live by <see cref="AllocateChecked"/>, or read from a
    /// stored state); the caller has checked that its parts add up and stay within the schedule's totals.
    /// </summary>
    internal LoanAccount AppendAllocated(RecordedPayment payment)
    {
        var charge = (_count == 0 ? 0 : _store.Charges[_count - 1]) + payment.Allocation.ServiceCharge.Amount;
        var principal = (_count == 0 ? 0 : _store.Principals[_count - 1]) + payment.Allocation.Principal.Amount;
        return Append(payment, charge, principal);
    }

    private LoanAccount Append(RecordedPayment payment, long charge, long principal)
    {
        var day = ScheduleShape.DayNumberOf(payment.Date);
        // The latest account of the loan appends in place; an earlier one (a branch) copies its payments first.
        var store = _store.TryAppend(_count, payment, day, charge, principal) ? _store : _store.Branch(_count, payment, day, charge, principal);
        return new LoanAccount(Schedule, store, _count + 1);
    }

    private PaymentAllocation Compute(LocalDate date, Rupiah amount, bool coverOnly, out long charge, out long principal)
    {
        var shape = Schedule.Shape;
        charge = _count == 0 ? 0 : _store.Charges[_count - 1];
        principal = _count == 0 ? 0 : _store.Principals[_count - 1];
        var overdue = shape.DueBefore(CalendarDay.Of(date));
        var dueSet = coverOnly ? overdue : shape.DueOnOrBefore(date);
        var split = shape.Allocate(overdue, dueSet, amount.Amount, ref charge, ref principal);
        if (split.Excess != 0)
        {
            throw new InvalidOperationException("Allocation left an excess although the amount was checked against what is owed.");
        }
        return new PaymentAllocation(
            date,
            amount,
            Rupiah.Of(split.DueServiceCharge),
            Rupiah.Of(split.OverduePrincipal),
            Rupiah.Of(split.CurrentPrincipal),
            Rupiah.Of(split.PrepaidServiceCharge),
            Rupiah.Of(split.PrepaidPrincipal));
    }

    internal static int LastIndexOnOrBefore(ReadOnlySpan<int> dayNumbers, int dayNumber)
    {
        // Dates are non-decreasing: binary search for the last index with day ≤ dayNumber.
        int lo = 0, hi = dayNumbers.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (dayNumbers[mid] <= dayNumber)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }

    internal static long PaidBetween(ReadOnlySpan<int> dayNumbers, ReadOnlySpan<long> cumulative, int fromDay, int toDay)
    {
        if (toDay < fromDay)
        {
            return 0;
        }
        var upTo = LastIndexOnOrBefore(dayNumbers, toDay);
        var before = LastIndexOnOrBefore(dayNumbers, fromDay - 1);
        return (upTo < 0 ? 0 : cumulative[upTo]) - (before < 0 ? 0 : cumulative[before]);
    }

    /// <summary>Null when <paramref name="amount"/> may be paid on a loan (LOAN-05: it is positive), otherwise why not.</summary>
    internal static RuleViolation? CheckAmount(Rupiah amount) =>
        amount.IsPositive ? null : RuleViolation.Of(RuleIds.Loan05, LoanErrors.AmountNotPositive, ("Amount", amount));

    private static void ThrowIfViolated(RuleViolation? violation)
    {
        if (violation is not null)
        {
            throw new RuleViolationException(violation);
        }
    }

    /// <summary>
    /// The payments of one loan, shared by its successive accounts: an account created with <c>n</c> payments reads
    /// slots 0..n−1 only, which never change once written. Recording on the latest account claims the next slot and
    /// writes it in place (the arrays grow by doubling); recording on an earlier account, whose next slot is taken,
    /// copies its own payments into a new store. So each account stays immutable, and a loan's payments cost
    /// amortised O(1) each instead of a copy of every array per payment.
    /// </summary>
    private sealed class PaymentStore
    {
        private int _claimed;

        public PaymentStore(int capacity)
        {
            Payments = new RecordedPayment[capacity];
            Days = new int[capacity];
            Charges = new long[capacity];
            Principals = new long[capacity];
        }

        public RecordedPayment[] Payments { get; private set; }

        public int[] Days { get; private set; }

        public long[] Charges { get; private set; }

        public long[] Principals { get; private set; }

        /// <summary>Writes slot <paramref name="count"/> when no account has claimed it yet; false otherwise.</summary>
        public bool TryAppend(int count, RecordedPayment payment, int day, long charge, long principal)
        {
            if (Interlocked.CompareExchange(ref _claimed, count + 1, count) != count)
            {
                return false;
            }
            if (count == Payments.Length)
            {
                // Grown copies are published only once complete; readers of the old arrays still see their slots.
                var capacity = count * 2;
                var payments = new RecordedPayment[capacity];
                var days = new int[capacity];
                var charges = new long[capacity];
                var principals = new long[capacity];
                Array.Copy(Payments, payments, count);
                Array.Copy(Days, days, count);
                Array.Copy(Charges, charges, count);
                Array.Copy(Principals, principals, count);
                Payments = payments;
                Days = days;
                Charges = charges;
                Principals = principals;
            }
            Write(count, payment, day, charge, principal);
            return true;
        }

        /// <summary>A new store with slots 0..<paramref name="count"/>−1 of this one and the payment after them.</summary>
        public PaymentStore Branch(int count, RecordedPayment payment, int day, long charge, long principal)
        {
            var branch = new PaymentStore(Math.Max(4, (count + 1) * 2));
            Array.Copy(Payments, branch.Payments, count);
            Array.Copy(Days, branch.Days, count);
            Array.Copy(Charges, branch.Charges, count);
            Array.Copy(Principals, branch.Principals, count);
            branch._claimed = count + 1;
            branch.Write(count, payment, day, charge, principal);
            return branch;
        }

        private void Write(int at, RecordedPayment payment, int day, long charge, long principal)
        {
            Payments[at] = payment;
            Days[at] = day;
            Charges[at] = charge;
            Principals[at] = principal;
        }
    }
}
