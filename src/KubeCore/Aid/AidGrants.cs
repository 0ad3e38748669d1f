using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Aid;

/// <summary>
/// The aid grant a profile gives a group (AID-01): the amount in force on a date, and the decision whether
/// a group may receive it now. Crediting the grant to the group's account (never to a member, GRP-07) is a
/// ledger entry made by the caller once this decision approves.
/// </summary>
public static class AidGrants
{
    /// <summary>The grant in force under <paramref name="profile"/> on <paramref name="date"/>, or null when the program gives none then.</summary>
    public static Rupiah? AmountOn(ProgramProfile profile, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Aid.GrantOn(date)?.Amount;
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
    public static Decision Decide(IGroupStanding group, string groupName, string? accountHolderName, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(group);
        Preconditions.CheckNotBlank(groupName);
        var profile = group.Profile;
        var grant = profile.Aid.GrantOn(date);
        var builder = new DecisionBuilder("Aid grant", profile, date)
            .Check(RuleIds.Aid01, grant is not null, () => RuleViolation.Of(RuleIds.Aid01, AidErrors.NoGrantInForce, ("ProfileId", profile.Id), ("Date", date)),
                ("Aid.GrantSchedule", grant?.Amount), ("Source", grant?.Source));
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
