namespace KubeCore.Households;

/// <summary>
/// The main material of a dwelling's floor, as a survey enumerator records it (POV-01 criterion 2,
/// POV-02 criterion (e)). Values are ordered from poorest to best only loosely; each rule names the
/// materials it counts.
/// </summary>
public enum FloorType : byte
{
    /// <summary>Tanah (earth). Poor under BPS criterion 2 and Kepmensos 262 criterion (e).</summary>
    Earth = 1,

    /// <summary>Bambu (bamboo). Poor under BPS criterion 2.</summary>
    Bamboo = 2,

    /// <summary>Kayu murahan / berkualitas rendah (cheap, low-quality wood). Poor under BPS criterion 2.</summary>
    LowQualityWood = 3,

    /// <summary>Plesteran (cement screed). Poor under Kepmensos 262 criterion (e) only.</summary>
    Plaster = 4,

    /// <summary>Papan kayu berkualitas (good-quality timber boards). Poor under neither rule.</summary>
    QualityWood = 5,

    /// <summary>Ubin, tegel, keramik, marmer or granit (tiles, ceramics, stone). Poor under neither rule.</summary>
    Tiles = 6,
}

/// <summary>
/// The main material of a dwelling's walls (POV-01 criterion 3, POV-02 criterion (f)).
/// </summary>
public enum WallType : byte
{
    /// <summary>
    /// Makeshift: terpal, kardus, kawat or seng (tarpaulin, cardboard, wire, zinc sheet). Kepmensos 262
    /// (f) names these; BPS criterion 3 does not, and KubeCore counts them as poor there too, because
    /// they are poorer than every material BPS lists.
    /// </summary>
    Makeshift = 1,

    /// <summary>Rumbia (thatch of sago-palm or nipa leaves). Poor under both rules.</summary>
    Rumbia = 2,

    /// <summary>Bambu (bamboo, woven or whole). Poor under both rules.</summary>
    Bamboo = 3,

    /// <summary>Kayu berkualitas rendah (low-quality wood). Poor under both rules.</summary>
    LowQualityWood = 4,

    /// <summary>Tembok tanpa plester (unplastered brick or block). Poor under both rules.</summary>
    UnplasteredBrick = 5,

    /// <summary>
    /// Papan kayu berkualitas (good-quality timber boards). Not poor under BPS criterion 3 (which names
    /// only low-quality wood); poor under Kepmensos 262 (f), which lists "papan kayu" without a quality.
    /// </summary>
    QualityWood = 6,

    /// <summary>Tembok diplester (plastered brick or block). Poor under neither rule.</summary>
    PlasteredBrick = 7,
}

/// <summary>The household's main source of drinking water (POV-01 criterion 6).</summary>
public enum WaterSource : byte
{
    /// <summary>Leding / PDAM (piped water).</summary>
    Piped = 1,

    /// <summary>Air kemasan or isi ulang (bottled or refilled water).</summary>
    Bottled = 2,

    /// <summary>Sumur bor, pompa or sumur terlindung (borehole, pump or protected well).</summary>
    ProtectedWell = 3,

    /// <summary>Mata air terlindung (protected spring).</summary>
    ProtectedSpring = 4,

    /// <summary>Sumur tak terlindung (unprotected well). Poor under BPS criterion 6.</summary>
    UnprotectedWell = 5,

    /// <summary>Mata air tak terlindung (unprotected spring). Poor under BPS criterion 6.</summary>
    UnprotectedSpring = 6,

    /// <summary>Sungai, danau or waduk (river, lake or reservoir). Poor under BPS criterion 6.</summary>
    SurfaceWater = 7,

    /// <summary>Air hujan (rainwater). Poor under BPS criterion 6.</summary>
    Rainwater = 8,
}

/// <summary>The household's main cooking fuel (POV-01 criterion 7).</summary>
public enum CookingFuel : byte
{
    /// <summary>Listrik (electricity).</summary>
    Electricity = 1,

    /// <summary>Gas: LPG, city gas or biogas.</summary>
    Gas = 2,

    /// <summary>Minyak tanah (kerosene). Poor under BPS criterion 7.</summary>
    Kerosene = 3,

    /// <summary>Arang (charcoal). Poor under BPS criterion 7.</summary>
    Charcoal = 4,

    /// <summary>Kayu bakar (firewood). Poor under BPS criterion 7.</summary>
    Firewood = 5,
}

/// <summary>The highest schooling the head of household completed (POV-01 criterion 13), in rising order.</summary>
public enum Schooling : byte
{
    /// <summary>Tidak sekolah (never went to school). Poor under BPS criterion 13.</summary>
    None = 1,

    /// <summary>Tidak tamat SD (did not finish primary school). Poor under BPS criterion 13.</summary>
    PrimaryNotCompleted = 2,

    /// <summary>Tamat SD / MI / sederajat (finished primary school). Poor under BPS criterion 13.</summary>
    Primary = 3,

    /// <summary>Tamat SMP / MTs (finished junior secondary school).</summary>
    JuniorSecondary = 4,

    /// <summary>Tamat SMA / SMK / MA (finished senior secondary school).</summary>
    SeniorSecondary = 5,

    /// <summary>Diploma or university degree.</summary>
    Tertiary = 6,
}
