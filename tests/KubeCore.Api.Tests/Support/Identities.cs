using System.Globalization;

namespace KubeCore.Api.Tests.Support;

/// <summary>
/// Unique, well-formed identity numbers for tests (MEM-06): region 62.71.01 (Pahandut, Palangka Raya), a
/// birth date that matches the person, and a serial; unique across the whole run.
/// </summary>
public static class Identities
{
    private static int _next = Random.Shared.Next(1, 5000);

    /// <summary>A fresh NIK with its matching sex and birth date.</summary>
    public static (string Nik, string Sex, string BirthDate) Person(bool female, int age = 35)
    {
        var n = Interlocked.Increment(ref _next);
        var birth = new DateOnly(2025 - age, 1, 1).AddDays(n % 360);
        var day = birth.Day + (female ? 40 : 0);
        var nik = string.Create(CultureInfo.InvariantCulture, $"627101{day:00}{birth.Month:00}{birth.Year % 100:00}{n % 9999 + 1:0000}");
        return (nik, female ? "Female" : "Male", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>A fresh family-card number.</summary>
    public static string FamilyCard()
    {
        var n = Interlocked.Increment(ref _next);
        var issued = new DateOnly(2010, 1, 1).AddDays(n % 3000);
        return string.Create(CultureInfo.InvariantCulture, $"627101{issued.Day:00}{issued.Month:00}{issued.Year % 100:00}{n % 9999 + 1:0000}");
    }
}
