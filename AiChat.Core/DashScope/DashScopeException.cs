namespace AiChat.Core.DashScope;

/// <summary>
/// An error DashScope reported, whatever envelope it came in: HTTP status (inferred from the code when the error
/// arrived inside a 200 stream), DashScope's error code, its message and the upstream request id.
/// </summary>
internal sealed class DashScopeException(int statusCode, string? code, string message, string? requestId, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int StatusCode { get; } = statusCode;

    public string? Code { get; } = code;

    public string? RequestId { get; } = requestId;
}
