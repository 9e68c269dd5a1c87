namespace AiChat.Core.Sessions;

internal sealed class SessionNotFoundException(string sessionId)
    : Exception($"Session '{sessionId}' does not exist or has expired; start a new conversation without session_id.")
{
    public string SessionId { get; } = sessionId;
}
