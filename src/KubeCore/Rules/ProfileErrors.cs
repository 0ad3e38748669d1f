namespace KubeCore.Rules;

/// <summary>
/// Error codes of program profiles themselves, not of one rule. Each code is also the key of its Indonesian
/// and English message.
/// </summary>
public static class ProfileErrors
{
    /// <summary>
    /// A decision is dated before its profile's <see cref="ProgramProfile.EffectiveFrom"/> (e.g. a proposal dated
    /// 2019-03-11 under <c>KubePermensos2019</c>, in force from 2019-03-12): the profile's rules did not yet apply.
    /// Recorded by <see cref="DecisionBuilder"/>, the one place every dated decision under a profile passes through.
    /// </summary>
    public const string NotYetInForce = "PROFILE_NOT_YET_IN_FORCE";

    /// <summary>The <see cref="NotYetInForce"/> violation of <paramref name="rule"/> (the one place it is built).</summary>
    internal static RuleViolation NotYetInForceOf(RuleId rule, string profileId, NodaTime.LocalDate effectiveFrom, NodaTime.LocalDate? asOf) =>
        RuleViolation.Of(rule, NotYetInForce, ("Profile", profileId), ("EffectiveFrom", effectiveFrom), ("AsOf", asOf));

    internal static readonly MessageTable Messages = new("Profiles",
    [
        new(NotYetInForce, "Profil {Profile} baru berlaku sejak {EffectiveFrom}; keputusan per {AsOf} tidak dapat memakainya.", "Profile {Profile} takes effect on {EffectiveFrom}; a decision as of {AsOf} cannot use it."),
    ]);
}
