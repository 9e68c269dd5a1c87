namespace AiChat.Core.DashScope.Wire;

internal sealed class NativeChatRequest
{
    public required string Model { get; init; }

    public required NativeInput Input { get; init; }

    public required NativeParameters Parameters { get; init; }
}
