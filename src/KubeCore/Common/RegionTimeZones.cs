using System.Collections.Frozen;
using NodaTime;

namespace KubeCore.Common;

/// <summary>Indonesia's three time zones (wilayah waktu; Keppres 41/1987).</summary>
public enum IndonesianTimeZone
{
    /// <summary>Waktu Indonesia Barat, UTC+7 (tzdb Asia/Jakarta).</summary>
    Wib = 7,

    /// <summary>Waktu Indonesia Tengah, UTC+8 (tzdb Asia/Makassar).</summary>
    Wita = 8,

    /// <summary>Waktu Indonesia Timur, UTC+9 (tzdb Asia/Jayapura).</summary>
    Wit = 9,
}

/// <summary>
/// SAV-09: the time zone of each province (by its <see cref="RegionCode.Province"/> code), so a host can give the
/// library "today" in a group's own zone (<see cref="HostToday.InRegion"/>).
/// </summary>
/// <remarks>
/// <para>Source: Keputusan Presiden Nomor 41 Tahun 1987 tentang Pembagian Wilayah Republik Indonesia menjadi 3
/// (tiga) Wilayah Waktu (in force 1 January 1988): WIB covers Sumatera, Jawa, Madura, Kalimantan Barat and
/// Kalimantan Tengah; WITA covers Kalimantan Timur, Kalimantan Selatan, Bali, Nusa Tenggara Barat, Nusa Tenggara
/// Timur and Sulawesi; WIT covers Maluku and Irian Jaya (Papua). Provinces created later keep the zone of the
/// territory they were split from.</para>
/// <list type="table">
/// <item><term>WIB (Asia/Jakarta)</term><description>11 Aceh, 12 Sumatera Utara, 13 Sumatera Barat, 14 Riau, 15 Jambi,
/// 16 Sumatera Selatan, 17 Bengkulu, 18 Lampung, 19 Kepulauan Bangka Belitung, 21 Kepulauan Riau, 31 DKI Jakarta,
/// 32 Jawa Barat, 33 Jawa Tengah, 34 DI Yogyakarta, 35 Jawa Timur, 36 Banten, 61 Kalimantan Barat,
/// 62 Kalimantan Tengah.</description></item>
/// <item><term>WITA (Asia/Makassar)</term><description>51 Bali, 52 Nusa Tenggara Barat, 53 Nusa Tenggara Timur,
/// 63 Kalimantan Selatan, 64 Kalimantan Timur, 65 Kalimantan Utara (from Kalimantan Timur, 2012), 71 Sulawesi Utara,
/// 72 Sulawesi Tengah, 73 Sulawesi Selatan, 74 Sulawesi Tenggara, 75 Gorontalo, 76 Sulawesi Barat.</description></item>
/// <item><term>WIT (Asia/Jayapura)</term><description>81 Maluku, 82 Maluku Utara, 91 Papua, 92 Papua Barat,
/// 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya (the provinces formed from Papua in
/// 2022).</description></item>
/// </list>
/// <para>The zones come from the tz database that ships inside NodaTime (no I/O, no clock read).</para>
/// </remarks>
public static class RegionTimeZones
{
    /// <summary>The citation of the table.</summary>
    public const string Source = "Keppres 41/1987 (pembagian wilayah waktu: WIB, WITA, WIT), in force 1988-01-01";

    private static readonly FrozenDictionary<int, IndonesianTimeZone> ByProvince = new Dictionary<int, IndonesianTimeZone>
    {
        [11] = IndonesianTimeZone.Wib,
        [12] = IndonesianTimeZone.Wib,
        [13] = IndonesianTimeZone.Wib,
        [14] = IndonesianTimeZone.Wib,
        [15] = IndonesianTimeZone.Wib,
        [16] = IndonesianTimeZone.Wib,
        [17] = IndonesianTimeZone.Wib,
        [18] = IndonesianTimeZone.Wib,
        [19] = IndonesianTimeZone.Wib,
        [21] = IndonesianTimeZone.Wib,
        [31] = IndonesianTimeZone.Wib,
        [32] = IndonesianTimeZone.Wib,
        [33] = IndonesianTimeZone.Wib,
        [34] = IndonesianTimeZone.Wib,
        [35] = IndonesianTimeZone.Wib,
        [36] = IndonesianTimeZone.Wib,
        [61] = IndonesianTimeZone.Wib,
        [62] = IndonesianTimeZone.Wib,
        [51] = IndonesianTimeZone.Wita,
        [52] = IndonesianTimeZone.Wita,
        [53] = IndonesianTimeZone.Wita,
        [63] = IndonesianTimeZone.Wita,
        [64] = IndonesianTimeZone.Wita,
        [65] = IndonesianTimeZone.Wita,
        [71] = IndonesianTimeZone.Wita,
        [72] = IndonesianTimeZone.Wita,
        [73] = IndonesianTimeZone.Wita,
        [74] = IndonesianTimeZone.Wita,
        [75] = IndonesianTimeZone.Wita,
        [76] = IndonesianTimeZone.Wita,
        [81] = IndonesianTimeZone.Wit,
        [82] = IndonesianTimeZone.Wit,
        [91] = IndonesianTimeZone.Wit,
        [92] = IndonesianTimeZone.Wit,
        [93] = IndonesianTimeZone.Wit,
        [94] = IndonesianTimeZone.Wit,
        [95] = IndonesianTimeZone.Wit,
        [96] = IndonesianTimeZone.Wit,
    }.ToFrozenDictionary();

    /// <summary>The zone of a province code (11..96).</summary>
    /// <exception cref="ArgumentException">The code is not a known province (<see cref="RegionCode.IsKnownProvince"/>).</exception>
    public static IndonesianTimeZone ZoneOfProvince(int province) =>
        ByProvince.TryGetValue(province, out var zone) ? zone : throw new ArgumentException($"{province} is not a province code.", nameof(province));

    /// <summary>The zone of the province <paramref name="region"/> lies in.</summary>
    /// <exception cref="ArgumentException">The region is the default value.</exception>
    public static IndonesianTimeZone ZoneOf(RegionCode region) => ZoneOfProvince(region.Province);

    /// <summary>The tz database zone of <paramref name="zone"/>: Asia/Jakarta, Asia/Makassar or Asia/Jayapura.</summary>
    /// <exception cref="ArgumentException">The value is undefined.</exception>
    public static DateTimeZone DateTimeZoneOf(IndonesianTimeZone zone) => zone switch
    {
        IndonesianTimeZone.Wib => Jakarta,
        IndonesianTimeZone.Wita => Makassar,
        IndonesianTimeZone.Wit => Jayapura,
        _ => throw new ArgumentException("Unknown time zone.", nameof(zone)),
    };

    /// <summary>The tz database zone of the province <paramref name="region"/> lies in.</summary>
    /// <exception cref="ArgumentException">The region is the default value.</exception>
    public static DateTimeZone DateTimeZoneOf(RegionCode region) => DateTimeZoneOf(ZoneOf(region));

    private static readonly DateTimeZone Jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
    private static readonly DateTimeZone Makassar = DateTimeZoneProviders.Tzdb["Asia/Makassar"];
    private static readonly DateTimeZone Jayapura = DateTimeZoneProviders.Tzdb["Asia/Jayapura"];
}
