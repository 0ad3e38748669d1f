using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KubeCore.Api.Tests.Api;

/// <summary>Pendamping, wealth ranking, poverty assessments, aid and the five basic rules report over HTTP.</summary>
public sealed class ResourceTests(ApiHosts hosts)
{
    private ApiFactory Api => hosts.For(DatabaseEngine.Sqlite);

    private GroupScenario Scenario() => new((role, group) => Api.ClientAs(role, group));

    [Fact]
    public async Task A_pendamping_takes_groups_up_to_the_profiles_capacity_and_records_only_their_own_work()
    {
        var s = Scenario();
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM Pendampingan", "2019-01-07");
        var pendamping = await (await s.Dinsos.PostAsync("/pendamping", new { name = "Mbak Niken", profile = "KsmP2kp", appointedOn = "2019-01-02" })).ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse(pendamping.Str("id"));
        pendamping.GetProperty("maxGroups").GetInt32().ShouldBe(10);

        await (await s.Dinsos.PostAsync($"/pendamping/{id}/assignments", new { groupId = s.GroupId, assignedOn = "2019-01-21" })).ExpectAsync(HttpStatusCode.OK);
        await (await s.Dinsos.PostAsync($"/pendamping/{id}/assignments", new { groupId = s.GroupId, assignedOn = "2019-01-22" }))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "FAC01_ALREADY_ASSIGNED");

        var own = Api.CreateClient();
        own.DefaultRequestHeaders.Authorization = new("Bearer", Api.Services.GetRequiredService<TokenService>().Issue("niken", Roles.Pendamping, pendampingId: id));
        var other = Api.ClientAs(Roles.Pendamping);
        var visit = new { groupId = s.GroupId, visitedOn = "2019-01-28", notes = "Pendampingan pembukuan" };
        await (await other.PostAsync($"/pendamping/{id}/visits", visit)).ExpectProblemAsync(HttpStatusCode.Forbidden, "API_FORBIDDEN");
        await (await own.PostAsync($"/pendamping/{id}/visits", visit)).ExpectAsync(HttpStatusCode.OK);

        var activity = await (await s.Auditor.GetAsync($"/pendamping/{id}?asOf=2019-05-01", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var row = activity.GetProperty("activity")[0];
        row.Str("lastActivityOn").ShouldBe("2019-01-28");
        row.Str("inactiveSince").ShouldBe("2019-03-29"); // 60 days after the last visit (FAC-02)
    }

    [Fact]
    public async Task A_wealth_ranking_exercise_ranks_households_and_gives_them_pra_evidence()
    {
        var client = Api.ClientAs(Roles.Pendamping);
        const string desa = "62.71.01.1002";
        var households = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var head = Identities.Person(female: i % 2 == 0);
            var created = await (await client.PostAsync("/households", new
            {
                familyCard = Identities.FamilyCard(),
                desa,
                size = 3,
                persons = new[] { new { name = $"Warga {i}", nik = head.Nik, sex = head.Sex, birthDate = head.BirthDate, role = "Head", employment = "Farmer" } },
                evidence = i < 2 ? new { registry = new { source = "Dtks", decile = 1, rankedOn = "2012-07-01" }, onPs2List = false } : null,
            })).ExpectAsync(HttpStatusCode.Created);
            households.Add(created.Str("id"));
        }
        var exercise = await (await client.PostAsync("/wealth-ranking/exercises", new { profile = "Kub", desa, heldOn = "2012-08-02", households })).ExpectAsync(HttpStatusCode.Created);
        var id = exercise.Str("id");
        foreach (var informant in new[] { "Pak RT", "Bu Kader", "Pak Lurah" })
        {
            await (await client.PostAsync($"/wealth-ranking/exercises/{id}/sortings", new
            {
                informant,
                pileCount = 4,
                placements = households.Select((h, i) => new { household = h, pile = 4 - i }).ToArray(), // first is poorest
            })).ExpectAsync(HttpStatusCode.OK);
        }
        var concluded = await (await client.PostAsync($"/wealth-ranking/exercises/{id}/conclusion", (object?)null)).ExpectAsync(HttpStatusCode.OK);
        concluded.GetProperty("concluded").GetBoolean().ShouldBeTrue();
        var ranks = concluded.GetProperty("ranks").EnumerateArray().ToDictionary(r => r.Str("household"));
        ranks[households[0]].Str("category").ShouldBe("SangatMiskin");
        ranks[households[0]].Str("match").ShouldBe("Confirmed");
        ranks[households[3]].Str("category").ShouldBe("Kaya");

        var household = await (await client.GetAsync($"/households/{households[0]}", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var pra = household.GetProperty("evidence").GetProperty("pra");
        pra.Str("exerciseId").ShouldBe(id);
        pra.GetProperty("isPoor").GetBoolean().ShouldBeTrue();
        pra.GetProperty("confirmedByRegistry").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_bps_assessment_explains_every_criterion_and_a_malformed_survey_is_refused()
    {
        var client = Api.ClientAs(Roles.Pendamping);
        var survey = new
        {
            floorAreaM2 = 20,
            householdSize = 4,
            floor = "Earth",
            wall = "Bamboo",
            hasOwnToilet = false,
            hasElectricity = true,
            drinkingWater = "UnprotectedWell",
            cookingFuel = "Firewood",
            proteinMealsPerWeek = 1,
            clothingSetsPerYear = 1,
            mealsPerDay = 2,
            canAffordPuskesmas = false,
            headWork = "FarmLabourer",
            headFarmLandM2 = 0,
            headMonthlyIncome = 450_000,
            headSchooling = "Primary",
            saleableAssets = 100_000,
        };
        var decision = await (await client.PostAsync("/poverty/bps-assessment?profile=KubePermensos2019", survey)).ExpectAsync(HttpStatusCode.OK);
        decision.GetProperty("checks").EnumerateArray().Select(c => c.Str("ruleId")).ShouldContain("POV-01");
        await (await client.PostAsync("/poverty/bps-assessment", survey with { householdSize = 0 })).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_grant_needs_the_decision_and_its_spends_feed_the_lpj()
    {
        var s = Scenario();
        await s.RegisterMembersAsync(6, women: 2, registryRankedOn: "2019-01-02");
        await s.FormAsync("KubeKemensos2018", "KUBE Sejahtera", "2019-01-07"); // before Permensos 2/2019 took effect (2019-03-12)
        await s.OpenBooksAsync("2019-01-21");
        var g = $"/groups/{s.GroupId}";

        var refused = await (await s.Auditor.GetAsync($"{g}/aid/grant-decision?date=2019-02-01", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        refused.GetProperty("approved").GetBoolean().ShouldBeFalse(); // no bank account in the group's name yet (GRP-07)
        await (await s.Dinsos.PostAsync($"{g}/aid/grants", new { date = "2019-02-01" }, Guid.NewGuid().ToString()))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "GRP07_NO_GROUP_ACCOUNT");

        await (await s.Pendamping.PostAsync($"{g}/bank-account", new { bank = "Bank Kalteng", accountNumber = "1234567890", holderName = "KUBE Sejahtera", openedOn = "2019-01-25" })).ExpectAsync(HttpStatusCode.OK);
        var credited = await (await s.Dinsos.PostAsync($"{g}/aid/grants", new { date = "2019-02-01", reference = "SP2D 2019" }, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created);
        // AID-01: Rp 2.000.000 for each of the 6 member households on the date.
        credited.GetProperty("entries")[0].GetProperty("amount").GetInt64().ShouldBe(12_000_000);

        var spend = new { date = "2019-02-05", amount = 3_000_000, receiptReference = "KW-001", category = "Equipment", description = "Mesin jahit" };
        await (await s.Treasurer.PostAsync($"{g}/ledger/grant-spends", spend, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created);
        await (await s.Treasurer.PostAsync($"{g}/ledger/grant-spends", spend with { date = "2019-02-06" }, Guid.NewGuid().ToString()))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "AID03_RECEIPT_ALREADY_CLAIMED");

        var lpj = await (await s.Auditor.GetAsync($"{g}/aid/accountability?asOf=2019-03-01", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        lpj[0].GetProperty("summary").GetProperty("remaining").GetInt64().ShouldBe(9_000_000);
        lpj[0].GetProperty("summary").Str("status").ShouldBe("Overdue");
    }

    [Fact]
    public async Task The_five_basic_rules_report_names_the_callers_loan_and_the_stored_entries_that_repaid_it()
    {
        var s = Scenario();
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM Bergulir", "2019-01-07");
        await s.OpenBooksAsync("2019-01-21");
        var g = $"/groups/{s.GroupId}";
        await s.AddLoanCapitalAsync("2019-01-21", 1_000_000);
        var application = new { member = s.Members[3], principal = 300_000, termMonths = 3, frequency = "Weekly", purpose = "Modal warung", appliedOn = "2019-01-23" };
        var loanId = (await (await s.Treasurer.PostAsync($"{g}/loans", application, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created)).GetProperty("loan").Str("id");
        var meeting = await s.MeetAsync("2019-01-23", new { kind = "LoanApproval", subject = loanId });
        await (await s.Treasurer.PostAsync($"{g}/loans/{loanId}/approval", new { meeting = meeting.Str("id"), approvedBy = s.Ketua })).ExpectAsync(HttpStatusCode.OK);
        var disbursed = await (await s.Treasurer.PostAsync($"{g}/loans/{loanId}/disbursement", new { date = "2019-01-23" }, Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.OK);
        var installment = disbursed.GetProperty("loan").GetProperty("schedule")[0];
        installment.Str("dueDate").ShouldBe("2019-01-30");
        var repaid = await (await s.Treasurer.PostAsync($"{g}/loans/{loanId}/repayments", new { date = "2019-01-30", amount = installment.GetProperty("amount").GetInt64() }, Guid.NewGuid().ToString()))
            .ExpectAsync(HttpStatusCode.OK);

        var weeks = await (await s.Auditor.GetAsync($"{g}/reports/five-rules?from=2019-01-21&weeks=2", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var first = weeks[0].GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.Str("ruleId"));
        first["FIVE-04"].Str("status").ShouldBe("Met");
        first["FIVE-04"].GetProperty("loanEvidence").EnumerateArray().Select(e => e.GetString()).ShouldBe([loanId]);
        first["FIVE-05"].Str("status").ShouldBe("NotApplicable");
        var second = weeks[1].GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.Str("ruleId"));
        second["FIVE-05"].Str("status").ShouldBe("Met");
        second["FIVE-05"].GetProperty("entryEvidence").EnumerateArray().Select(e => e.GetString()).ShouldBe([repaid.GetProperty("entries")[0].Str("id")]);
        var sustainability = await (await s.Auditor.GetAsync($"{g}/reports/sustainability?from=2019-01-21&weeks=2", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        sustainability.GetProperty("evidence").GetProperty("installmentsDue").GetInt32().ShouldBe(1);
        sustainability.GetProperty("evidence").GetProperty("installmentsPaidOnTime").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_five_basic_rules_report_shows_each_rule_with_its_evidence()
    {
        var s = Scenario();
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM Lima Aturan", "2019-01-07");
        await s.OpenBooksAsync("2019-01-21");
        var g = $"/groups/{s.GroupId}";
        var deposits = await s.DepositAllAsync("2019-01-22", 5000);
        var meeting = await s.MeetAsync("2019-01-22");
        await (await s.Treasurer.PostAsync($"{g}/ledger/week-closes", new { weekStart = "2019-01-21", closedOn = "2019-01-27" })).ExpectAsync(HttpStatusCode.Created);

        var weeks = await (await s.Auditor.GetAsync($"{g}/reports/five-rules?from=2019-01-21&weeks=2", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var first = weeks[0].GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.Str("ruleId"));
        first["FIVE-01"].Str("status").ShouldBe("Met");
        first["FIVE-01"].GetProperty("entryEvidence").EnumerateArray().Select(e => e.GetString()).Order().ShouldBe(deposits.Order());
        first["FIVE-02"].Str("status").ShouldBe("Met");
        first["FIVE-02"].Str("meetingEvidence").ShouldBe(meeting.Str("id"));
        first["FIVE-03"].Str("status").ShouldBe("Met");
        first["FIVE-04"].Str("status").ShouldBe("Met"); // applicable from the first week (LOAN-01 a); no request waited
        var second = weeks[1].GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.Str("ruleId"));
        second["FIVE-01"].Str("status").ShouldBe("NotMet");
        second["FIVE-01"].GetProperty("membersMissing").GetArrayLength().ShouldBe(5);

        var sustainability = await (await s.Auditor.GetAsync($"{g}/reports/sustainability?from=2019-01-21&weeks=1", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var evidence = sustainability.GetProperty("evidence");
        evidence.GetProperty("weeksWithMeeting").GetInt32().ShouldBe(1);
        evidence.GetProperty("weeksClosed").GetInt32().ShouldBe(1);
        evidence.GetProperty("savingsAtEnd").GetInt64().ShouldBe(25_000);
        var institutional = sustainability.GetProperty("indicators").EnumerateArray().Single(i => i.Str("indicator") == "Institutional");
        institutional.GetProperty("met").GetBoolean().ShouldBeTrue();

        var stage = await (await s.Auditor.PostAsync($"{g}/reports/stage", new
        {
            hasPendamping = true,
            trainingReceived = true,
            officersComplete = true,
            aidReceived = false,
            regularActivity = true,
            profitToCapital = true,
            profitToWelfare = false,
            profitToIks = false,
            monthlyProfit = Array.Empty<long>(),
            monthlyCapital = Array.Empty<long>(),
            iksForOutsiders = false,
            partnerships = 0,
        })).ExpectAsync(HttpStatusCode.OK);
        stage.Str("stage").ShouldBe("Tumbuh");

        var selection = await (await s.Dinsos.PostAsync("/aid/development-selection", new
        {
            profile = "KubeBlps",
            asOf = "2019-06-01",
            slots = 1,
            candidates = new[] { new { groupId = s.GroupId, stage = "Berkembang" } },
        })).ExpectAsync(HttpStatusCode.OK);
        selection.GetProperty("selected").GetArrayLength().ShouldBe(0); // active for months, not the two years AID-02 asks
        selection.GetProperty("candidates")[0].GetProperty("eligibility").GetProperty("approved").GetBoolean().ShouldBeFalse();
    }
}
