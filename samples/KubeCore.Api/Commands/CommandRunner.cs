using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KubeCore.Api.Errors;
using KubeCore.Api.Persistence;
using KubeCore.Api.Security;
using KubeCore.Rules;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KubeCore.Api.Commands;

/// <summary>
/// Runs one state-changing request as one database transaction, with idempotency and retries.
/// <list type="number">
/// <item>The <c>Idempotency-Key</c> header (required for money-moving requests, honoured on every other
/// command) is looked up, scoped to the caller: the same request again gets the first answer back
/// (header <c>Idempotent-Replayed: true</c>) and posts nothing; a different request under the same key
/// is refused with 422 <see cref="ApiErrors.IdempotencyKeyReused"/>.</item>
/// <item>The work runs against a fresh DbContext; its rows, and the answer under the key, are saved in
/// the same transaction, so an acknowledged answer and its effects are stored together or not at all.</item>
/// <item>When the save loses a race (a concurrency token moved, or a key was taken meanwhile), the
/// whole unit is rolled back and run again from fresh state (up to <see cref="MaxAttempts"/> times):
/// the rules are checked again against what the other request wrote, so no update is lost. If it
/// still conflicts, 409 <see cref="ApiErrors.ConcurrencyConflict"/>.</item>
/// <item>A rule violation is the answer too: it is kept under the key, and nothing else is saved.</item>
/// </list>
/// </summary>
public sealed class CommandRunner(IDbContextFactory<KubeCoreDbContext> databases, IOptions<JsonOptions> json, TimeProvider time)
{
    /// <summary>The request header carrying the client's idempotency key.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>How many times a unit that lost a race is run.</summary>
    public const int MaxAttempts = 6;

    /// <summary>The longest accepted key.</summary>
    public const int MaxKeyLength = 200;

    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    /// <summary>Runs <paramref name="work"/> as described on the class.</summary>
    /// <param name="http">The request (headers, caller, route).</param>
    /// <param name="request">The bound request body, hashed for the idempotency check (null when there is none).</param>
    /// <param name="moneyMoving">True when the request moves money: then the key is required.</param>
    /// <param name="work">Adds rows to the context and returns the answer; may throw <see cref="RuleViolationException"/> or <see cref="ApiException"/>.</param>
    public async Task<IResult> RunAsync(HttpContext http, object? request, bool moneyMoving, Func<KubeCoreDbContext, CancellationToken, Task<ApiResponse>> work)
    {
        var cancellationToken = http.RequestAborted;
        var key = ReadKey(http, moneyMoving);
        var subject = http.User.Subject();
        var hash = key is null ? null : Hash(http, request);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (key is not null)
            {
                var first = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Subject == subject && r.Key == key, cancellationToken);
                if (first is not null)
                {
                    return first.RequestHash == hash
                        ? new StoredResult(first.StatusCode, first.ContentType, first.Body, first.Location, first.ETag, replayed: true)
                        : throw new ApiException(StatusCodes.Status422UnprocessableEntity, ApiErrors.IdempotencyKeyReused);
                }
            }

            StoredResult answer;
            try
            {
                answer = Serialize(await work(db, cancellationToken));
            }
            catch (RuleViolationException violation) when (key is not null)
            {
                db.ChangeTracker.Clear();
                answer = Serialize(new ApiResponse(StatusCodes.Status422UnprocessableEntity,
                    Problems.WithTrace(Problems.FromViolations(violation.Violations, CultureInfo.CurrentUICulture), http)), "application/problem+json");
            }

            if (key is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRow
                {
                    Subject = subject,
                    Key = key,
                    RequestHash = hash!,
                    StatusCode = answer.Status,
                    ContentType = answer.ContentType,
                    Body = answer.Body,
                    Location = answer.Location,
                    ETag = answer.ETag,
                    CreatedAt = time.GetUtcNow(),
                });
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return answer;
            }
            catch (DbUpdateException conflict) when (Database.IsConflict(conflict))
            {
                if (attempt == MaxAttempts)
                {
                    throw new ApiException(StatusCodes.Status409Conflict, ApiErrors.ConcurrencyConflict);
                }
            }
            await transaction.RollbackAsync(CancellationToken.None);
            await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
        }
    }

    private static string? ReadKey(HttpContext http, bool required)
    {
        if (!http.Request.Headers.TryGetValue(IdempotencyHeader, out var values))
        {
            return required ? throw new ApiException(StatusCodes.Status400BadRequest, ApiErrors.IdempotencyKeyRequired) : null;
        }
        var key = values.Count == 1 ? values[0]?.Trim() : null;
        return string.IsNullOrEmpty(key) || key.Length > MaxKeyLength
            ? throw new ApiException(StatusCodes.Status400BadRequest, ApiErrors.IdempotencyKeyInvalid)
            : key;
    }

    private string Hash(HttpContext http, object? request)
    {
        // The request as bound (canonical JSON), not its raw bytes: whitespace or key order do not make it different.
        var canonical = request is null ? string.Empty : JsonSerializer.Serialize(request, request.GetType(), Json);
        var text = http.Request.Method + "\n" + http.Request.Path.Value + "\n" + canonical;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private StoredResult Serialize(ApiResponse response, string contentType = "application/json; charset=utf-8") =>
        new(response.Status,
            contentType,
            response.Body is null ? string.Empty : JsonSerializer.Serialize(response.Body, response.Body.GetType(), Json),
            response.Location,
            response.Version is { } version ? ETags.Format(version) : null,
            replayed: false);
}

/// <summary>Versions as entity tags: <c>"7"</c>.</summary>
public static class ETags
{
    /// <summary>The tag of a version.</summary>
    public static string Format(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The version an <c>If-Match</c> header asks for, or null when there is none (or it is <c>*</c>).
    /// A tag that is not a version can never match, so it is returned as -1.
    /// </summary>
    public static long? IfMatch(HttpContext http)
    {
        string? header = http.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }
        var tag = header.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }
        return long.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }
}
