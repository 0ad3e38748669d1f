using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Facilitation;
using KubeCore.Groups;
using KubeCore.Rules;
using KubeCore.Tests.Builders;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Rulebooks;

/// <summary>The rulebook of facilitation by a pendamping (FAC-01..03).</summary>
public class FacilitationRulesTests
{
    private static readonly LocalDate Appointed = new(2019, 3, 12); // KubePermensos2019 takes effect that day

    private static ProgramProfile WithMaxGroups(int max) => ProgramProfiles.KubePermensos2019.Derive(
        $"KubeMax{max}", 1, "Test profile", new LocalDate(2019, 1, 1),
        p => p with { Facilitation = p.Facilitation with { MaxGroupsPerPendamping = max } });

    /// <summary>The profile's most groups per pendamping, and 30 steps: (0 a new group, 1 a group seen before, 2 a release; a pick; days that pass).</summary>
    public sealed record CapacityCase(int Max, (int Kind, (int Pick, int Days) Step)[] Ops)
    {
        public override string ToString() => $"CapacityCase {{ Max = {Max}, Ops = {CounterexampleText.Items(Ops)} }}";
    }

    /// <summary>Which assignment is refused: 0 a dissolved group, 1 another programme kind, 2 before the appointment, 3 a group already assigned.</summary>
    public sealed record RefusedAssignment(int Variant);

    /// <summary>Visits and reports (days after the assignment) and the as-of day.</summary>
    public sealed record ActivityHistory((int Offset, bool Report)[] Activities, int AsOf)
    {
        public override string ToString() => $"ActivityHistory {{ Activities = {CounterexampleText.Items(Activities)}, AsOf = {AsOf} }}";
    }

    /// <summary>The aspect flags and notes of a monthly report.</summary>
    public sealed record AspectNotes((int Aspect, string Note)[] Notes)
    {
        public override string ToString() => $"AspectNotes {{ Notes = {CounterexampleText.Items(Notes)} }}";
    }

    public static class FacilitationArbitraries
    {
        public static Arbitrary<CapacityCase> CapacityCases() =>
            (from max in Gen.Choose(1, 5)
             from ops in Gen.ArrayOf(Gen.Zip(Gen.Elements(0, 0, 1, 2, 2), Gen.Zip(Gen.Choose(0, 100), Gen.Choose(0, 20))), 30)
             select new CapacityCase(max, ops)).ToArbitrary();

        public static Arbitrary<RefusedAssignment> RefusedAssignments() => Gen.Choose(0, 3).Select(v => new RefusedAssignment(v)).ToArbitrary();

        public static Arbitrary<ActivityHistory> ActivityHistories() =>
            ActivityCase.Select(c => new ActivityHistory(c.Activities, c.AsOf)).ToArbitrary();

        public static Arbitrary<AspectNotes> AspectNoteLists() =>
            (from count in Gen.Choose(0, 6)
             from notes in Gen.ArrayOf(Gen.Zip(Gen.Frequency((5, Gen.Elements(1, 2, 4, 8, 16)), (1, Gen.Choose(0, 40))), Gen.Elements("Pelatihan pembukuan", "Motivasi usaha", "", " ")), count)
             select new AspectNotes(notes)).ToArbitrary();
    }

    [Fact]
    [Trait("Rule", "FAC-01")]
    public void A_pendamping_appointed_the_day_before_the_profile_takes_effect_is_refused_and_one_appointed_on_that_day_is_accepted()
    {
        var profile = ProgramProfiles.KubePermensos2019;
        var refusal = Should.Throw<RuleViolationException>(() => Pendamping.Appoint(PendampingId.New(), "Rahmat Hidayat", profile, profile.EffectiveFrom.PlusDays(-1)));
        refusal.Violation.ErrorCode.ShouldBe(ProfileErrors.NotYetInForce);
        refusal.Violation.RuleId.ShouldBe(RuleIds.Fac01);

        Pendamping.Appoint(PendampingId.New(), "Rahmat Hidayat", profile, profile.EffectiveFrom).AppointedOn.ShouldBe(profile.EffectiveFrom);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(FacilitationArbitraries)])]
    [Trait("Rule", "FAC-01")]
    public bool A_pendamping_never_accompanies_more_groups_than_the_profile_allows(CapacityCase c)
    {
        var profile = WithMaxGroups(c.Max);
        var pendamping = PendampingBuilder.Appoint(profile: profile, on: Appointed);
        var groups = new List<GroupStandingStub>();
        var date = Appointed;
        foreach (var (kind, (pick, days)) in c.Ops)
        {
            date = date.PlusDays(days);
            var current = pendamping.GroupsOn(date).ToHashSet();
            var inForce = pendamping.Assignments.Where(a => a.InForceOnOrAfter(date)).Select(a => a.GroupId).ToHashSet();
            if (kind == 2 && current.Count > 0)
            {
                pendamping.Release(current.ElementAt(pick % current.Count), date);
                continue;
            }
            var free = groups.Where(g => !inForce.Contains(g.Id)).ToList();
            var group = kind == 1 && free.Count > 0 ? free[pick % free.Count] : new GroupStandingStub(profile);
            if (!groups.Contains(group))
            {
                groups.Add(group);
            }
            var load = pendamping.LoadOn(date);
            var spare = new PendampingWithSpareCapacity().IsSatisfiedBy(load);
            try
            {
                pendamping.Assign(new AssignPendamping(group.Id, date), group);
                if (!spare)
                {
                    return false;
                }
            }
            catch (RuleViolationException e)
            {
                if (spare || e.Violation.ErrorCode != FacilitationErrors.CapacityReached || load.Groups != c.Max)
                {
                    return false;
                }
            }
        }
        for (var day = Appointed; day <= date.PlusDays(1); day = day.PlusDays(1))
        {
            if (pendamping.GroupsOn(day).Count > c.Max)
            {
                return false;
            }
        }
        return true;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(FacilitationArbitraries)])]
    [Trait("Rule", "FAC-01")]
    public bool A_pendamping_accompanies_only_live_groups_of_its_programme_kind_once_each(RefusedAssignment refused)
    {
        var variant = refused.Variant;
        var pendamping = PendampingBuilder.Appoint(on: Appointed);
        var live = new GroupStandingStub(ProgramProfiles.KubePermensos2019);
        pendamping.Assign(new AssignPendamping(live.Id, Appointed), live);
        var (group, date, code) = variant switch
        {
            0 => (new GroupStandingStub(ProgramProfiles.KubeBlps, GroupStatus.Dissolved), Appointed, FacilitationErrors.GroupDissolved),
            1 => (new GroupStandingStub(ProgramProfiles.KsmP2kp), Appointed, FacilitationErrors.OtherGroupKind),
            2 => (new GroupStandingStub(ProgramProfiles.KubeBlps), Appointed.PlusDays(-1), FacilitationErrors.BeforeAppointment),
            _ => (live, Appointed.PlusDays(3), FacilitationErrors.AlreadyAssigned),
        };
        var refusal = Should.Throw<RuleViolationException>(() => pendamping.Assign(new AssignPendamping(group.Id, date), group));
        return refusal.Violations.Single().ErrorCode == code && pendamping.Assignments.Count == 1;
    }

    private static Gen<((int Offset, bool Report)[] Activities, int AsOf)> ActivityCase =>
        from count in Gen.Choose(0, 6)
        from activities in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 200), Gen.Elements(true, false)), count)
        from asOf in Gen.Choose(0, 300)
        select (activities.Select(a => (a.Item1, a.Item2)).ToArray(), asOf);

    [Fact]
    [Trait("Rule", "FAC-02")]
    public void A_group_may_report_its_pendampings_inactivity_on_the_very_day_it_begins_but_not_the_day_before_nor_for_a_group_it_does_not_accompany_nor_twice()
    {
        var (pendamping, group, start) = Accompany([]);
        var inactiveSince = start.PlusDays(60);

        var early = Should.Throw<RuleViolationException>(() => pendamping.RecordInactivityReported(group.Id, inactiveSince.PlusDays(-1)));
        var stranger = Should.Throw<RuleViolationException>(() => pendamping.RecordInactivityReported(GroupId.New(), inactiveSince));
        pendamping.RecordInactivityReported(group.Id, inactiveSince);
        // A report made on the very first day of the inactivity covers it: a second one, that day or later, is refused.
        var again = Should.Throw<RuleViolationException>(() => pendamping.RecordInactivityReported(group.Id, inactiveSince));
        var later = Should.Throw<RuleViolationException>(() => pendamping.RecordInactivityReported(group.Id, inactiveSince.PlusDays(1)));

        early.Violation.ErrorCode.ShouldBe(FacilitationErrors.PendampingNotInactive);
        stranger.Violation.ErrorCode.ShouldBe(FacilitationErrors.NotAssignedOnDate);
        again.Violation.ErrorCode.ShouldBe(FacilitationErrors.InactivityAlreadyReported);
        later.Violation.ErrorCode.ShouldBe(FacilitationErrors.InactivityAlreadyReported);
        pendamping.UnreportedInactivity(inactiveSince).ShouldBeEmpty();
    }

    private static (Pendamping Pendamping, GroupStandingStub Group, LocalDate Start) Accompany((int Offset, bool Report)[] activities)
    {
        var pendamping = PendampingBuilder.Appoint(on: Appointed);
        var group = new GroupStandingStub(ProgramProfiles.KubePermensos2019);
        var start = Appointed.PlusDays(5);
        pendamping.Assign(new AssignPendamping(group.Id, start), group);
        foreach (var (offset, report) in activities)
        {
            if (report)
            {
                pendamping.SubmitReport(Facilitations.Report(group.Id, start.PlusDays(offset)));
            }
            else
            {
                pendamping.RecordVisit(Facilitations.Visit(group.Id, start.PlusDays(offset)));
            }
        }
        return (pendamping, group, start);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(FacilitationArbitraries)])]
    [Trait("Rule", "FAC-02")]
    public bool A_pendamping_without_a_visit_or_report_for_the_inactivity_period_is_inactive_and_the_group_owes_Dinas_Sosial_a_report_until_it_makes_one(ActivityHistory c)
    {
        var (pendamping, group, start) = Accompany(c.Activities);
        var asOf = start.PlusDays(c.AsOf);
        var last = c.Activities.Select(a => a.Offset).Where(o => o <= c.AsOf).Append(0).Max();
        var inactiveSince = start.PlusDays(last + 60);
        var inactive = inactiveSince <= asOf;
        var owed = pendamping.UnreportedInactivity(asOf);
        if (pendamping.IsInactiveFor(group.Id, asOf) != inactive || owed.Count != (inactive ? 1 : 0))
        {
            return false;
        }
        if (!inactive)
        {
            return Should.Throw<RuleViolationException>(() => pendamping.RecordInactivityReported(group.Id, asOf)).Violation.ErrorCode == FacilitationErrors.PendampingNotInactive;
        }
        pendamping.RecordInactivityReported(group.Id, asOf);
        var again = Should.Throw<RuleViolationException>(() => pendamping.RecordInactivityReported(group.Id, asOf)).Violation.ErrorCode;
        var resumed = asOf.PlusDays(1);
        pendamping.RecordVisit(Facilitations.Visit(group.Id, resumed));
        var lastOfAll = c.Activities.Select(a => start.PlusDays(a.Offset)).Append(resumed).Max();
        var later = lastOfAll.PlusDays(60);
        return owed[0].InactiveSince == inactiveSince
            && owed[0].GroupId == group.Id
            && pendamping.UnreportedInactivity(asOf).Count == 0
            && again == FacilitationErrors.InactivityAlreadyReported
            && pendamping.UnreportedInactivity(later.PlusDays(-1)).Count == 0
            && pendamping.UnreportedInactivity(later).Single().InactiveSince == later;
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(FacilitationArbitraries)])]
    [Trait("Rule", "FAC-02")]
    public bool A_monthly_report_falls_due_one_interval_after_the_previous_report_or_the_assignment(ActivityHistory c)
    {
        var (pendamping, group, start) = Accompany(c.Activities);
        var asOf = start.PlusDays(c.AsOf);
        var reports = c.Activities.Where(a => a.Report && a.Offset <= c.AsOf).Select(a => start.PlusDays(a.Offset)).ToList();
        var due = (reports.Count == 0 ? start : reports.Max()).PlusMonths(1);
        var overdue = pendamping.OverdueMonthlyReports(asOf);
        return pendamping.ActivityOn(asOf).Single().NextReportDueOn == due
            && overdue.Count == (asOf > due ? 1 : 0);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(FacilitationArbitraries)])]
    [Trait("Rule", "FAC-03")]
    public bool A_monthly_report_records_which_strategy_aspects_were_addressed_each_once_with_a_note(AspectNotes input)
    {
        var raw = input.Notes;
        var notes = raw.Select(n => new AspectNote((StrategyAspects)n.Item1, n.Item2)).ToArray();
        var single = notes.All(n => n.Aspect is StrategyAspects.Motivation or StrategyAspects.AwarenessAndSkillsTraining or StrategyAspects.SelfManagement or StrategyAspects.ResourceMobilisation or StrategyAspects.NetworkBuilding);
        var valid = notes.Length > 0 && single && notes.All(n => !string.IsNullOrWhiteSpace(n.Note)) && notes.Select(n => n.Aspect).Distinct().Count() == notes.Length;
        var (pendamping, group, start) = Accompany([]);
        var report = new MonthlyReport(group.Id, start.PlusDays(20), "Perkembangan kelompok baik.", notes);
        var validatorAgrees = new MonthlyReportValidator().Validate(report).IsValid == valid;
        try
        {
            pendamping.SubmitReport(report);
            var union = notes.Aggregate(StrategyAspects.None, (all, n) => all | n.Aspect);
            return valid && validatorAgrees
                && pendamping.Reports.Single().Aspects == union
                && pendamping.AspectsAddressed(group.Id, start, start.PlusDays(30)) == union;
        }
        catch (RuleViolationException e)
        {
            return !valid && validatorAgrees && e.Violations.All(v => v.RuleId == RuleIds.Fac03) && pendamping.Reports.Count == 0;
        }
    }
}
