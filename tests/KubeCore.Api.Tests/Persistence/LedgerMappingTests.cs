using System.Text.Json;
using KubeCore.Api.Json;
using KubeCore.Api.Mapping;
using KubeCore.Api.Persistence;
using KubeCore.Common;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.Api.Tests.Persistence;

/// <summary>
/// <see cref="LedgerMapping.ToState"/> reads the legs, facts and kind that <see cref="LedgerMapping.ToRow"/> writes with its
/// own readers, and everything else with System.Text.Json and <c>Enum.Parse</c> as before: every entry kind round-trips
/// through the readers, and any other text, valid or malformed, gives what the general serializer gives (the same state,
/// or the same exception).
/// </summary>
public sealed class LedgerMappingTests
{
    private static readonly JsonSerializerOptions Options = KubeCoreJsonConverters.Storage;

    private static readonly PersonId Siti = new(Guid.Parse("6f1c2a7e-0b53-4c1e-9d1a-2f3b4c5d6e7f"));
    private static readonly PersonId Rina = new(Guid.Parse("A0B1C2D3-E4F5-4617-8899-AABBCCDDEEFF"));
    private static readonly LoanId Loan = new(Guid.Parse("11111111-2222-4333-8444-555555555555"));

    [Fact]
    public void Every_entry_kind_round_trips_through_the_rows_own_readers()
    {
        var states = Entries().ToList();
        Enum.GetValues<EntryKind>().ShouldAllBe(kind => states.Any(s => s.Kind == kind));
        foreach (var state in states)
        {
            var row = LedgerMapping.ToRow(state);
            LedgerMapping.TryReadKind(row.Kind, out _).ShouldBeTrue(row.Kind);
            LedgerMapping.TryReadLegs(row.Legs, out _).ShouldBeTrue(row.Legs);
            if (row.Facts is not null)
            {
                LedgerMapping.TryReadFacts(row.Facts, out _).ShouldBeTrue(row.Facts);
            }
            var read = LedgerMapping.ToState(row);
            Json(read).ShouldBe(Json(state));
            Json(read).ShouldBe(Json(Serializer(row)));
            Json(LedgerMapping.ToRow(read)).ShouldBe(Json(row));
        }
    }

    [Theory]
    // Valid JSON: read directly when it is the stored shape (whitespace and the Guid's case aside), otherwise by the serializer.
    [InlineData("""[{"amount":5000,"side":"Debit","loan":null,"member":null,"account":"Cash"}]""", false)]
    [InlineData(""" [ { "account" : "Cash" , "member" : null , "loan" : null , "side" : "Debit" , "amount" : 5000 } ] """, true)]
    [InlineData("""[{"Account":"Cash","member":null,"loan":null,"side":"Debit","amount":5000}]""", false)]
    [InlineData("""[{"account":"cash","member":null,"loan":null,"side":"debit","amount":5000}]""", false)]
    [InlineData("""[{"account":"MemberSavings","member":"6F1C2A7E-0B53-4C1E-9D1A-2F3B4C5D6E7F","loan":null,"side":"Credit","amount":5000}]""", true)]
    [InlineData("""[{"account":"MemberSavings","member":"{6f1c2a7e-0b53-4c1e-9d1a-2f3b4c5d6e7f}","loan":null,"side":"Credit","amount":5000}]""", false)]
    [InlineData("""[{"account":"\u0043ash","member":null,"loan":null,"side":"Debit","amount":5000}]""", false)]
    [InlineData("""[{"account":"Cash","member":null,"loan":null,"side":"Debit","amount":-5000}]""", true)]
    [InlineData("""[{"account":"Cash","member":null,"loan":null,"side":"Debit","amount":5000,"amount":6000}]""", false)]
    [InlineData("""[]""", true)]
    [InlineData("""null""", false)]
    // Malformed: refused as before, with the same exception.
    [InlineData("", false)]
    [InlineData("[", false)]
    [InlineData("[{}]", false)]
    [InlineData("""[{"account":"Cash"}]""", false)]
    [InlineData("""[{"account":"Gold","member":null,"loan":null,"side":"Debit","amount":5000}]""", false)]
    [InlineData("""[{"account":1,"member":null,"loan":null,"side":"Debit","amount":5000}]""", false)]
    [InlineData("""[{"account":"Cash","member":null,"loan":null,"side":"Both","amount":5000}]""", false)]
    [InlineData("""[{"account":"Cash","member":null,"loan":null,"side":"Debit","amount":"5000"}]""", false)]
    [InlineData("""[{"account":"Cash","member":null,"loan":null,"side":"Debit","amount":5000.5}]""", false)]
    [InlineData("""[{"account":"Cash","member":null,"loan":null,"side":"Debit","amount":99999999999999999999}]""", false)]
    [InlineData("""[{"account":"Cash","member":"siti","loan":null,"side":"Debit","amount":5000}]""", false)]
    [InlineData("""[{"account":"Cash","member":"00000000-0000-0000-0000-000000000000","loan":null,"side":"Debit","amount":5000}]""", false)]
    [InlineData("""[{"account":"Cash","member":null,"loan":null,"side":"Debit","amount":5000}]x""", false)]
    [InlineData("""[{"account":"Cash","member":null,"loan":null,"side":"Debit","amount":5000},]""", false)]
    [InlineData("""[{"account":"Cash","member":null,"loan":null,"side":"Debit","amount":5000} // note""", false)]
    [InlineData("""{"account":"Cash","member":null,"loan":null,"side":"Debit","amount":5000}""", false)]
    [InlineData("""[null]""", false)]
    public void Legs_in_the_stored_shape_are_read_directly_and_any_other_text_as_the_serializer_reads_it(string legs, bool direct)
    {
        LedgerMapping.TryReadLegs(legs, out _).ShouldBe(direct);
        SameAsSerializer(Row(r => r.Legs = legs));
    }

    [Theory]
    [InlineData("""{"profit":250000,"iksPurpose":null,"weekStartsOn":null,"profileId":null,"closedWeekStart":null}""", true)]
    [InlineData("""{"profit":null,"iksPurpose":"CommunityActivity","weekStartsOn":null,"profileId":null,"closedWeekStart":null}""", true)]
    [InlineData("""{"profit":null,"iksPurpose":null,"weekStartsOn":1,"profileId":"kube-\u00e9","closedWeekStart":null}""", true)]
    [InlineData("""{"profit":null,"iksPurpose":null,"weekStartsOn":null,"profileId":null,"closedWeekStart":"2024-02-29"}""", true)]
    [InlineData("""{"closedWeekStart":"2019-01-21","profit":null,"iksPurpose":null,"weekStartsOn":null,"profileId":null}""", false)]
    [InlineData("""{"profit":null}""", false)]
    [InlineData("""{}""", false)]
    [InlineData("""null""", false)]
    [InlineData("""{"profit":null,"iksPurpose":null,"weekStartsOn":null,"profileId":null,"closedWeekStart":"2023-02-29"}""", false)]
    [InlineData("""{"profit":null,"iksPurpose":null,"weekStartsOn":null,"profileId":null,"closedWeekStart":"2019-1-21"}""", false)]
    [InlineData("""{"profit":null,"iksPurpose":"Party","weekStartsOn":null,"profileId":null,"closedWeekStart":null}""", false)]
    [InlineData("""{"profit":"1","iksPurpose":null,"weekStartsOn":null,"profileId":null,"closedWeekStart":null}""", false)]
    [InlineData("""{"profit":null,"iksPurpose":null,"weekStartsOn":1.5,"profileId":null,"closedWeekStart":null}""", false)]
    [InlineData("""{"profit":null,"iksPurpose":null,"weekStartsOn":null,"profileId":7,"closedWeekStart":null}""", false)]
    [InlineData("""{"profit":null,"iksPurpose":null,"weekStartsOn":null,"profileId":null,"closedWeekStart":null}}""", false)]
    [InlineData("""{""", false)]
    [InlineData("", false)]
    public void Facts_in_the_stored_shape_are_read_directly_and_any_other_text_as_the_serializer_reads_it(string facts, bool direct)
    {
        LedgerMapping.TryReadFacts(facts, out _).ShouldBe(direct);
        SameAsSerializer(Row(r => r.Facts = facts));
    }

    [Theory]
    [InlineData("SavingsDeposit", true)]
    [InlineData("WeekClosed", true)]
    [InlineData("savingsdeposit", false)]
    [InlineData(" SavingsDeposit", false)]
    [InlineData("2", false)]
    [InlineData("99", false)]
    [InlineData("BooksOpened, SavingsDeposit", false)]
    [InlineData("Nothing", false)]
    [InlineData("", false)]
    public void A_kind_other_than_a_name_is_parsed_by_Enum_Parse_as_before(string kind, bool direct)
    {
        LedgerMapping.TryReadKind(kind, out _).ShouldBe(direct);
        SameAsSerializer(Row(r => r.Kind = kind));
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000g00")]
    public void A_malformed_hash_is_refused_as_before(string hash) =>
        Should.Throw<FormatException>(() => LedgerMapping.ToState(Row(r => r.Hash = hash)));

    // The row as before the direct readers: legs and facts by the serializer, the kind by Enum.Parse.
    private static LedgerEntryState Serializer(LedgerEntryRow row)
    {
        var facts = row.Facts is null ? null : JsonSerializer.Deserialize<EntryFactsData>(row.Facts, Options);
        return new LedgerEntryState(row.Format, new EntryId(row.EntryId), row.Sequence, LocalDate.FromDateOnly(row.BookDate), Enum.Parse<EntryKind>(row.Kind),
            JsonSerializer.Deserialize<List<LedgerLegState>>(row.Legs, Options) ?? [],
            row.MemberId is { } m ? new PersonId(m) : null, row.LoanId is { } l ? new LoanId(l) : null, row.Reverses is { } r ? new EntryId(r) : null,
            row.Reference, row.Memo, facts?.Profit is { } profit ? Rupiah.Of(profit) : null, facts?.IksPurpose,
            facts?.WeekStartsOn is { } day ? (IsoDayOfWeek)day : null, facts?.ProfileId, facts?.ClosedWeekStart is { } start ? LocalDate.FromDateOnly(start) : null,
            EntryHash.Parse(row.PreviousHash), EntryHash.Parse(row.Hash));
    }

    // ToState gives the state the serializer gives, or throws the exception (type and message) it throws.
    private static void SameAsSerializer(LedgerEntryRow row)
    {
        var expected = Outcome(() => Serializer(row));
        var actual = Outcome(() => LedgerMapping.ToState(row));
        actual.ShouldBe(expected);
    }

    private static string Outcome(Func<LedgerEntryState> read)
    {
        try
        {
            return Json(read());
        }
        catch (Exception e)
        {
            return e.GetType().FullName + ": " + e.Message;
        }
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    // A deposit's row, changed.
    private static LedgerEntryRow Row(Action<LedgerEntryRow> change)
    {
        var row = LedgerMapping.ToRow(Entry(7, EntryKind.SavingsDeposit, [Leg(AccountKind.Cash, LegSide.Debit, 5_000), Leg(AccountKind.MemberSavings, LegSide.Credit, 5_000, Siti)], member: Siti));
        change(row);
        return row;
    }

    // Each kind with the legs and facts it carries, and the variants of each (every account, side, IKS purpose, week day);
    // LedgerReadTests stores them too.
    internal static IEnumerable<LedgerEntryState> Entries()
    {
        var sequence = 0L;
        long Next() => ++sequence;
        yield return Entry(Next(), EntryKind.BooksOpened, [], weekStartsOn: IsoDayOfWeek.Monday, profileId: "kube-2019");
        yield return Entry(Next(), EntryKind.BooksOpened, [], weekStartsOn: IsoDayOfWeek.Sunday, profileId: "ksm-p2kp \"uji\" é");
        yield return Entry(Next(), EntryKind.SavingsDeposit, [Leg(AccountKind.Cash, LegSide.Debit, 5_000), Leg(AccountKind.MemberSavings, LegSide.Credit, 5_000, Siti)], member: Siti);
        yield return Entry(Next(), EntryKind.SavingsWithdrawal, [Leg(AccountKind.MemberSavings, LegSide.Debit, 20_000, Rina), Leg(AccountKind.Cash, LegSide.Credit, 20_000)], member: Rina);
        yield return Entry(Next(), EntryKind.IksFromProfit, [Leg(AccountKind.Cash, LegSide.Debit, 25_000), Leg(AccountKind.Iks, LegSide.Credit, 25_000)], profit: 250_000);
        foreach (var purpose in Enum.GetValues<IksPurpose>())
        {
            yield return Entry(Next(), EntryKind.IksSpend, [Leg(AccountKind.Iks, LegSide.Debit, 10_000), Leg(AccountKind.Cash, LegSide.Credit, 10_000)], member: Siti, purpose: purpose);
        }
        yield return Entry(Next(), EntryKind.GrantCredited, [Leg(AccountKind.Cash, LegSide.Debit, 20_000_000), Leg(AccountKind.Grant, LegSide.Credit, 20_000_000)]);
        yield return Entry(Next(), EntryKind.GrantSpend, [Leg(AccountKind.Grant, LegSide.Debit, 1_500_000), Leg(AccountKind.Cash, LegSide.Credit, 1_500_000)]);
        yield return Entry(Next(), EntryKind.LoanCapitalAdded, [Leg(AccountKind.Cash, LegSide.Debit, 2_000_000), Leg(AccountKind.LoanFund, LegSide.Credit, 2_000_000)]);
        yield return Entry(Next(), EntryKind.FundTransfer, [Leg(AccountKind.Grant, LegSide.Debit, 5_000_000), Leg(AccountKind.LoanFund, LegSide.Credit, 5_000_000)]);
        yield return Entry(Next(), EntryKind.Expense, [Leg(AccountKind.Expenses, LegSide.Debit, 35_000), Leg(AccountKind.Cash, LegSide.Credit, 35_000)]);
        yield return Entry(Next(), EntryKind.LoanDisbursement, [Leg(AccountKind.LoanReceivable, LegSide.Debit, 500_000, Siti, Loan), Leg(AccountKind.Cash, LegSide.Credit, 500_000)], member: Siti, loan: Loan);
        yield return Entry(Next(), EntryKind.LoanRepayment,
            [Leg(AccountKind.Cash, LegSide.Debit, 171_667), Leg(AccountKind.LoanReceivable, LegSide.Credit, 166_667, Siti, Loan), Leg(AccountKind.ServiceChargeIncome, LegSide.Credit, 5_000)], member: Siti, loan: Loan);
        yield return Entry(Next(), EntryKind.RentengCover,
            [Leg(AccountKind.MemberSavings, LegSide.Debit, 100_000, Siti), Leg(AccountKind.Iks, LegSide.Debit, 50_000), Leg(AccountKind.MemberSavings, LegSide.Debit, 21_667, Rina),
             Leg(AccountKind.LoanReceivable, LegSide.Credit, 166_667, Siti, Loan), Leg(AccountKind.ServiceChargeIncome, LegSide.Credit, 5_000)], member: Siti, loan: Loan);
        yield return Entry(Next(), EntryKind.RentengRecovery, [Leg(AccountKind.Cash, LegSide.Debit, 21_667), Leg(AccountKind.MemberSavings, LegSide.Credit, 21_667, Rina)], member: Siti, loan: Loan);
        yield return Entry(Next(), EntryKind.Reversal, [Leg(AccountKind.MemberSavings, LegSide.Debit, 5_000, Siti), Leg(AccountKind.Cash, LegSide.Credit, 5_000)], member: Siti,
            reverses: new EntryId(Guid.Parse("22222222-3333-4444-8555-666666666666")));
        yield return Entry(Next(), EntryKind.WeekClosed, [], closedWeekStart: new LocalDate(2019, 1, 21));
        yield return Entry(Next(), EntryKind.WeekClosed, [], closedWeekStart: new LocalDate(2028, 2, 28));
    }

    private static LedgerLegState Leg(AccountKind account, LegSide side, long amount, PersonId? member = null, LoanId? loan = null) =>
        new(account, member, loan, side, Rupiah.Of(amount));

    private static LedgerEntryState Entry(long sequence, EntryKind kind, LedgerLegState[] legs, PersonId? member = null, LoanId? loan = null, EntryId? reverses = null,
        long? profit = null, IksPurpose? purpose = null, IsoDayOfWeek? weekStartsOn = null, string? profileId = null, LocalDate? closedWeekStart = null) =>
        new(3, new EntryId(Guid.Parse($"00000000-0000-4000-8000-{sequence:000000000000}")), sequence, new LocalDate(2019, 1, 21).PlusDays((int)sequence), kind, legs,
            member, loan, reverses, sequence % 2 == 0 ? "KW-" + sequence : string.Empty, sequence % 3 == 0 ? "tabungan rutin — minggu " + sequence : string.Empty,
            profit is { } p ? Rupiah.Of(p) : null, purpose, weekStartsOn, profileId, closedWeekStart, Hash(sequence - 1), Hash(sequence));

    private static EntryHash Hash(long seed)
    {
        if (seed == 0)
        {
            return EntryHash.Zero;
        }
        var bytes = new byte[EntryHash.Length];
        new Random((int)seed).NextBytes(bytes);
        return EntryHash.FromBytes(bytes);
    }
}
