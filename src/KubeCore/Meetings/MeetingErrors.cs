using KubeCore.Rules;

namespace KubeCore.Meetings;

/// <summary>Error codes of meetings and decisions. Each code is also the key of its Indonesian and English message.</summary>
public static class MeetingErrors
{
    /// <summary>FIVE-02: decisions are taken only after the meeting's attendance is recorded.</summary>
    public const string AttendanceNotRecorded = "FIVE02_ATTENDANCE_NOT_RECORDED";

    /// <summary>FIVE-02: a meeting's attendance is recorded once.</summary>
    public const string AttendanceAlreadyRecorded = "FIVE02_ATTENDANCE_ALREADY_RECORDED";

    /// <summary>FIVE-02: the attendance must mark every current member.</summary>
    public const string AttendanceIncomplete = "FIVE02_ATTENDANCE_INCOMPLETE";

    /// <summary>FIVE-02: attendance is recorded only for current members.</summary>
    public const string AttendeeNotAMember = "FIVE02_ATTENDEE_NOT_A_MEMBER";

    /// <summary>FIVE-02 (validator): the attendance list is empty.</summary>
    public const string AttendanceEmpty = "FIVE02_ATTENDANCE_EMPTY";

    /// <summary>FIVE-02 (validator): a member appears twice in the attendance.</summary>
    public const string AttendeeDuplicate = "FIVE02_ATTENDEE_DUPLICATE";

    /// <summary>FIVE-02 (validator): an attendance mark is not one of present, absent, excused, late.</summary>
    public const string AttendanceMarkUnknown = "FIVE02_ATTENDANCE_MARK_UNKNOWN";

    /// <summary>FIVE-02 (validator): a member id is missing.</summary>
    public const string MemberRequired = "FIVE02_MEMBER_REQUIRED";

    /// <summary>
    /// FIVE-02: a decision needs a subject: it is null or blank (white space, invisible characters or controls only, as
    /// <see cref="Common.ReadableName"/> judges a blank text).
    /// </summary>
    public const string DecisionSubjectRequired = "FIVE02_DECISION_SUBJECT_REQUIRED";

    /// <summary>
    /// FIVE-02: a text of a meeting record is longer than its limit (<see cref="Meeting.MaxAgendaLength"/>,
    /// <see cref="Meeting.MaxSubjectLength"/>); <c>PropertyName</c> names it, <c>TotalLength</c> is its length and
    /// <c>MaxLength</c> the limit, in UTF-16 code units (as <see cref="string.Length"/> counts them).
    /// </summary>
    public const string TextTooLong = "FIVE02_TEXT_TOO_LONG";

    /// <summary>FIVE-02 (validator): the decision kind is unknown.</summary>
    public const string DecisionKindUnknown = "FIVE02_DECISION_KIND_UNKNOWN";

    /// <summary>LOAN-06 (validator): a loan approval must name the loan it approves.</summary>
    public const string DecisionLoanRequired = "LOAN06_DECISION_LOAN_REQUIRED";

    /// <summary>FIVE-02 (validator): only a loan approval names a loan.</summary>
    public const string DecisionLoanUnexpected = "FIVE02_DECISION_LOAN_UNEXPECTED";

    /// <summary>FIVE-02 (validator): only an officer election names officers.</summary>
    public const string DecisionOfficersUnexpected = "FIVE02_DECISION_OFFICERS_UNEXPECTED";

    /// <summary>LOAN-06: a loan approval (or another decision that needs quorum) was attempted without quorum.</summary>
    public const string LoanApprovalWithoutQuorum = "LOAN06_MEETING_WITHOUT_QUORUM";

    /// <summary>OFF-03: an officer election was attempted without quorum.</summary>
    public const string ElectionWithoutQuorum = "OFF03_MEETING_WITHOUT_QUORUM";

    /// <summary>SAV-06: a profit split (capital, welfare, IKS) was attempted without quorum.</summary>
    public const string ProfitSplitWithoutQuorum = "SAV06_MEETING_WITHOUT_QUORUM";

    internal static readonly MessageTable Messages = new("Meetings",
    [
        new(AttendanceNotRecorded, "Daftar hadir pertemuan {MeetingId} belum dicatat; keputusan diambil setelah daftar hadir.", "The attendance of meeting {MeetingId} is not recorded; decisions come after the attendance."),
        new(AttendanceAlreadyRecorded, "Daftar hadir pertemuan {MeetingId} sudah dicatat.", "The attendance of meeting {MeetingId} is already recorded."),
        new(AttendanceIncomplete, "Daftar hadir harus mencakup semua anggota; {Missing} anggota belum ditandai.", "The attendance must mark every member; {Missing} member(s) are not marked."),
        new(AttendeeNotAMember, "{Member} bukan anggota kelompok saat ini dan tidak dapat dicatat hadir.", "{Member} is not a current member and cannot be marked in the attendance."),
        new(AttendanceEmpty, "Daftar hadir tidak boleh kosong.", "The attendance must not be empty."),
        new(AttendeeDuplicate, "Seorang anggota tercatat lebih dari sekali dalam daftar hadir.", "A member appears more than once in the attendance."),
        new(AttendanceMarkUnknown, "Tanda kehadiran harus hadir, tidak hadir, izin atau terlambat.", "An attendance mark must be present, absent, excused or late."),
        new(MemberRequired, "Anggota wajib diisi.", "The member is required."),
        new(DecisionSubjectRequired, "Pokok keputusan wajib diisi.", "A decision needs a subject."),
        new(TextTooLong, "{PropertyName} terdiri dari {TotalLength} karakter; paling banyak {MaxLength}.", "{PropertyName} has {TotalLength} characters; at most {MaxLength} are allowed."),
        new(DecisionKindUnknown, "Jenis keputusan tidak dikenal.", "The decision kind is unknown."),
        new(DecisionLoanRequired, "Keputusan persetujuan pinjaman harus menyebut pinjaman yang disetujui.", "A loan approval must name the loan it approves."),
        new(DecisionLoanUnexpected, "Hanya keputusan persetujuan pinjaman yang menyebut pinjaman.", "Only a loan approval names a loan."),
        new(DecisionOfficersUnexpected, "Hanya keputusan pemilihan pengurus yang menyebut pengurus.", "Only an officer election names officers."),
        new(LoanApprovalWithoutQuorum, "Keputusan ini memerlukan kuorum: hadir {Present} dari {Members} anggota tidak cukup.", "This decision needs a quorum: {Present} of {Members} members present is not enough."),
        new(ElectionWithoutQuorum, "Pemilihan pengurus memerlukan kuorum: hadir {Present} dari {Members} anggota tidak cukup.", "An officer election needs a quorum: {Present} of {Members} members present is not enough."),
        new(ProfitSplitWithoutQuorum, "Pembagian laba memerlukan kuorum: hadir {Present} dari {Members} anggota tidak cukup.", "A profit split needs a quorum: {Present} of {Members} members present is not enough."),
    ]);
}
