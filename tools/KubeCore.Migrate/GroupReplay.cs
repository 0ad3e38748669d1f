using System.Text.Json;
using KubeCore.Aid;
using KubeCore.Api.Groups;
using KubeCore.Api.Json;
using KubeCore.Api.Mapping;
using KubeCore.Api.Persistence;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using GroupState = KubeCore.Api.Groups.GroupState;
using LibraryGroupState = KubeCore.Groups.GroupState;

namespace KubeCore.Migrate;

/// <summary>A stored 0.1 command: its stream sequence, its stored type name and its JSON payload.</summary>
internal sealed record LegacyCommand(long Sequence, string Type, string Payload);

/// <summary>
/// Replays a 0.1 group stream through today's library (the one place replay lives in 0.2), the way the 0.1 API applied
/// each command (commit b8e0b47, Groups/GroupStream.cs), minus its second "shadow" ledger: today's revolving fund keeps
/// the loan ids the 0.1 API returned (they are stored in the apply-loan commands) and posts to the replayed ledger,
/// whose entries are compared field by field with the stored ones.
/// </summary>
internal static class GroupReplay
{
    private static JsonSerializerOptions Options => KubeCoreJsonConverters.Storage;

    /// <summary>Replays the commands in order; throws <see cref="MigrationException"/> naming the group and command that failed.</summary>
    /// <remarks>
    /// Stored history must load: a group command today's rules refuse (a stricter profile, e.g. MEM-03 marital status or a
    /// profile's effective date) was judged when it was live, so until the books are opened the group records it as its
    /// fact (<see cref="Group.Restore(LibraryGroupState, IEnumerable{GroupFact}, ProfileResolver)"/>, structure checked only).
    /// Meetings, postings and loans are replayed through today's rules (their ledger entries are compared with the stored ones).
    /// </remarks>
    public static GroupState Replay(Guid groupId, IReadOnlyList<LegacyCommand> commands, IReadOnlyList<LedgerEntryRow> stored)
    {
        Replaying? replay = null;
        foreach (var command in commands)
        {
            try
            {
                if (replay is null)
                {
                    if (command.Type != "propose")
                    {
                        throw new MigrationException($"group {groupId}: the stream starts with '{command.Type}', not 'propose'");
                    }
                    replay = new Replaying(Propose(Read<ProposeGroupCommand>(command)));
                    continue;
                }
                if (replay.State is null && GroupFactOf(replay.Group, command) is { } fallback)
                {
                    try
                    {
                        Apply(replay, command, stored);
                    }
                    catch (RuleViolationException)
                    {
                        replay.Group = Group.Restore(replay.Group.ToState(), [fallback()], ProgramProfiles.Resolve);
                    }
                    continue;
                }
                Apply(replay, command, stored);
            }
            catch (Exception failed) when (failed is not MigrationException)
            {
                throw new MigrationException($"group {groupId}: command {command.Sequence} '{command.Type}' no longer replays: {failed.Message}", failed);
            }
        }
        return replay?.Open() ?? throw new MigrationException($"group {groupId}: the stream has no commands");
    }

    /// <summary>The group, meetings and reports while the books are closed; the API's state once they are open.</summary>
    private sealed class Replaying(Group group)
    {
        public Group Group { get; set; } = group;

        public MeetingRegister Meetings { get; } = new(group.Id);

        public List<AccountabilityReport> Reports { get; } = [];

        public GroupState? State { get; private set; }

        public GroupState Open() => State ??= new GroupState(Group, Meetings, null, null, Reports, stored: false);
    }

    private static Group Propose(ProposeGroupCommand c)
    {
        var profile = ProgramProfiles.Resolve(c.ProfileId) ?? throw new MigrationException($"group {c.GroupId}: unknown profile '{c.ProfileId}'");
        var founders = c.Founders.Select(d => d.ToDomain()).ToList();
        try
        {
            return Group.Propose(new ProposeGroup(c.GroupId, profile, c.Name, c.Desa, c.ProposedOn, c.InitialMeetingOn,
                founders, [.. c.Consents.Select(x => new MemberConsent(x.PersonId, x.GivenOn))]));
        }
        catch (RuleViolationException)
        {
            // Proposed under 0.1's rules: restored as it was proposed.
            var members = founders.Select(d => new GroupMemberState(d.Person.Id, d.Person.Name, d.Person.Nik.Reveal(), d.Person.Sex, d.Household.Id,
                d.Household.FamilyCard.Reveal(), d.Household.Desa, c.ProposedOn, null)).ToList();
            return Group.Restore(new LibraryGroupState(LibraryGroupState.CurrentFormat, c.GroupId, c.Name, c.Desa, c.ProposedOn, c.InitialMeetingOn,
                [new GroupProfilePeriod(c.ProfileId, c.ProposedOn)], GroupStatus.Proposed, null, c.ProposedOn, null, null, null, null, null, null, null, null,
                members, [.. c.Consents.Select(x => new MemberConsent(x.PersonId, x.GivenOn))], [], []), ProgramProfiles.Resolve);
        }
    }

    private static readonly OfficerRole[] Offices = [OfficerRole.Ketua, OfficerRole.Sekretaris, OfficerRole.Bendahara];

    /// <summary>The group fact a group command recorded, to record as stored when today's rules refuse it; null for other commands.</summary>
    private static Func<GroupFact>? GroupFactOf(Group group, LegacyCommand command) => command.Type switch
    {
        "hold-initial-meeting" => () =>
        {
            var c = Read<HoldInitialMeetingCommand>(command);
            return new InitialMeetingHeldFact(c.HeldOn, group.Status == GroupStatus.Proposed && Offices.All(group.Officers.ContainsKey));
        }
        ,
        "elect-officers" => () =>
        {
            var c = Read<ElectOfficersCommand>(command);
            var current = group.CurrentMembers.ToList();
            var slate = Offices.Select(role => c.Officers.First(o => o.Role == role)).ToArray();
            var election = new OfficerElection(c.ElectedOn, slate, c.DecidedBy ?? [], c.MeetingId, current.Count);
            return new OfficersElectedFact(c.ElectedOn, election, group.Status == GroupStatus.Proposed && group.InitialMeetingHeldOn is not null);
        }
        ,
        "verify" => () =>
        {
            var c = Read<VerifyGroupCommand>(command);
            var command2 = new VerifyGroup(c.VerifierName, c.Agency, c.VerifiedOn, [.. c.Members.Select(d => d.ToDomain())]);
            return new GroupVerifiedFact(c.VerifiedOn, new GroupVerification(c.VerifierName.Trim(), c.Agency.Trim(), c.VerifiedOn, DecisionSnapshot.Of(group.EvaluateVerification(command2))));
        }
        ,
        "activate" => () => new GroupActivatedFact(Read<ActivateGroupCommand>(command).ActivatedOn),
        _ => null,
    };

    internal static T Read<T>(LegacyCommand command) =>
        JsonSerializer.Deserialize<T>(command.Payload, Options) ?? throw new MigrationException($"command {command.Sequence} '{command.Type}' has an empty payload");

    private static void Apply(Replaying replay, LegacyCommand command, IReadOnlyList<LedgerEntryRow> stored)
    {
        var group = replay.Group;
        var meetings = replay.State?.Meetings ?? replay.Meetings;
        var reports = replay.State?.AccountabilityReports ?? replay.Reports;
        GroupState state = null!;
        if (command.Type is not ("elect-officers" or "hold-initial-meeting" or "verify" or "activate" or "admit-member" or "remove-member"
            or "mark-grace-expired" or "dissolve" or "open-bank-account" or "record-meeting"))
        {
            state = replay.Open();
        }
        static HostToday On(NodaTime.LocalDate date) => HostToday.Of(date); // SAV-09 was judged when the command was live
        switch (command.Type)
        {
            case "elect-officers":
                {
                    var c = Read<ElectOfficersCommand>(command);
                    var decision = c.MeetingId is { } meetingId
                        ? (meetings.Meetings.FirstOrDefault(m => m.Id == meetingId) ?? throw new MigrationException($"the meeting {meetingId} is not in the group's register")).Decisions.LastOrDefault(d => d.Kind == DecisionKind.OfficerElection)
                          ?? throw new RuleViolationException(RuleViolation.Of(RuleIds.Off03, GroupErrors.NoElectionRecord))
                        : null;
                    group.ElectOfficers(new ElectOfficers(c.ElectedOn, c.Officers, decision, c.DecidedBy));
                    break;
                }
            case "hold-initial-meeting":
                group.HoldInitialMeeting(Read<HoldInitialMeetingCommand>(command).HeldOn);
                break;
            case "verify":
                {
                    var c = Read<VerifyGroupCommand>(command);
                    group.Verify(new VerifyGroup(c.VerifierName, c.Agency, c.VerifiedOn, [.. c.Members.Select(d => d.ToDomain())]));
                    break;
                }
            case "activate":
                group.Activate(Read<ActivateGroupCommand>(command).ActivatedOn);
                break;
            case "admit-member":
                {
                    var c = Read<AdmitMemberCommand>(command);
                    group.AdmitMember(new AdmitMember(c.Member.ToDomain(), c.JoinedOn));
                    break;
                }
            case "remove-member":
                {
                    var c = Read<RemoveMemberCommand>(command);
                    group.RemoveMember(c.PersonId, c.LeftOn);
                    break;
                }
            case "mark-grace-expired":
                group.MarkGraceExpired(Read<MarkGraceExpiredCommand>(command).AsOf);
                break;
            case "dissolve":
                {
                    var c = Read<DissolveGroupCommand>(command);
                    group.Dissolve(c.DissolvedOn, c.Reason);
                    break;
                }
            case "open-bank-account":
                {
                    var c = Read<OpenBankAccountCommand>(command);
                    group.OpenBankAccount(new OpenBankAccount(c.Bank, c.AccountNumber, c.HolderName, c.OpenedOn));
                    break;
                }
            case "record-meeting":
                {
                    var c = Read<RecordGroupMeetingCommand>(command);
                    var meeting = KubeCore.Meetings.Meeting.Open(group, c.MeetingId, c.Date, c.Agenda);
                    meeting.RecordAttendance(c.Attendance);
                    foreach (var d in c.Decisions)
                    {
                        // Decisions stored before they carried a typed loan named it only as the subject text.
                        var loan = d.Kind != DecisionKind.LoanApproval ? d.Loan
                            : d.Loan ?? (Guid.TryParse(d.Subject, out var legacy) && legacy != Guid.Empty ? new LoanId(legacy) : null);
                        meeting.Decide(new TakeDecisionCommand(d.Kind, d.Subject, d.RequiresQuorum, loan));
                    }
                    meetings.Add(meeting);
                    break;
                }
            case "open-books":
                {
                    var c = Read<OpenBooksCommand>(command);
                    // The opening keeps the stored opening's id; later ids differ and are mapped by position (see Migration).
                    state.OpenBooks(c.OpenedOn, stored.Count > 0 ? new EntryId(stored[0].EntryId) : EntryId.New(), c.Reference);
                    break;
                }
            case "deposit":
                {
                    var c = Read<DepositCommand>(command);
                    state.OpenLedger.Deposit(On(c.Date), c.Date, c.Member, c.Amount, c.Reference);
                    break;
                }
            case "withdraw":
                {
                    var c = Read<WithdrawCommand>(command);
                    state.OpenLedger.Withdraw(On(c.Date), c.Date, c.Member, c.Amount, c.Reference);
                    break;
                }
            case "reverse-entry":
                {
                    var c = Read<ReverseLedgerEntryCommand>(command);
                    var position = c.Position ?? throw new MigrationException($"command {command.Sequence}: a stored reversal has no position");
                    state.OpenLedger.Reverse(On(c.Date), c.Date, state.OpenLedger.Entries[(int)position - 1].Id, c.Reason, c.Reference);
                    break;
                }
            case "close-week":
                {
                    var c = Read<CloseWeekCommand>(command);
                    state.OpenLedger.CloseWeek(On(c.ClosedOn), BookWeek.StartingOn(c.WeekStart, state.OpenLedger.WeekStartsOn), c.ClosedOn);
                    break;
                }
            case "record-profit":
                {
                    var c = Read<RecordProfitCommand>(command);
                    state.OpenLedger.RecordBusinessProfit(On(c.Date), c.Date, c.Profit, c.Reference);
                    break;
                }
            case "spend-iks":
                {
                    var c = Read<SpendIksCommand>(command);
                    state.OpenLedger.SpendIks(On(c.Date), c.Date, c.Amount, c.Purpose, c.Reference);
                    break;
                }
            case "credit-grant":
                {
                    var c = Read<CreditGrantCommand>(command);
                    state.OpenLedger.CreditGrant(On(c.Date), c.Date, c.Amount, c.Reference);
                    reports.Add(AccountabilityReport.Open(group.Id, c.Amount, c.Date, group.Profile));
                    break;
                }
            case "spend-grant":
                {
                    var c = Read<SpendGrantCommand>(command);
                    state.CurrentReport.RecordSpend(new AidSpend(c.Date, c.Category, c.Amount, c.ReceiptReference, c.Description));
                    state.OpenLedger.SpendGrant(On(c.Date), c.Date, c.Amount, c.ReceiptReference, c.Category.ToString());
                    break;
                }
            case "submit-accountability":
                state.CurrentReport.Submit(Read<SubmitAccountabilityCommand>(command).SubmittedOn);
                break;
            case "add-loan-capital":
                {
                    var c = Read<AddLoanCapitalCommand>(command);
                    state.OpenLedger.AddLoanCapital(On(c.Date), c.Date, c.Amount, c.Reference);
                    break;
                }
            case "record-expense":
                {
                    var c = Read<RecordExpenseCommand>(command);
                    state.OpenLedger.RecordExpense(On(c.Date), c.Date, c.Amount, c.Reference, c.Description);
                    break;
                }
            case "sign-joint-liability":
                {
                    var c = Read<SignJointLiabilityCommand>(command);
                    state.OpenFund.SignJointLiabilityStatement(c.Member, c.SignedOn, c.DocumentReference);
                    break;
                }
            case "apply-loan":
                {
                    var c = Read<ApplyLoanCommand>(command);
                    // The id the 0.1 API returned to the caller, stored with the command: the loan keeps it.
                    var id = c.LoanId ?? throw new MigrationException($"command {command.Sequence}: a stored loan application has no loan id");
                    state.OpenFund.Apply(new LoanApplication(id, c.Member, c.Principal, c.TermMonths, c.Frequency, c.Purpose, c.AppliedOn));
                    break;
                }
            case "approve-loan":
                {
                    var c = Read<ApproveGroupLoanCommand>(command);
                    var meeting = Meeting(state, c.Meeting);
                    var decision = meeting.Decisions.LastOrDefault(d => d.Kind == DecisionKind.LoanApproval && d.Loan == c.Loan)
                        ?? meeting.Decisions.LastOrDefault()
                        ?? throw new RuleViolationException(RuleViolation.Of(RuleIds.Loan06, LoanErrors.NotALoanApproval, ("Kind", "—")));
                    state.OpenFund.Approve(c.Loan, decision, c.ApprovedBy);
                    break;
                }
            case "withdraw-loan":
                {
                    var c = Read<WithdrawLoanCommand>(command);
                    state.OpenFund.Withdraw(c.Loan, c.Date, c.Reason);
                    break;
                }
            case "disburse-loan":
                {
                    var c = Read<DisburseLoanCommand>(command);
                    state.OpenFund.Disburse(On(c.Date), c.Loan, c.Date);
                    break;
                }
            case "repay-loan":
                {
                    var c = Read<RepayLoanCommand>(command);
                    state.OpenFund.Repay(On(c.Date), c.Loan, c.Date, c.Amount);
                    break;
                }
            case "cover-arrears":
                {
                    var c = Read<CoverArrearsCommand>(command);
                    state.OpenFund.CoverArrears(On(c.Date), c.Loan, c.Date);
                    break;
                }
            case "recover-cover":
                {
                    var c = Read<RecoverGroupCoverCommand>(command);
                    state.OpenFund.Recover(On(c.Date), c.Loan, c.Date, c.Amount);
                    break;
                }
            default:
                throw new MigrationException($"command {command.Sequence}: unknown group command type '{command.Type}'");
        }
    }

    private static Meeting Meeting(GroupState state, MeetingId id) =>
        state.Meeting(id) ?? throw new MigrationException($"the meeting {id} is not in the group's register");
}

/// <summary>The conversion cannot go on; the message names what failed (the database is left unchanged).</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
