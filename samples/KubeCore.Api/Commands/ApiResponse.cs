namespace KubeCore.Api.Commands;

/// <summary>What a command endpoint answers: status, body, and optionally a Location and a version (ETag).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body, serialized with the API's JSON options; null for none.</param>
/// <param name="Location">The Location header (for 201), or null.</param>
/// <param name="Version">The resource's new version, sent as <c>ETag: "n"</c>, or null.</param>
public sealed record ApiResponse(int Status, object? Body, string? Location = null, long? Version = null);

/// <summary>A serialized answer, as sent and as kept under its idempotency key for a retry.</summary>
public sealed class StoredResult(int status, string contentType, string body, string? location, string? etag, bool repeated) : IResult
{
    /// <summary>The header that marks an answer given again to a retry under the same idempotency key (a wire name kept since 0.1).</summary>
    public const string RepeatedHeader = "Idempotent-Replayed";

    public int Status => status;

    public string ContentType => contentType;

    public string Body => body;

    public string? Location => location;

    public string? ETag => etag;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        if (location is not null)
        {
            response.Headers.Location = location;
        }
        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }
        if (repeated)
        {
            response.Headers[RepeatedHeader] = "true";
        }
        if (body.Length > 0)
        {
            response.ContentType = contentType;
            await response.WriteAsync(body, Encoding.UTF8, httpContext.RequestAborted);
        }
    }
}
