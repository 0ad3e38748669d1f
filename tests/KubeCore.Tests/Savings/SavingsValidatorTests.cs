using System.Globalization;
using FluentValidation;
using KubeCore.Common;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Rules.Parameters;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Tests.Savings;

public class SavingsValidatorTests
{
    private static readonly LocalDate Monday = new(2017, 1, 30);

    private static IEnumerable<string> Codes<T>(AbstractValidator<T> validator, T input) =>
        validator.Validate(input).Errors.Select(e => e.ErrorCode);

    [Fact]
    public void A_valid_deposit_passes_and_an_empty_member_zero_amount_or_long_reference_fail_with_codes()
    {
        var validator = new DepositSavingsCommandValidator();
        Codes(validator, new DepositSavingsCommand(PersonId.New(), Monday, Rupiah.Of(5_000), "TAB-01")).ShouldBeEmpty();
        Codes(validator, new DepositSavingsCommand(default, Monday, Rupiah.Zero, new string('x', 101)))
            .ShouldBe([SavingsErrors.MemberRequired, SavingsErrors.AmountNotPositive, SavingsErrors.TextTooLong]);
        Codes(new WithdrawSavingsCommandValidator(), new WithdrawSavingsCommand(PersonId.New(), Monday, Rupiah.Of(-1)))
            .ShouldBe([SavingsErrors.AmountNotPositive]);
        Codes(new RecordBusinessProfitCommandValidator(), new RecordBusinessProfitCommand(Monday, Rupiah.Zero))
            .ShouldBe([SavingsErrors.AmountNotPositive]);
    }

    [Fact]
    public void A_reversal_needs_an_entry_and_a_reason()
    {
        var validator = new ReverseEntryCommandValidator();
        Codes(validator, new ReverseEntryCommand(EntryId.New(), Monday, "salah catat")).ShouldBeEmpty();
        Codes(validator, new ReverseEntryCommand(default, Monday, " "))
            .ShouldBe([SavingsErrors.EntryRequired, SavingsErrors.ReversalReasonRequired]);
    }

    [Fact]
    public void A_week_close_starts_on_the_profile_day_and_is_not_before_the_last_day()
    {
        var validator = new CloseBookWeekCommandValidator(new SavingsParameters());
        Codes(validator, new CloseBookWeekCommand(Monday, Monday.PlusDays(6))).ShouldBeEmpty();
        Codes(validator, new CloseBookWeekCommand(Monday.PlusDays(1), Monday.PlusDays(6)))
            .ShouldBe([SavingsErrors.WeekStartMisaligned, SavingsErrors.ClosedBeforeWeekEnd]);
    }

    [Fact]
    public void A_meeting_record_needs_a_non_empty_attendance_with_each_member_once_and_known_marks()
    {
        var validator = new RecordMeetingCommandValidator();
        var a = PersonId.New();
        Codes(validator, new RecordMeetingCommand(Monday, [new(a, AttendanceStatus.Present), new(PersonId.New(), AttendanceStatus.Late)])).ShouldBeEmpty();
        Codes(validator, new RecordMeetingCommand(Monday, [])).ShouldBe([MeetingErrors.AttendanceEmpty]);
        Codes(validator, new RecordMeetingCommand(Monday, [new(a, AttendanceStatus.Present), new(a, AttendanceStatus.Absent), new(default, (AttendanceStatus)9)]))
            .ShouldBe([MeetingErrors.AttendeeDuplicate, MeetingErrors.MemberRequired, MeetingErrors.AttendanceMarkUnknown]);
        Codes(new TakeDecisionCommandValidator(), new TakeDecisionCommand((DecisionKind)0, ""))
            .ShouldBe([MeetingErrors.DecisionKindUnknown, MeetingErrors.DecisionSubjectRequired]);
    }

    [Fact]
    public void Validator_messages_come_from_the_error_codes_in_Indonesian_and_English()
    {
        var validator = new DepositSavingsCommandValidator();
        validator.Validate(new DepositSavingsCommand(PersonId.New(), Monday, Rupiah.Zero)).Errors.ShouldHaveSingleItem().ErrorCode
            .ShouldBe(SavingsErrors.AmountNotPositive);
        var manager = new KubeCoreLanguageManager();
        manager.GetString(SavingsErrors.AmountNotPositive, CultureInfo.GetCultureInfo("id")).ShouldBe("Jumlah uang harus rupiah utuh lebih dari nol.");
        manager.GetString(SavingsErrors.AmountNotPositive, CultureInfo.GetCultureInfo("en")).ShouldBe("An amount must be whole rupiah greater than zero.");
    }
}
