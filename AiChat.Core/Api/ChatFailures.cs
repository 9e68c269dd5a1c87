using AiChat.Core.Turns;

namespace AiChat.Core.Api;

/// <summary>
/// The one place a failed chat turn becomes what its client is told: the error (<see cref="ChatErrorMapper"/>, or
/// a bare 500 for anything else), logged once. A surface writes it as HTTP before its stream started, or as its
/// error event after.
/// </summary>
internal sealed class ChatFailures(IOptions<AiChatOptions> options, ILogger<ChatFailures> logger)
{
    public ApiError Describe(Exception exception, bool streamStarted)
    {
        var error = ChatErrorMapper.Map(exception, options.Value.RateLimitRetryAfterSeconds) ?? ExceptionErrorMapper.Map(exception);
        if (streamStarted)
        {
            ChatLog.StreamFailed(logger, error.Status, error.Code, error.UpstreamRequestId, exception);
        }
        else
        {
            ChatLog.CallFailed(logger, error.Status, error.Code, error.UpstreamRequestId, exception);
        }

        return error;
    }

    /// <summary>
    /// Runs a whole (not streamed) turn; if it fails before the client went away, the error is written with
    /// <paramref name="writeError"/>, the surface's envelope, and the answer is null.
    /// </summary>
    public async Task<ChatCompletion?> CompleteAsync(
        ChatTurn turn, TurnRequest request, HttpContext context, Func<HttpContext, ApiError, Task> writeError, CancellationToken aborted)
    {
        try
        {
            return await turn.CompleteAsync(request, aborted);
        }
        catch (Exception e) when (!aborted.IsCancellationRequested)
        {
            await writeError(context, Describe(e, streamStarted: false));
            return null;
        }
    }
}
