using System.Buffers.Binary;
using KubeCore.Common;

namespace KubeCore.Savings;

/// <summary>A SHA-256 digest (32 bytes) of a ledger entry's canonical encoding (SAV-01).</summary>
/// <remarks>
/// Held as four 64-bit words (big-endian reading of the bytes), so it is a small value type with cheap
/// equality. The default value is <see cref="Zero"/>, the "previous hash" of the first entry of a ledger.
/// Text form: 64 lowercase hexadecimal digits.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.EntryHashJsonConverter))]
public readonly record struct EntryHash
{
    /// <summary>The length of a digest in bytes.</summary>
    public const int Length = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private EntryHash(ulong a, ulong b, ulong c, ulong d)
    {
        _a = a;
        _b = b;
        _c = c;
        _d = d;
    }

    /// <summary>Thirty-two zero bytes: the previous hash of entry 1.</summary>
    public static EntryHash Zero => default;

    /// <summary>Reads a digest from exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public static EntryHash FromBytes(ReadOnlySpan<byte> bytes)
    {
        Preconditions.CheckArgument(bytes.Length == Length, nameof(bytes), "A SHA-256 digest is 32 bytes.");
        return new EntryHash(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    /// <summary>Parses 64 hexadecimal digits (either case).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="hex"/> is null.</exception>
    /// <exception cref="FormatException">The text is not 64 hexadecimal digits.</exception>
    public static EntryHash Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != Length * 2)
        {
            throw new FormatException("An entry hash is 64 hexadecimal digits.");
        }
        Span<byte> bytes = stackalloc byte[Length];
        var status = Convert.FromHexString(hex, bytes, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done || written != Length)
        {
            throw new FormatException("An entry hash is 64 hexadecimal digits.");
        }
        return FromBytes(bytes);
    }

    /// <summary>Writes the 32 bytes to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void WriteTo(Span<byte> destination)
    {
        Preconditions.CheckArgument(destination.Length >= Length, nameof(destination), "The destination needs 32 bytes.");
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>The 32 bytes as a new array.</summary>
    public byte[] ToByteArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>64 lowercase hexadecimal digits.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
