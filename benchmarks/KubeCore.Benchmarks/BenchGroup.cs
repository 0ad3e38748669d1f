using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;

namespace KubeCore.Benchmarks;

/// <summary>An active group with full officers, for benchmarks that read a group's standing (ledger, meetings).</summary>
public sealed class BenchGroup : IGroupStanding
{
    private readonly HashSet<PersonId> _members;

    /// <summary>Creates an active group of <paramref name="memberCount"/> members under <paramref name="profile"/>.</summary>
    public BenchGroup(ProgramProfile profile, int memberCount, long seed = 1)
    {
        Profile = profile;
        Id = new GroupId(Ids.Guid(10, seed));
        Members = Enumerable.Range(0, memberCount).Select(i => new PersonId(Ids.Guid(11, (seed * 1000) + i))).ToArray();
        _members = [.. Members];
    }

    /// <summary>The members, ketua first, then sekretaris, then bendahara.</summary>
    public PersonId[] Members { get; }

    public GroupId Id { get; }

    public ProgramProfile Profile { get; }

    public GroupStatus Status => GroupStatus.Active;

    public IReadOnlyCollection<PersonId> CurrentMembers => _members;

    public PersonId? OfficerHolding(OfficerRole role) => Members[(int)role - 1];
}
