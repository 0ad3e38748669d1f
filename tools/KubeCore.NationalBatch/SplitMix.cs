namespace KubeCore.NationalBatch;

/// <summary>
/// SplitMix64: a tiny, fast, seedable generator for the synthetic activity. Seeded per group, so a group's
/// year is the same whichever thread simulates it.
/// </summary>
internal struct SplitMix
{
    private ulong _state;

    public SplitMix(ulong seed, long stream) => _state = seed ^ (0x9E3779B97F4A7C15UL * (ulong)(stream + 1));

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>True with probability <paramref name="perMille"/> / 1000.</summary>
    public bool Chance(int perMille) => (int)(Next() % 1000) < perMille;

    /// <summary>A value in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public int Between(int min, int max) => min + (int)(Next() % (ulong)(max - min));
}
