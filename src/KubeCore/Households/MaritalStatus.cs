using System.Text.Json.Serialization;
namespace KubeCore.Households;

/// <summary>
/// A person's marital status as on the KTP and the Kartu Keluarga (status perkawinan); MEM-03 reads it
/// where the profile requires members to be married (<c>Membership.RequiresMarriage</c>).
/// </summary>
/// <remarks>
/// A person registered without a marital status (data kept before KubeCore recorded it) has none:
/// <see cref="Person.MaritalStatus"/> is null, and a profile that requires marriage refuses them with
/// MEM03_MARITAL_STATUS_UNKNOWN until it is recorded.
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<MaritalStatus>))]
public enum MaritalStatus
{
    /// <summary>Belum kawin (never married).</summary>
    Unmarried = 1,

    /// <summary>Kawin (married).</summary>
    Married = 2,

    /// <summary>Cerai hidup (divorced).</summary>
    Divorced = 3,

    /// <summary>Cerai mati (widowed).</summary>
    Widowed = 4,
}
