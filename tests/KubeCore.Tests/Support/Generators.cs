using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using NodaTime;

namespace KubeCore.Tests.Support;

/// <summary>Generators of valid and invalid inputs, built by construction.</summary>
public static class Generators
{
    /// <summary>Known province codes.</summary>
    public static readonly int[] Provinces = [11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96];

    /// <summary>A kecamatan-level region code.</summary>
    public static Gen<RegionCode> Kecamatan =>
        from province in Gen.Elements(Provinces)
        from regency in Gen.Choose(1, 99)
        from district in Gen.Choose(1, 99)
        select RegionCode.Parse($"{province:00}{regency:00}{district:00}");

    /// <summary>A desa/kelurahan-level region code.</summary>
    public static Gen<RegionCode> Desa =>
        from kecamatan in Kecamatan
        from village in Gen.Choose(1, 2999)
        select RegionCode.Parse($"{kecamatan}.{village:0000}");

    /// <summary>A birth date between 1940 and 2010.</summary>
    public static Gen<LocalDate> BirthDate =>
        from days in Gen.Choose(0, 25_550)
        select new LocalDate(1940, 1, 1).PlusDays(days);

    public static Gen<Sex> Sex => Gen.Elements(global::KubeCore.Common.Sex.Male, global::KubeCore.Common.Sex.Female);

    /// <summary>The digits of a valid NIK for this region, sex and birth date.</summary>
    public static string NikDigits(RegionCode kecamatan, Sex sex, LocalDate birthDate, int serial) =>
        $"{kecamatan.Province:00}{kecamatan.Regency:00}{kecamatan.District:00}"
        + $"{birthDate.Day + (sex == global::KubeCore.Common.Sex.Female ? 40 : 0):00}{birthDate.Month:00}{birthDate.Year % 100:00}{serial:0000}";

    /// <summary>A valid NIK with the person facts it encodes.</summary>
    public static Gen<(string Digits, Sex Sex, LocalDate BirthDate)> ValidNik =>
        from kecamatan in Kecamatan
        from sex in Sex
        from birth in BirthDate
        from serial in Gen.Choose(1, 9999)
        select (NikDigits(kecamatan, sex, birth, serial), sex, birth);

    /// <summary>Whole-rupiah amounts from 1 to 100 million.</summary>
    public static Gen<Rupiah> PositiveRupiah => Gen.Choose(1, 100_000_000).Select(a => Rupiah.Of(a));
}
