using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Groups;

/// <summary>
/// A group as plain data, for the host's own database (<see cref="Group.ToState"/>, <see cref="Group.Restore(GroupState, ProfileResolver)"/>).
/// A storage contract: every member is documented, the profile is named by id, personal numbers are digits.
/// </summary>
/// <param name="Format">The format version; <see cref="CurrentFormat"/> when written by this version.</param>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name as stored (normalised when proposed).</param>
/// <param name="Desa">The group's seat (a desa/kelurahan code).</param>
/// <param name="ProposedOn">The proposal date.</param>
/// <param name="InitialMeetingScheduledOn">The date the initial meeting was scheduled for at proposal.</param>
/// <param name="Profiles">The profile history: the profile at proposal (from the proposal date) then every adoption, in order (<see cref="Group.ProfileHistory"/>).</param>
/// <param name="Status">The lifecycle status.</param>
/// <param name="StatusBeforeUnderStrength">The status an under-strength group returns to when restored; null unless <paramref name="Status"/> is UnderStrength.</param>
/// <param name="LastChangedOn">The date of the group's last recorded change: no later operation may be dated before it.</param>
/// <param name="InitialMeetingHeldOn">The date the initial meeting was held, or null.</param>
/// <param name="FormedOn">The date the group became Formed, or null.</param>
/// <param name="Verification">The verification by Dinas Sosial, or null.</param>
/// <param name="ActivatedOn">The activation date, or null.</param>
/// <param name="UnderStrengthSince">The date the group fell under strength, or null when it is not under strength.</param>
/// <param name="UnderStrengthDeadline">The last day of the grace period, or null when it is not under strength.</param>
/// <param name="BankAccount">The group's bank account, or null.</param>
/// <param name="Dissolution">The dissolution, or null while the group exists.</param>
/// <param name="Members">Every membership period, current and past, in the order they began.</param>
/// <param name="Consents">The founding members' consents.</param>
/// <param name="Officers">The offices currently filled, in the order ketua, sekretaris, bendahara (a vacant office is absent).</param>
/// <param name="Elections">Every officer election, in order.</param>
public sealed record GroupState(
    int Format,
    GroupId Id,
    string Name,
    RegionCode Desa,
    LocalDate ProposedOn,
    LocalDate InitialMeetingScheduledOn,
    IReadOnlyList<GroupProfilePeriod> Profiles,
    GroupStatus Status,
    GroupStatus? StatusBeforeUnderStrength,
    LocalDate LastChangedOn,
    LocalDate? InitialMeetingHeldOn,
    LocalDate? FormedOn,
    GroupVerification? Verification,
    LocalDate? ActivatedOn,
    LocalDate? UnderStrengthSince,
    LocalDate? UnderStrengthDeadline,
    GroupBankAccount? BankAccount,
    Dissolution? Dissolution,
    IReadOnlyList<GroupMemberState> Members,
    IReadOnlyList<MemberConsent> Consents,
    IReadOnlyList<OfficerAssignment> Officers,
    IReadOnlyList<OfficerElection> Elections)
{
    /// <summary>The format this version writes and reads.</summary>
    public const int CurrentFormat = 1;
}

/// <summary>A period of a group under one program profile: from <paramref name="From"/> until the next period begins.</summary>
/// <param name="ProfileId">The profile's id (<c>Code@Version</c>).</param>
/// <param name="From">The first day the profile governs the group (the proposal date, or the adoption date).</param>
public sealed record GroupProfilePeriod(string ProfileId, LocalDate From);

/// <summary>A membership period as plain data (<see cref="GroupMember"/>); the NIK and family card as digits.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Name">The name as on the KTP.</param>
/// <param name="Nik">The NIK's 16 digits (personal data: the host protects it at rest).</param>
/// <param name="Sex">The stated sex.</param>
/// <param name="HouseholdId">The household.</param>
/// <param name="FamilyCard">The Kartu Keluarga's 16 digits (personal data).</param>
/// <param name="Desa">The household's desa/kelurahan when the person joined.</param>
/// <param name="JoinedOn">The first day of membership.</param>
/// <param name="LeftOn">The day the person left, or null while a member.</param>
public sealed record GroupMemberState(PersonId PersonId, string Name, string Nik, Sex Sex, HouseholdId HouseholdId, string FamilyCard, RegionCode Desa, LocalDate JoinedOn, LocalDate? LeftOn)
{
    /// <summary>The membership period as plain data.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="member"/> is null.</exception>
    public static GroupMemberState Of(GroupMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.PersonId, member.Name, member.Nik.Reveal(), member.Sex, member.HouseholdId, member.FamilyCard.Reveal(), member.Desa, member.JoinedOn, member.LeftOn);
    }

    /// <summary>The membership period back, or <see cref="StateErrors.Broken"/> naming <paramref name="part"/>.</summary>
    internal GroupMember ToMember(string part)
    {
        StateRestoreException.Check(PersonId != default, nameof(Group), part + ".PersonId", "the person id is empty");
        StateRestoreException.Check(!string.IsNullOrWhiteSpace(Name), nameof(Group), part + ".Name", "the name is blank");
        StateRestoreException.Check(Common.Nik.TryParse(Nik, out var nik, out _), nameof(Group), part + ".Nik", "not a NIK");
        StateRestoreException.Check(FamilyCardNumber.TryParse(FamilyCard, out var card, out _), nameof(Group), part + ".FamilyCard", "not a family-card number");
        StateRestoreException.Check(Enum.IsDefined(Sex), nameof(Group), part + ".Sex", "unknown sex");
        StateRestoreException.Check(Desa.Level == RegionLevel.Village, nameof(Group), part + ".Desa", "not a desa/kelurahan code");
        StateRestoreException.Check(LeftOn is null || LeftOn >= JoinedOn, nameof(Group), part + ".LeftOn", "the member left before joining");
        return new GroupMember(PersonId, Name, nik, Sex, HouseholdId, card, Desa, JoinedOn, LeftOn);
    }
}
