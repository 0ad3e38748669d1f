namespace KubeCore.Api.Endpoints;

/// <summary>
/// POST /dev/tokens — Development only: issues a bearer token for a role, so the README's curl session
/// and Swagger UI work without an identity provider. Not mapped in any other environment.
/// </summary>
public static class DevTokenEndpoints
{
    /// <summary>A token request.</summary>
    /// <param name="Subject">The caller's staff id (never a NIK).</param>
    /// <param name="Role">dinsos, pendamping, bendahara or auditor.</param>
    /// <param name="GroupId">For a bendahara: their group.</param>
    /// <param name="PendampingId">For a pendamping: their pendamping id (optional).</param>
    public sealed record TokenRequest(string Subject, string Role, Guid? GroupId = null, Guid? PendampingId = null);

    /// <summary>The issued token.</summary>
    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

    public static void MapDevTokens(this IEndpointRouteBuilder app) =>
        app.MapPost("/dev/tokens", (TokenRequest request, TokenService tokens, Microsoft.Extensions.Options.IOptions<AuthOptions> options) =>
                TypedResults.Ok(new TokenResponse(tokens.Issue(request.Subject, request.Role, request.GroupId, request.PendampingId), "Bearer", (int)options.Value.TokenLifetime.TotalSeconds)))
            .WithTags("Development")
            .WithSummary("Development only: issues a bearer token for a role (and a bendahara's group).")
            .AllowAnonymous();
}
