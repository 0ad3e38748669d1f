namespace KubeCore.Benchmarks;

/// <summary>Deterministic, non-empty Guids for benchmark data (no RNG cost, reproducible runs).</summary>
public static class Ids
{
    /// <summary>A Guid from a kind tag and a counter; never <see cref="Guid.Empty"/>.</summary>
    public static Guid Guid(int kind, long counter) =>
        new(unchecked((int)(counter >> 32)) ^ 0x4B554245, (short)kind, 0x4000, 0x80, 0, 0, 0,
            (byte)(counter >> 24), (byte)(counter >> 16), (byte)(counter >> 8), (byte)counter);
}
