using FsCheck;

namespace KubeCore.Tests.Support;

/// <summary>
/// The one way the rulebook runs a property: FsCheck with <see cref="Config.QuickThrowOnFailure"/>, so a
/// falsified property fails the test (never <c>Config.Quick</c>, which only prints).
/// </summary>
public static class Rulebook
{
    /// <summary>Checks <paramref name="property"/> on <paramref name="maxTest"/> generated cases.</summary>
    public static void Verify(Property property, int maxTest = 200) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), property);
}
