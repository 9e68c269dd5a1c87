namespace AiChat.Core.Api;

/// <summary>
/// What a client is told about an exception no endpoint handled. The server's own request errors (a malformed, too
/// slow or too large request, which Kestrel and the other servers raise as <see cref="BadHttpRequestException"/>) keep
/// their 4xx status; anything else is a bug of ours: a 500 that says nothing more. Host-agnostic, so that the
/// self-host's exception handler and the Functions worker's middleware answer alike.
/// </summary>
internal static class ExceptionErrorMapper
{
    public static ApiError Map(Exception exception) => exception switch
    {
        BadHttpRequestException e => Map(e),
        _ => new ApiError(500, "internal_error", "An unexpected error occurred."),
    };

    private static ApiError Map(BadHttpRequestException e) => e.StatusCode switch
    {
        StatusCodes.Status408RequestTimeout =>
            new(408, "request_timeout", "The request body arrived too slowly, or stopped before its end, and was given up."),
        StatusCodes.Status413PayloadTooLarge =>
            new(413, "payload_too_large", "The request body is larger than this server accepts."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge =>
            new(431, "request_headers_too_large", "The request headers are larger than this server accepts."),
        StatusCodes.Status400BadRequest =>
            new(400, "malformed_request", $"The request is malformed: {e.Message}"),
        >= 400 and <= 499 => new(e.StatusCode, "http_" + e.StatusCode, e.Message),
        _ => new ApiError(500, "internal_error", "An unexpected error occurred."),
    };
}
