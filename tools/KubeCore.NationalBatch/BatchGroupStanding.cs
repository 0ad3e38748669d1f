using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;

namespace KubeCore.NationalBatch;

/// <summary>
/// The standing of a synthetic group: active, full officers. The batch exercises money, meetings, loans and
/// compliance, not formation, so the group starts active (the <see cref="IGroupStanding"/> seam the ledger,
/// meetings and loans read).
/// </summary>
internal sealed class BatchGroupStanding(GroupId id, ProgramProfile profile, PersonId[] members) : IGroupStanding
{
    private readonly HashSet<PersonId> _members = [.. members];

    public GroupId Id { get; } = id;

    public ProgramProfile Profile { get; } = profile;

    public GroupStatus Status => GroupStatus.Active;

    public IReadOnlyCollection<PersonId> CurrentMembers => _members;

    public PersonId? OfficerHolding(OfficerRole role) => members[(int)role - 1];
}
