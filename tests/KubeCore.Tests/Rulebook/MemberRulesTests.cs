using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.Rulebooks;

/// <summary>The rulebook of member eligibility (MEM-01..05), as properties over generated people and evidence.</summary>
public class MemberRulesTests
{
    private static Gen<LocalDate> AsOf =>
        from days in Gen.Choose(0, 2500)
        select new LocalDate(2019, 9, 12).PlusDays(days); // on or after every built-in profile's effective date

    private static Gen<RegistryEntry?> Registry(LocalDate asOf) => Gen.Frequency(
        (1, Gen.Constant<RegistryEntry?>(null)),
        (4, from source in Gen.Elements(RegistrySource.Dtks, RegistrySource.Dtsen)
            from decile in Gen.Choose(1, source == RegistrySource.Dtks ? 4 : 10)
            from offset in Gen.Frequency((3, Gen.Choose(-100, -80)), (2, Gen.Choose(-400, 5)))
            select (RegistryEntry?)new RegistryEntry(source, decile, asOf.PlusDays(offset))));

    private static Gen<PraRanking?> Pra(LocalDate asOf) => Gen.Frequency(
        (1, Gen.Constant<PraRanking?>(null)),
        (3, from category in Gen.Elements(Enum.GetValues<WealthCategory>())
            from confirmed in Gen.Elements(true, false)
            from offset in Gen.Choose(-300, 3)
            select (PraRanking?)new PraRanking(ExerciseId.New(), asOf.PlusDays(offset), category, category is WealthCategory.Miskin or WealthCategory.SangatMiskin, confirmed)));

    /// <summary>A profile, an as-of date and the poverty evidence of a household on it.</summary>
    public sealed record PovertyCase(ProgramProfile Profile, LocalDate AsOf, PovertyEvidence Evidence);

    /// <summary>A profile and the household role of a candidate member.</summary>
    public sealed record RoleCase(ProgramProfile Profile, HouseholdRole Role);

    /// <summary>A profile, an as-of date and a birth date within three days of a whole number of years before it.</summary>
    public sealed record AgeCase(ProgramProfile Profile, LocalDate AsOf, LocalDate Birth);

    /// <summary>A profile and a candidate member's employment.</summary>
    public sealed record EmploymentCase(ProgramProfile Profile, Employment Employment);

    /// <summary>A profile, a group size within its range and how many of the members are women.</summary>
    public sealed record WomenShareCase(ProgramProfile Profile, int Size, int Women);

    /// <summary>A KSM group's size and women, and whether the newcomer is a man.</summary>
    public sealed record AdmissionCase(int Size, int Women, bool Man);

    public static class MemberArbitraries
    {
        public static Arbitrary<PovertyCase> PovertyCases() =>
            (from profile in GroupGen.Profile
             from asOf in AsOf
             from registry in Registry(asOf)
             from pra in Pra(asOf)
             from ps2 in Gen.Elements(true, false)
             select new PovertyCase(profile, asOf, new PovertyEvidence(registry, pra, ps2))).ToArbitrary();

        public static Arbitrary<RoleCase> RoleCases() =>
            (from profile in GroupGen.Profile
             from role in Gen.Elements(Enum.GetValues<HouseholdRole>())
             select new RoleCase(profile, role)).ToArbitrary();

        public static Arbitrary<AgeCase> AgeCases() =>
            (from profile in GroupGen.Profile
             from asOf in AsOf
             from years in Gen.Choose(10, 68)
             from days in Gen.Choose(-3, 3)
             select new AgeCase(profile, asOf, asOf.PlusYears(-years).PlusDays(days))).ToArbitrary();

        public static Arbitrary<EmploymentCase> EmploymentCases() =>
            (from profile in GroupGen.Profile
             from employment in Gen.Elements(Enum.GetValues<Employment>())
             select new EmploymentCase(profile, employment)).ToArbitrary();

        public static Arbitrary<WomenShareCase> WomenShareCases() =>
            (from profile in GroupGen.Profile
             from size in Gen.Choose(profile.Membership.MinMembers, profile.Membership.MaxMembers ?? 15)
             from women in Gen.Choose(0, size)
             select new WomenShareCase(profile, size, women)).ToArbitrary();

        public static Arbitrary<AdmissionCase> AdmissionCases() =>
            (from size in Gen.Choose(5, 12)
             from women in Gen.Choose(2, 12)
             from man in Gen.Elements(true, false)
             select new AdmissionCase(size, Math.Min(women, size), man)).ToArbitrary();
    }

    /// <summary>MEM-01 written out independently of the evaluator, from the rule's statement.</summary>
    private static bool Accepted(ProgramProfile profile, LocalDate asOf, PovertyEvidence e)
    {
        var registry = e.Registry is { } r && r.RankedOn <= asOf && !r.IsStaleOn(asOf, profile.Poverty.DecileValidity) && r.Decile <= profile.Poverty.MaxEligibleDecile;
        var pra = e.Pra is { } p && p.HeldOn <= asOf && p.IsPoor;
        return profile.Membership.PovertyEvidence switch
        {
            PovertyEvidenceRule.RegistryDecile => registry,
            PovertyEvidenceRule.RegistryDecileOrPra => registry || pra,
            PovertyEvidenceRule.PraConfirmedByRegistry => pra && e.Pra!.ConfirmedByRegistry,
            _ => e.OnPs2List,
        };
    }

    private static Decision Evaluate(ProgramProfile profile, LocalDate asOf, MemberDossier dossier) =>
        MemberEligibility.Evaluate(dossier.Person, dossier.Household, dossier.Evidence, profile, asOf);

    [Property(MaxTest = 500, Arbitrary = [typeof(MemberArbitraries)])]
    [Trait("Rule", "MEM-01")]
    public bool Poverty_evidence_is_accepted_exactly_as_the_profile_rule_says(PovertyCase c)
    {
        var dossier = DossierBuilder.On(c.AsOf).WithEvidence(c.Evidence).Build();
        var check = Evaluate(c.Profile, c.AsOf, dossier).Checks.Single(k => k.RuleId == RuleIds.Mem01);
        var accepted = Accepted(c.Profile, c.AsOf, c.Evidence);
        return accepted
            ? check.Outcome == CheckOutcome.Passed
            : check.Outcome == CheckOutcome.Failed && check.Violation!.ErrorCode.StartsWith("MEM01_", StringComparison.Ordinal)
              && check.Parameters["Membership.PovertyEvidence"] == c.Profile.Membership.PovertyEvidence.ToString();
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(MemberArbitraries)])]
    [Trait("Rule", "MEM-01")]
    public bool The_eligible_households_specification_agrees_with_the_member_evaluator_in_memory_and_as_a_query(PovertyCase c)
    {
        var dossier = DossierBuilder.On(c.AsOf).WithEvidence(c.Evidence).Build();
        var view = HouseholdPovertyView.From(dossier.Household, dossier.Evidence);
        var spec = new EligibleHouseholds(c.Profile, c.AsOf);
        var evaluator = Evaluate(c.Profile, c.AsOf, dossier).Checks.Single(k => k.RuleId == RuleIds.Mem01).Outcome == CheckOutcome.Passed;
        return spec.IsSatisfiedBy(view) == evaluator
            && new[] { view }.AsQueryable().WhereSatisfies(spec).Any() == evaluator;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MemberArbitraries)])]
    [Trait("Rule", "MEM-02")]
    public bool Only_a_head_of_household_or_its_main_earner_is_eligible_where_the_profile_requires_it(RoleCase c)
    {
        var asOf = new LocalDate(2019, 1, 10);
        var check = Evaluate(c.Profile, asOf, DossierBuilder.On(asOf).WithRole(c.Role).Build()).Checks.Single(k => k.RuleId == RuleIds.Mem02);
        if (!c.Profile.Membership.RequiresHeadOrMainEarner)
        {
            return check.Outcome == CheckOutcome.NotApplicable;
        }
        return c.Role == HouseholdRole.OtherMember
            ? check.Violation?.ErrorCode == GroupErrors.NotHeadOrMainEarner
            : check.Outcome == CheckOutcome.Passed;
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(MemberArbitraries)])]
    [Trait("Rule", "MEM-03")]
    public bool Age_on_the_as_of_date_is_within_the_profile_range_both_bounds_inclusive(AgeCase c)
    {
        var age = c.AsOf.Year - c.Birth.Year - ((c.AsOf.Month, c.AsOf.Day).CompareTo((c.Birth.Month, c.Birth.Day)) < 0 ? 1 : 0);
        var check = Evaluate(c.Profile, c.AsOf, DossierBuilder.On(c.AsOf).BornOn(c.Birth).Build()).Checks.First(k => k.RuleId == RuleIds.Mem03); // the age check; a second MEM-03 check is marriage
        var (min, max) = (c.Profile.Membership.MinAge, c.Profile.Membership.MaxAge);
        if (min is null && max is null)
        {
            return check.Outcome == CheckOutcome.NotApplicable;
        }
        var code = age < min ? GroupErrors.TooYoung : age > max ? GroupErrors.TooOld : null;
        return check.Violation?.ErrorCode == code && check.Parameters["Age"] == age.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MemberArbitraries)])]
    [Trait("Rule", "MEM-04")]
    public bool Civil_servants_soldiers_police_and_pensioners_are_excluded_where_the_profile_says(EmploymentCase c)
    {
        var asOf = new LocalDate(2019, 1, 10);
        var check = Evaluate(c.Profile, asOf, DossierBuilder.On(asOf).WorkingAs(c.Employment).Build()).Checks.Single(k => k.RuleId == RuleIds.Mem04);
        if (c.Profile.Membership.ExcludedEmployment == EmploymentExclusions.None)
        {
            return check.Outcome == CheckOutcome.NotApplicable;
        }
        var stateEmployee = c.Employment is Employment.CivilServant or Employment.Military or Employment.Police or Employment.Pensioner;
        return stateEmployee ? check.Violation?.ErrorCode == GroupErrors.ExcludedEmployment : check.Outcome == CheckOutcome.Passed;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MemberArbitraries)])]
    [Trait("Rule", "MEM-05")]
    public bool A_group_is_proposed_only_with_the_profiles_least_share_of_women_and_a_single_person_is_never_judged_on_it(WomenShareCase c)
    {
        var builder = GroupBuilder.For(c.Profile).WithMembers(c.Size, c.Women);
        var decision = Group.EvaluateProposal(builder.Command());
        var groupCheck = decision.Checks.Single(k => k.RuleId == RuleIds.Mem05);
        var personCheck = Evaluate(c.Profile, builder.ProposedDate, builder.Founders[0]).Checks.Single(k => k.RuleId == RuleIds.Mem05);
        if (c.Profile.Membership.MinWomenShare is not { } share)
        {
            return groupCheck.Outcome == CheckOutcome.NotApplicable && decision.IsApproved;
        }
        var enough = c.Women * Rate.BasisPointsPerWhole >= c.Size * share.BasisPoints;
        return personCheck.Outcome == CheckOutcome.NotApplicable
            && decision.IsApproved == enough
            && (enough ? groupCheck.Outcome == CheckOutcome.Passed : groupCheck.Violation?.ErrorCode == GroupErrors.TooFewWomen);
    }

    [Fact]
    [Trait("Rule", "MEM-05")]
    public void A_KSM_of_ten_with_exactly_three_women_meets_the_30_percent_share_and_one_with_two_does_not()
    {
        var exactly = Group.EvaluateProposal(GroupBuilder.For(ProgramProfiles.KsmP2kp).WithMembers(10, 3).Command());
        var short1 = Group.EvaluateProposal(GroupBuilder.For(ProgramProfiles.KsmP2kp).WithMembers(10, 2).Command());

        exactly.IsApproved.ShouldBeTrue();
        exactly.Checks.Single(k => k.RuleId == RuleIds.Mem05).Outcome.ShouldBe(CheckOutcome.Passed);
        short1.IsApproved.ShouldBeFalse();
        short1.Checks.Single(k => k.RuleId == RuleIds.Mem05).Violation!.ErrorCode.ShouldBe(GroupErrors.TooFewWomen);
    }

    [Fact]
    [Trait("Rule", "MEM-05")]
    public void A_KSM_of_ten_with_three_women_refuses_an_eleventh_member_who_is_a_man()
    {
        var builder = GroupBuilder.For(ProgramProfiles.KsmP2kp).WithMembers(10, 3);
        var group = builder.BuildActive();
        var man = DossierBuilder.On(builder.ActivatedDate).LivingIn(group.Desa).WithSex(Sex.Male).Build();

        var refusal = Should.Throw<RuleViolationException>(() => group.AdmitMember(new AdmitMember(man, builder.ActivatedDate)));

        refusal.Violation.ErrorCode.ShouldBe(GroupErrors.TooFewWomen);
        group.MemberCount.ShouldBe(10);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MemberArbitraries)])]
    [Trait("Rule", "MEM-05")]
    public bool Admitting_a_man_never_takes_a_group_below_its_least_share_of_women(AdmissionCase c)
    {
        var profile = ProgramProfiles.KsmP2kp;
        if (!profile.Membership.MinWomenShare!.Value.IsMetBy(c.Women, c.Size))
        {
            return true; // such a group cannot be proposed; covered above
        }
        var builder = GroupBuilder.For(profile).WithMembers(c.Size, c.Women);
        var group = builder.BuildActive();
        var newcomer = DossierBuilder.On(builder.ActivatedDate).LivingIn(group.Desa).WithSex(c.Man ? Sex.Male : Sex.Female).Build();
        var after = profile.Membership.MinWomenShare.Value.IsMetBy(c.Women + (c.Man ? 0 : 1), c.Size + 1);
        try
        {
            group.AdmitMember(new AdmitMember(newcomer, builder.ActivatedDate));
            return after || !c.Man;
        }
        catch (RuleViolationException e)
        {
            return c.Man && !after && e.Violations.Single().ErrorCode == GroupErrors.TooFewWomen;
        }
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(MemberArbitraries)])]
    [Trait("Rule", "MEM-01")]
    public bool Every_eligibility_decision_records_each_member_rule_once_and_MEM_03_twice_where_marriage_is_required_under_the_profile_version(PovertyCase c)
    {
        var decision = Evaluate(c.Profile, c.AsOf, DossierBuilder.On(c.AsOf).WithEvidence(c.Evidence).Build());
        string[] expected = c.Profile.Membership.RequiresMarriage
            ? ["MEM-01", "MEM-02", "MEM-03", "MEM-03", "MEM-04", "MEM-05"]
            : ["MEM-01", "MEM-02", "MEM-03", "MEM-04", "MEM-05"];
        return decision.ProfileId == c.Profile.Id
            && decision.AsOf == c.AsOf
            && decision.RuleIds.Select(r => r.Value).SequenceEqual(expected)
            && decision.IsApproved == decision.Checks.All(k => k.Outcome != CheckOutcome.Failed);
    }
}
