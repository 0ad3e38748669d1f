using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;

namespace KubeCore.Tests.Examples;

/// <summary>GRP-01: proposes a group of <c>members</c> eligible founders under the row's profile.</summary>
internal sealed class Grp01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Grp01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var group = GroupBuilder.For(example.ProgramProfile).WithMembers(example.Int("members")).Build();
        return Accepted(("members", group.MemberCount));
    }
}

/// <summary>
/// GRP-02: proposes a group (see <see cref="GroupRows"/>) of <c>members</c> founders of whom <c>consents</c> (default all)
/// consented on <c>consented_on</c> (default the proposal date), plus a consent from a non-founder when
/// <c>stranger_consents</c>, with the initial meeting scheduled on <c>initial_meeting_on</c> (default a week after the
/// proposal); then, when given, holds the initial meeting on <c>held_on</c> (and again on <c>held_again_on</c>).
/// Figures: <c>consents</c> recorded and the <c>status</c> reached.
/// </summary>
internal sealed class Grp02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Grp02;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        var proposedOn = GroupRows.ProposedOn(example);
        var founders = builder.Founders;
        var consentedOn = example.Date("consented_on", proposedOn);
        var consents = founders.Take(example.Int("consents", founders.Count)).Select(f => new MemberConsent(f.Person.Id, consentedOn)).ToList();
        if (example.Bool("stranger_consents", false))
        {
            consents.Add(new MemberConsent(PersonId.New(), proposedOn));
        }
        var command = builder.Command() with { InitialMeetingOn = example.Date("initial_meeting_on", proposedOn.PlusDays(7)), Consents = consents };
        var group = Group.Propose(command);
        if (example.Has("held_on"))
        {
            group.ElectOfficers(Elections.ByAll(group, proposedOn));
            group.HoldInitialMeeting(example.Date("held_on"));
        }
        if (example.Has("held_again_on"))
        {
            group.HoldInitialMeeting(example.Date("held_again_on"));
        }
        return Accepted(("consents", group.Consents.Count), ("status", group.Status));
    }
}

/// <summary>
/// GRP-03: proposes a group of <c>members</c> founders of whom <c>sharing_one_card</c> (default 1) belong to one
/// household (one Kartu Keluarga); or, when <c>joins</c> is given, admits to the active group (a day after activation)
/// a person of a <c>new household</c>, another person of <c>a member's household</c>, or <c>an existing member</c> again.
/// Figure: <c>members</c>.
/// </summary>
internal sealed class Grp03Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Grp03;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        var proposedOn = GroupRows.ProposedOn(example);
        if (!example.Has("joins"))
        {
            var founders = builder.Founders.ToList();
            var sharing = example.Int("sharing_one_card", 1);
            for (var i = 1; i < sharing; i++)
            {
                founders[i] = DossierBuilder.On(proposedOn).InHouseholdOf(founders[0]).Named($"Anggota {i + 1}").Build();
            }
            var group = builder.WithFounders(founders).Build();
            return Accepted(("members", group.MemberCount));
        }
        var active = builder.BuildActive();
        var on = builder.ActivatedDate.PlusDays(1);
        var first = builder.Founders[0];
        var joining = example.Text("joins") switch
        {
            "new household" => GroupRows.Newcomer(active, on),
            "a member's household" => DossierBuilder.On(on).InHouseholdOf(first).WithEvidence(Evidence.AcceptedOn(on)).Build(),
            "an existing member" => new MemberDossier(first.Person, first.Household, Evidence.AcceptedOn(on)),
            var other => throw example.Problem($"'joins' is 'new household', 'a member's household' or 'an existing member', not '{other}'"),
        };
        active.AdmitMember(new AdmitMember(joining, on));
        return Accepted(("members", active.MemberCount));
    }
}

/// <summary>
/// GRP-04: a group seated in <c>group_seat</c> (default Pahandut, 62.71.01.1001) whose last founder lives in
/// <c>member_lives_in</c> (a desa code) at the proposal; or, with <c>joins_later: true</c>, a newcomer living there is
/// admitted to the active group. Figure: <c>members</c>.
/// </summary>
internal sealed class Grp04Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Grp04;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        var proposedOn = GroupRows.ProposedOn(example);
        var livesIn = RegionCode.Parse(example.Text("member_lives_in"));
        if (!example.Bool("joins_later", false))
        {
            var founders = builder.Founders.ToList();
            founders[^1] = DossierBuilder.On(proposedOn).LivingIn(livesIn).Named($"Anggota {founders.Count}").Build();
            var group = builder.WithFounders(founders).Build();
            return Accepted(("members", group.MemberCount));
        }
        var active = builder.BuildActive();
        var on = builder.ActivatedDate.PlusDays(1);
        active.AdmitMember(new AdmitMember(DossierBuilder.On(on).LivingIn(livesIn).Build(), on));
        return Accepted(("members", active.MemberCount));
    }
}

/// <summary>
/// GRP-05: an active group of <c>members</c> founders (activated 31 days after <c>proposed_on</c>) from which
/// <c>leaving</c> (default 1) non-officer members leave on <c>left_on</c>; then, when given, a newcomer joins on
/// <c>admitted_on</c>, the grace period is checked on <c>grace_checked_on</c> (dissolving the group when it has ended),
/// or money is asked to move on the day (<c>moves_money: true</c>). Figures: <c>status</c>, <c>members</c> and the
/// <c>deadline</c> of an under-strength group (<c>none</c> otherwise).
/// </summary>
internal sealed class Grp05Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Grp05;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        var group = builder.BuildActive();
        var leftOn = example.Date("left_on");
        foreach (var leaver in group.CurrentMembers.Reverse().Take(example.Int("leaving", 1)).ToList())
        {
            group.RemoveMember(leaver, leftOn);
        }
        var deadline = group.UnderStrengthDeadline;
        if (example.Has("admitted_on"))
        {
            group.AdmitMember(new AdmitMember(GroupRows.Newcomer(group, example.Date("admitted_on")), example.Date("admitted_on")));
        }
        if (example.Has("grace_checked_on"))
        {
            group.MarkGraceExpired(example.Date("grace_checked_on"));
        }
        if (example.Bool("moves_money", false) && GroupStandingRules.CheckMayMoveMoney(group) is { } blocked)
        {
            return Refused(blocked);
        }
        return Accepted(("status", group.Status), ("members", group.MemberCount), ("deadline", deadline is { } d ? Format(d) : "none"));
    }
}

/// <summary>
/// GRP-06: a group brought to <c>stage</c> (Proposed on <c>proposed_on</c>; Formed a week later; Verified on day 30;
/// Active on day 31; UnderStrength when its last member leaves on day 41; Dissolved by its members on day 41), then
/// <c>action</c> (<c>verify</c>, <c>activate</c>, <c>dissolve</c>, <c>admit</c>, <c>open account</c>, <c>adopt profile</c>
/// of <c>adopted_profile</c>) on <c>on</c> (default the day after the stage was reached). A verification's verifier and
/// agency are those of the group builder or, with <c>verifier_length</c> and <c>agency_length</c>, that many letters.
/// Figure: <c>status</c>.
/// </summary>
internal sealed class Grp06Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Grp06;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        var proposedOn = GroupRows.ProposedOn(example);
        var stage = example.Enum<GroupStatus>("stage");
        var (group, reached) = stage switch
        {
            GroupStatus.Proposed => (builder.Build(), proposedOn),
            GroupStatus.Formed => (builder.BuildFormed(), builder.FormedDate),
            GroupStatus.Verified => (builder.BuildVerified(), builder.VerifiedDate),
            _ => (builder.BuildActive(), builder.ActivatedDate),
        };
        if (stage is GroupStatus.UnderStrength or GroupStatus.Dissolved)
        {
            reached = proposedOn.PlusDays(41);
            if (stage == GroupStatus.UnderStrength)
            {
                group.RemoveMember(group.CurrentMembers.Last(), reached);
            }
            else
            {
                group.Dissolve(reached, DissolutionReason.MembersDecision);
            }
        }
        var on = example.Date("on", reached.PlusDays(1));
        switch (example.Text("action"))
        {
            case "verify":
                var verification = builder.Verification(group, on);
                group.Verify(verification with
                {
                    VerifierName = example.Has("verifier_length") ? new string('a', example.Int("verifier_length")) : verification.VerifierName,
                    Agency = example.Has("agency_length") ? new string('a', example.Int("agency_length")) : verification.Agency,
                });
                break;
            case "activate":
                group.Activate(on);
                break;
            case "dissolve":
                group.Dissolve(on, DissolutionReason.MembersDecision);
                break;
            case "admit":
                group.AdmitMember(new AdmitMember(GroupRows.Newcomer(group, on), on));
                break;
            case "open account":
                group.OpenBankAccount(new OpenBankAccount("BRI", "0012345678", group.Name, on));
                break;
            case "adopt profile":
                group.AdoptProfile(ProgramProfiles.Get(example.Text("adopted_profile")), on);
                break;
            case var other:
                throw example.Problem($"unknown action '{other}'");
        }
        return Accepted(("status", group.Status));
    }
}

/// <summary>
/// GRP-07: an active group named <c>group_name</c> (default "KUBE Maju Bersama"; its first founder is "Siti Aminah")
/// opens, a day after activation, an account <c>account_number</c> (default 0012345678) at <c>bank</c> (default BRI) held
/// by <c>holder_name</c> (the group itself refuses a blank bank or holder and a number that is not 5 to 20 digits);
/// unless <c>opens_account: false</c>. When
/// <c>aid_to_account</c> is given, aid is checked to go to that account number. Figure: <c>holder</c>.
/// </summary>
internal sealed class Grp07Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Grp07;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example).Named(example.Text("group_name", "KUBE Maju Bersama"));
        var group = builder.BuildActive();
        if (example.Bool("opens_account", true))
        {
            group.OpenBankAccount(new OpenBankAccount(example.Text("bank", "BRI"), example.Text("account_number", "0012345678"), example.Text("holder_name"), builder.ActivatedDate.PlusDays(1)));
        }
        if (example.Has("aid_to_account") && group.CheckIsGroupAccount(example.Text("aid_to_account")) is { } wrong)
        {
            return Refused(wrong);
        }
        return Accepted(("holder", group.BankAccount?.HolderName ?? "none"));
    }
}
