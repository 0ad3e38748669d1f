using FsCheck.Xunit;
using KubeCore.Aid;
using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Tests.Support;
using NodaTime;
using static KubeCore.Tests.State.StateScript;

namespace KubeCore.Tests.State;

[Trait("Category", "State")]
public class AccountabilityReportStateTests
{
    private static readonly LocalDate DisbursedOn = new(2019, 7, 15);
    private static readonly Rupiah Grant = Rupiah.Of(20_000_000);

    private static AccountabilityReport Opened() => AccountabilityReport.Open(new GroupId(G(0, 3)), Grant, DisbursedOn, ProgramProfiles.KubePermensos2019);

    // A spend of up to Rp 9 jt with a receipt from a few (one blank, two the same but for case), sometimes dated before the
    // disbursement; or the submission.
    private static string Step(AccountabilityReport report, int[] s)
    {
        var day = DisbursedOn.PlusDays(s[1] % 30 - 2);
        if (s[0] % 5 == 4)
        {
            report.Submit(day);
            return report.StatusOn(day).ToString();
        }
        string[] receipts = ["NOTA-001", "nota-001", "KW-17", "KW-18", " ", "KW-19", "KW-20"];
        report.RecordSpend(new AidSpend(day, (SpendCategory)(s[2] % 7 + 1), Rupiah.Of((s[3] % 10) * 1_000_000L), receipts[s[4] % receipts.Length], "sapi bakalan"));
        return report.Remaining.ToString();
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(OperationScriptArbitraries)])]
    public bool An_lpj_saved_and_restored_at_any_step_decides_every_later_operation_as_the_uninterrupted_one(OperationScript script) =>
        SaveAndRestoreChangeNothing(script, Opened, Step, r => r.ToState(), AccountabilityReport.Restore);

    [Property(MaxTest = 100, Arbitrary = [typeof(OperationScriptArbitraries)])]
    public bool An_lpj_state_and_the_changes_taken_after_it_restore_the_live_report(OperationScript script) =>
        StateAndChangesRestoreTheLiveAggregate(script, Opened, Step, r => r.ToState(), r => r.TakeChanges(), AccountabilityReport.Restore);

    private static AccountabilityReportState TwoSpends()
    {
        var report = Opened();
        report.RecordSpend(new AidSpend(DisbursedOn, SpendCategory.Livestock, Rupiah.Of(12_000_000), "KW-17", "sapi bakalan"));
        report.RecordSpend(new AidSpend(DisbursedOn.PlusDays(3), SpendCategory.RawMaterials, Rupiah.Of(3_000_000), "KW-18", "pakan"));
        return report.ToState();
    }

    public static TheoryData<string, string> BrokenReports() => new()
    {
        { "receipt twice", "Spends[1].ReceiptReference" },
        { "blank receipt", "Spends[0].ReceiptReference" },
        { "above the grant", "Spends[1].Amount" },
        { "no amount", "Spends[0].Amount" },
        { "no grant", "Grant" },
        { "due before disbursement", "DueOn" },
    };

    [Theory]
    [MemberData(nameof(BrokenReports))]
    public void A_structurally_broken_lpj_state_is_refused_naming_the_broken_part(string defect, string part)
    {
        var state = TwoSpends();
        var s = state.Spends;
        var broken = defect switch
        {
            "receipt twice" => state with { Spends = [s[0], s[1] with { ReceiptReference = " kw-17" }] },
            "blank receipt" => state with { Spends = [s[0] with { ReceiptReference = "" }, s[1]] },
            "above the grant" => state with { Spends = [s[0], s[1] with { Amount = Rupiah.Of(8_000_001) }] },
            "no amount" => state with { Spends = [s[0] with { Amount = Rupiah.Zero }, s[1]] },
            "no grant" => state with { Grant = Rupiah.Zero },
            _ => state with { DueOn = DisbursedOn.PlusDays(-1) },
        };
        var ex = Should.Throw<StateRestoreException>(() => AccountabilityReport.Restore(StateJson.RoundTrip(broken)));
        ex.ErrorCode.ShouldBe(StateErrors.Broken);
        ex.Part.ShouldBe(part);
    }

    [Fact]
    public void An_lpj_state_in_an_unknown_format_or_a_spend_after_the_submission_is_refused()
    {
        var state = TwoSpends() with { SubmittedOn = DisbursedOn.PlusDays(10) };
        Should.Throw<StateRestoreException>(() => AccountabilityReport.Restore(state with { Format = 2 })).ErrorCode.ShouldBe(StateErrors.FormatUnsupported);
        var late = new AidSpendRecorded(new AidSpend(DisbursedOn.PlusDays(11), SpendCategory.Other, Rupiah.Of(1), "KW-99", "x"));
        Should.Throw<StateRestoreException>(() => AccountabilityReport.Restore(state, [late])).Part.ShouldBe("Changes[0]");
        // Exactly the whole grant is a legal LPJ.
        var whole = TwoSpends();
        AccountabilityReport.Restore(whole with { Spends = [whole.Spends[0], whole.Spends[1] with { Amount = Rupiah.Of(8_000_000) }] }).Remaining.ShouldBe(Rupiah.Zero);
    }

    [Fact]
    public void An_lpj_that_todays_rules_would_refuse_still_restores()
    {
        // A spend dated before the disbursement and a submission before the last spend (AID-03 refuses both today),
        // under a profile no longer known to the host (the LPJ does not need it).
        var state = TwoSpends() is var s ? s with
        {
            ProfileId = "KubeLama@1",
            Spends = [s.Spends[0] with { Date = DisbursedOn.PlusDays(-5) }, s.Spends[1]],
            SubmittedOn = DisbursedOn.PlusDays(1),
        } : null!;
        var report = AccountabilityReport.Restore(StateJson.RoundTrip(state));
        report.Spent.ShouldBe(Rupiah.Of(15_000_000));
        report.StatusOn(DisbursedOn.PlusDays(30)).ShouldBe(LpjStatus.Submitted);
    }
}
