using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;

namespace KubeCore.Tests.Support;

/// <summary>A plain <see cref="IGroupStanding"/> for tests of areas that only read a group's standing.</summary>
public sealed class TestGroupStanding(ProgramProfile profile, GroupStatus status, IReadOnlyCollection<PersonId> members, PersonId? bendahara) : IGroupStanding
{
    public GroupId Id { get; } = GroupId.New();

    public ProgramProfile Profile { get; } = profile;

    public GroupStatus Status { get; } = status;

    public IReadOnlyCollection<PersonId> CurrentMembers { get; } = members;

    public PersonId? OfficerHolding(OfficerRole role) => role == OfficerRole.Bendahara ? bendahara : CurrentMembers.FirstOrDefault();

    public static TestGroupStanding Active(ProgramProfile profile, int members = 10)
    {
        var ids = Enumerable.Range(0, members).Select(_ => PersonId.New()).ToArray();
        return new TestGroupStanding(profile, GroupStatus.Active, ids, ids[0]);
    }
}
