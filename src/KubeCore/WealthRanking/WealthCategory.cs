namespace KubeCore.WealthRanking;

/// <summary>A wealth category of a PRA wealth ranking (PRA-02). The labels are local practice (L).</summary>
public enum WealthCategory
{
    /// <summary>Sangat miskin (poorest).</summary>
    SangatMiskin = 1,

    /// <summary>Miskin (poor).</summary>
    Miskin = 2,

    /// <summary>Sedang (middle).</summary>
    Sedang = 3,

    /// <summary>Kaya (well-off).</summary>
    Kaya = 4,
}

/// <summary>
/// A score band of a wealth ranking: households whose score is at most <see cref="MaxScore"/> (and above
/// the previous band's) fall in <see cref="Category"/>. Scores run 0..100, higher is poorer (PRA-02).
/// </summary>
/// <param name="Category">The category.</param>
/// <param name="MaxScore">The band's inclusive upper score, 1..100.</param>
/// <param name="IsPoor">True when households in this band count as poor for MEM-01 and PRA-03.</param>
public sealed record WealthBand(WealthCategory Category, int MaxScore, bool IsPoor);
