using System.Net;
using KubeCore.Api.Persistence;
using KubeCore.Api.Tests.Support;

namespace KubeCore.Api.Tests.Api;

public sealed class OpenApiTests(ApiHosts hosts)
{
    private readonly HttpClient _anonymous = hosts.For(DatabaseEngine.Sqlite).CreateClient();

    [Fact]
    public async Task The_openapi_document_describes_the_wire_shapes_and_the_bearer_scheme()
    {
        var document = await (await _anonymous.GetAsync("/openapi/v1.json", Http.Ct)).ExpectAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/households", out _).ShouldBeTrue();
        paths.TryGetProperty("/rules/{id}", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").Str("scheme").ShouldBe("bearer");

        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("NewPerson").GetProperty("properties").GetProperty("birthDate").Str("$ref").ShouldBe("#/components/schemas/LocalDate");
        schemas.GetProperty("LocalDate").Str("type").ShouldBe("string");
        schemas.GetProperty("LocalDate").Str("format").ShouldBe("date");
        schemas.GetProperty("Rupiah").Str("type").ShouldBe("integer");
        schemas.GetProperty("PersonId").Str("format").ShouldBe("uuid");
        schemas.GetProperty("Period").Str("type").ShouldBe("string");

        var post = paths.GetProperty("/households").GetProperty("post");
        post.GetProperty("security").GetArrayLength().ShouldBe(1);
        paths.GetProperty("/rules").GetProperty("get").TryGetProperty("security", out _).ShouldBeFalse();

        var key = paths.GetProperty("/groups/{groupId}/savings/deposits").GetProperty("post").GetProperty("parameters").EnumerateArray().Single(p => p.Str("name") == "Idempotency-Key");
        key.Str("in").ShouldBe("header");
        key.GetProperty("required").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Swagger_ui_serves_the_document()
    {
        var page = await _anonymous.GetAsync("/swagger/index.html", Http.Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var config = await (await _anonymous.GetAsync("/swagger/index.js", Http.Ct)).Content.ReadAsStringAsync(Http.Ct);
        config.ShouldContain("/openapi/v1.json");
    }
}
