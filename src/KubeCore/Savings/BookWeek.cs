using System.Globalization;
using KubeCore.Common;
using NodaTime;

namespace KubeCore.Savings;

/// <summary>
/// A bookkeeping week (minggu pembukuan; SAV-04, SAV-05, FIVE): seven consecutive days from
/// <see cref="Start"/> to <see cref="End"/>, both inclusive. The profile's <c>Savings.WeekStartsOn</c>
/// says which day a week starts on.
/// </summary>
/// <remarks>The default value is the week starting on 0001-01-01; build weeks with <see cref="Containing"/> or <see cref="StartingOn"/>.</remarks>
public readonly record struct BookWeek : IComparable<BookWeek>
{
    private BookWeek(LocalDate start) => Start = start;

    /// <summary>The first day of the week (inclusive).</summary>
    public LocalDate Start { get; }

    // The last start from which six more days are still in the ISO calendar (9999-12-25).
    private static readonly LocalDate LastFullWeekStart = LocalDate.MaxIsoValue.PlusDays(-6);

    // The last start that has a following week in the ISO calendar (9999-12-24).
    private static readonly LocalDate LastStartWithNext = LocalDate.MaxIsoValue.PlusDays(-7);

    /// <summary>
    /// The last day of the week (inclusive): <see cref="Start"/> plus six days; for the calendar's last week
    /// (starting after 9999-12-25) the calendar's last day, 9999-12-31. Never throws.
    /// </summary>
    public LocalDate End => Start <= LastFullWeekStart ? Start.PlusDays(6) : LocalDate.MaxIsoValue;

    /// <summary>True when a following week exists in the ISO calendar (false only for weeks starting after 9999-12-24).</summary>
    public bool HasNext => Start <= LastStartWithNext;

    /// <summary>The week that contains <paramref name="date"/>, for weeks starting on <paramref name="weekStartsOn"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="weekStartsOn"/> is <see cref="IsoDayOfWeek.None"/> or undefined, or the date is not ISO.</exception>
    public static BookWeek Containing(LocalDate date, IsoDayOfWeek weekStartsOn)
    {
        CheckDay(weekStartsOn);
        Preconditions.CheckArgument(date.Calendar == CalendarSystem.Iso, nameof(date), "Book dates use the ISO calendar.");
        return new BookWeek(date.With(DateAdjusters.PreviousOrSame(weekStartsOn)));
    }

    /// <summary>The week starting on <paramref name="start"/>, which must fall on <paramref name="weekStartsOn"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="start"/> is not a <paramref name="weekStartsOn"/>, or the day is undefined.</exception>
    public static BookWeek StartingOn(LocalDate start, IsoDayOfWeek weekStartsOn)
    {
        CheckDay(weekStartsOn);
        Preconditions.CheckArgument(start.Calendar == CalendarSystem.Iso, nameof(start), "Book dates use the ISO calendar.");
        Preconditions.CheckArgument(start.DayOfWeek == weekStartsOn, nameof(start), "A bookkeeping week starts on the profile's first day of the week.");
        return new BookWeek(start);
    }

    /// <summary>True when <paramref name="date"/> is within the week (both ends inclusive).</summary>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>The week <paramref name="weeks"/> weeks later (earlier when negative), computed from this week's start.</summary>
    /// <exception cref="OverflowException">The week would start outside the ISO calendar's range.</exception>
    public BookWeek PlusWeeks(int weeks) => new(Start.PlusWeeks(weeks));

    /// <summary>The following week; see <see cref="HasNext"/>.</summary>
    /// <exception cref="OverflowException">This is the calendar's last week (<see cref="HasNext"/> is false).</exception>
    public BookWeek Next => PlusWeeks(1);

    /// <summary>The days of the week as an interval (both ends inclusive).</summary>
    public DateInterval ToInterval() => new(Start, End);

    /// <summary>Whole weeks from <paramref name="earlier"/> to this week (negative when this week is earlier).</summary>
    public int WeeksSince(BookWeek earlier) => Period.Between(earlier.Start, Start, PeriodUnits.Days).Days / 7;

    /// <inheritdoc />
    public int CompareTo(BookWeek other) => Start.CompareTo(other.Start);

    /// <summary>Compares two weeks by start.</summary>
    public static bool operator <(BookWeek left, BookWeek right) => left.Start < right.Start;

    /// <summary>Compares two weeks by start.</summary>
    public static bool operator >(BookWeek left, BookWeek right) => left.Start > right.Start;

    /// <summary>Compares two weeks by start.</summary>
    public static bool operator <=(BookWeek left, BookWeek right) => left.Start <= right.Start;

    /// <summary>Compares two weeks by start.</summary>
    public static bool operator >=(BookWeek left, BookWeek right) => left.Start >= right.Start;

    /// <summary>ISO interval text: <c>2017-01-30/2017-02-05</c>.</summary>
    public override string ToString() =>
        Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + "/" + End.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static void CheckDay(IsoDayOfWeek day) =>
        Preconditions.CheckArgument(day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday, nameof(day), "A week starts on a day from Monday to Sunday.");
}
