using KubeCore.Common;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>
/// The position of one loan as of a date, computed only from the payments dated on or before it
/// (PORT-02). An installment is <b>overdue</b> as of <see cref="AsOf"/> when its due date is strictly
/// before that date and the payments so far have not settled both its jasa and its principal; an
/// installment falling due on the as-of date itself is not yet late (0 days past due).
/// </summary>
/// <param name="AsOf">The date of the position.</param>
/// <param name="InstallmentCount">Installments in the schedule.</param>
/// <param name="InstallmentsDue">Installments whose due date is before <paramref name="AsOf"/>.</param>
/// <param name="InstallmentsOverdue">Of those, the ones not fully settled (the arrears count used by COL-01, LOAN-07, LOAN-08 and PORT-01).</param>
/// <param name="DaysPastDue">Days from the due date of the oldest unsettled installment to <paramref name="AsOf"/>; 0 without arrears (COL-02).</param>
/// <param name="OldestUnpaidDueDate">Due date of the oldest overdue installment, or null without arrears.</param>
/// <param name="PrincipalRepaid">Principal paid so far.</param>
/// <param name="ServiceChargePaid">Jasa paid so far.</param>
/// <param name="OutstandingPrincipal">Principal not yet repaid (the loan's balance, baki debet).</param>
/// <param name="OutstandingServiceCharge">Jasa not yet paid over the rest of the term.</param>
/// <param name="ArrearsPrincipal">Principal of overdue installments not paid (tunggakan pokok).</param>
/// <param name="ArrearsServiceCharge">Jasa of overdue installments not paid (tunggakan jasa).</param>
public readonly record struct LoanStatus(
    LocalDate AsOf,
    int InstallmentCount,
    int InstallmentsDue,
    int InstallmentsOverdue,
    int DaysPastDue,
    LocalDate? OldestUnpaidDueDate,
    Rupiah PrincipalRepaid,
    Rupiah ServiceChargePaid,
    Rupiah OutstandingPrincipal,
    Rupiah OutstandingServiceCharge,
    Rupiah ArrearsPrincipal,
    Rupiah ArrearsServiceCharge)
{
    /// <summary>The total in arrears: principal plus jasa of overdue installments.</summary>
    public Rupiah Arrears => ArrearsPrincipal + ArrearsServiceCharge;

    /// <summary>True when any installment is overdue.</summary>
    public bool HasArrears => InstallmentsOverdue > 0;

    /// <summary>True when principal and jasa are fully paid.</summary>
    public bool IsRepaid => OutstandingPrincipal == Rupiah.Zero && OutstandingServiceCharge == Rupiah.Zero;

    internal static LoanStatus From(in ScheduleShape shape, LocalDate asOf, in CalendarDay day, long serviceChargePaid, long principalPaid)
    {
        var due = shape.DueBefore(day);
        var first = shape.FirstUnsettled(serviceChargePaid, principalPaid);
        var overdue = due > first ? due - first : 0;
        LocalDate? oldest = overdue > 0 ? shape.DueDate(first + 1) : null;
        var days = oldest is { } d ? day.DayNumber - ScheduleShape.DayNumberOf(d) : 0;
        return new LoanStatus(
            asOf,
            shape.Count,
            due,
            overdue,
            days,
            oldest,
            Rupiah.Of(principalPaid),
            Rupiah.Of(serviceChargePaid),
            Rupiah.Of(shape.Principal - principalPaid),
            Rupiah.Of(shape.TotalServiceCharge - serviceChargePaid),
            Rupiah.Of(Math.Max(0, shape.CumulativePrincipal(due) - principalPaid)),
            Rupiah.Of(Math.Max(0, shape.CumulativeServiceCharge(due) - serviceChargePaid)));
    }
}
