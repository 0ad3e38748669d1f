using KubeCore.Common;
using KubeCore.WealthRanking;

namespace KubeCore.Rules.Parameters;

/// <summary>Parameters of a PRA wealth-ranking exercise (PRA-01..03).</summary>
public sealed record WealthRankingParameters
{
    /// <summary>PRA-01: the fewest independent informants. Default 3.</summary>
    public int MinInformants { get; init; } = 3;

    /// <summary>PRA-01: more households than this in one exercise gives a warning. Default 100.</summary>
    public int WarnAboveHouseholds { get; init; } = 100;

    /// <summary>
    /// PRA-02: score bands from richest to poorest, each with its inclusive upper score; the last band
    /// ends at 100. Default 4 bands: kaya ≤ 25, sedang ≤ 50, miskin ≤ 75, sangat miskin ≤ 100.
    /// </summary>
    public IReadOnlyList<WealthBand> Bands { get; init; } =
    [
        new(WealthCategory.Kaya, 25, IsPoor: false),
        new(WealthCategory.Sedang, 50, IsPoor: false),
        new(WealthCategory.Miskin, 75, IsPoor: true),
        new(WealthCategory.SangatMiskin, 100, IsPoor: true),
    ];

    internal void Validate()
    {
        Preconditions.CheckArgument(MinInformants >= 1, nameof(MinInformants), "At least one informant is needed.");
        Preconditions.CheckArgument(WarnAboveHouseholds >= 1, nameof(WarnAboveHouseholds), "The warning threshold must be positive.");
        Preconditions.CheckArgument(Bands is { Count: >= 2 }, nameof(Bands), "At least two bands are needed.");
        for (var i = 0; i < Bands.Count; i++)
        {
            Preconditions.CheckArgument(Bands[i].MaxScore is >= 1 and <= 100 && (i == 0 || Bands[i].MaxScore > Bands[i - 1].MaxScore), nameof(Bands), "Band upper scores must rise strictly within 1..100.");
        }
        Preconditions.CheckArgument(Bands[^1].MaxScore == 100, nameof(Bands), "The last band must end at 100.");
    }
}
