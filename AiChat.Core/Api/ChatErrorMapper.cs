using AiChat.Core.DashScope;
using AiChat.Core.Sessions;

namespace AiChat.Core.Api;

/// <summary>What a client is told when a chat call fails: never the raw upstream answer, never a 500.</summary>
internal static class ChatErrorMapper
{
    /// <returns>The error to answer with, or null when <paramref name="exception"/> is not a failure of a chat call.</returns>
    public static ApiError? Map(Exception exception, int retryAfterSeconds) => exception switch
    {
        SessionNotFoundException e => SessionNotFound(e.SessionId),
        SessionStoreUnavailableException e => new ApiError(503, "session_store_unavailable", e.Message),
        DashScopeKeyUnavailableException e => new ApiError(503, "upstream_key_unavailable", e.Message),
        DashScopeException e => Map(e, retryAfterSeconds),
        _ => null,
    };

    public static ApiError SessionNotFound(string sessionId) =>
        new(404, "session_not_found", SessionNotFoundException.MessageFor(sessionId)) { Field = "session_id" };

    private static ApiError Map(DashScopeException e, int retryAfterSeconds)
    {
        var error = e switch
        {
            { Code: UpstreamFailures.TimeoutCode } => new ApiError(504, "upstream_timeout", e.Message),
            { Code: UpstreamFailures.UnreachableCode } => new ApiError(502, "upstream_unreachable", e.Message),
            { Code: UpstreamFailures.InvalidResponseCode } => new ApiError(502, "upstream_error", e.Message),
            { StatusCode: 401 or 403 } => new ApiError(502, "upstream_auth_failed",
                $"DashScope refused this server's API key (HTTP {e.StatusCode}, {e.Code ?? "no code"}). The server's DashScope configuration needs attention."),
            _ when DashScopeErrorCodes.IsModelNotFound(e) => new ApiError(400, "model_not_found", e.Message) { Field = "model" },
            { StatusCode: 429 } => new ApiError(429, "rate_limited", e.Message) { RetryAfterSeconds = retryAfterSeconds },
            _ when DashScopeErrorCodes.IsModelUnavailable(e) => new ApiError(503, "model_unavailable", e.Message),
            { StatusCode: 400 } => new ApiError(400, e.Code ?? "upstream_bad_request", e.Message),
            _ => new ApiError(502, "upstream_error", $"DashScope failed (HTTP {e.StatusCode}, {e.Code ?? "no code"}): {e.Message}"),
        };
        return error with { UpstreamRequestId = e.RequestId };
    }
}
