using Ardalis.Specification;

namespace KubeCore.Api.Persistence;

/// <summary>
/// Stored households whose desa lies in <c>region</c>: the desa itself, or any kecamatan, regency or province that
/// encloses it (<c>62.71.01</c> lists every desa of that kecamatan). An Ardalis specification over the rows, applied by
/// EF Core through <see cref="SpecificationExpressions.WhereSatisfies{T}"/>, which translates it to SQL.
/// </summary>
public sealed class HouseholdRowsInRegion : Specification<HouseholdRow>
{
    public HouseholdRowsInRegion(RegionCode region)
    {
        var code = region.ToString();
        var enclosed = code + ".";
        Query.Where(h => h.Desa == code || h.Desa.StartsWith(enclosed));
    }
}
