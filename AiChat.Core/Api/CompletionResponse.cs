using System.Text.Json.Serialization;

namespace AiChat.Core.Api;

/// <summary>The seed's non-streaming answer.</summary>
internal sealed record CompletionResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("finish_reason")] string? FinishReason,
    [property: JsonPropertyName("usage")] UsageResponse? Usage);
