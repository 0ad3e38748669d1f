using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Tests.Support;

namespace KubeCore.Tests.Common;

public class RegionCodeTests
{
    /// <summary>A desa/kelurahan-level region code.</summary>
    public sealed record DesaCode(RegionCode Code);

    public static class RegionCodeArbitraries
    {
        public static Arbitrary<DesaCode> DesaCodes() => Generators.Desa.Select(d => new DesaCode(d)).ToArbitrary();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(RegionCodeArbitraries)])]
    public bool A_region_code_round_trips_through_its_text(DesaCode c)
    {
        var desa = c.Code;
        return RegionCode.Parse(desa.ToString()) == desa
            && RegionCode.Parse(desa.ToString().Replace(".", "")) == desa
            && desa.IsWithin(desa.AtLevel(RegionLevel.District))
            && desa.IsWithin(desa.AtLevel(RegionLevel.Province));
    }

    [Theory]
    [InlineData("62.71.01.1001", RegionLevel.Village)]
    [InlineData("62.71.01", RegionLevel.District)]
    [InlineData("35.07", RegionLevel.Regency)]
    [InlineData("62", RegionLevel.Province)]
    public void Codes_parse_at_every_level(string text, RegionLevel level) =>
        RegionCode.Parse(text).Level.ShouldBe(level);

    [Theory]
    [InlineData("")]
    [InlineData("10")]          // no province 10
    [InlineData("62.00")]
    [InlineData("62.71.1.1001")]
    [InlineData("627101100")]
    public void Malformed_codes_are_refused(string text) =>
        RegionCode.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Two_desa_of_one_kecamatan_are_within_it_and_not_within_each_other()
    {
        var tangkiling = RegionCode.Parse("62.71.04.1001");
        var other = RegionCode.Parse("62.71.04.1002");
        tangkiling.AtLevel(RegionLevel.District).ShouldBe(other.AtLevel(RegionLevel.District));
        tangkiling.IsWithin(other).ShouldBeFalse();
    }

    [Fact]
    public void Refining_a_code_below_its_level_is_refused_with_a_message_naming_both_levels()
    {
        var kecamatan = RegionCode.Parse("62.71.04");

        var refused = Should.Throw<ArgumentException>(() => kecamatan.AtLevel(RegionLevel.Village));

        refused.ParamName.ShouldBe("level");
        refused.Message.ShouldStartWith("A District code cannot be refined to Village.");
    }

    [Fact]
    public void Cutting_a_code_to_a_higher_level_builds_no_failure_message()
    {
        var desa = RegionCode.Parse("62.71.04.1001");
        desa.AtLevel(RegionLevel.District);
        var before = GC.GetAllocatedBytesForCurrentThread();

        for (var i = 0; i < 1_000; i++)
        {
            desa.AtLevel(RegionLevel.District);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
