using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace KubeCore.Benchmarks.Baseline;

/// <summary>
/// What the hardware does with the same bytes and nothing else: a plain streaming sum (memory bandwidth)
/// and SHA-256 over entry-sized chunks (the hash chain's floor). Used to show how near the hot paths are to
/// the machine.
/// </summary>
public static class MemoryBaseline
{
    /// <summary>Sums <paramref name="bytes"/> as 64-bit lanes with SIMD: one pass over the memory, nothing else.</summary>
    public static ulong Sum(ReadOnlySpan<byte> bytes)
    {
        var vectors = MemoryMarshal.Cast<byte, Vector<ulong>>(bytes);
        var a = Vector<ulong>.Zero;
        var b = Vector<ulong>.Zero;
        var i = 0;
        for (; i + 1 < vectors.Length; i += 2)
        {
            a += vectors[i];
            b += vectors[i + 1];
        }
        if (i < vectors.Length)
        {
            a += vectors[i];
        }
        var total = Vector.Sum(a + b);
        for (var j = vectors.Length * Vector<byte>.Count; j < bytes.Length; j++)
        {
            total += bytes[j];
        }
        return total;
    }

    /// <summary>
    /// SHA-256 of consecutive <paramref name="chunk"/>-byte pieces of <paramref name="bytes"/>, each digest fed into the
    /// next piece (a bare hash chain, as the ledger hashes each entry's canonical bytes, which end with the previous
    /// hash), with the ledger's own SHA-256 (<c>ChainSha256</c>: a reused BCL <see cref="IncrementalHash"/> per thread):
    /// the hash work of an append and nothing else.
    /// </summary>
    public static ulong HashChain(ReadOnlySpan<byte> bytes, int chunk)
    {
        Span<byte> digest = stackalloc byte[32];
        Span<byte> piece = stackalloc byte[chunk];
        for (var p = 0; p + chunk <= bytes.Length; p += chunk)
        {
            bytes.Slice(p, chunk - 32).CopyTo(piece);
            digest.CopyTo(piece[(chunk - 32)..]);
            KubeCore.Savings.ChainSha256.Hash(piece, digest);
        }
        return MemoryMarshal.Read<ulong>(digest);
    }

    /// <summary>A buffer of <paramref name="length"/> pseudo-random bytes (fixed seed).</summary>
    public static byte[] RandomBytes(long length)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)length));
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
