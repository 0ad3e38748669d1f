using Ardalis.Specification;
using NodaTime;

namespace KubeCore.Facilitation;

/// <summary>Pendamping who can take another group (FAC-01): fewer assignments in force than the profile's maximum.</summary>
public sealed class PendampingWithSpareCapacity : Specification<PendampingLoad>
{
    /// <summary>Creates the specification.</summary>
    public PendampingWithSpareCapacity() => Query.Where(p => p.Groups < p.MaxGroups);
}

/// <summary>
/// Assignments whose group owes Dinas Sosial a report of the pendamping's inactivity on a date (FAC-02): the
/// pendamping is inactive (<see cref="FacilitationActivity.InactiveSince"/> on or before the date) and the group has
/// not reported it since it became inactive.
/// </summary>
public sealed class GroupsOwingInactivityReport : Specification<FacilitationActivity>
{
    /// <summary>Creates the specification for <paramref name="asOf"/>.</summary>
    public GroupsOwingInactivityReport(LocalDate asOf) =>
        Query.Where(a => a.InactiveSince <= asOf && (a.InactivityReportedOn == null || a.InactivityReportedOn < a.InactiveSince));
}

/// <summary>Assignments whose next monthly report was due before a date (FAC-02).</summary>
public sealed class MonthlyReportsOverdue : Specification<FacilitationActivity>
{
    /// <summary>Creates the specification for <paramref name="asOf"/>.</summary>
    public MonthlyReportsOverdue(LocalDate asOf) => Query.Where(a => a.NextReportDueOn < asOf);
}
