using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KubeCore.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: the wire shapes of KubeCore's value types (the JSON
/// converters make them strings and numbers), the bearer scheme, and a security requirement on every
/// operation that needs a token. Every operation gets an <c>operationId</c> (from its method and route,
/// unless the endpoint is named), a description saying who may call it, and the problem answers it can
/// give (400, 401/403 with a token, 404 with a path parameter); its success answer is declared by the
/// endpoint (<c>Produces</c>). The document passes Redocly (recommended) and Spectral (spectral:oas)
/// with no error and no warning (<c>scripts/openapi-check.sh</c>).
/// </summary>
public static class KubeCoreOpenApi
{
    /// <summary>The content type of every error answer.</summary>
    public const string ProblemContentType = "application/problem+json";

    private const string ProblemSchema = "ProblemDetails";
    private const string ProblemErrorSchema = "ProblemError";

    private static readonly Dictionary<Type, (JsonSchemaType Type, string? Format, string Description)> Shapes =
        KubeCoreJsonConverters.Values.ToDictionary(v => v.Converter.Type!, v => (v.Type, v.Format, v.Description));

    /// <summary>The description of each tag (every tag an endpoint names must be here: a test checks it).</summary>
    internal static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Health"] = "Liveness and the database the API runs on.",
        ["Development"] = "Development only: tokens for trying the API out.",
        ["Catalogue"] = "The rule catalogue and the program profiles with their parameters (no token needed).",
        ["Identity documents"] = "NIK and family-card (KK) number checks, without storing anything.",
        ["Households"] = "The household registry (Kartu Keluarga) and its persons; NIK and KK are masked unless the role may see them (PRIV-01).",
        ["Groups"] = "Groups through their life: proposal, officers, initial meeting, verification, activation, members, bank account, dissolution.",
        ["Meetings"] = "A group's meetings: attendance, quorum and decisions.",
        ["Savings ledger"] = "A group's books: the append-only, hash-chained savings ledger and its weekly closes.",
        ["Loans"] = "The group's revolving loan fund: joint liability, applications, approval, disbursement, repayments, tanggung renteng.",
        ["Pendamping"] = "Facilitators: appointment, group assignments within capacity, visits, monthly reports, inactivity.",
        ["Poverty"] = "Poverty assessment: the BPS 14 criteria and the Kepmensos criteria.",
        ["Wealth ranking"] = "PRA wealth-ranking exercises and their match with the registry.",
        ["Aid"] = "Grants, their accountability report (LPJ) and development-aid selection.",
        ["Reports"] = "Weekly five-rule compliance, stages and sustainability reports.",
    };

    /// <summary>Registers the document and its transformers.</summary>
    public static IServiceCollection AddKubeCoreOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (Shapes.TryGetValue(Nullable.GetUnderlyingType(type) ?? type, out var shape))
                {
                    Shape(schema, shape);
                    if (Nullable.GetUnderlyingType(type) is not null)
                    {
                        schema.Type |= JsonSchemaType.Null; // an inline nullable use; components lose it again below
                    }
                }
                else if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Array) && schema.Items is null
                    && context.JsonTypeInfo.ElementType is { } element && Shapes.TryGetValue(Nullable.GetUnderlyingType(element) ?? element, out var itemShape))
                {
                    // A list of converted values (ids, dates, amounts) loses its items otherwise.
                    schema.Items = Shape(new OpenApiSchema(), itemShape);
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
                document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };
                document.Info.Contact = new OpenApiContact { Name = "KubeCore contributors", Url = new Uri("https://github.com/example-org/KubeCore") };
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
                }
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                {
                    if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
                    {
                        tag.Description = description;
                    }
                }
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "HS256 token; in Development get one from POST /dev/tokens.",
                };
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                foreach (var component in document.Components.Schemas.Values.OfType<OpenApiSchema>())
                {
                    ValueOnly(component);
                }
                document.Components.Schemas[ProblemErrorSchema] = ProblemErrorShape();
                document.Components.Schemas[ProblemSchema] = ProblemShape(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var description = context.Description;
                var metadata = description.ActionDescriptor.EndpointMetadata;
                var method = description.HttpMethod ?? "GET";
                if (HttpMethods.IsPost(method) || HttpMethods.IsPut(method))
                {
                    // Money-moving endpoints say "Idempotency-Key required." in their summary (the runner enforces it).
                    AddHeader(operation, CommandRunner.IdempotencyHeader, operation.Summary?.Contains("Idempotency-Key required", StringComparison.Ordinal) == true,
                        "A client-chosen key (1-200 characters), scoped to the caller. A retry with the same key and request gets the first answer back " +
                        $"(header {StoredResult.RepeatedHeader}: true) and posts nothing; the same key with another request is refused (422).");
                }
                if (Hosting.IfMatchPreconditions.Applies(method, metadata, out var versioned))
                {
                    AddHeader(operation, "If-Match", required: false,
                        $"The {versioned!.Resource}'s version as its GET sent it in ETag (e.g. \"7\"; a list, or *, is accepted). " +
                        "Without it the write proceeds; with another version, or a value that is not a version, it is refused (412) and nothing changes.");
                }
                var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
                var secured = policies.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any();
                if (secured)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] });
                }

                var path = "/" + (description.RelativePath ?? string.Empty).TrimEnd('/');
                operation.OperationId ??= OperationId(method, path);
                operation.Description ??= (operation.Summary is { Length: > 0 } summary ? summary + " " : string.Empty) + (secured
                    ? "Who may call it: " + string.Join("; ", policies.Select(p => p is not null && Policies.Audience.TryGetValue(p, out var audience) ? audience : "any authenticated caller")) + "."
                    : "No token needed.");

                operation.Responses ??= [];
                // Any request can be malformed (the server refuses a bad request line or header before any endpoint runs).
                AddProblem(operation, context.Document, StatusCodes.Status400BadRequest, "The request is malformed: a field, parameter or header has no valid value.");
                if (secured)
                {
                    AddProblem(operation, context.Document, StatusCodes.Status401Unauthorized, "No valid bearer token.");
                    AddProblem(operation, context.Document, StatusCodes.Status403Forbidden, "The token's role (or group scope) may not do this.");
                }
                if (path.Contains('{', StringComparison.Ordinal))
                {
                    AddProblem(operation, context.Document, StatusCodes.Status404NotFound, "A resource the path names does not exist.");
                }
                if (versioned is not null)
                {
                    AddProblem(operation, context.Document, StatusCodes.Status412PreconditionFailed,
                        "If-Match is not the current version (API_VERSION_MISMATCH) or not a version at all (API_IF_MATCH_INVALID); nothing changed.");
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// The operation id of an unnamed endpoint: its method and the literal segments of its route, the last
    /// path parameter as "By…": <c>POST /groups/{groupId}/savings/deposits</c> is <c>postGroupsSavingsDeposits</c>,
    /// <c>GET /groups/{groupId}</c> is <c>getGroupsByGroupId</c>.
    /// </summary>
    public static string OperationId(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return method.ToLowerInvariant() + string.Concat(segments.Select((segment, i) =>
            !segment.StartsWith('{') ? Pascal(segment)
            : i == segments.Length - 1 ? "By" + Pascal(segment.Trim('{', '}').Split(':')[0])
            : string.Empty));
    }

    private static string Pascal(string text) =>
        string.Concat(text.Split('-', '_', '.').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static OpenApiSchema Shape(OpenApiSchema schema, (JsonSchemaType Type, string? Format, string Description) shape)
    {
        schema.Type = shape.Type;
        schema.Format = shape.Format;
        schema.Description ??= shape.Description;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        return schema;
    }

    /// <summary>
    /// A component is the value's shape; whether a use may be null is said where it is used (the generator wraps a
    /// nullable use in <c>oneOf: [null, $ref]</c>). A component that also accepts null (the first use the generator met
    /// was nullable: <c>Rate?</c>, <c>Sex?</c>) made that <c>oneOf</c> ambiguous and every non-null use nullable.
    /// </summary>
    private static void ValueOnly(OpenApiSchema component)
    {
        if (component.Type is { } type && type != JsonSchemaType.Null && type.HasFlag(JsonSchemaType.Null))
        {
            component.Type = type & ~JsonSchemaType.Null;
        }
        component.Enum = component.Enum?.Where(v => v?.GetValueKind() is not (null or JsonValueKind.Null)).ToList();
    }

    private static void AddHeader(OpenApiOperation operation, string name, bool required, string description) =>
        (operation.Parameters ??= []).Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = required,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
        });

    // A problem the endpoint declares itself (ProducesProblem) keeps its own description.
    private static void AddProblem(OpenApiOperation operation, OpenApiDocument? document, int status, string description) =>
        operation.Responses!.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        });

    /// <summary>What every problem answer carries (see <see cref="Problems"/>).</summary>
    private static OpenApiSchema ProblemShape(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem with KubeCore's members: errorCode and ruleId of the first error, every error, and the trace id.",
        Required = new HashSet<string> { "type", "title", "status", "errorCode" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "urn:kubecore:error:CODE." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The first error's message, in the request's language." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["errorCode"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The stable error code of the first error." },
            ["ruleId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The rule of the first error, or null for transport and access errors." },
            ["errors"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(ProblemErrorSchema, document) },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };

    private static OpenApiSchema ProblemErrorShape() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "One error inside a problem.",
        Required = new HashSet<string> { "errorCode", "message" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["ruleId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["errorCode"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["field"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        },
    };
}

/// <summary>OpenAPI metadata shared by endpoints.</summary>
public static class OpenApiMetadata
{
    /// <summary>
    /// A command on a stored resource: its answer (<paramref name="status"/>, body <typeparamref name="T"/>), 409 when a
    /// concurrent write won, 422 when a rule (or an idempotency key reused for another request) refuses it.
    /// </summary>
    public static RouteHandlerBuilder Command<T>(this RouteHandlerBuilder builder, int status = StatusCodes.Status200OK) =>
        builder.Produces<T>(status)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
