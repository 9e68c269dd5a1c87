using System.Diagnostics;
using System.Globalization;
using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// Paced streams for every route of the floor comparison, a fixed number at once, each worker rotating the routes
/// stream by stream. Per route: time to the first event with text, from sending and from the (in-process)
/// emulator's hand-over of its first text frame, which leaves the emulator's timer out; and the gaps between events
/// with text. Each request carries a unique marker, so its journal entry is found by text. With a thinking model, the
/// time to the first event with reasoning too; a route that refuses the model (a build that predates it) has no samples.
/// </summary>
internal sealed class FloorStreamBench(HttpClient http, DashScopeEmulator emulator, Failures failures)
{
    public const int ChunkDelayMs = 10;

    private const string Text = "Tell me a story about a lighthouse keeper and the sea";
    private static readonly byte[] ContentStart = "\"content\":\""u8.ToArray();
    private static readonly byte[] ReasoningStart = "\"reasoning_content\":\""u8.ToArray();

    private int _marker;

    public async Task<IReadOnlyDictionary<string, FloorStreamFigures>> RunAsync(
        IReadOnlyList<FloorRoute> routes, bool native, int concurrency, TimeSpan duration, CancellationToken cancellationToken, string? thinkingModel = null)
    {
        await RunForAsync(routes, native, concurrency, TimeSpan.FromSeconds(1), thinkingModel, cancellationToken);
        var samples = await RunForAsync(routes, native, concurrency, duration, thinkingModel, cancellationToken);
        var handedOver = emulator.Requests
            .Where(r => r.FirstTextTimestamp is not null && r.Messages.Count > 0)
            .ToDictionary(r => Marker(r.Messages[^1].Content), r => r.FirstTextTimestamp!.Value, StringComparer.Ordinal);
        return routes.ToDictionary(r => r.Name, r =>
        {
            var mine = samples.Where(s => s.Route == r.Name).ToList();
            return new FloorStreamFigures(
                new(mine.Select(s => Stopwatch.GetElapsedTime(s.Sent, s.Texts[0]).TotalMilliseconds)),
                new(mine.Where(s => handedOver.ContainsKey(s.Marker)).Select(s => Stopwatch.GetElapsedTime(handedOver[s.Marker], s.Texts[0]).TotalMilliseconds)),
                new(mine.SelectMany(s => s.Texts.Zip(s.Texts.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds))),
                new(mine.Where(s => s.FirstReasoning is not null).Select(s => Stopwatch.GetElapsedTime(s.Sent, s.FirstReasoning!.Value).TotalMilliseconds)));
        });
    }

    private static string Marker(string content) => content[(content.LastIndexOf('#') + 1)..];

    private async Task<List<(string Route, string Marker, long Sent, List<long> Texts, long? FirstReasoning)>> RunForAsync(
        IReadOnlyList<FloorRoute> routes, bool native, int concurrency, TimeSpan duration, string? thinkingModel, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Yield();
            var samples = new List<(string, string, long, List<long>, long?)>();
            var buffer = new byte[64 * 1024];
            for (var i = worker; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var route = routes[i % routes.Count];
                var marker = Interlocked.Increment(ref _marker).ToString(CultureInfo.InvariantCulture);
                using var request = route.Create(native, stream: true, $"{Text} [[chunk-delay-ms:{ChunkDelayMs}]] #{marker}", thinkingModel ?? "qwen-plus");
                var sent = Stopwatch.GetTimestamp();
                var (refused, texts, firstReasoning) = await ReadTextEventsAsync(request, buffer, cancellationToken);
                if (texts is [_, ..])
                {
                    samples.Add((route.Name, marker, sent, texts, firstReasoning));
                }
                else if (!(refused && thinkingModel is not null))
                {
                    failures.Add("floor streams", $"{route.Name}: no event with text");
                }
            }

            return samples;
        });
        return [.. (await Task.WhenAll(workers)).SelectMany(s => s)];
    }

    /// <summary>
    /// When each read that completed an event with text returned, and the first that completed one with reasoning;
    /// no texts when the stream failed, or was refused with a 4xx.
    /// </summary>
    private async Task<(bool Refused, List<long> Texts, long? FirstReasoning)> ReadTextEventsAsync(HttpRequestMessage request, byte[] buffer, CancellationToken cancellationToken)
    {
        var texts = new List<long>();
        long? firstReasoning = null;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return ((int)response.StatusCode is >= 400 and < 500, texts, null);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var (length, scanned) = (0, 0);
            while (length < buffer.Length && await stream.ReadAsync(buffer.AsMemory(length), cancellationToken) is > 0 and var count)
            {
                var at = Stopwatch.GetTimestamp();
                length += count;
                while (buffer.AsSpan(scanned, length - scanned).IndexOf("\n\n"u8) is var end and >= 0)
                {
                    if (Has(ContentStart, buffer.AsSpan(scanned, end)))
                    {
                        texts.Add(at);
                    }
                    else if (firstReasoning is null && Has(ReasoningStart, buffer.AsSpan(scanned, end)))
                    {
                        firstReasoning = at;
                    }

                    scanned += end + 2;
                }
            }
        }
        catch (HttpRequestException)
        {
            texts.Clear();
        }

        return (false, texts, firstReasoning);
    }

    /// <summary>Whether the event has the member <paramref name="start"/> names with a non-empty string.</summary>
    private static bool Has(byte[] start, ReadOnlySpan<byte> sseEvent)
    {
        var at = sseEvent.IndexOf(start);
        return at >= 0 && at + start.Length < sseEvent.Length && sseEvent[at + start.Length] != (byte)'"';
    }
}
