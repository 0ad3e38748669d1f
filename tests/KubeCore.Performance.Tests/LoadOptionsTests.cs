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
        options.BudgetPerSecond.ShouldBe(1_000);
        options.BudgetP99Milliseconds.ShouldBe(50);
    }
}
