using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KubeCore.Api.Tests.Api;

/// <summary>
/// The free texts that answered 400 <c>API_INVALID_ARGUMENT</c> (the library's <see cref="ArgumentException"/>) are refused
/// with 422 and their rule's code, change nothing, and are taken exactly at their limit: a loan's purpose and the reason
/// of a withdrawal (LOAN-06), a decision's subject and the agenda (FIVE-02), a visit's notes and a monthly report's
/// summary (FAC-02), the verifier and the agency of a verification (GRP-06).
/// </summary>
public sealed class FreeTextLimitsTests(ApiHosts hosts)
{
    private const string Invisible = " \u200B\uFEFF\u2060 ";

    private static async Task Refused(HttpResponseMessage response, string ruleId, string errorCode) =>
        (await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, errorCode)).Str("ruleId").ShouldBe(ruleId);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_blank_or_too_long_verifier_agency_subject_or_agenda_is_refused_with_its_code_and_changes_nothing_and_texts_at_the_limit_are_taken(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var s = new GroupScenario((role, group) => api.ClientAs(role, group));
        await s.RegisterMembersAsync(5, women: 2);
        await s.ProposeAndFormAsync("KsmP2kp", "KSM Teks", "2019-01-07");
        var g = $"/groups/{s.GroupId}";

        // GRP-06: a verifier or agency of invisible characters only, or one character past its limit (100, 200).
        object Verification(string verifierName, string agency) => new { verifierName, agency, verifiedOn = "2019-01-21" };
        await Refused(await s.Dinsos.PostAsync($"{g}/verification", Verification(Invisible, "Dinas Sosial")), "GRP-06", "GRP06_FIELD_REQUIRED");
        await Refused(await s.Dinsos.PostAsync($"{g}/verification", Verification("Petugas Dinsos", Invisible)), "GRP-06", "GRP06_FIELD_REQUIRED");
        await Refused(await s.Dinsos.PostAsync($"{g}/verification", Verification(new string('v', 101), "Dinas Sosial")), "GRP-06", "GRP06_TEXT_TOO_LONG");
        await Refused(await s.Dinsos.PostAsync($"{g}/verification", Verification("Petugas Dinsos", new string('a', 201))), "GRP-06", "GRP06_TEXT_TOO_LONG");
        (await (await s.Dinsos.GetAsync(g, Http.Ct)).ExpectAsync(HttpStatusCode.OK)).Str("status").ShouldBe("Formed");
        var verified = await (await s.Dinsos.PostAsync($"{g}/verification", Verification(new string('v', 100), new string('a', 200)))).ExpectAsync(HttpStatusCode.OK);
        verified.Str("status").ShouldBe("Verified");
        await (await s.Dinsos.PostAsync($"{g}/activation", new { date = "2019-01-21" })).ExpectAsync(HttpStatusCode.OK);

        // FIVE-02: a decision whose subject is blank or 201 characters, or an agenda of 501; no meeting is recorded.
        var bendahara = s.Treasurer;
        object Meeting(string agenda, string subject) => new
        {
            date = "2019-01-21",
            agenda,
            attendance = s.Members.Select(m => new { member = m, mark = "Present" }).ToArray(),
            decisions = new[] { new { kind = "Other", subject } },
        };
        await Refused(await bendahara.PostAsync($"{g}/meetings", Meeting("rutin", Invisible)), "FIVE-02", "FIVE02_DECISION_SUBJECT_REQUIRED");
        await Refused(await bendahara.PostAsync($"{g}/meetings", Meeting("rutin", new string('s', 201))), "FIVE-02", "FIVE02_TEXT_TOO_LONG");
        await Refused(await bendahara.PostAsync($"{g}/meetings", Meeting(new string('a', 501), "arisan")), "FIVE-02", "FIVE02_TEXT_TOO_LONG");
        (await (await bendahara.GetAsync($"{g}/meetings", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        await (await bendahara.PostAsync($"{g}/meetings", Meeting(new string('a', 500), new string('s', 200)))).ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_blank_or_too_long_loan_purpose_withdrawal_reason_visit_note_or_report_summary_is_refused_with_its_code_and_changes_nothing(DatabaseEngine engine)
    {
        var api = hosts.For(engine);
        var s = new GroupScenario((role, group) => api.ClientAs(role, group));
        await s.RegisterMembersAsync(5, women: 2);
        await s.FormAsync("KsmP2kp", "KSM Teks Pinjaman", "2019-01-07");
        await s.OpenBooksAsync("2019-01-21");
        var g = $"/groups/{s.GroupId}";
        await s.AddLoanCapitalAsync("2019-01-21", 1_000_000);
        await s.SignJointLiabilityAsync("2019-01-21");
        await s.DepositAllAsync("2019-01-21", 5000);

        // LOAN-06: a purpose of invisible characters only, or of 201 characters; no loan is recorded.
        object Application(string purpose) => new { member = s.Members[3], principal = 100_000, termMonths = 3, frequency = "Monthly", purpose, appliedOn = "2019-01-21" };
        await Refused(await s.Treasurer.PostAsync($"{g}/loans", Application(Invisible), Guid.NewGuid().ToString()), "LOAN-06", "LOAN06_PURPOSE_MISSING");
        await Refused(await s.Treasurer.PostAsync($"{g}/loans", Application(new string('p', 201)), Guid.NewGuid().ToString()), "LOAN-06", "LOAN06_TEXT_TOO_LONG");
        (await (await s.Auditor.GetAsync($"{g}/loans", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        // The assessment judges the purpose as the application does.
        var assessed = await (await s.Treasurer.PostAsync($"{g}/loans/assessment", Application(Invisible))).ExpectAsync(HttpStatusCode.OK);
        assessed.GetProperty("approved").GetBoolean().ShouldBeFalse();
        assessed.GetProperty("checks").EnumerateArray().Where(c => c.Str("outcome") == "Failed").Select(c => c.GetProperty("violation").Str("errorCode")).ShouldBe(["LOAN06_PURPOSE_MISSING"]);
        var loanId = (await (await s.Treasurer.PostAsync($"{g}/loans", Application(new string('p', 200)), Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("loan").Str("id");

        // LOAN-06: a withdrawal without a reason, or with one of 201 characters; the loan stays applied.
        var withdrawal = $"{g}/loans/{loanId}/withdrawal";
        await Refused(await s.Treasurer.PostAsync(withdrawal, new { date = "2019-01-21", reason = Invisible }), "LOAN-06", "LOAN06_WITHDRAWAL_REASON_REQUIRED");
        await Refused(await s.Treasurer.PostAsync(withdrawal, new { date = "2019-01-21", reason = new string('r', 201) }), "LOAN-06", "LOAN06_TEXT_TOO_LONG");
        (await (await s.Auditor.GetAsync($"{g}/loans/{loanId}", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).Str("state").ShouldBe("Applied");
        (await (await s.Treasurer.PostAsync(withdrawal, new { date = "2019-01-21", reason = new string('r', 200) })).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("loan").Str("state").ShouldBe("Withdrawn");

        // FAC-02: a visit's notes or a report's summary blank or of 1001 characters; nothing is recorded.
        var pendamping = (await (await s.Dinsos.PostAsync("/pendamping", new { name = "Mbak Niken", profile = "KsmP2kp", appointedOn = "2019-01-02" })).ExpectAsync(HttpStatusCode.Created)).Str("id");
        var p = $"/pendamping/{pendamping}";
        await (await s.Dinsos.PostAsync($"{p}/assignments", new { groupId = s.GroupId, assignedOn = "2019-01-21" })).ExpectAsync(HttpStatusCode.OK);
        var own = api.CreateClient();
        own.DefaultRequestHeaders.Authorization = new("Bearer", api.Services.GetRequiredService<TokenService>().Issue("niken", Roles.Pendamping, pendampingId: Guid.Parse(pendamping)));
        object Visit(string notes) => new { groupId = s.GroupId, visitedOn = "2019-01-22", notes };
        object Report(string summary) => new { groupId = s.GroupId, submittedOn = "2019-01-22", summary, notes = new[] { new { aspect = "Motivation", note = "Motivasi anggota" } } };
        await Refused(await own.PostAsync($"{p}/visits", Visit(Invisible)), "FAC-02", "FAC02_FIELD_REQUIRED");
        await Refused(await own.PostAsync($"{p}/visits", Visit(new string('n', 1001))), "FAC-02", "FAC02_TEXT_TOO_LONG");
        await Refused(await own.PostAsync($"{p}/reports", Report(Invisible)), "FAC-02", "FAC02_FIELD_REQUIRED");
        await Refused(await own.PostAsync($"{p}/reports", Report(new string('n', 1001))), "FAC-02", "FAC02_TEXT_TOO_LONG");
        var unchanged = await (await s.Dinsos.GetAsync(p, Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        (unchanged.GetProperty("visits").GetArrayLength(), unchanged.GetProperty("reports").GetArrayLength()).ShouldBe((0, 0));
        await (await own.PostAsync($"{p}/visits", Visit(new string('n', 1000)))).ExpectAsync(HttpStatusCode.OK);
        await (await own.PostAsync($"{p}/reports", Report(new string('n', 1000)))).ExpectAsync(HttpStatusCode.OK);
    }
}
