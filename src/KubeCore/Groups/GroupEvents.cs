using KubeCore.Common;
using NodaTime;

namespace KubeCore.Groups;

/// <summary>Something that happened to a group: a past-tense record raised only on a real change.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The date it happened.</param>
public abstract record GroupEvent(GroupId GroupId, LocalDate OccurredOn);

/// <summary>The group was proposed by its founding members (GRP-02).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The proposal date.</param>
/// <param name="FoundingMembers">The number of founding members.</param>
/// <param name="InitialMeetingOn">The scheduled date of the initial meeting.</param>
public sealed record GroupProposed(GroupId GroupId, LocalDate OccurredOn, int FoundingMembers, LocalDate InitialMeetingOn) : GroupEvent(GroupId, OccurredOn);

/// <summary>Officers were elected (OFF-01..03).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The election date.</param>
/// <param name="Election">The election record.</param>
public sealed record OfficersElected(GroupId GroupId, LocalDate OccurredOn, OfficerElection Election) : GroupEvent(GroupId, OccurredOn);

/// <summary>The initial meeting (pertemuan awal) was held (GRP-02).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The meeting date.</param>
public sealed record InitialMeetingHeld(GroupId GroupId, LocalDate OccurredOn) : GroupEvent(GroupId, OccurredOn);

/// <summary>The group became Formed: officers elected and initial meeting held (GRP-06).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The date.</param>
public sealed record GroupFormed(GroupId GroupId, LocalDate OccurredOn) : GroupEvent(GroupId, OccurredOn);

/// <summary>Dinas Sosial verified the group (GRP-06).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The verification date.</param>
/// <param name="VerifierName">Who verified.</param>
/// <param name="Agency">For which agency.</param>
public sealed record GroupVerified(GroupId GroupId, LocalDate OccurredOn, string VerifierName, string Agency) : GroupEvent(GroupId, OccurredOn);

/// <summary>The group became Active (GRP-06).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The date.</param>
public sealed record GroupActivated(GroupId GroupId, LocalDate OccurredOn) : GroupEvent(GroupId, OccurredOn);

/// <summary>A member was admitted.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The first day of membership.</param>
/// <param name="PersonId">The new member.</param>
/// <param name="Members">The member count after admission.</param>
public sealed record MemberAdmitted(GroupId GroupId, LocalDate OccurredOn, PersonId PersonId, int Members) : GroupEvent(GroupId, OccurredOn);

/// <summary>A member left the group.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The day the person stopped being a member.</param>
/// <param name="PersonId">The former member.</param>
/// <param name="Members">The member count after the departure.</param>
public sealed record MemberLeft(GroupId GroupId, LocalDate OccurredOn, PersonId PersonId, int Members) : GroupEvent(GroupId, OccurredOn);

/// <summary>An office became vacant because its holder left (OFF-04); it must be refilled before money moves.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The date.</param>
/// <param name="Role">The vacant office.</param>
/// <param name="FormerHolder">Who held it.</param>
public sealed record OfficeVacated(GroupId GroupId, LocalDate OccurredOn, OfficerRole Role, PersonId FormerHolder) : GroupEvent(GroupId, OccurredOn);

/// <summary>The group fell below its profile minimum and is under strength (GRP-05).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The date it fell under strength.</param>
/// <param name="Members">The member count.</param>
/// <param name="MinMembers">The profile minimum.</param>
/// <param name="Deadline">The last day of the grace period (inclusive).</param>
public sealed record GroupFellUnderStrength(GroupId GroupId, LocalDate OccurredOn, int Members, int MinMembers, LocalDate Deadline) : GroupEvent(GroupId, OccurredOn);

/// <summary>The group is back at its profile minimum and leaves UnderStrength (GRP-05).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The date.</param>
/// <param name="RestoredTo">The status it returned to (the one it had before falling under strength).</param>
public sealed record GroupStrengthRestored(GroupId GroupId, LocalDate OccurredOn, GroupStatus RestoredTo) : GroupEvent(GroupId, OccurredOn);

/// <summary>The group opened its bank account (GRP-07).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The opening date.</param>
/// <param name="Account">The account.</param>
public sealed record BankAccountOpened(GroupId GroupId, LocalDate OccurredOn, GroupBankAccount Account) : GroupEvent(GroupId, OccurredOn);

/// <summary>The group was dissolved (GRP-06). Final.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The dissolution date.</param>
/// <param name="Reason">Why.</param>
public sealed record GroupDissolved(GroupId GroupId, LocalDate OccurredOn, DissolutionReason Reason) : GroupEvent(GroupId, OccurredOn);

/// <summary>The group moved to another version of its program profile; operations from <paramref name="OccurredOn"/> on are judged by it.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="OccurredOn">The first day the new profile governs the group.</param>
/// <param name="PreviousProfileId">The profile in force before.</param>
/// <param name="ProfileId">The profile adopted.</param>
public sealed record ProfileAdopted(GroupId GroupId, LocalDate OccurredOn, string PreviousProfileId, string ProfileId) : GroupEvent(GroupId, OccurredOn);
