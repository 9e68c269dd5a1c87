namespace AiChat.Core.DashScope;

/// <summary>
/// The failures that are not DashScope's own error answers, as <see cref="DashScopeException"/>s, so that one type
/// leaves the upstream client: a deadline passed, the connection failed or broke, or a 200 whose body is not what
/// the protocol says (not JSON, a broken frame). Each keeps its cause as the inner exception.
/// </summary>
internal static class UpstreamFailures
{
    public const string TimeoutCode = "upstream_timeout";
    public const string UnreachableCode = "upstream_unreachable";
    public const string InvalidResponseCode = "invalid_upstream_response";

    public static DashScopeException Timeout(string what, TimeSpan limit, string? requestId = null) =>
        new(504, TimeoutCode, $"DashScope did not {what} within {limit.TotalSeconds:0.###} s.", requestId, new TimeoutException());

    public static DashScopeException Unreachable(Exception cause, string? requestId = null) =>
        new(502, UnreachableCode, "DashScope could not be reached, or the connection to it broke.", requestId, cause);

    public static DashScopeException InvalidResponse(JsonException cause, string? requestId = null) =>
        new(502, InvalidResponseCode, "DashScope answered with a body that is not the protocol's JSON.", requestId, cause);

    /// <summary>Whether <paramref name="e"/> is one of these, translated; DashScope's own errors and cancellation are not.</summary>
    public static DashScopeException? Translate(Exception e, string? requestId) => e switch
    {
        JsonException json => InvalidResponse(json, requestId),
        HttpRequestException or IOException => Unreachable(e, requestId),
        _ => null,
    };
}
