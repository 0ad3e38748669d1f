using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using KubeCore.Rules.Parameters;
using KubeCore.Tests.Support;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.Builders;

/// <summary>Builds a <see cref="Household"/> with a valid family-card number issued in its kecamatan.</summary>
public sealed class HouseholdBuilder
{
    private static int _serial;
    private HouseholdId _id = HouseholdId.New();
    private RegionCode _desa = HouseholdPlaces.Dawuhan;
    private int _size = 4;
    private LocalDate _cardIssued = new(2010, 3, 15);

    public HouseholdBuilder WithId(HouseholdId id)
    {
        _id = id;
        return this;
    }

    public HouseholdBuilder InDesa(RegionCode desa)
    {
        _desa = desa;
        return this;
    }

    public HouseholdBuilder WithSize(int size)
    {
        _size = size;
        return this;
    }

    public HouseholdBuilder WithCardIssuedOn(LocalDate date)
    {
        _cardIssued = date;
        return this;
    }

    public Household Build()
    {
        var serial = (Interlocked.Increment(ref _serial) % 9999) + 1;
        var kecamatan = _desa.AtLevel(RegionLevel.District);
        var digits = $"{kecamatan.Province:00}{kecamatan.Regency:00}{kecamatan.District:00}{_cardIssued.Day:00}{_cardIssued.Month:00}{_cardIssued.Year % 100:00}{serial:0000}";
        return Household.Register(_id, FamilyCardNumber.Parse(digits), _desa, _size);
    }
}

/// <summary>Builds a <see cref="Person"/> whose NIK agrees with the stated sex and birth date (MEM-06).</summary>
public sealed class PersonBuilder
{
    private static int _serial;
    private readonly PersonId _id = PersonId.New();
    private HouseholdId _household = HouseholdId.New();
    private RegionCode _kecamatan = HouseholdPlaces.Dawuhan.AtLevel(RegionLevel.District);
    private string _name = "Siti Aminah";
    private Sex _sex = Sex.Female;
    private LocalDate _birthDate = new(1980, 5, 9);
    private HouseholdRole _role = HouseholdRole.Head;
    private Employment _employment = Employment.FarmLabourer;
    private MaritalStatus? _maritalStatus = MaritalStatus.Married;

    public PersonBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public PersonBuilder Of(Household household)
    {
        _household = household.Id;
        _kecamatan = household.Desa.AtLevel(RegionLevel.District);
        return this;
    }

    public PersonBuilder WithSex(Sex sex)
    {
        _sex = sex;
        return this;
    }

    public PersonBuilder BornOn(LocalDate date)
    {
        _birthDate = date;
        return this;
    }

    public PersonBuilder As(HouseholdRole role)
    {
        _role = role;
        return this;
    }

    public PersonBuilder Working(Employment employment)
    {
        _employment = employment;
        return this;
    }

    /// <summary>Married by default (MEM-03); null for a person whose status was not recorded.</summary>
    public PersonBuilder WithMaritalStatus(MaritalStatus? status)
    {
        _maritalStatus = status;
        return this;
    }

    public Person Build()
    {
        var serial = (Interlocked.Increment(ref _serial) % 9999) + 1;
        var nik = Nik.Parse(Generators.NikDigits(_kecamatan, _sex, _birthDate, serial));
        return Person.Register(_id, _household, _name, nik, _sex, _birthDate, _role, _employment, _maritalStatus);
    }
}

/// <summary>Region codes used by the scenarios (shaped like BPS codes; not asserted to be the official ones).</summary>
public static class HouseholdPlaces
{
    /// <summary>A desa standing for Desa Dawuhan, Kec. Poncokusumo, Kab. Malang (Jawa Timur 35, Kab. Malang 07), seed 002.</summary>
    public static readonly RegionCode Dawuhan = RegionCode.Parse("35.07.05.2008");

    /// <summary>A kelurahan of Kota Palangka Raya (62.71), seed 003.</summary>
    public static readonly RegionCode Pahandut = RegionCode.Parse("62.71.01.1001");
}

/// <summary>Ready-made surveys and profiles for poverty tests.</summary>
public static class Surveys
{
    /// <summary>A household that meets none of the 14 BPS criteria under default thresholds.</summary>
    public static BpsHouseholdSurvey WellOff => new()
    {
        FloorAreaM2 = 90,
        HouseholdSize = 4,
        Floor = FloorType.Tiles,
        Wall = WallType.PlasteredBrick,
        HasOwnToilet = true,
        HasElectricity = true,
        DrinkingWater = WaterSource.Piped,
        CookingFuel = CookingFuel.Gas,
        ProteinMealsPerWeek = 5,
        ClothingSetsPerYear = 3,
        MealsPerDay = 3,
        CanAffordPuskesmas = true,
        HeadWork = Employment.Trader,
        HeadFarmLandM2 = 0,
        HeadMonthlyIncome = Rupiah.Of(3_500_000),
        HeadSchooling = Schooling.SeniorSecondary,
        SaleableAssets = Rupiah.Of(15_000_000),
    };

    /// <summary>A household that meets all 14 BPS criteria.</summary>
    public static BpsHouseholdSurvey Destitute => new()
    {
        FloorAreaM2 = 20,
        HouseholdSize = 5,
        Floor = FloorType.Earth,
        Wall = WallType.Bamboo,
        HasOwnToilet = false,
        HasElectricity = false,
        DrinkingWater = WaterSource.SurfaceWater,
        CookingFuel = CookingFuel.Firewood,
        ProteinMealsPerWeek = 0,
        ClothingSetsPerYear = 0,
        MealsPerDay = 2,
        CanAffordPuskesmas = false,
        HeadWork = Employment.FarmLabourer,
        HeadFarmLandM2 = 0,
        HeadMonthlyIncome = Rupiah.Of(400_000),
        HeadSchooling = Schooling.PrimaryNotCompleted,
        SaleableAssets = Rupiah.Zero,
    };

    /// <summary>A household with a shelter that meets none of the 8 further Kepmensos 262 criteria.</summary>
    public static Kepmensos262HouseholdSurvey KepmensosWellOff => new()
    {
        HasShelter = true,
        HeadOrManagerWorks = true,
        FoodInsecureInPastYear = false,
        MonthlyFoodSpending = Rupiah.Of(1_500_000),
        MonthlyTotalSpending = Rupiah.Of(4_000_000),
        BoughtClothingInPastYear = true,
        Floor = FloorType.Tiles,
        Wall = WallType.PlasteredBrick,
        HasOwnLatrine = true,
        ElectricityVa = 1300,
    };

    /// <summary>A profile derived from <see cref="ProgramProfiles.Kub"/> with changed poverty parameters.</summary>
    public static ProgramProfile WithPoverty(Func<PovertyParameters, PovertyParameters> change) =>
        ProgramProfiles.Kub.Derive("KubTest", 1, "Test profile", ProgramProfiles.Kub.EffectiveFrom, p => p with { Poverty = change(p.Poverty) });

    /// <summary>A profile derived from <see cref="ProgramProfiles.Kub"/> with changed wealth-ranking parameters.</summary>
    public static ProgramProfile WithWealthRanking(Func<WealthRankingParameters, WealthRankingParameters> change) =>
        ProgramProfiles.Kub.Derive("KubTest", 1, "Test profile", ProgramProfiles.Kub.EffectiveFrom, p => p with { WealthRanking = change(p.WealthRanking) });
}

/// <summary>Builds wealth-ranking exercises and sortings.</summary>
public sealed class ExerciseBuilder
{
    private readonly ExerciseId _id = ExerciseId.New();
    private RegionCode _desa = HouseholdPlaces.Dawuhan;
    private LocalDate _heldOn = new(2012, 8, 2);
    private ProgramProfile _profile = ProgramProfiles.Kub;
    private IReadOnlyList<HouseholdId>? _households;
    private int _householdCount = 8;

    public ExerciseBuilder WithHouseholds(IReadOnlyList<HouseholdId> households)
    {
        _households = households;
        return this;
    }

    public ExerciseBuilder WithHouseholdCount(int count)
    {
        _householdCount = count;
        return this;
    }

    public ExerciseBuilder HeldOn(LocalDate date)
    {
        _heldOn = date;
        return this;
    }

    public ExerciseBuilder InDesa(RegionCode desa)
    {
        _desa = desa;
        return this;
    }

    public ExerciseBuilder UnderProfile(ProgramProfile profile)
    {
        _profile = profile;
        return this;
    }

    public OpenWealthRankingExercise Command() =>
        new(_id, _desa, _heldOn, _households ?? Enumerable.Range(0, _householdCount).Select(_ => HouseholdId.New()).ToList());

    public WealthRankingExercise Build() => WealthRankingExercise.Open(Command(), _profile);

    /// <summary>A sorting with one pile per household index as given.</summary>
    public static InformantSorting Sorting(WealthRankingExercise exercise, string informant, int pileCount, IReadOnlyList<int> piles) =>
        new(informant, pileCount, exercise.Households.Select((h, i) => new HouseholdPlacement(h, piles[i])).ToList());
}

/// <summary>Generators of household and wealth-ranking inputs, valid by construction unless named otherwise.</summary>
public static class HouseholdGenerators
{
    public static Gen<bool> Bool => ArbMap.Default.ArbFor<bool>().Generator;

    public static Gen<Rupiah> RupiahUpTo(int max) => Gen.Choose(0, max).Select(a => Rupiah.Of(a));

    /// <summary>A well-formed BPS survey, each observation over its whole range, with amounts and counts near the default thresholds.</summary>
    public static Gen<BpsHouseholdSurvey> BpsSurvey =>
        from area in Gen.Choose(1, 160)
        from size in Gen.Choose(1, 12)
        from floor in Gen.Elements(Enum.GetValues<FloorType>())
        from wall in Gen.Elements(Enum.GetValues<WallType>())
        from toilet in Bool
        from electricity in Bool
        from water in Gen.Elements(Enum.GetValues<WaterSource>())
        from fuel in Gen.Elements(Enum.GetValues<CookingFuel>())
        from protein in Gen.Choose(0, 21)
        from clothes in Gen.Choose(0, 6)
        from meals in Gen.Choose(0, 5)
        from puskesmas in Bool
        from work in Gen.Elements(Enum.GetValues<Employment>())
        from land in Gen.Choose(0, 2_000)
        from income in RupiahUpTo(2_000_000)
        from schooling in Gen.Elements(Enum.GetValues<Schooling>())
        from assets in RupiahUpTo(2_000_000)
        select new BpsHouseholdSurvey
        {
            FloorAreaM2 = area,
            HouseholdSize = size,
            Floor = floor,
            Wall = wall,
            HasOwnToilet = toilet,
            HasElectricity = electricity,
            DrinkingWater = water,
            CookingFuel = fuel,
            ProteinMealsPerWeek = protein,
            ClothingSetsPerYear = clothes,
            MealsPerDay = meals,
            CanAffordPuskesmas = puskesmas,
            HeadWork = work,
            HeadFarmLandM2 = land,
            HeadMonthlyIncome = income,
            HeadSchooling = schooling,
            SaleableAssets = assets,
        };

    /// <summary>A well-formed Kepmensos 262 survey; one in eight has no shelter.</summary>
    public static Gen<Kepmensos262HouseholdSurvey> KepmensosSurvey =>
        from noShelter in Gen.Choose(0, 7).Select(n => n == 0)
        from works in Bool
        from insecure in Bool
        from food in Gen.Choose(0, 3_000_000)
        from nonFood in Gen.Choose(0, 3_000_000)
        from clothing in Bool
        from floor in Gen.Elements(Enum.GetValues<FloorType>())
        from wall in Gen.Elements(Enum.GetValues<WallType>())
        from latrine in Bool
        from va in Gen.Elements(0, 450, 900, 1300, 2200, 3500)
        select new Kepmensos262HouseholdSurvey
        {
            HasShelter = !noShelter,
            HeadOrManagerWorks = works,
            FoodInsecureInPastYear = insecure,
            MonthlyFoodSpending = Rupiah.Of(food),
            MonthlyTotalSpending = Rupiah.Of(food + (long)nonFood),
            BoughtClothingInPastYear = clothing,
            Floor = floor,
            Wall = wall,
            HasOwnLatrine = latrine,
            ElectricityVa = va,
        };

    /// <summary>A registry entry: DTKS decile 1..4 or DTSEN decile 1..10, ranked up to <paramref name="maxDaysBefore"/> days before <paramref name="date"/> (or a few after).</summary>
    public static Gen<RegistryEntry> RegistryEntryAround(LocalDate date, int maxDaysBefore = 200) =>
        from dtsen in Bool
        from decile in Gen.Choose(1, dtsen ? 10 : 4)
        from days in Gen.Choose(-10, maxDaysBefore)
        select new RegistryEntry(dtsen ? RegistrySource.Dtsen : RegistrySource.Dtks, decile, date.PlusDays(-days));

    /// <summary>A date between 2024 and 2027, biased to the last and first days of months.</summary>
    public static Gen<LocalDate> Date =>
        Gen.OneOf(
            from days in Gen.Choose(0, 4 * 366) select new LocalDate(2024, 1, 1).PlusDays(days),
            from month in Gen.Choose(0, 47)
            from offset in Gen.Choose(-3, 2)
            select new LocalDate(2024, 1, 1).PlusMonths(month + 1).PlusDays(offset));

    /// <summary>One informant's piles for <paramref name="households"/> households: a pile count 2..min(households, 6), every pile used.</summary>
    public static Gen<(int PileCount, int[] Piles)> PilesFor(int households) =>
        from pileCount in Gen.Choose(2, Math.Min(households, 6))
        from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), households)
        from rest in Gen.ArrayOf(Gen.Choose(1, pileCount), households)
        select (pileCount, Spread(pileCount, keys, rest));

    /// <summary>An exercise's shape: household count and each informant's piles.</summary>
    public static Gen<(int Households, (int PileCount, int[] Piles)[] Sortings)> ExerciseShape(int minHouseholds = 2, int maxHouseholds = 12, int minInformants = 3, int maxInformants = 6) =>
        from households in Gen.Choose(minHouseholds, maxHouseholds)
        from informants in Gen.Choose(minInformants, maxInformants)
        from sortings in Gen.ArrayOf(PilesFor(households), informants)
        select (households, sortings);

    /// <summary>Opens an exercise of that shape and submits every sorting (informants "Informan 1", "Informan 2", ...).</summary>
    public static WealthRankingExercise Submit((int Households, (int PileCount, int[] Piles)[] Sortings) shape, ProgramProfile? profile = null, LocalDate? heldOn = null)
    {
        var builder = new ExerciseBuilder().WithHouseholdCount(shape.Households).UnderProfile(profile ?? ProgramProfiles.Kub);
        if (heldOn is { } date)
        {
            builder.HeldOn(date);
        }
        var exercise = builder.Build();
        for (var i = 0; i < shape.Sortings.Length; i++)
        {
            exercise.SubmitSorting(ExerciseBuilder.Sorting(exercise, $"Informan {i + 1}", shape.Sortings[i].PileCount, shape.Sortings[i].Piles));
        }
        return exercise;
    }

    // The households ordered by their random keys fill piles 1..pileCount first, so no pile is empty;
    // the others take their random pile.
    private static int[] Spread(int pileCount, int[] keys, int[] rest)
    {
        var order = Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]).ThenBy(i => i).ToArray();
        var piles = (int[])rest.Clone();
        for (var k = 0; k < pileCount; k++)
        {
            piles[order[k]] = k + 1;
        }
        return piles;
    }
}
