namespace KubeCore.Compliance;

/// <summary>A group's development stage (STG-01).</summary>
public enum GroupStage
{
    /// <summary>Tumbuh (growing).</summary>
    Tumbuh = 1,

    /// <summary>Berkembang (developing).</summary>
    Berkembang = 2,

    /// <summary>Maju (advanced, self-reliant).</summary>
    Maju = 3,
}
