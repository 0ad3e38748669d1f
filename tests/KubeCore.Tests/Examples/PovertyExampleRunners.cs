using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Tests.Conventions;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.Examples;

/// <summary>
/// POV-01: one household's BPS survey, checked by <see cref="BpsHouseholdSurveyValidator"/> and then explained by
/// <see cref="BpsPovertyAssessor.Explain"/>. The household meets no criterion unless the row says otherwise:
/// <c>floor_area_m2</c> (60) for <c>household_size</c> (4), <c>floor</c> (Tiles), <c>wall</c> (PlasteredBrick),
/// <c>own_toilet</c> (true), <c>electricity</c> (true), <c>drinking_water</c> (Piped), <c>cooking_fuel</c> (Gas),
/// <c>protein_meals_per_week</c> (3), <c>clothing_sets_per_year</c> (2), <c>meals_per_day</c> (3),
/// <c>can_afford_puskesmas</c> (true), <c>head_work</c> (Trader), <c>head_farm_land_m2</c> (0),
/// <c>head_monthly_income</c> (Rp 2.000.000), <c>head_schooling</c> (SeniorSecondary), <c>saleable_assets</c>
/// (Rp 5.000.000). Figures: <c>criteria_met</c> and <c>poor</c>.
/// </summary>
internal sealed class Pov01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Pov01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var survey = new BpsHouseholdSurvey
        {
            FloorAreaM2 = example.Int("floor_area_m2", 60),
            HouseholdSize = example.Int("household_size", 4),
            Floor = example.Enum("floor", FloorType.Tiles),
            Wall = example.Enum("wall", WallType.PlasteredBrick),
            HasOwnToilet = example.Bool("own_toilet", true),
            HasElectricity = example.Bool("electricity", true),
            DrinkingWater = example.Enum("drinking_water", WaterSource.Piped),
            CookingFuel = example.Enum("cooking_fuel", CookingFuel.Gas),
            ProteinMealsPerWeek = example.Int("protein_meals_per_week", 3),
            ClothingSetsPerYear = example.Int("clothing_sets_per_year", 2),
            MealsPerDay = example.Int("meals_per_day", 3),
            CanAffordPuskesmas = example.Bool("can_afford_puskesmas", true),
            HeadWork = example.Enum("head_work", Employment.Trader),
            HeadFarmLandM2 = example.Int("head_farm_land_m2", 0),
            HeadMonthlyIncome = Rupiah.Of(example.Long("head_monthly_income", 2_000_000)),
            HeadSchooling = example.Enum("head_schooling", Schooling.SeniorSecondary),
            SaleableAssets = Rupiah.Of(example.Long("saleable_assets", 5_000_000)),
        };
        var validation = new BpsHouseholdSurveyValidator().Validate(survey);
        if (!validation.IsValid)
        {
            return Validated(validation);
        }
        var assessor = new BpsPovertyAssessor(example.ProgramProfile);
        var assessment = assessor.Assess(survey);
        return FirstOf(assessor.Explain(survey).Violations, ("criteria_met", assessment.Count), ("poor", assessment.IsPoor));
    }
}

/// <summary>
/// POV-02: one household's Kepmensos 262/HUK/2022 survey, checked by <see cref="Kepmensos262HouseholdSurveyValidator"/>
/// and explained by <see cref="Kepmensos262Assessor.Explain"/>. It meets no criterion unless the row says otherwise:
/// <c>has_shelter</c> (true), <c>head_works</c> (true), <c>food_insecure</c> (false), <c>food_spending</c>
/// (Rp 1.000.000 a month) of <c>total_spending</c> (Rp 3.000.000), <c>bought_clothing</c> (true), <c>floor</c> (Tiles),
/// <c>wall</c> (PlasteredBrick), <c>own_latrine</c> (true), <c>electricity_va</c> (1300). Figures:
/// <c>criteria_met</c> and <c>fakir_miskin</c>.
/// </summary>
internal sealed class Pov02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Pov02;

    internal override ExampleResult Run(WorkedExample example)
    {
        var survey = new Kepmensos262HouseholdSurvey
        {
            HasShelter = example.Bool("has_shelter", true),
            HeadOrManagerWorks = example.Bool("head_works", true),
            FoodInsecureInPastYear = example.Bool("food_insecure", false),
            MonthlyFoodSpending = Rupiah.Of(example.Long("food_spending", 1_000_000)),
            MonthlyTotalSpending = Rupiah.Of(example.Long("total_spending", 3_000_000)),
            BoughtClothingInPastYear = example.Bool("bought_clothing", true),
            Floor = example.Enum("floor", FloorType.Tiles),
            Wall = example.Enum("wall", WallType.PlasteredBrick),
            HasOwnLatrine = example.Bool("own_latrine", true),
            ElectricityVa = example.Int("electricity_va", 1300),
        };
        var validation = new Kepmensos262HouseholdSurveyValidator().Validate(survey);
        if (!validation.IsValid)
        {
            return Validated(validation);
        }
        var assessor = new Kepmensos262Assessor(example.ProgramProfile);
        var assessment = assessor.Assess(survey);
        return FirstOf(assessor.Explain(survey).Violations, ("criteria_met", assessment.Count), ("fakir_miskin", assessment.IsFakirMiskin));
    }
}

/// <summary>
/// What the wealth-ranking runners share: an exercise in <c>desa</c> (default Pahandut, 62.71.01.1001) held on
/// <c>held_on</c> (default 1 October 2019). The judged household is sorted by informant i into pile <c>piles[i]</c> of
/// <c>pile_counts[i]</c> (default 4) piles (default: three informants, pile 4 of 4, the poorest); as many other
/// households as the largest pile count fill the piles in turn (pile 1 is the richest), so that no pile is empty.
/// </summary>
internal static class WealthRows
{
    public static readonly LocalDate DefaultHeldOn = new(2019, 10, 1);

    public static (WealthRankingExercise Exercise, HouseholdId Judged) Rank(WorkedExample row)
    {
        var piles = row.Has("piles") ? row.List("piles").Select(int.Parse).ToArray() : [4, 4, 4];
        var counts = row.Has("pile_counts") ? row.List("pile_counts").Select(int.Parse).ToArray() : piles.Select(_ => 4).ToArray();
        if (counts.Length != piles.Length)
        {
            throw row.Problem("'piles' and 'pile_counts' list one value per informant");
        }
        var judged = HouseholdId.New();
        var others = Enumerable.Range(0, counts.Max()).Select(_ => HouseholdId.New()).ToArray();
        var exercise = WealthRankingExercise.Open(
            new OpenWealthRankingExercise(ExerciseId.New(), RegionCode.Parse(row.Text("desa", "62.71.01.1001")), row.Date("held_on", DefaultHeldOn), [judged, .. others]),
            row.ProgramProfile);
        for (var i = 0; i < piles.Length; i++)
        {
            var count = counts[i];
            var placements = others.Select((h, j) => new HouseholdPlacement(h, (j % count) + 1)).Prepend(new HouseholdPlacement(judged, piles[i])).ToArray();
            exercise.SubmitSorting(new InformantSorting($"Informan {i + 1}", count, placements));
        }
        return (exercise, judged);
    }
}

/// <summary>
/// POV-03 and PRA-03: the judged household (see <see cref="WealthRows"/>) is matched with the registry base data, where it
/// has a <c>registry</c> (Dtks or Dtsen, default Dtks) entry of <c>decile</c> ranked on <c>ranked_on</c> (no entry without a
/// decile; a decile outside the registry's range is refused when the entry is made, POV-03); <c>unranked_registry_poor</c>
/// more base-data households (decile 1, ranked a month before) were not ranked. The outcome is the first warning the
/// match raises under the runner's rule (the library flags, never refuses, a household: "accepted" means no flag). Figures: <c>class</c> and <c>finding</c> of the judged household,
/// <c>fresh_through</c> (the last day its decile is fresh, or <c>none</c>) and <c>mismatch</c> (whether it is listed as a
/// mismatch). The other households of the exercise are not in the base data; their flags are not the row's.
/// </summary>
internal static class RegistryRows
{
    public static ExampleResult Match(WorkedExample row, RuleId rule)
    {
        var (exercise, judged) = WealthRows.Rank(row);
        var result = exercise.Conclude();
        var heldOn = exercise.HeldOn;
        var baseData = new List<HouseholdRegistryView>();
        RegistryEntry? entry = null;
        if (row.Has("decile"))
        {
            entry = new RegistryEntry(row.Enum("registry", RegistrySource.Dtks), row.Int("decile"), row.Date("ranked_on", heldOn.PlusDays(-30)));
            baseData.Add(new HouseholdRegistryView(judged, entry));
        }
        for (var i = 0; i < row.Int("unranked_registry_poor", 0); i++)
        {
            baseData.Add(new HouseholdRegistryView(HouseholdId.New(), new RegistryEntry(RegistrySource.Dtks, 1, heldOn.PlusMonths(-1))));
        }
        var match = result.MatchWithRegistry(baseData);
        var household = match.For(judged);
        var figures = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["class"] = household.Class.ToString(),
            ["finding"] = household.Finding.ToString(),
            ["fresh_through"] = entry is null ? "none" : ExampleRunner.Format(entry.FreshThrough(row.ProgramProfile.Poverty.DecileValidity)),
            ["mismatch"] = ExampleRunner.Format(match.Mismatches.Contains(household)),
        };
        // The judged household's own flag first; then the flags of base-data households the exercise did not rank.
        var flags = match.Decision.Warnings.Where(w => w.RuleId == rule).ToList();
        var flag = flags.FirstOrDefault(w => w.Arguments.TryGetValue("HouseholdId", out var h) && Equals(h, judged))
            ?? flags.FirstOrDefault(w => w.ErrorCode == WealthRankingErrors.RegistryPoorNotRanked);
        return new ExampleResult(flag?.ErrorCode ?? WorkedExample.AcceptedOutcome, figures);
    }
}

/// <summary>POV-03: a decile's staleness on the exercise date, through the registry match (see <see cref="RegistryRows"/>).</summary>
internal sealed class Pov03Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Pov03;

    internal override ExampleResult Run(WorkedExample example) => RegistryRows.Match(example, Rule);
}

/// <summary>
/// PRA-01: an exercise of <c>households</c> households (default 4) in <c>desa</c> (default 62.71.01.1001), sorted by the
/// informants named in <c>informants</c>, each into min(4, households) piles in turn, then concluded. Figures:
/// <c>informants</c> and <c>warnings</c> (the PRA-01 warning codes, or <c>none</c>).
/// </summary>
internal sealed class Pra01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Pra01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var households = Enumerable.Range(0, example.Int("households", 4)).Select(_ => HouseholdId.New()).ToArray();
        var exercise = WealthRankingExercise.Open(
            new OpenWealthRankingExercise(ExerciseId.New(), RegionCode.Parse(example.Text("desa", "62.71.01.1001")), WealthRows.DefaultHeldOn, households),
            example.ProgramProfile);
        var piles = Math.Min(4, households.Length);
        foreach (var informant in example.List("informants"))
        {
            exercise.SubmitSorting(new InformantSorting(informant, piles, households.Select((h, j) => new HouseholdPlacement(h, (j % piles) + 1)).ToArray()));
        }
        var result = exercise.Conclude();
        var warnings = exercise.CheckReadiness().Warnings.Where(w => w.RuleId == Rule).Select(w => w.ErrorCode).ToList();
        return Accepted(("informants", result.InformantCount), ("warnings", warnings.Count == 0 ? "none" : string.Join(",", warnings)));
    }
}

/// <summary>
/// PRA-02: the judged household's score and category (see <see cref="WealthRows"/>): the mean over informants of
/// 100 × pile / pile count, rounded to 2 decimals for the figure, placed in the first band whose upper score it does not
/// exceed. A pile outside 1..pile count, or a pile count below 2, is refused when the sorting is submitted. Figures:
/// <c>score</c>, <c>category</c> and <c>poor</c>.
/// </summary>
internal sealed class Pra02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Pra02;

    internal override ExampleResult Run(WorkedExample example)
    {
        var (exercise, judged) = WealthRows.Rank(example);
        var rank = exercise.Conclude().For(judged);
        return Accepted(("score", rank.Score.Round(2)), ("category", rank.Category), ("poor", rank.IsPoor));
    }
}

/// <summary>PRA-03: the judged household's class in the registry match (see <see cref="RegistryRows"/>); the outcome is its PRA-03 flag.</summary>
internal sealed class Pra03Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Pra03;

    internal override ExampleResult Run(WorkedExample example) => RegistryRows.Match(example, Rule);
}
