using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using AiChat.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AiChat.Core.Streaming;

/// <summary>
/// Relays a chat event stream as server-sent events in a given format, each as soon as it arrives. Nothing is
/// sent until the upstream has answered (the stream's first event is stream_start, or the error that refuses the
/// turn): a failure before that is an ordinary JSON error with its status (a 429 with Retry-After, a 404 for an
/// unknown session); after it, it is the format's error event and the stream ends cleanly. The client's
/// RequestAborted token cancels the upstream call.
/// </summary>
internal static class ChatStreamResponder
{
    public static async Task RespondAsync(HttpContext context, IAsyncEnumerable<ChatStreamEvent> events, IChatStreamFormat format)
    {
        var aborted = context.RequestAborted;
        try
        {
            await using var source = events.GetAsyncEnumerator(aborted);
            if (!await source.MoveNextAsync())
            {
                return;
            }

            if (source.Current is StreamErrorEvent failure)
            {
                await ApiErrorWriter.WriteAsync(context, failure.Error);
                return;
            }

            // The upstream has answered: the headers go now, so the first token later is one small write, not a
            // response start (the compatible protocol's first chunk carries only the role).
            StartEventStream(context.Response);
            await context.Response.StartAsync(aborted);
            await SseFormatter.WriteAsync(Frames(source.Current, source, format, aborted), context.Response.Body, format.WriteData, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; disposing the enumerator cancelled the upstream call.
        }
    }

    private static async IAsyncEnumerable<SseItem<ChatStreamEvent?>> Frames(
        ChatStreamEvent first, IAsyncEnumerator<ChatStreamEvent> source, IChatStreamFormat format, [EnumeratorCancellation] CancellationToken aborted)
    {
        foreach (var item in format.Translate(first))
        {
            yield return item;
        }

        while (await source.MoveNextAsync())
        {
            aborted.ThrowIfCancellationRequested();
            foreach (var item in format.Translate(source.Current))
            {
                yield return item;
            }
        }
    }

    private static void StartEventStream(HttpResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }
}
