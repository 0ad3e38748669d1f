using System.Text.Json.Serialization;
namespace KubeCore.Common;

/// <summary>A person's sex as recorded on the KTP (jenis kelamin); the NIK encodes it (MEM-06).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sex>))]
public enum Sex
{
    /// <summary>Laki-laki.</summary>
    Male = 1,

    /// <summary>Perempuan. The NIK's birth day carries +40.</summary>
    Female = 2,
}
