namespace KubeCore.Savings;

/// <summary>
/// What an IKS spend is for (SAV-06). The source sets IKS aside "untuk anggota kelompok, keluarga miskin lainnya dan
/// berpartisipasi dalam pembangunan di lingkungannya" (123dok stage criteria): social need of a member or of another
/// poor family, and the community's development.
/// </summary>
/// <remarks>A spend writes its purpose into the entry's memo by name (<c>purpose=SocialNeed;…</c>); the names never change.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<IksPurpose>))]
public enum IksPurpose
{
    /// <summary>
    /// Help to a person in social need (illness, a death, a disaster, a child's schooling): a member of the group, named
    /// as the spend's beneficiary, or another poor family, named in the description.
    /// </summary>
    SocialNeed = 1,

    /// <summary>Participation in the development or social activities of the neighbourhood (no member beneficiary).</summary>
    CommunityActivity = 2,

    /// <summary>
    /// A profit share, dividend or any payout to members that is not help in a social need (bagi hasil, SHU). Never paid
    /// from IKS: a spend with this purpose is always refused (<see cref="SavingsErrors.IksNotADividend"/>). It exists so
    /// that such a request is recorded as refused with a code, not disguised as another purpose.
    /// </summary>
    ProfitShare = 3,
}
