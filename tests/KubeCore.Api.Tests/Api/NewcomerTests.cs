using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KubeCore.Api.Tests.Api;

/// <summary>The newcomer path: where the API is, where its docs are, where its data goes, and a quiet start.</summary>
public sealed class NewcomerTests(ApiHosts hosts)
{
    private readonly ApiFactory _host = hosts.For(DatabaseEngine.Sqlite);

    [Fact]
    public async Task The_root_redirects_to_the_docs_ui()
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answer = await client.GetAsync("/", Http.Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.OriginalString.ShouldBe("/swagger");
    }

    [Fact]
    public void The_startup_log_says_where_the_docs_ui_the_openapi_document_and_the_database_file_are()
    {
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(_host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Sqlite")).DataSource);
        var line = _host.Logs.Lines.SingleOrDefault(l => l.Contains("KubeCore API listening on", StringComparison.Ordinal));
        line.ShouldNotBeNull(string.Join('\n', _host.Logs.Lines.Take(20)));
        line.ShouldContain("/swagger");
        line.ShouldContain("/openapi/v1.json");
        line.ShouldContain("SQLite file " + file);
    }

    [Fact]
    public void DataProtection_is_not_loaded_at_start_so_no_key_is_created_and_nothing_warns()
    {
        // The API has no cookies or antiforgery tokens; loading the key ring at start created a key and warned
        // "No XML encryptor configured" on every new machine (ApiProcessStartTests starts it with a fresh home folder).
        _host.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ShouldNotContain("DataProtectionHostedService");
        _host.Logs.Lines.Where(l => l.Contains("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void The_default_database_is_kubecore_db_in_the_users_local_application_data_folder_and_configuration_overrides_it()
    {
        var environment = _host.Services.GetRequiredService<IHostEnvironment>();
        var none = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = "" }).Build();
        var (engine, connectionString) = Database.Resolve(none, environment);
        engine.ShouldBe(DatabaseEngine.Sqlite);
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        file.ShouldBe(Path.Combine(string.IsNullOrEmpty(data) ? Path.GetTempPath() : data, "KubeCore", "kubecore.db"));
        file.ShouldNotStartWith(environment.ContentRootPath);

        var chosen = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = "Data Source=/srv/kubecore/data.db" }).Build();
        Database.Resolve(chosen, environment).ConnectionString.ShouldBe("Data Source=/srv/kubecore/data.db");
    }
}
