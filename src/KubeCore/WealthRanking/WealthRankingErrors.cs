using KubeCore.Rules;

namespace KubeCore.WealthRanking;

/// <summary>Error codes of PRA wealth ranking (PRA-01..03). Each code is also the key of its Indonesian and English message.</summary>
public static class WealthRankingErrors
{
    /// <summary>PRA-01: fewer informants sorted than the profile's minimum.</summary>
    public const string TooFewInformants = "PRA01_TOO_FEW_INFORMANTS";

    /// <summary>PRA-01 (warning): more households than one exercise should rank.</summary>
    public const string TooManyHouseholds = "PRA01_TOO_MANY_HOUSEHOLDS";

    /// <summary>PRA-01: the informant already submitted a sorting; informants must be independent (distinct).</summary>
    public const string DuplicateInformant = "PRA01_DUPLICATE_INFORMANT";

    /// <summary>PRA-01: the informant's name is null or blank (white space, invisible characters or controls only, as <see cref="Common.ReadableName"/> judges a blank text).</summary>
    public const string InformantRequired = "PRA01_INFORMANT_REQUIRED";

    /// <summary>PRA-01: an exercise ranks the households of one desa/kelurahan; the region is not village-level.</summary>
    public const string NotADesa = "PRA01_NOT_A_DESA";

    /// <summary>PRA-01: the exercise id is missing.</summary>
    public const string ExerciseIdRequired = "PRA01_EXERCISE_ID_REQUIRED";

    /// <summary>PRA-02: fewer than two households to rank.</summary>
    public const string TooFewHouseholds = "PRA02_TOO_FEW_HOUSEHOLDS";

    /// <summary>PRA-02: a household is listed twice in the exercise.</summary>
    public const string DuplicateHousehold = "PRA02_DUPLICATE_HOUSEHOLD";

    /// <summary>PRA-02: a household id is missing.</summary>
    public const string HouseholdIdRequired = "PRA02_HOUSEHOLD_ID_REQUIRED";

    /// <summary>PRA-02: an informant made fewer than two piles.</summary>
    public const string TooFewPiles = "PRA02_TOO_FEW_PILES";

    /// <summary>PRA-02: a household was put in a pile outside 1..the pile count.</summary>
    public const string PileOutOfRange = "PRA02_PILE_OUT_OF_RANGE";

    /// <summary>PRA-02: a pile holds no household.</summary>
    public const string EmptyPile = "PRA02_EMPTY_PILE";

    /// <summary>PRA-02: a household was placed more than once in one sorting.</summary>
    public const string HouseholdSortedTwice = "PRA02_HOUSEHOLD_SORTED_TWICE";

    /// <summary>PRA-02: a household of the exercise is missing from a sorting (incomplete sorting).</summary>
    public const string HouseholdNotSorted = "PRA02_HOUSEHOLD_NOT_SORTED";

    /// <summary>PRA-02: a sorting places a household that is not in the exercise.</summary>
    public const string UnknownHousehold = "PRA02_UNKNOWN_HOUSEHOLD";

    /// <summary>PRA-02: the exercise is concluded; its sortings and results are final.</summary>
    public const string ExerciseConcluded = "PRA02_EXERCISE_CONCLUDED";

    /// <summary>PRA-03 mismatch: ranked poor by the PRA, but not in the registry base data.</summary>
    public const string PraOnlyNotInRegistry = "PRA03_PRA_ONLY_NOT_IN_REGISTRY";

    /// <summary>PRA-03 mismatch: ranked poor by the PRA, but its registry decile is stale.</summary>
    public const string PraOnlyDecileStale = "PRA03_PRA_ONLY_DECILE_STALE";

    /// <summary>PRA-03 mismatch: ranked poor by the PRA, but its registry decile is above the maximum.</summary>
    public const string PraOnlyDecileAboveMaximum = "PRA03_PRA_ONLY_DECILE_ABOVE_MAX";

    /// <summary>PRA-03 mismatch: poor by the registry, but not ranked poor by the PRA.</summary>
    public const string RegistryOnly = "PRA03_REGISTRY_ONLY";

    /// <summary>PRA-03: poor by the registry base data, but not among the households the exercise ranked.</summary>
    public const string RegistryPoorNotRanked = "PRA03_REGISTRY_POOR_NOT_RANKED";

    internal static readonly MessageTable Messages = new("WealthRanking",
    [
        new(TooFewInformants, "Baru {Informants} informan yang memeringkat; minimal {Required} informan independen diperlukan.", "Only {Informants} informants have sorted; at least {Required} independent informants are needed."),
        new(TooManyHouseholds, "Pemeringkatan mencakup {Households} rumah tangga, lebih dari {Limit}; informan mungkin tidak mengenal semuanya dengan baik.", "The exercise ranks {Households} households, more than {Limit}; informants may not know them all well."),
        new(DuplicateInformant, "Informan {Informant} sudah menyerahkan pemeringkatan; setiap informan harus berbeda.", "Informant {Informant} has already submitted a sorting; every informant must be distinct."),
        new(InformantRequired, "Nama informan wajib diisi.", "The informant's name is required."),
        new(NotADesa, "Pemeringkatan dilakukan di satu desa/kelurahan; kode wilayah {Region} bukan kode desa/kelurahan.", "An exercise ranks one desa/kelurahan; region code {Region} is not a village-level code."),
        new(ExerciseIdRequired, "Id pemeringkatan wajib diisi.", "The exercise id is required."),
        new(TooFewHouseholds, "Pemeringkatan memerlukan minimal 2 rumah tangga (tercatat {Households}).", "An exercise needs at least 2 households (recorded {Households})."),
        new(DuplicateHousehold, "Rumah tangga {HouseholdId} tercatat lebih dari sekali dalam daftar.", "Household {HouseholdId} is listed more than once."),
        new(HouseholdIdRequired, "Id rumah tangga wajib diisi.", "The household id is required."),
        new(TooFewPiles, "Informan harus membuat minimal 2 kelompok kartu (tercatat {PileCount}).", "An informant must make at least 2 piles (recorded {PileCount})."),
        new(PileOutOfRange, "Rumah tangga {HouseholdId} ditempatkan di kelompok {Pile}, padahal kelompok bernomor 1 sampai {PileCount}.", "Household {HouseholdId} is placed in pile {Pile}, but piles are numbered 1 to {PileCount}."),
        new(EmptyPile, "Kelompok {Pile} dari {PileCount} kosong; setiap kelompok harus berisi minimal satu rumah tangga.", "Pile {Pile} of {PileCount} is empty; every pile must hold at least one household."),
        new(HouseholdSortedTwice, "Rumah tangga {HouseholdId} ditempatkan lebih dari sekali.", "Household {HouseholdId} is placed more than once."),
        new(HouseholdNotSorted, "Rumah tangga {HouseholdId} belum ditempatkan oleh informan {Informant}; setiap rumah tangga harus diperingkat.", "Household {HouseholdId} was not placed by informant {Informant}; every household must be sorted."),
        new(UnknownHousehold, "Rumah tangga {HouseholdId} tidak termasuk dalam pemeringkatan ini.", "Household {HouseholdId} is not part of this exercise."),
        new(ExerciseConcluded, "Pemeringkatan {ExerciseId} sudah ditutup; hasilnya final.", "Exercise {ExerciseId} is concluded; its results are final."),
        new(PraOnlyNotInRegistry, "Rumah tangga {HouseholdId} diperingkat {Category} (miskin) oleh PRA tetapi tidak ada dalam data dasar; perlu dimusyawarahkan.", "Household {HouseholdId} is ranked {Category} (poor) by the PRA but is not in the base data; it needs consultation."),
        new(PraOnlyDecileStale, "Rumah tangga {HouseholdId} diperingkat {Category} (miskin) oleh PRA, tetapi desil {Decile} dari {RankedOn} sudah kedaluwarsa; perlu dimusyawarahkan dan diverifikasi ulang.", "Household {HouseholdId} is ranked {Category} (poor) by the PRA, but its decile {Decile} of {RankedOn} is stale; it needs consultation and re-verification."),
        new(PraOnlyDecileAboveMaximum, "Rumah tangga {HouseholdId} diperingkat {Category} (miskin) oleh PRA, tetapi desilnya {Decile} di atas batas {MaxDecile}; perlu dimusyawarahkan.", "Household {HouseholdId} is ranked {Category} (poor) by the PRA, but its decile {Decile} is above the maximum {MaxDecile}; it needs consultation."),
        new(RegistryOnly, "Rumah tangga {HouseholdId} miskin menurut data dasar (desil {Decile}) tetapi diperingkat {Category} oleh PRA; perlu dimusyawarahkan.", "Household {HouseholdId} is poor by the base data (decile {Decile}) but ranked {Category} by the PRA; it needs consultation."),
        new(RegistryPoorNotRanked, "Rumah tangga {HouseholdId} miskin menurut data dasar (desil {Decile}) tetapi tidak ikut diperingkat; perlu dimusyawarahkan.", "Household {HouseholdId} is poor by the base data (decile {Decile}) but was not ranked; it needs consultation."),
    ]);
}
