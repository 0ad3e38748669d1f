using FsCheck;
using FsCheck.Fluent;
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

    private static Gen<(ProgramProfile Profile, LocalDate AsOf, PovertyEvidence Evidence)> EvidenceCase =>
        from profile in GroupGen.Profile
        from asOf in AsOf
        from registry in Registry(asOf)
        from pra in Pra(asOf)
        from ps2 in Gen.Elements(true, false)
        select (profile, asOf, new PovertyEvidence(registry, pra, ps2));

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

    [Fact]
    [Trait("Rule", "MEM-01")]
    public void Poverty_evidence_is_accepted_exactly_as_the_profile_rule_says() =>
        Rulebook.Verify(Prop.ForAll(EvidenceCase.ToArbitrary(), c =>
        {
            var dossier = DossierBuilder.On(c.AsOf).WithEvidence(c.Evidence).Build();
            var check = Evaluate(c.Profile, c.AsOf, dossier).Checks.Single(k => k.RuleId == RuleIds.Mem01);
            var accepted = Accepted(c.Profile, c.AsOf, c.Evidence);
            return accepted
                ? check.Outcome == CheckOutcome.Passed
                : check.Outcome == CheckOutcome.Failed && check.Violation!.ErrorCode.StartsWith("MEM01_", StringComparison.Ordinal)
                  && check.Parameters["Membership.PovertyEvidence"] == c.Profile.Membership.PovertyEvidence.ToString();
        }), maxTest: 500);

    [Fact]
    [Trait("Rule", "MEM-01")]
    public void The_eligible_households_specification_agrees_with_the_member_evaluator_in_memory_and_as_a_query() =>
        Rulebook.Verify(Prop.ForAll(EvidenceCase.ToArbitrary(), c =>
        {
            var dossier = DossierBuilder.On(c.AsOf).WithEvidence(c.Evidence).Build();
            var view = HouseholdPovertyView.From(dossier.Household, dossier.Evidence);
            var spec = new EligibleHouseholds(c.Profile, c.AsOf);
            var evaluator = Evaluate(c.Profile, c.AsOf, dossier).Checks.Single(k => k.RuleId == RuleIds.Mem01).Outcome == CheckOutcome.Passed;
            return spec.IsSatisfiedBy(view) == evaluator
                && spec.Evaluate(new[] { view }.AsQueryable()).Any() == evaluator;
        }), maxTest: 500);

    [Fact]
    [Trait("Rule", "MEM-02")]
    public void Only_a_head_of_household_or_its_main_earner_is_eligible_where_the_profile_requires_it() =>
        Rulebook.Verify(Prop.ForAll(
            (from profile in GroupGen.Profile
             from role in Gen.Elements(Enum.GetValues<HouseholdRole>())
             select (profile, role)).ToArbitrary(),
            c =>
            {
                var asOf = new LocalDate(2019, 1, 10);
                var check = Evaluate(c.profile, asOf, DossierBuilder.On(asOf).WithRole(c.role).Build()).Checks.Single(k => k.RuleId == RuleIds.Mem02);
                if (!c.profile.Membership.RequiresHeadOrMainEarner)
                {
                    return check.Outcome == CheckOutcome.NotApplicable;
                }
                return c.role == HouseholdRole.OtherMember
                    ? check.Violation?.ErrorCode == GroupErrors.NotHeadOrMainEarner
                    : check.Outcome == CheckOutcome.Passed;
            }));

    [Fact]
    [Trait("Rule", "MEM-03")]
    public void Age_on_the_as_of_date_is_within_the_profile_range_both_bounds_inclusive() =>
        Rulebook.Verify(Prop.ForAll(
            (from profile in GroupGen.Profile
             from asOf in AsOf
             from years in Gen.Choose(10, 68)
             from days in Gen.Choose(-3, 3)
             select (profile, asOf, birth: asOf.PlusYears(-years).PlusDays(days))).ToArbitrary(),
            c =>
            {
                var age = c.asOf.Year - c.birth.Year - ((c.asOf.Month, c.asOf.Day).CompareTo((c.birth.Month, c.birth.Day)) < 0 ? 1 : 0);
                var check = Evaluate(c.profile, c.asOf, DossierBuilder.On(c.asOf).BornOn(c.birth).Build()).Checks.First(k => k.RuleId == RuleIds.Mem03); // the age check; a second MEM-03 check is marriage
                var (min, max) = (c.profile.Membership.MinAge, c.profile.Membership.MaxAge);
                if (min is null && max is null)
                {
                    return check.Outcome == CheckOutcome.NotApplicable;
                }
                var code = age < min ? GroupErrors.TooYoung : age > max ? GroupErrors.TooOld : null;
                return check.Violation?.ErrorCode == code && check.Parameters["Age"] == age.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }), maxTest: 500);

    [Fact]
    [Trait("Rule", "MEM-04")]
    public void Civil_servants_soldiers_police_and_pensioners_are_excluded_where_the_profile_says() =>
        Rulebook.Verify(Prop.ForAll(
            (from profile in GroupGen.Profile
             from employment in Gen.Elements(Enum.GetValues<Employment>())
             select (profile, employment)).ToArbitrary(),
            c =>
            {
                var asOf = new LocalDate(2019, 1, 10);
                var check = Evaluate(c.profile, asOf, DossierBuilder.On(asOf).WorkingAs(c.employment).Build()).Checks.Single(k => k.RuleId == RuleIds.Mem04);
                if (c.profile.Membership.ExcludedEmployment == EmploymentExclusions.None)
                {
                    return check.Outcome == CheckOutcome.NotApplicable;
                }
                var stateEmployee = c.employment is Employment.CivilServant or Employment.Military or Employment.Police or Employment.Pensioner;
                return stateEmployee ? check.Violation?.ErrorCode == GroupErrors.ExcludedEmployment : check.Outcome == CheckOutcome.Passed;
            }));

    [Fact]
    [Trait("Rule", "MEM-05")]
    public void A_group_is_proposed_only_with_the_profiles_least_share_of_women_and_a_single_person_is_never_judged_on_it() =>
        Rulebook.Verify(Prop.ForAll(
            (from profile in GroupGen.Profile
             from size in Gen.Choose(profile.Membership.MinMembers, profile.Membership.MaxMembers ?? 15)
             from women in Gen.Choose(0, size)
             select (profile, size, women)).ToArbitrary(),
            c =>
            {
                var builder = GroupBuilder.For(c.profile).WithMembers(c.size, c.women);
                var decision = Group.EvaluateProposal(builder.Command());
                var groupCheck = decision.Checks.Single(k => k.RuleId == RuleIds.Mem05);
                var personCheck = Evaluate(c.profile, builder.ProposedDate, builder.Founders[0]).Checks.Single(k => k.RuleId == RuleIds.Mem05);
                if (c.profile.Membership.MinWomenShare is not { } share)
                {
                    return groupCheck.Outcome == CheckOutcome.NotApplicable && decision.IsApproved;
                }
                var enough = c.women * Rate.BasisPointsPerWhole >= c.size * share.BasisPoints;
                return personCheck.Outcome == CheckOutcome.NotApplicable
                    && decision.IsApproved == enough
                    && (enough ? groupCheck.Outcome == CheckOutcome.Passed : groupCheck.Violation?.ErrorCode == GroupErrors.TooFewWomen);
            }));

    [Fact]
    [Trait("Rule", "MEM-05")]
    public void Admitting_a_man_never_takes_a_group_below_its_least_share_of_women() =>
        Rulebook.Verify(Prop.ForAll(
            (from size in Gen.Choose(5, 12)
             from women in Gen.Choose(2, 12)
             from man in Gen.Elements(true, false)
             select (size, women: Math.Min(women, size), man)).ToArbitrary(),
            c =>
            {
                var profile = ProgramProfiles.KsmP2kp;
                if (!profile.Membership.MinWomenShare!.Value.IsMetBy(c.women, c.size))
                {
                    return true; // such a group cannot be proposed; covered above
                }
                var builder = GroupBuilder.For(profile).WithMembers(c.size, c.women);
                var group = builder.BuildActive();
                var newcomer = DossierBuilder.On(builder.ActivatedDate).LivingIn(group.Desa).WithSex(c.man ? Sex.Male : Sex.Female).Build();
                var after = profile.Membership.MinWomenShare.Value.IsMetBy(c.women + (c.man ? 0 : 1), c.size + 1);
                try
                {
                    group.AdmitMember(new AdmitMember(newcomer, builder.ActivatedDate));
                    return after || !c.man;
                }
                catch (RuleViolationException e)
                {
                    return c.man && !after && e.Violations.Single().ErrorCode == GroupErrors.TooFewWomen;
                }
            }));

    [Fact]
    [Trait("Rule", "MEM-01")]
    public void Every_eligibility_decision_records_each_member_rule_once_and_MEM_03_twice_where_marriage_is_required_under_the_profile_version() =>
        Rulebook.Verify(Prop.ForAll(EvidenceCase.ToArbitrary(), c =>
        {
            var decision = Evaluate(c.Profile, c.AsOf, DossierBuilder.On(c.AsOf).WithEvidence(c.Evidence).Build());
            string[] expected = c.Profile.Membership.RequiresMarriage
                ? ["MEM-01", "MEM-02", "MEM-03", "MEM-03", "MEM-04", "MEM-05"]
                : ["MEM-01", "MEM-02", "MEM-03", "MEM-04", "MEM-05"];
            return decision.ProfileId == c.Profile.Id
                && decision.AsOf == c.AsOf
                && decision.RuleIds.Select(r => r.Value).SequenceEqual(expected)
                && decision.IsApproved == decision.Checks.All(k => k.Outcome != CheckOutcome.Failed);
        }));
}
