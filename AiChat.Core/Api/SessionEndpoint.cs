using AiChat.Core.Configuration;
using AiChat.Core.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Api;

/// <summary>
/// GET and DELETE /api/sessions/{id}: a conversation's stored history, and forgetting it. No listing, by design. An id
/// not shaped like one is a 400 that does not repeat it; someone else's session is the same 404 as an unknown one.
/// </summary>
internal sealed class SessionEndpoint(ISessionStore store, SessionOwners owners, IOptions<AiChatOptions> options)
{
    public async Task GetAsync(HttpContext context, string sessionId)
    {
        if (!SessionIds.IsWellFormed(sessionId))
        {
            await ApiErrorWriter.WriteAsync(context, Malformed);
            return;
        }

        try
        {
            var messages = await store.GetAsync(sessionId, owners.Of(context), context.RequestAborted);
            await (messages is null
                ? ApiErrorWriter.WriteAsync(context, NotFound(sessionId))
                : TypedResults.Json(new SessionResponse(sessionId, messages), AiChatJsonContext.Relaxed.SessionResponse).ExecuteAsync(context));
        }
        catch (SessionStoreUnavailableException e)
        {
            await ApiErrorWriter.WriteAsync(context, Map(e));
        }
    }

    public async Task DeleteAsync(HttpContext context, string sessionId)
    {
        if (!SessionIds.IsWellFormed(sessionId))
        {
            await ApiErrorWriter.WriteAsync(context, Malformed);
            return;
        }

        try
        {
            var deleted = await store.DeleteAsync(sessionId, owners.Of(context), context.RequestAborted);
            await (deleted ? TypedResults.NoContent().ExecuteAsync(context) : ApiErrorWriter.WriteAsync(context, NotFound(sessionId)));
        }
        catch (SessionStoreUnavailableException e)
        {
            await ApiErrorWriter.WriteAsync(context, Map(e));
        }
    }

    private static ApiError Malformed => ApiError.InvalidField("session_id", ChatRequestParser.SessionIdShape);

    private ApiError Map(Exception e) => ChatErrorMapper.Map(e, options.Value.RateLimitRetryAfterSeconds)!;

    private static ApiError NotFound(string sessionId) => ChatErrorMapper.SessionNotFound(sessionId);
}
