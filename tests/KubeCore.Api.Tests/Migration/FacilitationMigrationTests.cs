using System.Data.Common;
using System.Net;
using System.Text.Json;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;
using KubeCore.Migrate;
using Microsoft.Data.Sqlite;
using Npgsql;
using Shouldly;

namespace KubeCore.Api.Tests;

/// <summary>
/// The 0.1 → 0.2 conversion of pendamping and wealth-ranking streams, not only groups, on both engines: a 0.1 database with
/// one group, one pendamping (appointed, assigned, visit, monthly report, inactivity reported, released) and two exercises
/// (one concluded with three informants and its registry match, one open with one sort) converts, the API serves each as
/// it was, and takes a new operation on each.
/// </summary>
[Trait("Category", "Migration")]
public sealed class FacilitationMigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kubecore-migrate-").FullName;

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Pendamping_and_wealth_ranking_streams_of_a_0_1_database_are_converted_served_and_changed(DatabaseEngine engine)
    {
        string connectionString;
        string? postgresDatabase = null;
        if (engine == DatabaseEngine.Sqlite)
        {
            var file = Path.Combine(_folder, "kubecore.db");
            File.Copy(Fixture("kubecore-0.1-facilitation.db"), file);
            connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        }
        else
        {
            postgresDatabase = "kubecore_test_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync("postgres", $"CREATE DATABASE \"{postgresDatabase}\"");
            await ExecuteAsync(postgresDatabase, await File.ReadAllTextAsync(Fixture("kubecore-0.1-facilitation.pg.sql"), Http.Ct));
            connectionString = Postgres(postgresDatabase).ToString();
        }
        try
        {
            var streams = await StreamsAsync(engine, connectionString);
            var pendamping = streams.Single(s => s.Type == "pendamping").Id;
            var exercises = streams.Where(s => s.Type == "wealth-ranking").Select(s => s.Id).ToList();
            var group = streams.Single(s => s.Type == "group").Id;
            var (output, error) = (new StringWriter(), new StringWriter());

            var code = engine == DatabaseEngine.Sqlite
                ? await Cli.RunAsync([new SqliteConnectionStringBuilder(connectionString).DataSource], output, error)
                : await Cli.RunAsync(["--postgres", connectionString], output, error);

            code.ShouldBe(0, error.ToString());
            output.ToString().ShouldContain("converted 1 group(s), 1 pendamping, 2 exercise(s), 10 household(s)");
            var key = engine == DatabaseEngine.Sqlite ? "ConnectionStrings:Sqlite" : "ConnectionStrings:Postgres";
            await using var api = new ApiFactory(engine, new Dictionary<string, string> { [key] = connectionString });
            var dinsos = api.ClientAs(Roles.Dinsos);

            using var served = await dinsos.GetAsync($"/pendamping/{pendamping}", Http.Ct);
            served.Headers.ETag?.Tag.ShouldBe("\"6\""); // the 0.1 stream's version goes on
            var p = await served.ExpectAsync(HttpStatusCode.OK);
            p.Str("name").ShouldBe("Siti Rahmawati");
            var assignment = p.GetProperty("assignments").EnumerateArray().Single();
            assignment.Str("groupId").ShouldBe(group.ToString());
            assignment.Str("releasedOn").ShouldBe("2019-05-13");
            p.GetProperty("visits").EnumerateArray().Single().Str("visitedOn").ShouldBe("2019-02-11");
            p.GetProperty("reports").EnumerateArray().Single().Str("summary").ShouldBe("Laporan bulanan Februari");
            p.GetProperty("inactivityReports").GetArrayLength().ShouldBe(1);

            var views = new List<JsonElement>();
            foreach (var id in exercises)
            {
                views.Add(await (await dinsos.GetAsync($"/wealth-ranking/exercises/{id}", Http.Ct)).ExpectAsync(HttpStatusCode.OK));
            }
            var concluded = views.Single(v => v.GetProperty("concluded").GetBoolean());
            concluded.GetProperty("informants").GetArrayLength().ShouldBe(3);
            concluded.GetProperty("ranks").GetArrayLength().ShouldBe(10);
            concluded.GetProperty("ranks").EnumerateArray().Count(r => r.GetProperty("match").ValueKind != JsonValueKind.Null).ShouldBeGreaterThan(0);
            var open = views.Single(v => !v.GetProperty("concluded").GetBoolean());
            open.GetProperty("informants").EnumerateArray().Single().GetString().ShouldBe("Pak RT 02");

            // New operations are judged by today's rules on the converted states.
            (await (await dinsos.PostAsync($"/pendamping/{pendamping}/assignments", new { groupId = group, assignedOn = "2019-06-03" }))
                .ExpectAsync(HttpStatusCode.OK)).GetProperty("version").GetInt64().ShouldBe(7);
            var households = open.GetProperty("households").EnumerateArray().Select(h => h.GetString()!).ToList();
            var sorted = await (await dinsos.PostAsync($"/wealth-ranking/exercises/{open.Str("id")}/sortings",
                new { informant = "Bu RT 03", pileCount = 2, placements = households.Select((h, i) => new { household = h, pile = 1 + ((i + 1) % 2) }).ToArray() }))
                .ExpectAsync(HttpStatusCode.OK);
            sorted.GetProperty("informants").GetArrayLength().ShouldBe(2);
        }
        finally
        {
            if (postgresDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
            }
        }
    }

    private static NpgsqlConnectionStringBuilder Postgres(string database) =>
        new(TestDatabase.PostgresServer!) { Database = database, Pooling = false };

    private static async Task ExecuteAsync(string connectTo, string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres(connectTo).ToString());
        await connection.OpenAsync(Http.Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Http.Ct);
    }

    private static async Task<List<(Guid Id, string Type)>> StreamsAsync(DatabaseEngine engine, string connectionString)
    {
        await using DbConnection connection = engine == DatabaseEngine.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Http.Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, type FROM streams";
        await using var reader = await command.ExecuteReaderAsync(Http.Ct);
        var streams = new List<(Guid, string)>();
        while (await reader.ReadAsync(Http.Ct))
        {
            streams.Add((reader.GetValue(0) is Guid g ? g : Guid.Parse(reader.GetString(0)), reader.GetString(1)));
        }
        return streams;
    }
}
