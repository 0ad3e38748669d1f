using KubeCore.Common;
using KubeCore.Facilitation;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Conventions;
using NodaTime;

namespace KubeCore.Tests.Examples;

/// <summary>What the facilitation runners share: a pendamping appointed under the row's profile on <c>appointed_on</c> (default 1 October 2019).</summary>
internal static class FacilitationRows
{
    public static readonly LocalDate DefaultAppointedOn = new(2019, 10, 1);

    public static Pendamping Appoint(WorkedExample row) =>
        Pendamping.Appoint(PendampingId.New(), "Rahmat Hidayat", row.ProgramProfile, row.Date("appointed_on", DefaultAppointedOn));
}

/// <summary>
/// FAC-01: a pendamping (see <see cref="FacilitationRows"/>) accompanies <c>groups_already</c> active groups of its profile
/// from the appointment date; the first of them is released on <c>released_on</c> when given; then one more group, of
/// <c>group_profile</c> (default the row's profile) and status <c>group_status</c> (default Active), is assigned on
/// <c>assigned_on</c> (default the appointment date). Figures: <c>groups</c> (the load on the assignment date) and
/// <c>max_groups</c>.
/// </summary>
internal sealed class Fac01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Fac01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var pendamping = FacilitationRows.Appoint(example);
        var appointedOn = pendamping.AppointedOn;
        var groups = Enumerable.Range(0, example.Int("groups_already", 0)).Select(_ => new GroupStandingStub(example.ProgramProfile)).ToList();
        foreach (var group in groups)
        {
            pendamping.Assign(new AssignPendamping(group.Id, appointedOn), group);
        }
        if (example.Has("released_on"))
        {
            pendamping.Release(groups[0].Id, example.Date("released_on"));
        }
        var newGroup = new GroupStandingStub(ProgramProfiles.Get(example.Text("group_profile", example.Profile)), example.Enum("group_status", GroupStatus.Active));
        var on = example.Date("assigned_on", appointedOn);
        pendamping.Assign(new AssignPendamping(newGroup.Id, on), newGroup);
        var load = pendamping.LoadOn(on);
        return Accepted(("groups", load.Groups), ("max_groups", load.MaxGroups));
    }
}

/// <summary>
/// FAC-02: a pendamping (see <see cref="FacilitationRows"/>) is assigned one group on <c>assigned_on</c> (default the
/// appointment date), visits it on <c>visited_on</c> and reports on it on <c>reported_monthly_on</c> when given; then,
/// when <c>inactivity_reported_on</c> is given, the group reports the pendamping's inactivity to Dinas Sosial on that date
/// (twice when <c>reported_twice</c>). With <c>notes_length</c> the visit's notes, and with <c>summary_length</c> the
/// report's summary, are that many letters. Figures, as of <c>as_of</c> (default the last date given): <c>inactive_since</c>
/// (last visit or report + 60 days), <c>inactive</c>, <c>report_due</c> (last monthly report, or the assignment, + 1
/// month) and <c>report_overdue</c>.
/// </summary>
internal sealed class Fac02Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Fac02;

    internal override ExampleResult Run(WorkedExample example)
    {
        var pendamping = FacilitationRows.Appoint(example);
        var group = new GroupStandingStub(example.ProgramProfile);
        var assignedOn = example.Date("assigned_on", pendamping.AppointedOn);
        pendamping.Assign(new AssignPendamping(group.Id, assignedOn), group);
        var last = assignedOn;
        if (example.Has("visited_on"))
        {
            last = example.Date("visited_on");
            var visit = Facilitations.Visit(group.Id, last);
            pendamping.RecordVisit(example.Has("notes_length") ? visit with { Notes = new string('a', example.Int("notes_length")) } : visit);
        }
        if (example.Has("reported_monthly_on"))
        {
            last = example.Date("reported_monthly_on");
            var report = Facilitations.Report(group.Id, last);
            pendamping.SubmitReport(example.Has("summary_length") ? report with { Summary = new string('a', example.Int("summary_length")) } : report);
        }
        if (example.Has("inactivity_reported_on"))
        {
            last = example.Date("inactivity_reported_on");
            pendamping.RecordInactivityReported(group.Id, last);
            if (example.Bool("reported_twice", false))
            {
                pendamping.RecordInactivityReported(group.Id, last);
            }
        }
        var asOf = example.Date("as_of", last);
        var activity = pendamping.ActivityOn(asOf).Single(a => a.GroupId == group.Id);
        return Accepted(
            ("inactive_since", activity.InactiveSince), ("inactive", pendamping.IsInactiveFor(group.Id, asOf)),
            ("report_due", activity.NextReportDueOn), ("report_overdue", pendamping.OverdueMonthlyReports(asOf).Any(a => a.GroupId == group.Id)));
    }
}

/// <summary>
/// FAC-03: a pendamping (see <see cref="FacilitationRows"/>) accompanying one group submits a monthly report a month after
/// the appointment noting the aspects <c>aspects</c> (names of <see cref="StrategyAspects"/>; <c>A+B</c> is one note
/// naming two aspects at once), each with a note, except an empty note for <c>blank_note_for</c>. Figure:
/// <c>aspects_addressed</c> (the aspects recorded for the group).
/// </summary>
internal sealed class Fac03Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Fac03;

    internal override ExampleResult Run(WorkedExample example)
    {
        var pendamping = FacilitationRows.Appoint(example);
        var group = new GroupStandingStub(example.ProgramProfile);
        pendamping.Assign(new AssignPendamping(group.Id, pendamping.AppointedOn), group);
        var blank = example.Text("blank_note_for", string.Empty);
        var notes = example.List("aspects").Select(name =>
        {
            var aspect = name.Split('+').Select(part => Enum.TryParse<StrategyAspects>(part.Trim(), out var a) && Enum.IsDefined(a) ? a : throw example.Problem($"unknown aspect '{part}'"))
                .Aggregate(StrategyAspects.None, (all, a) => all | a);
            return new AspectNote(aspect, name == blank ? " " : $"Kegiatan {name}");
        }).ToArray();
        var on = pendamping.AppointedOn.PlusMonths(1);
        pendamping.SubmitReport(new MonthlyReport(group.Id, on, "Kelompok rutin menabung dan mencatat pembukuan.", notes));
        return Accepted(("aspects_addressed", pendamping.AspectsAddressed(group.Id, on, on)));
    }
}

/// <summary>
/// PRIV-01: the NIK <c>nik</c> or family-card number <c>family_card</c> (or any identity text <c>value</c>, through
/// <see cref="PersonalData.Mask"/>) as shown to <c>shown_to</c>: <c>anyone</c> (default: the masked form, as every output
/// and log shows it) or <c>an entitled caller</c> (the full value). Figure: <c>shown</c>.
/// </summary>
internal sealed class Priv01Examples : ExampleRunner
{
    public override RuleId Rule => RuleIds.Priv01;

    internal override ExampleResult Run(WorkedExample example)
    {
        var entitled = example.Text("shown_to", "anyone") == "an entitled caller";
        string shown;
        if (example.Has("nik"))
        {
            var nik = Nik.Parse(example.Text("nik"));
            shown = entitled ? nik.Reveal() : $"{nik}";
        }
        else if (example.Has("family_card"))
        {
            var card = FamilyCardNumber.Parse(example.Text("family_card"));
            shown = entitled ? card.Reveal() : $"{card}";
        }
        else
        {
            shown = entitled ? example.Text("value") : PersonalData.Mask(example.Text("value"));
        }
        return Accepted(("shown", shown));
    }
}
