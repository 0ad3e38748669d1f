using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KubeCore.Api.Errors;

/// <summary>
/// Turns every exception that escapes an endpoint into an <c>application/problem+json</c> answer, so bad
/// input never gives a 500: a rule violation is 422 with its rule id and code; malformed JSON, wrong types
/// and failed validation are 400; the library's <see cref="ArgumentException"/> (an impossible value that
/// slipped past validation) is 400. Only a real fault is 500, logged with its trace id and the exception
/// type, never with request data (PRIV-01).
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var problem = exception switch
        {
            Commands.LedgerIntegrityException broken => LoggedIntegrity(broken, httpContext, culture),
            StateRestoreException broken => LoggedState(broken, httpContext, culture),
            ApiException api => Problems.Api(api.Status, api.Code, culture, [.. api.Arguments]),
            RuleViolationException rule => Problems.FromViolations(rule.Violations, culture),
            FieldViolationsException fields => Problems.Create(StatusCodes.Status422UnprocessableEntity,
                fields.Violations.Select(v => ProblemError.Of(v.Violation, culture, v.Field)).ToList(), culture),
            ValidationException validation => Problems.FromValidation(validation.Errors, culture),
            BadHttpRequestException bad => FromBadRequest(bad, culture),
            ArgumentException argument => Problems.Api(StatusCodes.Status400BadRequest, ApiErrors.InvalidArgument, culture, ("Parameter", argument.ParamName), ("Detail", FirstLine(argument.Message))),
            FormatException format => Problems.Api(StatusCodes.Status400BadRequest, ApiErrors.MalformedRequest, culture, ("Detail", FirstLine(format.Message))),
            _ => null,
        };
        if (problem is null)
        {
            // No request data: the exception's type and the trace id are enough to find it.
            // The path (ids only: no query string, no body) says which resource; the endpoint says which handler.
            logger.LogError(exception, "Unhandled {ExceptionType} on {Method} {Path} ({Endpoint})", exception.GetType().Name, httpContext.Request.Method,
                httpContext.Request.Path.Value, httpContext.GetEndpoint()?.DisplayName ?? "no endpoint");
            problem = Problems.Api(StatusCodes.Status500InternalServerError, ApiErrors.InternalError, culture, ("TraceId", httpContext.TraceIdentifier));
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private ProblemDetails LoggedIntegrity(Commands.LedgerIntegrityException broken, HttpContext httpContext, CultureInfo culture)
    {
        logger.LogCritical("Ledger of group {GroupId} does not verify: {Reason}", broken.GroupId, broken.InnerException is StateRestoreException s ? s.ErrorCode + " at " + s.Part : broken.InnerException?.GetType().Name);
        return Problems.Api(StatusCodes.Status500InternalServerError, ApiErrors.LedgerIntegrity, culture, ("TraceId", httpContext.TraceIdentifier));
    }

    private ProblemDetails LoggedState(StateRestoreException broken, HttpContext httpContext, CultureInfo culture)
    {
        // A stored state that does not restore is corruption, not the caller's fault: codes and part names only, no personal data.
        logger.LogCritical("Stored {Aggregate} on {Path} does not restore: {Code} at {Part}", broken.Aggregate, httpContext.Request.Path.Value, broken.ErrorCode, broken.Part);
        return Problems.Api(StatusCodes.Status500InternalServerError, ApiErrors.InternalError, culture, ("TraceId", httpContext.TraceIdentifier));
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad, CultureInfo culture)
    {
        // ASP.NET's texts name the handler's parameters ("Implicit body inferred for parameter ..."): never shown, only classified.
        var message = bad.Message;
        return bad switch
        {
            { InnerException: JsonException json } => Malformed(json, culture),
            { StatusCode: StatusCodes.Status415UnsupportedMediaType } => Problems.Api(bad.StatusCode, ApiErrors.UnsupportedMediaType, culture),
            _ when message.Contains("body was not provided", StringComparison.OrdinalIgnoreCase) || message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) =>
                Problems.Api(bad.StatusCode, ApiErrors.MissingBody, culture),
            _ when message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) || message.StartsWith("Required parameter", StringComparison.Ordinal) =>
                Problems.Api(bad.StatusCode, ApiErrors.InvalidParameter, culture, ("Parameter", ParameterName(message))),
            _ => Problems.Api(bad.StatusCode, ApiErrors.MalformedRequest, culture, ("Detail", ApiErrors.UnreadableRequest(culture))),
        };
    }

    private static ProblemDetails Malformed(JsonException json, CultureInfo culture)
    {
        // Only the path and our own texts are shown: System.Text.Json's messages may quote request text.
        var field = json.Path ?? "$";
        var message = json.Message;
        var converted = message.Contains("could not be converted", StringComparison.Ordinal);
        (string Code, (string, object?)[] Arguments) error = json switch
        {
            { InnerException: JsonException reader } when reader.GetType().Name == "JsonReaderException" =>
                (ApiErrors.MalformedJson, [("Line", (reader.LineNumber ?? json.LineNumber ?? 0) + 1), ("Position", reader.BytePositionInLine ?? json.BytePositionInLine ?? 0)]),
            _ when message.Contains("missing required properties", StringComparison.Ordinal) => (ApiErrors.MissingValue, [("Field", field), ("Names", QuotedNames(message))]),
            WireValueException wire => (ApiErrors.InvalidValue, [("Field", field), ("Expected", ApiErrors.ExpectedForm(wire.Form, false, culture))]),
            _ when json.InnerException is not null || converted || message.Contains("null", StringComparison.Ordinal) =>
                (ApiErrors.InvalidValue, [("Field", field), ("Expected", ApiErrors.ExpectedForm(null, message.Contains("null", StringComparison.Ordinal) && !converted, culture))]),
            _ => (ApiErrors.MalformedJson, [("Line", (json.LineNumber ?? 0) + 1), ("Position", json.BytePositionInLine ?? 0)]),
        };
        return Problems.Create(StatusCodes.Status400BadRequest, [new ProblemError(null, error.Code, ApiErrors.Message(error.Code, culture, error.Arguments), field)], culture);
    }

    // "JSON deserialization for type 'T' was missing required properties including: 'a', 'b'."
    private static string QuotedNames(string message)
    {
        var at = message.IndexOf("including:", StringComparison.Ordinal);
        return string.Join(", ", (at < 0 ? message : message[at..]).Split('\'').Where((_, i) => i % 2 == 1));
    }

    // "Failed to bind parameter \"Guid id\" from \"x\"." / "Required parameter \"int size\" was not provided from query string."
    private static string ParameterName(string message) =>
        message.Split('"') is { Length: >= 3 } parts ? parts[1][(parts[1].LastIndexOf(' ') + 1)..] : "?";

    private static string FirstLine(string message) => message.Split('\r', '\n')[0];
}
