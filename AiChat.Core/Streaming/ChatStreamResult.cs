using System.IO.Pipelines;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.Features;

namespace AiChat.Core.Streaming;

/// <summary>
/// A chat turn sent as server-sent events in one surface's format, in the manner of ASP.NET Core's
/// ServerSentEventsResult. Nothing is sent until the turn's first event, that is until the upstream has answered: a
/// failure before that is an ordinary JSON error with its status, in the surface's envelope. Then the headers go at
/// once, unbuffered, and each event as it comes; a failure after that is the format's error event and the stream
/// ends cleanly. The client going away cancels the turn, and with it the upstream call. While the stream is started
/// and silent, <see cref="StreamKeepAlive"/> writes keep-alive comments between the events.
/// </summary>
internal sealed class ChatStreamResult<T>(
    IAsyncEnumerable<ChatStreamEvent> turn, IChatStreamFormat<T> format, ChatFailures failures, StreamKeepAlive keepAlive) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        try
        {
            await using var events = turn.GetAsyncEnumerator(aborted);
            try
            {
                if (!await events.MoveNextAsync())
                {
                    return;
                }
            }
            catch (Exception e) when (!aborted.IsCancellationRequested)
            {
                await format.WriteErrorAsync(context, failures.Describe(e, streamStarted: false));
                return;
            }

            // The upstream has answered: the headers go now, so the first token later is one small write, not a
            // response start (the compatible protocol's first chunk carries only the role).
            StartEventStream(context.Response);
            await context.Response.StartAsync(aborted);
            var body = context.Response.BodyWriter;
            await using var comments = keepAlive.Start(body, aborted);
            await WriteEventsAsync(body, events, comments, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; disposing the turn cancelled the upstream call.
        }
    }

    /// <summary>
    /// Writes the turn's events, from the current one on, each flushed as it comes; a failure becomes the format's
    /// error event, and the stream ends after it.
    /// </summary>
    private async Task WriteEventsAsync(PipeWriter body, IAsyncEnumerator<ChatStreamEvent> events, KeepAliveComments? comments, CancellationToken aborted)
    {
        var items = new List<SseItem<T>>(2);
        var current = events.Current;
        while (true)
        {
            format.Translate(current, items);
            if (items.Count > 0 && !await WriteAsync(body, items, comments, aborted))
            {
                return;
            }

            items.Clear();
            if (current is StreamErrorEvent)
            {
                return;
            }

            var more = false;
            Exception? failure = null;
            try
            {
                more = await events.MoveNextAsync();
            }
            catch (Exception e) when (!aborted.IsCancellationRequested)
            {
                failure = e;
            }

            if (failure is not null)
            {
                current = new StreamErrorEvent(current.MessageId, current.SessionId, failures.Describe(failure, streamStarted: true));
            }
            else if (more)
            {
                aborted.ThrowIfCancellationRequested();
                current = events.Current;
            }
            else
            {
                return;
            }
        }
    }

    /// <returns>Whether the client still reads.</returns>
    private async ValueTask<bool> WriteAsync(PipeWriter body, List<SseItem<T>> items, KeepAliveComments? comments, CancellationToken aborted)
    {
        if (comments is not null)
        {
            await comments.EnterAsync(aborted);
        }

        try
        {
            foreach (var item in items)
            {
                SseEventWriter.Write(body, item, format);
            }

            return !(await body.FlushAsync(aborted)).IsCompleted;
        }
        finally
        {
            comments?.Exit();
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
