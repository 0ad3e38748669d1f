using KubeCore.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace KubeCore.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: the wire shapes of KubeCore's value types (the JSON
/// converters make them strings and numbers), the bearer scheme, and a security requirement on every
/// operation that needs a token.
/// </summary>
public static class KubeCoreOpenApi
{
    private static readonly Dictionary<Type, (JsonSchemaType Type, string? Format, string Description)> Shapes = new()
    {
        [typeof(LocalDate)] = (JsonSchemaType.String, "date", "ISO-8601 date, e.g. 2019-04-05."),
        [typeof(Period)] = (JsonSchemaType.String, "duration", "ISO-8601 period, e.g. P90D."),
        [typeof(Rupiah)] = (JsonSchemaType.Integer, "int64", "Whole rupiah (no sen), e.g. 25000."),
        [typeof(Rate)] = (JsonSchemaType.Number, null, "Percent with at most two decimals, e.g. 1.5 for 1,5 %."),
        [typeof(RegionCode)] = (JsonSchemaType.String, null, "BPS/Kemendagri region code, e.g. 62.71.01.1001."),
        [typeof(HouseholdId)] = (JsonSchemaType.String, "uuid", "Household id."),
        [typeof(PersonId)] = (JsonSchemaType.String, "uuid", "Person id."),
        [typeof(GroupId)] = (JsonSchemaType.String, "uuid", "Group id."),
        [typeof(PendampingId)] = (JsonSchemaType.String, "uuid", "Pendamping id."),
        [typeof(MeetingId)] = (JsonSchemaType.String, "uuid", "Meeting id."),
        [typeof(LoanId)] = (JsonSchemaType.String, "uuid", "Loan id."),
        [typeof(EntryId)] = (JsonSchemaType.String, "uuid", "Ledger entry id."),
        [typeof(ExerciseId)] = (JsonSchemaType.String, "uuid", "Wealth-ranking exercise id."),
    };

    /// <summary>Registers the document and its transformers.</summary>
    public static IServiceCollection AddKubeCoreOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                var nullable = Nullable.GetUnderlyingType(type) is not null;
                if (Shapes.TryGetValue(Nullable.GetUnderlyingType(type) ?? type, out var shape))
                {
                    schema.Type = nullable ? shape.Type | JsonSchemaType.Null : shape.Type;
                    schema.Format = shape.Format;
                    schema.Description ??= shape.Description;
                    schema.Properties?.Clear();
                }
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "KubeCore reference API";
                document.Info.Description =
                    "A thin API over the KubeCore library (KUBE/KUB, KSM). Bearer tokens (HS256) carry one role: dinsos, pendamping, " +
                    "bendahara (scoped to one group by the group_id claim) or auditor (read-only). Money-moving requests need an " +
                    "Idempotency-Key header. Errors are application/problem+json with ruleId and errorCode, in the language of Accept-Language (id or en).";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "HS256 token; in Development get one from POST /dev/tokens.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase) || string.Equals(context.Description.HttpMethod, "PUT", StringComparison.OrdinalIgnoreCase))
                {
                    // Money-moving endpoints say "Idempotency-Key required." in their summary (the runner enforces it).
                    var required = operation.Summary?.Contains("Idempotency-Key required", StringComparison.Ordinal) == true;
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "Idempotency-Key",
                        In = ParameterLocation.Header,
                        Required = required,
                        Description = "A client-chosen key (1-200 characters), scoped to the caller. A retry with the same key and request gets the first answer back " +
                            "(header Idempotent-Replayed: true) and posts nothing; the same key with another request is refused (422).",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                    });
                }
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] });
                }
                return Task.CompletedTask;
            });
        });
}
