using KubeCore.Rules;

namespace KubeCore.Savings;

/// <summary>Error codes of the savings ledger (SAV-01..07). Each code is also the key of its Indonesian and English message.</summary>
public static class SavingsErrors
{
    /// <summary>SAV-01: no entry with this id in the ledger.</summary>
    public const string UnknownEntry = "SAV01_UNKNOWN_ENTRY";

    /// <summary>SAV-01: the entry was already reversed; an entry is reversed at most once.</summary>
    public const string AlreadyReversed = "SAV01_ALREADY_REVERSED";

    /// <summary>SAV-01: the entry cannot be reversed (the opening, a week close, or a reversal itself: post a new entry instead).</summary>
    public const string NotReversible = "SAV01_NOT_REVERSIBLE";

    /// <summary>SAV-01: a stored chain of entries fails verification at the named position.</summary>
    public const string ChainBroken = "SAV01_CHAIN_BROKEN";

    /// <summary>
    /// SAV-01: a reference or text is longer than an entry can store (<see cref="LedgerEntry.MaxReferenceLength"/>,
    /// <see cref="LedgerEntry.MaxMemoLength"/>); <c>PropertyName</c> names it, <c>TotalLength</c> is its length.
    /// </summary>
    public const string TextTooLong = "SAV01_TEXT_TOO_LONG";

    /// <summary>SAV-01: a reversal needs a reason that is not blank.</summary>
    public const string ReversalReasonRequired = "SAV01_REVERSAL_REASON_REQUIRED";

    /// <summary>SAV-01 (validator): the entry to reverse is missing.</summary>
    public const string EntryRequired = "SAV01_ENTRY_REQUIRED";

    /// <summary>SAV-02: a withdrawal or cover above the member's savings.</summary>
    public const string InsufficientSavings = "SAV02_INSUFFICIENT_SAVINGS";

    /// <summary>SAV-02: the group's cash would go negative.</summary>
    public const string InsufficientCash = "SAV02_INSUFFICIENT_CASH";

    /// <summary>SAV-02: a fund (IKS, grant, loan fund, income, expenses) would go negative.</summary>
    public const string InsufficientFund = "SAV02_INSUFFICIENT_FUND";

    /// <summary>SAV-02 (and LOAN-06): the loan fund's available amount (capital minus outstanding principal) would go negative.</summary>
    public const string InsufficientLoanFund = "SAV02_INSUFFICIENT_LOAN_FUND";

    /// <summary>SAV-02: more principal repaid or covered than is outstanding on the loan.</summary>
    public const string AboveOutstandingPrincipal = "SAV02_ABOVE_OUTSTANDING_PRINCIPAL";

    /// <summary>SAV-02 (LOAN-08): more recovered for a covering party than it covered and has not yet recovered.</summary>
    public const string RecoveryAboveClaim = "SAV02_RECOVERY_ABOVE_CLAIM";

    /// <summary>SAV-04: only current members of the group save in it.</summary>
    public const string NotACurrentMember = "SAV04_NOT_A_CURRENT_MEMBER";

    /// <summary>SAV-04 (validator): the member is missing.</summary>
    public const string MemberRequired = "SAV04_MEMBER_REQUIRED";

    /// <summary>SAV-05: the book date falls in a closed week.</summary>
    public const string WeekClosed = "SAV05_WEEK_CLOSED";

    /// <summary>SAV-05: book dates never go backwards along the ledger.</summary>
    public const string DateBeforeLastEntry = "SAV05_DATE_BEFORE_LAST_ENTRY";

    /// <summary>SAV-05: the book date is before the books were opened.</summary>
    public const string DateBeforeOpening = "SAV05_DATE_BEFORE_OPENING";

    /// <summary>SAV-05: weeks are closed in order; this is not the first open week.</summary>
    public const string WeekOutOfOrder = "SAV05_WEEK_OUT_OF_ORDER";

    /// <summary>SAV-05: a week is closed on or after its last day.</summary>
    public const string WeekNotEnded = "SAV05_WEEK_NOT_ENDED";

    /// <summary>SAV-05: a stored week close does not reconcile with the entries of its week.</summary>
    public const string CloseDoesNotReconcile = "SAV05_CLOSE_DOES_NOT_RECONCILE";

    /// <summary>SAV-05 (validator): the week does not start on the profile's first day of the week.</summary>
    public const string WeekStartMisaligned = "SAV05_WEEK_START_MISALIGNED";

    /// <summary>SAV-05 (validator): a week cannot be closed before its last day.</summary>
    public const string ClosedBeforeWeekEnd = "SAV05_CLOSED_BEFORE_WEEK_END";

    /// <summary>
    /// SAV-06: IKS is never moved into a member's savings nor into another fund; it leaves the fund only as an IKS spend
    /// with its purpose (help to a member or another poor family in social need, a community activity) or as renteng cover.
    /// </summary>
    public const string IksNotPaidOut = "SAV06_IKS_NOT_PAID_OUT";

    /// <summary>SAV-06: IKS is never paid out as a profit share or dividend to members.</summary>
    public const string IksNotADividend = "SAV06_IKS_NOT_A_DIVIDEND";

    /// <summary>SAV-06: the member an IKS spend names as its beneficiary is not a current member of the group.</summary>
    public const string IksBeneficiaryNotAMember = "SAV06_IKS_BENEFICIARY_NOT_A_MEMBER";

    /// <summary>
    /// SAV-06: an IKS spend is recorded with its purpose; its purpose text (or, for a spend of a stated purpose, its description) is
    /// blank: white space, invisible characters or controls only. <c>PropertyName</c> names it.
    /// </summary>
    public const string IksPurposeRequired = "SAV06_IKS_PURPOSE_REQUIRED";

    /// <summary>SAV-06: the IKS share of this profit rounds down to nothing.</summary>
    public const string NoIksShare = "SAV06_NO_IKS_SHARE";

    /// <summary>SAV-07: amounts are positive whole rupiah.</summary>
    public const string AmountNotPositive = "SAV07_AMOUNT_NOT_POSITIVE";

    /// <summary>SAV-08: a single amount above the profile's ceiling (<c>Savings.MaxSingleAmount</c>).</summary>
    public const string AmountAboveCeiling = "SAV08_AMOUNT_ABOVE_CEILING";

    /// <summary>SAV-08: the posting would take the ledger's totals (its turnover, which bounds every balance and weekly total) beyond the representable range.</summary>
    public const string TotalsOutOfRange = "SAV08_TOTALS_OUT_OF_RANGE";

    /// <summary>SAV-09: the book date lies after the host's today in the group's time zone.</summary>
    public const string DateAfterToday = "SAV09_DATE_AFTER_TODAY";

    /// <summary>SAV-09: a date so close to the end of the calendar (9999-12-31) that the week, schedule or period it starts cannot be represented.</summary>
    public const string DateOutOfRange = "SAV09_DATE_OUT_OF_RANGE";

    /// <summary>GRP-07: a group fund (grant, loan fund) is a group asset and is never moved into a member's savings.</summary>
    public const string GroupFundNotForMember = "GRP07_GROUP_FUND_NOT_FOR_MEMBER";

    /// <summary>LOAN-06 (ledger): a loan is disbursed only to a current member.</summary>
    public const string BorrowerNotAMember = "LOAN06_LEDGER_BORROWER_NOT_A_MEMBER";

    internal static readonly MessageTable Messages = new("Savings",
    [
        new(UnknownEntry, "Entri {EntryId} tidak ada di buku kas kelompok.", "Entry {EntryId} is not in the group's ledger."),
        new(AlreadyReversed, "Entri {EntryId} sudah dibatalkan oleh entri {ReversedBy}; satu entri hanya dapat dibatalkan sekali.", "Entry {EntryId} was already reversed by entry {ReversedBy}; an entry is reversed at most once."),
        new(NotReversible, "Entri {EntryId} ({Kind}) tidak dapat dibatalkan; buat entri baru yang benar.", "Entry {EntryId} ({Kind}) cannot be reversed; post a new, correct entry instead."),
        new(ChainBroken, "Rantai buku kas rusak pada entri ke-{Position} ({EntryId}): {Reason}.", "The ledger chain is broken at position {Position} ({EntryId}): {Reason}."),
        new(TextTooLong, "Teks terlalu panjang (paling banyak {MaxLength} karakter).", "The text is too long (at most {MaxLength} characters)."),
        new(ReversalReasonRequired, "Pembatalan entri wajib menyebutkan alasannya.", "A reversal needs a reason."),
        new(EntryRequired, "Entri yang akan dibatalkan wajib diisi.", "The entry to reverse is required."),
        new(InsufficientSavings, "Tabungan anggota {Member} hanya {Balance}; tidak cukup untuk {Amount}.", "Member {Member} has savings of only {Balance}; not enough for {Amount}."),
        new(InsufficientCash, "Kas kelompok hanya {Balance}; tidak cukup untuk {Amount}.", "Group cash is only {Balance}; not enough for {Amount}."),
        new(InsufficientFund, "Saldo {Fund} hanya {Balance}; tidak cukup untuk {Amount}.", "The {Fund} balance is only {Balance}; not enough for {Amount}."),
        new(InsufficientLoanFund, "Dana pinjaman yang tersedia hanya {Available}; tidak cukup untuk {Amount}.", "The loan fund has only {Available} available; not enough for {Amount}."),
        new(AboveOutstandingPrincipal, "Sisa pokok pinjaman {Loan} hanya {Outstanding}; tidak dapat mencatat {Amount}.", "Loan {Loan} has only {Outstanding} of principal outstanding; {Amount} cannot be booked."),
        new(RecoveryAboveClaim, "Tagihan tanggung renteng {Claimant} atas pinjaman {Loan} hanya {Claim}; tidak dapat mengembalikan {Amount}.", "The renteng claim of {Claimant} on loan {Loan} is only {Claim}; {Amount} cannot be recovered."),
        new(NotACurrentMember, "{Member} bukan anggota kelompok saat ini.", "{Member} is not a current member of the group."),
        new(MemberRequired, "Anggota wajib diisi.", "The member is required."),
        new(WeekClosed, "Tanggal {Date} berada dalam minggu yang sudah ditutup (sampai {ClosedThrough}); catat koreksi di minggu yang masih terbuka.", "Date {Date} falls in a closed week (closed through {ClosedThrough}); post corrections in the open week."),
        new(DateBeforeLastEntry, "Tanggal {Date} lebih awal dari entri terakhir ({LastDate}); tanggal buku tidak boleh mundur.", "Date {Date} is before the last entry ({LastDate}); book dates never go backwards."),
        new(DateBeforeOpening, "Tanggal {Date} sebelum pembukuan dibuka ({OpenedOn}).", "Date {Date} is before the books were opened ({OpenedOn})."),
        new(WeekOutOfOrder, "Minggu {Week} tidak dapat ditutup; minggu terbuka pertama adalah {Expected}.", "Week {Week} cannot be closed; the first open week is {Expected}."),
        new(WeekNotEnded, "Minggu {Week} belum berakhir pada {ClosedOn}; tutup buku pada atau setelah hari terakhirnya.", "Week {Week} has not ended on {ClosedOn}; close it on or after its last day."),
        new(CloseDoesNotReconcile, "Tutup buku minggu {Week} tidak cocok dengan entri minggu itu.", "The close of week {Week} does not reconcile with the entries of that week."),
        new(WeekStartMisaligned, "Minggu pembukuan harus dimulai pada hari pertama minggu menurut profil.", "A bookkeeping week must start on the profile's first day of the week."),
        new(ClosedBeforeWeekEnd, "Minggu tidak dapat ditutup sebelum hari terakhirnya.", "A week cannot be closed before its last day."),
        new(IksNotPaidOut, "Dana IKS tidak dipindahkan ke {To}; IKS bukan tabungan anggota. Bantuan IKS untuk anggota yang membutuhkan dicatat sebagai pengeluaran IKS dengan tujuannya.", "IKS is never moved to {To}; it is not members' savings. Help from IKS to a member in need is recorded as an IKS spend with its purpose."),
        new(IksNotADividend, "Dana IKS tidak dibagikan sebagai bagi hasil atau dividen kepada anggota ({Amount}); IKS untuk kebutuhan sosial anggota dan keluarga miskin lainnya.", "IKS is never paid out as a profit share or dividend to members ({Amount}); it serves members and other poor families in social need."),
        new(IksBeneficiaryNotAMember, "Penerima bantuan IKS {Member} bukan anggota kelompok saat ini; bantuan untuk keluarga lain dicatat tanpa nama anggota.", "The IKS beneficiary {Member} is not a current member of the group; help to another family is recorded without naming a member."),
        new(IksPurposeRequired, "Pengeluaran IKS wajib menyebutkan tujuannya: untuk apa dan untuk siapa.", "An IKS spend needs its purpose: what it is for and whom it helps."),
        new(NoIksShare, "Bagian IKS dari laba {Profit} dengan tarif {Rate} adalah nol.", "The IKS share of a profit of {Profit} at {Rate} is zero."),
        new(AmountNotPositive, "Jumlah uang harus rupiah utuh lebih dari nol.", "An amount must be whole rupiah greater than zero."),
        new(AmountAboveCeiling, "Jumlah {Amount} melebihi batas satu transaksi ({MaxSingleAmount}).", "The amount {Amount} is above the ceiling of a single posting ({MaxSingleAmount})."),
        new(TotalsOutOfRange, "Transaksi {Amount} membuat jumlah buku kas kelompok melampaui batas yang dapat dihitung ({Limit}); transaksi ditolak sebelum dicatat.", "A posting of {Amount} would take the group's ledger totals beyond the representable range ({Limit}); it is refused before anything is booked."),
        new(DateAfterToday, "Tanggal buku {Date} sesudah hari ini ({Today}) di zona waktu kelompok.", "Book date {Date} is after today ({Today}) in the group's time zone."),
        new(DateOutOfRange, "Tanggal {Date} terlalu dekat dengan akhir kalender; minggu, jadwal atau jangka waktunya tidak dapat dihitung.", "Date {Date} is too close to the end of the calendar; its week, schedule or period cannot be computed."),
        new(GroupFundNotForMember, "Dana {From} adalah aset kelompok dan tidak dipindah ke tabungan anggota.", "The {From} fund is a group asset and is never moved into a member's savings."),
        new(BorrowerNotAMember, "Peminjam {Member} bukan anggota kelompok saat ini.", "Borrower {Member} is not a current member of the group."),
    ]);
}
