using KubeCore.Rules;

namespace KubeCore.Meetings;

/// <summary>Error codes of meetings and decisions. Each code is also the key of its Indonesian and English message.</summary>
public static class MeetingErrors
{
    internal static readonly MessageTable Messages = new("Meetings",
    [
    ]);
}
