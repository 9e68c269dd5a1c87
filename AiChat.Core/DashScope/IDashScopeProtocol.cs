using AiChat.Core.Chat;

namespace AiChat.Core.DashScope;

/// <summary>What differs between DashScope's two protocols: the request, the answer and the stream events.</summary>
internal interface IDashScopeProtocol
{
    HttpRequestMessage CreateRequest(ChatRequest request, bool stream);

    /// <exception cref="DashScopeException">The body is an error envelope.</exception>
    ChatCompletion ReadCompletion(ReadOnlySpan<byte> body, ChatRequest request, string? requestIdHeader);

    StreamFrame ReadFrame(string eventType, ReadOnlySpan<byte> data);
}
