namespace AiChat.Core.Chat;

/// <summary>Tokens spent, as DashScope counted them; bill from the totals, never by adding up details.</summary>
internal sealed record TokenUsage(int PromptTokens, int CompletionTokens, int TotalTokens)
{
    /// <summary>The part of <see cref="CompletionTokens"/> spent thinking; null when the upstream did not say.</summary>
    public int? ReasoningTokens { get; init; }

    /// <summary>The part of <see cref="PromptTokens"/> spent on images; null when the upstream did not say.</summary>
    public int? ImageTokens { get; init; }
}
