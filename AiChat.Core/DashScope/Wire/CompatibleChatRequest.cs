namespace AiChat.Core.DashScope.Wire;

internal sealed class CompatibleChatRequest(ChatRequest request, bool stream) : WireGenerationSettings(request)
{
    private static readonly CompatibleStreamOptions IncludeUsage = new(IncludeUsage: true);

    public string Model { get; } = request.Model;

    public IReadOnlyList<WireMessage> Messages { get; } = WireMessages.From(request.Messages, withToolNames: false, withReasoning: request.PreserveThinking == true);

    public bool? Stream { get; } = stream ? true : null;

    public CompatibleStreamOptions? StreamOptions { get; } = stream ? IncludeUsage : null;
}
