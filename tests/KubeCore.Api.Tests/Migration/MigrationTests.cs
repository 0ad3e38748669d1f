using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;
using KubeCore.Migrate;
using Microsoft.Data.Sqlite;
using Shouldly;

namespace KubeCore.Api.Tests;

/// <summary>
/// The one-shot 0.1 → 0.2 conversion (tools/KubeCore.Migrate) on a real database written by the 0.1.0 API: a KUBE formed
/// in Palangka Raya and a KSM's twelve weeks with a loan (2 streams, 144 commands, 112 ledger entries, 18 households).
/// </summary>
[Trait("Category", "Migration")]
public sealed class MigrationTests : IDisposable
{
    /// <summary>The command the API's refusal of a 0.1 database names.</summary>
    public const string ToolCommand = "dotnet run --project tools/KubeCore.Migrate --";

    private const string KsmId = "1fb3a6a1-0080-402a-9fca-39c6379f431e";
    private const string KubeId = "c65a6d8d-5fab-4fe9-af5d-7c54cf0b6987";
    private const string LoanId = "d0e6648b-dfe7-435d-aeda-bb8a9903495b";
    private const string HeadHash = "ba57b26f43be1a36665741dc0c391af823e4f1fd540f1f34c1845f77efc7b220";

    private readonly string _folder = Directory.CreateTempSubdirectory("kubecore-migrate-").FullName;

    /// <summary>The 0.1.0 fixture beside the test assembly.</summary>
    public static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "kubecore-0.1.0.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_0_1_database_converted_by_the_tool_serves_its_groups_ledgers_and_loans_and_takes_a_new_deposit()
    {
        var database = Path.Combine(_folder, "kubecore.db");
        File.Copy(Fixture, database);
        var (output, error) = (new StringWriter(), new StringWriter());

        (await Cli.RunAsync([database], output, error)).ShouldBe(0, error.ToString());
        output.ToString().ShouldContain("converted 2 group(s)");
        output.ToString().ShouldContain("18 household(s)");
        output.ToString().ShouldContain("112 ledger entrie(s) kept as stored");
        File.Exists(database + ".v01.bak").ShouldBeTrue();

        await using var api = new ApiFactory(DatabaseEngine.Sqlite, new Dictionary<string, string> { ["ConnectionStrings:Sqlite"] = "Data Source=" + database });
        var auditor = api.ClientAs(Roles.Auditor);
        var treasurer = api.ClientAs(Roles.Bendahara, Guid.Parse(KsmId));
        (await (await auditor.GetAsync($"/groups/{KsmId}", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).Str("name").ShouldBe("KSM Guyub Rukun");
        (await (await auditor.GetAsync($"/groups/{KubeId}", Http.Ct)).ExpectAsync(HttpStatusCode.OK)).Str("name").ShouldBe("KUBE FM Pahandut");

        var chain = await (await auditor.GetAsync($"/groups/{KsmId}/ledger/verification", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue();
        chain.GetProperty("entryCount").GetInt32().ShouldBe(112);
        chain.Str("headHash").ShouldBe(HeadHash);

        // The loan keeps the id the 0.1 API gave its caller.
        var loan = await (await auditor.GetAsync($"/groups/{KsmId}/loans/{LoanId}", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        loan.GetRawText().ShouldContain(LoanId);

        await (await treasurer.PostAsync($"/groups/{KsmId}/savings/deposits", new { member = "80429cec-4f0a-4a74-988c-16400b25a836", date = "2019-05-06", amount = 5000 }, Guid.NewGuid().ToString()))
            .ExpectAsync(HttpStatusCode.Created);
        var after = await (await auditor.GetAsync($"/groups/{KsmId}/ledger/verification", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        after.GetProperty("intact").GetBoolean().ShouldBeTrue();
        after.GetProperty("entryCount").GetInt32().ShouldBe(113);
    }

    [Fact]
    public async Task A_converted_database_is_not_converted_twice()
    {
        var database = Path.Combine(_folder, "kubecore.db");
        File.Copy(Fixture, database);
        (await Cli.RunAsync([database], TextWriter.Null, TextWriter.Null)).ShouldBe(0);
        var converted = await File.ReadAllBytesAsync(database, Http.Ct);
        var error = new StringWriter();

        (await Cli.RunAsync([database], TextWriter.Null, error)).ShouldBe(1);

        error.ToString().ShouldContain("not a KubeCore 0.1 database");
        (await File.ReadAllBytesAsync(database, Http.Ct)).ShouldBe(converted);
    }

    [Fact]
    public async Task A_stored_entry_its_replay_does_not_reproduce_stops_the_conversion_naming_the_group_and_entry_and_leaves_the_file_unchanged()
    {
        var database = Path.Combine(_folder, "kubecore.db");
        File.Copy(Fixture, database);
        await using (var connection = new SqliteConnection("Data Source=" + database + ";Pooling=False"))
        {
            await connection.OpenAsync(Http.Ct);
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "DROP TRIGGER ledger_entries_no_update; UPDATE ledger_entries SET reference = 'other' WHERE sequence = 2 AND group_id = '" + KsmId.ToUpperInvariant() + "';";
            (await tamper.ExecuteNonQueryAsync(Http.Ct)).ShouldBe(1);
        }
        var before = await File.ReadAllBytesAsync(database, Http.Ct);
        var error = new StringWriter();

        (await Cli.RunAsync([database], TextWriter.Null, error)).ShouldBe(1);

        error.ToString().ShouldContain($"group {KsmId}");
        error.ToString().ShouldContain("ledger entry 2");
        (await File.ReadAllBytesAsync(database, Http.Ct)).ShouldBe(before);
        File.Exists(database + ".v02.tmp").ShouldBeFalse();
    }
}
