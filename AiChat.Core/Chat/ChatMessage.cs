using AiChat.Core.Images;

namespace AiChat.Core.Chat;

/// <summary>
/// One turn of a conversation: role is system, user, assistant or tool. An assistant message may carry the tool
/// calls it made (its content is then often empty); a tool message answers one call, named by <see cref="ToolCallId"/>.
/// </summary>
internal sealed record ChatMessage(string Role, string Content)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ChatToolCall>? ToolCalls { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ToolCallId { get; init; }

    /// <summary>On a tool message, the called tool's name (the native protocol's older form wants it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    /// <summary>On an assistant message, the reasoning that led to it; kept and sent only under <c>preserve_thinking</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReasoningContent { get; init; }

    /// <summary>The images of a user message, checked and re-encoded (<see cref="ImageIntake"/>); null when it has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ChatImage>? Images { get; init; }

    public bool Equals(ChatMessage? other) =>
        other is not null && Role == other.Role && Content == other.Content && ToolCallId == other.ToolCallId && Name == other.Name
        && ReasoningContent == other.ReasoningContent
        && (ReferenceEquals(ToolCalls, other.ToolCalls) || (ToolCalls is not null && other.ToolCalls is not null && ToolCalls.SequenceEqual(other.ToolCalls)))
        && (ReferenceEquals(Images, other.Images) || (Images is not null && other.Images is not null && Images.SequenceEqual(other.Images)));

    public override int GetHashCode() => HashCode.Combine(Role, Content, ToolCallId, Name, ToolCalls?.Count);

    public static ChatMessage Tool(string toolCallId, string name, string content) => new("tool", content) { ToolCallId = toolCallId, Name = name };
}
