namespace AiChat.Core.DashScope;

/// <summary>
/// The HTTP status an error code stands for, for errors that arrive inside a stream whose status was already 200
/// (a native <c>:HTTP_STATUS/400</c> comment is invisible to an SSE parser, by the SSE spec).
/// </summary>
internal static class DashScopeErrorCodes
{
    public static int InferStatus(string? code) => code switch
    {
        null => 500,
        "invalid_api_key" or "InvalidApiKey" => 401,
        _ when code.StartsWith("AccessDenied", StringComparison.Ordinal) || code == "Model.AccessDenied" => 403,
        "model_not_found" or "model_not_supported" or "ModelNotFound" => 404,
        "limit_requests" or "insufficient_quota" or "limit_burst_rate" => 429,
        _ when code.StartsWith("Throttling", StringComparison.Ordinal) => 429,
        "internal_error" or "RequestTimeOut" => 500,
        _ when code.StartsWith("InternalError", StringComparison.Ordinal) => 500,
        "ModelUnavailable" or "model_unavailable" => 503,
        _ => 400,
    };

    /// <summary>DashScope reports an unknown model with 400 or 404 and several codes; the message is the constant part.</summary>
    public static bool IsModelNotFound(DashScopeException error) =>
        error.Code is "model_not_found" or "ModelNotFound" ||
        error.Message.Contains("Model not exist", StringComparison.OrdinalIgnoreCase) ||
        (error.StatusCode == 404 && error.Message.Contains("model", StringComparison.OrdinalIgnoreCase));

    public static bool IsModelUnavailable(DashScopeException error) =>
        error.StatusCode == 503 || error.Code is "ModelUnavailable" or "model_unavailable";
}
