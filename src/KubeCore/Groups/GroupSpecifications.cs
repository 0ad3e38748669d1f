using Ardalis.Specification;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Groups;

/// <summary>Groups in the <see cref="GroupStatus.UnderStrength"/> state (GRP-05): loans and aid blocked.</summary>
public sealed class GroupsUnderStrength : Specification<Group>
{
    /// <summary>Creates the specification.</summary>
    public GroupsUnderStrength() => Query.Where(g => g.Status == GroupStatus.UnderStrength);
}

/// <summary>
/// Under-strength groups whose grace period has expired as of a date (GRP-05): the deadline (inclusive) is
/// before the date, so the group can only be dissolved (<see cref="Group.MarkGraceExpired"/>).
/// </summary>
public sealed class GroupsWithExpiredGrace : Specification<Group>
{
    /// <summary>Creates the specification for <paramref name="asOf"/>.</summary>
    public GroupsWithExpiredGrace(LocalDate asOf) =>
        Query.Where(g => g.Status == GroupStatus.UnderStrength && g.UnderStrengthDeadline < asOf);
}

/// <summary>
/// A flat view of a household's poverty evidence, for queries (a read model a database can index):
/// the registry decile and its ranking date, the PRA result and the PS2 flag.
/// </summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="Desa">The desa/kelurahan of residence.</param>
/// <param name="Decile">The DTKS/DTSEN decile, or null when not in the registry.</param>
/// <param name="RankedOn">The date of the decile, or null.</param>
/// <param name="PraHeldOn">The date of the PRA wealth ranking, or null when not ranked.</param>
/// <param name="PraPoor">True when the PRA ranked the household poor or poorer.</param>
/// <param name="PraConfirmedByRegistry">True when the PRA-03 match confirmed the household poor in the registry too.</param>
/// <param name="OnPs2List">True when on the BKM's PS2 list.</param>
public sealed record HouseholdPovertyView(
    HouseholdId HouseholdId,
    RegionCode Desa,
    int? Decile,
    LocalDate? RankedOn,
    LocalDate? PraHeldOn,
    bool PraPoor,
    bool PraConfirmedByRegistry,
    bool OnPs2List)
{
    /// <summary>The view of a household and its evidence.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static HouseholdPovertyView From(Household household, PovertyEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(evidence);
        return new HouseholdPovertyView(
            household.Id, household.Desa, evidence.Registry?.Decile, evidence.Registry?.RankedOn,
            evidence.Pra?.HeldOn, evidence.Pra?.IsPoor ?? false, evidence.Pra?.ConfirmedByRegistry ?? false, evidence.OnPs2List);
    }
}

/// <summary>
/// Households whose poverty evidence a profile accepts on a date (MEM-01), over <see cref="HouseholdPovertyView"/>:
/// the same answer as the MEM-01 check of <see cref="MemberEligibility"/>, as an expression a LINQ provider can
/// translate. Registry rules use the earliest ranking date that is still current on the date (POV-03), computed
/// exactly from <c>Poverty.DecileValidity</c>; evidence dated after the date does not count.
/// </summary>
public sealed class EligibleHouseholds : Specification<HouseholdPovertyView>
{
    /// <summary>Creates the specification for <paramref name="profile"/> on <paramref name="asOf"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public EligibleHouseholds(ProgramProfile profile, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var maxDecile = profile.Poverty.MaxEligibleDecile;
        LocalDate? earliest = EarliestCurrentRanking(asOf, profile.Poverty.DecileValidity);
        LocalDate? latest = asOf;
        switch (profile.Membership.PovertyEvidence)
        {
            case PovertyEvidenceRule.RegistryDecile:
                Query.Where(v => v.Decile <= maxDecile && v.RankedOn >= earliest && v.RankedOn <= latest);
                break;
            case PovertyEvidenceRule.RegistryDecileOrPra:
                Query.Where(v => (v.Decile <= maxDecile && v.RankedOn >= earliest && v.RankedOn <= latest) || (v.PraPoor && v.PraHeldOn <= latest));
                break;
            case PovertyEvidenceRule.PraConfirmedByRegistry:
                Query.Where(v => v.PraPoor && v.PraConfirmedByRegistry && v.PraHeldOn <= latest);
                break;
            case PovertyEvidenceRule.Ps2List:
                Query.Where(v => v.OnPs2List);
                break;
            default:
                throw new ArgumentException($"Unknown poverty evidence rule {profile.Membership.PovertyEvidence}.", nameof(profile));
        }
    }

    /// <summary>The earliest ranking date r with r + validity ≥ asOf, i.e. not stale on asOf (month ends handled exactly).</summary>
    private static LocalDate EarliestCurrentRanking(LocalDate asOf, Period validity)
    {
        var candidate = asOf.Minus(validity);
        while (candidate.PlusDays(-1).Plus(validity) >= asOf)
        {
            candidate = candidate.PlusDays(-1);
        }
        while (candidate.Plus(validity) < asOf)
        {
            candidate = candidate.PlusDays(1);
        }
        return candidate;
    }
}
