using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using NodaTime;

namespace KubeCore.Rules.Parameters;

/// <summary>Parameters of group size, seats and member eligibility (GRP-01, GRP-03..05, MEM-01..05).</summary>
public sealed record MembershipParameters
{
    /// <summary>GRP-01: the fewest members a group may have, inclusive.</summary>
    public required int MinMembers { get; init; }

    /// <summary>GRP-01: the most members a group may have, inclusive; null for no upper bound.</summary>
    public required int? MaxMembers { get; init; }

    /// <summary>GRP-03: members per household (Kartu Keluarga). Default 1.</summary>
    public int MembersPerHousehold { get; init; } = 1;

    /// <summary>GRP-04: how close together members must live.</summary>
    public required ResidenceScope ResidenceScope { get; init; }

    /// <summary>GRP-05: how long a group may stay under strength before it must be restored or dissolved. Default 90 days.</summary>
    public Period UnderStrengthGracePeriod { get; init; } = Period.FromDays(90);

    /// <summary>MEM-01: which evidence of poverty is accepted.</summary>
    public required PovertyEvidenceRule PovertyEvidence { get; init; }

    /// <summary>MEM-02: true when each member must be the head of household or its main earner.</summary>
    public required bool RequiresHeadOrMainEarner { get; init; }

    /// <summary>MEM-03: the youngest age in whole years, inclusive; null for no lower bound.</summary>
    public required int? MinAge { get; init; }

    /// <summary>MEM-03: the oldest age in whole years, inclusive; null for no upper bound.</summary>
    public required int? MaxAge { get; init; }

    /// <summary>
    /// MEM-03: true when each member must be married (sudah menikah). Default false. Met by a person who is or
    /// has been married (kawin, cerai hidup, cerai mati: "sudah menikah" read as the KTP's "sudah atau pernah
    /// kawin", so a widowed head of household stays eligible; KubeCore's stated reading). A person never
    /// married is refused (MEM03_NOT_MARRIED); one whose status was not recorded is refused with its own code
    /// (MEM03_MARITAL_STATUS_UNKNOWN) until it is.
    /// </summary>
    public bool RequiresMarriage { get; init; }

    /// <summary>MEM-04: kinds of employment that exclude a person.</summary>
    public required EmploymentExclusions ExcludedEmployment { get; init; }

    /// <summary>MEM-05: the least share of women among members; null when the profile sets none.</summary>
    public required Rate? MinWomenShare { get; init; }

    /// <summary>
    /// MEM-07: the longest name of a group proposed under the profile, in Unicode code points after NFC
    /// normalisation and trimming. Default <see cref="ReadableName.DefaultMaxLength"/> (100, a design choice: the
    /// longest names in the seeds are under 40 characters). Persons and pendamping registered outside any profile use
    /// the same default.
    /// </summary>
    public int MaxNameLength { get; init; } = ReadableName.DefaultMaxLength;

    internal void Validate()
    {
        Preconditions.CheckArgument(MinMembers >= 1, nameof(MinMembers), "A group needs at least one member.");
        Preconditions.CheckArgument(MaxMembers is null || MaxMembers >= MinMembers, nameof(MaxMembers), "MaxMembers must be at least MinMembers.");
        Preconditions.CheckArgument(MembersPerHousehold >= 1, nameof(MembersPerHousehold), "At least one member per household must be allowed.");
        Preconditions.CheckArgument(UnderStrengthGracePeriod is not null && !UnderStrengthGracePeriod.HasTimeComponent, nameof(UnderStrengthGracePeriod), "The grace period is a date period.");
        Preconditions.CheckArgument(MinAge is null or >= 0 && MaxAge is null or >= 0, nameof(MinAge), "Ages must not be negative.");
        Preconditions.CheckArgument(MinAge is null || MaxAge is null || MinAge <= MaxAge, nameof(MaxAge), "MaxAge must be at least MinAge.");
        Preconditions.CheckArgument(MinWomenShare is null || MinWomenShare.Value <= Rate.Whole, nameof(MinWomenShare), "A share cannot exceed 100 %.");
        Preconditions.CheckArgument(MaxNameLength >= 1, nameof(MaxNameLength), "A name must be allowed at least one character.");
    }
}

/// <summary>Parameters of the officers (OFF-01..05).</summary>
public sealed record OfficerParameters
{
    /// <summary>OFF-02: one person holds at most one office. Default true (our governance rule).</summary>
    public bool OnePersonOneOffice { get; init; } = true;

    /// <summary>OFF-05: the bendahara may not approve their own loan. Default true (design choice).</summary>
    public bool SegregateTreasurerLoans { get; init; } = true;

    internal void Validate()
    {
    }
}
