using KubeCore.Common;
using NodaTime;

namespace KubeCore.Facilitation;

/// <summary>Something that happened in a pendamping's facilitation: a past-tense record raised only on a real change.</summary>
/// <param name="PendampingId">The pendamping.</param>
/// <param name="OccurredOn">The date it happened.</param>
public abstract record FacilitationEvent(PendampingId PendampingId, LocalDate OccurredOn);

/// <summary>The pendamping was appointed (by SK Kepala Dinas Sosial) under a program profile.</summary>
/// <param name="PendampingId">The pendamping.</param>
/// <param name="OccurredOn">The appointment date.</param>
/// <param name="ProfileId">The profile (<c>Code@Version</c>) that governs the pendamping's duties.</param>
public sealed record PendampingAppointed(PendampingId PendampingId, LocalDate OccurredOn, string ProfileId) : FacilitationEvent(PendampingId, OccurredOn);

/// <summary>A group was assigned to the pendamping (FAC-01).</summary>
/// <param name="PendampingId">The pendamping.</param>
/// <param name="OccurredOn">The first day of facilitation.</param>
/// <param name="GroupId">The group.</param>
public sealed record GroupAssigned(PendampingId PendampingId, LocalDate OccurredOn, GroupId GroupId) : FacilitationEvent(PendampingId, OccurredOn);

/// <summary>The pendamping stopped accompanying a group.</summary>
/// <param name="PendampingId">The pendamping.</param>
/// <param name="OccurredOn">The first day no longer accompanied.</param>
/// <param name="GroupId">The group.</param>
public sealed record GroupReleased(PendampingId PendampingId, LocalDate OccurredOn, GroupId GroupId) : FacilitationEvent(PendampingId, OccurredOn);

/// <summary>The pendamping visited a group (FAC-02).</summary>
/// <param name="PendampingId">The pendamping.</param>
/// <param name="OccurredOn">The visit date.</param>
/// <param name="GroupId">The group.</param>
public sealed record VisitRecorded(PendampingId PendampingId, LocalDate OccurredOn, GroupId GroupId) : FacilitationEvent(PendampingId, OccurredOn);

/// <summary>The pendamping submitted a monthly report on a group (FAC-02, FAC-03).</summary>
/// <param name="PendampingId">The pendamping.</param>
/// <param name="OccurredOn">The report date.</param>
/// <param name="GroupId">The group.</param>
/// <param name="Aspects">The strategy aspects addressed.</param>
public sealed record MonthlyReportSubmitted(PendampingId PendampingId, LocalDate OccurredOn, GroupId GroupId, StrategyAspects Aspects) : FacilitationEvent(PendampingId, OccurredOn);

/// <summary>A group reported to Dinas Sosial that the pendamping is inactive for it (FAC-02).</summary>
/// <param name="PendampingId">The pendamping.</param>
/// <param name="OccurredOn">The report date.</param>
/// <param name="GroupId">The group that reported.</param>
/// <param name="InactiveSince">The date since which the pendamping was inactive.</param>
public sealed record InactivityReportedToDinasSosial(PendampingId PendampingId, LocalDate OccurredOn, GroupId GroupId, LocalDate InactiveSince) : FacilitationEvent(PendampingId, OccurredOn);
