using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;

namespace KubeCore.Tests.Examples;

/// <summary>GRP-01: proposes a group of <c>members</c> eligible founders under the row's profile.</summary>
internal sealed class Grp01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Grp01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var group = GroupBuilder.For(example.ProgramProfile).WithMembers(example.Int("members")).Build();
        return Accepted(("members", group.MemberCount));
    }
}
