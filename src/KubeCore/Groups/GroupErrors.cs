using KubeCore.Rules;

namespace KubeCore.Groups;

/// <summary>Error codes of groups, members and officers (GRP, MEM, OFF). Each code is also the key of its Indonesian and English message.</summary>
public static class GroupErrors
{
    /// <summary>GRP-05: the group is under strength; loans and aid are blocked until it is restored.</summary>
    public const string UnderStrengthBlocksMoney = "GRP05_UNDER_STRENGTH_BLOCKS_MONEY";

    /// <summary>GRP-06: the group is not active, so money cannot move.</summary>
    public const string NotActive = "GRP06_NOT_ACTIVE";

    /// <summary>OFF-04: the bendahara's office is vacant; no money moves until it is refilled.</summary>
    public const string BendaharaVacant = "OFF04_BENDAHARA_VACANT";

    /// <summary>GRP-01: fewer members than the profile's minimum.</summary>
    public const string TooFewMembers = "GRP01_TOO_FEW_MEMBERS";

    /// <summary>GRP-01: more members than the profile's maximum.</summary>
    public const string TooManyMembers = "GRP01_TOO_MANY_MEMBERS";

    /// <summary>GRP-02: a founding member's consent to form the group is not recorded.</summary>
    public const string ConsentMissing = "GRP02_CONSENT_MISSING";

    /// <summary>GRP-02: a consent is dated after the proposal it agrees to.</summary>
    public const string ConsentAfterProposal = "GRP02_CONSENT_AFTER_PROPOSAL";

    /// <summary>GRP-02: a consent comes from someone who is not a founding member.</summary>
    public const string ConsentFromNonFounder = "GRP02_CONSENT_FROM_NON_FOUNDER";

    /// <summary>GRP-02: the initial meeting (pertemuan awal) is dated before the proposal.</summary>
    public const string InitialMeetingBeforeProposal = "GRP02_INITIAL_MEETING_BEFORE_PROPOSAL";

    /// <summary>GRP-02: the initial meeting was already held.</summary>
    public const string InitialMeetingAlreadyHeld = "GRP02_INITIAL_MEETING_ALREADY_HELD";

    /// <summary>GRP-02: a field of a formation or membership record is missing (validators).</summary>
    public const string FormationFieldRequired = "GRP02_FIELD_REQUIRED";

    /// <summary>GRP-03: a household (Kartu Keluarga) would hold more seats than the profile allows.</summary>
    public const string HouseholdOverSeats = "GRP03_HOUSEHOLD_OVER_SEATS";

    /// <summary>GRP-03: the person is already a current member (or listed twice).</summary>
    public const string PersonAlreadyMember = "GRP03_PERSON_ALREADY_MEMBER";

    /// <summary>GRP-04: a member lives outside the group's kecamatan.</summary>
    public const string OutsideKecamatan = "GRP04_OUTSIDE_KECAMATAN";

    /// <summary>GRP-04: a member lives outside the group's desa/kelurahan (strict profile).</summary>
    public const string OutsideDesa = "GRP04_OUTSIDE_DESA";

    /// <summary>GRP-04: the group's seat is not a village-level (desa/kelurahan) region code (validators).</summary>
    public const string SeatNotADesa = "GRP04_SEAT_NOT_A_DESA";

    /// <summary>GRP-05: the grace period of an under-strength group has not yet expired.</summary>
    public const string GraceNotExpired = "GRP05_GRACE_NOT_EXPIRED";

    /// <summary>GRP-05: the grace period has expired; the group can no longer be restored, only dissolved.</summary>
    public const string GraceExpired = "GRP05_GRACE_EXPIRED";

    /// <summary>GRP-06: the lifecycle does not allow this transition.</summary>
    public const string IllegalTransition = "GRP06_ILLEGAL_TRANSITION";

    /// <summary>GRP-06: the operation is not allowed in the group's current status.</summary>
    public const string OperationNotAllowed = "GRP06_OPERATION_NOT_ALLOWED";

    /// <summary>GRP-06: the operation is dated before the group's last recorded change.</summary>
    public const string DateBeforeLastChange = "GRP06_DATE_BEFORE_LAST_CHANGE";

    /// <summary>GRP-06 (profile adoption, a design choice): the profile adopted is for another kind of group.</summary>
    public const string ProfileKindMismatch = "GRP06_PROFILE_KIND_MISMATCH";

    /// <summary>GRP-06 (profile adoption, a design choice): the profile adopted already governs the group.</summary>
    public const string ProfileAlreadyInForce = "GRP06_PROFILE_ALREADY_IN_FORCE";

    /// <summary>
    /// GRP-06: a field of a verification record is missing: the dossiers, or a text (the verifier's name, the agency) that
    /// is null or blank (white space, invisible characters or controls only, as <see cref="Common.ReadableName"/> judges a
    /// blank text); <c>PropertyName</c> names it.
    /// </summary>
    public const string VerificationFieldRequired = "GRP06_FIELD_REQUIRED";

    /// <summary>
    /// GRP-06: a text of a verification record is longer than its limit (<see cref="VerifyGroup.MaxVerifierNameLength"/>,
    /// <see cref="VerifyGroup.MaxAgencyLength"/>); <c>PropertyName</c> names it, <c>TotalLength</c> is its length and
    /// <c>MaxLength</c> the limit, in UTF-16 code units (as <see cref="string.Length"/> counts them).
    /// </summary>
    public const string VerificationTextTooLong = "GRP06_TEXT_TOO_LONG";

    /// <summary>GRP-07: the account holder's name is not the group's name.</summary>
    public const string HolderNotGroupName = "GRP07_HOLDER_NOT_GROUP_NAME";

    /// <summary>GRP-07: the account holder's name is a member's name: aid is never a member's.</summary>
    public const string HolderIsMember = "GRP07_HOLDER_IS_MEMBER";

    /// <summary>GRP-07: the group already has a bank account.</summary>
    public const string AccountAlreadyOpen = "GRP07_ACCOUNT_ALREADY_OPEN";

    /// <summary>GRP-07: the group has no bank account in its name.</summary>
    public const string NoBankAccount = "GRP07_NO_BANK_ACCOUNT";

    /// <summary>GRP-07: the account is not the group's account.</summary>
    public const string NotGroupAccount = "GRP07_NOT_GROUP_ACCOUNT";

    /// <summary>GRP-07: the account number is not 5 to 20 digits (validators).</summary>
    public const string AccountNumberInvalid = "GRP07_ACCOUNT_NUMBER_INVALID";

    /// <summary>GRP-07: a field of a bank-account record (the bank, the holder name) is missing or blank; <c>PropertyName</c> names it.</summary>
    public const string AccountFieldRequired = "GRP07_FIELD_REQUIRED";

    /// <summary>MEM-01: the household has no DTKS/DTSEN registry entry.</summary>
    public const string NotInRegistry = "MEM01_NOT_IN_REGISTRY";

    /// <summary>MEM-01: the registry entry is dated after the decision date.</summary>
    public const string RegistryAfterAsOf = "MEM01_REGISTRY_AFTER_AS_OF";

    /// <summary>MEM-01 (POV-03): the registry decile is stale and needs re-verification.</summary>
    public const string DecileStale = "MEM01_DECILE_STALE";

    /// <summary>MEM-01: the registry decile is above the profile's highest eligible decile.</summary>
    public const string DecileAboveMax = "MEM01_DECILE_ABOVE_MAX";

    /// <summary>MEM-01: the household has no PRA wealth ranking.</summary>
    public const string NoPraRanking = "MEM01_NO_PRA_RANKING";

    /// <summary>MEM-01: the PRA ranking is dated after the decision date.</summary>
    public const string PraAfterAsOf = "MEM01_PRA_AFTER_AS_OF";

    /// <summary>MEM-01: the PRA ranking did not rank the household poor.</summary>
    public const string PraNotPoor = "MEM01_PRA_NOT_POOR";

    /// <summary>MEM-01: PRA-ranked poor, but not confirmed by the registry base data (PRA-03).</summary>
    public const string PraNotConfirmed = "MEM01_PRA_NOT_CONFIRMED";

    /// <summary>MEM-01: the household is not on the PS2 list.</summary>
    public const string NotOnPs2List = "MEM01_NOT_ON_PS2_LIST";

    /// <summary>MEM-01: neither a current eligible registry decile nor a poor PRA ranking.</summary>
    public const string NeitherRegistryNorPra = "MEM01_NEITHER_REGISTRY_NOR_PRA";

    /// <summary>MEM-02: the person is neither head of household nor its main earner.</summary>
    public const string NotHeadOrMainEarner = "MEM02_NOT_HEAD_OR_MAIN_EARNER";

    /// <summary>MEM-03: younger than the profile's minimum age.</summary>
    public const string TooYoung = "MEM03_TOO_YOUNG";

    /// <summary>MEM-03: older than the profile's maximum age.</summary>
    public const string TooOld = "MEM03_TOO_OLD";

    /// <summary>MEM-03: the profile requires members to be married and the person never was (belum kawin).</summary>
    public const string NotMarried = "MEM03_NOT_MARRIED";

    /// <summary>MEM-03: the profile requires members to be married and the person's marital status was not recorded.</summary>
    public const string MaritalStatusUnknown = "MEM03_MARITAL_STATUS_UNKNOWN";

    /// <summary>MEM-04: the person's employment is excluded by the profile.</summary>
    public const string ExcludedEmployment = "MEM04_EXCLUDED_EMPLOYMENT";

    /// <summary>MEM-05: the share of women among members is below the profile's minimum.</summary>
    public const string TooFewWomen = "MEM05_TOO_FEW_WOMEN";

    /// <summary>OFF-01: an officer is not a current member.</summary>
    public const string OfficerNotAMember = "OFF01_NOT_A_MEMBER";

    /// <summary>OFF-02: an office is missing from the slate.</summary>
    public const string OfficeMissing = "OFF02_ROLE_MISSING";

    /// <summary>OFF-02: an office appears more than once in the slate.</summary>
    public const string OfficeRepeated = "OFF02_ROLE_REPEATED";

    /// <summary>OFF-02: one person would hold two offices.</summary>
    public const string OnePersonTwoOffices = "OFF02_ONE_PERSON_TWO_OFFICES";

    /// <summary>OFF-03: the election does not record who decided (exactly one of a meeting decision or a list of deciding members).</summary>
    public const string NoElectionRecord = "OFF03_NO_ELECTION_RECORD";

    /// <summary>OFF-03: the meeting decision is not an officer election.</summary>
    public const string NotAnElection = "OFF03_NOT_AN_ELECTION";

    /// <summary>OFF-03: the meeting decision belongs to another group.</summary>
    public const string DecisionOfOtherGroup = "OFF03_DECISION_OF_OTHER_GROUP";

    /// <summary>OFF-03: the meeting decision's date differs from the election date.</summary>
    public const string DecisionDateMismatch = "OFF03_DECISION_DATE_MISMATCH";

    /// <summary>OFF-03: a decider is not a current member.</summary>
    public const string DeciderNotAMember = "OFF03_DECIDER_NOT_A_MEMBER";

    /// <summary>OFF-03: the deciding members are not a quorum of the members.</summary>
    public const string ElectionWithoutQuorum = "OFF03_NO_QUORUM";

    /// <summary>OFF-03: a field of an election record is missing (validators).</summary>
    public const string ElectionFieldRequired = "OFF03_FIELD_REQUIRED";

    /// <summary>OFF-04: an office is vacant and must be refilled first.</summary>
    public const string OfficeVacant = "OFF04_OFFICE_VACANT";

    /// <summary>OFF-05: the bendahara may not approve their own loan.</summary>
    public const string BendaharaApprovesOwnLoan = "OFF05_BENDAHARA_APPROVES_OWN_LOAN";

    internal static readonly MessageTable Messages = new("Groups",
    [
        new(UnderStrengthBlocksMoney, "Kelompok {GroupId} kekurangan anggota; pinjaman dan bantuan ditahan sampai jumlah anggota dipulihkan.", "Group {GroupId} is under strength; loans and aid are blocked until its membership is restored."),
        new(NotActive, "Kelompok {GroupId} berstatus {Status}, belum/tidak aktif; uang tidak dapat bergerak.", "Group {GroupId} is {Status}, not active; money cannot move."),
        new(BendaharaVacant, "Jabatan bendahara kelompok {GroupId} kosong; isi terlebih dahulu sebelum uang bergerak.", "The bendahara office of group {GroupId} is vacant; refill it before money moves."),
        new(TooFewMembers, "Kelompok beranggotakan {Members} orang, kurang dari minimum {MinMembers}.", "The group has {Members} members, fewer than the minimum of {MinMembers}."),
        new(TooManyMembers, "Kelompok akan beranggotakan {Members} orang, lebih dari maksimum {MaxMembers}.", "The group would have {Members} members, more than the maximum of {MaxMembers}."),
        new(ConsentMissing, "Persetujuan {Person} untuk membentuk kelompok belum dicatat.", "The consent of {Person} to form the group is not recorded."),
        new(ConsentAfterProposal, "Persetujuan {Person} bertanggal {ConsentedOn}, sesudah pengajuan pada {ProposedOn}.", "The consent of {Person} is dated {ConsentedOn}, after the proposal on {ProposedOn}."),
        new(ConsentFromNonFounder, "Persetujuan dari {PersonId} dicatat, padahal ia bukan anggota pendiri.", "A consent from {PersonId} is recorded, but they are not a founding member."),
        new(InitialMeetingBeforeProposal, "Pertemuan awal pada {InitialMeetingOn} tidak boleh sebelum pengajuan pada {ProposedOn}.", "The initial meeting on {InitialMeetingOn} cannot be before the proposal on {ProposedOn}."),
        new(InitialMeetingAlreadyHeld, "Pertemuan awal kelompok {GroupId} sudah diadakan pada {HeldOn}.", "The initial meeting of group {GroupId} was already held on {HeldOn}."),
        new(FormationFieldRequired, "{PropertyName} wajib diisi.", "{PropertyName} is required."),
        new(HouseholdOverSeats, "Kartu Keluarga {FamilyCard} akan diwakili {Members} anggota; paling banyak {MaxPerHousehold}.", "Family card {FamilyCard} would have {Members} members; at most {MaxPerHousehold} allowed."),
        new(PersonAlreadyMember, "{Person} sudah menjadi anggota kelompok atau tercatat dua kali.", "{Person} is already a member of the group or is listed twice."),
        new(OutsideKecamatan, "{Person} tinggal di {Desa}, di luar kecamatan kelompok ({Area}).", "{Person} lives in {Desa}, outside the group's kecamatan ({Area})."),
        new(OutsideDesa, "{Person} tinggal di {Desa}, di luar desa/kelurahan kelompok ({Area}).", "{Person} lives in {Desa}, outside the group's desa/kelurahan ({Area})."),
        new(SeatNotADesa, "Kedudukan kelompok harus berupa kode desa/kelurahan, bukan {PropertyValue}.", "The group's seat must be a desa/kelurahan code, not {PropertyValue}."),
        new(GraceNotExpired, "Masa tenggang kelompok {GroupId} berlaku sampai {Deadline}; per {AsOf} belum berakhir.", "The grace period of group {GroupId} runs until {Deadline}; as of {AsOf} it has not expired."),
        new(GraceExpired, "Masa tenggang kelompok {GroupId} berakhir pada {Deadline}; per {AsOf} kelompok hanya dapat dibubarkan.", "The grace period of group {GroupId} ended on {Deadline}; as of {AsOf} the group can only be dissolved."),
        new(IllegalTransition, "Kelompok {GroupId} tidak dapat berpindah dari status {From} ke {To}.", "Group {GroupId} cannot move from {From} to {To}."),
        new(OperationNotAllowed, "{Operation} tidak diperbolehkan selama kelompok {GroupId} berstatus {Status}.", "{Operation} is not allowed while group {GroupId} is {Status}."),
        new(ProfileKindMismatch, "Profil {ProfileId} untuk kelompok jenis {ProfileKind}; kelompok {GroupId} berjenis {GroupKind}.", "Profile {ProfileId} is for a {ProfileKind} group; group {GroupId} is a {GroupKind}."),
        new(ProfileAlreadyInForce, "Profil {ProfileId} sudah berlaku untuk kelompok {GroupId}.", "Profile {ProfileId} already governs group {GroupId}."),
        new(DateBeforeLastChange, "Tanggal {Date} untuk kelompok {GroupId} mendahului perubahan terakhir pada {LastChangedOn}.", "The date {Date} for group {GroupId} precedes its last recorded change on {LastChangedOn}."),
        new(VerificationFieldRequired, "{PropertyName} wajib diisi untuk verifikasi.", "{PropertyName} is required for verification."),
        new(VerificationTextTooLong, "{PropertyName} pada verifikasi terdiri dari {TotalLength} karakter; paling banyak {MaxLength}.", "{PropertyName} of the verification has {TotalLength} characters; at most {MaxLength} are allowed."),
        new(HolderNotGroupName, "Nama pemilik rekening '{HolderName}' harus nama kelompok '{GroupName}'.", "The account holder '{HolderName}' must be the group's name '{GroupName}'."),
        new(HolderIsMember, "Nama pemilik rekening '{HolderName}' adalah nama anggota; bantuan adalah aset kelompok, bukan perorangan.", "The account holder '{HolderName}' is a member's name; aid is a group asset, never a member's."),
        new(AccountAlreadyOpen, "Kelompok {GroupId} sudah memiliki rekening {AccountNumber} di {Bank}.", "Group {GroupId} already has account {AccountNumber} at {Bank}."),
        new(NoBankAccount, "Kelompok {GroupId} belum memiliki rekening atas nama kelompok.", "Group {GroupId} has no bank account in its name."),
        new(NotGroupAccount, "Rekening {AccountNumber} bukan rekening kelompok {GroupId}.", "Account {AccountNumber} is not the account of group {GroupId}."),
        new(AccountNumberInvalid, "Nomor rekening harus 5 sampai 20 digit angka.", "The account number must be 5 to 20 digits."),
        new(AccountFieldRequired, "{PropertyName} wajib diisi untuk rekening kelompok.", "{PropertyName} is required for the group's account."),
        new(NotInRegistry, "Rumah tangga {HouseholdId} tidak terdaftar di DTKS/DTSEN.", "Household {HouseholdId} has no DTKS/DTSEN registry entry."),
        new(RegistryAfterAsOf, "Data registri rumah tangga {HouseholdId} bertanggal {RankedOn}, sesudah tanggal keputusan {AsOf}.", "The registry entry of household {HouseholdId} is dated {RankedOn}, after the decision date {AsOf}."),
        new(DecileStale, "Desil {Decile} rumah tangga {HouseholdId} ditetapkan pada {RankedOn}, lebih lama dari {Validity} per {AsOf}; perlu verifikasi ulang.", "Decile {Decile} of household {HouseholdId} was ranked on {RankedOn}, older than {Validity} as of {AsOf}; it needs re-verification."),
        new(DecileAboveMax, "Desil {Decile} rumah tangga {HouseholdId} di atas desil tertinggi yang layak ({MaxDecile}).", "Decile {Decile} of household {HouseholdId} is above the highest eligible decile ({MaxDecile})."),
        new(NoPraRanking, "Rumah tangga {HouseholdId} belum diperingkat dalam pemeringkatan kesejahteraan (PRA).", "Household {HouseholdId} has no PRA wealth ranking."),
        new(PraAfterAsOf, "Pemeringkatan PRA rumah tangga {HouseholdId} bertanggal {HeldOn}, sesudah tanggal keputusan {AsOf}.", "The PRA ranking of household {HouseholdId} is dated {HeldOn}, after the decision date {AsOf}."),
        new(PraNotPoor, "Rumah tangga {HouseholdId} masuk kategori {Category} dalam PRA, bukan miskin.", "Household {HouseholdId} fell in category {Category} in the PRA ranking, not poor."),
        new(PraNotConfirmed, "Rumah tangga {HouseholdId} miskin menurut PRA tetapi belum cocok dengan data dasar (PRA-03).", "Household {HouseholdId} is PRA-ranked poor but not matched with the registry base data (PRA-03)."),
        new(NotOnPs2List, "Rumah tangga {HouseholdId} tidak ada dalam daftar PS2.", "Household {HouseholdId} is not on the PS2 list."),
        new(NeitherRegistryNorPra, "Rumah tangga {HouseholdId} tidak berdesil terkini sampai {MaxDecile} di registri dan tidak miskin menurut PRA.", "Household {HouseholdId} has no current registry decile up to {MaxDecile} and is not PRA-ranked poor."),
        new(NotHeadOrMainEarner, "{Person} bukan kepala keluarga atau pencari nafkah utama.", "{Person} is neither head of household nor its main earner."),
        new(TooYoung, "{Person} berusia {Age} tahun per {AsOf}, di bawah usia minimum {MinAge}.", "{Person} is {Age} years old on {AsOf}, below the minimum age of {MinAge}."),
        new(TooOld, "{Person} berusia {Age} tahun per {AsOf}, di atas usia maksimum {MaxAge}.", "{Person} is {Age} years old on {AsOf}, above the maximum age of {MaxAge}."),
        new(NotMarried, "{Person} belum menikah, sedangkan profil mensyaratkan anggota sudah menikah.", "{Person} has never been married, and the profile requires members to be married."),
        new(MaritalStatusUnknown, "Status perkawinan {Person} belum dicatat, sedangkan profil mensyaratkan anggota sudah menikah.", "The marital status of {Person} is not recorded, and the profile requires members to be married."),
        new(ExcludedEmployment, "{Person} bekerja sebagai {Employment}; profil mengecualikan {Excluded} dari keanggotaan.", "{Person} works as {Employment}; the profile excludes {Excluded} from membership."),
        new(TooFewWomen, "Hanya {Women} dari {Members} anggota perempuan; minimal {MinShare}.", "Only {Women} of {Members} members are women; at least {MinShare} are required."),
        new(OfficerNotAMember, "Calon {Role} ({PersonId}) bukan anggota kelompok saat ini.", "The {Role} nominee ({PersonId}) is not a current member."),
        new(OfficeMissing, "Jabatan {Role} belum diisi dalam susunan pengurus.", "The office of {Role} is missing from the slate."),
        new(OfficeRepeated, "Jabatan {Role} muncul lebih dari sekali dalam susunan pengurus.", "The office of {Role} appears more than once in the slate."),
        new(OnePersonTwoOffices, "{PersonId} akan memegang lebih dari satu jabatan ({Roles}); satu orang satu jabatan.", "{PersonId} would hold more than one office ({Roles}); one person holds one office."),
        new(NoElectionRecord, "Pemilihan pengurus harus mencatat siapa yang memutuskan: satu keputusan rapat atau satu daftar anggota yang memutuskan.", "An officer election must record who decided: one meeting decision or one list of deciding members."),
        new(NotAnElection, "Keputusan rapat {MeetingId} adalah {Kind}, bukan pemilihan pengurus.", "Meeting decision {MeetingId} is a {Kind}, not an officer election."),
        new(DecisionOfOtherGroup, "Keputusan rapat {MeetingId} milik kelompok lain ({OtherGroupId}).", "Meeting decision {MeetingId} belongs to another group ({OtherGroupId})."),
        new(DecisionDateMismatch, "Keputusan rapat bertanggal {DecidedOn}, berbeda dengan tanggal pemilihan {ElectedOn}.", "The meeting decision is dated {DecidedOn}, not the election date {ElectedOn}."),
        new(DeciderNotAMember, "{PersonId} ikut memutuskan tetapi bukan anggota kelompok saat ini.", "{PersonId} took part in the decision but is not a current member."),
        new(ElectionWithoutQuorum, "Hanya {Deciders} dari {Members} anggota yang memutuskan; tidak kuorum ({QuorumShare}).", "Only {Deciders} of {Members} members decided; no quorum ({QuorumShare})."),
        new(ElectionFieldRequired, "{PropertyName} wajib diisi untuk pemilihan pengurus.", "{PropertyName} is required for an officer election."),
        new(OfficeVacant, "Jabatan {Role} kelompok {GroupId} kosong; pilih pengganti terlebih dahulu.", "The office of {Role} of group {GroupId} is vacant; elect a replacement first."),
        new(BendaharaApprovesOwnLoan, "Bendahara kelompok {GroupId} ({PersonId}) tidak boleh menyetujui pinjamannya sendiri.", "The bendahara of group {GroupId} ({PersonId}) may not approve their own loan."),
    ]);
}
