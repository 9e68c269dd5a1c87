namespace AiChat.Core.DashScope.Wire;

/// <summary>The <c>message</c> or <c>delta</c> object of a choice: its text and tool calls.</summary>
internal sealed class WireText
{
    /// <summary>A string, null, or (multimodal native) an array of parts.</summary>
    [JsonConverter(typeof(WireContentConverter))]
    public string? Content { get; set; }

    public List<WireToolCall>? ToolCalls { get; set; }

    public string? ReasoningContent { get; set; }
}
