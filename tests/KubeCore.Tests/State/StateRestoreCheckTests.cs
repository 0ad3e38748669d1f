using System.Globalization;
using KubeCore.Common;

namespace KubeCore.Tests.State;

/// <summary>
/// The restore loops' checks (<c>StateRestoreException.Require</c>) build a broken part's name and reason only when the
/// check fails, and then exactly as the interpolated strings read.
/// </summary>
public class StateRestoreCheckTests
{
    [Fact]
    public void A_check_that_holds_evaluates_none_of_its_texts()
    {
        var evaluated = 0;
        string Count()
        {
            evaluated++;
            return "x";
        }

        StateRestoreException.Require(true, "Ledger", $"Entries[{Count()}]", $"reason {Count()}");
        StateRestoreException.Require(true, "Ledger", "Entries", "plain reason");
        evaluated.ShouldBe(0);
    }

    [Fact]
    public void A_check_that_fails_names_the_part_and_reason_as_written()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var id = new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff");
            var e = Should.Throw<StateRestoreException>(() =>
                StateRestoreException.Require(false, "MeetingRegister", $"Meetings[{41}].Attendance[{3}].Member", $"member {id} is marked twice"));
            e.ErrorCode.ShouldBe(StateErrors.Broken);
            e.Aggregate.ShouldBe("MeetingRegister");
            e.Part.ShouldBe("Meetings[41].Attendance[3].Member");
            e.Reason.ShouldBe("member 6f9619ff-8b86-d011-b42d-00c04fc964ff is marked twice");
            var plain = Should.Throw<StateRestoreException>(() => StateRestoreException.Require(false, "Ledger", "Entries", "a ledger has at least its opening entry"));
            plain.Part.ShouldBe("Entries");
            plain.Reason.ShouldBe("a ledger has at least its opening entry");
            var formatted = Should.Throw<StateRestoreException>(() =>
                StateRestoreException.Require(false, "LoanRevolving", $"Loans[{0}].Payments[{12}]", $"dated {new NodaTime.LocalDate(2026, 12, 7):uuuu-MM-dd}, {1_250_000:N0}"));
            formatted.Part.ShouldBe("Loans[0].Payments[12]");
            formatted.Reason.ShouldBe("dated 2026-12-07, 1,250,000");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
