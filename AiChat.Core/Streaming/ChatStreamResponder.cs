using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using AiChat.Core.Api;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Streaming;

/// <summary>
/// Relays an upstream stream as server-sent events, each as soon as it arrives. A failure before the first event
/// is an ordinary JSON error with its status; once events are out, it is the format's error event, and the
/// stream ends cleanly. The client's RequestAborted token cancels the upstream call.
/// </summary>
public sealed class ChatStreamResponder(IOptions<AiChatOptions> options, ILogger<ChatStreamResponder> logger)
{
    public async Task RespondAsync<TFrame>(HttpContext context, IAsyncEnumerable<ChatDelta> deltas, IChatStreamFormat<TFrame> format)
    {
        var aborted = context.RequestAborted;
        try
        {
            await using var upstream = deltas.GetAsyncEnumerator(aborted);
            var first = await upstream.MoveNextAsync();
            StartEventStream(context.Response);
            await SseFormatter.WriteAsync(Events(upstream, first, format, aborted), context.Response.Body, format.WriteData, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; disposing the enumerator cancelled the upstream call.
        }
        catch (Exception e) when (!context.Response.HasStarted && Map(e) is { } error)
        {
            UpstreamLog.CallFailed(logger, error.Status, error.Code, error.UpstreamRequestId, e);
            await ApiErrorWriter.WriteAsync(context, error);
        }
    }

    private async IAsyncEnumerable<SseItem<TFrame>> Events<TFrame>(
        IAsyncEnumerator<ChatDelta> upstream, bool hasCurrent, IChatStreamFormat<TFrame> format, [EnumeratorCancellation] CancellationToken aborted)
    {
        foreach (var item in format.OnStarted())
        {
            yield return item;
        }

        ApiError? failure = null;
        while (hasCurrent)
        {
            if (format.OnDelta(upstream.Current) is { } item)
            {
                yield return item;
            }

            try
            {
                hasCurrent = await upstream.MoveNextAsync();
            }
            catch (Exception e) when (!aborted.IsCancellationRequested && Map(e) is { } error)
            {
                UpstreamLog.StreamFailed(logger, error.Code, error.UpstreamRequestId, e);
                failure = error;
                hasCurrent = false;
            }
        }

        foreach (var item in failure is null ? format.OnCompleted() : format.OnFailed(failure))
        {
            yield return item;
        }
    }

    private static void StartEventStream(HttpResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    private ApiError? Map(Exception e) => UpstreamErrorMapper.Map(e, options.Value.RateLimitRetryAfterSeconds);
}
