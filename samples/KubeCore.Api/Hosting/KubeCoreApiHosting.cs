using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;

namespace KubeCore.Api.Hosting;

/// <summary>The API's composition: services, then the request pipeline. Program.cs calls these two.</summary>
public static class KubeCoreApiHosting
{
    /// <summary>The languages of answers (<c>Accept-Language</c>); the first is the default.</summary>
    public static readonly string[] Languages = ["id", "en"];

    /// <summary>Where Swagger UI (the docs UI) is served; <c>/</c> redirects there.</summary>
    public const string DocsPath = "/swagger";

    /// <summary>Where the OpenAPI document is served.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>True when this API is the process's program (<c>dotnet KubeCore.Api.dll</c>), false when another program hosts it (tests).</summary>
    public static bool IsOwnProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(KubeCoreApiHosting).Assembly;

    /// <summary>
    /// The one line to print when the API may not start because a secret is missing (today: <c>Auth:SigningKey</c>,
    /// which only Development ships, in appsettings.Development.json), or null when the configuration is complete.
    /// Program.cs checks this before anything else, so nothing (no database file, no schema) is touched first.
    /// </summary>
    public static string? MissingSecrets(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new AuthOptions();
        configuration.GetSection(AuthOptions.Section).Bind(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return null;
        }
        var members = string.Join(", ", results.SelectMany(r => r.MemberNames).Distinct().Select(m => AuthOptions.Section + ":" + m));
        return $"KubeCore API not started ({environment.EnvironmentName}): {members} is missing or invalid (the signing key needs at least 32 characters); " +
            $"set it in configuration, e.g. the environment variable {AuthOptions.Section}__SigningKey.";
    }

    /// <summary>Registers JSON, errors, localization, security, persistence, commands and OpenAPI.</summary>
    public static WebApplicationBuilder AddKubeCoreApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // The host opts in to the library's messages for validators (the library never sets globals).
        ValidatorOptions.Global.LanguageManager = new KubeCoreLanguageManager();

        services.Configure<JsonOptions>(o => KubeCoreJsonConverters.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Apply);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddRequestLocalization(o =>
        {
            o.SetDefaultCulture(Languages[0]);
            o.AddSupportedCultures(Languages);
            o.AddSupportedUICultures(Languages);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenService>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenService>(TokenService.ConfigureBearer);
        services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        services.AddAuthorizationBuilder().AddKubeCorePolicies();

        services.AddKubeCoreDatabase(builder.Configuration, builder.Environment);
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<StateStore>();
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.Retention > TimeSpan.Zero && o.PurgeInterval > TimeSpan.Zero, "Idempotency:Retention and Idempotency:PurgeInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IdempotencyPurge>();
        services.AddHostedService<IdempotencyPurgeService>();
        services.AddSingleton(new StateCache(builder.Configuration.GetValue("Streams:CacheCapacity", StateCache.DefaultCapacity)));
        services.AddHttpContextAccessor();

        services.AddKubeCoreOpenApi();

        // Kestrel refuses a request whose headers are not ASCII with a bare 400 before any of the API runs (no problem,
        // no code). Read them as Latin-1 instead (every byte is a character), so each header's reader refuses what it
        // cannot use with a coded problem (a non-ASCII Idempotency-Key: 400 API_IDEMPOTENCY_KEY_INVALID).
        builder.WebHost.ConfigureKestrel(o => o.RequestHeaderEncodingSelector = _ => System.Text.Encoding.Latin1);

        // Nothing here protects data with ASP.NET Core DataProtection (bearer tokens are checked with the HMAC key;
        // there are no cookies or antiforgery tokens), so its key ring is not loaded at start: that warm-up created
        // a key and warned "No XML encryptor configured" on every new machine. Were it ever used, it loads on first use.
        foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
        {
            services.Remove(warmUp);
        }
        return builder;
    }

    /// <summary>Creates the schema, then sets up the pipeline: errors, localization, auth, OpenAPI and Swagger UI.</summary>
    public static async Task<WebApplication> UseKubeCoreApiAsync(this WebApplication app)
    {
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<KubeCoreDbContext>>().CreateDbContextAsync())
        {
            await Database.InitializeAsync(db);
        }

        // Localization first: the culture must already be set when the outer error handlers write their problems.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<IfMatchPreconditions>();

        app.MapOpenApi(OpenApiPath);
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint(OpenApiPath, "KubeCore API v1");
            o.RoutePrefix = DocsPath.TrimStart('/');
        });
        app.MapGet("/", () => Results.Redirect(DocsPath)).ExcludeFromDescription();
        app.Lifetime.ApplicationStarted.Register(() => LogWhereItIs(app));
        return app;
    }

    /// <summary>Says, once started, where the API listens, where its docs are, and where its data lives.</summary>
    private static void LogWhereItIs(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KubeCore.Api");
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var root = addresses.Count > 0 ? addresses[0].TrimEnd('/') : string.Empty;
        logger.LogInformation(
            "KubeCore API listening on {Addresses}; docs UI (Swagger UI) at {Docs}, OpenAPI document at {OpenApi}; data in {Database}",
            addresses.Count > 0 ? string.Join(", ", addresses) : "(in process)", root + DocsPath, root + OpenApiPath,
            app.Services.GetRequiredService<DatabaseInfo>().Location);
    }
}

/// <summary>What every problem answer carries, whoever wrote it (exception handler, status-code pages, auth).</summary>
internal static class ProblemDefaults
{
    public static void Apply(Microsoft.AspNetCore.Http.ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        if (problem.Extensions.ContainsKey("errorCode"))
        {
            return;
        }
        // A bare status (401, 403, 404 of an unknown route, 405, 415...): give it the API's code and message.
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (code, arguments) = status switch
        {
            StatusCodes.Status401Unauthorized => (ApiErrors.Unauthenticated, Array.Empty<(string, object?)>()),
            StatusCodes.Status403Forbidden => (ApiErrors.Forbidden, []),
            StatusCodes.Status404NotFound => (ApiErrors.NotFound, [("Resource", "resource")]),
            StatusCodes.Status405MethodNotAllowed => (ApiErrors.MethodNotAllowed, []),
            StatusCodes.Status415UnsupportedMediaType => (ApiErrors.UnsupportedMediaType, []),
            _ => (ApiErrors.HttpError, [("Status", status)]),
        };
        var filled = Problems.Api(status, code, CultureInfo.CurrentUICulture, arguments);
        problem.Type = filled.Type;
        problem.Title = filled.Title;
        problem.Detail = filled.Detail;
        foreach (var (name, value) in filled.Extensions)
        {
            problem.Extensions[name] = value;
        }
    }
}
