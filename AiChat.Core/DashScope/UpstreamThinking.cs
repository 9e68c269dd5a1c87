namespace AiChat.Core.DashScope;

/// <summary>
/// The one rule about thinking that is applied where the upstream request is built, for every surface: a
/// non-streaming call to a model whose non-streaming calls cannot think goes upstream with thinking off (DashScope
/// refuses it otherwise: <c>parameter.enable_thinking must be set to false for non-streaming calls</c>).
/// </summary>
internal static class UpstreamThinking
{
    public static ChatRequest Apply(ChatRequest request, ModelInfo? model, bool stream) =>
        !stream && model is { CanThink: true, ThinkingNonStreaming: false } && request.EnableThinking != false
            ? request with { EnableThinking = false, ThinkingBudget = null }
            : request;
}
