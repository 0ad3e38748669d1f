using NodaTime;

namespace KubeCore.Tests.Support;

/// <summary>A settable <see cref="IClock"/> (NodaTime.Testing is not in the registry here).</summary>
public sealed class FakeClock(Instant now) : IClock
{
    public Instant Now { get; private set; } = now;

    public static FakeClock At(int year, int month, int day) =>
        new(new LocalDate(year, month, day).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Asia/Jakarta"]).ToInstant());

    public Instant GetCurrentInstant() => Now;

    public void Advance(Duration duration) => Now += duration;

    public void AdvanceDays(int days) => Now += Duration.FromDays(days);
}
