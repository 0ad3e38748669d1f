using KubeCore.Api.Mapping;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Meetings;
using NodaTime;

namespace KubeCore.Migrate;

// The 0.1 group commands as stored (JSON) in stream_commands, brought back from the 0.1 API (commit b8e0b47,
// samples/KubeCore.Api/Groups/GroupCommands.cs and Mapping/Dossiers.cs): read only by this tool.

internal sealed record PersonData(PersonId Id, HouseholdId HouseholdId, string Name, string Nik, Sex Sex, LocalDate BirthDate, HouseholdRole Role, Employment Employment, MaritalStatus? MaritalStatus = null)
{
    // As stored: no rule judged again (Restore).
    public Person ToDomain() => Person.Restore(new PersonState(PersonState.CurrentFormat, Id, HouseholdId, Name, Nik, Sex, BirthDate, Role, Employment, MaritalStatus));
}

internal sealed record HouseholdData(HouseholdId Id, string FamilyCard, RegionCode Desa, int Size)
{
    public Household ToDomain() => Household.Restore(new HouseholdState(HouseholdState.CurrentFormat, Id, FamilyCard, Desa, Size));
}

internal sealed record DossierData(PersonData Person, HouseholdData Household, PovertyEvidence Evidence)
{
    public MemberDossier ToDomain() => new(Person.ToDomain(), Household.ToDomain(), Evidence);
}

internal sealed record ProposeGroupCommand(GroupId GroupId, string ProfileId, string Name, RegionCode Desa, LocalDate ProposedOn, LocalDate InitialMeetingOn, IReadOnlyList<DossierData> Founders, IReadOnlyList<ConsentData> Consents);

internal sealed record ConsentData(PersonId PersonId, LocalDate GivenOn);

internal sealed record ElectOfficersCommand(LocalDate ElectedOn, IReadOnlyList<OfficerAssignment> Officers, MeetingId? MeetingId, IReadOnlyList<PersonId>? DecidedBy);

internal sealed record HoldInitialMeetingCommand(LocalDate HeldOn);

internal sealed record VerifyGroupCommand(string VerifierName, string Agency, LocalDate VerifiedOn, IReadOnlyList<DossierData> Members);

internal sealed record ActivateGroupCommand(LocalDate ActivatedOn);

internal sealed record AdmitMemberCommand(DossierData Member, LocalDate JoinedOn);

internal sealed record RemoveMemberCommand(PersonId PersonId, LocalDate LeftOn);

internal sealed record MarkGraceExpiredCommand(LocalDate AsOf);

internal sealed record DissolveGroupCommand(LocalDate DissolvedOn, DissolutionReason Reason);

internal sealed record OpenBankAccountCommand(string Bank, string AccountNumber, string HolderName, LocalDate OpenedOn);

internal sealed record RecordGroupMeetingCommand(MeetingId MeetingId, LocalDate Date, string? Agenda, IReadOnlyList<AttendanceMark> Attendance, IReadOnlyList<DecisionData> Decisions);

internal sealed record DecisionData(DecisionKind Kind, string Subject, bool RequiresQuorum = false, LoanId? Loan = null);

internal sealed record OpenBooksCommand(LocalDate OpenedOn, string? Reference);

internal sealed record DepositCommand(PersonId Member, LocalDate Date, Rupiah Amount, string? Reference);

internal sealed record WithdrawCommand(PersonId Member, LocalDate Date, Rupiah Amount, string? Reference);

internal sealed record ReverseLedgerEntryCommand(EntryId Entry, LocalDate Date, string Reason, string? Reference, long? Position = null);

internal sealed record CloseWeekCommand(LocalDate WeekStart, LocalDate ClosedOn);

internal sealed record RecordProfitCommand(LocalDate Date, Rupiah Profit, string? Reference);

internal sealed record SpendIksCommand(LocalDate Date, Rupiah Amount, string Purpose, string? Reference);

internal sealed record CreditGrantCommand(LocalDate Date, Rupiah Amount, string? Reference);

internal sealed record SpendGrantCommand(LocalDate Date, Rupiah Amount, string ReceiptReference, Aid.SpendCategory Category, string Description);

internal sealed record SubmitAccountabilityCommand(LocalDate SubmittedOn);

internal sealed record AddLoanCapitalCommand(LocalDate Date, Rupiah Amount, string? Reference);

internal sealed record RecordExpenseCommand(LocalDate Date, Rupiah Amount, string? Reference, string? Description);

internal sealed record SignJointLiabilityCommand(PersonId Member, LocalDate SignedOn, string? DocumentReference);

internal sealed record ApplyLoanCommand(PersonId Member, Rupiah Principal, int TermMonths, Loans.InstallmentFrequency Frequency, string Purpose, LocalDate AppliedOn, LoanId? LoanId = null);

internal sealed record ApproveGroupLoanCommand(LoanId Loan, MeetingId Meeting, PersonId ApprovedBy);

internal sealed record WithdrawLoanCommand(LoanId Loan, LocalDate Date, string Reason);

internal sealed record DisburseLoanCommand(LoanId Loan, LocalDate Date);

internal sealed record RepayLoanCommand(LoanId Loan, LocalDate Date, Rupiah Amount);

internal sealed record CoverArrearsCommand(LoanId Loan, LocalDate Date);

internal sealed record RecoverGroupCoverCommand(LoanId Loan, LocalDate Date, Rupiah Amount);
