namespace KubeCore.Groups;

/// <summary>The kind of community group a program profile governs.</summary>
public enum GroupKind
{
    /// <summary>KUB (Kelompok Usaha Bersama): the older, generic name of a joint business group of poor households (seed 000).</summary>
    Kub = 1,

    /// <summary>KUBE (Kelompok Usaha Bersama), the Kementerian Sosial program run with the district Dinas Sosial.</summary>
    Kube = 2,

    /// <summary>KSM (Kelompok Swadaya Masyarakat): a self-help group that saves weekly and borrows from the UPK of a BKM.</summary>
    Ksm = 3,
}

/// <summary>How close together a group's members must live (GRP-04).</summary>
public enum ResidenceScope
{
    /// <summary>All members live in desa/kelurahan of the same kecamatan (Permensos 2/2019 Ps 3(1)).</summary>
    Kecamatan = 1,

    /// <summary>Strict: all members live in the same desa/kelurahan.</summary>
    Desa = 2,
}
