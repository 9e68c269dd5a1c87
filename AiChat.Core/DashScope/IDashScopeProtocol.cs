namespace AiChat.Core.DashScope;

/// <summary>What differs between DashScope's two protocols: the request, the answer and the stream events.</summary>
internal interface IDashScopeProtocol
{
    /// <param name="model">The model's catalogue entry; null for a model the catalogue does not know (taken as a text model).</param>
    HttpRequestMessage CreateRequest(ChatRequest request, ModelInfo? model, bool stream);

    /// <exception cref="DashScopeException">The body is an error envelope.</exception>
    ChatCompletion ReadCompletion(ReadOnlySpan<byte> body, ChatRequest request, string? requestIdHeader);

    StreamFrame ReadFrame(string eventType, ReadOnlySpan<byte> data);
}
