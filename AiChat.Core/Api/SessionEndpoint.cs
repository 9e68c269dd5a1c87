using AiChat.Core.Configuration;
using AiChat.Core.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Api;

/// <summary>GET and DELETE /api/sessions/{id}: a conversation's stored history, and forgetting it. No listing, by design.</summary>
internal sealed class SessionEndpoint(ISessionStore store, IOptions<AiChatOptions> options)
{
    public async Task GetAsync(HttpContext context, string sessionId)
    {
        try
        {
            var messages = SessionIds.IsWellFormed(sessionId) ? await store.GetAsync(sessionId, context.RequestAborted) : null;
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
        try
        {
            var deleted = SessionIds.IsWellFormed(sessionId) && await store.DeleteAsync(sessionId, context.RequestAborted);
            await (deleted ? TypedResults.NoContent().ExecuteAsync(context) : ApiErrorWriter.WriteAsync(context, NotFound(sessionId)));
        }
        catch (SessionStoreUnavailableException e)
        {
            await ApiErrorWriter.WriteAsync(context, Map(e));
        }
    }

    private ApiError Map(Exception e) => ChatErrorMapper.Map(e, options.Value.RateLimitRetryAfterSeconds)!;

    private static ApiError NotFound(string sessionId) => ChatErrorMapper.SessionNotFound(sessionId);
}
