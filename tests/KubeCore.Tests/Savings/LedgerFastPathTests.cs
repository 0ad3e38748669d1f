using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Savings;
using NodaTime;
using NodaTime.Text;
using static KubeCore.Tests.Savings.LedgerFastPathArbitraries;
using static KubeCore.Tests.Savings.LedgerRunArbitraries;

namespace KubeCore.Tests.Savings;

/// <summary>
/// The ledger's compact forms (a two-leg entry stored as a pair, the week-close memo and reference written without
/// NodaTime's pattern engine) against the general form and a plain recount. Implementation tests: they state no rule
/// (the rules are stated by the Rulebook tests), so they carry no Rule trait.
/// </summary>
[Trait("Category", "Implementation")]
public class LedgerFastPathTests
{
    private static LedgerModel Run(IEnumerable<LedgerOp> ops)
    {
        var model = new LedgerModel();
        foreach (var op in ops)
        {
            model.Step(op);
        }
        return model;
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(LedgerRunArbitraries)])]
    public bool A_pair_entry_encodes_and_hashes_the_same_before_and_after_its_legs_are_built_as_an_array(LedgerRun150 run)
    {
        var ops = run.Ops;
        var ledger = Run(ops).Ledger;
        var pairs = 0;
        foreach (var entry in ledger.Entries)
        {
            var wasPair = entry.IsPairEntry;
            var bytes = entry.CanonicalBytes();
            var facts = wasPair ? entry.PairFacts : default;
            _ = entry.Legs; // builds the leg array: from now on the general encoder and totals loop read it
            entry.IsPairEntry.ShouldBeFalse();
            entry.CanonicalBytes().ShouldBe(bytes);
            entry.ComputeHash().ShouldBe(entry.Hash);
            if (wasPair)
            {
                pairs++;
                facts.Amount.ShouldBe(entry.Amount.Amount);
                (facts.CashIn - facts.CashOut).ShouldBe(entry.CashDelta);
                facts.CashIn.ShouldBe(entry.Legs.Where(l => l.Account.Kind == AccountKind.Cash && l.Side == LegSide.Debit).Sum(l => l.Amount.Amount));
                facts.CashOut.ShouldBe(entry.Legs.Where(l => l.Account.Kind == AccountKind.Cash && l.Side == LegSide.Credit).Sum(l => l.Amount.Amount));
            }
        }
        return true;
    }

    [Property(MaxTest = 40, Arbitrary = [typeof(LedgerRunArbitraries)])]
    public bool Week_totals_are_the_same_whether_pair_entries_are_read_as_pairs_or_as_leg_arrays(LedgerRun150 run)
    {
        var ops = run.Ops;
        var ledger = Run(ops).Ledger;
        var weeks = ledger.Entries.Select(e => ledger.WeekOf(e.BookDate)).Distinct().ToList();
        var asPairs = weeks.Select(w => ledger.ComputeWeekTotals(w)).Select(t => (t.ToCanonicalText(), t.Reconciles)).ToList();
        foreach (var entry in ledger.Entries)
        {
            _ = entry.Legs;
        }
        weeks.Select(w => ledger.ComputeWeekTotals(w)).Select(t => (t.ToCanonicalText(), t.Reconciles)).ToList().ShouldBe(asPairs);
        return true;
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(LedgerRunArbitraries)])]
    public bool Every_balance_after_random_operations_equals_a_plain_recount_of_the_legs_and_the_chain_replays_to_the_same_head(LedgerRun150 run)
    {
        var ops = run.Ops;
        var ledger = Run(ops).Ledger;
        var savings = new Dictionary<PersonId, long>();
        long cash = 0;
        long savingsTotal = 0;
        foreach (var entry in ledger.Entries)
        {
            foreach (var leg in entry.Legs)
            {
                if (leg.Account.Kind == AccountKind.Cash)
                {
                    cash += leg.Side == LegSide.Debit ? leg.Amount.Amount : -leg.Amount.Amount;
                }
                else if (leg.Account.Kind == AccountKind.MemberSavings)
                {
                    var signed = leg.Side == LegSide.Credit ? leg.Amount.Amount : -leg.Amount.Amount;
                    savings[leg.Account.Member!.Value] = savings.GetValueOrDefault(leg.Account.Member!.Value) + signed;
                    savingsTotal += signed;
                }
            }
        }
        ledger.Cash.ShouldBe(Rupiah.Of(cash));
        ledger.Balances.MemberSavingsTotal.ShouldBe(Rupiah.Of(savingsTotal));
        foreach (var (member, amount) in savings)
        {
            ledger.SavingsOf(member).ShouldBe(Rupiah.Of(amount));
        }
        ledger.CheckConservation().ShouldBeTrue();
        var replayed = SavingsLedger.Rehydrate(ledger.Standing, ledger.Entries, ledger.LastHash);
        replayed.LastHash.ShouldBe(ledger.LastHash);
        replayed.Cash.ShouldBe(ledger.Cash);
        foreach (var member in savings.Keys)
        {
            replayed.SavingsOf(member).ShouldBe(ledger.SavingsOf(member));
        }
        return true;
    }

    [Property(MaxTest = 40, Arbitrary = [typeof(LedgerRunArbitraries)])]
    public bool A_week_close_memo_and_reference_are_the_text_NodaTime_and_Enum_ToString_would_write(LedgerRun150 run)
    {
        var ops = run.Ops;
        var ledger = Run(ops).Ledger;
        foreach (var close in ledger.Closes)
        {
            var entry = ledger.FindEntry(close.CloseEntry)!;
            entry.Reference.ShouldBe(LocalDatePattern.Iso.Format(close.Week.Start));
            entry.Memo.ShouldBe(NaiveCanonicalText(close.Totals));
            close.Totals.ToCanonicalText().ShouldBe(entry.Memo);
        }
        return true;
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(LedgerFastPathArbitraries)])]
    public bool An_ISO_date_written_digit_by_digit_equals_NodaTime_s_ISO_pattern_for_every_year(IsoDate c)
    {
        var date = c.Date;
        IsoDateText.Format(date).ShouldBe(LocalDatePattern.Iso.Format(date));
        IsoDateText.IsFast(date).ShouldBe(date.Year is >= 1 and <= 9999);
        return true;
    }

    [Fact]
    public void An_ISO_date_outside_the_ISO_calendar_is_left_to_NodaTime()
    {
        var julian = new LocalDate(2024, 3, 1, CalendarSystem.Julian);
        IsoDateText.IsFast(julian).ShouldBeFalse();
        IsoDateText.Format(julian).ShouldBe(LocalDatePattern.Iso.Format(julian));
    }

    // The week-close text as it was built before the fast path (NodaTime patterns, Enum.ToString per kind).
    private static string NaiveCanonicalText(WeekTotals totals)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"week={totals.Week.Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}/{totals.Week.End.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}");
        text.Append(CultureInfo.InvariantCulture, $";entries={totals.Entries.Count};cashIn={totals.CashIn.Amount};cashOut={totals.CashOut.Amount}");
        text.Append(CultureInfo.InvariantCulture, $";openingCash={totals.OpeningCash.Amount};closingCash={totals.ClosingCash.Amount}");
        text.Append(CultureInfo.InvariantCulture, $";deposits={totals.Deposits.Amount};withdrawals={totals.Withdrawals.Amount}");
        foreach (var kind in Enum.GetValues<EntryKind>())
        {
            if (totals.ByKind.TryGetValue(kind, out var amount))
            {
                text.Append(CultureInfo.InvariantCulture, $";kind:{kind}={amount.Amount}");
            }
        }
        return text.ToString();
    }
}
