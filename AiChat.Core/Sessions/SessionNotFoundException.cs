namespace AiChat.Core.Sessions;

internal sealed class SessionNotFoundException(string sessionId) : Exception(MessageFor(sessionId))
{
    public string SessionId { get; } = sessionId;

    public static string MessageFor(string sessionId) =>
        $"Session '{sessionId}' does not exist or has expired; start a new conversation without session_id.";
}
