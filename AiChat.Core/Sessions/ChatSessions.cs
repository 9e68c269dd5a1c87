using Microsoft.Extensions.Logging.Abstractions;

namespace AiChat.Core.Sessions;

/// <summary>Turns a request into a conversation with its history, and records the turn once it has been answered.</summary>
internal sealed class ChatSessions(ISessionStore store, ILogger<ChatSessions>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ChatSessions>.Instance;

    /// <param name="sessionId">An existing session, or null.</param>
    /// <param name="owner">Who the caller is (<see cref="SessionOwners"/>): the owner of a new session, and who may use an existing one.</param>
    /// <param name="startNew">Without <paramref name="sessionId"/>, whether to start a session (typed events do, the seed's endpoints don't).</param>
    /// <exception cref="SessionNotFoundException">The session is unknown, has expired or is someone else's.</exception>
    public async ValueTask<Conversation> BeginAsync(string? sessionId, string owner, IReadOnlyList<ChatMessage> newMessages, bool startNew, CancellationToken cancellationToken)
    {
        if (sessionId is null)
        {
            if (!startNew)
            {
                return new Conversation(null, [], newMessages);
            }

            var created = SessionIds.New();
            await store.CreateAsync(created, owner, cancellationToken);
            return new Conversation(created, [], newMessages);
        }

        var history = SessionIds.IsWellFormed(sessionId) ? await store.GetAsync(sessionId, owner, cancellationToken) : null;
        return history is null ? throw new SessionNotFoundException(sessionId) : new Conversation(sessionId, history, newMessages);
    }

    /// <summary>Stores the turn's messages and the reply together; nothing is stored for a request without a session.</summary>
    public Task CompleteAsync(Conversation conversation, string reply, CancellationToken cancellationToken) =>
        CompleteAsync(conversation, [new ChatMessage("assistant", reply)], cancellationToken);

    /// <summary>
    /// Stores the turn's messages and its answer together: the tool exchanges of the turn (each assistant message with
    /// its calls followed by every answer) and the final reply. Nothing is stored for a request without a session, nor
    /// for one whose session was deleted while the turn ran: the delete wins.
    /// </summary>
    public async Task CompleteAsync(Conversation conversation, IReadOnlyList<ChatMessage> answer, CancellationToken cancellationToken)
    {
        if (conversation.SessionId is { } sessionId && !await store.AppendAsync(sessionId, [.. conversation.NewMessages, .. answer], cancellationToken))
        {
            SessionLog.TurnNotSaved(_logger, sessionId);
        }
    }
}
