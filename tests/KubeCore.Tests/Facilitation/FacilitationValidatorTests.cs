using KubeCore.Common;
using KubeCore.Facilitation;
using KubeCore.Tests.Groups;
using NodaTime;

namespace KubeCore.Tests.Facilitation;

public class FacilitationValidatorTests
{
    private static readonly LocalDate On = new(2019, 2, 28);

    [Fact]
    public void An_assignment_names_its_group()
    {
        new AssignPendampingValidator().Validate(new AssignPendamping(GroupId.New(), On)).IsValid.ShouldBeTrue();
        GroupValidatorTests.ShouldFailWith(new AssignPendampingValidator().Validate(new AssignPendamping(default, On)), FacilitationErrors.AssignmentFieldRequired);
    }

    [Fact]
    public void A_visit_names_its_group_and_what_happened()
    {
        new FacilitationVisitValidator().Validate(new FacilitationVisit(GroupId.New(), On, "Pendampingan pembukuan")).IsValid.ShouldBeTrue();
        GroupValidatorTests.ShouldFailWith(new FacilitationVisitValidator().Validate(new FacilitationVisit(default, On, " ")),
            FacilitationErrors.ReportFieldRequired, FacilitationErrors.ReportFieldRequired);
    }

    [Fact]
    [Trait("Rule", "FAC-03")]
    public void A_monthly_report_needs_a_summary_and_one_note_per_single_aspect_addressed()
    {
        var group = GroupId.New();
        var good = new MonthlyReport(group, On, "Usaha berjalan.", [new(StrategyAspects.Motivation, "Motivasi menabung"), new(StrategyAspects.NetworkBuilding, "Kerja sama dengan koperasi")]);
        new MonthlyReportValidator().Validate(good).IsValid.ShouldBeTrue();
        good.Aspects.ShouldBe(StrategyAspects.Motivation | StrategyAspects.NetworkBuilding);

        GroupValidatorTests.ShouldFailWith(new MonthlyReportValidator().Validate(good with { Summary = "", Notes = [] }),
            FacilitationErrors.ReportFieldRequired, FacilitationErrors.NoAspect);
        var bad = good with
        {
            Notes = [new(StrategyAspects.Motivation | StrategyAspects.SelfManagement, "Dua aspek"), new(StrategyAspects.SelfManagement, " "), new(StrategyAspects.Motivation, "a"), new(StrategyAspects.Motivation, "b")],
        };
        var result = new MonthlyReportValidator().Validate(bad);
        GroupValidatorTests.ShouldFailWith(result, FacilitationErrors.NotOneAspect, FacilitationErrors.AspectNoteRequired, FacilitationErrors.AspectRepeated, FacilitationErrors.AspectRepeated);
        GroupValidatorTests.Render(result.Errors[0], "en").ShouldBe("Each note must name exactly one strategy aspect, not Motivation, SelfManagement.");
        GroupValidatorTests.ShouldFailWith(new MonthlyReportValidator().Validate(good with { Notes = null! }), FacilitationErrors.ReportFieldRequired);
    }
}
