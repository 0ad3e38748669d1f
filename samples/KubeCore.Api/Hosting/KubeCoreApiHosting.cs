using System.Globalization;
using FluentValidation;
using KubeCore.Api.Commands;
using KubeCore.Api.Errors;
using KubeCore.Api.Json;
using KubeCore.Api.OpenApi;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Rules;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace KubeCore.Api.Hosting;

/// <summary>The API's composition: services, then the request pipeline. Program.cs calls these two.</summary>
public static class KubeCoreApiHosting
{
    /// <summary>The languages of answers (<c>Accept-Language</c>); the first is the default.</summary>
    public static readonly string[] Languages = ["id", "en"];

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
        services.AddSingleton<IAuthorizationHandler, GroupScopeHandler>();
        services.AddSingleton<IAuthorizationHandler, PendampingScopeHandler>();
        services.AddAuthorizationBuilder().AddKubeCorePolicies();

        services.AddKubeCoreDatabase(builder.Configuration, builder.Environment);
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<StreamStore>();
        services.AddSingleton(new StateCache(builder.Configuration.GetValue("Streams:CacheCapacity", StateCache.DefaultCapacity)));
        services.AddHttpContextAccessor();

        services.AddKubeCoreOpenApi();
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

        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "KubeCore API v1");
            o.RoutePrefix = "swagger";
        });
        return app;
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
