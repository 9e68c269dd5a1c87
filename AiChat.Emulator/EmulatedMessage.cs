namespace AiChat.Emulator;

/// <summary>
/// One chat message as the emulator received it; content parts are joined into one text. An assistant message may
/// carry its tool calls; a tool message names the call it answers.
/// </summary>
public sealed record EmulatedMessage(string Role, string Content)
{
    public IReadOnlyList<EmulatedToolCall>? ToolCalls { get; init; }

    public string? ToolCallId { get; init; }

    /// <summary>An assistant message's <c>reasoning_content</c>, when the request sent one.</summary>
    public string? ReasoningContent { get; init; }

    /// <summary>The images of the message that passed DashScope's checks; null when it had none.</summary>
    public IReadOnlyList<EmulatedImage>? Images { get; init; }
}
