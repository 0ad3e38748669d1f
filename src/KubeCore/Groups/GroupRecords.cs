using System.Text.Json.Serialization;
using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Groups;

/// <summary>A founding member's consent to form the group (GRP-02: formation by the members' own agreement).</summary>
/// <param name="PersonId">The founding member who consented.</param>
/// <param name="GivenOn">The date of the consent, on or before the proposal date.</param>
public sealed record MemberConsent(PersonId PersonId, LocalDate GivenOn);

/// <summary>
/// One membership period of a person in a group, with the facts the group's own rules need (household
/// seat GRP-03, residence GRP-04, sex for MEM-05, name for GRP-07). A person who leaves and later rejoins
/// has two records.
/// </summary>
/// <param name="PersonId">The person.</param>
/// <param name="Name">The name as on the KTP.</param>
/// <param name="Nik">The NIK (masked when shown; PRIV-01).</param>
/// <param name="Sex">The stated sex.</param>
/// <param name="HouseholdId">The household.</param>
/// <param name="FamilyCard">The household's Kartu Keluarga: the seat of GRP-03.</param>
/// <param name="Desa">The household's desa/kelurahan when the person joined.</param>
/// <param name="JoinedOn">The first day of membership.</param>
/// <param name="LeftOn">The day the person left (no longer a member from that day), or null while a member.</param>
public sealed record GroupMember(PersonId PersonId, string Name, Nik Nik, Sex Sex, HouseholdId HouseholdId, FamilyCardNumber FamilyCard, RegionCode Desa, LocalDate JoinedOn, LocalDate? LeftOn)
{
    /// <summary>True while the person is a member (has not left).</summary>
    public bool IsCurrent => LeftOn is null;

    /// <summary>The name and masked NIK, as <see cref="Households.Person.ToString"/> shows a person.</summary>
    public override string ToString() => $"{Name} ({Nik})";

    internal static GroupMember From(MemberDossier dossier, LocalDate joinedOn) => new(
        dossier.Person.Id, dossier.Person.Name, dossier.Person.Nik, dossier.Person.Sex,
        dossier.Household.Id, dossier.Household.FamilyCard, dossier.Household.Desa, joinedOn, null);
}

/// <summary>An office and the person elected to it (OFF-02).</summary>
/// <param name="Role">The office.</param>
/// <param name="PersonId">The member elected.</param>
public sealed record OfficerAssignment(OfficerRole Role, PersonId PersonId);

/// <summary>
/// The record of an officer election (OFF-03): the slate, the date and who decided, so an auditor can see
/// the officers were chosen by the members (musyawarah).
/// </summary>
/// <param name="ElectedOn">The election date.</param>
/// <param name="Officers">The slate: one member per office.</param>
/// <param name="DecidedBy">The members who took the decision (present at the meeting, or listed as deciding).</param>
/// <param name="MeetingId">The meeting whose decision it was, or null when the deciding members were listed directly.</param>
/// <param name="MemberCount">The number of members when the decision was taken.</param>
public sealed record OfficerElection(LocalDate ElectedOn, IReadOnlyList<OfficerAssignment> Officers, IReadOnlyList<PersonId> DecidedBy, MeetingId? MeetingId, int MemberCount);

/// <summary>The verification of a group by Dinas Sosial (GRP-06: membership and administration).</summary>
/// <param name="VerifierName">The name of the officer who verified.</param>
/// <param name="Agency">The agency, e.g. <c>Dinas Sosial Kota Palangka Raya</c>.</param>
/// <param name="VerifiedOn">The verification date.</param>
/// <param name="Decision">The decision as recorded when it was made: every rule re-checked (GRP-01, GRP-03, GRP-04, MEM-01..05, OFF-04) with its parameters.</param>
public sealed record GroupVerification(string VerifierName, string Agency, LocalDate VerifiedOn, DecisionSnapshot Decision);

/// <summary>The group's bank account (GRP-07): held in the group's name; aid is a group asset, never a member's.</summary>
/// <param name="Bank">The bank, e.g. <c>BRI</c>.</param>
/// <param name="AccountNumber">The account number, 5 to 20 digits.</param>
/// <param name="HolderName">The holder's name as the bank records it: the group's name.</param>
/// <param name="OpenedOn">The date the account was opened.</param>
public sealed record GroupBankAccount(string Bank, string AccountNumber, string HolderName, LocalDate OpenedOn);

/// <summary>Why a group was dissolved.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DissolutionReason>))]
public enum DissolutionReason
{
    /// <summary>The members decided to disband.</summary>
    MembersDecision = 1,

    /// <summary>Dinas Sosial (or the program's agency) dissolved the group.</summary>
    AgencyDecision = 2,

    /// <summary>GRP-05: the group stayed under strength past its grace period.</summary>
    GracePeriodExpired = 3,
}

/// <summary>The dissolution of a group: final (GRP-06).</summary>
/// <param name="DissolvedOn">The date of dissolution.</param>
/// <param name="Reason">Why.</param>
public sealed record Dissolution(LocalDate DissolvedOn, DissolutionReason Reason);
