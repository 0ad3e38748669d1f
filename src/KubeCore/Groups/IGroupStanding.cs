using KubeCore.Common;
using KubeCore.Rules;

namespace KubeCore.Groups;

/// <summary>The lifecycle states of a group (GRP-06).</summary>
public enum GroupStatus
{
    /// <summary>Proposed: founding members consented; officers not yet elected.</summary>
    Proposed = 1,

    /// <summary>Formed: officers elected and the initial meeting held.</summary>
    Formed = 2,

    /// <summary>Verified by Dinas Sosial (membership and administration).</summary>
    Verified = 3,

    /// <summary>Active: running its savings, meetings and business.</summary>
    Active = 4,

    /// <summary>Under strength (GRP-05): below the profile minimum, within a grace period; loans and aid blocked.</summary>
    UnderStrength = 5,

    /// <summary>Dissolved. Final.</summary>
    Dissolved = 6,
}

/// <summary>The offices of a group (pengurus; OFF-02).</summary>
public enum OfficerRole
{
    /// <summary>Ketua (chair).</summary>
    Ketua = 1,

    /// <summary>Sekretaris (secretary).</summary>
    Sekretaris = 2,

    /// <summary>Bendahara (treasurer).</summary>
    Bendahara = 3,
}

/// <summary>
/// The read-only standing of a group that other aggregates (savings ledger, loans, aid) consult:
/// its profile, status, current members and officers. The <c>Group</c> aggregate implements it.
/// </summary>
public interface IGroupStanding
{
    /// <summary>The group's id.</summary>
    GroupId Id { get; }

    /// <summary>The profile that governs the group.</summary>
    ProgramProfile Profile { get; }

    /// <summary>The lifecycle status.</summary>
    GroupStatus Status { get; }

    /// <summary>The current members.</summary>
    IReadOnlyCollection<PersonId> CurrentMembers { get; }

    /// <summary>The member holding <paramref name="role"/>, or null when the office is vacant (OFF-04).</summary>
    PersonId? OfficerHolding(OfficerRole role);
}
