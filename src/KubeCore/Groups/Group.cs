using System.Runtime.InteropServices;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Meetings;
using KubeCore.Rules;
using NodaTime;

namespace KubeCore.Groups;

/// <summary>
/// A community group (KUB, KUBE or KSM): its members with join and leave dates, officers, formation
/// record, verification, bank account and lifecycle (GRP-01..07, MEM-01..05, OFF-01..04).
/// </summary>
/// <remarks>
/// <para>Lifecycle (GRP-06): <see cref="Propose"/> → <see cref="GroupStatus.Proposed"/>; once officers are
/// elected (<see cref="ElectOfficers"/>) and the initial meeting held (<see cref="HoldInitialMeeting"/>), in
/// either order → <see cref="GroupStatus.Formed"/>; <see cref="Verify"/> by Dinas Sosial →
/// <see cref="GroupStatus.Verified"/>; <see cref="Activate"/> → <see cref="GroupStatus.Active"/>; a departure
/// below the minimum → <see cref="GroupStatus.UnderStrength"/> and an admission back to it → the status it
/// came from; <see cref="Dissolve"/> or <see cref="MarkGraceExpired"/> → <see cref="GroupStatus.Dissolved"/> (final).</para>
/// <para>Every behaviour method validates everything first and either changes the group and raises
/// past-tense <see cref="Events"/>, or throws a <see cref="RuleViolationException"/> carrying every violation and
/// leaves the group exactly as it was. Programmer errors (null, inconsistent input) throw <see cref="ArgumentException"/>.</para>
/// <para>Conventions where the sources are silent:</para>
/// <list type="bullet">
/// <item>Dates never go backwards: every dated operation must be on or after the date of the group's last
/// recorded change (GRP06_DATE_BEFORE_LAST_CHANGE), so the history reads in order.</item>
/// <item>GRP-01 is checked at proposal, when formation completes (Proposed → Formed), at verification and on
/// every admission (maximum). A proposed group may lose founders below the minimum; it cannot become Formed
/// until it is back at the minimum.</item>
/// <item>GRP-05 applies to every formed group (Formed, Verified, Active): falling below the minimum makes it
/// UnderStrength with deadline = departure date + <c>Membership.UnderStrengthGracePeriod</c> (inclusive);
/// further departures do not move the deadline; an admission that restores the minimum on or before the
/// deadline returns the group to the status it had; after the deadline it can only be dissolved.</item>
/// <item>GRP-03 counts seats per Kartu Keluarga number, so the same family card registered twice is one household.</item>
/// <item>MEM-05 refuses an admission that leaves the share of women below the minimum, unless the new member
/// is a woman (which only raises the share); a departure is never refused, but verification re-checks the share.</item>
/// <item>A bank account can be opened once the group is Formed (its officers sign for it) and before it is dissolved.</item>
/// </list>
/// </remarks>
public sealed class Group : IGroupStanding
{
    private static readonly OfficerRole[] Offices = [OfficerRole.Ketua, OfficerRole.Sekretaris, OfficerRole.Bendahara];

    // The most members whose per-decision flags live on the stack (a group has at most a few dozen).
    private const int MaxStackMembers = 256;

    private readonly List<GroupMember> _members;
    private readonly List<MemberConsent> _consents;
    private readonly List<OfficerElection> _elections = [];
    private readonly Dictionary<OfficerRole, PersonId> _officers = [];
    private readonly List<GroupEvent> _events = [];
    private readonly List<(ProgramProfile Profile, LocalDate From)> _profiles;
    private readonly List<GroupFact> _changes = [];
    private GroupStatus _statusBeforeUnderStrength;
    private LocalDate _lastChangedOn;

    private Group(ProposeGroup command, string name, List<GroupMember> founders)
    {
        Id = command.GroupId;
        Profile = command.Profile;
        _profiles = [(command.Profile, command.ProposedOn)];
        Name = name;
        Desa = command.Desa;
        ProposedOn = command.ProposedOn;
        InitialMeetingScheduledOn = command.InitialMeetingOn;
        Status = GroupStatus.Proposed;
        _members = founders;
        _consents = [.. command.Consents];
        _lastChangedOn = command.ProposedOn;
        Raise(new GroupProposed(Id, ProposedOn, founders.Count, InitialMeetingScheduledOn));
    }

    // Restore: fields straight from a state whose structure was checked; no rule is judged.
    private Group(GroupState state, List<(ProgramProfile Profile, LocalDate From)> profiles, List<GroupMember> members)
    {
        Id = state.Id;
        _profiles = profiles;
        Profile = profiles[^1].Profile;
        Name = state.Name;
        Desa = state.Desa;
        ProposedOn = state.ProposedOn;
        InitialMeetingScheduledOn = state.InitialMeetingScheduledOn;
        Status = state.Status;
        _statusBeforeUnderStrength = state.StatusBeforeUnderStrength ?? default;
        _lastChangedOn = state.LastChangedOn;
        InitialMeetingHeldOn = state.InitialMeetingHeldOn;
        FormedOn = state.FormedOn;
        Verification = state.Verification;
        ActivatedOn = state.ActivatedOn;
        UnderStrengthSince = state.UnderStrengthSince;
        UnderStrengthDeadline = state.UnderStrengthDeadline;
        BankAccount = state.BankAccount;
        Dissolution = state.Dissolution;
        _members = members;
        _consents = [.. state.Consents];
        _elections = [.. state.Elections];
        foreach (var officer in state.Officers)
        {
            _officers[officer.Role] = officer.PersonId;
        }
    }

    /// <summary>The group's id.</summary>
    public GroupId Id { get; }

    /// <summary>The profile that governs the group now: the one it was proposed under, or the last one adopted (<see cref="AdoptProfile"/>).</summary>
    public ProgramProfile Profile { get; private set; }

    /// <summary>The profile history: the profile at proposal (from the proposal date), then every adoption, in order.</summary>
    public IReadOnlyList<GroupProfilePeriod> ProfileHistory => _profiles.Select(p => new GroupProfilePeriod(p.Profile.Id, p.From)).ToArray();

    /// <summary>The kind of group (the profile's kind).</summary>
    public GroupKind Kind => Profile.Kind;

    /// <summary>The group's name; its bank account is held in this name (GRP-07).</summary>
    public string Name { get; }

    /// <summary>The group's seat: a desa/kelurahan (village-level) code.</summary>
    public RegionCode Desa { get; }

    /// <summary>The kecamatan of the group's seat.</summary>
    public RegionCode Kecamatan => Desa.AtLevel(RegionLevel.District);

    /// <summary>The lifecycle status (GRP-06).</summary>
    public GroupStatus Status { get; private set; }

    /// <summary>The proposal date.</summary>
    public LocalDate ProposedOn { get; }

    /// <summary>The date the initial meeting (pertemuan awal) was scheduled for at proposal (GRP-02).</summary>
    public LocalDate InitialMeetingScheduledOn { get; }

    /// <summary>The date the initial meeting was held, or null before it is.</summary>
    public LocalDate? InitialMeetingHeldOn { get; private set; }

    /// <summary>The date the group became Formed, or null before.</summary>
    public LocalDate? FormedOn { get; private set; }

    /// <summary>The verification by Dinas Sosial, or null before it.</summary>
    public GroupVerification? Verification { get; private set; }

    /// <summary>The date the group was activated, or null before.</summary>
    public LocalDate? ActivatedOn { get; private set; }

    /// <summary>The date the group fell under strength (GRP-05), or null when it is not under strength.</summary>
    public LocalDate? UnderStrengthSince { get; private set; }

    /// <summary>The last day (inclusive) of the grace period of an under-strength group, or null when it is not under strength.</summary>
    public LocalDate? UnderStrengthDeadline { get; private set; }

    /// <summary>The group's bank account (GRP-07), or null before one is opened.</summary>
    public GroupBankAccount? BankAccount { get; private set; }

    /// <summary>The dissolution, or null while the group exists.</summary>
    public Dissolution? Dissolution { get; private set; }

    /// <summary>Every membership period, current and past, in the order they began.</summary>
    public IReadOnlyList<GroupMember> Members => _members.AsReadOnly();

    /// <summary>The current members, in the order they joined.</summary>
    public IReadOnlyCollection<PersonId> CurrentMembers => _members.Where(m => m.IsCurrent).Select(m => m.PersonId).ToArray();

    /// <summary>The number of current members.</summary>
    public int MemberCount => _members.Count(m => m.IsCurrent);

    /// <summary>The founding members' consents (GRP-02).</summary>
    public IReadOnlyList<MemberConsent> Consents => _consents.AsReadOnly();

    /// <summary>The offices currently filled, by role (a vacant office is absent; OFF-04).</summary>
    public IReadOnlyDictionary<OfficerRole, PersonId> Officers => _officers.AsReadOnly();

    /// <summary>Every officer election, in order (OFF-03).</summary>
    public IReadOnlyList<OfficerElection> Elections => _elections.AsReadOnly();

    /// <summary>
    /// Every event this instance raised, in order: past-tense records of real changes (since the proposal, or since the
    /// restore, including the events of the facts a restore applied). Events are not stored: facts are (<see cref="TakeChanges"/>).
    /// </summary>
    public IReadOnlyList<GroupEvent> Events => _events.AsReadOnly();

    /// <summary>
    /// The profile that governed the group on <paramref name="date"/>, for other aggregates judging an operation of that
    /// date: the last profile period beginning on or before it (the profile at proposal for a date before the proposal).
    /// </summary>
    public ProgramProfile ProfileOn(LocalDate date)
    {
        for (var i = _profiles.Count - 1; i > 0; i--)
        {
            if (_profiles[i].From <= date)
            {
                return _profiles[i].Profile;
            }
        }
        return _profiles[0].Profile;
    }

    /// <inheritdoc />
    public PersonId? OfficerHolding(OfficerRole role) => _officers.TryGetValue(role, out var person) ? person : null;

    /// <summary>
    /// Decides whether a group may be proposed: GRP-01 size, GRP-02 consents and initial-meeting date,
    /// GRP-03 one seat per household (and no person twice), GRP-04 residence per <c>Membership.ResidenceScope</c>,
    /// MEM-01..04 for every founding member as of the proposal date, MEM-05 share of women, MEM-07 the group's name (a
    /// blank one is <see cref="CommonErrors.NameEmpty"/>). Every check is recorded, so every violation is reported together.
    /// </summary>
    /// <exception cref="ArgumentNullException">The command, its profile, name or a list (or an element) is null.</exception>
    /// <exception cref="ArgumentException">The seat is not a desa/kelurahan code or the group id is the default.</exception>
    public static Decision EvaluateProposal(ProposeGroup command) => Evaluate(command, judgeName: true);

    // The proposal's decision; MEM-07 judges the name of a new proposal only (a stored one is replayed without it).
    private static Decision Evaluate(ProposeGroup command, bool judgeName)
    {
        CheckShape(command);
        var profile = command.Profile;
        var founders = Span(command.FoundingMembers);
        var builder = new DecisionBuilder("Formation of group ", command.GroupId, profile, command.ProposedOn,
            checks: 6 + (MemberEligibility.ChecksPerPerson(profile) * founders.Length), parameters: 10 + (MemberEligibility.MaxParametersPerPerson(profile) * founders.Length));
        var seats = founders.Length <= MaxStackMembers ? stackalloc Seat[founders.Length] : new Seat[founders.Length];
        SeatsOf(founders, seats);
        var first = founders.Length <= MaxStackMembers ? stackalloc bool[founders.Length] : new bool[founders.Length];
        MarkFirstOfPerson(seats, first);

        AddSizeCheck(builder, profile, founders.Length);
        AddAll(builder, RuleIds.Grp02, ConsentViolations(command, founders, first), ("Consents", DecisionBoxes.Int(command.Consents.Count)), ("InitialMeetingOn", command.InitialMeetingOn));
        AddSeatChecks(builder, profile, seats, first, command.FoundingMembers);
        AddResidenceChecks(builder, profile, command.Desa, founders);
        var eligibility = new MemberEligibility.ProfileValues(profile);
        for (var i = 0; i < founders.Length; i++)
        {
            if (first[i])
            {
                MemberEligibility.AddChecks(builder, founders[i], profile, command.ProposedOn, ref eligibility);
            }
        }
        AddWomenShareCheck(builder, profile, seats, first);
        if (judgeName)
        {
            builder.Check(RuleIds.Mem07, ReadableName.Check(command.Name, profile.Membership.MaxNameLength, out _),
                ("Membership.MaxNameLength", DecisionBoxes.Int(profile.Membership.MaxNameLength)));
        }
        return builder.Build();
    }

    /// <summary>
    /// Proposes a group (GRP-02, GRP-06 → <see cref="GroupStatus.Proposed"/>): records the founding members
    /// as members from the proposal date, their consents and the scheduled initial meeting.
    /// </summary>
    /// <remarks>The name is stored normalised (MEM-07: NFC, trimmed).</remarks>
    /// <exception cref="RuleViolationException">Every violation of <see cref="EvaluateProposal"/>, MEM-07 (the group's name) included.</exception>
    /// <exception cref="ArgumentNullException">The command, its profile, name or a list (or an element) is null.</exception>
    /// <exception cref="ArgumentException">The seat is not a desa/kelurahan code or the group id is the default.</exception>
    public static Group Propose(ProposeGroup command)
    {
        EvaluateProposal(command).ThrowIfRejected();
        _ = ReadableName.Check(command.Name, command.Profile.Membership.MaxNameLength, out var name);
        return new Group(command, name!, command.FoundingMembers.Select(d => GroupMember.From(d, command.ProposedOn)).ToList());
    }

    /// <summary>
    /// Elects the full slate of officers (OFF-01 current members, OFF-02 one per office and, when
    /// <c>Officers.OnePersonOneOffice</c>, one office per person, OFF-03 decided by a quorum of the current members
    /// per <c>Meetings.IsQuorum</c>, from a meeting decision of kind OfficerElection or a list of deciding members).
    /// Replaces the current officers, so it also refills offices vacated under OFF-04. When the initial meeting was
    /// already held, the election completes formation (→ Formed), which needs GRP-01.
    /// </summary>
    /// <remarks>
    /// The quorum is recomputed here, under this group's profile, from the deciders who are current members and the
    /// current member count; a meeting decision's own <c>HadQuorum</c> and <c>MemberCount</c> are not trusted. Every
    /// decider must be a current member (OFF03_DECIDER_NOT_A_MEMBER), and a meeting decision must be of kind
    /// OfficerElection, of this group and dated on the election date.
    /// </remarks>
    /// <exception cref="RuleViolationException">Every violation: the group is dissolved (GRP-06), the date precedes the last change (GRP-06), an OFF-01..03 rule is broken, or completing formation would break GRP-01.</exception>
    /// <exception cref="ArgumentNullException">The command, its slate or a meeting decision's list of present members is null.</exception>
    /// <exception cref="ArgumentException">A slate entry is null or names an undefined office.</exception>
    public void ElectOfficers(ElectOfficers command)
    {
        Preconditions.CheckNotNull(command);
        Preconditions.CheckNotNull(command.Officers);
        Preconditions.CheckArgument(command.Officers.All(o => o is not null), nameof(command), "The slate has a null entry.");
        var violations = new List<RuleViolation>();
        AddIfNotNull(violations, CheckNotDissolved(nameof(ElectOfficers)));
        AddIfNotNull(violations, CheckDate(command.ElectedOn));
        violations.AddRange(SlateViolations(command.Officers, Profile));
        var current = CurrentMembers.ToHashSet();
        foreach (var officer in command.Officers.Where(o => !current.Contains(o.PersonId)))
        {
            violations.Add(RuleViolation.Of(RuleIds.Off01, GroupErrors.OfficerNotAMember, ("Role", officer.Role), ("PersonId", officer.PersonId)));
        }
        var deciders = ElectionViolations(command, current, violations);
        var completesFormation = Status == GroupStatus.Proposed && InitialMeetingHeldOn is not null;
        if (completesFormation)
        {
            AddIfNotNull(violations, SizeViolation(Profile, current.Count));
        }
        ThrowIfAny(violations);

        var slate = Offices.Select(role => command.Officers.First(o => o.Role == role)).ToArray();
        var election = new OfficerElection(command.ElectedOn, slate, deciders, command.Decision?.MeetingId, current.Count);
        Record(new OfficersElectedFact(command.ElectedOn, election, completesFormation));
    }

    /// <summary>
    /// Records that the initial meeting (pertemuan awal) was held (GRP-02). When the officers are already
    /// elected, this completes formation (→ Formed), which needs GRP-01.
    /// </summary>
    /// <exception cref="RuleViolationException">The group is dissolved, the meeting was already held, the date precedes the proposal or the last change, or formation would break GRP-01.</exception>
    public void HoldInitialMeeting(LocalDate heldOn)
    {
        var violations = new List<RuleViolation>();
        AddIfNotNull(violations, CheckNotDissolved(nameof(HoldInitialMeeting)));
        if (violations.Count == 0 && InitialMeetingHeldOn is { } held)
        {
            violations.Add(RuleViolation.Of(RuleIds.Grp02, GroupErrors.InitialMeetingAlreadyHeld, ("GroupId", Id), ("HeldOn", held)));
        }
        AddIfNotNull(violations, CheckInitialMeetingDate(heldOn, ProposedOn));
        AddIfNotNull(violations, CheckDate(heldOn));
        var completesFormation = Status == GroupStatus.Proposed && Offices.All(_officers.ContainsKey);
        if (completesFormation)
        {
            AddIfNotNull(violations, SizeViolation(Profile, MemberCount));
        }
        ThrowIfAny(violations);
        Record(new InitialMeetingHeldFact(heldOn, completesFormation));
    }

    /// <summary>
    /// Decides whether Dinas Sosial may verify the group: GRP-06 (the group is Formed; the date is not before
    /// the last change), GRP-01 size, GRP-03 seats, GRP-04 residence and MEM-01..04 from the fresh dossiers as of
    /// the verification date, MEM-05 share of women, OFF-04 no vacant office.
    /// </summary>
    /// <remarks>
    /// GRP-06 also judges the record's texts: the verifier's name and the agency are not blank (white space, invisible
    /// characters or controls only: <see cref="GroupErrors.VerificationFieldRequired"/>) and at most
    /// <see cref="VerifyGroup.MaxVerifierNameLength"/> and <see cref="VerifyGroup.MaxAgencyLength"/> characters
    /// (<see cref="GroupErrors.VerificationTextTooLong"/>).
    /// </remarks>
    /// <exception cref="ArgumentNullException">The command, the list or an element is null.</exception>
    /// <exception cref="ArgumentException">The dossiers are not exactly one per current member.</exception>
    public Decision EvaluateVerification(VerifyGroup command)
    {
        Preconditions.CheckNotNull(command);
        Preconditions.CheckNotNull(command.Members);
        Preconditions.CheckArgument(command.Members.All(m => m is not null), nameof(command), "A dossier is null.");
        var dossierIds = command.Members.Select(m => m.Person.Id).ToList();
        Preconditions.CheckArgument(dossierIds.Count == dossierIds.Distinct().Count() && dossierIds.ToHashSet().SetEquals(CurrentMembers), nameof(command), "Give exactly one dossier per current member.");

        var builder = new DecisionBuilder($"Verification of group {Id}", Profile, command.VerifiedOn);
        builder.Check(RuleIds.Grp06, Status == GroupStatus.Formed ? null : Illegal(GroupStatus.Verified), ("From", Status), ("To", GroupStatus.Verified));
        builder.Check(RuleIds.Grp06, CheckDate(command.VerifiedOn), ("Date", command.VerifiedOn), ("LastChangedOn", _lastChangedOn));
        builder.Check(RuleIds.Grp06, CheckVerificationText(command.VerifierName, nameof(VerifyGroup.VerifierName), VerifyGroup.MaxVerifierNameLength),
            ("MaxLength", VerifyGroup.MaxVerifierNameLength));
        builder.Check(RuleIds.Grp06, CheckVerificationText(command.Agency, nameof(VerifyGroup.Agency), VerifyGroup.MaxAgencyLength),
            ("MaxLength", VerifyGroup.MaxAgencyLength));
        var members = Span(command.Members);
        var seats = members.Length <= MaxStackMembers ? stackalloc Seat[members.Length] : new Seat[members.Length];
        SeatsOf(members, seats);
        var first = members.Length <= MaxStackMembers ? stackalloc bool[members.Length] : new bool[members.Length];
        MarkFirstOfPerson(seats, first);
        AddSizeCheck(builder, Profile, members.Length);
        AddSeatChecks(builder, Profile, seats, first, command.Members);
        AddResidenceChecks(builder, Profile, Desa, members);
        var eligibility = new MemberEligibility.ProfileValues(Profile);
        for (var i = 0; i < members.Length; i++)
        {
            MemberEligibility.AddChecks(builder, members[i], Profile, command.VerifiedOn, ref eligibility);
        }
        // The dossiers are one per current member (checked above), so every dossier is a distinct person.
        AddWomenShareCheck(builder, Profile, seats, first);
        AddAll(builder, RuleIds.Off04,
            Offices.Where(role => !_officers.ContainsKey(role)).Select(role => GroupStandingRules.OfficeVacant(Id, role)).ToList(),
            ("Offices", _officers.Count));
        return builder.Build();
    }

    /// <summary>Records the verification by Dinas Sosial (GRP-06: Formed → Verified), keeping the decision as evidence.</summary>
    /// <exception cref="RuleViolationException">Every violation of <see cref="EvaluateVerification"/>.</exception>
    /// <exception cref="ArgumentNullException">The command, the list or an element is null.</exception>
    /// <exception cref="ArgumentException">The dossiers are not exactly one per current member.</exception>
    public void Verify(VerifyGroup command)
    {
        var decision = EvaluateVerification(command);
        decision.ThrowIfRejected();
        Record(new GroupVerifiedFact(command.VerifiedOn, new GroupVerification(command.VerifierName.Trim(), command.Agency.Trim(), command.VerifiedOn, DecisionSnapshot.Of(decision))));
    }

    /// <summary>Activates a verified group (GRP-06: Verified → Active).</summary>
    /// <exception cref="RuleViolationException">GRP-06: the group is not Verified, or the date precedes the last change.</exception>
    public void Activate(LocalDate activatedOn)
    {
        var violations = new List<RuleViolation>();
        if (Status != GroupStatus.Verified)
        {
            violations.Add(Illegal(GroupStatus.Active));
        }
        AddIfNotNull(violations, CheckDate(activatedOn));
        ThrowIfAny(violations);
        Record(new GroupActivatedFact(activatedOn));
    }

    /// <summary>
    /// Admits a member: GRP-01 maximum, GRP-03 seat and no person twice, GRP-04 residence, MEM-01..04 as of the
    /// joining date, MEM-05 share of women. Restores an under-strength group that reaches the minimum on or before
    /// its deadline (GRP-05) to the status it had.
    /// </summary>
    /// <exception cref="RuleViolationException">The group is dissolved or past its grace period, the date precedes the last change, or a rule is broken.</exception>
    /// <exception cref="ArgumentNullException">The command or its dossier is null.</exception>
    public void AdmitMember(AdmitMember command)
    {
        Preconditions.CheckNotNull(command);
        var dossier = Preconditions.CheckNotNull(command.Member);
        var violations = new List<RuleViolation>();
        AddIfNotNull(violations, CheckNotDissolved(nameof(AdmitMember)));
        AddIfNotNull(violations, CheckDate(command.JoinedOn));
        if (Status == GroupStatus.UnderStrength && UnderStrengthDeadline is { } deadline && command.JoinedOn > deadline)
        {
            violations.Add(RuleViolation.Of(RuleIds.Grp05, GroupErrors.GraceExpired, ("GroupId", Id), ("Deadline", deadline), ("AsOf", command.JoinedOn)));
        }
        var newcomer = GroupMember.From(dossier, command.JoinedOn);
        // The current members and the newcomer, counted by the same GRP-03 and MEM-05 loops as a proposal; only what
        // involves the newcomer (the last listing) is judged, so a group that broke a rule before is not refused for it here.
        var after = _members.Where(m => m.IsCurrent).Append(newcomer).ToList();
        var newcomerAt = after.Count - 1;
        var seats = after.Count <= MaxStackMembers ? stackalloc Seat[after.Count] : new Seat[after.Count];
        SeatsOf(after, seats);
        var first = after.Count <= MaxStackMembers ? stackalloc bool[after.Count] : new bool[after.Count];
        MarkFirstOfPerson(seats, first);
        violations.AddRange(PersonsListedTwice(seats, first, newcomerAt, after, DescribeMember) ?? []);
        AddIfNotNull(violations, TooManyMembers(Profile, after.Count));
        violations.AddRange(HouseholdSeatViolations(Profile, seats, first, newcomerAt, after, CardOfMember) ?? []);
        AddIfNotNull(violations, ResidenceViolation(Profile, Desa, newcomer));
        var eligibility = MemberEligibility.Evaluate(dossier, Profile, command.JoinedOn);
        violations.AddRange(eligibility.Violations);
        if (newcomer.Sex != Sex.Female)
        {
            var women = WomenAmong(seats, first, out var persons);
            AddIfNotNull(violations, MemberEligibility.CheckWomenShare(Profile, women, persons));
        }
        ThrowIfAny(violations);
        Record(new MemberAdmittedFact(command.JoinedOn, GroupMemberState.Of(newcomer), Status == GroupStatus.UnderStrength && after.Count >= Profile.Membership.MinMembers));
    }

    /// <summary>
    /// Records that a member left on <paramref name="leftOn"/> (no longer a member from that day). Every office
    /// the member held becomes vacant (OFF-04, <see cref="OfficeVacated"/>). A formed group (Formed, Verified,
    /// Active) that falls below the minimum becomes UnderStrength with a deadline (GRP-05); a departure is never
    /// refused for taking the group below the minimum.
    /// </summary>
    /// <exception cref="RuleViolationException">The group is dissolved, or the date precedes the last change.</exception>
    /// <exception cref="ArgumentException">The person is not a current member.</exception>
    public void RemoveMember(PersonId personId, LocalDate leftOn)
    {
        var violations = new List<RuleViolation>();
        AddIfNotNull(violations, CheckNotDissolved(nameof(RemoveMember)));
        ThrowIfAny(violations);
        var index = _members.FindIndex(m => m.IsCurrent && m.PersonId == personId);
        Preconditions.CheckArgument(index >= 0, nameof(personId), $"Person {personId} is not a current member of group {Id}.");
        AddIfNotNull(violations, CheckDate(leftOn));
        ThrowIfAny(violations);
        var fallsUnderStrength = (Status is GroupStatus.Formed or GroupStatus.Verified or GroupStatus.Active) && MemberCount - 1 < Profile.Membership.MinMembers;
        Record(new MemberLeftFact(leftOn, personId, fallsUnderStrength ? leftOn.Plus(Profile.Membership.UnderStrengthGracePeriod) : null));
    }

    /// <summary>Dissolves an under-strength group whose grace period ended before <paramref name="asOf"/> (GRP-05, GRP-06: UnderStrength → Dissolved).</summary>
    /// <exception cref="RuleViolationException">The group is not under strength (GRP-06), the deadline is not yet past (GRP-05), or the date precedes the last change.</exception>
    public void MarkGraceExpired(LocalDate asOf)
    {
        var violations = new List<RuleViolation>();
        if (Status != GroupStatus.UnderStrength)
        {
            violations.Add(NotAllowed(nameof(MarkGraceExpired)));
        }
        else if (asOf <= UnderStrengthDeadline!.Value)
        {
            violations.Add(RuleViolation.Of(RuleIds.Grp05, GroupErrors.GraceNotExpired, ("GroupId", Id), ("Deadline", UnderStrengthDeadline.Value), ("AsOf", asOf)));
        }
        AddIfNotNull(violations, CheckDate(asOf));
        ThrowIfAny(violations);
        Record(new GroupDissolvedFact(asOf, DissolutionReason.GracePeriodExpired));
    }

    /// <summary>Dissolves the group by decision of its members or of the agency (GRP-06: any status but Dissolved → Dissolved).</summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is not <see cref="DissolutionReason.MembersDecision"/> or <see cref="DissolutionReason.AgencyDecision"/> (an expired grace period goes through <see cref="MarkGraceExpired"/>).</exception>
    /// <exception cref="RuleViolationException">The group is already dissolved, or the date precedes the last change.</exception>
    public void Dissolve(LocalDate dissolvedOn, DissolutionReason reason)
    {
        Preconditions.CheckArgument(reason is DissolutionReason.MembersDecision or DissolutionReason.AgencyDecision, nameof(reason), "Dissolve by the members' or the agency's decision; an expired grace period goes through MarkGraceExpired.");
        var violations = new List<RuleViolation>();
        if (Status == GroupStatus.Dissolved)
        {
            violations.Add(Illegal(GroupStatus.Dissolved));
        }
        AddIfNotNull(violations, CheckDate(dissolvedOn));
        ThrowIfAny(violations);
        Record(new GroupDissolvedFact(dissolvedOn, reason));
    }

    /// <summary>
    /// Opens the group's bank account (GRP-07): the holder must be the group's name (compared ignoring case and
    /// repeated spaces) and never a current member's name. Allowed from Formed until dissolution; one account.
    /// </summary>
    /// <exception cref="ArgumentNullException">The command, its bank or its holder name is null.</exception>
    /// <exception cref="RuleViolationException">Every violation: GRP-07 bank or holder name blank (empty, white space or
    /// invisible characters only: <see cref="GroupErrors.AccountFieldRequired"/>, one per field), account number not 5 to
    /// 20 ASCII digits (<see cref="GroupErrors.AccountNumberInvalid"/>), account already open, or holder not the group;
    /// GRP-06 status or date.</exception>
    public void OpenBankAccount(OpenBankAccount command)
    {
        Preconditions.CheckNotNull(command);
        Preconditions.CheckNotNull(command.Bank);
        Preconditions.CheckNotNull(command.HolderName);
        var violations = new List<RuleViolation>();
        AddIfNotNull(violations, CheckAccountField(command.Bank, nameof(command.Bank)));
        if (!IsAccountNumber(command.AccountNumber))
        {
            violations.Add(RuleViolation.Of(RuleIds.Grp07, GroupErrors.AccountNumberInvalid));
        }
        var blankHolder = CheckAccountField(command.HolderName, nameof(command.HolderName));
        AddIfNotNull(violations, blankHolder);
        if (Status is GroupStatus.Proposed or GroupStatus.Dissolved)
        {
            violations.Add(NotAllowed(nameof(OpenBankAccount)));
        }
        AddIfNotNull(violations, CheckDate(command.OpenedOn));
        if (BankAccount is { } open)
        {
            violations.Add(RuleViolation.Of(RuleIds.Grp07, GroupErrors.AccountAlreadyOpen, ("GroupId", Id), ("Bank", open.Bank), ("AccountNumber", open.AccountNumber)));
        }
        // A blank holder is no one's name: refused above, it is not compared with the members' or the group's.
        if (blankHolder is null)
        {
            var holder = NormalizeName(command.HolderName);
            if (_members.Any(m => m.IsCurrent && NormalizeName(m.Name) == holder))
            {
                violations.Add(RuleViolation.Of(RuleIds.Grp07, GroupErrors.HolderIsMember, ("HolderName", command.HolderName.Trim())));
            }
            else if (holder != NormalizeName(Name))
            {
                violations.Add(RuleViolation.Of(RuleIds.Grp07, GroupErrors.HolderNotGroupName, ("HolderName", command.HolderName.Trim()), ("GroupName", Name)));
            }
        }
        ThrowIfAny(violations);
        Record(new BankAccountOpenedFact(command.OpenedOn, new GroupBankAccount(command.Bank.Trim(), command.AccountNumber, command.HolderName.Trim(), command.OpenedOn)));
    }

    /// <summary>
    /// Null when aid may be credited to the group now: its standing lets money move
    /// (<see cref="GroupStandingRules.CheckMayMoveMoney"/>: GRP-05, GRP-06, OFF-04) and it has a bank account in
    /// its own name (GRP-07, <see cref="GroupErrors.NoBankAccount"/>); otherwise the first reason why not.
    /// </summary>
    public RuleViolation? CheckMayReceiveAid() =>
        GroupStandingRules.CheckMayMoveMoney(this)
        ?? (BankAccount is null ? NoBankAccount() : null);

    /// <summary>
    /// GRP-07: null when <paramref name="accountNumber"/> is the group's own account; otherwise
    /// <see cref="GroupErrors.NoBankAccount"/> (no account yet) or <see cref="GroupErrors.NotGroupAccount"/>.
    /// Aid must be credited to this account, never to a member's.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="accountNumber"/> is null.</exception>
    public RuleViolation? CheckIsGroupAccount(string accountNumber)
    {
        ArgumentNullException.ThrowIfNull(accountNumber);
        if (BankAccount is null)
        {
            return NoBankAccount();
        }
        return string.Equals(BankAccount.AccountNumber, accountNumber.Trim(), StringComparison.Ordinal)
            ? null
            : RuleViolation.Of(RuleIds.Grp07, GroupErrors.NotGroupAccount, ("GroupId", Id), ("AccountNumber", accountNumber));
    }

    /// <summary>
    /// Moves the group to another version of its program profile from <paramref name="on"/> (a design choice under GRP-06:
    /// RULES.md has no rule for it). Operations dated on or after <paramref name="on"/> are judged by the new profile; the
    /// history before keeps the judgement it had (<see cref="ProfileOn"/>, <see cref="ProfileHistory"/>). The adoption is
    /// recorded whatever the group's standing under the new profile: the returned decision lists what no longer complies
    /// (<see cref="EvaluateStanding"/>), and the group keeps its status (the rules are applied again at the next operation that
    /// checks them, e.g. verification or admission).
    /// </summary>
    /// <returns>The group's standing under <paramref name="profile"/> on <paramref name="on"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="RuleViolationException">GRP-06: the group is dissolved, the profile is for another kind of group
    /// (<see cref="GroupErrors.ProfileKindMismatch"/>) or already governs it (<see cref="GroupErrors.ProfileAlreadyInForce"/>), the date
    /// precedes the group's last change (its proposal, its last adoption or any later operation: <see cref="GroupErrors.DateBeforeLastChange"/>),
    /// or the profile is not yet in force on that date (<see cref="ProfileErrors.NotYetInForce"/>).</exception>
    public Decision AdoptProfile(ProgramProfile profile, LocalDate on)
    {
        Preconditions.CheckNotNull(profile);
        var violations = new List<RuleViolation>();
        AddIfNotNull(violations, CheckNotDissolved(nameof(AdoptProfile)));
        if (profile.Kind != Kind)
        {
            violations.Add(RuleViolation.Of(RuleIds.Grp06, GroupErrors.ProfileKindMismatch, ("ProfileId", profile.Id), ("ProfileKind", profile.Kind), ("GroupId", Id), ("GroupKind", Kind)));
        }
        else if (profile.Id == Profile.Id)
        {
            violations.Add(RuleViolation.Of(RuleIds.Grp06, GroupErrors.ProfileAlreadyInForce, ("ProfileId", profile.Id), ("GroupId", Id)));
        }
        AddIfNotNull(violations, CheckDate(on));
        if (on < profile.EffectiveFrom)
        {
            violations.Add(ProfileErrors.NotYetInForceOf(RuleIds.Grp06, profile.Id, profile.EffectiveFrom, on));
        }
        ThrowIfAny(violations);
        var standing = EvaluateStanding(profile, on);
        Record(new ProfileAdoptedFact(on, Profile.Id, profile.Id), id => id == profile.Id ? profile : null);
        return standing;
    }

    /// <summary>
    /// The group's standing under <paramref name="profile"/> on <paramref name="asOf"/>, from what the group holds: GRP-01 size,
    /// GRP-03 seats per Kartu Keluarga, GRP-04 residence (as recorded when each member joined), MEM-05 share of women and OFF-02
    /// one office per person for the current officers. MEM-01..04 need fresh dossiers and are judged at verification and admission.
    /// Changes nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public Decision EvaluateStanding(ProgramProfile profile, LocalDate asOf)
    {
        Preconditions.CheckNotNull(profile);
        var current = _members.Where(m => m.IsCurrent).ToList();
        var builder = new DecisionBuilder($"Standing of group {Id}", profile, asOf);
        AddSizeCheck(builder, profile, current.Count);
        var seats = current.Count <= MaxStackMembers ? stackalloc Seat[current.Count] : new Seat[current.Count];
        SeatsOf(current, seats);
        var first = current.Count <= MaxStackMembers ? stackalloc bool[current.Count] : new bool[current.Count];
        MarkFirstOfPerson(seats, first);
        AddSeatChecks(builder, profile, seats, first, current);
        AddAll(builder, RuleIds.Grp04, current.Select(m => ResidenceViolation(profile, Desa, m)).OfType<RuleViolation>().ToList(),
            ("Membership.ResidenceScope", DecisionBoxes.Enum(profile.Membership.ResidenceScope)), ("Seat", Desa));
        AddWomenShareCheck(builder, profile, seats, first);
        var twoOffices = profile.Officers.OnePersonOneOffice
            ? _officers.GroupBy(o => o.Value).Where(g => g.Count() > 1)
                .Select(g => OnePersonTwoOffices(g.Key, g.Select(o => o.Key).Order())).ToList()
            : [];
        AddAll(builder, RuleIds.Off02, twoOffices, ("Officers.OnePersonOneOffice", profile.Officers.OnePersonOneOffice));
        return builder.Build();
    }

    /// <summary>The group as plain data for the host's database (<see cref="Restore(GroupState, ProfileResolver)"/>).</summary>
    public GroupState ToState() => new(
        GroupState.CurrentFormat, Id, Name, Desa, ProposedOn, InitialMeetingScheduledOn, ProfileHistory, Status,
        Status == GroupStatus.UnderStrength ? _statusBeforeUnderStrength : null, _lastChangedOn, InitialMeetingHeldOn, FormedOn, Verification,
        ActivatedOn, UnderStrengthSince, UnderStrengthDeadline, BankAccount, Dissolution,
        _members.Select(GroupMemberState.Of).ToArray(), _consents.ToArray(),
        Offices.Where(_officers.ContainsKey).Select(role => new OfficerAssignment(role, _officers[role])).ToArray(), _elections.ToArray());

    /// <summary>
    /// The facts recorded since the group was proposed or restored, or since the last call, in order; clears them (a second
    /// call returns nothing new). The proposal itself is no fact: the host stores the new group's <see cref="ToState"/>.
    /// </summary>
    public IReadOnlyList<GroupFact> TakeChanges()
    {
        var changes = _changes.ToArray();
        _changes.Clear();
        return changes;
    }

    /// <summary>
    /// Restores a stored group. Checks the state's structure only (format, profile history, lifecycle fields that go together,
    /// membership periods, officers who are current members) and never judges a rule again: a group stored under rules or
    /// profiles a later version tightened still loads; only new operations are judged by the current rules.
    /// </summary>
    /// <param name="state">The stored state.</param>
    /// <param name="profiles">The host's profiles by id (e.g. <see cref="ProgramProfiles.Resolve"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state is in an unsupported format, names an unknown profile or is broken (the part is named).</exception>
    public static Group Restore(GroupState state, ProfileResolver profiles) => Restore(state, [], profiles);

    /// <summary>
    /// Restores a stored group and applies the facts taken from it after the state was stored (<see cref="TakeChanges"/>), in order:
    /// the result equals the group that recorded them. Facts are applied without judging any rule; only their structure is
    /// checked (dates in order, references to current members, one verification, one account, the profile chain).
    /// </summary>
    /// <param name="state">The stored state.</param>
    /// <param name="changes">The facts taken after the state, in order.</param>
    /// <param name="profiles">The host's profiles by id.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="StateRestoreException">The state or a fact is broken (a fact's part is named <c>Changes[i]...</c>), or a profile is unknown.</exception>
    public static Group Restore(GroupState state, IEnumerable<GroupFact> changes, ProfileResolver profiles)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(profiles);
        StateRestoreException.CheckFormat(nameof(Group), state.Format, GroupState.CurrentFormat);
        Check(state.Id != default, "Id", "the group id is empty");
        Check(!string.IsNullOrWhiteSpace(state.Name), "Name", "the name is blank");
        Check(state.Desa.Level == RegionLevel.Village, "Desa", "not a desa/kelurahan code");
        Check(state.LastChangedOn >= state.ProposedOn, "LastChangedOn", "before the proposal");
        Check(state.Profiles is { Count: > 0 }, "Profiles", "no profile");
        var history = new List<(ProgramProfile Profile, LocalDate From)>(state.Profiles.Count);
        for (var i = 0; i < state.Profiles.Count; i++)
        {
            var period = state.Profiles[i];
            Check(period is not null && !string.IsNullOrWhiteSpace(period.ProfileId), $"Profiles[{i}]", "no profile id");
            Check(i == 0 ? period!.From == state.ProposedOn : period!.From >= history[^1].From && period.From <= state.LastChangedOn, $"Profiles[{i}].From",
                i == 0 ? "the first profile does not begin on the proposal date" : "out of order");
            var profile = StateRestoreException.Resolve(profiles, nameof(Group), period.ProfileId);
            Check(i == 0 || profile.Kind == history[0].Profile.Kind, $"Profiles[{i}].ProfileId", "a profile for another kind of group");
            history.Add((profile, period.From));
        }
        Check(Enum.IsDefined(state.Status), "Status", "unknown status");
        var underStrength = state.Status == GroupStatus.UnderStrength;
        Check(underStrength == state.StatusBeforeUnderStrength is GroupStatus.Formed or GroupStatus.Verified or GroupStatus.Active, "StatusBeforeUnderStrength",
            "set exactly when the group is under strength, to Formed, Verified or Active");
        Check(underStrength == state.UnderStrengthSince is not null, "UnderStrengthSince", "set exactly when the group is under strength");
        Check(underStrength ? state.UnderStrengthDeadline >= state.UnderStrengthSince : state.UnderStrengthDeadline is null, "UnderStrengthDeadline",
            "set exactly when the group is under strength, not before it fell under strength");
        Check((state.Status == GroupStatus.Dissolved) == state.Dissolution is not null, "Dissolution", "set exactly when the group is dissolved");
        Check(state.Status is not (GroupStatus.Formed or GroupStatus.Verified or GroupStatus.Active) || state.FormedOn is not null, "FormedOn", "a formed group has no formation date");
        Check(state.Status is not (GroupStatus.Verified or GroupStatus.Active) || state.Verification is not null, "Verification", "a verified group has no verification");
        Check(state.Status != GroupStatus.Active || state.ActivatedOn is not null, "ActivatedOn", "an active group has no activation date");
        Check(state.Members is not null, "Members", "missing");
        var members = new List<GroupMember>(state.Members!.Count);
        var current = new HashSet<PersonId>();
        for (var i = 0; i < state.Members.Count; i++)
        {
            Check(state.Members[i] is not null, $"Members[{i}]", "missing");
            var member = state.Members[i].ToMember($"Members[{i}]");
            Check(member.JoinedOn >= state.ProposedOn, $"Members[{i}].JoinedOn", "before the proposal");
            Check(!member.IsCurrent || current.Add(member.PersonId), $"Members[{i}].PersonId", "the person is a current member twice");
            members.Add(member);
        }
        Check(state.Consents is not null && state.Consents.All(c => c is not null), "Consents", "missing or holding a null consent");
        Check(state.Elections is not null && state.Elections.All(e => e?.Officers is not null && e.DecidedBy is not null), "Elections", "missing or holding a broken election");
        Check(state.Officers is not null, "Officers", "missing");
        var roles = new HashSet<OfficerRole>();
        for (var i = 0; i < state.Officers!.Count; i++)
        {
            var officer = state.Officers[i];
            Check(officer is not null && Enum.IsDefined(officer.Role) && roles.Add(officer.Role), $"Officers[{i}].Role", "unknown or repeated office");
            Check(current.Contains(officer!.PersonId), $"Officers[{i}].PersonId", "the officer is not a current member");
        }

        var group = new Group(state, history, members);
        var index = 0;
        foreach (var fact in changes)
        {
            group.Apply(fact, profiles, $"Changes[{index++}]");
        }
        return group;

        static void Check(bool condition, string part, string reason) => StateRestoreException.Check(condition, nameof(Group), part, reason);
    }

    /// <summary>The name, status and id.</summary>
    public override string ToString() => $"{Name} ({Status}, {Id})";

    // ----- shared rule helpers (also used by the validators) -----

    internal static RuleViolation? SizeViolation(ProgramProfile profile, int members)
    {
        if (members < profile.Membership.MinMembers)
        {
            return RuleViolation.Of(RuleIds.Grp01, GroupErrors.TooFewMembers, ("Members", members), ("MinMembers", profile.Membership.MinMembers));
        }
        return TooManyMembers(profile, members);
    }

    // GRP-01's maximum alone: an admission may not overfill a group, but may leave it below the minimum (GRP-05 restores it).
    private static RuleViolation? TooManyMembers(ProgramProfile profile, int members) =>
        profile.Membership.MaxMembers is { } max && members > max
            ? RuleViolation.Of(RuleIds.Grp01, GroupErrors.TooManyMembers, ("Members", members), ("MaxMembers", max))
            : null;

    // GRP-02: the initial meeting is not before the proposal (scheduled at proposal, or held).
    private static RuleViolation? CheckInitialMeetingDate(LocalDate initialMeetingOn, LocalDate proposedOn) =>
        initialMeetingOn < proposedOn
            ? RuleViolation.Of(RuleIds.Grp02, GroupErrors.InitialMeetingBeforeProposal, ("InitialMeetingOn", initialMeetingOn), ("ProposedOn", proposedOn))
            : null;

    /// <summary>GRP-02 at proposal; null when there is no violation.</summary>
    /// <remarks>Plain loops (quadratic in the number of founders and consents, which are a handful to a few dozen):
    /// the formation check is on the batch's hot path and allocates only when something is wrong.</remarks>
    /// <param name="command">The proposal.</param>
    /// <param name="founders">Its founding members.</param>
    /// <param name="first">For each founder, true when it is the first dossier of its person (<see cref="MarkFirstOfPerson"/>).</param>
    private static List<RuleViolation>? ConsentViolations(ProposeGroup command, ReadOnlySpan<MemberDossier> founders, ReadOnlySpan<bool> first)
    {
        List<RuleViolation>? violations = null;
        var consents = Span(command.Consents);
        // One pass over the consents: each is credited to the first dossier of its person (consents are usually listed
        // in the founders' order, so the founder at the consent's own index is tried first), keeping each founder's
        // number of consents and earliest consent date; a consent of no founder is remembered for its own violation.
        var given = founders.Length <= MaxStackMembers ? stackalloc int[founders.Length] : new int[founders.Length];
        var earliest = founders.Length <= MaxStackMembers ? stackalloc LocalDate[founders.Length] : new LocalDate[founders.Length];
        var founderOf = consents.Length <= MaxStackMembers ? stackalloc int[consents.Length] : new int[consents.Length];
        for (var c = 0; c < consents.Length; c++)
        {
            var consent = consents[c];
            var f = FounderIndex(founders, first, consent.PersonId, c);
            founderOf[c] = f;
            if (f >= 0 && (given[f]++ == 0 || consent.GivenOn < earliest[f]))
            {
                earliest[f] = consent.GivenOn;
            }
        }
        for (var i = 0; i < founders.Length; i++)
        {
            if (!first[i])
            {
                continue;
            }
            var founder = founders[i].Person;
            if (given[i] == 0)
            {
                Add(ref violations, RuleViolation.Of(RuleIds.Grp02, GroupErrors.ConsentMissing, MemberEligibility.Who(founder), ("PersonId", founder.Id)));
            }
            else if (earliest[i] > command.ProposedOn)
            {
                Add(ref violations, RuleViolation.Of(RuleIds.Grp02, GroupErrors.ConsentAfterProposal, MemberEligibility.Who(founder), ("PersonId", founder.Id), ("ConsentedOn", earliest[i]), ("ProposedOn", command.ProposedOn)));
            }
        }
        for (var c = 0; c < consents.Length; c++)
        {
            var person = consents[c].PersonId;
            if (founderOf[c] < 0 && !IsEarlierConsentOf(consents, c, person))
            {
                Add(ref violations, RuleViolation.Of(RuleIds.Grp02, GroupErrors.ConsentFromNonFounder, ("PersonId", person)));
            }
        }
        if (CheckInitialMeetingDate(command.InitialMeetingOn, command.ProposedOn) is { } early)
        {
            Add(ref violations, early);
        }
        return violations;

        // The index of the first dossier of the person, or -1 when the person is no founder.
        static int FounderIndex(ReadOnlySpan<MemberDossier> founders, ReadOnlySpan<bool> first, PersonId person, int hint)
        {
            if (hint < founders.Length && first[hint] && founders[hint].Person.Id == person)
            {
                return hint;
            }
            for (var f = 0; f < founders.Length; f++)
            {
                if (first[f] && founders[f].Person.Id == person)
                {
                    return f;
                }
            }
            return -1;
        }

        static bool IsEarlierConsentOf(ReadOnlySpan<MemberConsent> consents, int index, PersonId person)
        {
            for (var j = 0; j < index; j++)
            {
                if (consents[j].PersonId == person)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>A (candidate) member as GRP-03 and MEM-05 count them: the person, the number of their Kartu Keluarga, their sex.</summary>
    /// <remarks>Proposals and verifications (dossiers), admissions and the standing (membership records) all count through
    /// <see cref="PersonsListedTwice"/>, <see cref="HouseholdSeatViolations"/> and <see cref="WomenAmong"/>.</remarks>
    private readonly record struct Seat(PersonId Person, long Card, Sex Sex);

    private static void SeatsOf(ReadOnlySpan<MemberDossier> members, Span<Seat> seats)
    {
        for (var i = 0; i < members.Length; i++)
        {
            var member = members[i];
            seats[i] = new Seat(member.Person.Id, member.Household.FamilyCard.Number, member.Person.Sex);
        }
    }

    private static void SeatsOf(List<GroupMember> members, Span<Seat> seats)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            seats[i] = new Seat(member.PersonId, member.FamilyCard.Number, member.Sex);
        }
    }

    /// <summary>
    /// GRP-03, no person twice: each person listed more than once (in order of first appearance) whose listings include
    /// one at or after <paramref name="judgedFrom"/>, named by that listing; null when there is none.
    /// </summary>
    /// <remarks><paramref name="first"/> marks the first listing of each person (<see cref="MarkFirstOfPerson"/>), so only
    /// the repeats (usually none) are compared with a person. <paramref name="judgedFrom"/> is 0 for a proposal, a
    /// verification and the standing (every listing is judged), and the newcomer's index for an admission.</remarks>
    private static List<RuleViolation>? PersonsListedTwice<TMembers>(ReadOnlySpan<Seat> seats, ReadOnlySpan<bool> first, int judgedFrom,
        TMembers members, Func<TMembers, int, string> describe)
    {
        List<RuleViolation>? violations = null;
        for (var i = 0; i < seats.Length; i++)
        {
            if (!first[i])
            {
                continue;
            }
            var person = seats[i].Person;
            var times = 1;
            var named = i >= judgedFrom ? i : -1;
            for (var j = i + 1; j < seats.Length; j++)
            {
                if (!first[j] && seats[j].Person == person)
                {
                    times++;
                    named = named < 0 && j >= judgedFrom ? j : named;
                }
            }
            if (times > 1 && named >= 0)
            {
                Add(ref violations, RuleViolation.Of(RuleIds.Grp03, GroupErrors.PersonAlreadyMember, ("Person", describe(members, named)), ("PersonId", person)));
            }
        }
        return violations;
    }

    /// <summary>
    /// GRP-03, seats per household: each Kartu Keluarga with more distinct persons than <c>Membership.MembersPerHousehold</c>
    /// (in order of first appearance) that holds a listing at or after <paramref name="judgedFrom"/>; null when there is none.
    /// </summary>
    /// <remarks>Only first listings hold a seat (a person listed twice is counted once, at their first listing).</remarks>
    private static List<RuleViolation>? HouseholdSeatViolations<TMembers>(ProgramProfile profile, ReadOnlySpan<Seat> seats, ReadOnlySpan<bool> first,
        int judgedFrom, TMembers members, Func<TMembers, int, FamilyCardNumber> cardOf)
    {
        List<RuleViolation>? violations = null;
        var perHousehold = profile.Membership.MembersPerHousehold;
        // Each card is counted at its first seat; the later seats of a card are marked so they are not counted again.
        var counted = seats.Length <= MaxStackMembers ? stackalloc bool[seats.Length] : new bool[seats.Length];
        for (var i = 0; i < seats.Length; i++)
        {
            if (!first[i] || counted[i])
            {
                continue;
            }
            var card = seats[i].Card;
            var taken = 1;
            var judged = i >= judgedFrom;
            for (var j = i + 1; j < seats.Length; j++)
            {
                if (first[j] && !counted[j] && seats[j].Card == card)
                {
                    taken++;
                    counted[j] = true;
                    judged |= j >= judgedFrom;
                }
            }
            if (taken > perHousehold && judged)
            {
                Add(ref violations, HouseholdOverSeats(cardOf(members, i), taken, perHousehold));
            }
        }
        return violations;
    }

    /// <summary>MEM-05's count: the women among the distinct persons (first listings); <paramref name="persons"/> is their number.</summary>
    private static int WomenAmong(ReadOnlySpan<Seat> seats, ReadOnlySpan<bool> first, out int persons)
    {
        persons = 0;
        var women = 0;
        for (var i = 0; i < seats.Length; i++)
        {
            if (first[i])
            {
                persons++;
                women += seats[i].Sex == Sex.Female ? 1 : 0;
            }
        }
        return women;
    }

    /// <summary>
    /// Sets <paramref name="first"/>[i] to true when listing i is the first listing of its person in
    /// <paramref name="seats"/> (a person listed twice is judged and counted once), computed once per decision and
    /// shared by its GRP-02, GRP-03, MEM-01..04 and MEM-05 checks.
    /// </summary>
    private static void MarkFirstOfPerson(ReadOnlySpan<Seat> seats, Span<bool> first)
    {
        for (var i = 0; i < seats.Length; i++)
        {
            var person = seats[i].Person;
            var isFirst = true;
            for (var j = 0; j < i; j++)
            {
                if (first[j] && seats[j].Person == person)
                {
                    isFirst = false;
                    break;
                }
            }
            first[i] = isFirst;
        }
    }

    /// <summary>A member as a violation names them: as <see cref="GroupMember.ToString"/> shows the membership record.</summary>
    private static string Describe(MemberDossier member) => $"{member.Person.Name} ({member.Person.Nik})";

    private static string DescribeDossier(IReadOnlyList<MemberDossier> members, int index) => Describe(members[index]);

    private static FamilyCardNumber CardOfDossier(IReadOnlyList<MemberDossier> members, int index) => members[index].Household.FamilyCard;

    private static string DescribeMember(List<GroupMember> members, int index) => members[index].ToString();

    private static FamilyCardNumber CardOfMember(List<GroupMember> members, int index) => members[index].FamilyCard;

    private static void Add(ref List<RuleViolation>? violations, RuleViolation violation) => (violations ??= []).Add(violation);

    /// <summary>The list as a span (no copy for an array or a List), so the formation loops make no interface calls.</summary>
    private static ReadOnlySpan<T> Span<T>(IReadOnlyList<T> list) => list switch
    {
        T[] array => array,
        List<T> items => CollectionsMarshal.AsSpan(items),
        _ => list.ToArray(),
    };

    private static RuleViolation HouseholdOverSeats(FamilyCardNumber familyCard, int members, int perHousehold) =>
        RuleViolation.Of(RuleIds.Grp03, GroupErrors.HouseholdOverSeats, ("FamilyCard", familyCard.ToString()), ("Members", members), ("MaxPerHousehold", perHousehold));

    internal static RuleViolation? ResidenceViolation(ProgramProfile profile, RegionCode seat, GroupMember member) =>
        ResidenceViolation(profile, seat, member.Desa, member.PersonId, member, static m => m.ToString());

    /// <summary>
    /// GRP-04 for one member living in <paramref name="desa"/>; <paramref name="describe"/> names the member, only when
    /// the member lives outside the area.
    /// </summary>
    /// <remarks>The kecamatan is compared part by part (same as <c>desa.IsWithin(seat.AtLevel(District))</c>),
    /// without building region codes for members who live inside it.</remarks>
    private static RuleViolation? ResidenceViolation<TMember>(ProgramProfile profile, RegionCode seat, RegionCode desa, PersonId person, TMember member, Func<TMember, string> describe)
    {
        if (profile.Membership.ResidenceScope == ResidenceScope.Desa)
        {
            return desa == seat ? null : RuleViolation.Of(RuleIds.Grp04, GroupErrors.OutsideDesa, ("Person", describe(member)), ("PersonId", person), ("Desa", desa), ("Area", seat));
        }
        var inKecamatan = desa.Level >= RegionLevel.District && desa.Province == seat.Province && desa.Regency == seat.Regency && desa.District == seat.District;
        return inKecamatan ? null : RuleViolation.Of(RuleIds.Grp04, GroupErrors.OutsideKecamatan, ("Person", describe(member)), ("PersonId", person), ("Desa", desa), ("Area", seat.AtLevel(RegionLevel.District)));
    }

    internal static List<RuleViolation> SlateViolations(IReadOnlyList<OfficerAssignment> slate, ProgramProfile profile)
    {
        var violations = new List<RuleViolation>();
        foreach (var role in Offices)
        {
            var count = slate.Count(o => o.Role == role);
            if (count == 0)
            {
                violations.Add(RuleViolation.Of(RuleIds.Off02, GroupErrors.OfficeMissing, ("Role", role)));
            }
            else if (count > 1)
            {
                violations.Add(RuleViolation.Of(RuleIds.Off02, GroupErrors.OfficeRepeated, ("Role", role)));
            }
        }
        Preconditions.CheckArgument(slate.All(o => Enum.IsDefined(o.Role)), nameof(slate), "Unknown office.");
        if (profile.Officers.OnePersonOneOffice)
        {
            foreach (var holder in slate.GroupBy(o => o.PersonId).Where(g => g.Select(o => o.Role).Distinct().Count() > 1))
            {
                violations.Add(OnePersonTwoOffices(holder.Key, holder.Select(o => o.Role).Distinct()));
            }
        }
        return violations;
    }

    private static RuleViolation OnePersonTwoOffices(PersonId person, IEnumerable<OfficerRole> roles) =>
        RuleViolation.Of(RuleIds.Off02, GroupErrors.OnePersonTwoOffices, ("PersonId", person), ("Roles", string.Join(", ", roles)));

    /// <summary>
    /// GRP-07: null when <paramref name="text"/>, the <paramref name="field"/> of a bank-account record, is given; the
    /// violation when it is null or blank (as <see cref="ReadableName.IsBlank"/> judges it). The one check behind
    /// <see cref="OpenBankAccount(Groups.OpenBankAccount)"/> and <see cref="OpenBankAccountValidator"/>.
    /// </summary>
    internal static RuleViolation? CheckAccountField(string? text, string field) =>
        ReadableName.IsBlank(text) ? RuleViolation.Of(RuleIds.Grp07, GroupErrors.AccountFieldRequired, ("PropertyName", field)) : null;

    /// <summary>
    /// GRP-06: null when <paramref name="text"/>, the <paramref name="field"/> of a verification record, is given and fits;
    /// otherwise <see cref="GroupErrors.VerificationFieldRequired"/> when it is null or blank (as <see cref="ReadableName.IsBlank"/>
    /// judges it), or <see cref="GroupErrors.VerificationTextTooLong"/> when it is longer than <paramref name="maxLength"/>.
    /// The one check behind <see cref="EvaluateVerification"/> and <see cref="VerifyGroupValidator"/>.
    /// </summary>
    internal static RuleViolation? CheckVerificationText(string? text, string field, int maxLength) =>
        ReadableName.IsBlank(text) ? RuleViolation.Of(RuleIds.Grp06, GroupErrors.VerificationFieldRequired, ("PropertyName", field))
        : text!.Length > maxLength ? RuleViolation.Of(RuleIds.Grp06, GroupErrors.VerificationTextTooLong, ("PropertyName", field), ("TotalLength", text.Length), ("MaxLength", maxLength))
        : null;

    internal static bool IsAccountNumber(string? number) => number is { Length: >= 5 and <= 20 } && number.All(char.IsAsciiDigit);

    private static string NormalizeName(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static void CheckShape(ProposeGroup command)
    {
        Preconditions.CheckNotNull(command);
        Preconditions.CheckNotNull(command.Profile);
        Preconditions.CheckNotNull(command.Name);
        Preconditions.CheckArgument(command.GroupId != default, nameof(command), "The group id is required.");
        Preconditions.CheckArgument(command.Desa.Level == RegionLevel.Village, nameof(command), "The group's seat must be a desa/kelurahan (village-level) code.");
        Preconditions.CheckNotNull(command.FoundingMembers);
        Preconditions.CheckNotNull(command.Consents);
        Preconditions.CheckArgument(command.FoundingMembers.All(m => m is not null) && command.Consents.All(c => c is not null), nameof(command), "A founding member or consent is null.");
    }

    private static void AddSizeCheck(DecisionBuilder builder, ProgramProfile profile, int members) =>
        builder.Check(RuleIds.Grp01, SizeViolation(profile, members), ("Members", DecisionBoxes.Int(members)),
            ("Membership.MinMembers", DecisionBoxes.Int(profile.Membership.MinMembers)), ("Membership.MaxMembers", DecisionBoxes.Int(profile.Membership.MaxMembers)));

    private static void AddSeatChecks(DecisionBuilder builder, ProgramProfile profile, ReadOnlySpan<Seat> seats, ReadOnlySpan<bool> first, IReadOnlyList<MemberDossier> members) =>
        AddSeatChecks(builder, profile, PersonsListedTwice(seats, first, 0, members, DescribeDossier), HouseholdSeatViolations(profile, seats, first, 0, members, CardOfDossier));

    private static void AddSeatChecks(DecisionBuilder builder, ProgramProfile profile, ReadOnlySpan<Seat> seats, ReadOnlySpan<bool> first, List<GroupMember> members) =>
        AddSeatChecks(builder, profile, PersonsListedTwice(seats, first, 0, members, DescribeMember), HouseholdSeatViolations(profile, seats, first, 0, members, CardOfMember));

    private static void AddSeatChecks(DecisionBuilder builder, ProgramProfile profile, List<RuleViolation>? twice, List<RuleViolation>? overSeats)
    {
        if (twice is not null && overSeats is not null)
        {
            twice.AddRange(overSeats);
        }
        AddAll(builder, RuleIds.Grp03, twice ?? overSeats, ("Membership.MembersPerHousehold", DecisionBoxes.Int(profile.Membership.MembersPerHousehold)));
    }

    private static void AddResidenceChecks(DecisionBuilder builder, ProgramProfile profile, RegionCode seat, ReadOnlySpan<MemberDossier> members)
    {
        List<RuleViolation>? violations = null;
        for (var i = 0; i < members.Length; i++)
        {
            var member = members[i];
            if (ResidenceViolation(profile, seat, member.Household.Desa, member.Person.Id, member, Describe) is { } violation)
            {
                Add(ref violations, violation);
            }
        }
        AddAll(builder, RuleIds.Grp04, violations, ("Membership.ResidenceScope", DecisionBoxes.Enum(profile.Membership.ResidenceScope)), ("Seat", seat));
    }

    /// <summary>MEM-05 over the distinct persons of <paramref name="seats"/> (a person listed twice counts once).</summary>
    private static void AddWomenShareCheck(DecisionBuilder builder, ProgramProfile profile, ReadOnlySpan<Seat> seats, ReadOnlySpan<bool> first)
    {
        if (profile.Membership.MinWomenShare is null)
        {
            builder.NotApplicable(RuleIds.Mem05, ("Membership.MinWomenShare", null));
            return;
        }
        var women = WomenAmong(seats, first, out var persons);
        builder.Check(RuleIds.Mem05, MemberEligibility.CheckWomenShare(profile, women, persons), ("Women", DecisionBoxes.Int(women)), ("Members", DecisionBoxes.Int(persons)), ("Membership.MinWomenShare", profile.Membership.MinWomenShare));
    }

    private static void AddAll(DecisionBuilder builder, RuleId rule, IReadOnlyList<RuleViolation>? violations, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (violations is null || violations.Count == 0)
        {
            builder.Check(rule, null, parameters);
            return;
        }
        foreach (var violation in violations)
        {
            builder.Check(rule, violation, parameters);
        }
    }

    private static void AddIfNotNull(List<RuleViolation> violations, RuleViolation? violation)
    {
        if (violation is not null)
        {
            violations.Add(violation);
        }
    }

    private static void ThrowIfAny(List<RuleViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations.ToArray());
        }
    }

    private IReadOnlyList<PersonId> ElectionViolations(ElectOfficers command, HashSet<PersonId> current, List<RuleViolation> violations)
    {
        if ((command.Decision is null) == (command.DecidedBy is null))
        {
            violations.Add(RuleViolation.Of(RuleIds.Off03, GroupErrors.NoElectionRecord, ("GroupId", Id)));
            return [];
        }
        IReadOnlyList<PersonId> deciders;
        if (command.Decision is { } decision)
        {
            Preconditions.CheckNotNull(decision.Present);
            if (decision.Kind != DecisionKind.OfficerElection)
            {
                violations.Add(RuleViolation.Of(RuleIds.Off03, GroupErrors.NotAnElection, ("MeetingId", decision.MeetingId), ("Kind", decision.Kind)));
            }
            if (decision.GroupId != Id)
            {
                violations.Add(RuleViolation.Of(RuleIds.Off03, GroupErrors.DecisionOfOtherGroup, ("MeetingId", decision.MeetingId), ("OtherGroupId", decision.GroupId)));
            }
            if (decision.Date != command.ElectedOn)
            {
                violations.Add(RuleViolation.Of(RuleIds.Off03, GroupErrors.DecisionDateMismatch, ("DecidedOn", decision.Date), ("ElectedOn", command.ElectedOn)));
            }
            deciders = decision.Present.Distinct().ToArray();
        }
        else
        {
            deciders = command.DecidedBy!.Distinct().ToArray();
        }
        foreach (var outsider in deciders.Where(p => !current.Contains(p)))
        {
            violations.Add(RuleViolation.Of(RuleIds.Off03, GroupErrors.DeciderNotAMember, ("PersonId", outsider)));
        }
        var deciding = deciders.Count(current.Contains);
        if (!Profile.Meetings.IsQuorum(deciding, current.Count))
        {
            violations.Add(RuleViolation.Of(RuleIds.Off03, GroupErrors.ElectionWithoutQuorum, ("Deciders", deciding), ("Members", current.Count), ("QuorumShare", Profile.Meetings.QuorumShare)));
        }
        return deciders;
    }

    private RuleViolation? CheckNotDissolved(string operation) =>
        Status == GroupStatus.Dissolved ? NotAllowed(operation) : null;

    private RuleViolation NotAllowed(string operation) =>
        RuleViolation.Of(RuleIds.Grp06, GroupErrors.OperationNotAllowed, ("Operation", operation), ("GroupId", Id), ("Status", Status));

    private RuleViolation? CheckDate(LocalDate date) =>
        date < _lastChangedOn
            ? RuleViolation.Of(RuleIds.Grp06, GroupErrors.DateBeforeLastChange, ("GroupId", Id), ("Date", date), ("LastChangedOn", _lastChangedOn))
            : null;

    private RuleViolation NoBankAccount() => RuleViolation.Of(RuleIds.Grp07, GroupErrors.NoBankAccount, ("GroupId", Id));

    private RuleViolation Illegal(GroupStatus to) =>
        RuleViolation.Of(RuleIds.Grp06, GroupErrors.IllegalTransition, ("GroupId", Id), ("From", Status), ("To", to));


    // The one path by which the group changes, live (Record) and on restore: structural checks only, never a rule.
    private void Record(GroupFact fact, ProfileResolver? profiles = null)
    {
        Apply(fact, profiles ?? (_ => null), "Changes");
        _changes.Add(fact);
    }

    private void Apply(GroupFact fact, ProfileResolver profiles, string part)
    {
        Check(fact is not null, part, "the fact is missing");
        Check(Status != GroupStatus.Dissolved, part, "the group is dissolved");
        Check(fact!.On >= _lastChangedOn, part + ".On", "dated before the group's last change");
        switch (fact)
        {
            case OfficersElectedFact elected:
                Check(elected.Election?.Officers is not null, part + ".Election", "missing");
                var slate = elected.Election!.Officers;
                Check(slate.Count == Offices.Length && Offices.All(r => slate.Count(o => o?.Role == r) == 1), part + ".Election.Officers", "not one officer per office");
                Check(slate.All(o => IsCurrentMember(o.PersonId)), part + ".Election.Officers", "an officer is not a current member");
                Check(!elected.CompletesFormation || (Status == GroupStatus.Proposed && InitialMeetingHeldOn is not null), part + ".CompletesFormation", "formation cannot complete here");
                _officers.Clear();
                foreach (var officer in slate)
                {
                    _officers[officer.Role] = officer.PersonId;
                }
                _elections.Add(elected.Election!);
                Raise(new OfficersElected(Id, elected.On, elected.Election!));
                if (elected.CompletesFormation)
                {
                    BecomeFormed(elected.On);
                }
                break;
            case InitialMeetingHeldFact held:
                Check(InitialMeetingHeldOn is null, part, "the initial meeting was already held");
                Check(!held.CompletesFormation || (Status == GroupStatus.Proposed && Offices.All(_officers.ContainsKey)), part + ".CompletesFormation", "formation cannot complete here");
                InitialMeetingHeldOn = held.On;
                Raise(new InitialMeetingHeld(Id, held.On));
                if (held.CompletesFormation)
                {
                    BecomeFormed(held.On);
                }
                break;
            case GroupVerifiedFact verified:
                Check(Verification is null && Status == GroupStatus.Formed, part, "only a formed, unverified group is verified");
                Check(verified.Verification is { Decision: not null } v && v.VerifiedOn == verified.On, part + ".Verification", "missing or dated otherwise");
                Verification = verified.Verification;
                Status = GroupStatus.Verified;
                Raise(new GroupVerified(Id, verified.On, Verification!.VerifierName, Verification.Agency));
                break;
            case GroupActivatedFact activated:
                Check(Status == GroupStatus.Verified, part, "only a verified group is activated");
                Status = GroupStatus.Active;
                ActivatedOn = activated.On;
                Raise(new GroupActivated(Id, activated.On));
                break;
            case MemberAdmittedFact admitted:
                Check(admitted.Member is not null, part + ".Member", "missing");
                var newcomer = admitted.Member!.ToMember(part + ".Member");
                Check(newcomer.IsCurrent && newcomer.JoinedOn == admitted.On && !IsCurrentMember(newcomer.PersonId), part + ".Member", "not a new current member joining on the fact's date");
                Check(!admitted.RestoresStrength || Status == GroupStatus.UnderStrength, part + ".RestoresStrength", "the group is not under strength");
                _members.Add(newcomer);
                Raise(new MemberAdmitted(Id, admitted.On, newcomer.PersonId, MemberCount));
                if (admitted.RestoresStrength)
                {
                    Status = _statusBeforeUnderStrength;
                    UnderStrengthSince = null;
                    UnderStrengthDeadline = null;
                    Raise(new GroupStrengthRestored(Id, admitted.On, Status));
                }
                break;
            case MemberLeftFact left:
                var index = _members.FindIndex(m => m.IsCurrent && m.PersonId == left.PersonId);
                Check(index >= 0, part + ".PersonId", "not a current member");
                Check(left.UnderStrengthDeadline is null || (Status is GroupStatus.Formed or GroupStatus.Verified or GroupStatus.Active && left.UnderStrengthDeadline >= left.On),
                    part + ".UnderStrengthDeadline", "the group cannot fall under strength here");
                _members[index] = _members[index] with { LeftOn = left.On };
                var remaining = MemberCount;
                Raise(new MemberLeft(Id, left.On, left.PersonId, remaining));
                foreach (var role in Offices.Where(r => _officers.TryGetValue(r, out var holder) && holder == left.PersonId))
                {
                    _officers.Remove(role);
                    Raise(new OfficeVacated(Id, left.On, role, left.PersonId));
                }
                if (left.UnderStrengthDeadline is { } deadline)
                {
                    _statusBeforeUnderStrength = Status;
                    Status = GroupStatus.UnderStrength;
                    UnderStrengthSince = left.On;
                    UnderStrengthDeadline = deadline;
                    Raise(new GroupFellUnderStrength(Id, left.On, remaining, Profile.Membership.MinMembers, deadline));
                }
                break;
            case GroupDissolvedFact dissolved:
                Check(Enum.IsDefined(dissolved.Reason), part + ".Reason", "unknown reason");
                Status = GroupStatus.Dissolved;
                UnderStrengthSince = null;
                UnderStrengthDeadline = null;
                Dissolution = new Dissolution(dissolved.On, dissolved.Reason);
                Raise(new GroupDissolved(Id, dissolved.On, dissolved.Reason));
                break;
            case BankAccountOpenedFact opened:
                Check(BankAccount is null, part, "the account is already open");
                Check(opened.Account is not null && opened.Account.OpenedOn == opened.On, part + ".Account", "missing or dated otherwise");
                BankAccount = opened.Account;
                Raise(new BankAccountOpened(Id, opened.On, opened.Account!));
                break;
            case ProfileAdoptedFact adopted:
                Check(adopted.PreviousProfileId == Profile.Id, part + ".PreviousProfileId", "not the profile in force");
                var profile = StateRestoreException.Resolve(profiles, nameof(Group), adopted.ProfileId);
                Check(profile.Kind == Kind, part + ".ProfileId", "a profile for another kind of group");
                _profiles.Add((profile, adopted.On));
                Profile = profile;
                Raise(new ProfileAdopted(Id, adopted.On, adopted.PreviousProfileId, profile.Id));
                break;
            default:
                throw StateRestoreException.Broken(nameof(Group), part, "an unknown kind of fact");
        }

        static void Check(bool condition, string part, string reason) => StateRestoreException.Check(condition, nameof(Group), part, reason);
    }

    private bool IsCurrentMember(PersonId person) => _members.Exists(m => m.IsCurrent && m.PersonId == person);

    private void BecomeFormed(LocalDate on)
    {
        Status = GroupStatus.Formed;
        FormedOn = on;
        Raise(new GroupFormed(Id, on));
    }

    private void Raise(GroupEvent @event)
    {
        _events.Add(@event);
        if (@event.OccurredOn > _lastChangedOn)
        {
            _lastChangedOn = @event.OccurredOn;
        }
    }
}
