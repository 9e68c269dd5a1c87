using System.Text.Json.Serialization;

namespace AiChat.Core.Api;

/// <summary>The seed's <c>{"status", "message"}</c>, plus what the upstream is and whether a key is at hand.</summary>
internal sealed record HealthResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("upstream")] HealthUpstream Upstream);
