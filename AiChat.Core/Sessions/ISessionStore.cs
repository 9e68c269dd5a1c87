using AiChat.Core.Chat;

namespace AiChat.Core.Sessions;

/// <summary>Conversation histories by session id, bounded and expiring. Every operation is atomic per session.</summary>
internal interface ISessionStore
{
    /// <summary>Starts an empty session.</summary>
    Task CreateAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The history, oldest first, restarting the session's expiry; null when unknown or expired.</summary>
    Task<IReadOnlyList<ChatMessage>?> GetAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends one turn's messages together, drops the oldest beyond the limits (see <see cref="SessionTrimmer"/>)
    /// and restarts the expiry. A session that expired meanwhile starts again from this turn.
    /// </summary>
    Task AppendAsync(string sessionId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken);

    /// <returns>Whether there was such a session.</returns>
    Task<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken);
}
