using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Households;

/// <summary>
/// Applies the BPS 14 criteria of a poor household (POV-01) with the thresholds of one program profile:
/// a household is poor (miskin) when it meets at least <c>Poverty.BpsMinCriteriaMet</c> criteria
/// (default 9 of 14).
/// </summary>
/// <remarks>
/// <para><see cref="Assess"/> and <see cref="AssessAll"/> allocate nothing and use integer arithmetic
/// only: criterion 1 compares <c>FloorAreaM2 &lt; BpsFloorAreaPerPersonM2 × HouseholdSize</c> instead of
/// dividing. <see cref="Explain"/> builds the auditable <see cref="Decision"/> on request.</para>
/// <para>Boundaries, as the sources word them: criterion 1 is strictly below the area per person
/// (8 m² per person exactly is not poor); 8, 9 and 10 are "at most" (once a week, one set, two meals are
/// poor); 12 is strictly below the land and the income; 14 is strictly below the asset value.</para>
/// <para>Criterion 12 reads the BPS list as alternatives: a farmer (<see cref="Employment.Farmer"/>) with
/// land below the threshold, a farm labourer, a fisher, a construction or plantation labourer
/// (<see cref="Employment.Labourer"/>), or any head whose income is below the threshold.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class BpsPovertyAssessor
{
    private readonly int _floorAreaPerPerson;
    private readonly int _maxProteinMeals;
    private readonly int _maxClothingSets;
    private readonly int _maxMeals;
    private readonly int _farmLand;
    private readonly long _income;
    private readonly long _asset;
    private readonly int _minCriteriaMet;

    /// <summary>Creates an assessor with the POV-01 parameters of <paramref name="profile"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public BpsPovertyAssessor(ProgramProfile profile)
    {
        Profile = Preconditions.CheckNotNull(profile);
        var p = profile.Poverty;
        _floorAreaPerPerson = p.BpsFloorAreaPerPersonM2;
        _maxProteinMeals = p.BpsMaxProteinMealsPerWeek;
        _maxClothingSets = p.BpsMaxClothingSetsPerYear;
        _maxMeals = p.BpsMaxMealsPerDay;
        _farmLand = p.BpsFarmLandM2;
        _income = p.BpsHeadMonthlyIncome.Amount;
        _asset = p.BpsSaleableAsset.Amount;
        _minCriteriaMet = p.BpsMinCriteriaMet;
    }

    /// <summary>The profile whose thresholds are applied.</summary>
    public ProgramProfile Profile { get; }

    /// <summary>Assesses one household. Allocation-free.</summary>
    /// <exception cref="ArgumentException">The survey is not well-formed (<see cref="BpsHouseholdSurvey.IsWellFormed"/>); validate input first.</exception>
    public BpsAssessment Assess(in BpsHouseholdSurvey survey)
    {
        if (!survey.IsWellFormed)
        {
            ThrowMalformed();
        }
        return new BpsAssessment(Evaluate(in survey), _minCriteriaMet);
    }

    /// <summary>
    /// Assesses every survey into the matching slot of <paramref name="results"/>. Allocation-free.
    /// </summary>
    /// <returns>How many of the households are poor.</returns>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="surveys"/>, or a survey is not well-formed (earlier slots are then already written).</exception>
    public int AssessAll(ReadOnlySpan<BpsHouseholdSurvey> surveys, Span<BpsAssessment> results)
    {
        Preconditions.CheckArgument(results.Length >= surveys.Length, nameof(results), "There must be a result slot for every survey.");
        var poor = 0;
        for (var i = 0; i < surveys.Length; i++)
        {
            var assessment = Assess(in surveys[i]);
            results[i] = assessment;
            poor += assessment.IsPoor ? 1 : 0;
        }
        return poor;
    }

    /// <summary>
    /// The auditable decision for one household: approved when it is poor by POV-01, otherwise rejected
    /// with <see cref="HouseholdErrors.BpsTooFewCriteriaMet"/>. The check records every threshold used
    /// and, for each of the 14 criteria, the observation and whether it was met.
    /// </summary>
    /// <param name="survey">The household's observations.</param>
    /// <param name="asOf">The survey date, recorded in the decision when given.</param>
    /// <exception cref="ArgumentException">The survey is not well-formed.</exception>
    public Decision Explain(in BpsHouseholdSurvey survey, LocalDate? asOf = null)
    {
        var assessment = Assess(in survey);
        var s = survey;
        string Met(BpsCriterion c, string observation) => (assessment.IsMet(c) ? "met: " : "not met: ") + observation;
        var p = Profile.Poverty;
        return new DecisionBuilder("Poor household by the BPS 14 criteria", Profile, asOf)
            .Check(
                RuleIds.Pov01,
                assessment.IsPoor,
                () => RuleViolation.Of(RuleIds.Pov01, HouseholdErrors.BpsTooFewCriteriaMet, ("Met", assessment.Count), ("Required", assessment.MinCriteriaMet)),
                ("Poverty.BpsMinCriteriaMet", p.BpsMinCriteriaMet),
                ("Poverty.BpsFloorAreaPerPersonM2", p.BpsFloorAreaPerPersonM2),
                ("Poverty.BpsMaxProteinMealsPerWeek", p.BpsMaxProteinMealsPerWeek),
                ("Poverty.BpsMaxClothingSetsPerYear", p.BpsMaxClothingSetsPerYear),
                ("Poverty.BpsMaxMealsPerDay", p.BpsMaxMealsPerDay),
                ("Poverty.BpsFarmLandM2", p.BpsFarmLandM2),
                ("Poverty.BpsHeadMonthlyIncome", p.BpsHeadMonthlyIncome),
                ("Poverty.BpsSaleableAsset", p.BpsSaleableAsset),
                ("CriteriaMet", assessment.Count),
                ("01 SmallFloorArea", Met(BpsCriterion.SmallFloorArea, $"{s.FloorAreaM2} m² for {s.HouseholdSize} persons")),
                ("02 PoorFloor", Met(BpsCriterion.PoorFloor, s.Floor.ToString())),
                ("03 PoorWall", Met(BpsCriterion.PoorWall, s.Wall.ToString())),
                ("04 NoOwnToilet", Met(BpsCriterion.NoOwnToilet, s.HasOwnToilet ? "own toilet" : "no own toilet")),
                ("05 NoElectricity", Met(BpsCriterion.NoElectricity, s.HasElectricity ? "electric lighting" : "no electricity")),
                ("06 UnprotectedWater", Met(BpsCriterion.UnprotectedWater, s.DrinkingWater.ToString())),
                ("07 PoorCookingFuel", Met(BpsCriterion.PoorCookingFuel, s.CookingFuel.ToString())),
                ("08 RareProtein", Met(BpsCriterion.RareProtein, $"{s.ProteinMealsPerWeek}/week")),
                ("09 RareNewClothes", Met(BpsCriterion.RareNewClothes, $"{s.ClothingSetsPerYear}/year")),
                ("10 FewMeals", Met(BpsCriterion.FewMeals, $"{s.MealsPerDay}/day")),
                ("11 CannotAffordPuskesmas", Met(BpsCriterion.CannotAffordPuskesmas, s.CanAffordPuskesmas ? "can afford" : "cannot afford")),
                ("12 PoorLivelihood", Met(BpsCriterion.PoorLivelihood, $"{s.HeadWork}, {s.HeadFarmLandM2} m², {s.HeadMonthlyIncome}/month")),
                ("13 LowSchooling", Met(BpsCriterion.LowSchooling, s.HeadSchooling.ToString())),
                ("14 NoSaleableAsset", Met(BpsCriterion.NoSaleableAsset, s.SaleableAssets.ToString())))
            .Build();
    }

    // Sets of enum values as bit masks (bit v set: value v is poor), so that every criterion is a shift and
    // a comparison: the evaluation has no data-dependent branches.
    private const int PoorFloors = (1 << (int)FloorType.Earth) | (1 << (int)FloorType.Bamboo) | (1 << (int)FloorType.LowQualityWood);
    private const int PoorWalls = (1 << (int)WallType.Makeshift) | (1 << (int)WallType.Rumbia) | (1 << (int)WallType.Bamboo) | (1 << (int)WallType.LowQualityWood) | (1 << (int)WallType.UnplasteredBrick);
    private const int UnprotectedWater = (1 << (int)WaterSource.UnprotectedWell) | (1 << (int)WaterSource.UnprotectedSpring) | (1 << (int)WaterSource.SurfaceWater) | (1 << (int)WaterSource.Rainwater);
    private const int PoorFuels = (1 << (int)CookingFuel.Kerosene) | (1 << (int)CookingFuel.Charcoal) | (1 << (int)CookingFuel.Firewood);
    private const int PoorWork = (1 << (int)Employment.FarmLabourer) | (1 << (int)Employment.Fisher) | (1 << (int)Employment.Labourer);
    private const int LowSchooling = (1 << (int)Schooling.None) | (1 << (int)Schooling.PrimaryNotCompleted) | (1 << (int)Schooling.Primary);

    // Bit (n - 1) of the result is criterion n. Enum values of a well-formed survey are below 32.
    private ushort Evaluate(in BpsHouseholdSurvey s)
    {
        var livelihood =
            Bit(s.HeadMonthlyIncome.Amount < _income)
            | ((PoorWork >> (int)s.HeadWork) & 1)
            | (Bit(s.HeadWork == Employment.Farmer) & Bit(s.HeadFarmLandM2 < _farmLand));
        var met =
            Bit(s.FloorAreaM2 < (long)_floorAreaPerPerson * s.HouseholdSize)
            | (((PoorFloors >> (int)s.Floor) & 1) << 1)
            | (((PoorWalls >> (int)s.Wall) & 1) << 2)
            | (Bit(!s.HasOwnToilet) << 3)
            | (Bit(!s.HasElectricity) << 4)
            | (((UnprotectedWater >> (int)s.DrinkingWater) & 1) << 5)
            | (((PoorFuels >> (int)s.CookingFuel) & 1) << 6)
            | (Bit(s.ProteinMealsPerWeek <= _maxProteinMeals) << 7)
            | (Bit(s.ClothingSetsPerYear <= _maxClothingSets) << 8)
            | (Bit(s.MealsPerDay <= _maxMeals) << 9)
            | (Bit(!s.CanAffordPuskesmas) << 10)
            | (livelihood << 11)
            | (((LowSchooling >> (int)s.HeadSchooling) & 1) << 12)
            | (Bit(s.SaleableAssets.Amount < _asset) << 13);
        return (ushort)met;
    }

    private static int Bit(bool condition) => condition ? 1 : 0;

    private static void ThrowMalformed() =>
        throw new ArgumentException("The survey is not well-formed: validate it with BpsHouseholdSurveyValidator first.", "survey");
}
