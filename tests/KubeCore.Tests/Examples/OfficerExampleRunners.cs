using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;
using NodaTime;

namespace KubeCore.Tests.Examples;

/// <summary>
/// What the officer runners share: an election on a group of <see cref="GroupRows"/> (proposed 1 October 2019), whose
/// slate is written <c>offices: [Ketua 1, Sekretaris 2, Bendahara 3]</c> (an office and a founder's number, or
/// <c>outsider</c> for a person who is not a member).
/// </summary>
internal static class OfficerRows
{
    public static OfficerAssignment[] Slate(WorkedExample row, IReadOnlyList<PersonId> founders, PersonId outsider) =>
        row.List("offices").Select(entry =>
        {
            var parts = entry.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Enum.TryParse<OfficerRole>(parts[0], out var role))
            {
                throw row.Problem($"an office is written 'Ketua 1' (office and founder number, or 'outsider'), not '{entry}'");
            }
            var person = parts[1] == "outsider" ? outsider : founders[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1];
            return new OfficerAssignment(role, person);
        }).ToArray();

    public static string Describe(Group group, IReadOnlyList<PersonId> founders) =>
        string.Join(", ", group.Officers.OrderBy(o => o.Key).Select(o => $"{o.Key} {founders.ToList().IndexOf(o.Value) + 1}"));
}

/// <summary>
/// OFF-01: a proposed group of <c>members</c> founders elects the slate <c>offices</c> (see <see cref="OfficerRows"/>)
/// on the proposal date, decided by every member; when <c>left_before</c> names a founder, the group is active and that
/// founder left the day before the election (a day after activation). Figure: <c>officers</c>.
/// </summary>
internal sealed class Off01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Off01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        var founders = builder.Founders.Select(f => f.Person.Id).ToList();
        Group group;
        LocalDate on;
        if (example.Has("left_before"))
        {
            group = builder.BuildActive();
            group.RemoveMember(founders[example.Int("left_before") - 1], builder.ActivatedDate.PlusDays(1));
            on = builder.ActivatedDate.PlusDays(2);
        }
        else
        {
            group = builder.Build();
            on = GroupRows.ProposedOn(example);
        }
        group.ElectOfficers(new ElectOfficers(on, OfficerRows.Slate(example, founders, PersonId.New()), null, group.CurrentMembers.ToArray()));
        return Accepted(("officers", OfficerRows.Describe(group, founders)));
    }
}

/// <summary>OFF-02: a proposed group of <c>members</c> founders elects the slate <c>offices</c> (see <see cref="OfficerRows"/>), decided by every member. Figure: <c>officers</c>.</summary>
internal sealed class Off02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Off02;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        var founders = builder.Founders.Select(f => f.Person.Id).ToList();
        var group = builder.Build();
        group.ElectOfficers(new ElectOfficers(GroupRows.ProposedOn(example), OfficerRows.Slate(example, founders, PersonId.New()), null, group.CurrentMembers.ToArray()));
        return Accepted(("officers", OfficerRows.Describe(group, founders)));
    }
}

/// <summary>
/// OFF-03: a proposed group of <c>members</c> founders elects founders 1, 2 and 3 on the proposal date. Who decided is
/// recorded by <c>record</c>: <c>list</c> (default: the first <c>decided_by</c> founders, plus <c>outsiders_deciding</c>
/// non-members), <c>meeting</c> (a meeting decision of kind <c>decision_kind</c>, default OfficerElection, of
/// <c>decision_of</c> <c>this group</c> or <c>another group</c>, dated <c>decided_on</c>, default the election date, with
/// the same members present), <c>none</c> or <c>both</c>. Figures: <c>deciders</c> recorded and <c>officers</c>.
/// </summary>
internal sealed class Off03Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Off03;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        var founders = builder.Founders.Select(f => f.Person.Id).ToList();
        var group = builder.Build();
        var on = GroupRows.ProposedOn(example);
        var deciders = founders.Take(example.Int("decided_by", founders.Count))
            .Concat(Enumerable.Range(0, example.Int("outsiders_deciding", 0)).Select(_ => PersonId.New())).ToArray();
        var decision = new MeetingDecision(MeetingId.New(),
            example.Text("decision_of", "this group") == "this group" ? group.Id : GroupId.New(),
            example.Date("decided_on", on), example.Enum("decision_kind", DecisionKind.OfficerElection), "Pemilihan pengurus",
            deciders, group.MemberCount, HadQuorum: true, group.Profile.Id);
        var slate = new[] { new OfficerAssignment(OfficerRole.Ketua, founders[0]), new OfficerAssignment(OfficerRole.Sekretaris, founders[1]), new OfficerAssignment(OfficerRole.Bendahara, founders[2]) };
        var command = example.Text("record", "list") switch
        {
            "list" => new ElectOfficers(on, slate, null, deciders),
            "meeting" => new ElectOfficers(on, slate, decision, null),
            "none" => new ElectOfficers(on, slate, null, null),
            "both" => new ElectOfficers(on, slate, decision, deciders),
            var other => throw example.Problem($"'record' is list, meeting, none or both, not '{other}'"),
        };
        group.ElectOfficers(command);
        return Accepted(("deciders", group.Elections[^1].DecidedBy.Count), ("officers", OfficerRows.Describe(group, founders)));
    }
}

/// <summary>
/// OFF-04: a group of <c>members</c> founders (officers: founders 1, 2, 3 as ketua, sekretaris, bendahara) brought to
/// <c>stage</c> (Active by default, or Formed), whose holder of <c>vacated</c> (an office, or <c>none</c>: the last
/// founder leaves) leaves the day after; then, when <c>refilled</c>, the first three remaining members are elected
/// ketua, sekretaris and bendahara the next day by every member. Finally <c>then</c>: <c>moves money</c> (default:
/// the group's standing is asked whether money may move) or <c>verify</c> (Dinas Sosial verifies the formed group).
/// Figures: <c>vacant</c> (the vacant offices, or <c>none</c>) and <c>status</c>.
/// </summary>
internal sealed class Off04Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Off04;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        var group = example.Enum("stage", GroupStatus.Active) == GroupStatus.Formed ? builder.BuildFormed() : builder.BuildActive();
        var day = (group.ActivatedOn ?? group.FormedOn!.Value).PlusDays(1);
        var vacated = example.Text("vacated");
        var leaver = vacated == "none" ? group.CurrentMembers.Last() : group.OfficerHolding(Enum.Parse<OfficerRole>(vacated))!.Value;
        group.RemoveMember(leaver, day);
        if (example.Bool("refilled", false))
        {
            var members = group.CurrentMembers.ToArray();
            group.ElectOfficers(new ElectOfficers(day.PlusDays(1), Elections.Slate(members[0], members[1], members[2]), null, members));
            day = day.PlusDays(1);
        }
        if (example.Text("then", "moves money") == "verify")
        {
            group.Verify(builder.Verification(group, day.PlusDays(1)));
        }
        else if (GroupStandingRules.CheckMayMoveMoney(group) is { } blocked)
        {
            return Refused(blocked);
        }
        var vacant = Enum.GetValues<OfficerRole>().Where(r => group.OfficerHolding(r) is null).ToList();
        return Accepted(("vacant", vacant.Count == 0 ? "none" : string.Join(", ", vacant)), ("status", group.Status));
    }
}

/// <summary>
/// OFF-05: in an active group (officers: founders 1, 2, 3 as ketua, sekretaris, bendahara) the founder numbered
/// <c>approver</c> signs the approval of a loan to the founder numbered <c>borrower</c>
/// (<see cref="OfficerRules.CheckMayApproveLoan"/>). Figure: <c>approver_office</c> (the approver's office, or <c>member</c>).
/// </summary>
internal sealed class Off05Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Off05;

    internal override ExampleResult Run(WorkedExample example)
    {
        var builder = GroupRows.Builder(example);
        var group = builder.BuildActive();
        var founders = builder.Founders.Select(f => f.Person.Id).ToList();
        var approver = founders[example.Int("approver") - 1];
        var borrower = founders[example.Int("borrower") - 1];
        if (OfficerRules.CheckMayApproveLoan(group, approver, borrower) is { } refused)
        {
            return Refused(refused);
        }
        var office = group.Officers.Where(o => o.Value == approver).Select(o => o.Key.ToString()).FirstOrDefault() ?? "member";
        return Accepted(("approver_office", office));
    }
}
