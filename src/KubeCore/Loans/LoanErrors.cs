using KubeCore.Rules;

namespace KubeCore.Loans;

/// <summary>Error codes of revolving loans, collectibility and portfolio (LOAN, COL, PORT). Each code is also the key of its Indonesian and English message.</summary>
public static class LoanErrors
{
    /// <summary>
    /// LOAN-01 (a): the group has not yet saved for the consecutive months its profile requires before lending within
    /// the group (<c>Loans.MinSavingsMonthsBeforeInternalLending</c>; 0 in every built-in profile, so only a derived
    /// profile's minimum can raise it).
    /// </summary>
    public const string SavingsMonthsShort = "LOAN01_SAVINGS_MONTHS_SHORT";

    /// <summary>LOAN-01 (b): the KSM has not yet saved for the consecutive months required before it borrows from the UPK.</summary>
    public const string UpkSavingsMonthsShort = "LOAN01_UPK_SAVINGS_MONTHS_SHORT";

    /// <summary>LOAN-01 (b): a current member has not signed the joint-liability (tanggung renteng) statement the UPK loan needs.</summary>
    public const string StatementMissing = "LOAN01_STATEMENT_MISSING";

    /// <summary>LOAN-01: only a current member of the group may borrow from its fund.</summary>
    public const string BorrowerNotMember = "LOAN01_BORROWER_NOT_MEMBER";

    /// <summary>LOAN-01: the member has already signed the joint-liability statement.</summary>
    public const string StatementAlreadySigned = "LOAN01_STATEMENT_ALREADY_SIGNED";

    /// <summary>LOAN-01: a joint-liability statement can only be signed by a current member.</summary>
    public const string SignatoryNotMember = "LOAN01_SIGNATORY_NOT_MEMBER";

    /// <summary>LOAN-02: the principal must be positive.</summary>
    public const string PrincipalNotPositive = "LOAN02_PRINCIPAL_NOT_POSITIVE";

    /// <summary>LOAN-02: a first loan is above the first-loan ceiling.</summary>
    public const string AboveFirstCeiling = "LOAN02_ABOVE_FIRST_CEILING";

    /// <summary>LOAN-02: a repeat loan is above the repeat-loan ceiling.</summary>
    public const string AboveRepeatCeiling = "LOAN02_ABOVE_REPEAT_CEILING";

    /// <summary>LOAN-02: the member has graduated and is referred to a bank; no further group loan.</summary>
    public const string ReferredToBank = "LOAN02_REFERRED_TO_BANK";

    /// <summary>LOAN-02: the member already has an application or a loan open (one loan at a time).</summary>
    public const string LoanAlreadyOpen = "LOAN02_LOAN_ALREADY_OPEN";

    /// <summary>LOAN-03: the term is outside the profile's range.</summary>
    public const string TermOutOfRange = "LOAN03_TERM_OUT_OF_RANGE";

    /// <summary>LOAN-03: the installment frequency is not allowed by the profile.</summary>
    public const string FrequencyNotAllowed = "LOAN03_FREQUENCY_NOT_ALLOWED";

    /// <summary>LOAN-05: a payment must be positive.</summary>
    public const string AmountNotPositive = "LOAN05_AMOUNT_NOT_POSITIVE";

    /// <summary>LOAN-05: a payment is dated before the disbursement.</summary>
    public const string PaymentBeforeDisbursement = "LOAN05_PAYMENT_BEFORE_DISBURSEMENT";

    /// <summary>LOAN-05: the loan is already fully repaid.</summary>
    public const string LoanAlreadyRepaid = "LOAN05_LOAN_ALREADY_REPAID";

    /// <summary>LOAN-05: the payment is above everything the loan still owes.</summary>
    public const string Overpayment = "LOAN05_OVERPAYMENT";

    /// <summary>LOAN-05: a command must name a loan.</summary>
    public const string LoanRequired = "LOAN05_LOAN_REQUIRED";

    /// <summary>LOAN-05: the loan is not disbursed, so it takes no payment.</summary>
    public const string LoanNotDisbursed = "LOAN05_LOAN_NOT_DISBURSED";

    /// <summary>
    /// LOAN-06: the application has no purpose: it is null or blank (white space, invisible characters or controls only,
    /// as <see cref="Common.ReadableName"/> judges a blank text).
    /// </summary>
    public const string PurposeMissing = "LOAN06_PURPOSE_MISSING";

    /// <summary>
    /// LOAN-06: a withdrawal of an application has no reason: it is null or blank (white space, invisible characters or
    /// controls only).
    /// </summary>
    public const string WithdrawalReasonRequired = "LOAN06_WITHDRAWAL_REASON_REQUIRED";

    /// <summary>
    /// LOAN-06: a text of a loan record is longer than its limit (<see cref="LoanApplication.MaxPurposeLength"/>,
    /// <see cref="Loan.MaxWithdrawalReasonLength"/>); <c>PropertyName</c> names it, <c>TotalLength</c> is its length and
    /// <c>MaxLength</c> the limit, in UTF-16 code units (as <see cref="string.Length"/> counts them).
    /// </summary>
    public const string TextTooLong = "LOAN06_TEXT_TOO_LONG";

    /// <summary>LOAN-06: the decision is not a loan approval.</summary>
    public const string NotALoanApproval = "LOAN06_NOT_A_LOAN_APPROVAL";

    /// <summary>LOAN-06: the decision was taken by another group.</summary>
    public const string DecisionOfOtherGroup = "LOAN06_DECISION_OF_OTHER_GROUP";

    /// <summary>LOAN-06: the decision is about another subject than this loan.</summary>
    public const string DecisionSubjectMismatch = "LOAN06_DECISION_SUBJECT_MISMATCH";

    /// <summary>LOAN-06: the meeting had no quorum.</summary>
    public const string NoQuorum = "LOAN06_NO_QUORUM";

    /// <summary>LOAN-06: the decision predates the application.</summary>
    public const string DecisionBeforeApplication = "LOAN06_DECISION_BEFORE_APPLICATION";

    /// <summary>LOAN-06: the approval is signed by someone who holds no office.</summary>
    public const string ApproverNotOfficer = "LOAN06_APPROVER_NOT_OFFICER";

    /// <summary>LOAN-06: the application is not in the state the operation needs.</summary>
    public const string WrongLoanState = "LOAN06_WRONG_LOAN_STATE";

    /// <summary>
    /// LOAN-06: the application names a loan id another loan of this fund already has (the host chooses loan ids; a
    /// repeated id is most often a command sent twice, so it is refused with a code the host can answer, e.g. 409).
    /// </summary>
    public const string LoanIdTaken = "LOAN06_LOAN_ID_TAKEN";

    /// <summary>LOAN-06: the disbursement is above the loan fund's available cash.</summary>
    public const string AboveAvailableFund = "LOAN06_ABOVE_AVAILABLE_FUND";

    /// <summary>LOAN-06: the disbursement is dated before the approval.</summary>
    public const string DisbursementBeforeApproval = "LOAN06_DISBURSEMENT_BEFORE_APPROVAL";

    /// <summary>LOAN-07: the member has arrears.</summary>
    public const string MemberInArrears = "LOAN07_MEMBER_IN_ARREARS";

    /// <summary>LOAN-07: the member still owes the group a tanggung renteng recovery.</summary>
    public const string MemberOwesRecovery = "LOAN07_MEMBER_OWES_RECOVERY";

    /// <summary>LOAN-07: the group has loans in arrears.</summary>
    public const string GroupInArrears = "LOAN07_GROUP_IN_ARREARS";

    /// <summary>LOAN-08: the borrower has not missed enough installments for tanggung renteng.</summary>
    public const string BelowRentengThreshold = "LOAN08_BELOW_RENTENG_THRESHOLD";

    /// <summary>LOAN-08: a cover is above the arrears.</summary>
    public const string CoverExceedsArrears = "LOAN08_COVER_EXCEEDS_ARREARS";

    /// <summary>LOAN-08: no savings, solidarity fund or other members' savings can cover the arrears.</summary>
    public const string NothingToCoverWith = "LOAN08_NOTHING_TO_COVER_WITH";

    /// <summary>LOAN-08: the member owes no recovery.</summary>
    public const string NothingToRecover = "LOAN08_NOTHING_TO_RECOVER";

    /// <summary>LOAN-08: a recovery is above what the member owes.</summary>
    public const string RecoveryExceedsDebt = "LOAN08_RECOVERY_EXCEEDS_DEBT";

    /// <summary>OFF-05: the bendahara signs the approval of their own loan.</summary>
    public const string BendaharaApprovesOwnLoan = Groups.GroupErrors.BendaharaApprovesOwnLoan;

    /// <summary>PORT-02: a payment dated before the latest recorded one would change figures already reported.</summary>
    public const string PaymentBackdated = "PORT02_PAYMENT_BACKDATED";

    internal static readonly MessageTable Messages = new("Loans",
    [
        new(SavingsMonthsShort, "Kelompok baru menabung {Months} bulan berturut-turut; menurut profilnya pinjaman dalam kelompok boleh setelah {RequiredMonths} bulan.", "The group has saved for {Months} consecutive months; under its profile it may lend to its members only after {RequiredMonths}."),
        new(UpkSavingsMonthsShort, "KSM baru menabung {Months} bulan berturut-turut; pinjaman dari UPK boleh setelah {RequiredMonths} bulan.", "The KSM has saved for {Months} consecutive months; it may borrow from the UPK only after {RequiredMonths}."),
        new(StatementMissing, "Belum semua anggota menandatangani Pernyataan Kesanggupan Tanggung Renteng untuk pinjaman UPK: {Missing} anggota belum ({MemberIds}).", "Not every member has signed the joint-liability statement the UPK loan needs: {Missing} have not ({MemberIds})."),
        new(BorrowerNotMember, "Peminjam {MemberId} bukan anggota kelompok saat ini.", "Borrower {MemberId} is not a current member of the group."),
        new(StatementAlreadySigned, "Anggota {MemberId} sudah menandatangani pernyataan tanggung renteng pada {SignedOn}.", "Member {MemberId} already signed the joint-liability statement on {SignedOn}."),
        new(SignatoryNotMember, "Penanda tangan {MemberId} bukan anggota kelompok saat ini.", "Signatory {MemberId} is not a current member of the group."),
        new(PrincipalNotPositive, "Pokok pinjaman harus lebih dari nol (diajukan {Principal}).", "The principal must be positive (applied for {Principal})."),
        new(AboveFirstCeiling, "Pinjaman pertama {Principal} melebihi plafon {Ceiling}.", "The first loan of {Principal} is above the ceiling of {Ceiling}."),
        new(AboveRepeatCeiling, "Pinjaman ulang {Principal} melebihi plafon {Ceiling}.", "The repeat loan of {Principal} is above the ceiling of {Ceiling}."),
        new(ReferredToBank, "Anggota {MemberId} sudah {Loans} kali meminjam (terbesar {LargestPrincipal}) dan dirujuk ke bank; tidak ada pinjaman kelompok lagi.", "Member {MemberId} has had {Loans} loans (largest {LargestPrincipal}) and is referred to a bank; no further group loan."),
        new(LoanAlreadyOpen, "Anggota {MemberId} masih mempunyai pengajuan atau pinjaman yang belum selesai.", "Member {MemberId} already has an open application or loan."),
        new(TermOutOfRange, "Jangka waktu {TermMonths} bulan di luar batas {MinTermMonths}..{MaxTermMonths} bulan.", "The term of {TermMonths} months is outside {MinTermMonths}..{MaxTermMonths} months."),
        new(FrequencyNotAllowed, "Frekuensi angsuran {Frequency} tidak diizinkan (boleh: {AllowedFrequencies}).", "Installment frequency {Frequency} is not allowed (allowed: {AllowedFrequencies})."),
        new(AmountNotPositive, "Jumlah pembayaran harus lebih dari nol (diberikan {Amount}).", "A payment must be positive (given {Amount})."),
        new(PaymentBeforeDisbursement, "Pembayaran tanggal {Date} mendahului pencairan tanggal {DisbursedOn}.", "The payment of {Date} is before the disbursement of {DisbursedOn}."),
        new(LoanAlreadyRepaid, "Pinjaman sudah lunas; pembayaran tanggal {Date} ditolak.", "The loan is fully repaid; the payment of {Date} is refused."),
        new(Overpayment, "Pembayaran {Amount} melebihi sisa kewajiban {Outstanding}.", "The payment of {Amount} is above the {Outstanding} still owed."),
        new(LoanRequired, "Pinjaman wajib disebutkan.", "A loan must be named."),
        new(LoanNotDisbursed, "Pinjaman {LoanId} belum dicairkan.", "Loan {LoanId} is not disbursed."),
        new(PurposeMissing, "Tujuan penggunaan pinjaman wajib diisi (paling banyak {MaxLength} karakter).", "The purpose of the loan is required (at most {MaxLength} characters)."),
        new(WithdrawalReasonRequired, "Penarikan permohonan pinjaman wajib menyebutkan alasannya.", "A withdrawal of a loan application needs a reason."),
        new(TextTooLong, "{PropertyName} terdiri dari {TotalLength} karakter; paling banyak {MaxLength}.", "{PropertyName} has {TotalLength} characters; at most {MaxLength} are allowed."),
        new(NotALoanApproval, "Keputusan rapat berjenis {Kind}, bukan persetujuan pinjaman.", "The meeting decision is of kind {Kind}, not a loan approval."),
        new(DecisionOfOtherGroup, "Keputusan rapat berasal dari kelompok lain ({GroupId}).", "The meeting decision belongs to another group ({GroupId})."),
        new(DecisionSubjectMismatch, "Keputusan rapat tentang '{Subject}', bukan pinjaman {LoanId}.", "The meeting decision is about '{Subject}', not loan {LoanId}."),
        new(NoQuorum, "Rapat tidak kuorum: hadir {Present} dari {MemberCount} anggota.", "The meeting had no quorum: {Present} of {MemberCount} members present."),
        new(DecisionBeforeApplication, "Keputusan rapat tanggal {DecisionDate} mendahului pengajuan tanggal {AppliedOn}.", "The meeting decision of {DecisionDate} predates the application of {AppliedOn}."),
        new(ApproverNotOfficer, "Penanda tangan persetujuan {ApproverId} bukan pengurus kelompok.", "The approval signatory {ApproverId} holds no office in the group."),
        new(LoanIdTaken, "Nomor pinjaman {LoanId} sudah dipakai oleh pinjaman lain di dana bergulir kelompok ini.", "The loan id {LoanId} is already used by another loan of this group's revolving fund."),
        new(WrongLoanState, "Pinjaman {LoanId} berstatus {State}; tindakan ini memerlukan status {Required}.", "Loan {LoanId} is {State}; this operation needs {Required}."),
        new(AboveAvailableFund, "Pencairan {Principal} melebihi kas dana pinjaman yang tersedia {Available}.", "The disbursement of {Principal} is above the loan fund's available cash of {Available}."),
        new(DisbursementBeforeApproval, "Pencairan tanggal {Date} mendahului persetujuan tanggal {ApprovedOn}.", "The disbursement of {Date} is before the approval of {ApprovedOn}."),
        new(MemberInArrears, "Anggota {MemberId} mempunyai tunggakan {Arrears}.", "Member {MemberId} has arrears of {Arrears}."),
        new(MemberOwesRecovery, "Anggota {MemberId} masih berutang pengembalian tanggung renteng {Owed}.", "Member {MemberId} still owes a joint-liability recovery of {Owed}."),
        new(GroupInArrears, "Kelompok mempunyai {LoansInArrears} pinjaman menunggak sebesar {Arrears}.", "The group has {LoansInArrears} loans in arrears, totalling {Arrears}."),
        new(BelowRentengThreshold, "Baru {InstallmentsOverdue} angsuran tertunggak; tanggung renteng berlaku mulai {Threshold}.", "Only {InstallmentsOverdue} installments are overdue; joint liability applies from {Threshold}."),
        new(CoverExceedsArrears, "Talangan {Amount} melebihi tunggakan {Arrears}.", "The cover of {Amount} is above the arrears of {Arrears}."),
        new(NothingToCoverWith, "Tidak ada tabungan, dana IKS atau tabungan anggota lain untuk menalangi tunggakan {Arrears}.", "No savings, IKS fund or other members' savings can cover the arrears of {Arrears}."),
        new(NothingToRecover, "Anggota {MemberId} tidak mempunyai utang tanggung renteng.", "Member {MemberId} owes no joint-liability recovery."),
        new(RecoveryExceedsDebt, "Pengembalian {Amount} melebihi utang tanggung renteng {Owed}.", "The recovery of {Amount} is above the joint-liability debt of {Owed}."),
        new(PaymentBackdated, "Pembayaran tanggal {Date} mendahului pembayaran terakhir tanggal {LastPaymentDate}; angka per tanggal yang sudah dilaporkan akan berubah.", "The payment of {Date} is before the latest payment of {LastPaymentDate}; figures already reported as of a date would change."),
    ]);
}
