using System.Data.Common;
using KubeCore.Api.Persistence;
using KubeCore.Api.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KubeCore.Api.Tests.Persistence;

/// <summary>The API's SQLite connections get their larger page cache once per pooled handle, and keep it.</summary>
public sealed class SqlitePageCacheTests
{
    [Fact]
    public async Task Every_connection_of_the_APIs_contexts_has_the_larger_page_cache_set_once_per_pooled_handle()
    {
        await using var api = new ApiFactory(DatabaseEngine.Sqlite);
        var databases = api.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>();
        var handles = new HashSet<SQLitePCL.sqlite3>();
        for (var i = 0; i < 3; i++)
        {
            await using var db = await databases.CreateDbContextAsync(Http.Ct);
            await db.Database.OpenConnectionAsync(Http.Ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            handles.Add(connection.Handle!);
            (await CacheSizeAsync(connection)).ShouldBe(-SqlitePageCache.CacheKibibytes);
        }
        handles.Count.ShouldBe(1); // the pool gave the same handle back: set once, still set

        // A new handle opened outside EF Core has SQLite's default (the setting is the connection's, not the file's).
        await using var raw = new SqliteConnection(new SqliteConnectionStringBuilder(api.ConnectionString) { Pooling = false }.ToString());
        await raw.OpenAsync(Http.Ct);
        (await CacheSizeAsync(raw)).ShouldBe(-2000);
    }

    private static async Task<long> CacheSizeAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size;";
        return (long)(await command.ExecuteScalarAsync(Http.Ct))!;
    }
}
