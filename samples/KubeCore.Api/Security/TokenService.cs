using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KubeCore.Api.Security;

/// <summary>Issues and validates the API's HS256 bearer tokens (<see cref="AuthOptions"/>).</summary>
/// <remarks>The key and the validation parameters are built once (the options are read at start and never change).</remarks>
public sealed class TokenService(IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>
    /// What the JwtBearer scheme checks: issuer, audience, HS256 signature under the signing key, and lifetime on
    /// this service's clock with one minute of skew (JwtBearer's default would allow five). Claims keep their
    /// JWT names (<see cref="Roles.SubjectClaim"/>, <see cref="Roles.RoleClaim"/>): inbound mapping is off.
    /// </summary>
    public TokenValidationParameters ValidationParameters { get; } = new()
    {
        ValidIssuer = options.Value.Issuer,
        ValidAudience = options.Value.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Value.SigningKey)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromMinutes(1),
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } e && now < e.AddMinutes(1) && (notBefore is null || notBefore.Value.AddMinutes(-1) <= now);
        },
        NameClaimType = Roles.SubjectClaim,
        RoleClaimType = Roles.RoleClaim,
    };

    /// <summary>Issues a token for one role.</summary>
    /// <param name="subject">The caller's id (never personal data: a staff id, not a NIK).</param>
    /// <param name="role">One of <see cref="Roles.All"/>.</param>
    /// <param name="groupId">For a bendahara: the one group they act for (required).</param>
    /// <param name="pendampingId">For a pendamping: their pendamping id (optional).</param>
    /// <exception cref="ArgumentException">Unknown role, blank subject, or a bendahara without a group.</exception>
    public string Issue(string subject, string role, Guid? groupId = null, Guid? pendampingId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'. Known: {string.Join(", ", Roles.All)}.", nameof(role));
        }
        if (role == Roles.Bendahara && groupId is null)
        {
            throw new ArgumentException("A bendahara token names the group (groupId).", nameof(groupId));
        }
        var claims = new Dictionary<string, object> { [Roles.SubjectClaim] = subject, [Roles.RoleClaim] = role };
        if (groupId is { } group)
        {
            claims[Roles.GroupClaim] = group.ToString();
        }
        if (pendampingId is { } pendamping)
        {
            claims[Roles.PendampingClaim] = pendamping.ToString();
        }
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.TokenLifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(ValidationParameters.IssuerSigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// Sets the JwtBearer scheme to this service's validation: JWT claim names kept, tokens not saved, and a token
    /// whose role is not one of <see cref="Roles.All"/> refused. A refused or missing token gets a bare 401
    /// challenge, which the status-code pages turn into KubeCore's problem+json (<c>API_UNAUTHENTICATED</c>).
    /// </summary>
    public static void ConfigureBearer(JwtBearerOptions options, TokenService tokens)
    {
        options.MapInboundClaims = false;
        options.SaveToken = false;
        options.TokenValidationParameters = tokens.ValidationParameters;
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (context.Principal?.FindFirst(Roles.RoleClaim)?.Value is not { } role || !Roles.All.Contains(role))
                {
                    context.Fail("The token names no known role.");
                }
                return Task.CompletedTask;
            },
        };
    }
}
