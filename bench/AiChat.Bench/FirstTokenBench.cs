using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace AiChat.Bench;

/// <summary>
/// Time to first token with an OpenAI-compatible upstream: the emulator sends a role-only chunk at once, then a
/// content chunk every <see cref="ChunkDelayMs"/> ms. The direct route is the compatible-mode call itself, timed to
/// its first chunk with content; each server route is POST /api/chat/stream through one AiChat build, timed to its
/// first event. Workers rotate the routes stream by stream, so every build shares the machine's noise alike.
/// </summary>
internal sealed class FirstTokenBench(HttpClient http, Uri emulatorCompatibleBase, string apiKey, IReadOnlyList<(string Name, Uri Address)> servers)
{
    public const int ChunkDelayMs = 10;

    private const string Text = "Tell me a story about a lighthouse keeper and the sea in a dozen words";
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly byte[] ContentStart = "\"content\":\""u8.ToArray();

    private readonly Uri _direct = new($"{emulatorCompatibleBase.AbsoluteUri.TrimEnd('/')}/chat/completions");
    private readonly byte[] _directBody = Encoding.UTF8.GetBytes(
        $$$"""{"model":"qwen-plus","messages":[{"role":"user","content":"{{{Text}}} [[chunk-delay-ms:{{{ChunkDelayMs}}}]]"}],"stream":true,"stream_options":{"include_usage":true}}""");
    private readonly byte[] _throughBody = Encoding.UTF8.GetBytes(
        $$$"""{"model":"qwen-plus","messages":[{"role":"user","content":"{{{Text}}} [[chunk-delay-ms:{{{ChunkDelayMs}}}]]"}]}""");

    /// <summary>First-token milliseconds per route: "direct", then each server by name.</summary>
    public async Task<IReadOnlyDictionary<string, Distribution>> RunAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        await RunForAsync(concurrency, TimeSpan.FromSeconds(2), cancellationToken);
        var samples = await RunForAsync(concurrency, duration, cancellationToken);
        return samples.GroupBy(s => s.Route).ToDictionary(g => g.Key, g => new Distribution(g.Select(s => s.Ms)));
    }

    private async Task<List<(string Route, double Ms)>> RunForAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        string[] routes = ["direct", .. servers.Select(s => s.Name)];
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Yield();
            var samples = new List<(string, double)>();
            var buffer = new byte[16 * 1024];
            for (var i = worker; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var route = routes[i % routes.Length];
                if (await FirstTokenAsync(route, buffer, cancellationToken) is { } ms)
                {
                    samples.Add((route, ms));
                }
            }

            return samples;
        });
        return [.. (await Task.WhenAll(workers)).SelectMany(s => s)];
    }

    /// <summary>Milliseconds from sending to the read that completed the first event with text; the rest is read to the end.</summary>
    private async Task<double?> FirstTokenAsync(string route, byte[] buffer, CancellationToken cancellationToken)
    {
        using var request = Create(route);
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        double? first = null;
        var length = 0;
        var scanned = 0;
        while (true)
        {
            var count = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (count == 0)
            {
                return first;
            }

            length += count;
            while (first is null && buffer.AsSpan(scanned, length - scanned).IndexOf("\n\n"u8) is var end and >= 0)
            {
                if (HasText(buffer.AsSpan(scanned, end)))
                {
                    first = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
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

    private HttpRequestMessage Create(string route)
    {
        var direct = route == "direct";
        var content = new ByteArrayContent(direct ? _directBody : _throughBody);
        content.Headers.ContentType = JsonType;
        var request = new HttpRequestMessage(HttpMethod.Post, direct ? _direct : new Uri(servers.First(s => s.Name == route).Address, "api/chat/stream")) { Content = content };
        if (direct)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return request;
    }
}
