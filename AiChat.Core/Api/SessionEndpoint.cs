using AiChat.Core.Sessions;

namespace AiChat.Core.Api;

/// <summary>
/// GET and DELETE /api/sessions/{id}: a conversation's stored history, and forgetting it. No listing, by design. An id
/// not shaped like one is a 400 that does not repeat it; someone else's session is the same 404 as an unknown one.
/// </summary>
internal sealed class SessionEndpoint(ISessionStore store, SessionOwners owners, IOptions<AiChatOptions> options)
{
    public Task GetAsync(HttpContext context, string sessionId) =>
        RespondAsync(context, sessionId, async (owner, cancellationToken) =>
            await store.GetAsync(sessionId, owner, cancellationToken) is { } messages
                ? new JsonAnswer<SessionResponse>(new SessionResponse(sessionId, messages), AiChatJsonContext.Default.SessionResponse)
                : null);

    public Task DeleteAsync(HttpContext context, string sessionId) =>
        RespondAsync(context, sessionId, async (owner, cancellationToken) =>
            await store.DeleteAsync(sessionId, owner, cancellationToken) ? TypedResults.NoContent() : null);

    /// <summary>The id checked, then <paramref name="act"/> as the caller; its null is the 404 of an unknown session.</summary>
    private async Task RespondAsync(HttpContext context, string sessionId, Func<string, CancellationToken, Task<IResult?>> act)
    {
        if (!SessionIds.IsWellFormed(sessionId))
        {
            await ApiErrorWriter.WriteAsync(context, ApiError.InvalidField("session_id", ChatRequestParser.SessionIdShape));
            return;
        }

        try
        {
            var result = await act(owners.Of(context), context.RequestAborted);
            await (result?.ExecuteAsync(context) ?? ApiErrorWriter.WriteAsync(context, ChatErrorMapper.SessionNotFound(sessionId)));
        }
        catch (SessionStoreUnavailableException e)
        {
            await ApiErrorWriter.WriteAsync(context, ChatErrorMapper.Map(e, options.Value.RateLimitRetryAfterSeconds)!);
        }
    }
}
