namespace AiChat.Core.Chat;

/// <summary>
/// One upstream stream event: new text, tool-call fragments, and on the last ones the finish reason and token usage.
/// A delta may carry only usage (the OpenAI-compatible protocol's final chunk).
/// </summary>
internal sealed record ChatDelta(string Content, string? FinishReason = null, TokenUsage? Usage = null)
{
    /// <summary>The frame's tool-call entries in the order sent; null when it had none.</summary>
    public IReadOnlyList<ToolCallFragment>? ToolCalls { get; init; }

    /// <summary>A thinking model's reasoning text in this frame; null when it had none (an empty string counts as none).</summary>
    public string? ReasoningContent { get; init; }
}
