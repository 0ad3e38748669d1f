using KubeCore.Rules;

namespace KubeCore.Groups;

/// <summary>Error codes of groups, members and officers (GRP, MEM, OFF). Each code is also the key of its Indonesian and English message.</summary>
public static class GroupErrors
{
    /// <summary>GRP-05: the group is under strength; loans and aid are blocked until it is restored.</summary>
    public const string UnderStrengthBlocksMoney = "GRP05_UNDER_STRENGTH_BLOCKS_MONEY";

    /// <summary>GRP-06: the group is not active, so money cannot move.</summary>
    public const string NotActive = "GRP06_NOT_ACTIVE";

    /// <summary>OFF-04: the bendahara's office is vacant; no money moves until it is refilled.</summary>
    public const string BendaharaVacant = "OFF04_BENDAHARA_VACANT";

    internal static readonly MessageTable Messages = new("Groups",
    [
        new(UnderStrengthBlocksMoney, "Kelompok {GroupId} kekurangan anggota; pinjaman dan bantuan ditahan sampai jumlah anggota dipulihkan.", "Group {GroupId} is under strength; loans and aid are blocked until its membership is restored."),
        new(NotActive, "Kelompok {GroupId} berstatus {Status}, belum/tidak aktif; uang tidak dapat bergerak.", "Group {GroupId} is {Status}, not active; money cannot move."),
        new(BendaharaVacant, "Jabatan bendahara kelompok {GroupId} kosong; isi terlebih dahulu sebelum uang bergerak.", "The bendahara office of group {GroupId} is vacant; refill it before money moves."),
    ]);
}
