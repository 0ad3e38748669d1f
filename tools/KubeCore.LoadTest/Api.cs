using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KubeCore.LoadTest;

/// <summary>
/// The reference API as this tool uses it (samples/KubeCore.Api): development tokens from <c>POST /dev/tokens</c>
/// (Development environment only), JSON bodies, an <c>Idempotency-Key</c> on every money-moving request.
/// </summary>
internal sealed class Api(HttpClient http)
{
    public const string Pendamping = "pendamping";
    public const string Dinsos = "dinsos";
    public const string Bendahara = "bendahara";
    public const string Auditor = "auditor";

    public HttpClient Http { get; } = http;

    /// <summary>A bearer token for <paramref name="role"/> (and group) from the development token endpoint.</summary>
    public async Task<string> TokenAsync(string role, Guid? groupId, CancellationToken ct)
    {
        var answer = await ExpectAsync(await Http.PostAsJsonAsync("/dev/tokens", new { subject = role + "-loadtest", role, groupId }, ct), HttpStatusCode.OK, ct);
        return answer.GetProperty("accessToken").GetString()!;
    }

    /// <summary>POSTs <paramref name="body"/> as <paramref name="token"/>'s holder, with an idempotency key when given.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, object body, string token, string? idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await Http.SendAsync(request, ct);
    }

    /// <summary>GETs <paramref name="path"/> as JSON.</summary>
    public async Task<JsonElement> GetAsync(string path, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await ExpectAsync(await Http.SendAsync(request, ct), HttpStatusCode.OK, ct);
    }

    /// <summary>POSTs and requires a 2xx answer; returns its JSON.</summary>
    public async Task<JsonElement> PostOkAsync(string path, object body, string token, CancellationToken ct, bool idempotent = true) =>
        await ExpectAsync(await PostAsync(path, body, token, idempotent ? Guid.NewGuid().ToString() : null, ct), null, ct);

    /// <summary>The JSON of a response with the expected status (any 2xx when null); otherwise throws with the problem details.</summary>
    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode? expected, CancellationToken ct)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var ok = expected is { } e ? response.StatusCode == e : response.IsSuccessStatusCode;
            if (!ok)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {text}");
            }
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>yyyy-MM-dd.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
