using KubeCore.Rules;

namespace KubeCore.Aid;

/// <summary>Error codes of aid grants and accountability (AID-01..03, GRP-07). Each code is also the key of its Indonesian and English message.</summary>
public static class AidErrors
{
    /// <summary>AID-01: the profile has no grant in force on the date.</summary>
    public const string NoGrantInForce = "AID01_NO_GRANT_IN_FORCE";

    /// <summary>GRP-07: the group has no bank account.</summary>
    public const string NoGroupAccount = "GRP07_NO_GROUP_ACCOUNT";

    /// <summary>GRP-07: the account is not held in the group's name.</summary>
    public const string AccountNotInGroupName = "GRP07_ACCOUNT_NOT_IN_GROUP_NAME";

    /// <summary>AID-02: the group has not been active long enough.</summary>
    public const string GroupTooYoung = "AID02_GROUP_TOO_YOUNG";

    /// <summary>AID-03: a spend has no receipt reference.</summary>
    public const string ReceiptMissing = "AID03_RECEIPT_MISSING";

    /// <summary>AID-03: the receipt was already claimed in this report.</summary>
    public const string ReceiptAlreadyClaimed = "AID03_RECEIPT_ALREADY_CLAIMED";

    /// <summary>AID-03: the grant an LPJ accounts for is not positive.</summary>
    public const string GrantNotPositive = "AID03_GRANT_NOT_POSITIVE";

    /// <summary>AID-03: a spend amount is not positive.</summary>
    public const string SpendNotPositive = "AID03_SPEND_NOT_POSITIVE";

    /// <summary>AID-03: a spend is dated before the disbursement.</summary>
    public const string SpendBeforeDisbursement = "AID03_SPEND_BEFORE_DISBURSEMENT";

    /// <summary>AID-03: a spend exceeds what remains of the grant.</summary>
    public const string SpendAboveGrant = "AID03_SPEND_ABOVE_GRANT";

    /// <summary>AID-03: the report was already submitted.</summary>
    public const string ReportAlreadySubmitted = "AID03_REPORT_ALREADY_SUBMITTED";

    /// <summary>AID-03: the submission date is before the last spend or the disbursement.</summary>
    public const string SubmittedBeforeLastSpend = "AID03_SUBMITTED_BEFORE_LAST_SPEND";

    /// <summary>AID-03: the spend has no description.</summary>
    public const string DescriptionMissing = "AID03_DESCRIPTION_MISSING";

    /// <summary>AID-03: the spend category is unknown.</summary>
    public const string CategoryUnknown = "AID03_CATEGORY_UNKNOWN";

    internal static readonly MessageTable Messages = new("Aid",
    [
        new(NoGrantInForce, "Profil {ProfileId} tidak memiliki bantuan yang berlaku pada {Date}.", "Profile {ProfileId} has no grant in force on {Date}."),
        new(NoGroupAccount, "Kelompok {GroupName} belum memiliki rekening bank atas nama kelompok; bantuan tidak dapat disalurkan.", "Group {GroupName} has no bank account in its name; the grant cannot be paid."),
        new(AccountNotInGroupName, "Rekening atas nama {HolderName}, bukan atas nama kelompok {GroupName}; bantuan adalah aset kelompok, bukan perorangan.", "The account is held by {HolderName}, not by group {GroupName}; aid is a group asset, never a member's."),
        new(GroupTooYoung, "Kelompok aktif sejak {ActiveSince}, belum mencapai usia minimal {MinAge} untuk bantuan pengembangan.", "The group has been active since {ActiveSince}, short of the minimum age {MinAge} for development aid."),
        new(ReceiptMissing, "Pengeluaran {Amount} tidak memiliki nomor bukti (nota/kuitansi).", "The spend of {Amount} has no receipt reference."),
        new(ReceiptAlreadyClaimed, "Bukti {ReceiptReference} sudah dicatat dalam LPJ ini.", "Receipt {ReceiptReference} is already claimed in this report."),
        new(GrantNotPositive, "Jumlah bantuan yang dipertanggungjawabkan harus lebih dari nol (tercatat {Grant}).", "The grant a report accounts for must be more than zero (got {Grant})."),
        new(SpendNotPositive, "Jumlah pengeluaran harus lebih dari nol (tercatat {Amount}).", "A spend must be more than zero (got {Amount})."),
        new(SpendBeforeDisbursement, "Pengeluaran tanggal {Date} mendahului pencairan bantuan tanggal {DisbursedOn}.", "The spend dated {Date} precedes the disbursement on {DisbursedOn}."),
        new(SpendAboveGrant, "Pengeluaran {Amount} melebihi sisa bantuan {Remaining}.", "The spend of {Amount} exceeds the remaining grant of {Remaining}."),
        new(ReportAlreadySubmitted, "LPJ sudah diserahkan pada {SubmittedOn} dan tidak dapat diubah.", "The report was submitted on {SubmittedOn} and can no longer change."),
        new(SubmittedBeforeLastSpend, "Tanggal penyerahan {Date} mendahului tanggal {Earliest}.", "The submission date {Date} precedes {Earliest}."),
        new(DescriptionMissing, "Uraian pengeluaran wajib diisi.", "A spend needs a description."),
        new(CategoryUnknown, "Kategori pengeluaran tidak dikenal.", "The spend category is unknown."),
    ]);
}
