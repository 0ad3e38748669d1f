using KubeCore.Common;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>
/// The arithmetic core of a schedule, without materialising its installments: every installment but the
/// last carries <see cref="RegularPrincipal"/> and <see cref="RegularServiceCharge"/>; the last carries
/// the rest. Used by <see cref="RepaymentSchedule"/>, <see cref="LoanAccount"/> and the compact
/// <see cref="LoanBook"/> so all three compute the same figures.
/// </summary>
/// <remarks>
/// Both the service charge and the principal of a loan are paid in installment order (LOAN-05), so the
/// state of a loan is fully described by two cumulative totals (service charge paid, principal paid):
/// installment <c>k</c> is settled when both totals reach the cumulative amounts through <c>k</c>.
/// </remarks>
internal readonly struct ScheduleShape
{
    internal ScheduleShape(LoanTerms terms, LocalDate disbursedOn)
    {
        Preconditions.CheckArgument(terms.Principal.IsPositive, nameof(terms), "Loan terms must be created with LoanTerms.Of.");
        Preconditions.CheckArgument(disbursedOn.Calendar == CalendarSystem.Iso, nameof(disbursedOn), "Dates must be in the ISO calendar.");
        Count = RepaymentSchedule.InstallmentCountFor(terms.TermMonths, terms.Frequency);
        Principal = terms.Principal.Amount;
        TotalServiceCharge = terms.MonthlyServiceCharge.Of(terms.Principal, terms.TermMonths).Amount;
        RegularPrincipal = Principal / Count;
        RegularServiceCharge = TotalServiceCharge / Count;
        Frequency = terms.Frequency;
        Start = disbursedOn;
        StartDayNumber = DayNumberOf(disbursedOn);
    }

    internal int Count { get; }

    internal long Principal { get; }

    internal long TotalServiceCharge { get; }

    internal long RegularPrincipal { get; }

    internal long RegularServiceCharge { get; }

    internal InstallmentFrequency Frequency { get; }

    internal LocalDate Start { get; }

    internal int StartDayNumber { get; }

    internal long Total => Principal + TotalServiceCharge;

    internal static int DayNumberOf(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>Principal of installments 1..<paramref name="count"/>.</summary>
    internal long CumulativePrincipal(int count) => count >= Count ? Principal : count * RegularPrincipal;

    /// <summary>Service charge of installments 1..<paramref name="count"/>.</summary>
    internal long CumulativeServiceCharge(int count) => count >= Count ? TotalServiceCharge : count * RegularServiceCharge;

    internal long PrincipalOf(int number) => number == Count ? Principal - (RegularPrincipal * (Count - 1)) : RegularPrincipal;

    internal long ServiceChargeOf(int number) => number == Count ? TotalServiceCharge - (RegularServiceCharge * (Count - 1)) : RegularServiceCharge;

    /// <summary>The due date of installment <paramref name="number"/> (1-based), from the anchor.</summary>
    internal LocalDate DueDate(int number) =>
        Frequency == InstallmentFrequency.Weekly ? Start.PlusWeeks(number) : Start.PlusMonths(number);

    /// <summary>How many installments fall due strictly before <paramref name="day"/>.</summary>
    internal int DueBefore(in CalendarDay day)
    {
        if (Frequency == InstallmentFrequency.Weekly)
        {
            return WeeklyDueBefore(day.DayNumber);
        }
        // Installment k falls on (start month + k) at min(start day, days in that month).
        // Every k before D's month is due before D; the one in D's month only if its day is earlier.
        var monthsBetween = ((day.Year - Start.Year) * 12) + (day.Month - Start.Month);
        var dueDayInMonth = Math.Min(Start.Day, day.DaysInMonth);
        return Clamp(monthsBetween - 1 + (dueDayInMonth < day.Day ? 1 : 0));
    }

    /// <summary>For a weekly schedule: how many installments fall due strictly before the day numbered <paramref name="dayNumber"/>.</summary>
    internal int WeeklyDueBefore(int dayNumber)
    {
        var days = dayNumber - StartDayNumber;
        return Clamp(days <= 0 ? 0 : (days - 1) / 7);
    }

    /// <summary>How many installments fall due on or before <paramref name="date"/>.</summary>
    /// <remarks>Every due date is a representable date, so on the calendar's last day every installment is due (never throws).</remarks>
    internal int DueOnOrBefore(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso && date == LocalDate.MaxIsoValue ? Count
        : Frequency == InstallmentFrequency.Weekly && date.Calendar == CalendarSystem.Iso
            ? WeeklyDueBefore(DayNumberOf(date) + 1)
            : DueBefore(CalendarDay.Of(date.PlusDays(1)));

    private int Clamp(int count) => count < 0 ? 0 : count > Count ? Count : count;

    /// <summary>
    /// The index (0-based) of the first installment not fully settled by the cumulative totals, or
    /// <see cref="Count"/> when all are settled. Installments of zero amount are settled trivially.
    /// </summary>
    internal int FirstUnsettled(long serviceChargePaid, long principalPaid)
    {
        var byCharge = FirstShort(serviceChargePaid, TotalServiceCharge, RegularServiceCharge);
        var byPrincipal = FirstShort(principalPaid, Principal, RegularPrincipal);
        return byCharge < byPrincipal ? byCharge : byPrincipal;
    }

    private int FirstShort(long paid, long total, long regular)
    {
        if (paid >= total)
        {
            return Count;
        }
        if (regular == 0)
        {
            return Count - 1;
        }
        var settled = paid / regular;
        return settled >= Count - 1 ? Count - 1 : (int)settled;
    }

    /// <summary>
    /// Allocates <paramref name="amount"/> (LOAN-05) and advances the cumulative totals: first the
    /// service charge of the first <paramref name="dueSetSize"/> installments, oldest first; then their
    /// principal, oldest first (the first <paramref name="overdueCount"/> are the overdue ones, the rest
    /// falls due on the payment date); then any excess prepays later installments in due-date order,
    /// each installment's service charge before its principal. What is left is returned as excess.
    /// </summary>
    internal AllocationSplit Allocate(int overdueCount, int dueSetSize, long amount, ref long serviceChargePaid, ref long principalPaid)
    {
        var split = default(AllocationSplit);
        var left = amount;

        var due = CumulativeServiceCharge(dueSetSize) - serviceChargePaid;
        if (due > 0 && left > 0)
        {
            var pay = Math.Min(left, due);
            serviceChargePaid += pay;
            split.DueServiceCharge = pay;
            left -= pay;
        }

        due = CumulativePrincipal(dueSetSize) - principalPaid;
        if (due > 0 && left > 0)
        {
            var pay = Math.Min(left, due);
            var overdue = Math.Max(0, CumulativePrincipal(overdueCount) - principalPaid);
            split.OverduePrincipal = Math.Min(pay, overdue);
            split.CurrentPrincipal = pay - split.OverduePrincipal;
            principalPaid += pay;
            left -= pay;
        }

        for (var k = dueSetSize; k < Count && left > 0; k++)
        {
            var charge = CumulativeServiceCharge(k + 1) - serviceChargePaid;
            if (charge > 0)
            {
                var pay = Math.Min(left, charge);
                serviceChargePaid += pay;
                split.PrepaidServiceCharge += pay;
                left -= pay;
            }
            var principal = CumulativePrincipal(k + 1) - principalPaid;
            if (principal > 0 && left > 0)
            {
                var pay = Math.Min(left, principal);
                principalPaid += pay;
                split.PrepaidPrincipal += pay;
                left -= pay;
            }
        }

        split.Excess = left;
        return split;
    }
}

/// <summary>The parts of one payment, in whole rupiah (see <see cref="ScheduleShape.Allocate"/>).</summary>
internal struct AllocationSplit
{
    internal long DueServiceCharge;
    internal long PrepaidServiceCharge;
    internal long OverduePrincipal;
    internal long CurrentPrincipal;
    internal long PrepaidPrincipal;
    internal long Excess;
}

/// <summary>A date broken into the parts the schedule arithmetic needs, computed once per as-of date.</summary>
internal readonly struct CalendarDay
{
    private CalendarDay(LocalDate date)
    {
        DayNumber = ScheduleShape.DayNumberOf(date);
        Year = date.Year;
        Month = date.Month;
        Day = date.Day;
        DaysInMonth = CalendarSystem.Iso.GetDaysInMonth(date.Year, date.Month);
    }

    internal int DayNumber { get; }

    internal int Year { get; }

    internal int Month { get; }

    internal int Day { get; }

    internal int DaysInMonth { get; }

    internal static CalendarDay Of(LocalDate date) => new(date);
}
