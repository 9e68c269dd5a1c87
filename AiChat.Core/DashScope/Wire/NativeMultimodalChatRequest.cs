namespace AiChat.Core.DashScope.Wire;

/// <summary>A request to the native multimodal-generation endpoint: <see cref="NativeChatRequest"/> with parts for content.</summary>
internal sealed class NativeMultimodalChatRequest
{
    public required string Model { get; init; }

    public required NativeMultimodalInput Input { get; init; }

    public required NativeParameters Parameters { get; init; }
}
