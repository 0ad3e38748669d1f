using KubeCore.Common;
using NodaTime;
using Shouldly;

namespace KubeCore.Tests.Common;

/// <summary>SAV-09: the host's today comes from the group's province, through the WIB/WITA/WIT table (Keppres 41/1987).</summary>
public sealed class RegionTimeZonesTests
{
    [Fact]
    [Trait("Rule", "SAV-09")]
    public void Every_province_code_has_a_time_zone()
    {
        for (var province = 10; province < 100; province++)
        {
            if (RegionCode.IsKnownProvince(province))
            {
                Should.NotThrow(() => RegionTimeZones.ZoneOfProvince(province));
            }
            else
            {
                Should.Throw<ArgumentException>(() => RegionTimeZones.ZoneOfProvince(province));
            }
        }
    }

    [Theory]
    [Trait("Rule", "SAV-09")]
    [InlineData(11, IndonesianTimeZone.Wib)] // Aceh
    [InlineData(36, IndonesianTimeZone.Wib)] // Banten
    [InlineData(61, IndonesianTimeZone.Wib)] // Kalimantan Barat
    [InlineData(62, IndonesianTimeZone.Wib)] // Kalimantan Tengah (Palangka Raya, seed 003)
    [InlineData(63, IndonesianTimeZone.Wita)] // Kalimantan Selatan
    [InlineData(64, IndonesianTimeZone.Wita)] // Kalimantan Timur
    [InlineData(65, IndonesianTimeZone.Wita)] // Kalimantan Utara
    [InlineData(51, IndonesianTimeZone.Wita)] // Bali
    [InlineData(53, IndonesianTimeZone.Wita)] // Nusa Tenggara Timur
    [InlineData(76, IndonesianTimeZone.Wita)] // Sulawesi Barat
    [InlineData(82, IndonesianTimeZone.Wit)] // Maluku Utara
    [InlineData(91, IndonesianTimeZone.Wit)] // Papua
    [InlineData(96, IndonesianTimeZone.Wit)] // Papua Barat Daya
    public void A_province_lies_in_its_zone(int province, IndonesianTimeZone zone) =>
        RegionTimeZones.ZoneOfProvince(province).ShouldBe(zone);

    [Fact]
    [Trait("Rule", "SAV-09")]
    public void The_same_instant_is_still_today_in_Palangka_Raya_and_already_tomorrow_in_Makassar_and_Jayapura()
    {
        var palangkaRaya = RegionCode.Parse("62.71.01.1001");
        var makassar = RegionCode.Parse("73.71.01.1001");
        var jayapura = RegionCode.Parse("91.71.01.1001");
        var lastSecond = Instant.FromUtc(2026, 12, 6, 16, 59, 59); // 23:59:59 WIB
        var midnightWib = Instant.FromUtc(2026, 12, 6, 17, 0, 0);

        HostToday.InRegion(lastSecond, palangkaRaya).Date.ShouldBe(new LocalDate(2026, 12, 6));
        HostToday.InRegion(midnightWib, palangkaRaya).Date.ShouldBe(new LocalDate(2026, 12, 7));
        HostToday.InRegion(Instant.FromUtc(2026, 12, 6, 15, 59, 59), makassar).Date.ShouldBe(new LocalDate(2026, 12, 6));
        HostToday.InRegion(lastSecond, makassar).Date.ShouldBe(new LocalDate(2026, 12, 7));
        HostToday.InRegion(Instant.FromUtc(2026, 12, 6, 14, 59, 59), jayapura).Date.ShouldBe(new LocalDate(2026, 12, 6));
        HostToday.InRegion(Instant.FromUtc(2026, 12, 6, 15, 0, 0), jayapura).Date.ShouldBe(new LocalDate(2026, 12, 7));
    }

    [Fact]
    [Trait("Rule", "SAV-09")]
    public void A_book_date_of_tomorrow_is_refused_until_the_hosts_clock_passes_midnight_in_the_groups_zone()
    {
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 12, 6, 16, 59, 59)); // 23:59:59 WIB
        var palangkaRaya = RegionCode.Parse("62.71.01.1001");
        var tomorrow = new LocalDate(2026, 12, 7);

        HostToday.InRegion(clock.GetCurrentInstant(), palangkaRaya).CheckNotAfter(tomorrow)!.ErrorCode.ShouldBe(KubeCore.Savings.SavingsErrors.DateAfterToday);
        clock.AdvanceSeconds(1);
        HostToday.InRegion(clock.GetCurrentInstant(), palangkaRaya).CheckNotAfter(tomorrow).ShouldBeNull();
    }

    [Fact]
    [Trait("Rule", "SAV-09")]
    public void The_hosts_today_admits_its_own_date_and_refuses_the_next()
    {
        var today = HostToday.Of(LocalDate.MaxIsoValue.PlusDays(-1));
        today.CheckNotAfter(today.Date).ShouldBeNull();
        today.CheckNotAfter(LocalDate.MaxIsoValue)!.ErrorCode.ShouldBe(KubeCore.Savings.SavingsErrors.DateAfterToday);
        HostToday.Of(LocalDate.MaxIsoValue).CheckNotAfter(LocalDate.MaxIsoValue).ShouldBeNull();
    }
}
