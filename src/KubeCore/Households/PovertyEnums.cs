namespace KubeCore.Households;

/// <summary>Which evidence of poverty a profile accepts for membership (MEM-01).</summary>
public enum PovertyEvidenceRule
{
    /// <summary>A current DTKS/DTSEN registry entry with a decile at most the profile's maximum.</summary>
    RegistryDecile = 1,

    /// <summary>A current registry entry as above, or a PRA wealth ranking that ranked the household poor or poorer.</summary>
    RegistryDecileOrPra = 2,

    /// <summary>PRA-ranked poor or poorer and matched with the registry base data (PRA-03: Confirmed), as in seed 000 step 4b.</summary>
    PraConfirmedByRegistry = 3,

    /// <summary>On the PS2 list of the BKM's participatory poverty mapping (Pemetaan Swadaya), for KSM.</summary>
    Ps2List = 4,
}

/// <summary>Kinds of employment a profile may exclude from membership (MEM-04).</summary>
[Flags]
public enum EmploymentExclusions
{
    /// <summary>No exclusion.</summary>
    None = 0,

    /// <summary>Pegawai Negeri Sipil (civil servant).</summary>
    CivilServant = 1,

    /// <summary>Tentara Nasional Indonesia (armed forces).</summary>
    Military = 2,

    /// <summary>Kepolisian (POLRI).</summary>
    Police = 4,

    /// <summary>Pensiunan (pensioner).</summary>
    Pensioner = 8,

    /// <summary>Every exclusion of Dinsos Kalbar's KUBE requirements: PNS, TNI/POLRI and pensioners.</summary>
    StateEmployees = CivilServant | Military | Police | Pensioner,
}
