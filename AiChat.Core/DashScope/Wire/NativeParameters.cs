namespace AiChat.Core.DashScope.Wire;

internal sealed class NativeParameters(ChatRequest request, bool stream) : WireGenerationSettings(request)
{
    public string ResultFormat { get; } = "message";

    public bool? IncrementalOutput { get; } = stream ? true : null;
}
