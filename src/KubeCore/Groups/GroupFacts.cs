using System.Text.Json.Serialization;
using KubeCore.Common;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Groups;

/// <summary>
/// A change a group operation made, after its rules passed, as plain data (<see cref="Group.TakeChanges"/>): a stored
/// state plus the facts taken after it restore the group (<see cref="Group.Restore(GroupState, IEnumerable{GroupFact}, ProfileResolver)"/>)
/// without judging any rule again. Each fact carries the outcome its operation decided (e.g. whether formation completed),
/// so applying it never depends on the rules or profiles of a later version.
/// </summary>
/// <param name="On">The date of the change.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(OfficersElectedFact), "officers-elected")]
[JsonDerivedType(typeof(InitialMeetingHeldFact), "initial-meeting-held")]
[JsonDerivedType(typeof(GroupVerifiedFact), "verified")]
[JsonDerivedType(typeof(GroupActivatedFact), "activated")]
[JsonDerivedType(typeof(MemberAdmittedFact), "member-admitted")]
[JsonDerivedType(typeof(MemberLeftFact), "member-left")]
[JsonDerivedType(typeof(GroupDissolvedFact), "dissolved")]
[JsonDerivedType(typeof(BankAccountOpenedFact), "bank-account-opened")]
[JsonDerivedType(typeof(ProfileAdoptedFact), "profile-adopted")]
public abstract record GroupFact(LocalDate On);

/// <summary>Officers were elected (<see cref="Group.ElectOfficers"/>); they replace the current officers.</summary>
/// <param name="On">The election date.</param>
/// <param name="Election">The election record (its slate becomes the officers).</param>
/// <param name="CompletesFormation">True when the election completed formation (the group became Formed).</param>
public sealed record OfficersElectedFact(LocalDate On, OfficerElection Election, bool CompletesFormation) : GroupFact(On);

/// <summary>The initial meeting was held (<see cref="Group.HoldInitialMeeting"/>).</summary>
/// <param name="On">The meeting date.</param>
/// <param name="CompletesFormation">True when the meeting completed formation (the group became Formed).</param>
public sealed record InitialMeetingHeldFact(LocalDate On, bool CompletesFormation) : GroupFact(On);

/// <summary>Dinas Sosial verified the group (<see cref="Group.Verify"/>).</summary>
/// <param name="On">The verification date.</param>
/// <param name="Verification">The verification with its recorded decision.</param>
public sealed record GroupVerifiedFact(LocalDate On, GroupVerification Verification) : GroupFact(On);

/// <summary>The group was activated (<see cref="Group.Activate"/>).</summary>
/// <param name="On">The activation date.</param>
public sealed record GroupActivatedFact(LocalDate On) : GroupFact(On);

/// <summary>A member was admitted (<see cref="Group.AdmitMember"/>).</summary>
/// <param name="On">The first day of membership.</param>
/// <param name="Member">The new membership period.</param>
/// <param name="RestoresStrength">True when the admission took an under-strength group back to the status it had (GRP-05).</param>
public sealed record MemberAdmittedFact(LocalDate On, GroupMemberState Member, bool RestoresStrength) : GroupFact(On);

/// <summary>A member left (<see cref="Group.RemoveMember"/>); every office the member held becomes vacant.</summary>
/// <param name="On">The day the person stopped being a member.</param>
/// <param name="PersonId">The former member.</param>
/// <param name="UnderStrengthDeadline">When the departure put the group under strength (GRP-05), the last day of its grace period; otherwise null.</param>
public sealed record MemberLeftFact(LocalDate On, PersonId PersonId, LocalDate? UnderStrengthDeadline) : GroupFact(On);

/// <summary>The group was dissolved (<see cref="Group.Dissolve"/>, <see cref="Group.MarkGraceExpired"/>).</summary>
/// <param name="On">The dissolution date.</param>
/// <param name="Reason">Why.</param>
public sealed record GroupDissolvedFact(LocalDate On, DissolutionReason Reason) : GroupFact(On);

/// <summary>The group opened its bank account (<see cref="Group.OpenBankAccount"/>).</summary>
/// <param name="On">The opening date.</param>
/// <param name="Account">The account.</param>
public sealed record BankAccountOpenedFact(LocalDate On, GroupBankAccount Account) : GroupFact(On);

/// <summary>The group moved to another version of its program profile (<see cref="Group.AdoptProfile"/>).</summary>
/// <param name="On">The first day the new profile governs the group.</param>
/// <param name="PreviousProfileId">The profile in force before.</param>
/// <param name="ProfileId">The profile adopted.</param>
public sealed record ProfileAdoptedFact(LocalDate On, string PreviousProfileId, string ProfileId) : GroupFact(On);
