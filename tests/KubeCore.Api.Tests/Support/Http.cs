using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace KubeCore.Api.Tests.Support;

/// <summary>Small HTTP helpers for the tests.</summary>
public static class Http
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>POSTs a JSON body (an object, or raw text), with an optional Idempotency-Key.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object? body, string? idempotencyKey = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = body switch
            {
                null => null,
                string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body, body.GetType()),
            },
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request, Ct);
    }

    /// <summary>The body as JSON.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an application/problem+json answer with this status and error code; returns it.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        var problem = await response.ExpectAsync(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("errorCode").GetString().ShouldBe(errorCode, problem.ToString());
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        return problem;
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
