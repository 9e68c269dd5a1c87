using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace AiChat.Bench;

/// <summary>
/// The OpenAI-compatible routes beside the seed's, through one AiChat: POST /api/chat/completions and
/// POST /v1/chat/completions for a whole answer, POST /api/chat/stream and POST /v1/chat/completions with
/// <c>"stream": true</c> for a stream (the emulator sending a chunk every <see cref="ChunkDelayMs"/> ms). Workers
/// rotate the four routes request by request, so all share the machine's noise alike. A completion is timed from
/// sending to the last byte; a stream to its first event with text and to its last byte.
/// </summary>
internal sealed class OpenAIBench(HttpClient http, Uri server, string clientKey)
{
    public const int ChunkDelayMs = 10;

    public static readonly string[] Routes = ["seed completion", "/v1 completion", "seed stream", "/v1 stream"];

    private const string Text = "Tell me a story about a lighthouse keeper and the sea in a dozen words";
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly byte[] ContentStart = "\"content\":\""u8.ToArray();

    private readonly Uri _seedCompletions = new(server, "api/chat/completions");
    private readonly Uri _seedStream = new(server, "api/chat/stream");
    private readonly Uri _openAI = new(server, "v1/chat/completions");

    /// <summary>Per route: time to first token (streams only; completions: NaN) and to the end, in ms.</summary>
    public async Task<IReadOnlyDictionary<string, (Distribution FirstToken, Distribution Total, int Failures)>> RunAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        await RunForAsync(concurrency, TimeSpan.FromSeconds(2), cancellationToken);
        var samples = await RunForAsync(concurrency, duration, cancellationToken);
        return samples.GroupBy(s => s.Route).ToDictionary(
            g => g.Key,
            g => (new Distribution(g.Where(s => s.FirstToken is not null).Select(s => s.FirstToken!.Value)),
                  new Distribution(g.Where(s => s.Total is not null).Select(s => s.Total!.Value)),
                  g.Count(s => s.Total is null)));
    }

    private async Task<List<(string Route, double? FirstToken, double? Total)>> RunForAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Yield();
            var samples = new List<(string, double?, double?)>();
            var buffer = new byte[16 * 1024];
            for (var i = worker; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var route = Routes[i % Routes.Length];
                var (first, total) = await TimeAsync(route, buffer, cancellationToken);
                samples.Add((route, first, total));
            }

            return samples;
        });
        return [.. (await Task.WhenAll(workers)).SelectMany(s => s)];
    }

    private async Task<(double? FirstToken, double? Total)> TimeAsync(string route, byte[] buffer, CancellationToken cancellationToken)
    {
        using var request = Create(route);
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, null);
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
                return (first, Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
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
        var stream = route.EndsWith("stream", StringComparison.Ordinal);
        var text = stream ? $"{Text} [[chunk-delay-ms:{ChunkDelayMs}]]" : Text;
        var messages = $$$"""[{"role":"user","content":"{{{text}}}"}]""";
        var (uri, body) = route switch
        {
            "seed completion" => (_seedCompletions, $$"""{"model":"qwen-plus","messages":{{messages}}}"""),
            "seed stream" => (_seedStream, $$"""{"model":"qwen-plus","messages":{{messages}}}"""),
            "/v1 completion" => (_openAI, $$"""{"model":"qwen-plus","messages":{{messages}}}"""),
            _ => (_openAI, $$$"""{"model":"qwen-plus","messages":{{{messages}}},"stream":true,"stream_options":{"include_usage":true}}"""),
        };
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = JsonType;
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        if (uri == _openAI)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", clientKey);
        }

        return request;
    }

    public static string Format(double milliseconds) =>
        double.IsNaN(milliseconds) ? "—" : milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
}
