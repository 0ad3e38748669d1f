using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace KubeCore.Savings;

/// <summary>
/// SHA-256 of one short message at a time, as the hash chain needs it (one entry's canonical bytes per call).
/// </summary>
/// <remarks>
/// <para>On Linux it calls OpenSSL's low-level <c>SHA256_Init</c> / <c>SHA256_Update</c> / <c>SHA256_Final</c> of
/// <c>libcrypto.so.3</c> directly (a context on the stack, three unmanaged calls), which costs a fraction of the
/// BCL's <see cref="IncrementalHash"/> on a two-block message: the BCL goes through OpenSSL's EVP layer (digest
/// fetch, context reset and copy) on every digest. The result is the same SHA-256; it is self-tested once, at
/// first use, against <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> on known vectors, and when the
/// library or one of its exports is missing or the self-test fails, every call uses <see cref="IncrementalHash"/>.</para>
/// <para>This is the only file of the library with <c>unsafe</c> code (a convention test keeps it so).</para>
/// </remarks>
internal static unsafe class ChainSha256
{
    /// <summary>Names the native implementation in <see cref="Implementation"/>.</summary>
    internal const string NativeName = "OpenSSL libcrypto.so.3 SHA256_Init/Update/Final (direct)";

    /// <summary>Names the fallback implementation in <see cref="Implementation"/>.</summary>
    internal const string ManagedName = "BCL IncrementalHash (SHA-256)";

    private static readonly delegate* unmanaged<Context*, int> s_init;
    private static readonly delegate* unmanaged<Context*, byte*, nuint, int> s_update;
    private static readonly delegate* unmanaged<byte*, Context*, int> s_final;

    [ThreadStatic]
    private static IncrementalHash? t_hasher;

#pragma warning disable CA1810 // The loader must run before the self-test, in one place.
    static ChainSha256()
#pragma warning restore CA1810
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libcrypto.so.3", out var library))
        {
            return;
        }
        if (!NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
            || !NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
            || !NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
        {
            return;
        }
        s_init = (delegate* unmanaged<Context*, int>)init;
        s_update = (delegate* unmanaged<Context*, byte*, nuint, int>)update;
        s_final = (delegate* unmanaged<byte*, Context*, int>)final;
        IsNative = SelfTest();
        if (!IsNative)
        {
            s_init = null;
            s_update = null;
            s_final = null;
        }
    }

    /// <summary>True when the native (OpenSSL) path is in use.</summary>
    internal static bool IsNative { get; }

    /// <summary>Which implementation hashes the chain: <see cref="NativeName"/> or <see cref="ManagedName"/>.</summary>
    internal static string Implementation => IsNative ? NativeName : ManagedName;

    /// <summary>Writes the SHA-256 of <paramref name="message"/> into <paramref name="digest"/> (32 bytes).</summary>
    internal static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        if (IsNative)
        {
            HashNative(message, digest);
        }
        else
        {
            HashManaged(message, digest);
        }
    }

    /// <summary>The BCL path, also the reference the native path is tested against.</summary>
    internal static void HashManaged(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        // One reusable SHA-256 context per thread: no per-entry allocation.
        var hasher = t_hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(message);
        hasher.GetHashAndReset(digest);
    }

    /// <summary>The native path. Only call when <see cref="IsNative"/> (or from the self-test).</summary>
    internal static void HashNative(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        if (digest.Length < 32)
        {
            throw new ArgumentException("A SHA-256 digest needs 32 bytes.", nameof(digest));
        }
        if (s_init == null)
        {
            throw new InvalidOperationException("The native SHA-256 is not available.");
        }
        Context context;
        fixed (byte* data = message)
        fixed (byte* output = digest)
        {
            if (s_init(&context) != 1 || s_update(&context, data, (nuint)message.Length) != 1 || s_final(output, &context) != 1)
            {
                throw new CryptographicException("OpenSSL SHA-256 failed.");
            }
        }
    }

    private static bool SelfTest()
    {
        try
        {
            Span<byte> expected = stackalloc byte[32];
            Span<byte> actual = stackalloc byte[32];
            // FIPS 180-2 "abc", then lengths around the block and padding boundaries and a long message.
            ReadOnlySpan<byte> abc = "abc"u8;
            HashNative(abc, actual);
            if (!actual.SequenceEqual(Convert.FromHexString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")))
            {
                return false;
            }
            var bytes = new byte[1000];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((i * 131) + 7);
            }
            foreach (var length in (ReadOnlySpan<int>)[0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000])
            {
                SHA256.HashData(bytes.AsSpan(0, length), expected);
                HashNative(bytes.AsSpan(0, length), actual);
                if (!actual.SequenceEqual(expected))
                {
                    return false;
                }
            }
            return true;
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException or SEHException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // OpenSSL's SHA256_CTX is 112 bytes (8 + 2 + 16 + 2 unsigned ints); 256 leave a wide margin.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct Context
    {
    }
}
