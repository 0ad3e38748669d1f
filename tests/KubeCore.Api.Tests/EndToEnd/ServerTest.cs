using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.EndToEnd;

/// <summary>A test against the real server process over a SQLite file in a temp folder, deleted afterwards.</summary>
public abstract class ServerTest : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kubecore-e2e-").FullName;

    protected ServerProcess Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = new ServerProcess(Path.Combine(_folder, "kubecore.db"));
        await Server.StartAsync(Http.Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>SIGKILL, then start again on the same file.</summary>
    protected async Task RestartAfterSigkillAsync()
    {
        await Server.KillAsync();
        await Server.StartAsync(Http.Ct);
    }
}
