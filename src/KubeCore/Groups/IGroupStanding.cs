using System.Text.Json.Serialization;
using KubeCore.Common;
using KubeCore.Rules;

namespace KubeCore.Groups;

/// <summary>The lifecycle states of a group (GRP-06).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GroupStatus>))]
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
[JsonConverter(typeof(JsonStringEnumConverter<OfficerRole>))]
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

/// <summary>Checks on a group's standing that every money-moving operation makes first.</summary>
public static class GroupStandingRules
{
    /// <summary>
    /// Null when money may move for the group (a loan disbursed, aid credited), otherwise why not:
    /// GRP-05/GRP-06 when the group is not <see cref="GroupStatus.Active"/> (an under-strength group has loans
    /// and aid blocked), OFF-04 when an office is vacant: the bendahara's first (<see cref="GroupErrors.BendaharaVacant"/>),
    /// then the ketua's or sekretaris's (<see cref="GroupErrors.OfficeVacant"/>): a vacated office is refilled before money moves.
    /// </summary>
    public static RuleViolation? CheckMayMoveMoney(IGroupStanding group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Status == GroupStatus.UnderStrength)
        {
            return RuleViolation.Of(RuleIds.Grp05, GroupErrors.UnderStrengthBlocksMoney, ("GroupId", group.Id));
        }
        if (group.Status != GroupStatus.Active)
        {
            return NotActive(group.Id, group.Status);
        }
        if (group.OfficerHolding(OfficerRole.Bendahara) is null)
        {
            return RuleViolation.Of(RuleIds.Off04, GroupErrors.BendaharaVacant, ("GroupId", group.Id));
        }
        if (group.OfficerHolding(OfficerRole.Ketua) is null)
        {
            return OfficeVacant(group.Id, OfficerRole.Ketua);
        }
        return group.OfficerHolding(OfficerRole.Sekretaris) is null ? OfficeVacant(group.Id, OfficerRole.Sekretaris) : null;
    }

    /// <summary>OFF-04: the office <paramref name="role"/> is vacant (the one place this violation is built).</summary>
    internal static RuleViolation OfficeVacant(GroupId group, OfficerRole role) =>
        RuleViolation.Of(RuleIds.Off04, GroupErrors.OfficeVacant, ("GroupId", group), ("Role", role));

    /// <summary>GRP-06: the group is not active, so money cannot move (the one place this violation is built).</summary>
    internal static RuleViolation NotActive(GroupId group, GroupStatus status) =>
        RuleViolation.Of(RuleIds.Grp06, GroupErrors.NotActive, ("GroupId", group), ("Status", status));
}
