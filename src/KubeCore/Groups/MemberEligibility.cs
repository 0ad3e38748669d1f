using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Groups;

/// <summary>
/// What a group needs to know about a (candidate) member: the person as on the KTP, their household
/// (Kartu Keluarga, desa of residence) and the household's poverty evidence.
/// </summary>
public sealed record MemberDossier
{
    /// <summary>Creates a dossier.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The person does not belong to the household (<see cref="Person.HouseholdId"/> differs from <see cref="Household.Id"/>).</exception>
    public MemberDossier(Person person, Household household, PovertyEvidence evidence)
    {
        Person = Preconditions.CheckNotNull(person);
        Household = Preconditions.CheckNotNull(household);
        Evidence = Preconditions.CheckNotNull(evidence);
        Preconditions.CheckArgument(person.HouseholdId == household.Id, nameof(household), "The person does not belong to this household.");
    }

    /// <summary>The person.</summary>
    public Person Person { get; }

    /// <summary>The person's household.</summary>
    public Household Household { get; }

    /// <summary>The household's poverty evidence (MEM-01).</summary>
    public PovertyEvidence Evidence { get; }
}

/// <summary>
/// Member eligibility MEM-01..05 as a pure evaluator: one <see cref="RuleCheck"/> per rule, with the
/// profile parameters used, as of a date.
/// </summary>
/// <remarks>
/// <para>Conventions where the sources are silent:</para>
/// <list type="bullet">
/// <item>Evidence dated after the as-of date (a registry entry ranked, or a PRA exercise held, later) is not
/// yet known on that date and does not count (MEM01_REGISTRY_AFTER_AS_OF / MEM01_PRA_AFTER_AS_OF), so a
/// decision re-run for a past date gives the answer that was right on that date.</item>
/// <item>A registry decile is current while <see cref="RegistryEntry.IsStaleOn"/> is false under
/// <c>Poverty.DecileValidity</c> (POV-03): ranked on D, it still counts on D + validity and is stale the day after.</item>
/// <item>MEM-03 ages are whole years on the as-of date, both bounds inclusive. Where the profile requires
/// marriage, a second MEM-03 check reads <see cref="Person.MaritalStatus"/>: married, divorced or widowed
/// meets it, never married is refused (MEM03_NOT_MARRIED), not recorded is refused with its own code
/// (MEM03_MARITAL_STATUS_UNKNOWN); elsewhere marital status is ignored.</item>
/// <item>MEM-06: a person whose NIK disagrees with their stated sex or birth date is recorded with one
/// <see cref="CheckOutcome.Warning"/> per disagreeing part (<see cref="Person.NikWarnings"/>); the warning
/// never rejects.</item>
/// <item>MEM-05 (share of women) is a property of a group, not of a person: a single person's decision
/// records it as <see cref="CheckOutcome.NotApplicable"/>; the <see cref="Group"/> checks it at proposal,
/// admission and verification.</item>
/// </list>
/// </remarks>
public static class MemberEligibility
{
    /// <summary>
    /// Decides whether <paramref name="person"/> may be a member under <paramref name="profile"/> on
    /// <paramref name="asOf"/>: MEM-01 poverty evidence by <c>Membership.PovertyEvidence</c>, MEM-02 head or
    /// main earner, MEM-03 age, MEM-04 employment exclusions, MEM-05 not applicable to one person. A rule the
    /// profile does not set is recorded as not applicable.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The person does not belong to the household.</exception>
    public static Decision Evaluate(Person person, Household household, PovertyEvidence evidence, ProgramProfile profile, LocalDate asOf) =>
        Evaluate(new MemberDossier(person, household, evidence), profile, asOf);

    /// <summary>The same decision for a <see cref="MemberDossier"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Decision Evaluate(MemberDossier dossier, ProgramProfile profile, LocalDate asOf)
    {
        Preconditions.CheckNotNull(dossier);
        Preconditions.CheckNotNull(profile);
        var builder = new DecisionBuilder($"Membership eligibility of person {dossier.Person.Id}", profile, asOf);
        AddChecks(builder, dossier, profile, asOf);
        builder.NotApplicable(RuleIds.Mem05, ("Membership.MinWomenShare", profile.Membership.MinWomenShare), ("Scope", "group"));
        return builder.Build();
    }

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>
    /// The number of checks <see cref="AddChecks(DecisionBuilder, MemberDossier, ProgramProfile, LocalDate)"/> adds per
    /// person under <paramref name="profile"/>: MEM-01..04, and a second MEM-03 check where marriage is required (MEM-06
    /// warnings, rare, add more; the builder grows).
    /// </summary>
    internal static int ChecksPerPerson(ProgramProfile profile) => profile.Membership.RequiresMarriage ? 5 : 4;

    /// <summary>The most parameter values those checks record per person: 5 + 2 + 4 + 3, and 3 for the marriage check.</summary>
    internal static int MaxParametersPerPerson(ProgramProfile profile) => profile.Membership.RequiresMarriage ? 17 : 14;

    /// <summary>Adds the MEM-01..04 checks of one person to a decision under construction.</summary>
    internal static void AddChecks(DecisionBuilder builder, MemberDossier dossier, ProgramProfile profile, LocalDate asOf)
    {
        var values = new ProfileValues(profile);
        AddChecks(builder, dossier, profile, asOf, ref values);
    }

    /// <summary>
    /// The same, with the profile's parameter values boxed once by the caller, for a decision that checks many
    /// persons under one profile (a group's formation or verification); <paramref name="values"/> must be of
    /// <paramref name="profile"/>.
    /// </summary>
    internal static void AddChecks(DecisionBuilder builder, MemberDossier dossier, ProgramProfile profile, LocalDate asOf, ref ProfileValues values)
    {
        var person = dossier.Person;
        var membership = profile.Membership;
        var personId = person.BoxedId; // boxed once per person, for every check that records it

        builder.Check(RuleIds.Mem01, CheckPovertyEvidence(dossier, profile, asOf, ref values),
            ("PersonId", personId), ("HouseholdId", dossier.Household.BoxedId),
            ("Membership.PovertyEvidence", values.PovertyEvidence),
            ("Poverty.MaxEligibleDecile", values.MaxEligibleDecile),
            ("Poverty.DecileValidity", values.DecileValidity));

        if (membership.RequiresHeadOrMainEarner)
        {
            builder.Check(RuleIds.Mem02,
                person.Role is HouseholdRole.Head or HouseholdRole.MainEarner ? null : RuleViolation.Of(RuleIds.Mem02, GroupErrors.NotHeadOrMainEarner, Who(person), ("Role", person.Role)),
                ("PersonId", personId), ("Membership.RequiresHeadOrMainEarner", BoxedTrue));
        }
        else
        {
            builder.NotApplicable(RuleIds.Mem02, ("PersonId", personId), ("Membership.RequiresHeadOrMainEarner", BoxedFalse));
        }

        if (membership.MinAge is null && membership.MaxAge is null)
        {
            builder.NotApplicable(RuleIds.Mem03, ("PersonId", personId));
        }
        else
        {
            var age = person.AgeOn(asOf);
            RuleViolation? violation = null;
            if (membership.MinAge is { } min && age < min)
            {
                violation = RuleViolation.Of(RuleIds.Mem03, GroupErrors.TooYoung, Who(person), ("Age", age), ("AsOf", asOf), ("MinAge", min));
            }
            else if (membership.MaxAge is { } max && age > max)
            {
                violation = RuleViolation.Of(RuleIds.Mem03, GroupErrors.TooOld, Who(person), ("Age", age), ("AsOf", asOf), ("MaxAge", max));
            }
            builder.Check(RuleIds.Mem03, violation, ("PersonId", personId), ("Age", DecisionBoxes.Int(age)), ("Membership.MinAge", values.MinAge), ("Membership.MaxAge", values.MaxAge));
        }

        if (membership.RequiresMarriage)
        {
            builder.Check(RuleIds.Mem03, CheckMarriage(person), ("PersonId", personId), ("MaritalStatus", person.MaritalStatus is { } status ? DecisionBoxes.Enum(status) : null), ("Membership.RequiresMarriage", BoxedTrue));
        }

        if (person.NikDisagreement != NikDisagreement.None)
        {
            var warnings = person.NikWarnings;
            for (var i = 0; i < warnings.Count; i++)
            {
                builder.Warn(warnings[i], ("PersonId", personId), ("NikDisagreement", person.NikDisagreement));
            }
        }

        if (membership.ExcludedEmployment == EmploymentExclusions.None)
        {
            builder.NotApplicable(RuleIds.Mem04, ("PersonId", personId), ("Membership.ExcludedEmployment", values.ExcludedEmployment));
        }
        else
        {
            var excluded = (ExclusionOf(person.Employment) & membership.ExcludedEmployment) != EmploymentExclusions.None;
            builder.Check(RuleIds.Mem04,
                excluded ? RuleViolation.Of(RuleIds.Mem04, GroupErrors.ExcludedEmployment, Who(person), ("Employment", person.Employment), ("Excluded", membership.ExcludedEmployment)) : null,
                ("PersonId", personId), ("Employment", DecisionBoxes.Enum(person.Employment)), ("Membership.ExcludedEmployment", values.ExcludedEmployment));
        }
    }

    /// <summary>MEM-01 alone: null when the household's evidence is accepted by the profile's rule on <paramref name="asOf"/>.</summary>
    private static RuleViolation? CheckPovertyEvidence(MemberDossier dossier, ProgramProfile profile, LocalDate asOf, ref ProfileValues values)
    {
        var household = dossier.Household.Id;
        var evidence = dossier.Evidence;
        return profile.Membership.PovertyEvidence switch
        {
            PovertyEvidenceRule.RegistryDecile => CheckRegistry(household, evidence.Registry, profile, asOf, ref values),
            PovertyEvidenceRule.RegistryDecileOrPra =>
                CheckRegistry(household, evidence.Registry, profile, asOf, ref values) is null || IsPraPoor(evidence.Pra, asOf)
                    ? null
                    : RuleViolation.Of(RuleIds.Mem01, GroupErrors.NeitherRegistryNorPra, ("HouseholdId", household), ("MaxDecile", profile.Poverty.MaxEligibleDecile)),
            PovertyEvidenceRule.PraConfirmedByRegistry => CheckPraConfirmed(household, evidence.Pra, asOf),
            PovertyEvidenceRule.Ps2List => evidence.OnPs2List ? null : RuleViolation.Of(RuleIds.Mem01, GroupErrors.NotOnPs2List, ("HouseholdId", household)),
            _ => throw new ArgumentException($"Unknown poverty evidence rule {profile.Membership.PovertyEvidence}.", nameof(profile)),
        };
    }

    /// <summary>MEM-03 marriage: null when the person is or has been married.</summary>
    internal static RuleViolation? CheckMarriage(Person person) => person.MaritalStatus switch
    {
        MaritalStatus.Married or MaritalStatus.Divorced or MaritalStatus.Widowed => null,
        MaritalStatus.Unmarried => RuleViolation.Of(RuleIds.Mem03, GroupErrors.NotMarried, Who(person)),
        _ => RuleViolation.Of(RuleIds.Mem03, GroupErrors.MaritalStatusUnknown, Who(person)),
    };

    /// <summary>MEM-05: null when <paramref name="women"/> of <paramref name="members"/> meet the profile's least share of women (or it sets none).</summary>
    internal static RuleViolation? CheckWomenShare(ProgramProfile profile, int women, int members) =>
        profile.Membership.MinWomenShare is not { } share || share.IsMetBy(women, members)
            ? null
            : RuleViolation.Of(RuleIds.Mem05, GroupErrors.TooFewWomen, ("Women", women), ("Members", members), ("MinShare", share));

    internal static (string Name, object? Value) Who(Person person) => ("Person", person.ToString());

    private static RuleViolation? CheckRegistry(HouseholdId household, RegistryEntry? entry, ProgramProfile profile, LocalDate asOf, ref ProfileValues values)
    {
        if (entry is null)
        {
            return RuleViolation.Of(RuleIds.Mem01, GroupErrors.NotInRegistry, ("HouseholdId", household));
        }
        if (entry.RankedOn > asOf)
        {
            return RuleViolation.Of(RuleIds.Mem01, GroupErrors.RegistryAfterAsOf, ("HouseholdId", household), ("RankedOn", entry.RankedOn), ("AsOf", asOf));
        }
        if (values.IsStale(entry, asOf))
        {
            return RuleViolation.Of(RuleIds.Mem01, GroupErrors.DecileStale, ("HouseholdId", household), ("Decile", entry.Decile), ("RankedOn", entry.RankedOn), ("Validity", profile.Poverty.DecileValidity), ("AsOf", asOf));
        }
        if (entry.Decile > profile.Poverty.MaxEligibleDecile)
        {
            return RuleViolation.Of(RuleIds.Mem01, GroupErrors.DecileAboveMax, ("HouseholdId", household), ("Decile", entry.Decile), ("MaxDecile", profile.Poverty.MaxEligibleDecile));
        }
        return null;
    }

    private static bool IsPraPoor(PraRanking? pra, LocalDate asOf) => pra is not null && pra.HeldOn <= asOf && pra.IsPoor;

    private static RuleViolation? CheckPraConfirmed(HouseholdId household, PraRanking? pra, LocalDate asOf)
    {
        if (pra is null)
        {
            return RuleViolation.Of(RuleIds.Mem01, GroupErrors.NoPraRanking, ("HouseholdId", household));
        }
        if (pra.HeldOn > asOf)
        {
            return RuleViolation.Of(RuleIds.Mem01, GroupErrors.PraAfterAsOf, ("HouseholdId", household), ("HeldOn", pra.HeldOn), ("AsOf", asOf));
        }
        if (!pra.IsPoor)
        {
            return RuleViolation.Of(RuleIds.Mem01, GroupErrors.PraNotPoor, ("HouseholdId", household), ("Category", pra.Category));
        }
        if (!pra.ConfirmedByRegistry)
        {
            return RuleViolation.Of(RuleIds.Mem01, GroupErrors.PraNotConfirmed, ("HouseholdId", household));
        }
        return null;
    }

    private static EmploymentExclusions ExclusionOf(Employment employment) => employment switch
    {
        Employment.CivilServant => EmploymentExclusions.CivilServant,
        Employment.Military => EmploymentExclusions.Military,
        Employment.Police => EmploymentExclusions.Police,
        Employment.Pensioner => EmploymentExclusions.Pensioner,
        _ => EmploymentExclusions.None,
    };

    /// <summary>
    /// The profile's MEM-01..04 parameter values, boxed once (boxes are immutable, so checks may share them), and the
    /// last POV-03 staleness judged with them: founders ranked in the same registry update share a ranking date, and
    /// <see cref="RegistryEntry.IsStaleOn"/> (a period added to a date) is then computed once for all of them.
    /// </summary>
    internal struct ProfileValues(ProgramProfile profile)
    {
        private readonly Period _decileValidity = profile.Poverty.DecileValidity;
        private LocalDate _lastRankedOn;
        private LocalDate _lastAsOf;
        private bool _lastStale;
        private bool _hasLast;

        internal readonly object? PovertyEvidence = DecisionBoxes.Enum(profile.Membership.PovertyEvidence);
        internal readonly object? MaxEligibleDecile = DecisionBoxes.Int(profile.Poverty.MaxEligibleDecile);
        internal readonly object? DecileValidity = profile.Poverty.DecileValidity;
        internal readonly object? MinAge = DecisionBoxes.Int(profile.Membership.MinAge);
        internal readonly object? MaxAge = DecisionBoxes.Int(profile.Membership.MaxAge);
        internal readonly object? ExcludedEmployment = DecisionBoxes.Enum(profile.Membership.ExcludedEmployment);

        /// <summary><see cref="RegistryEntry.IsStaleOn"/> under the profile's <c>Poverty.DecileValidity</c>, remembered for the last ranking date and as-of date.</summary>
        internal bool IsStale(RegistryEntry entry, LocalDate asOf)
        {
            if (!_hasLast || entry.RankedOn != _lastRankedOn || asOf != _lastAsOf)
            {
                _lastStale = entry.IsStaleOn(asOf, _decileValidity);
                _lastRankedOn = entry.RankedOn;
                _lastAsOf = asOf;
                _hasLast = true;
            }
            return _lastStale;
        }
    }
}
