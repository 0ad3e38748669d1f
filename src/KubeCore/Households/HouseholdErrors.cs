using KubeCore.Rules;

namespace KubeCore.Households;

/// <summary>Error codes of households and poverty assessment (POV-01..03, MEM-01..05). Each code is also the key of its Indonesian and English message.</summary>
public static class HouseholdErrors
{
    /// <summary>POV-01: the household meets fewer BPS criteria than the threshold, so it is not poor by BPS.</summary>
    public const string BpsTooFewCriteriaMet = "POV01_TOO_FEW_CRITERIA_MET";

    /// <summary>POV-01 survey: the floor area is not at least 1 m².</summary>
    public const string BpsFloorAreaNotPositive = "POV01_FLOOR_AREA_NOT_POSITIVE";

    /// <summary>POV-01 survey: the household size is outside 1..100.</summary>
    public const string BpsHouseholdSizeOutOfRange = "POV01_HOUSEHOLD_SIZE_OUT_OF_RANGE";

    /// <summary>POV-01 survey: the floor type is not a known value.</summary>
    public const string BpsFloorTypeUnknown = "POV01_FLOOR_TYPE_UNKNOWN";

    /// <summary>POV-01 survey: the wall type is not a known value.</summary>
    public const string BpsWallTypeUnknown = "POV01_WALL_TYPE_UNKNOWN";

    /// <summary>POV-01 survey: the drinking-water source is not a known value.</summary>
    public const string BpsWaterSourceUnknown = "POV01_WATER_SOURCE_UNKNOWN";

    /// <summary>POV-01 survey: the cooking fuel is not a known value.</summary>
    public const string BpsCookingFuelUnknown = "POV01_COOKING_FUEL_UNKNOWN";

    /// <summary>POV-01 survey: the head's work is not a known value.</summary>
    public const string BpsHeadWorkUnknown = "POV01_HEAD_WORK_UNKNOWN";

    /// <summary>POV-01 survey: the head's schooling is not a known value.</summary>
    public const string BpsHeadSchoolingUnknown = "POV01_HEAD_SCHOOLING_UNKNOWN";

    /// <summary>POV-01 survey: meat/milk/chicken meals a week outside 0..21.</summary>
    public const string BpsProteinMealsOutOfRange = "POV01_PROTEIN_MEALS_OUT_OF_RANGE";

    /// <summary>POV-01 survey: sets of new clothes a year outside 0..52.</summary>
    public const string BpsClothingSetsOutOfRange = "POV01_CLOTHING_SETS_OUT_OF_RANGE";

    /// <summary>POV-01 survey: meals a day outside 0..10.</summary>
    public const string BpsMealsPerDayOutOfRange = "POV01_MEALS_PER_DAY_OUT_OF_RANGE";

    /// <summary>POV-01 survey: the head's farm land is negative.</summary>
    public const string BpsFarmLandNegative = "POV01_FARM_LAND_NEGATIVE";

    /// <summary>POV-01 survey: the head's monthly income is negative.</summary>
    public const string BpsHeadIncomeNegative = "POV01_HEAD_INCOME_NEGATIVE";

    /// <summary>POV-01 survey: the value of saleable assets is negative.</summary>
    public const string BpsSaleableAssetsNegative = "POV01_SALEABLE_ASSETS_NEGATIVE";

    /// <summary>POV-02: the household has a shelter and meets fewer further criteria than the threshold, so it is not fakir miskin.</summary>
    public const string Kepmensos262TooFewCriteriaMet = "POV02_TOO_FEW_CRITERIA_MET";

    /// <summary>POV-02 survey: the monthly food spending is negative.</summary>
    public const string Kepmensos262FoodSpendingNegative = "POV02_FOOD_SPENDING_NEGATIVE";

    /// <summary>POV-02 survey: the monthly total spending is below the food spending it includes.</summary>
    public const string Kepmensos262TotalBelowFood = "POV02_TOTAL_SPENDING_BELOW_FOOD";

    /// <summary>POV-02 survey: the floor type is not a known value.</summary>
    public const string Kepmensos262FloorTypeUnknown = "POV02_FLOOR_TYPE_UNKNOWN";

    /// <summary>POV-02 survey: the wall type is not a known value.</summary>
    public const string Kepmensos262WallTypeUnknown = "POV02_WALL_TYPE_UNKNOWN";

    /// <summary>POV-02 survey: the electricity connection (VA) is negative.</summary>
    public const string Kepmensos262ElectricityVaNegative = "POV02_ELECTRICITY_VA_NEGATIVE";

    /// <summary>POV-03: a household's registry decile is stale and needs re-verification.</summary>
    public const string DecileStale = "POV03_DECILE_STALE";

    /// <summary>POV-03: a registry decile is outside its registry's range (DTKS 1..4, DTSEN 1..10).</summary>
    public const string DecileOutOfRange = "POV03_DECILE_OUT_OF_RANGE";

    /// <summary>MEM-07: a household is registered with at least one named person (the persons on its Kartu Keluarga).</summary>
    public const string NoPersons = "MEM07_HOUSEHOLD_WITHOUT_PERSONS";

    internal static readonly MessageTable Messages = new("Households",
    [
        new(NoPersons, "Rumah tangga didaftarkan bersama paling sedikit satu anggota keluarga yang bernama.", "A household is registered with at least one named person."),
        new(BpsTooFewCriteriaMet, "Rumah tangga memenuhi {Met} dari 14 kriteria BPS; minimal {Required} kriteria diperlukan untuk tergolong miskin.", "The household meets {Met} of the 14 BPS criteria; at least {Required} are needed to count as poor."),
        new(BpsFloorAreaNotPositive, "Luas lantai harus minimal 1 m² (tercatat {PropertyValue}).", "The floor area must be at least 1 m² (recorded {PropertyValue})."),
        new(BpsHouseholdSizeOutOfRange, "Jumlah anggota rumah tangga harus antara {From} dan {To} orang (tercatat {PropertyValue}).", "The household size must be between {From} and {To} persons (recorded {PropertyValue})."),
        new(BpsFloorTypeUnknown, "Jenis lantai {PropertyValue} tidak dikenal.", "Floor type {PropertyValue} is not known."),
        new(BpsWallTypeUnknown, "Jenis dinding {PropertyValue} tidak dikenal.", "Wall type {PropertyValue} is not known."),
        new(BpsWaterSourceUnknown, "Sumber air minum {PropertyValue} tidak dikenal.", "Drinking-water source {PropertyValue} is not known."),
        new(BpsCookingFuelUnknown, "Bahan bakar memasak {PropertyValue} tidak dikenal.", "Cooking fuel {PropertyValue} is not known."),
        new(BpsHeadWorkUnknown, "Pekerjaan kepala rumah tangga {PropertyValue} tidak dikenal.", "Head of household's work {PropertyValue} is not known."),
        new(BpsHeadSchoolingUnknown, "Pendidikan kepala rumah tangga {PropertyValue} tidak dikenal.", "Head of household's schooling {PropertyValue} is not known."),
        new(BpsProteinMealsOutOfRange, "Frekuensi makan daging/susu/ayam harus antara {From} dan {To} kali seminggu (tercatat {PropertyValue}).", "Meat/milk/chicken meals must be between {From} and {To} a week (recorded {PropertyValue})."),
        new(BpsClothingSetsOutOfRange, "Jumlah stel pakaian baru harus antara {From} dan {To} setahun (tercatat {PropertyValue}).", "Sets of new clothes must be between {From} and {To} a year (recorded {PropertyValue})."),
        new(BpsMealsPerDayOutOfRange, "Frekuensi makan harus antara {From} dan {To} kali sehari (tercatat {PropertyValue}).", "Meals must be between {From} and {To} a day (recorded {PropertyValue})."),
        new(BpsFarmLandNegative, "Luas lahan garapan tidak boleh negatif (tercatat {PropertyValue} m²).", "The farm land must not be negative (recorded {PropertyValue} m²)."),
        new(BpsHeadIncomeNegative, "Pendapatan kepala rumah tangga tidak boleh negatif (tercatat {PropertyValue}).", "The head of household's income must not be negative (recorded {PropertyValue})."),
        new(BpsSaleableAssetsNegative, "Nilai tabungan/barang yang mudah dijual tidak boleh negatif (tercatat {PropertyValue}).", "The value of savings and saleable goods must not be negative (recorded {PropertyValue})."),
        new(Kepmensos262TooFewCriteriaMet, "Rumah tangga memenuhi {Met} dari 8 kriteria lanjutan Kepmensos 262/HUK/2022; minimal {Required} kriteria diperlukan untuk tergolong fakir miskin.", "The household meets {Met} of the 8 further Kepmensos 262/HUK/2022 criteria; at least {Required} are needed to count as fakir miskin."),
        new(Kepmensos262FoodSpendingNegative, "Pengeluaran makanan tidak boleh negatif (tercatat {PropertyValue}).", "Food spending must not be negative (recorded {PropertyValue})."),
        new(Kepmensos262TotalBelowFood, "Total pengeluaran ({Total}) tidak boleh lebih kecil dari pengeluaran makanan ({Food}).", "Total spending ({Total}) must not be less than the food spending ({Food})."),
        new(Kepmensos262FloorTypeUnknown, "Jenis lantai {PropertyValue} tidak dikenal.", "Floor type {PropertyValue} is not known."),
        new(Kepmensos262WallTypeUnknown, "Jenis dinding {PropertyValue} tidak dikenal.", "Wall type {PropertyValue} is not known."),
        new(Kepmensos262ElectricityVaNegative, "Daya listrik tidak boleh negatif (tercatat {PropertyValue} VA); isi 0 bila tanpa listrik.", "The electricity connection must not be negative (recorded {PropertyValue} VA); use 0 for none."),
        new(DecileOutOfRange, "Desil {Decile} di luar rentang {Registry}: desil {Registry} antara 1 dan {MaxDecile}.", "Decile {Decile} is outside the {Registry} range: {Registry} deciles are 1 to {MaxDecile}."),
        new(DecileStale, "Desil rumah tangga {HouseholdId} diperingkat pada {RankedOn} dan hanya berlaku sampai {FreshThrough}; perlu verifikasi ulang.", "The decile of household {HouseholdId} was ranked on {RankedOn} and was fresh only through {FreshThrough}; it needs re-verification."),
    ]);
}
