using System.Text.Json.Serialization;
using AiChat.Core.Chat;

namespace AiChat.Core.Api;

internal sealed record UsageResponse(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("completion_tokens")] int CompletionTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens)
{
    public static UsageResponse? From(TokenUsage? usage) =>
        usage is null ? null : new UsageResponse(usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens);
}
