namespace AiChat.Core.Api;

internal sealed record SessionResponse(
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages);
