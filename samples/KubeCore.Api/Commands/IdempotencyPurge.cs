using Microsoft.Extensions.Options;

namespace KubeCore.Api.Commands;

/// <summary>
/// How long idempotency records (<see cref="IdempotencyRow"/>) are kept, and how often old ones are purged
/// (configuration section <c>Idempotency</c>).
/// </summary>
public sealed class IdempotencyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Idempotency";

    /// <summary>
    /// How long a key's first answer is kept for retries: 7 days by default. A client retries a lost answer within
    /// seconds or minutes, and a device that was offline (a treasurer in a desa without signal) syncs within days;
    /// a week covers a weekly meeting cycle (the books close by week) with room to spare, while records (which hold
    /// the answers, i.e. personal data shown to their caller) do not pile up for ever. A record exactly this old is
    /// kept; one older by any amount (PostgreSQL keeps microseconds) is purged.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the purge runs (default: hourly).</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Deletes idempotency records older than <see cref="IdempotencyOptions.Retention"/>; never a younger one.</summary>
public sealed class IdempotencyPurge(IDbContextFactory<KubeCoreDbContext> databases, IOptions<IdempotencyOptions> options, TimeProvider time)
{
    /// <summary>Deletes every record created strictly before now minus the retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // SQL, not LINQ: SQLite has no DateTimeOffset comparison in EF; every record is stored in UTC (offset +00:00),
        // whose text form orders as its instant, and PostgreSQL compares timestamptz.
        return await db.Database.ExecuteSqlAsync($"DELETE FROM idempotency_records WHERE created_at < {cutoff}", cancellationToken);
    }
}

/// <summary>Runs <see cref="IdempotencyPurge"/> at start and then every <see cref="IdempotencyOptions.PurgeInterval"/>.</summary>
public sealed class IdempotencyPurgeService(IdempotencyPurge purge, IOptions<IdempotencyOptions> options, TimeProvider time, ILogger<IdempotencyPurgeService> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        do
        {
            try
            {
                var purged = await purge.PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} idempotency records older than {Retention}", purged, options.Value.Retention);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The next round tries again; a purge that fails loses nothing.
                logger.LogWarning(failure, "Idempotency purge failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
