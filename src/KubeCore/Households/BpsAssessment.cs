using System.Numerics;
using KubeCore.Common;

namespace KubeCore.Households;

/// <summary>
/// The 14 BPS criteria of a poor household (rumah tangga miskin; POV-01), numbered as BPS numbers them.
/// Each member names the poor side of its observation; thresholds come from
/// <see cref="Rules.Parameters.PovertyParameters"/>.
/// </summary>
public enum BpsCriterion : byte
{
    /// <summary>1. Floor area per person below <c>BpsFloorAreaPerPersonM2</c> (default 8 m²).</summary>
    SmallFloorArea = 1,

    /// <summary>2. Earth, bamboo or cheap-wood floor.</summary>
    PoorFloor = 2,

    /// <summary>3. Bamboo, rumbia, low-quality wood, unplastered or makeshift walls.</summary>
    PoorWall = 3,

    /// <summary>4. No toilet of its own (none, or shared with other households).</summary>
    NoOwnToilet = 4,

    /// <summary>5. Lighting is not electric.</summary>
    NoElectricity = 5,

    /// <summary>6. Drinking water from an unprotected well or spring, a river or lake, or rain.</summary>
    UnprotectedWater = 6,

    /// <summary>7. Cooking with firewood, charcoal or kerosene.</summary>
    PoorCookingFuel = 7,

    /// <summary>8. Meat, milk or chicken at most <c>BpsMaxProteinMealsPerWeek</c> times a week (default once).</summary>
    RareProtein = 8,

    /// <summary>9. At most <c>BpsMaxClothingSetsPerYear</c> sets of new clothes a year (default one).</summary>
    RareNewClothes = 9,

    /// <summary>10. At most <c>BpsMaxMealsPerDay</c> meals a day (default two).</summary>
    FewMeals = 10,

    /// <summary>11. Cannot pay for treatment at a Puskesmas or poliklinik.</summary>
    CannotAffordPuskesmas = 11,

    /// <summary>
    /// 12. The head is a farmer with land below <c>BpsFarmLandM2</c> (default 500 m²), a farm labourer, a
    /// fisher, a construction or plantation labourer, or earns below <c>BpsHeadMonthlyIncome</c> a month
    /// (default Rp 600.000) whatever the work.
    /// </summary>
    PoorLivelihood = 12,

    /// <summary>13. The head did not go beyond primary school (SD).</summary>
    LowSchooling = 13,

    /// <summary>14. No savings or easily sold goods worth at least <c>BpsSaleableAsset</c> (default Rp 500.000).</summary>
    NoSaleableAsset = 14,
}

/// <summary>
/// The outcome of the BPS 14-criteria assessment of one household (POV-01): which criteria it meets,
/// how many, and whether that reaches the profile's threshold. Allocation-free; ask
/// <see cref="BpsPovertyAssessor.Explain"/> for the full <see cref="Rules.Decision"/>.
/// </summary>
/// <remarks>
/// The default value is the assessment of a household that meets no criterion against a threshold of 1:
/// not poor.
/// </remarks>
public readonly record struct BpsAssessment
{
    /// <summary>The number of BPS criteria.</summary>
    public const int CriteriaCount = 14;

    private readonly ushort _met;           // bit (n - 1) set: criterion n met
    private readonly byte _minMinusOne;     // stored minus one so that default means "threshold 1"

    internal BpsAssessment(ushort met, int minCriteriaMet)
    {
        _met = met;
        _minMinusOne = (byte)(minCriteriaMet - 1);
    }

    /// <summary>How many criteria the household meets, 0..14.</summary>
    public int Count => BitOperations.PopCount(_met);

    /// <summary>The threshold it was assessed against (<c>Poverty.BpsMinCriteriaMet</c>), 1..14.</summary>
    public int MinCriteriaMet => _minMinusOne + 1;

    /// <summary>True when the household meets at least <see cref="MinCriteriaMet"/> criteria: miskin by BPS.</summary>
    public bool IsPoor => Count >= MinCriteriaMet;

    /// <summary>True when the household meets <paramref name="criterion"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="criterion"/> is not 1..14.</exception>
    public bool IsMet(BpsCriterion criterion)
    {
        Preconditions.CheckArgumentRange((int)criterion, 1, CriteriaCount);
        return (_met & (1 << ((int)criterion - 1))) != 0;
    }

    /// <summary>The criteria met, in BPS order (allocates a new list).</summary>
    public IReadOnlyList<BpsCriterion> MetCriteria()
    {
        var list = new List<BpsCriterion>(Count);
        for (var n = 1; n <= CriteriaCount; n++)
        {
            if ((_met & (1 << (n - 1))) != 0)
            {
                list.Add((BpsCriterion)n);
            }
        }
        return list;
    }

    /// <summary>For example <c>Poor (10 of 14 criteria met, at least 9 needed: 1, 2, 4, ...)</c>.</summary>
    public override string ToString() =>
        $"{(IsPoor ? "Poor" : "Not poor")} ({Count} of {CriteriaCount} criteria met, at least {MinCriteriaMet} needed{(Count == 0 ? string.Empty : ": " + string.Join(", ", MetCriteria().Select(c => (int)c)))})";
}
