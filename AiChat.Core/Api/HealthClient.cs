namespace AiChat.Core.Api;

/// <param name="Id">The caller's identity for its limits, e.g. "ip:203.0.113.7".</param>
/// <param name="Derivation">How the address is found, as the start-up log line says it.</param>
internal sealed record HealthClient(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("derivation")] string Derivation);
