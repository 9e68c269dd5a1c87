namespace AiChat.Core.Sessions;

/// <summary>The session is unknown, has expired, or belongs to someone else: the caller is told the same in each case.</summary>
internal sealed class SessionNotFoundException(string sessionId) : Exception($"Session {SessionIds.Hash(sessionId)} (hashed) does not exist, has expired or is not the caller's.")
{
    /// <summary>For the caller's answer only: the exception's own message, which logs see, names the session by its hash.</summary>
    public string SessionId { get; } = sessionId;

    public static string MessageFor(string sessionId) =>
        $"Session '{sessionId}' does not exist or has expired; start a new conversation without session_id.";
}
