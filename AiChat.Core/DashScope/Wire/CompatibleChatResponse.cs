namespace AiChat.Core.DashScope.Wire;

/// <summary>A chat.completion, a chat.completion.chunk, or an error frame inside a stream.</summary>
internal sealed class CompatibleChatResponse
{
    public string? Id { get; set; }

    public string? Model { get; set; }

    public List<CompatibleChoice>? Choices { get; set; }

    public CompatibleUsage? Usage { get; set; }

    public WireErrorDetail? Error { get; set; }

    public string? RequestId { get; set; }
}
