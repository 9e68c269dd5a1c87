namespace AiChat.Emulator;

/// <summary>One stream frame of a tool round: reasoning, text, or tool_call entries.</summary>
internal sealed record ToolFrame(IReadOnlyList<ToolEntry> Entries)
{
    public string? Reasoning { get; init; }

    public string? Text { get; init; }
}
