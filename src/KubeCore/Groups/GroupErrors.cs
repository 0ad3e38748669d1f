using KubeCore.Rules;

namespace KubeCore.Groups;

/// <summary>Error codes of groups, members and officers (GRP, MEM, OFF). Each code is also the key of its Indonesian and English message.</summary>
public static class GroupErrors
{
    internal static readonly MessageTable Messages = new("Groups",
    [
    ]);
}
