using System.ComponentModel.DataAnnotations;

namespace KubeCore.Api.Security;

/// <summary>
/// Bearer-token settings (section <c>Auth</c>). Tokens are JWTs signed with HMAC-SHA256 under
/// <see cref="SigningKey"/>, validated offline (no identity provider is needed): issuer, audience,
/// lifetime and signature are all checked.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The token issuer (<c>iss</c>).</summary>
    [Required]
    public string Issuer { get; set; } = "kubecore";

    /// <summary>The token audience (<c>aud</c>).</summary>
    [Required]
    public string Audience { get; set; } = "kubecore-api";

    /// <summary>
    /// The HMAC-SHA256 signing key, at least 32 characters. Development ships a dev key in
    /// appsettings.Development.json; anywhere else it must come from configuration (environment variable
    /// <c>Auth__SigningKey</c>), and the API refuses to start without it.
    /// </summary>
    [Required]
    [MinLength(32)]
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>How long an issued token lives.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
