namespace KubeCore.NationalBatch;

/// <summary>Deterministic, non-empty Guids for the synthetic data (reproducible, no RNG syscall per id).</summary>
internal static class Ids
{
    public const int Group = 1;
    public const int Person = 2;
    public const int Loan = 3;
    public const int Meeting = 4;

    /// <summary>Ledger opening entries: the group index in the high half of the counter, so the ids the ledger derives never meet another group's.</summary>
    public const int Entry = 5;

    /// <summary>A Guid from a kind tag and a counter; never <see cref="System.Guid.Empty"/>.</summary>
    public static Guid Guid(int kind, long counter) =>
        new(unchecked((int)(counter >> 32)) ^ 0x4B554245, (short)kind, 0x4000, 0x80, 0, 0, 0,
            (byte)(counter >> 24), (byte)(counter >> 16), (byte)(counter >> 8), (byte)counter);
}
