using KubeCore.Api.Mapping;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Meetings;
using NodaTime;

namespace KubeCore.Api.Groups;

// The commands of a group stream, as stored (JSON) in stream_commands. Their stored names are registered in
// GroupStream and never change; a field may be added only with a default. Each carries everything the library
// needs to decide again on replay (dates, dossiers as they were), never a reference to data that may change.

/// <summary>Propose a group (GRP-02): the first command of a group stream.</summary>
public sealed record ProposeGroupCommand(GroupId GroupId, string ProfileId, string Name, RegionCode Desa, LocalDate ProposedOn, LocalDate InitialMeetingOn, IReadOnlyList<DossierData> Founders, IReadOnlyList<ConsentData> Consents);

/// <summary>A founding member's consent.</summary>
public sealed record ConsentData(PersonId PersonId, LocalDate GivenOn);

/// <summary>Elect the officers (OFF-01..03), decided either at a recorded meeting or by a list of members.</summary>
public sealed record ElectOfficersCommand(LocalDate ElectedOn, IReadOnlyList<OfficerAssignment> Officers, MeetingId? MeetingId, IReadOnlyList<PersonId>? DecidedBy);

/// <summary>Hold the initial meeting (GRP-02).</summary>
public sealed record HoldInitialMeetingCommand(LocalDate HeldOn);

/// <summary>Verification by Dinas Sosial (GRP-06), with the members' dossiers as of the verification.</summary>
public sealed record VerifyGroupCommand(string VerifierName, string Agency, LocalDate VerifiedOn, IReadOnlyList<DossierData> Members);

/// <summary>Activate a verified group (GRP-06).</summary>
public sealed record ActivateGroupCommand(LocalDate ActivatedOn);

/// <summary>Admit a member (GRP-01, -03, -04, MEM-01..05).</summary>
public sealed record AdmitMemberCommand(DossierData Member, LocalDate JoinedOn);

/// <summary>A member leaves (GRP-05, OFF-04).</summary>
public sealed record RemoveMemberCommand(PersonId PersonId, LocalDate LeftOn);

/// <summary>An under-strength group's grace period has run out (GRP-05).</summary>
public sealed record MarkGraceExpiredCommand(LocalDate AsOf);

/// <summary>Dissolve the group (GRP-06).</summary>
public sealed record DissolveGroupCommand(LocalDate DissolvedOn, DissolutionReason Reason);

/// <summary>Open the group's bank account (GRP-07).</summary>
public sealed record OpenBankAccountCommand(string Bank, string AccountNumber, string HolderName, LocalDate OpenedOn);

/// <summary>Record a meeting: attendance and the decisions taken (FIVE-02, LOAN-06, OFF-03).</summary>
public sealed record RecordGroupMeetingCommand(MeetingId MeetingId, LocalDate Date, string? Agenda, IReadOnlyList<AttendanceMark> Attendance, IReadOnlyList<DecisionData> Decisions);

/// <summary>A decision taken at a meeting: its free-text subject and, for a loan approval, the loan it approves.</summary>
public sealed record DecisionData(DecisionKind Kind, string Subject, bool RequiresQuorum = false, LoanId? Loan = null);

/// <summary>Open the group's books (the savings ledger).</summary>
public sealed record OpenBooksCommand(LocalDate OpenedOn, string? Reference);

/// <summary>A member's savings deposit (SAV-04).</summary>
public sealed record DepositCommand(PersonId Member, LocalDate Date, Rupiah Amount, string? Reference);

/// <summary>A member's savings withdrawal (SAV-02).</summary>
public sealed record WithdrawCommand(PersonId Member, LocalDate Date, Rupiah Amount, string? Reference);

/// <summary>A reversing entry (SAV-01). <see cref="Position"/> (the reversed entry's sequence) is stored with it.</summary>
public sealed record ReverseLedgerEntryCommand(EntryId Entry, LocalDate Date, string Reason, string? Reference, long? Position = null);

/// <summary>The weekly close of the books (SAV-05).</summary>
public sealed record CloseWeekCommand(LocalDate WeekStart, LocalDate ClosedOn);

/// <summary>Business profit, of which the IKS share goes to the solidarity fund (SAV-06).</summary>
public sealed record RecordProfitCommand(LocalDate Date, Rupiah Profit, string? Reference);

/// <summary>A spend from the IKS fund (SAV-06).</summary>
public sealed record SpendIksCommand(LocalDate Date, Rupiah Amount, string Purpose, string? Reference);

/// <summary>An aid grant credited to the group (AID-01, GRP-07).</summary>
public sealed record CreditGrantCommand(LocalDate Date, Rupiah Amount, string? Reference);

/// <summary>A spend of the grant, with its receipt, for the accountability report (AID-03).</summary>
public sealed record SpendGrantCommand(LocalDate Date, Rupiah Amount, string ReceiptReference, Aid.SpendCategory Category, string Description);

/// <summary>Submission of the accountability report (LPJ) of the current grant (AID-03).</summary>
public sealed record SubmitAccountabilityCommand(LocalDate SubmittedOn);

/// <summary>Capital added to the loan fund.</summary>
public sealed record AddLoanCapitalCommand(LocalDate Date, Rupiah Amount, string? Reference);

/// <summary>An expense of the group.</summary>
public sealed record RecordExpenseCommand(LocalDate Date, Rupiah Amount, string? Reference, string? Description);

/// <summary>A member signs the joint-liability (tanggung renteng) statement (LOAN-01).</summary>
public sealed record SignJointLiabilityCommand(PersonId Member, LocalDate SignedOn, string? DocumentReference);

/// <summary>
/// A loan application (LOAN-01..03, -07). <see cref="LoanId"/> is empty in the request and stored with the id
/// the library gave the loan, which stays the loan's id for callers.
/// </summary>
public sealed record ApplyLoanCommand(PersonId Member, Rupiah Principal, int TermMonths, Loans.InstallmentFrequency Frequency, string Purpose, LocalDate AppliedOn, LoanId? LoanId = null);

/// <summary>Approval of a loan by a meeting's LoanApproval decision, signed by an officer (LOAN-06, OFF-05).</summary>
public sealed record ApproveGroupLoanCommand(LoanId Loan, MeetingId Meeting, PersonId ApprovedBy);

/// <summary>Withdrawal of an application before disbursement.</summary>
public sealed record WithdrawLoanCommand(LoanId Loan, LocalDate Date, string Reason);

/// <summary>Disbursement of an approved loan (LOAN-03, -04, -06).</summary>
public sealed record DisburseLoanCommand(LoanId Loan, LocalDate Date);

/// <summary>A repayment, allocated jasa first (LOAN-05).</summary>
public sealed record RepayLoanCommand(LoanId Loan, LocalDate Date, Rupiah Amount);

/// <summary>Tanggung renteng cover of a defaulter's arrears (LOAN-08).</summary>
public sealed record CoverArrearsCommand(LoanId Loan, LocalDate Date);

/// <summary>The defaulter pays back those who covered for them (LOAN-08).</summary>
public sealed record RecoverGroupCoverCommand(LoanId Loan, LocalDate Date, Rupiah Amount);
