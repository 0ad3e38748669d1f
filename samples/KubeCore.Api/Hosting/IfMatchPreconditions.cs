using KubeCore.Api.Facilitation;
using KubeCore.Api.WealthRanking;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KubeCore.Api.Hosting;

/// <summary>
/// Endpoint metadata: a write to this endpoint changes the existing, versioned resource its route names (a group and
/// all its sub-resources, a household and its persons, a pendamping, a wealth-ranking exercise). Such a write accepts
/// an optional <c>If-Match</c> header (declared in the OpenAPI document with its 412 answer).
/// </summary>
/// <param name="Resource">The resource's name in messages (<c>group</c>, <c>household</c>, <c>pendamping</c>, <c>exercise</c>).</param>
/// <param name="RouteValue">The route value holding its id (<c>groupId</c>...).</param>
public sealed record VersionedResource(string Resource, string RouteValue);

/// <summary>Endpoint metadata: a POST that only evaluates (changes nothing), so it takes no <c>If-Match</c> although its route names a versioned resource.</summary>
public sealed class EvaluationOnly
{
    /// <summary>The one instance.</summary>
    public static readonly EvaluationOnly Instance = new();
}

/// <summary>
/// <c>If-Match</c> on every versioned write, at the HTTP edge (a middleware after authorization, before the body is read),
/// as <see cref="ETags.Check"/> judges it: on a 412 nothing is read or written. The version is compared here only for a
/// request without an <c>Idempotency-Key</c>: a retry under a key must get its first answer back even though that answer
/// moved the version, so with a key the unit of work compares it (after the idempotency lookup, in its transaction).
/// Without a key the unit compares it again too, so a write that raced in between is still caught.
/// </summary>
public sealed class IfMatchPreconditions(RequestDelegate next, IDbContextFactory<KubeCoreDbContext> databases)
{
    /// <summary>True when <paramref name="method"/> on an endpoint with <paramref name="metadata"/> is a versioned write.</summary>
    public static bool Applies(string method, IEnumerable<object> metadata, out VersionedResource? resource)
    {
        var write = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        resource = write && !metadata.OfType<EvaluationOnly>().Any() ? metadata.OfType<VersionedResource>().LastOrDefault() : null;
        return resource is not null;
    }

    /// <summary>Checks the header as described on the class.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is { } endpoint && Applies(http.Request.Method, endpoint.Metadata, out var resource))
        {
            var current = !http.Request.Headers.ContainsKey(CommandRunner.IdempotencyHeader)
                && Guid.TryParse(http.GetRouteValue(resource!.RouteValue) as string, out var id)
                && ETags.ReadIfMatch(http) is { Count: > 0 }
                ? await CurrentVersionAsync(resource.Resource, id, http.RequestAborted)
                : null;
            ETags.Check(http, resource!.Resource, current);
        }
        await next(http);
    }

    /// <summary>The resource's current version, or null when it does not exist (the endpoint then answers 404).</summary>
    private async Task<long?> CurrentVersionAsync(string resource, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (resource == "household")
        {
            return await db.Households.AsNoTracking().Where(h => h.Id == id).Select(h => (long?)h.Version).SingleOrDefaultAsync(cancellationToken);
        }
        var type = resource switch
        {
            "group" => GroupType.Instance.Name,
            "pendamping" => PendampingType.Instance.Name,
            "exercise" => ExerciseType.Instance.Name,
            _ => throw new InvalidOperationException($"No version lookup for {resource}."),
        };
        return await db.Aggregates.AsNoTracking().Where(s => s.Id == id && s.Type == type).Select(s => (long?)s.Version).SingleOrDefaultAsync(cancellationToken);
    }
}

/// <summary>Marks endpoints as versioned writes or evaluations.</summary>
public static class VersionedResourceConventions
{
    /// <summary>Every write below this builder changes the versioned <paramref name="resource"/> named by route value <paramref name="routeValue"/>.</summary>
    public static TBuilder VersionedBy<TBuilder>(this TBuilder builder, string resource, string routeValue)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new VersionedResource(resource, routeValue));

    /// <summary>This POST only evaluates: it takes no <c>If-Match</c>.</summary>
    public static TBuilder EvaluationOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Hosting.EvaluationOnly.Instance);

    /// <summary>200 with the aggregate as <paramref name="view"/> shows it and its version in <c>ETag</c> (what <c>If-Match</c> names); 404 naming <paramref name="resource"/>.</summary>
    public static async Task<Ok<TView>> GetVersionedAsync<TState, TView>(this StateStore store, HttpContext http, StateType<TState> type, Guid id, string resource,
        Func<TState, long, TView> view, CancellationToken cancellationToken)
        where TState : class
    {
        var loaded = await store.GetAsync(type, id, resource, cancellationToken);
        http.Response.Headers.ETag = ETags.Format(loaded.Version);
        return TypedResults.Ok(view(loaded.State, loaded.Version));
    }
}
