namespace KubeCore.Api.Errors;

/// <summary>
/// An API-level refusal (not a business rule): a status, an <see cref="ApiErrors"/> code and the
/// arguments of its message. The exception handler turns it into a problem; nothing of the request is
/// logged.
/// </summary>
public sealed class ApiException(int status, string code, params (string Name, object? Value)[] arguments)
    : Exception(code)
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The <see cref="ApiErrors"/> code.</summary>
    public string Code { get; } = code;

    /// <summary>The message arguments.</summary>
    public IReadOnlyList<(string Name, object? Value)> Arguments { get; } = arguments;

    /// <summary>404 for a resource kind (e.g. "household").</summary>
    public static ApiException NotFound(string resource) => new(StatusCodes.Status404NotFound, ApiErrors.NotFound, ("Resource", resource));

    /// <summary>400 for a query or route value that is not valid (e.g. "skip").</summary>
    public static ApiException InvalidParameter(string parameter) => new(StatusCodes.Status400BadRequest, ApiErrors.InvalidParameter, ("Parameter", parameter));
}
