namespace AiChat.Core.Sessions;

/// <summary>One turn about to go upstream: the stored history followed by this turn's new messages.</summary>
/// <param name="SessionId">Null for a request that uses no session.</param>
internal sealed record Conversation(string? SessionId, IReadOnlyList<ChatMessage> History, IReadOnlyList<ChatMessage> NewMessages)
{
    public IReadOnlyList<ChatMessage> Messages => History.Count == 0 ? NewMessages : [.. History, .. NewMessages];
}
