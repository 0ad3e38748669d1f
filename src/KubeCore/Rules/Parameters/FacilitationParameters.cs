using KubeCore.Common;
using NodaTime;

namespace KubeCore.Rules.Parameters;

/// <summary>Parameters of facilitation by a pendamping (FAC-01..02).</summary>
public sealed record FacilitationParameters
{
    /// <summary>FAC-01: the most groups one pendamping accompanies. Default 10.</summary>
    public int MaxGroupsPerPendamping { get; init; } = 10;

    /// <summary>FAC-02: how often a pendamping reports on each group. Default 1 month.</summary>
    public Period ReportInterval { get; init; } = Period.FromMonths(1);

    /// <summary>FAC-02: no visit or report for this long makes the pendamping inactive for the group. Default 60 days (two missed monthly reports).</summary>
    public Period InactivityPeriod { get; init; } = Period.FromDays(60);

    internal void Validate()
    {
        Preconditions.CheckArgument(MaxGroupsPerPendamping >= 1, nameof(MaxGroupsPerPendamping), "A pendamping must be able to accompany at least one group.");
        Preconditions.CheckArgument(ReportInterval is not null && !ReportInterval.HasTimeComponent && InactivityPeriod is not null && !InactivityPeriod.HasTimeComponent, nameof(ReportInterval), "Periods are date periods.");
    }
}
