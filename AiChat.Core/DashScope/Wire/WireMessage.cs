namespace AiChat.Core.DashScope.Wire;

/// <summary>A message as sent upstream; content is never null (<c>""</c> beside tool calls, geo-contract §3.1).</summary>
internal sealed record WireMessage(string Role, string Content)
{
    public IReadOnlyList<WireToolCall>? ToolCalls { get; init; }

    public string? ToolCallId { get; init; }

    public string? Name { get; init; }
}
