using KubeCore.Rules;

namespace KubeCore.Households;

/// <summary>Error codes of households and poverty assessment (POV-01..03, MEM-01..05). Each code is also the key of its Indonesian and English message.</summary>
public static class HouseholdErrors
{
    internal static readonly MessageTable Messages = new("Households",
    [
    ]);
}
