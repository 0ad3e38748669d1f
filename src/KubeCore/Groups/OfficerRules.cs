using KubeCore.Common;
using KubeCore.Rules;

namespace KubeCore.Groups;

/// <summary>Pure checks on officers that other areas make (OFF-05 for loan approval).</summary>
public static class OfficerRules
{
    /// <summary>
    /// OFF-05 segregation of duties: null when <paramref name="approver"/> may approve the loan of
    /// <paramref name="borrower"/>; <see cref="GroupErrors.BendaharaApprovesOwnLoan"/> when, under a profile with
    /// <c>Officers.SegregateTreasurerLoans</c> (default true), the approver is the group's current bendahara and
    /// is also the borrower. Other officers approving their own loan are not OFF-05's concern (the loans area
    /// decides who may approve at all).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    public static RuleViolation? CheckMayApproveLoan(IGroupStanding group, PersonId approver, PersonId borrower)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!group.Profile.Officers.SegregateTreasurerLoans || approver != borrower)
        {
            return null;
        }
        return group.OfficerHolding(OfficerRole.Bendahara) == approver
            ? RuleViolation.Of(RuleIds.Off05, GroupErrors.BendaharaApprovesOwnLoan, ("GroupId", group.Id), ("PersonId", approver))
            : null;
    }
}
