namespace AiChat.Core.DashScope.Wire;

/// <summary>
/// A message as the native multimodal-generation endpoint takes it: <c>content</c> is always an array of parts
/// (<c>[]</c> beside tool calls), never a string (docs/dashscope-streams.md#the-multimodal-generation-endpoint).
/// </summary>
internal sealed record WirePartsMessage(string Role, WireContent Content)
{
    public IReadOnlyList<WireToolCall>? ToolCalls { get; init; }

    public string? ToolCallId { get; init; }

    /// <summary>An assistant turn's reasoning, sent only under <c>preserve_thinking</c>.</summary>
    public string? ReasoningContent { get; init; }
}
