using System.Net.ServerSentEvents;

namespace AiChat.Functions.Tests.Support;

/// <summary>Reads a server-sent event stream the way a client would, noting when each event arrived.</summary>
public static class SseReader
{
    public static async Task<List<ReceivedEvent>> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var events = new List<ReceivedEvent>();
        await foreach (var item in ReadAsync(response, cancellationToken))
        {
            events.Add(item);
        }

        return events;
    }

    public static async IAsyncEnumerable<ReceivedEvent> ReadAsync(HttpResponseMessage response, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var parser = SseParser.Create(stream, (type, data) => Encoding.UTF8.GetString(data));
        await foreach (var item in parser.EnumerateAsync(cancellationToken))
        {
            yield return new ReceivedEvent(item.EventType, item.Data, Stopwatch.GetTimestamp());
        }
    }
}

public sealed record ReceivedEvent(string EventType, string Data, long Timestamp);
