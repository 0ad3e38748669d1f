using KubeCore.Rules;

namespace KubeCore.Facilitation;

/// <summary>Error codes of facilitation by a pendamping (FAC-01..03). Each code is also the key of its Indonesian and English message.</summary>
public static class FacilitationErrors
{
    /// <summary>FAC-01: the pendamping already accompanies the most groups the profile allows.</summary>
    public const string CapacityReached = "FAC01_CAPACITY_REACHED";

    /// <summary>FAC-01: the pendamping already accompanies the group.</summary>
    public const string AlreadyAssigned = "FAC01_ALREADY_ASSIGNED";

    /// <summary>FAC-01: a dissolved group cannot be accompanied.</summary>
    public const string GroupDissolved = "FAC01_GROUP_DISSOLVED";

    /// <summary>FAC-01: the group is of another kind than the program the pendamping was appointed for.</summary>
    public const string OtherGroupKind = "FAC01_OTHER_GROUP_KIND";

    /// <summary>FAC-01: the assignment is dated before the pendamping's appointment.</summary>
    public const string BeforeAppointment = "FAC01_BEFORE_APPOINTMENT";

    /// <summary>FAC-01: the pendamping does not accompany the group.</summary>
    public const string NotAssigned = "FAC01_NOT_ASSIGNED";

    /// <summary>FAC-01: the release is dated before the assignment or before recorded facilitation.</summary>
    public const string ReleaseTooEarly = "FAC01_RELEASE_TOO_EARLY";

    /// <summary>FAC-01: a field of an assignment is missing (validators).</summary>
    public const string AssignmentFieldRequired = "FAC01_FIELD_REQUIRED";

    /// <summary>FAC-02: the pendamping did not accompany the group on that date.</summary>
    public const string NotAssignedOnDate = "FAC02_NOT_ASSIGNED_ON_DATE";

    /// <summary>FAC-02: the pendamping is not inactive for the group, so nothing is owed to Dinas Sosial.</summary>
    public const string PendampingNotInactive = "FAC02_PENDAMPING_NOT_INACTIVE";

    /// <summary>FAC-02: the group already reported this inactivity to Dinas Sosial.</summary>
    public const string InactivityAlreadyReported = "FAC02_INACTIVITY_ALREADY_REPORTED";

    /// <summary>
    /// FAC-02: a field of a visit or monthly report is missing: the group, or a text (the visit's notes, the report's
    /// summary) that is null or blank (white space, invisible characters or controls only, as
    /// <see cref="Common.ReadableName"/> judges a blank text); <c>PropertyName</c> names it.
    /// </summary>
    public const string ReportFieldRequired = "FAC02_FIELD_REQUIRED";

    /// <summary>
    /// FAC-02: a text of a visit or monthly report is longer than its limit (<see cref="FacilitationVisit.MaxNotesLength"/>,
    /// <see cref="MonthlyReport.MaxSummaryLength"/>); <c>PropertyName</c> names it, <c>TotalLength</c> is its length and
    /// <c>MaxLength</c> the limit, in UTF-16 code units (as <see cref="string.Length"/> counts them).
    /// </summary>
    public const string TextTooLong = "FAC02_TEXT_TOO_LONG";

    /// <summary>FAC-03: a monthly report addresses no strategy aspect.</summary>
    public const string NoAspect = "FAC03_NO_ASPECT";

    /// <summary>FAC-03: a note names no aspect, several, or an unknown one.</summary>
    public const string NotOneAspect = "FAC03_NOT_ONE_ASPECT";

    /// <summary>FAC-03: an aspect addressed has no note, or a blank one (white space, invisible characters or controls only).</summary>
    public const string AspectNoteRequired = "FAC03_ASPECT_NOTE_REQUIRED";

    /// <summary>FAC-03: an aspect appears twice in one report.</summary>
    public const string AspectRepeated = "FAC03_ASPECT_REPEATED";

    internal static readonly MessageTable Messages = new("Facilitation",
    [
        new(CapacityReached, "Pendamping {Pendamping} sudah mendampingi {Groups} kelompok; paling banyak {MaxGroups}.", "Pendamping {Pendamping} already accompanies {Groups} groups; at most {MaxGroups} allowed."),
        new(AlreadyAssigned, "Pendamping {Pendamping} sudah mendampingi kelompok {GroupId}.", "Pendamping {Pendamping} already accompanies group {GroupId}."),
        new(GroupDissolved, "Kelompok {GroupId} sudah dibubarkan dan tidak dapat didampingi.", "Group {GroupId} is dissolved and cannot be accompanied."),
        new(OtherGroupKind, "Kelompok {GroupId} berjenis {GroupKind}, sedangkan pendamping ditugaskan untuk {PendampingKind}.", "Group {GroupId} is a {GroupKind}, but the pendamping was appointed for {PendampingKind}."),
        new(BeforeAppointment, "Tanggal {Date} mendahului pengangkatan pendamping pada {AppointedOn}.", "The date {Date} precedes the pendamping's appointment on {AppointedOn}."),
        new(NotAssigned, "Pendamping {Pendamping} tidak sedang mendampingi kelompok {GroupId}.", "Pendamping {Pendamping} does not accompany group {GroupId}."),
        new(ReleaseTooEarly, "Pendampingan hanya dapat diakhiri pada atau sesudah {Earliest}, bukan {Date}.", "The assignment can end on or after {Earliest}, not on {Date}."),
        new(AssignmentFieldRequired, "{PropertyName} wajib diisi untuk penugasan pendamping.", "{PropertyName} is required for a pendamping assignment."),
        new(NotAssignedOnDate, "Pada {Date} pendamping {Pendamping} tidak mendampingi kelompok {GroupId}.", "On {Date} pendamping {Pendamping} did not accompany group {GroupId}."),
        new(PendampingNotInactive, "Per {Date} pendamping {Pendamping} masih aktif mendampingi kelompok {GroupId}; dianggap tidak aktif mulai {InactiveSince}.", "As of {Date} pendamping {Pendamping} is still active for group {GroupId}; inactive only from {InactiveSince}."),
        new(InactivityAlreadyReported, "Kelompok {GroupId} sudah melaporkan ketidakaktifan pendamping {Pendamping} kepada Dinas Sosial pada {ReportedOn}.", "Group {GroupId} already reported pendamping {Pendamping} inactive to Dinas Sosial on {ReportedOn}."),
        new(ReportFieldRequired, "{PropertyName} wajib diisi dalam catatan pendampingan.", "{PropertyName} is required in a facilitation record."),
        new(TextTooLong, "{PropertyName} terdiri dari {TotalLength} karakter; paling banyak {MaxLength}.", "{PropertyName} has {TotalLength} characters; at most {MaxLength} are allowed."),
        new(NoAspect, "Laporan bulanan harus mencatat sedikitnya satu aspek strategi pendampingan beserta catatannya.", "A monthly report must record at least one strategy aspect, with its note."),
        new(NotOneAspect, "Setiap catatan harus menyebut tepat satu aspek strategi, bukan {Aspect}.", "Each note must name exactly one strategy aspect, not {Aspect}."),
        new(AspectNoteRequired, "Aspek {Aspect} dicatat tanpa keterangan.", "Aspect {Aspect} is recorded without a note."),
        new(AspectRepeated, "Aspek {Aspect} dicatat lebih dari sekali dalam satu laporan.", "Aspect {Aspect} is recorded more than once in one report."),
    ]);
}
