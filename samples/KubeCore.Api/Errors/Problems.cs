using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace KubeCore.Api.Errors;

/// <summary>One error inside a problem: the rule (null when no business rule is involved), code, localized message and the field it concerns.</summary>
/// <param name="RuleId">The rule id (e.g. <c>GRP-01</c>), or null for transport and access errors.</param>
/// <param name="ErrorCode">The stable error code.</param>
/// <param name="Message">The message in the request's language (<c>Accept-Language</c>: id or en).</param>
/// <param name="Field">The JSON path or parameter the error concerns, when there is one.</param>
public sealed record ProblemError(string? RuleId, string ErrorCode, string Message, string? Field = null)
{
    /// <summary>A library rule violation with its message in <paramref name="culture"/>'s language (default: the request's).</summary>
    public static ProblemError Of(RuleViolation violation, CultureInfo? culture = null, string? field = null) =>
        new(violation.RuleId.ToString(), violation.ErrorCode, violation.Message(culture), field);
}

/// <summary>
/// Builds the API's <c>application/problem+json</c> bodies. Every problem carries, besides the RFC 9457
/// members, <c>errorCode</c> and <c>ruleId</c> of its first error, the list <c>errors</c> and
/// <c>traceId</c>. <c>type</c> is <c>urn:kubecore:error:CODE</c>.
/// </summary>
public static class Problems
{
    /// <summary>The prefix of every problem <c>type</c>.</summary>
    public const string TypePrefix = "urn:kubecore:error:";

    /// <summary>A problem made of one or more errors.</summary>
    public static ProblemDetails Create(int status, IReadOnlyList<ProblemError> errors, CultureInfo culture)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        var first = errors[0];
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + first.ErrorCode,
            Title = Title(status, culture),
            Detail = first.Message,
        };
        problem.Extensions["errorCode"] = first.ErrorCode;
        problem.Extensions["ruleId"] = first.RuleId;
        problem.Extensions["errors"] = errors;
        return problem;
    }

    /// <summary>Adds the request's trace id (the same one the exception handler adds), and returns the problem.</summary>
    public static ProblemDetails WithTrace(ProblemDetails problem, HttpContext http)
    {
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
        return problem;
    }

    /// <summary>A problem of one API error (no rule involved).</summary>
    public static ProblemDetails Api(int status, string code, CultureInfo culture, params (string Name, object? Value)[] arguments) =>
        Create(status, [new ProblemError(null, code, ApiErrors.Message(code, culture, arguments))], culture);

    /// <summary>422: the library refused the operation; one error per violation, with its rule id.</summary>
    public static ProblemDetails FromViolations(IReadOnlyList<RuleViolation> violations, CultureInfo culture, int status = StatusCodes.Status422UnprocessableEntity) =>
        Create(status, violations.Select(v => ProblemError.Of(v, culture)).ToList(), culture);

    /// <summary>
    /// 400 (or the given status): FluentValidation failures. The messages are already in the request's
    /// language (the host registers <see cref="KubeCoreLanguageManager"/>); the rule id is the catalogue's
    /// (<see cref="RuleCatalogue.RuleOfErrorCode"/>).
    /// </summary>
    public static ProblemDetails FromValidation(IEnumerable<ValidationFailure> failures, CultureInfo culture, int status = StatusCodes.Status400BadRequest) =>
        Create(status, failures.Select(f => new ProblemError(RuleCatalogue.RuleOfErrorCode(f.ErrorCode)?.ToString(), f.ErrorCode, f.ErrorMessage, JsonPath(f.PropertyName))).ToList(), culture);

    private static string? JsonPath(string? propertyName) =>
        string.IsNullOrEmpty(propertyName) ? null : "$." + string.Join('.', propertyName.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    private static string Title(int status, CultureInfo culture) =>
        KubeCoreMessages.IsIndonesian(culture) && IndonesianTitles.TryGetValue(status, out var title)
            ? title
            : ReasonPhrases.GetReasonPhrase(status);

    private static readonly Dictionary<int, string> IndonesianTitles = new()
    {
        [400] = "Permintaan tidak valid",
        [401] = "Belum terautentikasi",
        [403] = "Tidak diizinkan",
        [404] = "Tidak ditemukan",
        [405] = "Metode tidak diizinkan",
        [409] = "Konflik",
        [412] = "Prasyarat gagal",
        [415] = "Jenis media tidak didukung",
        [422] = "Ditolak oleh aturan",
        [500] = "Kesalahan internal",
    };
}
