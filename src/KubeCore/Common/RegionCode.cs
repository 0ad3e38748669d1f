using System.Collections.Frozen;

namespace KubeCore.Common;

/// <summary>The administrative level a <see cref="RegionCode"/> names.</summary>
public enum RegionLevel
{
    /// <summary>Provinsi (2 digits).</summary>
    Province = 1,

    /// <summary>Kabupaten or kota (2 more digits).</summary>
    Regency = 2,

    /// <summary>Kecamatan (2 more digits).</summary>
    District = 3,

    /// <summary>Desa or kelurahan (4 more digits).</summary>
    Village = 4,
}

/// <summary>
/// A Kemendagri/BPS-style region code: <c>PP.KK.CC.DDDD</c> (province, kabupaten/kota, kecamatan,
/// desa/kelurahan), at any of the four levels. For example <c>62.71.01.1001</c> is a kelurahan of
/// Kecamatan Pahandut, Kota Palangka Raya, Kalimantan Tengah.
/// </summary>
/// <remarks>The province part must be one of the 38 province codes in use since 2022; every other part
/// must be non-zero. The default value is not a valid code.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.RegionCodeJsonConverter))]
public readonly record struct RegionCode
{
    private static readonly FrozenSet<int> ProvinceCodes = new[]
    {
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
        61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
    }.ToFrozenSet();

    private RegionCode(int province, int regency, int district, int village, RegionLevel level)
    {
        Province = province;
        Regency = regency;
        District = district;
        Village = village;
        Level = level;
    }

    /// <summary>The province part (11..96).</summary>
    public int Province { get; }

    /// <summary>The kabupaten/kota part (1..99), or 0 at province level.</summary>
    public int Regency { get; }

    /// <summary>The kecamatan part (1..99), or 0 above district level.</summary>
    public int District { get; }

    /// <summary>The desa/kelurahan part (1..9999), or 0 above village level.</summary>
    public int Village { get; }

    /// <summary>The level this code names.</summary>
    public RegionLevel Level { get; }

    /// <summary>True for a known province code.</summary>
    public static bool IsKnownProvince(int province) => ProvinceCodes.Contains(province);

    /// <summary>
    /// Parses a code with or without dots: <c>62</c>, <c>62.71</c>, <c>62.71.01</c>, <c>62.71.01.1001</c>,
    /// or the same digits without separators (2, 4, 6 or 10 digits).
    /// </summary>
    /// <exception cref="FormatException">The text is not a well-formed region code.</exception>
    public static RegionCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a region code of the form PP.KK.CC.DDDD.");

    /// <summary>Parses a region code, returning false when it is not well-formed.</summary>
    public static bool TryParse(string? text, out RegionCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var digits = text.Replace(".", string.Empty, StringComparison.Ordinal);
        if (digits.Length is not (2 or 4 or 6 or 10) || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (text.Contains('.') && text != Format(digits))
        {
            return false;
        }
        var province = int.Parse(digits.AsSpan(0, 2));
        var regency = digits.Length >= 4 ? int.Parse(digits.AsSpan(2, 2)) : 0;
        var district = digits.Length >= 6 ? int.Parse(digits.AsSpan(4, 2)) : 0;
        var village = digits.Length == 10 ? int.Parse(digits.AsSpan(6, 4)) : 0;
        var level = digits.Length switch { 2 => RegionLevel.Province, 4 => RegionLevel.Regency, 6 => RegionLevel.District, _ => RegionLevel.Village };
        if (!ProvinceCodes.Contains(province)
            || (level >= RegionLevel.Regency && regency == 0)
            || (level >= RegionLevel.District && district == 0)
            || (level == RegionLevel.Village && village == 0))
        {
            return false;
        }
        code = new RegionCode(province, regency, district, village, level);
        return true;
    }

    /// <summary>
    /// This code cut to a higher (or the same) level, e.g. a desa's kecamatan.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="level"/> is below this code's level.</exception>
    public RegionCode AtLevel(RegionLevel level)
    {
        Preconditions.CheckArgument(level <= Level, nameof(level), $"A {Level} code cannot be refined to {level}.");
        return new RegionCode(
            Province,
            level >= RegionLevel.Regency ? Regency : 0,
            level >= RegionLevel.District ? District : 0,
            level == RegionLevel.Village ? Village : 0,
            level);
    }

    /// <summary>True when this code is <paramref name="area"/> or lies inside it.</summary>
    public bool IsWithin(RegionCode area) => area.Level <= Level && AtLevel(area.Level) == area;

    /// <summary>The dotted form, e.g. <c>62.71.01.1001</c>.</summary>
    public override string ToString() => Level switch
    {
        RegionLevel.Province => $"{Province:00}",
        RegionLevel.Regency => $"{Province:00}.{Regency:00}",
        RegionLevel.District => $"{Province:00}.{Regency:00}.{District:00}",
        _ => $"{Province:00}.{Regency:00}.{District:00}.{Village:0000}",
    };

    private static string Format(string digits) => digits.Length switch
    {
        2 => digits,
        4 => $"{digits[..2]}.{digits[2..4]}",
        6 => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}",
        _ => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}.{digits[6..]}",
    };
}
