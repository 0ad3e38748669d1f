using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Rules;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Rules;

/// <summary><see cref="ProgramProfile.Id"/> is built once, and is still <c>Code@Version</c> of the profile it belongs to.</summary>
public class ProgramProfileIdTests
{
    /// <summary>The code and version of a derived profile.</summary>
    public sealed record DerivedProfileCase(string Code, int Version);

    public static class ProgramProfileIdArbitraries
    {
        public static Arbitrary<DerivedProfileCase> DerivedProfileCases() =>
            (from code in Gen.Elements("KsmKalbar", "Kub-Sleman", "X", "KubeJatim2024")
             from version in Gen.Choose(1, int.MaxValue)
             select new DerivedProfileCase(code, version)).ToArbitrary();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(ProgramProfileIdArbitraries)])]
    public void A_derived_profile_of_any_code_and_version_has_the_id_code_at_version_and_its_base_keeps_its_own(DerivedProfileCase c)
    {
        var (code, version) = c;
        var parent = ProgramProfiles.KsmP2kp;
        var derived = parent.Derive(code, version, "test", new LocalDate(2025, 1, 1), p => p with { });
        var again = derived.Derive(code + "B", 1, "test", new LocalDate(2025, 1, 1), p => p);

        derived.Id.ShouldBe($"{code}@{version}");
        derived.ToString().ShouldBe(derived.Id);
        derived.BasedOn.ShouldBe("KsmP2kp@1");
        again.Id.ShouldBe($"{code}B@1");
        again.BasedOn.ShouldBe(derived.Id);
        parent.Id.ShouldBe("KsmP2kp@1");
    }

    [Fact]
    public void The_id_is_the_same_string_on_every_read()
    {
        foreach (var profile in ProgramProfiles.All)
        {
            profile.Id.ShouldBeSameAs(profile.Id);
            profile.Id.ShouldBe($"{profile.Code}@{profile.Version}");
        }
    }
}
