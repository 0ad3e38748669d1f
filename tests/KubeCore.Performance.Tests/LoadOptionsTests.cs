using KubeCore.LoadTest;

namespace KubeCore.Performance.Tests;

/// <summary>The load tool stays on this machine and within its bounds.</summary>
public class LoadOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://127.0.0.2:443")]
    public void Loopback_addresses_are_accepted(string url) =>
        LoadOptions.Parse(["--url", url]).Url.ShouldNotBeNull();

    [Theory]
    [InlineData("http://10.0.0.5:5080")]
    [InlineData("http://example.org")]
    [InlineData("http://192.168.1.10")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("not a url")]
    public void Anything_but_loopback_is_refused(string url) =>
        Should.Throw<ArgumentException>(() => LoadOptions.Parse(["--url", url]));

    [Theory]
    [InlineData("--url http://127.0.0.1:1 --requests 1000001")]
    [InlineData("--url http://127.0.0.1:1 --max-seconds 601")]
    [InlineData("--url http://127.0.0.1:1 --clients 0")]
    [InlineData("--clients 32")]
    [InlineData("--url http://127.0.0.1:1 --start-api api.dll")]
    public void Runs_are_bounded_and_need_exactly_one_target(string line) =>
        Should.Throw<ArgumentException>(() => LoadOptions.Parse(line.Split(' ')));

    [Fact]
    public void Defaults_are_the_budgeted_run()
    {
        var options = LoadOptions.Parse(["--url", "http://127.0.0.1:5080"]);

        options.Clients.ShouldBe(32);
        options.GroupCount.ShouldBe(32);
        options.Budget.PerSecond.ShouldBe(1_000);
        options.Budget.P99Milliseconds.ShouldBe(50);
        options.Budget.ZeroErrors.ShouldBeTrue();
        options.Instances.ShouldBe(1);
        options.Retries.ShouldBe(0);
    }

    [Fact]
    public void PostgreSQL_instances_one_group_and_retries_are_parsed_and_one_group_is_judged_by_its_own_budget()
    {
        var options = LoadOptions.Parse("--start-api api.dll --postgres Host=127.0.0.1;Port=5432;Username=postgres --instances 8 --one-group --clients 16 --retries 10".Split(' '));

        options.Postgres.ShouldBe("Host=127.0.0.1;Port=5432;Username=postgres");
        options.Instances.ShouldBe(8);
        options.Retries.ShouldBe(10);
        options.GroupCount.ShouldBe(1);
        options.Budget.PerSecond.ShouldBe(300);
        options.Budget.P99Milliseconds.ShouldBeNull();
        options.Budget.ZeroErrors.ShouldBeFalse(); // judged on unacknowledged deposits: a retried 409 is not lost
        options.Budget.Name.ShouldBe("PostgreSQL, 16 writers on one group");
        LoadOptions.Parse("--start-api api.dll --postgres Host=localhost --instances 1 --retries 0".Split(' ')).Budget.Name
            .ShouldBe("PostgreSQL with its default durability, 32 clients over 32 groups");
    }

    [Theory]
    [InlineData("--start-api api.dll --instances 9")]
    [InlineData("--start-api api.dll --instances 0")]
    [InlineData("--start-api api.dll --retries 11")]
    [InlineData("--start-api api.dll --retries -1")]
    [InlineData("--start-api api.dll --postgres Host=10.0.0.5;Username=postgres")]
    [InlineData("--start-api api.dll --postgres Host=db.example.org")]
    [InlineData("--url http://127.0.0.1:1 --postgres Host=127.0.0.1")]
    [InlineData("--url http://127.0.0.1:1 --instances 2")]
    public void PostgreSQL_and_instances_stay_on_this_machine_within_bounds_and_need_the_API_started_here(string line) =>
        Should.Throw<ArgumentException>(() => LoadOptions.Parse(line.Split(' ')));
}
