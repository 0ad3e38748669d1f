namespace KubeCore.Api.Commands;

/// <summary>What a command endpoint answers: status, body, and optionally a Location and a version (ETag).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body, serialized with the API's JSON options; null for none.</param>
/// <param name="Location">The Location header (for 201), or null.</param>
/// <param name="Version">The resource's new version, sent as <c>ETag: "n"</c>, or null.</param>
public sealed record ApiResponse(int Status, object? Body, string? Location = null, long? Version = null);

/// <summary>A serialized answer, as sent and as kept under its idempotency key for a retry.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The body's content type.</param>
/// <param name="Body">The serialized body; empty for none.</param>
/// <param name="Location">The Location header, or null.</param>
/// <param name="ETag">The ETag header, or null.</param>
/// <param name="Repeated">True when the answer is given again to a retry (header <see cref="RepeatedHeader"/>).</param>
public sealed record StoredResult(int Status, string ContentType, string Body, string? Location, string? ETag, bool Repeated = false) : IResult
{
    /// <summary>The header that marks an answer given again to a retry under the same idempotency key (a wire name kept since 0.1).</summary>
    public const string RepeatedHeader = "Idempotent-Repeated";

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }
        if (Repeated)
        {
            response.Headers[RepeatedHeader] = "true";
        }
        if (Body.Length > 0)
        {
            response.ContentType = ContentType;
            await response.WriteAsync(Body, Encoding.UTF8, httpContext.RequestAborted);
        }
    }
}
