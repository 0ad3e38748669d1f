using System.Text.Json;
using KubeCore.Aid;
using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Groups;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Conventions;
using KubeCore.Tests.Support;
using NodaTime;
using Shouldly;
using static KubeCore.Tests.State.Golden.GoldenGroupScenario;

namespace KubeCore.Tests.State.Golden;

/// <summary>
/// Upgrade safety (issue #13): <c>group-0.2.json</c> holds every state a host stores for one group, written by KubeCore
/// 0.2.0 from <see cref="GoldenGroupScenario"/>. <b>The file must restore, unchanged, in every later version</b>: a
/// host's database holds states written by older versions, and stored history must always load. If a test here fails
/// after a change to the library, the change broke stored data: fix the library (read the old format), never the file.
/// A new format gets a NEW golden file next to this one (this one stays).
/// </summary>
[Trait("Category", "State")]
public class GoldenStateFileTests
{
    private const string FileName = "group-0.2.json";

    private static string GoldenPath() =>
        Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory), "tests", "KubeCore.Tests", "State", "Golden", FileName);

    /// <summary>The host's JSON setup (System.Text.Json + NodaTime), indented so the file reads and diffs well.</summary>
    private static readonly JsonSerializerOptions FileOptions = new(StateJson.Options) { WriteIndented = true };

    private static string Serialize(GoldenGroupFile file) => JsonSerializer.Serialize(file, FileOptions).ReplaceLineEndings("\n") + "\n";

    private static string ReadGolden()
    {
        // Writes the file only when asked explicitly, once, by the version that introduces it (0.2.0). NEVER regenerate it
        // to make a failing test pass: the file stands for data already in hosts' databases (see the class summary).
        if (Environment.GetEnvironmentVariable("WRITE_GOLDEN_STATE") == "1" && !File.Exists(GoldenPath()))
        {
            File.WriteAllText(GoldenPath(), Serialize(GoldenGroupScenario.Build().ToFile()));
        }
        return File.ReadAllText(GoldenPath()).ReplaceLineEndings("\n");
    }

    private static GoldenGroup RestoreGolden() => GoldenGroup.Restore(JsonSerializer.Deserialize<GoldenGroupFile>(ReadGolden(), FileOptions)!);

    private static PersonId Member(int i) => new(Id(0x2000 + i));

    [Fact]
    public void The_golden_file_restores_every_aggregate_with_the_figures_it_was_written_with()
    {
        var g = RestoreGolden();

        g.Households.Count.ShouldBe(MemberCount);
        g.Persons.Select(p => p.Id).ShouldBe(Enumerable.Range(0, MemberCount).Select(Member));
        g.Group.Id.ShouldBe(TheGroupId);
        g.Group.Status.ShouldBe(GroupStatus.Active);
        g.Group.Profile.Id.ShouldBe("KubePermensos2019@1");
        g.Group.CurrentMembers.Count.ShouldBe(MemberCount);
        g.Group.OfficerHolding(OfficerRole.Bendahara).ShouldBe(Member(2));
        g.Group.BankAccount!.AccountNumber.ShouldBe("006201000123305");
        g.Meetings.Meetings.Count.ShouldBe(Weeks);
        g.Meetings.Meetings.All(m => m.AttendanceRecorded).ShouldBeTrue();

        // The ledger: every hash and link verifies; the books balance; every week is closed.
        g.Ledger.Count.ShouldBe(GoldenFigures.LedgerEntries);
        g.Ledger.VerifyChain().IsIntact.ShouldBeTrue();
        g.Ledger.CheckConservation().ShouldBeTrue();
        g.Ledger.Entries[0].Id.ShouldBe(OpeningId);
        g.Ledger.Closes.Count.ShouldBe(Weeks);
        g.Ledger.ClosedThrough.ShouldBe(WeekStart(Weeks).PlusDays(-1));
        g.Ledger.Cash.Amount.ShouldBe(GoldenFigures.Cash);
        g.Ledger.Balances.Iks.Amount.ShouldBe(GoldenFigures.Iks);
        g.Ledger.Balances.Grant.Amount.ShouldBe(0);
        g.Ledger.SavingsOf(Member(0)).Amount.ShouldBe(GoldenFigures.KetuaSavings);
        g.Ledger.SavingsOf(Member(6)).Amount.ShouldBe(GoldenFigures.DefaulterSavings);
        g.Ledger.LoanFundAvailable.Amount.ShouldBe(GoldenFigures.LoanFundAvailable);

        // The fund: reconciles with the ledger; one loan repaid, one in arrears after a tanggung renteng cover.
        g.Fund.ReconcileWithLedger().ShouldBeEmpty();
        g.Fund.GetLoan(RepaidLoan).State.ShouldBe(LoanState.Repaid);
        g.Fund.GetLoan(DefaultedLoan).State.ShouldBe(LoanState.Disbursed);
        var status = g.Fund.StatusOf(DefaultedLoan, WeekStart(Weeks));
        status.Arrears.Amount.ShouldBe(GoldenFigures.DefaultedArrears);
        g.Fund.Covers.ShouldHaveSingleItem().Steps.Select(s => (s.Source, s.Amount.Amount)).ShouldBe(GoldenFigures.CoverSteps);
        g.Fund.RecoveryOwed(DefaultedLoan).Amount.ShouldBe(GoldenFigures.RecoveryOwed);

        // The aid grant's LPJ: fully spent against three receipts, submitted on time.
        var lpj = g.Reports.ShouldHaveSingleItem();
        lpj.Grant.ShouldBe(Rupiah.Of(20_000_000));
        lpj.Spent.ShouldBe(Rupiah.Of(20_000_000));
        lpj.Spends.Count.ShouldBe(3);
        lpj.SubmittedOn.ShouldBe(WeekStart(LpjSubmittedWeek));
        lpj.DueOn.ShouldBe(lpj.SubmittedOn!.Value);
        lpj.StatusOn(WeekStart(Weeks)).ShouldBe(LpjStatus.Submitted);
    }

    [Fact]
    [Trait("Rule", "FIVE-05")]
    public void The_week_of_the_cover_read_from_the_restored_group_shows_the_absent_defaulters_missing_savings_and_her_unpaid_installment()
    {
        var g = RestoreGolden();
        var week = g.Ledger.WeekOf(WeekStart(CoverWeek));

        var facts = GroupFacts.Week(g.Group, g.Meetings, g.Ledger, g.Fund, week);
        var report = FiveBasicRules.Check(facts, g.Group.Profile);

        facts.Meeting.ShouldBe(MeetingOf(CoverWeek));
        facts.Savings.Where(s => s.Deposits.Count == 0).Select(s => s.Member).ShouldBe([Member(AbsentIn(CoverWeek)!.Value)]);
        facts.BookClose.ShouldNotBeNull();
        facts.InstallmentsDue.Select(d => (d.Loan, d.Number, d.CoveredByJointLiability)).ShouldBe(GoldenFigures.CoverWeekInstallments);
        report.Outcomes.Select(o => (o.RuleId.ToString(), o.Status)).ShouldBe(GoldenFigures.CoverWeekOutcomes);

        // Week 5: everyone met and saved, the books were closed, the first loan's first installment was paid on its day.
        var fifth = GroupFacts.Week(g.Group, g.Meetings, g.Ledger, g.Fund, g.Ledger.WeekOf(WeekStart(5)));
        fifth.InstallmentsDue.Select(d => (d.Loan, d.Number, d.CoveredByJointLiability)).ShouldBe([(RepaidLoan, 1, false)]);
        FiveBasicRules.Check(fifth, g.Group.Profile).AllKept.ShouldBeTrue();
    }

    [Fact]
    public void Serializing_the_restored_states_gives_the_golden_file_byte_for_byte()
    {
        var golden = ReadGolden();

        var again = Serialize(RestoreGolden().ToFile());

        again.ShouldBe(golden);
    }

    [Fact]
    public void A_deposit_on_the_restored_group_is_judged_by_todays_rules_and_gets_the_id_derived_from_the_opening_id_and_its_sequence()
    {
        var g = RestoreGolden();
        var monday = WeekStart(Weeks);
        var sequence = g.Ledger.Count + 1;

        var entry = g.Ledger.Deposit(HostToday.Of(monday), monday, Member(4), Rupiah.Of(5_000), "TAB-53-05");

        entry.Sequence.ShouldBe(sequence);
        entry.Id.ShouldBe(DerivedId(OpeningId, sequence));
        entry.PreviousHash.ShouldBe(g.Ledger.Entries[^2].Hash);
        g.Ledger.VerifyChain().IsIntact.ShouldBeTrue();
        g.Ledger.TakeChanges().ShouldHaveSingleItem().Id.ShouldBe(entry.Id);
        Should.Throw<RuleViolationException>(() => g.Ledger.Deposit(HostToday.Of(monday), WeekStart(Weeks - 1), Member(4), Rupiah.Of(5_000)))
            .Violations.ShouldContain(v => v.RuleId == RuleIds.Sav05);
    }

    [Fact]
    public void The_README_example_is_the_restore_code_of_the_golden_test()
    {
        var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        var source = File.ReadAllLines(Path.Combine(root, "tests", "KubeCore.Tests", "State", "Golden", "GoldenGroupScenario.cs"));
        var begin = Array.FindIndex(source, l => l.Contains("// README: restore (begin)", StringComparison.Ordinal));
        var end = Array.FindIndex(source, l => l.Contains("// README: restore (end)", StringComparison.Ordinal));
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");

        begin.ShouldBeGreaterThan(0);
        foreach (var line in source[(begin + 1)..end])
        {
            readme.ShouldContain(line.Trim(), Case.Sensitive, customMessage: "README.md's persistence example must hold every line of GoldenGroup.Restore");
        }
    }

    // The ledger's documented id scheme, computed independently: the opening id's 128 bits (big-endian) with the last
    // 64 bits XOR-ed with 1 XOR n.
    private static EntryId DerivedId(EntryId opening, long sequence)
    {
        var bytes = opening.Value.ToByteArray(bigEndian: true);
        var tail = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(8)) ^ 1UL ^ (ulong)sequence;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), tail);
        return new EntryId(new Guid(bytes, bigEndian: true));
    }
}

/// <summary>The figures the golden scenario was written with; the comments say where they come from.</summary>
internal static class GoldenFigures
{
    /// <summary>
    /// 1 opening + 507 deposits (52 weeks × 10 members − 13 absences) + 52 closes + 1 loan capital + 13 business profits
    /// + 1 grant credit + 3 grant spends + 2 disbursements + 14 repayments (12 + 2) + 3 tanggung renteng cover steps
    /// + 1 withdrawal + 1 IKS spend.
    /// </summary>
    public const int LedgerEntries = 599;

    public const long Cash = 3_932_166;

    /// <summary>13 profits × Rp 25.000 (10 %) − Rp 100.000 santunan − Rp 50.000 to the cover.</summary>
    public const long Iks = 175_000;

    /// <summary>The ketua's 50 deposits (12 of Rp 10.000, in a month's first week: Rp 310.000) less her Rp 593 pro-rata share of the cover.</summary>
    public const long KetuaSavings = 309_407;

    /// <summary>The defaulter: 51 deposits × Rp 5.000 − Rp 80.000 withdrawn − Rp 50.000 (all she had then) to the cover.</summary>
    public const long DefaulterSavings = 125_000;

    public const long LoanFundAvailable = 1_266_665;

    /// <summary>Installments 6 to 12 of the second loan, 7 × Rp 34.833 (33.333 principal + 1.500 jasa), plus the last one's remainder.</summary>
    public const long DefaultedArrears = 243_835;

    /// <summary>The three installments covered, 3 × Rp 34.833 = Rp 104.499, less the Rp 50.000 taken from her own savings.</summary>
    public const long RecoveryOwed = 54_499;

    /// <summary>Her savings, then IKS, then the other members pro rata (LOAN-08).</summary>
    public static readonly (RentengSource, long)[] CoverSteps =
        [(RentengSource.BorrowerSavings, 50_000), (RentengSource.Iks, 50_000), (RentengSource.MemberSavings, 4_499)];

    /// <summary>Installment 6 of the second loan falls due on the cover's Monday and stays unpaid.</summary>
    public static readonly (LoanId, int, bool)[] CoverWeekInstallments = [(GoldenGroupScenario.DefaultedLoan, 6, false)];

    /// <summary>FIVE-01 not met (the defaulter was absent and did not save), FIVE-05 not met (installment 6 unpaid).</summary>
    public static readonly (string, RuleStatus)[] CoverWeekOutcomes =
        [("FIVE-01", RuleStatus.NotMet), ("FIVE-02", RuleStatus.Met), ("FIVE-03", RuleStatus.Met), ("FIVE-04", RuleStatus.Met), ("FIVE-05", RuleStatus.NotMet)];
}
