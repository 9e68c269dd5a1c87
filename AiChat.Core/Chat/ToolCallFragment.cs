namespace AiChat.Core.Chat;

/// <summary>
/// One <c>tool_calls</c> entry of a stream delta, as sent: every member may be missing, empty or repeated
/// (docs/dashscope-streams.md#tool-call-stream-quirks). <see cref="ToolCallAccumulator"/> puts fragments together.
/// </summary>
internal sealed record ToolCallFragment(int? Index, string? Id, string? Name, string? Arguments);
