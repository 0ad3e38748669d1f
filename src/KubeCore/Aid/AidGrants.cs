using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Aid;

/// <summary>
/// The aid grant a profile gives a group (AID-01): the amount on a date, and the decision whether a group may
/// receive it now. Crediting the grant to the group's account (never to a member, GRP-07) is a ledger entry made
/// by the caller once this decision approves.
/// </summary>
/// <remarks>
/// <para><b>Per group or per member household.</b> The profile's <c>Aid.GrantSchedule</c> says which: KUBE under
/// <c>KubePermensos2019</c> get Rp 2.000.000 × member households (5 KK → Rp 10.000.000, 10 → Rp 20.000.000, 20 →
/// Rp 40.000.000; Mensos 2016 and 2020); BLPS under <c>KubeBlps</c> gives Rp 30.000.000 per group whatever its size.</para>
/// <para><b>Members on the decision date.</b> A member counts on date D when they joined on or before D and had not
/// left by D: a member admitted on D counts; a member who left before D, or on D (a member is no longer one from the
/// day they leave, <see cref="Group.RemoveMember"/>), does not. Households are counted once each (GRP-03 allows one
/// member per household). The product is checked: it never wraps around.</para>
/// </remarks>
public static class AidGrants
{
    /// <summary>
    /// The grant under <paramref name="profile"/> on <paramref name="date"/> to a group with
    /// <paramref name="memberHouseholds"/> member households, or null when the program gives none then.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="memberHouseholds"/> is negative.</exception>
    /// <exception cref="OverflowException">The grant leaves the range of <see cref="Rupiah"/>.</exception>
    public static Rupiah? AmountOn(ProgramProfile profile, LocalDate date, int memberHouseholds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Preconditions.CheckArgumentRange(memberHouseholds, 0, int.MaxValue);
        return profile.Aid.GrantOn(date)?.For(memberHouseholds);
    }

    /// <summary>The grant <paramref name="group"/> is due on <paramref name="date"/>, from its member households on that date; null when its profile gives none then.</summary>
    /// <exception cref="OverflowException">The grant leaves the range of <see cref="Rupiah"/>.</exception>
    public static Rupiah? AmountFor(Group group, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(group);
        return AmountOn(group.Profile, date, MemberHouseholdsOn(group.Members, date));
    }

    /// <summary>
    /// The number of distinct households of the members on <paramref name="date"/>: joined on or before it and not
    /// left on or before it (see the remarks of <see cref="AidGrants"/>).
    /// </summary>
    public static int MemberHouseholdsOn(IEnumerable<GroupMember> members, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members.Where(m => IsMemberOn(m, date)).Select(m => m.HouseholdId).Distinct().Count();
    }

    /// <summary>True when <paramref name="member"/> is a member on <paramref name="date"/>: joined on or before it, not left on or before it.</summary>
    internal static bool IsMemberOn(GroupMember member, LocalDate date) =>
        member.JoinedOn <= date && (member.LeftOn is not { } left || left > date);

    /// <summary>
    /// Decides whether <paramref name="group"/> may receive its grant on <paramref name="date"/>, as
    /// <see cref="Decide(IGroupStanding, string, string?, LocalDate)"/> with the group's own name and account, and
    /// records the member households on the date and the grant they give (AID-01).
    /// </summary>
    /// <exception cref="OverflowException">The grant leaves the range of <see cref="Rupiah"/>.</exception>
    public static Decision Decide(Group group, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(group);
        var households = MemberHouseholdsOn(group.Members, date);
        return Decide(group, group.Name, group.BankAccount?.HolderName, date, households);
    }

    /// <summary>
    /// Decides whether <paramref name="group"/> may receive its grant on <paramref name="date"/>: the profile has a
    /// grant in force (AID-01), the group is active with a bendahara in office (GRP-05, GRP-06, OFF-04), and the
    /// receiving bank account is held in the group's own name (GRP-07).
    /// </summary>
    /// <param name="group">The group's standing.</param>
    /// <param name="groupName">The group's registered name.</param>
    /// <param name="accountHolderName">The holder name of the account the grant would go to; null when the group has no account.</param>
    /// <param name="date">The disbursement date.</param>
    public static Decision Decide(IGroupStanding group, string groupName, string? accountHolderName, LocalDate date) =>
        Decide(group, groupName, accountHolderName, date, null);

    private static Decision Decide(IGroupStanding group, string groupName, string? accountHolderName, LocalDate date, int? memberHouseholds)
    {
        ArgumentNullException.ThrowIfNull(group);
        Preconditions.CheckNotBlank(groupName);
        var profile = group.Profile;
        var grant = profile.Aid.GrantOn(date);
        var builder = new DecisionBuilder("Aid grant", profile, date);
        var noGrant = () => RuleViolation.Of(RuleIds.Aid01, AidErrors.NoGrantInForce, ("ProfileId", profile.Id), ("Date", date));
        if (memberHouseholds is { } households)
        {
            builder.Check(RuleIds.Aid01, grant is not null, noGrant,
                ("Aid.GrantSchedule", grant?.ToString()), ("Source", grant?.Source), ("MemberHouseholds", households), ("Grant", grant?.For(households)));
        }
        else
        {
            builder.Check(RuleIds.Aid01, grant is not null, noGrant, ("Aid.GrantSchedule", grant?.ToString()), ("Source", grant?.Source));
        }
        var standing = GroupStandingRules.CheckMayMoveMoney(group);
        builder.Check(standing?.RuleId ?? RuleIds.Grp06, standing, ("Status", group.Status));
        var heldByGroup = accountHolderName is not null && SameName(accountHolderName, groupName);
        builder.Check(RuleIds.Grp07, heldByGroup,
            () => accountHolderName is null
                ? RuleViolation.Of(RuleIds.Grp07, AidErrors.NoGroupAccount, ("GroupName", groupName))
                : RuleViolation.Of(RuleIds.Grp07, AidErrors.AccountNotInGroupName, ("GroupName", groupName), ("HolderName", accountHolderName)),
            ("GroupName", groupName));
        return builder.Build();
    }

    /// <summary>Account holder names compare ignoring case and runs of white space.</summary>
    internal static bool SameName(string left, string right) =>
        string.Equals(Normalise(left), Normalise(right), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
