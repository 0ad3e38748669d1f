using KubeCore.Rules;
using NodaTime;
using NodaTime.Text;

namespace KubeCore.Common;

/// <summary>
/// SAV-09: the host's "today" in the group's own time zone, given by the caller to every operation that books or
/// schedules money (the library reads no clock). No book date may lie after it.
/// </summary>
/// <remarks>
/// <para>A host with a clock builds it with <see cref="InRegion"/> (the group's region gives its zone, see
/// <see cref="RegionTimeZones"/>) or <see cref="At"/>; a replay of history or a test builds it with <see cref="Of"/>.</para>
/// <para>The default value is 0001-01-01, so it refuses every later date; build values with the factories.</para>
/// </remarks>
public readonly record struct HostToday
{
    private HostToday(LocalDate date) => Date = date;

    /// <summary>The date (ISO calendar).</summary>
    public LocalDate Date { get; }

    /// <summary>Today is <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentException">The date is not in the ISO calendar.</exception>
    public static HostToday Of(LocalDate date)
    {
        Preconditions.CheckArgument(date.Calendar == CalendarSystem.Iso, nameof(date), "Book dates use the ISO calendar.");
        return new HostToday(date);
    }

    /// <summary>The date of <paramref name="now"/> in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static HostToday At(Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new HostToday(now.InZone(zone).Date);
    }

    /// <summary>The date of <paramref name="now"/> in the time zone of the province <paramref name="region"/> lies in (WIB, WITA or WIT).</summary>
    /// <exception cref="ArgumentException">The region is the default value.</exception>
    public static HostToday InRegion(Instant now, RegionCode region) => At(now, RegionTimeZones.DateTimeZoneOf(region));

    /// <summary>SAV-09: null when <paramref name="date"/> is on or before today, else the violation.</summary>
    public RuleViolation? CheckNotAfter(LocalDate date) =>
        date <= Date ? null : RuleViolation.Of(RuleIds.Sav09, Savings.SavingsErrors.DateAfterToday, ("Date", date), ("Today", Date));

    /// <summary>ISO text: <c>2026-12-07</c>.</summary>
    public override string ToString() => LocalDatePattern.Iso.Format(Date);
}
