namespace AiChat.Core.Chat;

/// <summary>A whole answer. <paramref name="Id"/> is the upstream request id.</summary>
internal sealed record ChatCompletion(string Id, string Content, string Model, string? FinishReason, TokenUsage? Usage)
{
    /// <summary>The calls the model made, as sent (arguments unchanged); null when it made none.</summary>
    public IReadOnlyList<ChatToolCall>? ToolCalls { get; init; }

    /// <summary>A thinking model's reasoning, when DashScope sent it.</summary>
    public string? ReasoningContent { get; init; }
}
