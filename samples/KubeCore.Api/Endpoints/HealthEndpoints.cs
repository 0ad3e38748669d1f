namespace KubeCore.Api.Endpoints;

/// <summary>GET /health: the process is up and the database answers.</summary>
public static class HealthEndpoints
{
    public sealed record Health(string Status, DatabaseEngine Database);

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IDbContextFactory<KubeCoreDbContext> databases, DatabaseInfo info, CancellationToken cancellationToken) =>
            {
                await using var db = await databases.CreateDbContextAsync(cancellationToken);
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? Results.Ok(new Health("ok", info.Engine))
                    : Results.Json(new Health("database-unavailable", info.Engine), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithTags("Health")
            .WithSummary("Is the API up and does its database answer?")
            .AllowAnonymous()
            .Produces<Health>()
            .Produces<Health>(StatusCodes.Status503ServiceUnavailable);
}
