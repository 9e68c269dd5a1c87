using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using AiChat.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AiChat.Core.Streaming;

/// <summary>
/// Relays a chat event stream as server-sent events in a given format, each as soon as it arrives. Nothing is
/// sent until the upstream has answered: a failure before that is an ordinary JSON error with its status (a 429
/// with Retry-After, a 404 for an unknown session); after it, it is the format's error event and the stream ends
/// cleanly. The client's RequestAborted token cancels the upstream call.
/// </summary>
public static class ChatStreamResponder
{
    public static async Task RespondAsync(HttpContext context, IAsyncEnumerable<ChatStreamEvent> events, IChatStreamFormat format)
    {
        var aborted = context.RequestAborted;
        try
        {
            await using var source = events.GetAsyncEnumerator(aborted);
            var held = new List<ChatStreamEvent>(2);
            while (await source.MoveNextAsync())
            {
                held.Add(source.Current);
                if (source.Current is not StreamStartEvent)
                {
                    break;
                }
            }

            if (held is [.., StreamErrorEvent failure])
            {
                await ApiErrorWriter.WriteAsync(context, failure.Error);
                return;
            }

            StartEventStream(context.Response);
            await SseFormatter.WriteAsync(Frames(held, source, format, aborted), context.Response.Body, format.WriteData, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; disposing the enumerator cancelled the upstream call.
        }
    }

    private static async IAsyncEnumerable<SseItem<ChatStreamEvent?>> Frames(
        List<ChatStreamEvent> held, IAsyncEnumerator<ChatStreamEvent> source, IChatStreamFormat format, [EnumeratorCancellation] CancellationToken aborted)
    {
        foreach (var streamEvent in held)
        {
            foreach (var item in format.Translate(streamEvent))
            {
                yield return item;
            }
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
