using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KubeCore.Api.Tests.Api;

/// <summary>
/// Issue 14, items 1-3 through the API: the probe's amounts, dates and names that froze or polluted a group are refused
/// with KubeCore's codes (SAV-08, SAV-09, MEM-07), the group goes on working, and names stored before MEM-07 still load.
/// </summary>
public sealed class LimitsTests(ApiHosts hosts)
{
    private async Task<GroupScenario> ActiveGroupWithBooksAsync(ApiFactory api)
    {
        var s = new GroupScenario((role, group) => api.ClientAs(role, group));
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM Batas", "2019-01-07");
        await s.OpenBooksAsync("2019-01-21");
        return s;
    }

    private static Task<HttpResponseMessage> Post(GroupScenario s, string path, object body) =>
        s.Treasurer.PostAsync($"/groups/{s.GroupId}/{path}", body, Guid.NewGuid().ToString());

    [Fact]
    public async Task Amounts_of_long_MaxValue_are_refused_with_SAV_08_and_the_group_can_still_save()
    {
        var s = await ActiveGroupWithBooksAsync(hosts.For(DatabaseEngine.Sqlite));
        const long max = long.MaxValue;

        await (await Post(s, "savings/deposits", new { member = s.Members[0], date = "2019-01-21", amount = max })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV08_AMOUNT_ABOVE_CEILING");
        await (await Post(s, "ledger/profits", new { date = "2019-01-21", amount = max })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV08_AMOUNT_ABOVE_CEILING");
        await (await Post(s, "ledger/loan-capital", new { date = "2019-01-21", amount = max })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV08_AMOUNT_ABOVE_CEILING");
        await (await Post(s, "savings/deposits", new { member = s.Members[0], date = "2019-01-21", amount = 1_000_000_000_000 })).ExpectAsync(HttpStatusCode.Created);
        await (await Post(s, "savings/deposits", new { member = s.Members[1], date = "2019-01-21", amount = 5_000 })).ExpectAsync(HttpStatusCode.Created);
        await (await Post(s, "ledger/loan-capital", new { date = "2019-01-21", amount = 1_000_000 })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_date_after_the_groups_today_is_refused_with_SAV_09_and_a_week_at_the_end_of_the_calendar_never_answers_500()
    {
        var s = await ActiveGroupWithBooksAsync(hosts.For(DatabaseEngine.Sqlite));

        await (await Post(s, "savings/deposits", new { member = s.Members[0], date = "9999-12-31", amount = 5_000 })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV09_DATE_AFTER_TODAY");
        await (await Post(s, "ledger/week-closes", new { weekStart = "9999-12-27", closedOn = "9999-12-31" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV09_DATE_AFTER_TODAY");
        var tomorrowSomewhere = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await (await Post(s, "ledger/expenses", new { date = tomorrowSomewhere, amount = 1 })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV09_DATE_AFTER_TODAY");
        await (await Post(s, "savings/deposits", new { member = s.Members[0], date = "2019-01-22", amount = 5_000 })).ExpectAsync(HttpStatusCode.Created);
        await (await Post(s, "ledger/week-closes", new { weekStart = "2019-01-21", closedOn = "2019-01-27" })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Unreadable_names_and_a_household_without_persons_are_refused_with_MEM_07()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var dinsos = api.ClientAs(Roles.Dinsos);
        var person = Identities.Person(female: true);
        object Household(params object[] persons) => new { familyCard = Identities.FamilyCard(), desa = "62.71.01.1001", size = 4, persons };
        object Named(string name) => new { name, nik = person.Nik, sex = person.Sex, birthDate = person.BirthDate, role = "Head", employment = "Trader" };

        await (await dinsos.PostAsync("/households", Household(Named("\u200B\u200B")))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM07_NAME_EMPTY");
        await (await dinsos.PostAsync("/households", Household(Named("Siti\u0000")))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM07_NAME_UNREADABLE_CHARACTER");
        await (await dinsos.PostAsync("/households", Household(Named("Siti \u202Eharam")))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM07_NAME_UNREADABLE_CHARACTER");
        await (await dinsos.PostAsync("/households", Household(Named(new string('a', 10_000))))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM07_NAME_TOO_LONG");
        await (await dinsos.PostAsync("/households", Household())).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM07_HOUSEHOLD_WITHOUT_PERSONS");
        await (await dinsos.PostAsync("/pendamping", new { name = "\u200B", profile = "KsmP2kp", appointedOn = "2019-01-02" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM07_NAME_EMPTY");
        var created = await (await dinsos.PostAsync("/households", Household(Named("  Siti Nurhayati  ")))).ExpectAsync(HttpStatusCode.Created);
        created.GetProperty("persons")[0].Str("name").ShouldBe("Siti Nurhayati");
    }

    [Fact]
    public async Task Names_stored_before_MEM_07_still_load_and_the_group_goes_on()
    {
        // No state cache: every request restores the aggregates from their stored states, as after a restart.
        await using var api = new ApiFactory(DatabaseEngine.Sqlite, new Dictionary<string, string> { ["Streams:CacheCapacity"] = "0" });
        var s = await ActiveGroupWithBooksAsync(api);
        var pendamping = await (await s.Dinsos.PostAsync("/pendamping", new { name = "Mbak Niken", profile = "KsmP2kp", appointedOn = "2019-01-02" })).ExpectAsync(HttpStatusCode.Created);
        var pendampingId = pendamping.Str("id");
        var household = (await (await s.Dinsos.GetAsync("/households", Http.Ct)).ExpectAsync(HttpStatusCode.OK))[0].Str("id");

        // Names that MEM-07 refuses today, written as an older version of the API would have stored them.
        await using (var db = await api.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>().CreateDbContextAsync(Http.Ct))
        {
            (await db.Database.ExecuteSqlRawAsync("UPDATE state_parts SET state = replace(state, '\"KSM Batas\"', '\"KSM \\u202EsataB\"')", Http.Ct)).ShouldBeGreaterThan(0);
            (await db.Database.ExecuteSqlRawAsync("UPDATE state_parts SET state = replace(state, '\"Mbak Niken\"', '\"\\u200B\\u200B\"')", Http.Ct)).ShouldBeGreaterThan(0);
            var longName = new string('x', 150);
            var householdId = Guid.Parse(household);
            (await db.Database.ExecuteSqlAsync($"UPDATE persons SET name = {longName} WHERE household_id = {householdId}", Http.Ct)).ShouldBe(1);
        }

        (await (await s.Dinsos.GetAsync($"/groups/{s.GroupId}", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).Str("name").ShouldBe("KSM \u202EsataB");
        (await (await s.Dinsos.GetAsync($"/pendamping/{pendampingId}", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).Str("name").ShouldBe("\u200B\u200B");
        (await (await s.Dinsos.GetAsync($"/households/{household}", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("persons")[0].Str("name").Length.ShouldBe(150);
        await (await Post(s, "savings/deposits", new { member = s.Members[0], date = "2019-01-21", amount = 5_000 })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_blank_name_a_decile_out_of_range_a_malformed_account_number_and_a_blank_reversal_reason_are_refused_with_their_codes_and_change_nothing()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var s = await ActiveGroupWithBooksAsync(api);
        var person = Identities.Person(female: true);
        object Household(string name) => new { familyCard = Identities.FamilyCard(), desa = "62.71.01.1001", size = 4, persons = new[] { new { name, nik = person.Nik, sex = person.Sex, birthDate = person.BirthDate, role = "Head", employment = "Trader" } } };
        object Registry(string source, int decile) => new { registry = new { source, decile, rankedOn = "2019-01-02" }, onPs2List = false };

        // MEM-07: a name of white space only (it was a 400 InvalidArgument).
        await (await s.Dinsos.PostAsync("/households", Household("   "))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM07_NAME_EMPTY");

        // POV-03: a decile outside its registry's range; the evidence stays as it was.
        var household = (await (await s.Dinsos.PostAsync("/households", Household("Siti Rahayu"))).ExpectAsync(HttpStatusCode.Created)).Str("id");
        var evidence = $"/households/{household}/evidence";
        await (await HardeningTests.Send(s.Dinsos, HttpMethod.Put, evidence, Registry("Dtks", 5), ifMatch: null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "POV03_DECILE_OUT_OF_RANGE");
        await (await HardeningTests.Send(s.Dinsos, HttpMethod.Put, evidence, Registry("Dtsen", 11), ifMatch: null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "POV03_DECILE_OUT_OF_RANGE");
        (await (await s.Dinsos.GetAsync($"/households/{household}", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("evidence").GetProperty("registry").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        await (await HardeningTests.Send(s.Dinsos, HttpMethod.Put, evidence, Registry("Dtks", 4), ifMatch: null)).ExpectAsync(HttpStatusCode.OK);

        // GRP-07: an account number that is not 5 to 20 digits; no account is opened, so a well-formed one still opens.
        var account = $"/groups/{s.GroupId}/bank-account";
        await (await s.Pendamping.PostAsync(account, new { bank = "BRI", accountNumber = "12AB5", holderName = "KSM Batas", openedOn = "2019-01-25" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "GRP07_ACCOUNT_NUMBER_INVALID");
        await (await s.Pendamping.PostAsync(account, new { bank = "BRI", accountNumber = "12345", holderName = "KSM Batas", openedOn = "2019-01-25" })).ExpectAsync(HttpStatusCode.OK);

        // SAV-01: a reversal whose reason is blank; nothing is appended, so the same entry can still be reversed.
        var deposit = (await (await Post(s, "savings/deposits", new { member = s.Members[0], date = "2019-01-21", amount = 5_000 })).ExpectAsync(HttpStatusCode.Created)).GetProperty("entries")[0].Str("id");
        await (await Post(s, "ledger/reversals", new { entry = deposit, date = "2019-01-21", reason = " \u200B " })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV01_REVERSAL_REASON_REQUIRED");
        await (await Post(s, "ledger/reversals", new { entry = deposit, date = "2019-01-21", reason = "salah catat" })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Blank_pendamping_group_bank_and_holder_names_and_too_long_ledger_texts_are_refused_with_their_codes_and_change_nothing()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var s = await ActiveGroupWithBooksAsync(api);

        // MEM-07: a pendamping named with white space only (it was a 400 InvalidArgument).
        await (await s.Dinsos.PostAsync("/pendamping", new { name = "   ", profile = "KsmP2kp", appointedOn = "2019-01-02" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM07_NAME_EMPTY");
        await (await s.Dinsos.PostAsync("/pendamping", new { name = "", profile = "KsmP2kp", appointedOn = "2019-01-02" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM07_NAME_EMPTY");

        // MEM-07: a group proposed with a blank name; its founders are free, so the same proposal named is created.
        var other = new GroupScenario((role, group) => api.ClientAs(role, group));
        await other.RegisterMembersAsync(5, women: 2);
        object Proposal(string name) => new
        {
            profile = "KsmP2kp",
            name,
            desa = "62.71.01.1001",
            proposedOn = "2019-01-07",
            initialMeetingOn = "2019-01-14",
            founders = other.Members.Select(m => new { personId = m, consentGivenOn = "2019-01-07" }).ToArray(),
        };
        await (await other.Pendamping.PostAsync("/groups", Proposal(" \t "), Guid.NewGuid().ToString())).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MEM07_NAME_EMPTY");
        await (await other.Pendamping.PostAsync("/groups", Proposal("KSM Tepi"), Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created);

        // GRP-07: a blank bank or holder name; no account is opened, so the well-formed one still opens.
        var account = $"/groups/{s.GroupId}/bank-account";
        await (await s.Pendamping.PostAsync(account, new { bank = " ", accountNumber = "0012345678", holderName = "KSM Batas", openedOn = "2019-01-25" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "GRP07_FIELD_REQUIRED");
        await (await s.Pendamping.PostAsync(account, new { bank = "BRI", accountNumber = "0012345678", holderName = "\u200B", openedOn = "2019-01-25" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "GRP07_FIELD_REQUIRED");
        await (await s.Pendamping.PostAsync(account, new { bank = "BRI", accountNumber = "0012345678", holderName = "KSM Batas", openedOn = "2019-01-25" })).ExpectAsync(HttpStatusCode.OK);

        // SAV-01: a reference of 101 characters and a reversal reason of 1001; nothing is appended, the limits themselves are booked.
        var entries = (await (await s.Treasurer.GetAsync($"/groups/{s.GroupId}/ledger", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetArrayLength();
        await (await Post(s, "savings/deposits", new { member = s.Members[0], date = "2019-01-21", amount = 5_000, reference = new string('R', 101) })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV01_TEXT_TOO_LONG");
        await (await Post(s, "ledger/loan-capital", new { date = "2019-01-21", amount = 1_000_000, reference = new string('R', 101) })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV01_TEXT_TOO_LONG");
        (await (await s.Treasurer.GetAsync($"/groups/{s.GroupId}/ledger", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(entries);
        var deposit = (await (await Post(s, "savings/deposits", new { member = s.Members[0], date = "2019-01-21", amount = 5_000, reference = new string('R', 100) })).ExpectAsync(HttpStatusCode.Created)).GetProperty("entries")[0].Str("id");
        await (await Post(s, "ledger/reversals", new { entry = deposit, date = "2019-01-21", reason = new string('r', 1001) })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV01_TEXT_TOO_LONG");
        await (await Post(s, "ledger/reversals", new { entry = deposit, date = "2019-01-21", reason = new string('r', 1000) })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_too_long_statement_reference_and_a_blank_IKS_purpose_are_refused_with_their_codes_and_change_nothing()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var s = await ActiveGroupWithBooksAsync(api);
        var g = $"/groups/{s.GroupId}";
        object Statement(Guid member, int length) => new { member, signedOn = "2019-01-21", documentReference = new string('P', length) };

        // SAV-01: a joint-liability statement's document reference of 101 characters (it was a 400 InvalidArgument); the member can still sign, with 100.
        await (await s.Pendamping.PostAsync($"{g}/joint-liability-statements", Statement(s.Members[0], 101))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV01_TEXT_TOO_LONG");
        await (await s.Pendamping.PostAsync($"{g}/joint-liability-statements", Statement(s.Members[0], 100))).ExpectAsync(HttpStatusCode.OK);

        // SAV-06: an IKS spend whose purpose is white space or invisible characters only (it was a 400 InvalidArgument, or booked); nothing is appended.
        await (await Post(s, "ledger/profits", new { date = "2019-01-21", amount = 1_000_000 })).ExpectAsync(HttpStatusCode.Created);
        var entries = (await (await s.Treasurer.GetAsync($"{g}/ledger", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetArrayLength();
        foreach (var blank in new[] { "", "   ", "\u200B\uFEFF" })
        {
            await (await Post(s, "ledger/iks-spends", new { date = "2019-01-21", amount = 1_000, purpose = blank })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "SAV06_IKS_PURPOSE_REQUIRED");
        }
        (await (await s.Treasurer.GetAsync($"{g}/ledger", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(entries);
        await (await Post(s, "ledger/iks-spends", new { date = "2019-01-21", amount = 1_000, purpose = "x" })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_grant_spend_with_a_blank_or_invisible_receipt_is_refused_with_AID_03_and_changes_neither_the_books_nor_the_LPJ()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var s = new GroupScenario((role, group) => api.ClientAs(role, group));
        await s.RegisterMembersAsync(6, women: 2, registryRankedOn: "2019-01-02");
        await s.FormAsync("KubeKemensos2018", "KUBE Batas", "2019-01-07");
        await s.OpenBooksAsync("2019-01-21");
        var g = $"/groups/{s.GroupId}";
        await (await s.Pendamping.PostAsync($"{g}/bank-account", new { bank = "Bank Kalteng", accountNumber = "1234567890", holderName = "KUBE Batas", openedOn = "2019-01-25" })).ExpectAsync(HttpStatusCode.OK);
        await (await s.Dinsos.PostAsync($"{g}/aid/grants", new { date = "2019-02-01", reference = "SP2D 2019" }, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created);
        var entries = (await (await s.Treasurer.GetAsync($"{g}/ledger", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetArrayLength();
        object Spend(string receipt) => new { date = "2019-02-05", amount = 3_000_000, receiptReference = receipt, category = "Equipment", description = "Mesin jahit" };

        // AID-03: a receipt of white space, zero-width spaces or a byte-order mark only (the invisible ones were booked as receipts).
        foreach (var blank in new[] { "", " ", "\u200B", "\uFEFF", " \u200B\uFEFF " })
        {
            await (await Post(s, "ledger/grant-spends", Spend(blank))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "AID03_RECEIPT_MISSING");
        }
        (await (await s.Treasurer.GetAsync($"{g}/ledger", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(entries);
        var lpj = await (await s.Auditor.GetAsync($"{g}/aid/accountability?asOf=2019-02-05", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        lpj[0].GetProperty("summary").GetProperty("remaining").GetInt64().ShouldBe(12_000_000);

        // One visible character is a receipt.
        await (await Post(s, "ledger/grant-spends", Spend("K"))).ExpectAsync(HttpStatusCode.Created);
    }
}
