using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Groups;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Aid;

/// <summary>A candidate group for development aid (BLPS), with the facts AID-02 and the ranking read.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Status">Its lifecycle status.</param>
/// <param name="ActiveSince">The date it became active (start of its age for AID-02).</param>
/// <param name="Stage">Its development stage (STG-01): the first key of the ranking, never a gate.</param>
/// <param name="MemberSavings">The total of its members' savings on the selection date.</param>
public sealed record DevelopmentAidCandidate(GroupId GroupId, GroupStatus Status, LocalDate ActiveSince, GroupStage Stage, Rupiah MemberSavings);

/// <summary>One candidate's place in a development-aid selection.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Eligibility">The AID-02 eligibility decision.</param>
/// <param name="Rank">1-based rank among eligible candidates; null when ineligible.</param>
/// <param name="Selected">True when the candidate received a slot.</param>
public sealed record RankedCandidate(DevelopmentAidCandidate Candidate, Decision Eligibility, int? Rank, bool Selected);

/// <summary>The outcome of selecting N of M candidates for development aid (seed 002: 10 of 30).</summary>
public sealed class DevelopmentAidSelection
{
    internal DevelopmentAidSelection(int slots, LocalDate asOf, string profileId, IReadOnlyList<RankedCandidate> candidates)
    {
        Slots = slots;
        AsOf = asOf;
        ProfileId = profileId;
        Candidates = candidates;
    }

    /// <summary>The number of slots offered.</summary>
    public int Slots { get; }

    /// <summary>The selection date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The profile whose AID-02 parameter (the minimum group age) was applied.</summary>
    public string ProfileId { get; }

    /// <summary>Every candidate: eligible ones in rank order, then ineligible ones in input order.</summary>
    public IReadOnlyList<RankedCandidate> Candidates { get; }

    /// <summary>The selected groups, in rank order.</summary>
    public IReadOnlyList<GroupId> Selected => Candidates.Where(c => c.Selected).Select(c => c.Candidate.GroupId).ToList();
}

/// <summary>
/// Development aid (BLPS) eligibility and selection (AID-02): an active group is eligible once it has been active
/// at least <c>Aid.DevelopmentAidMinGroupAge</c> (2 years under <c>KubeBlps</c>: "telah berjalan minimal 2 tahun");
/// N of M eligible candidates are chosen by a stated ranking.
/// </summary>
/// <remarks>
/// <para><b>The stage is not a gate</b> (corrected 2026-12-06): BLPS is "ditujukan untuk KUBE tumbuh" (seed 002), so
/// a group at stage Tumbuh is eligible; productive (Berkembang, Maju) groups come first in the ranking instead.</para>
/// <para><b>Age.</b> A group active since day D is old enough from D plus the minimum age (calendar arithmetic, so a
/// group active since 2009-06-02 is eligible on 2011-06-02 and refused on 2011-06-01).</para>
/// <para><b>The ranking</b> (no source states one; this is KubeCore's, stated so that a selection can be
/// reproduced and contested): eligible candidates ordered by (1) stage, higher first (Maju, Berkembang, Tumbuh:
/// the source's priority for productive groups); (2) date active since, earlier first (longer track record);
/// (3) member savings, higher first; (4) group id, ascending, as a deterministic tie-break. The first
/// <c>slots</c> are selected.</para>
/// </remarks>
public static class DevelopmentAid
{
    /// <summary>
    /// Whether one candidate may receive development aid on <paramref name="asOf"/> (AID-02): it is active (GRP-06) and
    /// has been active at least the profile's minimum age. Its stage is not checked (it only ranks, see <see cref="Select"/>).
    /// </summary>
    public static Decision CheckEligibility(DevelopmentAidCandidate candidate, ProgramProfile profile, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(profile);
        var aid = profile.Aid;
        var builder = new DecisionBuilder("Development aid eligibility", profile, asOf);
        builder.Check(RuleIds.Grp06, candidate.Status == GroupStatus.Active,
            () => GroupStandingRules.NotActive(candidate.GroupId, candidate.Status),
            ("Status", candidate.Status));
        if (aid.DevelopmentAidMinGroupAge is { } minAge)
        {
            var oldEnough = candidate.ActiveSince.Plus(minAge) <= asOf;
            builder.Check(RuleIds.Aid02, oldEnough,
                () => RuleViolation.Of(RuleIds.Aid02, AidErrors.GroupTooYoung, ("ActiveSince", candidate.ActiveSince), ("MinAge", minAge)),
                ("Aid.DevelopmentAidMinGroupAge", minAge), ("ActiveSince", candidate.ActiveSince));
        }
        else
        {
            builder.NotApplicable(RuleIds.Aid02, ("Aid.DevelopmentAidMinGroupAge", null));
        }
        return builder.Build();
    }

    /// <summary>Selects up to <paramref name="slots"/> eligible candidates by the stated ranking.</summary>
    /// <exception cref="ArgumentException">A group appears twice, or <paramref name="slots"/> is negative.</exception>
    public static DevelopmentAidSelection Select(IEnumerable<DevelopmentAidCandidate> candidates, int slots, ProgramProfile profile, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(profile);
        Preconditions.CheckArgumentRange(slots, 0, int.MaxValue);
        var list = candidates.ToList();
        Preconditions.CheckArgument(list.Select(c => c.GroupId).Distinct().Count() == list.Count, nameof(candidates), "A group may be a candidate only once.");
        var assessed = list.Select(c => (Candidate: c, Decision: CheckEligibility(c, profile, asOf))).ToList();
        var eligible = assessed.Where(a => a.Decision.IsApproved)
            .OrderByDescending(a => a.Candidate.Stage)
            .ThenBy(a => a.Candidate.ActiveSince)
            .ThenByDescending(a => a.Candidate.MemberSavings)
            .ThenBy(a => a.Candidate.GroupId)
            .Select((a, i) => new RankedCandidate(a.Candidate, a.Decision, i + 1, i < slots));
        var ineligible = assessed.Where(a => !a.Decision.IsApproved).Select(a => new RankedCandidate(a.Candidate, a.Decision, null, false));
        return new DevelopmentAidSelection(slots, asOf, profile.Id, eligible.Concat(ineligible).ToList());
    }
}
