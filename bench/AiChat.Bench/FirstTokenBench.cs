using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// Time to first token with an OpenAI-compatible upstream: the emulator sends a role-only chunk at once, then a
/// content chunk every <see cref="ChunkDelayMs"/> ms. The direct route is the compatible-mode call itself, timed to
/// its first chunk with content; each server route is POST /api/chat/stream through one AiChat build, timed to its
/// first event. Workers rotate the routes stream by stream, so every build shares the machine's noise alike.
/// Each stream's text is unique, so its request in the (in-process) emulator's journal says when the emulator handed
/// over the first content chunk: the time from there to the client's read leaves out the emulator's own timer, the
/// largest noise in the plain figure.
/// </summary>
internal sealed class FirstTokenBench(HttpClient http, DashScopeEmulator emulator, IReadOnlyList<(string Name, Uri Address)> servers)
{
    public const int ChunkDelayMs = 10;

    private const string Text = "Tell me a story about a lighthouse keeper and the sea in a dozen words";
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly byte[] ContentStart = "\"content\":\""u8.ToArray();

    private readonly Uri _direct = new($"{emulator.CompatibleBaseUrl.AbsoluteUri.TrimEnd('/')}/chat/completions");
    private int _streams;

    /// <summary>Per route ("direct", then each server by name): from sending, and from the emulator's first content chunk, to the client's first token.</summary>
    public async Task<IReadOnlyDictionary<string, (Distribution FromSend, Distribution FromUpstream)>> RunAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        await RunForAsync(concurrency, TimeSpan.FromSeconds(2), cancellationToken);
        var samples = await RunForAsync(concurrency, duration, cancellationToken);
        var handedOver = emulator.Requests
            .Where(r => r.FirstTextTimestamp is not null && r.Messages.Count > 0)
            .ToDictionary(r => r.Messages[^1].Content[(r.Messages[^1].Content.LastIndexOf('#') + 1)..], r => r.FirstTextTimestamp!.Value, StringComparer.Ordinal);
        return samples.GroupBy(s => s.Route).ToDictionary(
            g => g.Key,
            g => (new Distribution(g.Select(s => Stopwatch.GetElapsedTime(s.Sent, s.FirstToken).TotalMilliseconds)),
                  new Distribution(g.Where(s => handedOver.ContainsKey(s.Marker)).Select(s => Stopwatch.GetElapsedTime(handedOver[s.Marker], s.FirstToken).TotalMilliseconds))));
    }

    private async Task<List<(string Route, string Marker, long Sent, long FirstToken)>> RunForAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        string[] routes = ["direct", .. servers.Select(s => s.Name)];
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Yield();
            var samples = new List<(string, string, long, long)>();
            var buffer = new byte[16 * 1024];
            for (var i = worker; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var route = routes[i % routes.Length];
                var marker = Interlocked.Increment(ref _streams).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (await FirstTokenAsync(route, marker, buffer, cancellationToken) is { } sample)
                {
                    samples.Add((route, marker, sample.Sent, sample.FirstToken));
                }
            }

            return samples;
        });
        return [.. (await Task.WhenAll(workers)).SelectMany(s => s)];
    }

    /// <summary>When the request was sent and when the read that completed the first event with text returned; the rest is read to the end.</summary>
    private async Task<(long Sent, long FirstToken)?> FirstTokenAsync(string route, string marker, byte[] buffer, CancellationToken cancellationToken)
    {
        using var request = Create(route, marker);
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        long? first = null;
        var length = 0;
        var scanned = 0;
        while (true)
        {
            var count = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (count == 0)
            {
                return first is { } at ? (sent, at) : null;
            }

            length += count;
            while (first is null && buffer.AsSpan(scanned, length - scanned).IndexOf("\n\n"u8) is var end and >= 0)
            {
                if (HasText(buffer.AsSpan(scanned, end)))
                {
                    first = Stopwatch.GetTimestamp();
                }

                scanned += end + 2;
            }

            if (first is not null || length == buffer.Length)
            {
                (length, scanned) = (0, 0);
            }
        }
    }

    private static bool HasText(ReadOnlySpan<byte> sseEvent)
    {
        var at = sseEvent.IndexOf(ContentStart);
        return at >= 0 && at + ContentStart.Length < sseEvent.Length && sseEvent[at + ContentStart.Length] != (byte)'"';
    }

    private HttpRequestMessage Create(string route, string marker)
    {
        var direct = route == "direct";
        var text = $"{Text} [[chunk-delay-ms:{ChunkDelayMs}]] #{marker}";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(direct
            ? $$$"""{"model":"qwen-plus","messages":[{"role":"user","content":"{{{text}}}"}],"stream":true,"stream_options":{"include_usage":true}}"""
            : $$$"""{"model":"qwen-plus","messages":[{"role":"user","content":"{{{text}}}"}]}"""));
        content.Headers.ContentType = JsonType;
        var request = new HttpRequestMessage(HttpMethod.Post, direct ? _direct : new Uri(servers.First(s => s.Name == route).Address, "api/chat/stream")) { Content = content };
        if (direct)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Options.ApiKey);
        }

        return request;
    }
}
