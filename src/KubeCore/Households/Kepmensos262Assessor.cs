using System.Numerics;
using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Households;

/// <summary>The eight further criteria of Kepmensos 262/HUK/2022 ("deteksi lanjutan"; POV-02), numbered 1..8 for (a)..(h).</summary>
public enum Kepmensos262Criterion : byte
{
    /// <summary>(a) The head of household or the family's manager does not work.</summary>
    NotWorking = 1,

    /// <summary>(b) Worried about not eating, or did not eat, in the past year.</summary>
    FoodInsecure = 2,

    /// <summary>(c) Food is more than <c>Kepmensos262FoodShare</c> of total spending (default half).</summary>
    FoodShareOfSpending = 3,

    /// <summary>(d) No spending on clothing in the past year.</summary>
    NoClothingSpending = 4,

    /// <summary>(e) The floor is mostly earth and/or plaster (plesteran).</summary>
    EarthOrPlasterFloor = 5,

    /// <summary>(f) The walls are mostly bamboo, wire, wood planks, tarpaulin, cardboard, unplastered brick, rumbia or zinc.</summary>
    PoorWalls = 6,

    /// <summary>(g) No latrine of its own, or a communal latrine.</summary>
    NoOwnLatrine = 7,

    /// <summary>(h) Electricity of at most <c>Kepmensos262MaxElectricityVa</c> (default 450 VA), or none.</summary>
    LowOrNoElectricity = 8,
}

/// <summary>
/// The outcome of the Kepmensos 262/HUK/2022 assessment of one household (POV-02): the shelter gate,
/// which further criteria it meets and whether it is fakir miskin. Allocation-free.
/// </summary>
/// <remarks>
/// When the household has no shelter it is fakir miskin outright and the further criteria are not
/// evaluated (<see cref="Count"/> is 0). The default value is the assessment of a household with a
/// shelter that meets no criterion against a threshold of 1: not fakir miskin.
/// </remarks>
public readonly record struct Kepmensos262Assessment
{
    /// <summary>The number of further criteria.</summary>
    public const int CriteriaCount = 8;

    private readonly byte _met;
    private readonly byte _minMinusOne;
    private readonly bool _noShelter;

    internal Kepmensos262Assessment(bool noShelter, byte met, int minCriteriaMet)
    {
        _noShelter = noShelter;
        _met = met;
        _minMinusOne = (byte)(minCriteriaMet - 1);
    }

    /// <summary>True when the household has no shelter: fakir miskin by the gate alone.</summary>
    public bool HasNoShelter => _noShelter;

    /// <summary>How many further criteria the household meets, 0..8 (0 when it has no shelter).</summary>
    public int Count => BitOperations.PopCount(_met);

    /// <summary>The threshold of further criteria (<c>Poverty.Kepmensos262MinFurtherCriteriaMet</c>), 1..8.</summary>
    public int MinCriteriaMet => _minMinusOne + 1;

    /// <summary>True when the household has no shelter, or meets at least <see cref="MinCriteriaMet"/> further criteria.</summary>
    public bool IsFakirMiskin => _noShelter || Count >= MinCriteriaMet;

    /// <summary>True when the household meets <paramref name="criterion"/> (always false without a shelter: not evaluated).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="criterion"/> is not 1..8.</exception>
    public bool IsMet(Kepmensos262Criterion criterion)
    {
        Preconditions.CheckArgumentRange((int)criterion, 1, CriteriaCount);
        return (_met & (1 << ((int)criterion - 1))) != 0;
    }

    /// <summary>The further criteria met, in order (a)..(h) (allocates a new list).</summary>
    public IReadOnlyList<Kepmensos262Criterion> MetCriteria()
    {
        var list = new List<Kepmensos262Criterion>(Count);
        for (var n = 1; n <= CriteriaCount; n++)
        {
            if ((_met & (1 << (n - 1))) != 0)
            {
                list.Add((Kepmensos262Criterion)n);
            }
        }
        return list;
    }

    /// <summary>For example <c>Fakir miskin (no shelter)</c> or <c>Not fakir miskin (3 of 8 further criteria met, at least 5 needed)</c>.</summary>
    public override string ToString() =>
        _noShelter
            ? "Fakir miskin (no shelter)"
            : $"{(IsFakirMiskin ? "Fakir miskin" : "Not fakir miskin")} ({Count} of {CriteriaCount} further criteria met, at least {MinCriteriaMet} needed)";
}

/// <summary>
/// Applies the fakir-miskin criteria of Kepmensos 262/HUK/2022 (POV-02) with the thresholds of one
/// program profile: a household with no shelter is fakir miskin outright; otherwise it is when it meets
/// at least <c>Poverty.Kepmensos262MinFurtherCriteriaMet</c> of the 8 further criteria (default 5; the
/// sources give no count, so this threshold is a parameter).
/// </summary>
/// <remarks>
/// <para>Criterion (c) compares exactly, in integers: food spending is more than the share when
/// <c>food × 10 000 &gt; total × share in basis points</c> (half exactly is not more than half). A total
/// of zero never meets it. Criterion (h) is "at most" the VA limit, so 0 VA (no electricity) always
/// meets it.</para>
/// <para>Criteria (e) and (f) follow the decree's lists: (e) counts earth and plaster floors only (not
/// bamboo or wood); (f) counts every wall but plastered brick, including good timber boards, because
/// the decree names "papan kayu" without a quality (BPS criterion 3 differs).</para>
/// <para><see cref="Assess"/> allocates nothing. Immutable and thread-safe.</para>
/// </remarks>
public sealed class Kepmensos262Assessor
{
    private readonly Rate _foodShare;
    private readonly int _maxVa;
    private readonly int _minCriteriaMet;

    /// <summary>Creates an assessor with the POV-02 parameters of <paramref name="profile"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public Kepmensos262Assessor(ProgramProfile profile)
    {
        Profile = Preconditions.CheckNotNull(profile);
        _foodShare = profile.Poverty.Kepmensos262FoodShare;
        _maxVa = profile.Poverty.Kepmensos262MaxElectricityVa;
        _minCriteriaMet = profile.Poverty.Kepmensos262MinFurtherCriteriaMet;
    }

    /// <summary>The profile whose thresholds are applied.</summary>
    public ProgramProfile Profile { get; }

    /// <summary>Assesses one household. Allocation-free.</summary>
    /// <exception cref="ArgumentException">The survey is not well-formed (<see cref="Kepmensos262HouseholdSurvey.IsWellFormed"/>); validate input first.</exception>
    public Kepmensos262Assessment Assess(in Kepmensos262HouseholdSurvey survey)
    {
        if (!survey.IsWellFormed)
        {
            ThrowMalformed();
        }
        if (!survey.HasShelter)
        {
            return new Kepmensos262Assessment(noShelter: true, 0, _minCriteriaMet);
        }
        var met = 0;
        if (!survey.HeadOrManagerWorks)
        {
            met |= 1 << 0;
        }
        if (survey.FoodInsecureInPastYear)
        {
            met |= 1 << 1;
        }
        if (_foodShare.IsExceededBy(survey.MonthlyFoodSpending.Amount, survey.MonthlyTotalSpending.Amount))
        {
            met |= 1 << 2;
        }
        if (!survey.BoughtClothingInPastYear)
        {
            met |= 1 << 3;
        }
        if (survey.Floor is FloorType.Earth or FloorType.Plaster)
        {
            met |= 1 << 4;
        }
        if (survey.Wall != WallType.PlasteredBrick)
        {
            met |= 1 << 5;
        }
        if (!survey.HasOwnLatrine)
        {
            met |= 1 << 6;
        }
        if (survey.ElectricityVa <= _maxVa)
        {
            met |= 1 << 7;
        }
        return new Kepmensos262Assessment(noShelter: false, (byte)met, _minCriteriaMet);
    }

    /// <summary>
    /// The auditable decision for one household: approved when it is fakir miskin by POV-02, otherwise
    /// rejected with <see cref="HouseholdErrors.Kepmensos262TooFewCriteriaMet"/>. The check records the
    /// thresholds used, the gate and, for each further criterion, the observation and whether it was met.
    /// </summary>
    /// <param name="survey">The household's observations.</param>
    /// <param name="asOf">The verification date, recorded in the decision when given.</param>
    /// <exception cref="ArgumentException">The survey is not well-formed.</exception>
    public Decision Explain(in Kepmensos262HouseholdSurvey survey, LocalDate? asOf = null)
    {
        var assessment = Assess(in survey);
        var s = survey;
        var p = Profile.Poverty;
        var parameters = new List<(string Name, object? Value)>
        {
            ("Poverty.Kepmensos262MinFurtherCriteriaMet", p.Kepmensos262MinFurtherCriteriaMet),
            ("Poverty.Kepmensos262FoodShare", p.Kepmensos262FoodShare),
            ("Poverty.Kepmensos262MaxElectricityVa", p.Kepmensos262MaxElectricityVa),
            ("Gate NoShelter", s.HasShelter ? "has a shelter: further criteria evaluated" : "no shelter: fakir miskin outright"),
        };
        if (s.HasShelter)
        {
            string Met(Kepmensos262Criterion c, string observation) => (assessment.IsMet(c) ? "met: " : "not met: ") + observation;
            parameters.Add(("CriteriaMet", assessment.Count));
            parameters.Add(("a NotWorking", Met(Kepmensos262Criterion.NotWorking, s.HeadOrManagerWorks ? "head or manager works" : "head or manager does not work")));
            parameters.Add(("b FoodInsecure", Met(Kepmensos262Criterion.FoodInsecure, s.FoodInsecureInPastYear ? "food insecure in the past year" : "food secure")));
            parameters.Add(("c FoodShareOfSpending", Met(Kepmensos262Criterion.FoodShareOfSpending, $"food {s.MonthlyFoodSpending} of {s.MonthlyTotalSpending}/month")));
            parameters.Add(("d NoClothingSpending", Met(Kepmensos262Criterion.NoClothingSpending, s.BoughtClothingInPastYear ? "bought clothing" : "no clothing spending")));
            parameters.Add(("e EarthOrPlasterFloor", Met(Kepmensos262Criterion.EarthOrPlasterFloor, s.Floor.ToString())));
            parameters.Add(("f PoorWalls", Met(Kepmensos262Criterion.PoorWalls, s.Wall.ToString())));
            parameters.Add(("g NoOwnLatrine", Met(Kepmensos262Criterion.NoOwnLatrine, s.HasOwnLatrine ? "own latrine" : "no own latrine")));
            parameters.Add(("h LowOrNoElectricity", Met(Kepmensos262Criterion.LowOrNoElectricity, $"{s.ElectricityVa} VA")));
        }
        return new DecisionBuilder("Fakir miskin by Kepmensos 262/HUK/2022", Profile, asOf)
            .Check(
                RuleIds.Pov02,
                assessment.IsFakirMiskin,
                () => RuleViolation.Of(RuleIds.Pov02, HouseholdErrors.Kepmensos262TooFewCriteriaMet, ("Met", assessment.Count), ("Required", assessment.MinCriteriaMet)),
                [.. parameters])
            .Build();
    }

    private static void ThrowMalformed() =>
        throw new ArgumentException("The survey is not well-formed: validate it with Kepmensos262HouseholdSurveyValidator first.", "survey");
}
