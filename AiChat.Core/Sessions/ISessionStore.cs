namespace AiChat.Core.Sessions;

/// <summary>
/// Conversation histories by session id, bounded and expiring, each with its owner (<see cref="SessionOwners"/>):
/// a session with an owner is unknown to every other caller. Every operation is atomic per session.
/// </summary>
internal interface ISessionStore
{
    /// <summary>Starts an empty session.</summary>
    Task CreateAsync(string sessionId, string owner, CancellationToken cancellationToken);

    /// <summary>The history, oldest first, restarting the session's expiry; null when unknown, expired or not <paramref name="caller"/>'s.</summary>
    Task<IReadOnlyList<ChatMessage>?> GetAsync(string sessionId, string caller, CancellationToken cancellationToken);

    /// <summary>
    /// Appends one turn's messages together, drops the oldest beyond the limits (see <see cref="SessionTrimmer"/>)
    /// and restarts the expiry. A session deleted or expired meanwhile stays gone: the turn is not saved.
    /// </summary>
    /// <returns>Whether the turn was saved.</returns>
    Task<bool> AppendAsync(string sessionId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken);

    /// <returns>Whether there was such a session that <paramref name="caller"/> may use.</returns>
    Task<bool> DeleteAsync(string sessionId, string caller, CancellationToken cancellationToken);
}
