using KubeCore.Common;
using KubeCore.Meetings;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Groups;

/// <summary>
/// Proposes a new group (GRP-02): the founding members agree to form it, each consent is recorded and the
/// initial meeting (pertemuan awal) is scheduled. Input of <see cref="Group.Propose"/>; validated by
/// <see cref="ProposeGroupValidator"/>.
/// </summary>
/// <param name="GroupId">The new group's id.</param>
/// <param name="Profile">The program profile that governs the group.</param>
/// <param name="Name">The group's name (e.g. <c>KUBE Maju Bersama</c>); its bank account must be in this name (GRP-07).</param>
/// <param name="Desa">The group's seat: a desa/kelurahan code. GRP-04 compares members' residence with it (or its kecamatan).</param>
/// <param name="ProposedOn">The proposal date; eligibility is judged as of this date.</param>
/// <param name="InitialMeetingOn">The scheduled date of the initial meeting, on or after <paramref name="ProposedOn"/>.</param>
/// <param name="FoundingMembers">The founding members' dossiers.</param>
/// <param name="Consents">One consent per founding member, dated on or before <paramref name="ProposedOn"/>.</param>
public sealed record ProposeGroup(
    GroupId GroupId,
    ProgramProfile Profile,
    string Name,
    RegionCode Desa,
    LocalDate ProposedOn,
    LocalDate InitialMeetingOn,
    IReadOnlyList<MemberDossier> FoundingMembers,
    IReadOnlyList<MemberConsent> Consents);

/// <summary>Admits a member to an existing group. Input of <see cref="Group.AdmitMember"/>; validated by <see cref="AdmitMemberValidator"/>.</summary>
/// <param name="Member">The new member's dossier.</param>
/// <param name="JoinedOn">The first day of membership; eligibility is judged as of this date.</param>
public sealed record AdmitMember(MemberDossier Member, LocalDate JoinedOn);

/// <summary>
/// Elects the full slate of officers (OFF-01..03). Exactly one of <paramref name="Decision"/> and
/// <paramref name="DecidedBy"/> records who decided. Input of <see cref="Group.ElectOfficers"/>;
/// validated by <see cref="ElectOfficersValidator"/>.
/// </summary>
/// <param name="ElectedOn">The election date.</param>
/// <param name="Officers">The slate: exactly one ketua, one sekretaris and one bendahara.</param>
/// <param name="Decision">The meeting decision (kind <see cref="DecisionKind.OfficerElection"/>) whose present members decided, or null.</param>
/// <param name="DecidedBy">The members who decided, when no meeting decision is given, or null.</param>
public sealed record ElectOfficers(
    LocalDate ElectedOn,
    IReadOnlyList<OfficerAssignment> Officers,
    MeetingDecision? Decision,
    IReadOnlyList<PersonId>? DecidedBy);

/// <summary>
/// Verification of a formed group by Dinas Sosial (GRP-06), with a fresh dossier for every current member
/// so that GRP-01, GRP-03, GRP-04 and MEM-01..05 are re-checked as of the verification date.
/// Input of <see cref="Group.Verify"/>; validated by <see cref="VerifyGroupValidator"/>.
/// </summary>
/// <param name="VerifierName">
/// The verifying officer's name: not blank (<see cref="GroupErrors.VerificationFieldRequired"/>) and at most
/// <see cref="MaxVerifierNameLength"/> characters (<see cref="GroupErrors.VerificationTextTooLong"/>); GRP-06.
/// </param>
/// <param name="Agency">
/// The agency, e.g. <c>Dinas Sosial Kota Palangka Raya</c>: not blank (<see cref="GroupErrors.VerificationFieldRequired"/>)
/// and at most <see cref="MaxAgencyLength"/> characters (<see cref="GroupErrors.VerificationTextTooLong"/>); GRP-06.
/// </param>
/// <param name="VerifiedOn">The verification date.</param>
/// <param name="Members">One dossier per current member, no more, no fewer.</param>
public sealed record VerifyGroup(string VerifierName, string Agency, LocalDate VerifiedOn, IReadOnlyList<MemberDossier> Members)
{
    /// <summary>
    /// The longest <see cref="VerifierName"/>: 100 UTF-16 code units (as <see cref="string.Length"/> counts them; a design
    /// choice, the default longest name of MEM-07, <see cref="Common.ReadableName.DefaultMaxLength"/>).
    /// </summary>
    public const int MaxVerifierNameLength = Common.ReadableName.DefaultMaxLength;

    /// <summary>
    /// The longest <see cref="Agency"/>: 200 UTF-16 code units (as <see cref="string.Length"/> counts them; a design choice:
    /// the longest name of a Dinas Sosial, e.g. <c>Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten ...</c>, fits).
    /// </summary>
    public const int MaxAgencyLength = 200;
}

/// <summary>Opens the group's bank account (GRP-07). Input of <see cref="Group.OpenBankAccount"/>; validated by <see cref="OpenBankAccountValidator"/>.</summary>
/// <param name="Bank">The bank.</param>
/// <param name="AccountNumber">The account number, 5 to 20 digits.</param>
/// <param name="HolderName">The holder's name: must be the group's name, never a member's.</param>
/// <param name="OpenedOn">The opening date.</param>
public sealed record OpenBankAccount(string Bank, string AccountNumber, string HolderName, LocalDate OpenedOn);
