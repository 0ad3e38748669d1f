using KubeCore.Rules;

namespace KubeCore.Facilitation;

/// <summary>Error codes of facilitation by a pendamping (FAC-01..03). Each code is also the key of its Indonesian and English message.</summary>
public static class FacilitationErrors
{
    internal static readonly MessageTable Messages = new("Facilitation",
    [
    ]);
}
