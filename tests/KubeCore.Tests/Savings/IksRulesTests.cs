using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Builders;
using static KubeCore.Tests.Builders.LedgerBuilders;

namespace KubeCore.Tests.Savings;

/// <summary>
/// An IKS spend to try: the IKS balance set aside first (10 % of the profit), the purpose, who is named (a member by
/// index, an outsider, or nobody) and the amount relative to the IKS balance.
/// </summary>
public sealed record IksSpendCase(long Profit, IksPurpose Purpose, int? MemberIndex, bool NamesOutsider, long AmountOverIks);

public static class IksArbitraries
{
    public static Arbitrary<IksSpendCase> IksSpendCase() =>
        (from profit in Gen.Choose(10, 5_000_000)
         from purpose in Gen.Elements(IksPurpose.SocialNeed, IksPurpose.SocialNeed, IksPurpose.CommunityActivity, IksPurpose.ProfitShare)
         from named in Gen.Choose(0, 3)
         from member in Gen.Choose(0, 9)
         from over in Gen.Frequency((3, Gen.Choose(-1, 1)), (2, Gen.Choose(-200_000, 200_000)))
         select new IksSpendCase(profit, purpose, named == 1 || named == 2 ? member : null, named == 3, over))
        .ToArbitrary();
}

/// <summary>
/// SAV-06 as corrected on 2026-12-06: IKS is set aside "untuk anggota kelompok, keluarga miskin lainnya" in social need,
/// so an IKS spend may help a named member; it is never paid out as a dividend nor moved into savings.
/// </summary>
public class IksRulesTests
{
    private static SavingsLedger LedgerWithIks(TestGroup group, long profit)
    {
        var ledger = OpenLedger(group);
        ledger.RecordBusinessProfit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, Rupiah.Of(profit), "LR-01");
        return ledger;
    }

    [Fact]
    [Trait("Rule", "SAV-06")]
    public void An_IKS_spend_to_a_member_in_social_need_is_accepted_and_reduces_IKS_not_the_members_savings()
    {
        var group = Ksm();
        var ledger = LedgerWithIks(group, 2_000_000);
        var sari = group.Members[5];
        ledger.Deposit(HostToday.Of(GuyubRukunStart), GuyubRukunStart, sari, Rupiah.Of(50_000));
        var cashBefore = ledger.Cash;

        var entry = ledger.SpendIks(HostToday.Of(GuyubRukunStart.PlusDays(3)), GuyubRukunStart.PlusDays(3), Rupiah.Of(150_000), IksPurpose.SocialNeed, "biaya rumah sakit anak", sari, "KW-IKS-01");

        entry.Kind.ShouldBe(EntryKind.IksSpend);
        entry.Member.ShouldBe(sari);
        entry.Memo.ShouldBe("purpose=SocialNeed;description=biaya rumah sakit anak");
        ledger.Balances.Iks.ShouldBe(Rupiah.Of(50_000));
        ledger.SavingsOf(sari).ShouldBe(Rupiah.Of(50_000));
        ledger.Cash.ShouldBe(cashBefore - Rupiah.Of(150_000));
        ledger.CheckConservation().ShouldBeTrue();
        SavingsLedger.Rehydrate(group, ledger.Entries).Balances.Iks.ShouldBe(Rupiah.Of(50_000));
    }

    [Fact]
    [Trait("Rule", "SAV-06")]
    public void A_transfer_of_IKS_into_a_members_savings_is_refused_and_changes_nothing()
    {
        var group = Ksm();
        var ledger = LedgerWithIks(group, 2_000_000);
        var count = ledger.Count;

        Should.Throw<RuleViolationException>(() => ledger.TransferBetweenFunds(HostToday.Of(GuyubRukunStart), GuyubRukunStart, LedgerAccount.Iks, LedgerAccount.MemberSavings(group.Members[5]), Rupiah.Of(10_000)))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.IksNotPaidOut);

        ledger.Count.ShouldBe(count);
        ledger.SavingsOf(group.Members[5]).ShouldBe(Rupiah.Zero);
        ledger.Balances.Iks.ShouldBe(Rupiah.Of(200_000));
    }

    [Fact]
    [Trait("Rule", "SAV-06")]
    public void An_IKS_payout_declared_as_a_profit_share_is_refused_even_as_one_spend_per_member()
    {
        var group = Ksm();
        var ledger = LedgerWithIks(group, 2_000_000);
        var count = ledger.Count;

        foreach (var member in group.Members)
        {
            var violation = Should.Throw<RuleViolationException>(() =>
                ledger.SpendIks(HostToday.Of(GuyubRukunStart), GuyubRukunStart, Rupiah.Of(20_000), IksPurpose.ProfitShare, "bagi hasil akhir tahun", member)).Violation;
            violation.RuleId.ShouldBe(RuleIds.Sav06);
            violation.ErrorCode.ShouldBe(SavingsErrors.IksNotADividend);
        }
        Should.Throw<RuleViolationException>(() => ledger.SpendIks(HostToday.Of(GuyubRukunStart), GuyubRukunStart, Rupiah.Of(200_000), IksPurpose.ProfitShare, "dividen"))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.IksNotADividend);
        ledger.Count.ShouldBe(count);
        ledger.Balances.Iks.ShouldBe(Rupiah.Of(200_000));
    }

    [Fact]
    [Trait("Rule", "SAV-06")]
    public void A_stored_IKS_spend_whose_purpose_is_a_profit_share_still_loads_and_a_new_one_is_still_refused()
    {
        // Stored history is not re-judged (issue #13): an entry written when (or where) SAV-06 allowed it loads as written.
        var group = Ksm();
        var ledger = LedgerWithIks(group, 2_000_000);
        var spend = ledger.SpendIks(HostToday.Of(GuyubRukunStart), GuyubRukunStart, Rupiah.Of(20_000), IksPurpose.SocialNeed, "bagi hasil", group.Members[4]);
        var entries = ledger.Entries.Take(ledger.Count - 1).ToList();
        var stored = Forge(spend, "purpose=ProfitShare;description=bagi hasil", IksPurpose.ProfitShare);
        entries.Add(stored);

        SavingsLedger.VerifyChain(entries).IsIntact.ShouldBeTrue();
        var rebuilt = SavingsLedger.Rehydrate(group, entries);
        rebuilt.Entries[^1].IksPurpose.ShouldBe(IksPurpose.ProfitShare);
        rebuilt.Balances.Iks.ShouldBe(ledger.Balances.Iks);
        Should.Throw<RuleViolationException>(() => rebuilt.SpendIks(HostToday.Of(GuyubRukunStart), GuyubRukunStart, Rupiah.Of(1_000), IksPurpose.ProfitShare, "dividen"))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.IksNotADividend);
    }

    private static LedgerEntry Forge(LedgerEntry e, string memo, IksPurpose purpose)
    {
        LedgerEntry Make(EntryHash hash) => LedgerEntry.FromStored(e.Group, e.Id, e.Sequence, e.BookDate, e.Kind,
            e.Legs.Select(l => LedgerLeg.FromParts(LedgerAccount.FromParts(l.Account.Kind, l.Account.Member, l.Account.Loan), l.Side, l.Amount)),
            e.Member, e.Loan, e.Reference, memo, e.Reverses, e.PreviousHash, hash, iksPurpose: purpose);
        return Make(EntryHash.FromBytes(SHA256.HashData(Make(EntryHash.Zero).CanonicalBytes())));
    }

    [Fact]
    [Trait("Rule", "SAV-06")]
    public void An_IKS_spend_naming_someone_who_is_not_a_current_member_is_refused()
    {
        var group = Ksm();
        var ledger = LedgerWithIks(group, 2_000_000);
        var leaver = group.Members[6];
        group.Leave(leaver);

        Should.Throw<RuleViolationException>(() => ledger.SpendIks(HostToday.Of(GuyubRukunStart), GuyubRukunStart, Rupiah.Of(20_000), IksPurpose.SocialNeed, "bantuan", leaver))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.IksBeneficiaryNotAMember);
        Should.Throw<RuleViolationException>(() => ledger.SpendIks(HostToday.Of(GuyubRukunStart), GuyubRukunStart, Rupiah.Of(20_000), IksPurpose.SocialNeed, "bantuan", PersonId.New()))
            .Violation.ErrorCode.ShouldBe(SavingsErrors.IksBeneficiaryNotAMember);
        ledger.SpendIks(HostToday.Of(GuyubRukunStart), GuyubRukunStart, Rupiah.Of(20_000), IksPurpose.SocialNeed, "bantuan keluarga miskin tetangga (bukan anggota)").Member.ShouldBeNull();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(IksArbitraries)])]
    [Trait("Rule", "SAV-06")]
    [Trait("Rule", "SAV-02")]
    public bool An_IKS_spend_up_to_the_IKS_balance_for_a_social_purpose_is_accepted_and_anything_else_is_refused_without_a_trace(IksSpendCase c)
    {
        var group = Ksm();
        var ledger = LedgerWithIks(group, c.Profit);
        var iks = ledger.Balances.Iks;
        var amount = iks + Rupiah.Of(c.AmountOverIks);
        PersonId? beneficiary = c.NamesOutsider ? PersonId.New() : c.MemberIndex is { } i ? group.Members[i] : null;
        var savingsBefore = group.Members.Select(ledger.SavingsOf).ToList();
        var count = ledger.Count;

        var allowed = c.Purpose != IksPurpose.ProfitShare && !c.NamesOutsider && amount.IsPositive && amount <= iks;
        try
        {
            var entry = ledger.SpendIks(HostToday.Of(GuyubRukunStart), GuyubRukunStart, amount, c.Purpose, "bantuan", beneficiary);
            return allowed
                && entry.Member == beneficiary
                && ledger.Balances.Iks == iks - amount
                && group.Members.Select(ledger.SavingsOf).SequenceEqual(savingsBefore)
                && ledger.CheckConservation();
        }
        catch (RuleViolationException e)
        {
            var expected = c.Purpose == IksPurpose.ProfitShare ? SavingsErrors.IksNotADividend
                : c.NamesOutsider ? SavingsErrors.IksBeneficiaryNotAMember
                : !amount.IsPositive ? SavingsErrors.AmountNotPositive
                : null;
            return !allowed && ledger.Count == count && ledger.Balances.Iks == iks
                && (expected is null ? e.Violation.RuleId == RuleIds.Sav02 : e.Violation.ErrorCode == expected);
        }
    }
}
