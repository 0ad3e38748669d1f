using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KubeCore.Api.Tests.Api;

/// <summary>Bearer tokens: lifetime, the dev-token endpoint only in Development, no start without a signing key elsewhere.</summary>
public sealed class AuthTests(ApiHosts hosts)
{
    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var options = api.Services.GetRequiredService<IOptions<AuthOptions>>();
        var stale = new TokenService(options, new ShiftedTime(-(options.Value.TokenLifetime + TimeSpan.FromMinutes(5)))).Issue("old-officer", Roles.Dinsos);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", stale);
        await (await client.GetAsync("/households", Http.Ct)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "API_UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_token_expired_two_minutes_ago_is_refused_because_the_clock_skew_is_one_minute_not_five()
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var options = api.Services.GetRequiredService<IOptions<AuthOptions>>();
        var stale = new TokenService(options, new ShiftedTime(-(options.Value.TokenLifetime + TimeSpan.FromMinutes(2)))).Issue("old-officer", Roles.Dinsos);
        var fresh = new TokenService(options, new ShiftedTime(-(options.Value.TokenLifetime - TimeSpan.FromMinutes(2)))).Issue("officer", Roles.Dinsos);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", stale);
        await (await client.GetAsync("/households", Http.Ct)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "API_UNAUTHENTICATED");
        client.DefaultRequestHeaders.Authorization = new("Bearer", fresh);
        (await client.GetAsync("/households", Http.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("")]
    public async Task A_validly_signed_token_naming_no_known_role_is_refused_with_a_problem(string role)
    {
        var api = hosts.For(DatabaseEngine.Sqlite);
        var auth = api.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { [Roles.SubjectClaim] = "intruder", [Roles.RoleClaim] = role },
            SigningCredentials = new(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(auth.SigningKey)), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await (await client.GetAsync("/households", Http.Ct)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "API_UNAUTHENTICATED");
    }

    [Fact]
    public async Task The_dev_token_endpoint_issues_role_tokens_and_refuses_a_bendahara_without_a_group()
    {
        var client = hosts.For(DatabaseEngine.Sqlite).CreateClient();
        var token = await (await client.PostAsync("/dev/tokens", new { subject = "auditor-1", role = "auditor" })).ExpectAsync(HttpStatusCode.OK);
        token.Str("tokenType").ShouldBe("Bearer");
        await (await client.PostAsync("/dev/tokens", new { subject = "b-1", role = "bendahara" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "API_INVALID_ARGUMENT");
        await (await client.PostAsync("/dev/tokens", new { subject = "x", role = "superuser" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "API_INVALID_ARGUMENT");
    }

    [Fact]
    public async Task Outside_development_there_is_no_dev_token_endpoint_and_no_start_without_a_signing_key()
    {
        await using var withKey = new ProductionFactory("a-production-signing-key-of-at-least-32-chars");
        await (await withKey.CreateClient().PostAsync("/dev/tokens", new { subject = "x", role = "dinsos" })).ExpectProblemAsync(HttpStatusCode.NotFound, "API_NOT_FOUND");

        await using var withoutKey = new ProductionFactory(null);
        Should.Throw<OptionsValidationException>(() => withoutKey.CreateClient());
    }

    private sealed class ProductionFactory(string? signingKey) : WebApplicationFactory<Program>
    {
        private readonly TestDatabase _database = TestDatabase.Create(DatabaseEngine.Sqlite);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting(_database.ConfigurationKey, _database.ConnectionString);
            builder.UseSetting("Auth:SigningKey", signingKey ?? string.Empty);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
