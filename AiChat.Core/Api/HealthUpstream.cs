namespace AiChat.Core.Api;

internal sealed record HealthUpstream(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("protocol")] string Protocol,
    [property: JsonPropertyName("base_url")] string BaseUrl,
    [property: JsonPropertyName("api_key_source")] string ApiKeySource,
    [property: JsonPropertyName("api_key_available")] bool ApiKeyAvailable);
