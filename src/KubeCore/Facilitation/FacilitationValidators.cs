using FluentValidation;
using KubeCore.Common;
using KubeCore.Groups;

namespace KubeCore.Facilitation;

/// <summary>Validates an <see cref="AssignPendamping"/> at the boundary; the pendamping decides FAC-01 (<see cref="Pendamping.Assign"/>).</summary>
public sealed class AssignPendampingValidator : AbstractValidator<AssignPendamping>
{
    /// <summary>Creates the validator.</summary>
    public AssignPendampingValidator() =>
        RuleFor(x => x.GroupId).NotEqual(default(GroupId)).WithErrorCode(FacilitationErrors.AssignmentFieldRequired);
}

/// <summary>
/// Validates a <see cref="FacilitationVisit"/> at the boundary: the group and what happened (not blank as
/// <see cref="ReadableName.IsBlank"/> judges it, at most <see cref="FacilitationVisit.MaxNotesLength"/> characters; FAC-02).
/// </summary>
public sealed class FacilitationVisitValidator : AbstractValidator<FacilitationVisit>
{
    /// <summary>Creates the validator.</summary>
    public FacilitationVisitValidator()
    {
        RuleFor(x => x.GroupId).NotEqual(default(GroupId)).WithErrorCode(FacilitationErrors.ReportFieldRequired);
        RuleFor(x => x.Notes).Must(notes => !ReadableName.IsBlank(notes)).WithErrorCode(FacilitationErrors.ReportFieldRequired);
        RuleFor(x => x.Notes).MaximumLength(FacilitationVisit.MaxNotesLength).WithErrorCode(FacilitationErrors.TextTooLong);
    }
}

/// <summary>
/// Validates a <see cref="MonthlyReport"/> at the boundary: the group, a summary (not blank as <see cref="ReadableName.IsBlank"/>
/// judges it, at most <see cref="MonthlyReport.MaxSummaryLength"/> characters; FAC-02) and the strategy aspects (FAC-03):
/// at least one note, each naming exactly one aspect, once, with a note.
/// </summary>
public sealed class MonthlyReportValidator : AbstractValidator<MonthlyReport>
{
    /// <summary>Creates the validator.</summary>
    public MonthlyReportValidator()
    {
        RuleFor(x => x.GroupId).NotEqual(default(GroupId)).WithErrorCode(FacilitationErrors.ReportFieldRequired);
        RuleFor(x => x.Summary).Must(summary => !ReadableName.IsBlank(summary)).WithErrorCode(FacilitationErrors.ReportFieldRequired);
        RuleFor(x => x.Summary).MaximumLength(MonthlyReport.MaxSummaryLength).WithErrorCode(FacilitationErrors.TextTooLong);
        RuleFor(x => x.Notes).NotNull().WithErrorCode(FacilitationErrors.ReportFieldRequired);
        RuleFor(x => x.Notes).NotEmpty().When(x => x.Notes is not null).WithErrorCode(FacilitationErrors.NoAspect);
        RuleForEach(x => x.Notes).NotNull().WithErrorCode(FacilitationErrors.ReportFieldRequired);
        When(x => x.Notes is not null && x.Notes.All(n => n is not null), () =>
        {
            RuleForEach(x => x.Notes)
                .Must((_, note, context) => ValidationArguments.Passes(context, Pendamping.IsSingleAspect(note.Aspect), ("Aspect", note.Aspect)))
                .WithErrorCode(FacilitationErrors.NotOneAspect);
            RuleForEach(x => x.Notes)
                .Must((_, note, context) => ValidationArguments.Passes(context, !Pendamping.IsSingleAspect(note.Aspect) || !ReadableName.IsBlank(note.Note), ("Aspect", note.Aspect)))
                .WithErrorCode(FacilitationErrors.AspectNoteRequired);
            RuleForEach(x => x.Notes)
                .Must((x, note, context) => ValidationArguments.Passes(context, !Pendamping.IsSingleAspect(note.Aspect) || x.Notes.Count(n => n.Aspect == note.Aspect) == 1, ("Aspect", note.Aspect)))
                .WithErrorCode(FacilitationErrors.AspectRepeated);
        });
    }
}
