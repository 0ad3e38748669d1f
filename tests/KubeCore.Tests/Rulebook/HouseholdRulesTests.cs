using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Rules.Parameters;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;

// Not KubeCore.Tests.Rulebook: a namespace of that name would hide the Support.Rulebook class from every
// test under KubeCore.Tests (namespaces are looked up before using directives).
namespace KubeCore.Tests.RulebookTests;

/// <summary>The rulebook of poverty criteria and the registry: POV-01, POV-02, POV-03.</summary>
public class HouseholdRulesTests
{
    /// <summary>A profile whose BPS thresholds (criteria needed, floor area, head's income) are generated.</summary>
    public sealed record BpsProfile(ProgramProfile Profile);

    /// <summary>A BPS survey and the same survey with one observation moved toward poverty.</summary>
    public sealed record PoorerBpsPair(BpsHouseholdSurvey Survey, BpsHouseholdSurvey Poorer);

    /// <summary>A floor-area threshold per person and a household size.</summary>
    public sealed record FloorThreshold(int Threshold, int Size);

    /// <summary>A BPS survey with exactly one observation out of range, and the code that names it.</summary>
    public sealed record MalformedSurvey(BpsHouseholdSurvey Survey, string Code);

    /// <summary>A profile whose Kepmensos 262 thresholds (criteria needed, food share, electricity) are generated.</summary>
    public sealed record KepmensosProfile(ProgramProfile Profile);

    /// <summary>A food share of spending in basis points and a monthly total spending.</summary>
    public sealed record FoodShareCase(int BasisPoints, int Total);

    /// <summary>A Kepmensos 262 survey and the same survey with one observation moved toward poverty.</summary>
    public sealed record PoorerKepmensosPair(Kepmensos262HouseholdSurvey Survey, Kepmensos262HouseholdSurvey Poorer);

    /// <summary>A Kepmensos 262 survey, well formed or with one observation out of range.</summary>
    public sealed record AnyKepmensosSurvey(Kepmensos262HouseholdSurvey Survey);

    /// <summary>A date, a validity and registry rows ranked near the cut-off or anywhere.</summary>
    public sealed record CutOffCase(LocalDate AsOf, Period Validity, HouseholdRegistryView[] Views)
    {
        public override string ToString() => $"CutOffCase {{ AsOf = {AsOf}, Validity = {Validity}, Views = {CounterexampleText.Items(Views)} }}";
    }

    /// <summary>A registry entry and a validity period.</summary>
    public sealed record EntryAndValidity(RegistryEntry Entry, Period Validity);

    /// <summary>The greatest eligible decile of a profile.</summary>
    public sealed record MaxDecile(int Value);

    /// <summary>A decile on both registries' common range, a maximum decile and a date.</summary>
    public sealed record DecileCase(int Decile, int Max, LocalDate Date);

    /// <summary>A registry and a decile near its range, or at the limits of <see cref="int"/>.</summary>
    public sealed record RegistryDecile(RegistrySource Source, int Decile);

    public static class HouseholdArbitraries
    {
        public static Arbitrary<BpsHouseholdSurvey> BpsSurveys() => HouseholdGenerators.BpsSurvey.ToArbitrary();

        public static Arbitrary<BpsProfile> BpsProfileArbitrary() => BpsProfiles.Select(p => new BpsProfile(p)).ToArbitrary();

        public static Arbitrary<PoorerBpsPair> PoorerBpsPairs() =>
            (from survey in HouseholdGenerators.BpsSurvey
             from poorer in PoorerInOneObservation(survey)
             select new PoorerBpsPair(survey, poorer)).ToArbitrary();

        public static Arbitrary<FloorThreshold> FloorThresholds() =>
            (from threshold in Gen.Choose(1, 15)
             from size in Gen.Choose(1, 100)
             select new FloorThreshold(threshold, size)).ToArbitrary();

        public static Arbitrary<MalformedSurvey> MalformedSurveys() => MalformedBpsSurvey.Select(m => new MalformedSurvey(m.Survey, m.Code)).ToArbitrary();

        public static Arbitrary<Kepmensos262HouseholdSurvey> KepmensosSurveys() => HouseholdGenerators.KepmensosSurvey.ToArbitrary();

        public static Arbitrary<KepmensosProfile> KepmensosProfileArbitrary() => KepmensosProfiles.Select(p => new KepmensosProfile(p)).ToArbitrary();

        public static Arbitrary<FoodShareCase> FoodShareCases() =>
            (from basisPoints in Gen.Choose(1, 9_999)
             from total in Gen.OneOf(Gen.Choose(1, 1_000_000), Gen.Choose(1, 100).Select(k => k * 10_000))
             select new FoodShareCase(basisPoints, total)).ToArbitrary();

        public static Arbitrary<PoorerKepmensosPair> PoorerKepmensosPairs() =>
            (from survey in HouseholdGenerators.KepmensosSurvey
             from poorer in PoorerInOneKepmensosObservation(survey)
             select new PoorerKepmensosPair(survey, poorer)).ToArbitrary();

        public static Arbitrary<AnyKepmensosSurvey> AnyKepmensosSurveys() =>
            Gen.OneOf(
                HouseholdGenerators.KepmensosSurvey,
                from s in HouseholdGenerators.KepmensosSurvey
                from which in Gen.Choose(0, 4)
                from bad in Gen.Choose(-5_000, -1)
                select which switch
                {
                    0 => s with { MonthlyFoodSpending = Rupiah.Of(bad) },
                    1 => s with { MonthlyTotalSpending = s.MonthlyFoodSpending + Rupiah.Of(bad) },
                    2 => s with { Floor = (FloorType)(-bad % 200 + 7) },
                    3 => s with { Wall = (WallType)0 },
                    _ => s with { ElectricityVa = bad },
                }).Select(s => new AnyKepmensosSurvey(s)).ToArbitrary();

        public static Arbitrary<CutOffCase> CutOffCases() => NearTheCutOff.Select(c => new CutOffCase(c.AsOf, c.Validity, c.Views)).ToArbitrary();

        public static Arbitrary<EntryAndValidity> EntriesAndValidities() =>
            (from entry in HouseholdGenerators.RegistryEntryAround(new LocalDate(2025, 6, 30), 400)
             from validity in Validities
             select new EntryAndValidity(entry, validity)).ToArbitrary();

        public static Arbitrary<MaxDecile> MaxDeciles() => Gen.Choose(1, 10).Select(m => new MaxDecile(m)).ToArbitrary();

        public static Arbitrary<RegistryDecile> RegistryDeciles() =>
            (from source in Gen.Elements(RegistrySource.Dtks, RegistrySource.Dtsen)
             from decile in Gen.Frequency((8, Gen.Choose(-2, 13)), (1, Gen.Elements(int.MinValue, int.MaxValue, -100, 100)))
             select new RegistryDecile(source, decile)).ToArbitrary();

        public static Arbitrary<DecileCase> DecileCases() =>
            (from decile in Gen.Choose(1, 4)
             from max in Gen.Choose(1, 10)
             from date in HouseholdGenerators.Date
             select new DecileCase(decile, max, date)).ToArbitrary();
    }

    // ---------------------------------------------------------------- POV-01

    /// <summary>An independent reading of the 14 BPS criteria (decimal division, explicit lists).</summary>
    private static bool[] BpsOracle(BpsHouseholdSurvey s, PovertyParameters p) =>
    [
        (decimal)s.FloorAreaM2 / s.HouseholdSize < p.BpsFloorAreaPerPersonM2,
        new[] { FloorType.Earth, FloorType.Bamboo, FloorType.LowQualityWood }.Contains(s.Floor),
        new[] { WallType.Bamboo, WallType.Rumbia, WallType.LowQualityWood, WallType.UnplasteredBrick, WallType.Makeshift }.Contains(s.Wall),
        !s.HasOwnToilet,
        !s.HasElectricity,
        new[] { WaterSource.UnprotectedWell, WaterSource.UnprotectedSpring, WaterSource.SurfaceWater, WaterSource.Rainwater }.Contains(s.DrinkingWater),
        new[] { CookingFuel.Firewood, CookingFuel.Charcoal, CookingFuel.Kerosene }.Contains(s.CookingFuel),
        s.ProteinMealsPerWeek <= p.BpsMaxProteinMealsPerWeek,
        s.ClothingSetsPerYear <= p.BpsMaxClothingSetsPerYear,
        s.MealsPerDay <= p.BpsMaxMealsPerDay,
        !s.CanAffordPuskesmas,
        (s.HeadWork == Employment.Farmer && s.HeadFarmLandM2 < p.BpsFarmLandM2)
            || new[] { Employment.FarmLabourer, Employment.Fisher, Employment.Labourer }.Contains(s.HeadWork)
            || s.HeadMonthlyIncome < p.BpsHeadMonthlyIncome,
        new[] { Schooling.None, Schooling.PrimaryNotCompleted, Schooling.Primary }.Contains(s.HeadSchooling),
        s.SaleableAssets < p.BpsSaleableAsset,
    ];

    private static Gen<ProgramProfile> BpsProfiles =>
        from min in Gen.Choose(1, 14)
        from floor in Gen.Choose(1, 15)
        from income in Gen.Elements(300_000, 600_000, 1_000_000)
        select Surveys.WithPoverty(p => p with { BpsMinCriteriaMet = min, BpsFloorAreaPerPersonM2 = floor, BpsHeadMonthlyIncome = Rupiah.Of(income) });

    [Property(MaxTest = 500, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-01")]
    public bool The_criteria_met_are_exactly_the_fourteen_BPS_criteria_read_one_by_one(BpsHouseholdSurvey survey, BpsProfile bps)
    {
        var profile = bps.Profile;
        var assessment = new BpsPovertyAssessor(profile).Assess(survey);
        var oracle = BpsOracle(survey, profile.Poverty);
        var expected = Enumerable.Range(1, 14).Where(n => oracle[n - 1]).Select(n => (BpsCriterion)n).ToList();
        return assessment.MetCriteria().SequenceEqual(expected)
            && assessment.Count == expected.Count
            && Enumerable.Range(1, 14).All(n => assessment.IsMet((BpsCriterion)n) == oracle[n - 1]);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-01")]
    public bool A_household_meeting_fewer_than_the_threshold_criteria_is_never_poor_and_one_meeting_it_always_is(BpsHouseholdSurvey survey, BpsProfile bps)
    {
        var profile = bps.Profile;
        var assessment = new BpsPovertyAssessor(profile).Assess(survey);
        var met = BpsOracle(survey, profile.Poverty).Count(m => m);
        return assessment.IsPoor == (met >= profile.Poverty.BpsMinCriteriaMet)
            && assessment.MinCriteriaMet == profile.Poverty.BpsMinCriteriaMet;
    }

    /// <summary>Changes one observation toward poverty (in the BPS sense), leaving the others as they are.</summary>
    private static Gen<BpsHouseholdSurvey> PoorerInOneObservation(BpsHouseholdSurvey s) =>
        Gen.OneOf(
            Gen.Choose(1, s.FloorAreaM2).Select(a => s with { FloorAreaM2 = a }),
            Gen.Choose(s.HouseholdSize, 100).Select(n => s with { HouseholdSize = n }),
            Gen.Elements(FloorType.Earth, FloorType.Bamboo, FloorType.LowQualityWood).Select(f => s with { Floor = f }),
            Gen.Elements(WallType.Makeshift, WallType.Rumbia, WallType.Bamboo, WallType.LowQualityWood, WallType.UnplasteredBrick).Select(w => s with { Wall = w }),
            Gen.Constant(s with { HasOwnToilet = false }),
            Gen.Constant(s with { HasElectricity = false }),
            Gen.Elements(WaterSource.UnprotectedWell, WaterSource.UnprotectedSpring, WaterSource.SurfaceWater, WaterSource.Rainwater).Select(w => s with { DrinkingWater = w }),
            Gen.Elements(CookingFuel.Kerosene, CookingFuel.Charcoal, CookingFuel.Firewood).Select(f => s with { CookingFuel = f }),
            Gen.Choose(0, s.ProteinMealsPerWeek).Select(n => s with { ProteinMealsPerWeek = n }),
            Gen.Choose(0, s.ClothingSetsPerYear).Select(n => s with { ClothingSetsPerYear = n }),
            Gen.Choose(0, s.MealsPerDay).Select(n => s with { MealsPerDay = n }),
            Gen.Constant(s with { CanAffordPuskesmas = false }),
            Gen.Elements(Employment.FarmLabourer, Employment.Fisher, Employment.Labourer).Select(w => s with { HeadWork = w }),
            Gen.Choose(0, s.HeadFarmLandM2).Select(a => s with { HeadFarmLandM2 = a }),
            Gen.Choose(0, (int)s.HeadMonthlyIncome.Amount).Select(a => s with { HeadMonthlyIncome = Rupiah.Of(a) }),
            Gen.Choose(1, (int)s.HeadSchooling).Select(n => s with { HeadSchooling = (Schooling)n }),
            Gen.Choose(0, (int)s.SaleableAssets.Amount).Select(a => s with { SaleableAssets = Rupiah.Of(a) }));

    [Property(MaxTest = 500, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-01")]
    public bool Raising_any_single_observation_toward_poverty_never_makes_a_poor_household_non_poor(PoorerBpsPair pair, BpsProfile bps)
    {
        var profile = bps.Profile;
        var assessor = new BpsPovertyAssessor(profile);
        var before = assessor.Assess(pair.Survey);
        var after = assessor.Assess(pair.Poorer);
        var stillMet = before.MetCriteria().All(after.IsMet);
        return stillMet && after.Count >= before.Count && (!before.IsPoor || after.IsPoor);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-01")]
    public bool Criterion_1_holds_exactly_when_the_floor_area_per_person_is_below_the_threshold(FloorThreshold c)
    {
        var (threshold, size) = c;
        var assessor = new BpsPovertyAssessor(Surveys.WithPoverty(p => p with { BpsFloorAreaPerPersonM2 = threshold }));
        var atThreshold = assessor.Assess(Surveys.WellOff with { HouseholdSize = size, FloorAreaM2 = threshold * size });
        var justBelow = Surveys.WellOff with { HouseholdSize = size, FloorAreaM2 = (threshold * size) - 1 };
        return !atThreshold.IsMet(BpsCriterion.SmallFloorArea)
            && (justBelow.FloorAreaM2 < 1 || assessor.Assess(justBelow).IsMet(BpsCriterion.SmallFloorArea));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-01")]
    public bool The_explanation_names_POV_01_its_thresholds_and_agrees_with_the_assessment(BpsHouseholdSurvey survey, BpsProfile bps)
    {
        var profile = bps.Profile;
        var assessor = new BpsPovertyAssessor(profile);
        var assessment = assessor.Assess(survey);
        var decision = assessor.Explain(survey);
        var check = decision.Checks.Single();
        return check.RuleId == RuleIds.Pov01
            && decision.ProfileId == profile.Id
            && decision.IsApproved == assessment.IsPoor
            && check.Parameters["Poverty.BpsMinCriteriaMet"] == profile.Poverty.BpsMinCriteriaMet.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && check.Parameters["CriteriaMet"] == assessment.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && check.Parameters.Count(kv => kv.Value.StartsWith("met: ", StringComparison.Ordinal)) == assessment.Count
            && (assessment.IsPoor
                ? check.Violation is null
                : check.Violation!.ErrorCode == HouseholdErrors.BpsTooFewCriteriaMet && (int)check.Violation.Arguments["Met"]! == assessment.Count);
    }

    /// <summary>A survey with exactly one observation out of range, and the code that names it.</summary>
    private static Gen<(BpsHouseholdSurvey Survey, string Code)> MalformedBpsSurvey =>
        from s in HouseholdGenerators.BpsSurvey
        from bad in Gen.Choose(-1_000, -1)
        from big in Gen.Choose(101, 1_000)
        from which in Gen.Choose(0, 13)
        select which switch
        {
            0 => (s with { FloorAreaM2 = bad + 1 }, HouseholdErrors.BpsFloorAreaNotPositive),
            1 => (s with { HouseholdSize = which % 2 == 0 ? big : bad + 1 }, HouseholdErrors.BpsHouseholdSizeOutOfRange),
            2 => (s with { Floor = (FloorType)(big % 200 + 7) }, HouseholdErrors.BpsFloorTypeUnknown),
            3 => (s with { Wall = (WallType)0 }, HouseholdErrors.BpsWallTypeUnknown),
            4 => (s with { DrinkingWater = (WaterSource)(big % 200 + 9) }, HouseholdErrors.BpsWaterSourceUnknown),
            5 => (s with { CookingFuel = (CookingFuel)0 }, HouseholdErrors.BpsCookingFuelUnknown),
            6 => (s with { HeadWork = (Employment)big }, HouseholdErrors.BpsHeadWorkUnknown),
            7 => (s with { HeadSchooling = (Schooling)7 }, HouseholdErrors.BpsHeadSchoolingUnknown),
            8 => (s with { ProteinMealsPerWeek = big }, HouseholdErrors.BpsProteinMealsOutOfRange),
            9 => (s with { ClothingSetsPerYear = bad }, HouseholdErrors.BpsClothingSetsOutOfRange),
            10 => (s with { MealsPerDay = big }, HouseholdErrors.BpsMealsPerDayOutOfRange),
            11 => (s with { HeadFarmLandM2 = bad }, HouseholdErrors.BpsFarmLandNegative),
            12 => (s with { HeadMonthlyIncome = Rupiah.Of(bad) }, HouseholdErrors.BpsHeadIncomeNegative),
            _ => (s with { SaleableAssets = Rupiah.Of(bad) }, HouseholdErrors.BpsSaleableAssetsNegative),
        };

    [Property(MaxTest = 200, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-01")]
    public bool A_survey_with_an_observation_out_of_range_is_refused_by_the_validator_with_its_code_and_by_the_assessor(MalformedSurvey malformed, BpsHouseholdSurvey valid)
    {
        var validator = new BpsHouseholdSurveyValidator();
        var assessor = new BpsPovertyAssessor(ProgramProfiles.Kub);
        var refused = validator.Validate(malformed.Survey);
        var accepted = validator.Validate(valid);
        var threw = false;
        try
        {
            assessor.Assess(malformed.Survey);
        }
        catch (ArgumentException)
        {
            threw = true;
        }
        return refused.Errors.Select(e => e.ErrorCode).SequenceEqual([malformed.Code])
            && !malformed.Survey.IsWellFormed && threw
            && accepted.IsValid && valid.IsWellFormed;
    }

    // ---------------------------------------------------------------- POV-02

    private static bool[] KepmensosOracle(Kepmensos262HouseholdSurvey s, PovertyParameters p) =>
    [
        !s.HeadOrManagerWorks,
        s.FoodInsecureInPastYear,
        s.MonthlyTotalSpending.Amount > 0
            && (decimal)s.MonthlyFoodSpending.Amount / s.MonthlyTotalSpending.Amount > p.Kepmensos262FoodShare.Percent / 100m,
        !s.BoughtClothingInPastYear,
        s.Floor is FloorType.Earth or FloorType.Plaster,
        s.Wall is not WallType.PlasteredBrick,
        !s.HasOwnLatrine,
        s.ElectricityVa <= p.Kepmensos262MaxElectricityVa,
    ];

    private static Gen<ProgramProfile> KepmensosProfiles =>
        from min in Gen.Choose(1, 8)
        from share in Gen.Choose(1, 99)
        from va in Gen.Elements(450, 900)
        select Surveys.WithPoverty(p => p with { Kepmensos262MinFurtherCriteriaMet = min, Kepmensos262FoodShare = Rate.FromPercent(share), Kepmensos262MaxElectricityVa = va });

    [Property(MaxTest = 200, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-02")]
    public bool A_household_without_shelter_is_fakir_miskin_whatever_else_is_observed(Kepmensos262HouseholdSurvey survey, KepmensosProfile kepmensos)
    {
        var profile = kepmensos.Profile;
        var assessor = new Kepmensos262Assessor(profile);
        var homeless = assessor.Assess(survey with { HasShelter = false, Floor = (FloorType)0, ElectricityVa = -1 });
        var decision = assessor.Explain(survey with { HasShelter = false });
        return homeless.IsFakirMiskin && homeless.HasNoShelter && homeless.Count == 0
            && decision.IsApproved && decision.Checks.Single().RuleId == RuleIds.Pov02;
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-02")]
    public bool A_sheltered_household_is_fakir_miskin_exactly_when_it_meets_the_threshold_of_the_eight_further_criteria(Kepmensos262HouseholdSurvey survey, KepmensosProfile kepmensos)
    {
        var profile = kepmensos.Profile;
        var sheltered = survey with { HasShelter = true };
        var assessment = new Kepmensos262Assessor(profile).Assess(sheltered);
        var oracle = KepmensosOracle(sheltered, profile.Poverty);
        var expected = Enumerable.Range(1, 8).Where(n => oracle[n - 1]).Select(n => (Kepmensos262Criterion)n).ToList();
        return assessment.MetCriteria().SequenceEqual(expected)
            && !assessment.HasNoShelter
            && assessment.IsFakirMiskin == (expected.Count >= profile.Poverty.Kepmensos262MinFurtherCriteriaMet);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-02")]
    public bool Food_counts_as_more_than_the_share_of_spending_only_when_it_exceeds_it_exactly(FoodShareCase c)
    {
        var (basisPoints, total) = c;
        var share = Rate.FromBasisPoints(basisPoints);
        var assessor = new Kepmensos262Assessor(Surveys.WithPoverty(p => p with { Kepmensos262FoodShare = share }));
        // The largest food amount that is not more than the share: floor(total × bp / 10 000); for totals in
        // whole multiples of Rp 10.000 it is exactly the share.
        var atMost = (long)total * basisPoints / 10_000;
        bool Met(long food) => assessor.Assess(Surveys.KepmensosWellOff with { MonthlyFoodSpending = Rupiah.Of(food), MonthlyTotalSpending = Rupiah.Of(total) })
            .IsMet(Kepmensos262Criterion.FoodShareOfSpending);
        return !Met(atMost) && (atMost + 1 > total || Met(atMost + 1));
    }

    private static Gen<Kepmensos262HouseholdSurvey> PoorerInOneKepmensosObservation(Kepmensos262HouseholdSurvey s) =>
        Gen.OneOf(
            Gen.Constant(s with { HasShelter = false }),
            Gen.Constant(s with { HeadOrManagerWorks = false }),
            Gen.Constant(s with { FoodInsecureInPastYear = true }),
            Gen.Choose(0, 1_000_000).Select(x => s with { MonthlyFoodSpending = s.MonthlyFoodSpending + Rupiah.Of(x), MonthlyTotalSpending = s.MonthlyTotalSpending + Rupiah.Of(x) }),
            Gen.Choose((int)s.MonthlyFoodSpending.Amount, (int)s.MonthlyTotalSpending.Amount).Select(t => s with { MonthlyTotalSpending = Rupiah.Of(t) }),
            Gen.Constant(s with { BoughtClothingInPastYear = false }),
            Gen.Elements(FloorType.Earth, FloorType.Plaster).Select(f => s with { Floor = f }),
            Gen.Elements(Enum.GetValues<WallType>().Where(w => w != WallType.PlasteredBrick).ToArray()).Select(w => s with { Wall = w }),
            Gen.Constant(s with { HasOwnLatrine = false }),
            Gen.Choose(0, Math.Max(0, s.ElectricityVa)).Select(va => s with { ElectricityVa = va }));

    [Property(MaxTest = 500, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-02")]
    public bool Raising_any_single_observation_toward_poverty_never_makes_a_fakir_miskin_household_stop_being_one(PoorerKepmensosPair pair, KepmensosProfile kepmensos)
    {
        var profile = kepmensos.Profile;
        var assessor = new Kepmensos262Assessor(profile);
        var before = assessor.Assess(pair.Survey);
        var after = assessor.Assess(pair.Poorer);
        var criteriaKept = before.HasNoShelter || after.HasNoShelter || before.MetCriteria().All(after.IsMet);
        return criteriaKept && (!before.IsFakirMiskin || after.IsFakirMiskin);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-02")]
    public bool A_survey_the_validator_accepts_is_exactly_one_the_assessor_accepts(AnyKepmensosSurvey input)
    {
        var survey = input.Survey;
        var valid = new Kepmensos262HouseholdSurveyValidator().Validate(survey).IsValid;
        bool accepted;
        try
        {
            new Kepmensos262Assessor(ProgramProfiles.Kub).Assess(survey);
            accepted = true;
        }
        catch (ArgumentException)
        {
            accepted = false;
        }
        return valid == accepted && valid == survey.IsWellFormed;
    }

    // ---------------------------------------------------------------- POV-03

    private static Gen<Period> Validities =>
        Gen.OneOf(
            Gen.Choose(1, 12).Select(Period.FromMonths),
            Gen.Choose(1, 120).Select(Period.FromDays),
            Gen.Choose(1, 2).Select(Period.FromYears));

    /// <summary>A date, a validity and registry rows ranked within a few days of the date minus the validity (where month ends bite), or anywhere.</summary>
    private static Gen<(LocalDate AsOf, Period Validity, HouseholdRegistryView[] Views)> NearTheCutOff =>
        from asOf in HouseholdGenerators.Date
        from validity in Validities
        from views in Gen.ArrayOf(
            Gen.OneOf(
                from offset in Gen.Choose(-4, 4)
                from decile in Gen.Choose(1, 10)
                select new HouseholdRegistryView(HouseholdId.New(), new RegistryEntry(RegistrySource.Dtsen, decile, asOf.Minus(validity).PlusDays(offset))),
                HouseholdGenerators.RegistryEntryAround(asOf, 800).Select(e => new HouseholdRegistryView(HouseholdId.New(), e))),
            8)
        select (asOf, validity, views);

    [Property(MaxTest = 500, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-03")]
    public bool A_decile_is_stale_exactly_when_ranked_more_than_the_validity_period_before_the_date_in_memory_and_as_a_query(CutOffCase c)
    {
        var (asOf, validity, views) = c;
        var spec = new HouseholdsWithStaleDecile(asOf, validity);
        var expected = views.Where(v => v.Registry.RankedOn.Plus(validity) < asOf).ToList();
        return spec.Evaluate(views).SequenceEqual(expected)
            && views.AsQueryable().WhereSatisfies(spec).SequenceEqual(expected)
            && views.All(v => spec.IsSatisfiedBy(v) == v.Registry.IsStaleOn(asOf, validity));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-03")]
    public bool A_registry_decile_within_the_range_of_its_registry_is_accepted_and_any_other_is_refused_with_a_coded_violation(RegistryDecile c)
    {
        var max = c.Source == RegistrySource.Dtks ? 4 : 10;
        var rankedOn = new LocalDate(2025, 6, 30);
        if (c.Decile >= 1 && c.Decile <= max)
        {
            return new RegistryEntry(c.Source, c.Decile, rankedOn).Decile == c.Decile;
        }
        var refusal = Should.Throw<RuleViolationException>(() => new RegistryEntry(c.Source, c.Decile, rankedOn)).Violation;
        return refusal.RuleId == RuleIds.Pov03 && refusal.ErrorCode == HouseholdErrors.DecileOutOfRange
            && (int?)refusal.Arguments["Decile"] == c.Decile && (int?)refusal.Arguments["MaxDecile"] == max;
    }

    [Fact]
    [Trait("Rule", "POV-03")]
    public void A_DTKS_decile_of_1_to_4_and_a_DTSEN_decile_of_1_to_10_are_accepted_and_one_past_either_end_is_refused()
    {
        var rankedOn = new LocalDate(2025, 6, 30);
        foreach (var (source, decile, accepted) in new[]
                 {
                     (RegistrySource.Dtks, 0, false), (RegistrySource.Dtks, 1, true), (RegistrySource.Dtks, 4, true), (RegistrySource.Dtks, 5, false),
                     (RegistrySource.Dtsen, 0, false), (RegistrySource.Dtsen, 1, true), (RegistrySource.Dtsen, 10, true), (RegistrySource.Dtsen, 11, false),
                 })
        {
            if (accepted)
            {
                new RegistryEntry(source, decile, rankedOn).Decile.ShouldBe(decile);
            }
            else
            {
                Should.Throw<RuleViolationException>(() => new RegistryEntry(source, decile, rankedOn), $"{source} {decile}")
                    .Violation.ErrorCode.ShouldBe(HouseholdErrors.DecileOutOfRange);
            }
        }
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-03")]
    public bool A_decile_is_fresh_through_ranking_date_plus_validity_and_stale_the_day_after(EntryAndValidity c)
    {
        var (entry, validity) = c;
        var last = entry.FreshThrough(validity);
        return !entry.IsStaleOn(last, validity) && entry.IsStaleOn(last.PlusDays(1), validity) && !entry.IsStaleOn(entry.RankedOn, validity);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-03")]
    public bool A_household_is_registry_poor_only_with_a_fresh_decile_at_most_the_maximum_in_memory_and_as_a_query(CutOffCase c, MaxDecile maxDecile)
    {
        var max = maxDecile.Value;
        var (asOf, validity, views) = c;
        var poverty = new PovertyParameters { MaxEligibleDecile = max, DecileValidity = validity };
        var spec = new HouseholdsWithEligibleDecile(asOf, poverty);
        var stale = new HouseholdsWithStaleDecile(asOf, poverty);
        var expected = views.Where(v => !v.Registry.IsStaleOn(asOf, validity) && v.Registry.Decile <= max).ToList();
        return spec.Evaluate(views).SequenceEqual(expected)
            && views.AsQueryable().WhereSatisfies(spec).SequenceEqual(expected)
            && views.All(v => v.Registry.IsEligibleOn(asOf, poverty) == spec.IsSatisfiedBy(v))
            && views.All(v => new PovertyEvidence(v.Registry, null, false).HasEligibleRegistryEntryOn(asOf, poverty) == spec.IsSatisfiedBy(v))
            && views.All(v => !(stale.IsSatisfiedBy(v) && spec.IsSatisfiedBy(v)));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(HouseholdArbitraries)])]
    [Trait("Rule", "POV-03")]
    public bool DTKS_and_DTSEN_deciles_compare_against_the_maximum_on_one_scale(DecileCase c)
    {
        var (decile, max, date) = c;
        var poverty = new PovertyParameters { MaxEligibleDecile = max };
        var dtks = new RegistryEntry(RegistrySource.Dtks, decile, date);
        var dtsen = new RegistryEntry(RegistrySource.Dtsen, decile, date);
        return dtks.IsEligibleOn(date, poverty) == dtsen.IsEligibleOn(date, poverty)
            && dtks.IsEligibleOn(date, poverty) == (decile <= max)
            && (max < 4 || dtks.IsEligibleOn(date, poverty));
    }
}
