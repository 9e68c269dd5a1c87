namespace AiChat.Core.DashScope.Wire;

/// <summary>A message as sent upstream; content is never null (<c>""</c> beside tool calls, docs/geo-assistant.md#upstream-requests).</summary>
internal sealed record WireMessage(string Role, WireContent Content)
{
    public IReadOnlyList<WireToolCall>? ToolCalls { get; init; }

    public string? ToolCallId { get; init; }

    public string? Name { get; init; }

    /// <summary>An assistant turn's reasoning, sent only under <c>preserve_thinking</c>.</summary>
    public string? ReasoningContent { get; init; }
}
