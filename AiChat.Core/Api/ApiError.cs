namespace AiChat.Core.Api;

/// <summary>An error as a client sees it: HTTP status, a stable code, a message, and where it applies the field.</summary>
internal sealed record ApiError(int Status, string Code, string Message)
{
    public string? Field { get; init; }

    public int? RetryAfterSeconds { get; init; }

    /// <summary>The setting whose limit refused the request.</summary>
    public string? Limit { get; init; }

    public string? UpstreamRequestId { get; init; }

    public static ApiError InvalidField(string field, string message) =>
        new(400, "invalid_request", message) { Field = field };
}
