using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using NodaTime;

namespace KubeCore.Tests.Rulebooks;

/// <summary>A built-in profile, a decision date on or after its effective date, and whether to test the lower or upper age bound.</summary>
public sealed record AgeBoundCase(ProgramProfile Profile, LocalDate AsOf, bool Lower);

/// <summary>A built-in profile, a decision date and a marital status (null: not recorded).</summary>
public sealed record MaritalCase(ProgramProfile Profile, LocalDate AsOf, MaritalStatus? Status);

public static class AgeAndMarriageArbitraries
{
    private static Gen<(ProgramProfile Profile, LocalDate AsOf)> ProfileAndDate =>
        from profile in Gen.Elements(ProgramProfiles.All.ToArray())
        from days in Gen.Choose(0, 3000)
        select (profile, profile.EffectiveFrom.PlusDays(days));

    public static Arbitrary<AgeBoundCase> AgeBoundCase() =>
        (from c in ProfileAndDate
         from lower in Gen.Elements(true, false)
         where lower ? c.Profile.Membership.MinAge is not null : c.Profile.Membership.MaxAge is not null
         select new AgeBoundCase(c.Profile, c.AsOf, lower)).ToArbitrary();

    public static Arbitrary<MaritalCase> MaritalCase() =>
        (from c in ProfileAndDate
         from status in Gen.Elements<MaritalStatus?>(null, MaritalStatus.Unmarried, MaritalStatus.Married, MaritalStatus.Divorced, MaritalStatus.Widowed)
         select new MaritalCase(c.Profile, c.AsOf, status)).ToArbitrary();
}

/// <summary>
/// MEM-03 (corrected 2026-12-06): age within the profile's range, both bounds inclusive, and, where the profile
/// says so, married. KubePermensos2019: 18–60 and married (Kemensos 2020); KubeKalbar2019: 18–59 and married
/// (Dinsos Kalbar 2019); KubeKemensos2018: 18–59; elsewhere marriage is ignored.
/// </summary>
public class AgeAndMarriageRulesTests
{
    private static readonly LocalDate AsOf = new(2020, 6, 1);

    private static IReadOnlyList<RuleCheck> Mem03(ProgramProfile profile, LocalDate asOf, LocalDate bornOn, MaritalStatus? status = MaritalStatus.Married) =>
        MemberEligibility.Evaluate(DossierBuilder.On(asOf).BornOn(bornOn).WithMaritalStatus(status).Build(), profile, asOf)
            .Checks.Where(c => c.RuleId == RuleIds.Mem03).ToList();

    private static string? Code(IReadOnlyList<RuleCheck> checks) => checks.FirstOrDefault(c => c.Outcome == CheckOutcome.Failed)?.Violation!.ErrorCode;

    [Fact]
    [Trait("Rule", "MEM-03")]
    public void Under_KubePermensos2019_a_sixty_year_old_is_accepted_and_a_sixty_one_year_old_refused()
    {
        Code(Mem03(ProgramProfiles.KubePermensos2019, AsOf, AsOf.PlusYears(-61).PlusDays(1))).ShouldBeNull(); // 60, the day before turning 61
        Code(Mem03(ProgramProfiles.KubePermensos2019, AsOf, AsOf.PlusYears(-61))).ShouldBe(GroupErrors.TooOld);
    }

    [Fact]
    [Trait("Rule", "MEM-03")]
    public void Under_KubeKalbar2019_a_fifty_nine_year_old_is_accepted_and_a_sixty_year_old_refused()
    {
        ProgramProfiles.KubeKalbar2019.BasedOn.ShouldBe("KubePermensos2019@1");
        Code(Mem03(ProgramProfiles.KubeKalbar2019, AsOf, AsOf.PlusYears(-60).PlusDays(1))).ShouldBeNull();
        Code(Mem03(ProgramProfiles.KubeKalbar2019, AsOf, AsOf.PlusYears(-60))).ShouldBe(GroupErrors.TooOld);
    }

    [Fact]
    [Trait("Rule", "MEM-03")]
    public void Under_KubePermensos2019_a_member_is_accepted_on_their_eighteenth_birthday_and_refused_the_day_before()
    {
        Code(Mem03(ProgramProfiles.KubePermensos2019, AsOf, AsOf.PlusYears(-18))).ShouldBeNull();
        Code(Mem03(ProgramProfiles.KubePermensos2019, AsOf, AsOf.PlusYears(-18).PlusDays(1))).ShouldBe(GroupErrors.TooYoung);
    }

    [Fact]
    [Trait("Rule", "MEM-03")]
    public void Under_KubePermensos2019_a_person_never_married_is_refused_and_one_whose_status_is_unknown_is_refused_with_its_own_code()
    {
        var born = AsOf.PlusYears(-30);
        Code(Mem03(ProgramProfiles.KubePermensos2019, AsOf, born, MaritalStatus.Unmarried)).ShouldBe(GroupErrors.NotMarried);
        Code(Mem03(ProgramProfiles.KubePermensos2019, AsOf, born, null)).ShouldBe(GroupErrors.MaritalStatusUnknown);
        Code(Mem03(ProgramProfiles.KubePermensos2019, AsOf, born, MaritalStatus.Widowed)).ShouldBeNull();
        foreach (var profile in new[] { ProgramProfiles.Kub, ProgramProfiles.KubeKemensos2018, ProgramProfiles.KubeBlps, ProgramProfiles.KsmP2kp })
        {
            Code(Mem03(profile, AsOf, born, MaritalStatus.Unmarried)).ShouldBeNull(profile.Id);
            Code(Mem03(profile, AsOf, born, null)).ShouldBeNull(profile.Id);
        }
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(AgeAndMarriageArbitraries)])]
    [Trait("Rule", "MEM-03")]
    public bool A_member_is_accepted_exactly_at_each_age_bound_and_refused_one_day_beyond_it(AgeBoundCase c)
    {
        var membership = c.Profile.Membership;
        if (c.Lower)
        {
            var birthday = c.AsOf.PlusYears(-membership.MinAge!.Value);
            return Code(Mem03(c.Profile, c.AsOf, birthday)) is null
                && Code(Mem03(c.Profile, c.AsOf, birthday.PlusDays(1))) == GroupErrors.TooYoung;
        }
        var turnsOneOver = c.AsOf.PlusYears(-(membership.MaxAge!.Value + 1));
        return Code(Mem03(c.Profile, c.AsOf, turnsOneOver.PlusDays(1))) is null
            && Code(Mem03(c.Profile, c.AsOf, turnsOneOver)) == GroupErrors.TooOld;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(AgeAndMarriageArbitraries)])]
    [Trait("Rule", "MEM-03")]
    public bool Marriage_is_required_only_where_the_profile_says_so_and_an_unrecorded_status_is_refused_with_its_own_code(MaritalCase c)
    {
        var membership = c.Profile.Membership;
        var age = membership.MinAge ?? 30; // within every profile's range
        var checks = Mem03(c.Profile, c.AsOf, c.AsOf.PlusYears(-age), c.Status);
        var expected = !membership.RequiresMarriage ? null : c.Status switch
        {
            null => GroupErrors.MaritalStatusUnknown,
            MaritalStatus.Unmarried => GroupErrors.NotMarried,
            _ => null,
        };
        var marriageChecks = checks.Count(k => k.Parameters.ContainsKey("Membership.RequiresMarriage"));
        return Code(checks) == expected && marriageChecks == (membership.RequiresMarriage ? 1 : 0);
    }
}
