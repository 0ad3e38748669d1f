using FluentValidation;
using KubeCore.Common;
using KubeCore.Groups;
using NodaTime;

namespace KubeCore.Meetings;

/// <summary>Input: record a meeting with its attendance (<see cref="Meeting.Open"/> then <see cref="Meeting.RecordAttendance"/>).</summary>
/// <param name="Date">The meeting date.</param>
/// <param name="Attendance">One mark per current member.</param>
/// <param name="Agenda">Optional agenda, at most <see cref="Meeting.MaxAgendaLength"/> characters (FIVE-02, <see cref="MeetingErrors.TextTooLong"/>).</param>
public sealed record RecordMeetingCommand(LocalDate Date, IReadOnlyList<AttendanceMark> Attendance, string? Agenda = null);

/// <summary>Input: take a decision at a meeting (<see cref="Meeting.Decide(TakeDecisionCommand)"/>).</summary>
/// <param name="Kind">What is decided about.</param>
/// <param name="Subject">
/// The free-text note of what was decided: not blank (<see cref="MeetingErrors.DecisionSubjectRequired"/>) and at most
/// <see cref="Meeting.MaxSubjectLength"/> characters (<see cref="MeetingErrors.TextTooLong"/>); FIVE-02.
/// </param>
/// <param name="RequiresQuorum">For other decisions: whether quorum is needed.</param>
/// <param name="Loan">The loan a <see cref="DecisionKind.LoanApproval"/> approves: required for that kind, absent for every other.</param>
/// <param name="Officers">The officers an <see cref="DecisionKind.OfficerElection"/> elects, when named; absent for every other kind.</param>
public sealed record TakeDecisionCommand(DecisionKind Kind, string Subject, bool RequiresQuorum = false, LoanId? Loan = null, IReadOnlyList<OfficerAssignment>? Officers = null);

/// <summary>Validates <see cref="RecordMeetingCommand"/> (FIVE-02): a non-empty attendance, each member once with a known mark.</summary>
public sealed class RecordMeetingCommandValidator : AbstractValidator<RecordMeetingCommand>
{
    /// <summary>Creates the validator.</summary>
    public RecordMeetingCommandValidator()
    {
        RuleFor(c => c.Attendance).NotEmpty().WithErrorCode(MeetingErrors.AttendanceEmpty);
        RuleFor(c => c.Attendance)
            .Must(a => a is null || a.Select(m => m.Member).Distinct().Count() == a.Count)
            .WithErrorCode(MeetingErrors.AttendeeDuplicate);
        RuleForEach(c => c.Attendance).ChildRules(mark =>
        {
            mark.RuleFor(m => m.Member).Must(m => m.Value != Guid.Empty).WithErrorCode(MeetingErrors.MemberRequired);
            mark.RuleFor(m => m.Mark).IsInEnum().WithErrorCode(MeetingErrors.AttendanceMarkUnknown);
        });
        RuleFor(c => c.Agenda).MaximumLength(Meeting.MaxAgendaLength).WithErrorCode(MeetingErrors.TextTooLong);
    }
}

/// <summary>
/// Validates <see cref="TakeDecisionCommand"/>: a known kind, a subject that is not blank (as <see cref="ReadableName.IsBlank"/>
/// judges it) and of at most <see cref="Meeting.MaxSubjectLength"/> characters, a loan exactly for a
/// loan approval, officers only for an officer election.
/// </summary>
public sealed class TakeDecisionCommandValidator : AbstractValidator<TakeDecisionCommand>
{
    /// <summary>Creates the validator.</summary>
    public TakeDecisionCommandValidator()
    {
        RuleFor(c => c.Kind).IsInEnum().WithErrorCode(MeetingErrors.DecisionKindUnknown);
        RuleFor(c => c.Subject).Must(subject => !ReadableName.IsBlank(subject)).WithErrorCode(MeetingErrors.DecisionSubjectRequired);
        RuleFor(c => c.Subject).MaximumLength(Meeting.MaxSubjectLength).WithErrorCode(MeetingErrors.TextTooLong);
        RuleFor(c => c.Loan).Must(loan => loan is { } id && id.Value != Guid.Empty)
            .When(c => c.Kind == DecisionKind.LoanApproval).WithErrorCode(MeetingErrors.DecisionLoanRequired);
        RuleFor(c => c.Loan).Null().When(c => c.Kind != DecisionKind.LoanApproval).WithErrorCode(MeetingErrors.DecisionLoanUnexpected);
        RuleFor(c => c.Officers).Null().When(c => c.Kind != DecisionKind.OfficerElection).WithErrorCode(MeetingErrors.DecisionOfficersUnexpected);
    }
}
