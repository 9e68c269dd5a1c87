namespace AiChat.Core.Api;

internal sealed record UsageResponse(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("completion_tokens")] int CompletionTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens)
{
    /// <summary>How many of the completion tokens went on thinking; absent when the upstream did not count them.</summary>
    [JsonPropertyName("completion_tokens_details")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CompletionTokensDetails? CompletionTokensDetails { get; init; }

    public static UsageResponse? From(TokenUsage? usage) =>
        usage is null ? null : new UsageResponse(usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens)
        {
            CompletionTokensDetails = usage.ReasoningTokens is { } reasoning ? new CompletionTokensDetails(reasoning) : null,
        };
}
