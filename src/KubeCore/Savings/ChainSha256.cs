using System.Security.Cryptography;

namespace KubeCore.Savings;

/// <summary>
/// SHA-256 of one short message at a time, as the hash chain needs it (one entry's canonical bytes per call),
/// through the BCL only: no unsafe code, no P/Invoke.
/// </summary>
/// <remarks>
/// One <see cref="IncrementalHash"/> per thread, reused (<c>AppendData</c> then <c>GetHashAndReset</c>): measured
/// the cheapest managed way on a 103-byte deposit, about 0.6 µs per digest against 0.8–1.0 µs for
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>, which builds a digest context on every call. Almost
/// all of it is per-call overhead of the platform's digest API, not the two SHA-256 blocks themselves.
/// </remarks>
internal static class ChainSha256
{
    [ThreadStatic]
    private static IncrementalHash? t_hasher;

    /// <summary>Writes the SHA-256 of <paramref name="message"/> into <paramref name="digest"/> (32 bytes).</summary>
    internal static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        // One reusable SHA-256 context per thread: no per-entry allocation.
        var hasher = t_hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(message);
        hasher.GetHashAndReset(digest);
    }
}
