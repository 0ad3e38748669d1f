using System.Net;
using System.Text.Json;
using KubeCore.Api.OpenApi;
using KubeCore.Api.Persistence;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.Api;

/// <summary>
/// The contract outside clients read (/openapi/v1.json): what the linters (scripts/openapi-check.sh) and a generated
/// client need, checked in process on every test run.
/// </summary>
public sealed class OpenApiContractTests(ApiHosts hosts)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private readonly HttpClient _anonymous = hosts.For(DatabaseEngine.Sqlite).CreateClient();

    private async Task<JsonElement> DocumentAsync() =>
        await (await _anonymous.GetAsync("/openapi/v1.json", Http.Ct)).ExpectAsync(HttpStatusCode.OK);

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)).Select(m => (path.Name, m.Name, m.Value)));

    [Fact]
    public async Task Every_operation_has_a_unique_operationId_and_a_2xx_answer_with_a_typed_json_body()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        operations.Count.ShouldBeGreaterThanOrEqualTo(79);

        var missing = new List<string>();
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            if (!operation.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString()))
            {
                missing.Add(name + ": no operationId");
            }
            var success = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (!success.Any(r => r.Value.TryGetProperty("content", out var content)
                && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out _)))
            {
                missing.Add(name + ": no 2xx answer with a JSON schema");
            }
            if (!operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('4')))
            {
                missing.Add(name + ": no 4xx answer");
            }
        }
        missing.ShouldBeEmpty();
        var ids = operations.Select(o => o.Operation.Str("operationId")).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public async Task Every_array_schema_says_what_its_items_are_and_no_schema_is_an_anonymous_type()
    {
        var document = await DocumentAsync();
        var untyped = new List<string>();
        Walk(document, "#", untyped);
        untyped.ShouldBeEmpty();
        document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Select(s => s.Name).Where(n => n.StartsWith("AnonymousType", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_deposit_is_documented_as_201_with_its_posting_and_a_group_and_a_household_read_declare_their_200_view()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var deposit = paths.GetProperty("/groups/{groupId}/savings/deposits").GetProperty("post").GetProperty("responses");
        deposit.TryGetProperty("200", out _).ShouldBeFalse();
        JsonSchemaOf(deposit.GetProperty("201")).ShouldBe("#/components/schemas/PostingView");
        JsonSchemaOf(paths.GetProperty("/groups/{groupId}").GetProperty("get").GetProperty("responses").GetProperty("200")).ShouldBe("#/components/schemas/GroupView");
        JsonSchemaOf(paths.GetProperty("/households/{householdId}").GetProperty("get").GetProperty("responses").GetProperty("200")).ShouldBe("#/components/schemas/HouseholdView");
        paths.GetProperty("/groups/{groupId}/savings/deposits").GetProperty("post").Str("operationId").ShouldBe("postGroupsSavingsDeposits");
        var refusal = deposit.GetProperty("422").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").Str("$ref");
        refusal.ShouldBe("#/components/schemas/ProblemDetails");
    }

    [Fact]
    public async Task A_value_component_never_accepts_null_itself_and_a_nullable_use_still_does()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("Rate").Str("type").ShouldBe("number");
        schemas.GetProperty("Sex").GetProperty("enum").EnumerateArray().ShouldAllBe(v => v.ValueKind == JsonValueKind.String);

        // Rate? is wrapped where it is used; LocalDate? inline keeps its null.
        var women = schemas.GetProperty("MembershipParameters").GetProperty("properties").GetProperty("minWomenShare").GetProperty("oneOf");
        women.EnumerateArray().Select(s => s.TryGetProperty("type", out var t) ? t.GetString() : s.Str("$ref")).ShouldBe(["null", "#/components/schemas/Rate"], ignoreOrder: true);
        var birthDate = schemas.GetProperty("NikCheck").GetProperty("properties").GetProperty("birthDate").GetProperty("type");
        birthDate.EnumerateArray().Select(t => t.GetString()).ShouldBe(["null", "string"], ignoreOrder: true);
    }

    [Fact]
    public async Task Every_tag_has_a_description_and_every_operation_says_who_may_call_it()
    {
        var document = await DocumentAsync();
        foreach (var tag in document.GetProperty("tags").EnumerateArray())
        {
            tag.Str("description").ShouldNotBeNullOrWhiteSpace(tag.Str("name"));
        }
        foreach (var (path, method, operation) in Operations(document))
        {
            operation.Str("description").ShouldMatch("(Who may call it: |No token needed)", $"{method} {path}");
        }
        document.GetProperty("servers").EnumerateArray().ShouldAllBe(s => !s.Str("url").EndsWith('/'));
    }

    [Theory]
    [InlineData("GET", "/groups/{groupId}", "getGroupsByGroupId")]
    [InlineData("GET", "/groups", "getGroups")]
    [InlineData("POST", "/groups/{groupId}/loans/{loanId}/arrears-cover", "postGroupsLoansArrearsCover")]
    [InlineData("GET", "/groups/{groupId}/ledger/weeks/{weekStart}", "getGroupsLedgerWeeksByWeekStart")]
    public void An_unnamed_operation_is_named_by_its_method_and_route(string method, string path, string expected) =>
        KubeCoreOpenApi.OperationId(method, path).ShouldBe(expected);

    private static string? JsonSchemaOf(JsonElement response) =>
        response.GetProperty("content").GetProperty("application/json").GetProperty("schema") is var schema && schema.TryGetProperty("$ref", out var reference)
            ? reference.GetString()
            : schema.ToString();

    private static void Walk(JsonElement element, string at, List<string> untyped)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && IsArray(type) && !element.TryGetProperty("items", out _))
            {
                untyped.Add(at);
            }
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, at + "/" + property.Name, untyped);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, $"{at}/{i++}", untyped);
            }
        }
    }

    private static bool IsArray(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => type.GetString() == "array",
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.GetString() == "array"),
        _ => false,
    };
}
