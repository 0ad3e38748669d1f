using NodaTime;
using NodaTime.Text;

namespace KubeCore.Savings;

/// <summary>
/// ISO dates (<c>uuuu-MM-dd</c>, as <see cref="LocalDatePattern.Iso"/> writes them) without NodaTime's pattern engine:
/// years 1–9999 of the ISO calendar are written digit by digit, any other date through the pattern.
/// </summary>
internal static class IsoDateText
{
    /// <summary>The length of an ISO date of a year 1–9999.</summary>
    internal const int Length = 10;

    /// <summary>The text of <paramref name="date"/>, exactly as <see cref="LocalDatePattern.Iso"/> formats it.</summary>
    internal static string Format(LocalDate date)
    {
        if (!IsFast(date))
        {
            return LocalDatePattern.Iso.Format(date);
        }
        return string.Create(Length, date, static (chars, d) => Write(chars, d));
    }

    /// <summary>Writes <paramref name="date"/> (a year 1–9999 of the ISO calendar, see <see cref="IsFast"/>) into 10 chars.</summary>
    internal static void Write(Span<char> destination, LocalDate date)
    {
        var year = date.Year;
        destination[0] = (char)('0' + (year / 1000));
        destination[1] = (char)('0' + (year / 100 % 10));
        destination[2] = (char)('0' + (year / 10 % 10));
        destination[3] = (char)('0' + (year % 10));
        destination[4] = '-';
        destination[5] = (char)('0' + (date.Month / 10));
        destination[6] = (char)('0' + (date.Month % 10));
        destination[7] = '-';
        destination[8] = (char)('0' + (date.Day / 10));
        destination[9] = (char)('0' + (date.Day % 10));
    }

    /// <summary>True when <see cref="Write"/> writes the date (ISO calendar, year 1–9999).</summary>
    internal static bool IsFast(LocalDate date) => date.Calendar == CalendarSystem.Iso && date.Year is >= 1 and <= 9999;
}
