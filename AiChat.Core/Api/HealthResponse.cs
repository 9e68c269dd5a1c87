namespace AiChat.Core.Api;

/// <summary>
/// The seed's <c>{"status", "message"}</c>, plus what the upstream is and whether a key is at hand. When degraded,
/// <c>reason</c> says why in a word; the details (vault, secret, Key Vault's error) go to the log only.
/// </summary>
internal sealed record HealthResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("upstream")] HealthUpstream Upstream)
{
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>With CLIENT_IP_DEBUG=true: who this caller is for its limits, and how that was found.</summary>
    [JsonPropertyName("client")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HealthClient? Client { get; init; }
}
