using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AiChat.Emulator;
using SkiaSharp;

namespace AiChat.Bench;

/// <summary>
/// <c>AiChat.Bench images</c>: what one image costs a request. The published server (Production) and the emulator
/// answer the same completion on qwen3.6-plus, text only and with one JPEG of about 1 MiB, one request at a time and
/// interleaved, straight to the emulator and through AiChat; AiChat's added cost of the image is what it adds to the
/// image request beyond what it adds to the text one (checking, decoding and re-encoding). The server's memory is
/// read from /proc while the image requests run.
/// </summary>
internal static class ImageBench
{
    private const int Rounds = 200;

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var jpeg = NoiseJpeg(minimumBytes: 1024 * 1024);
        var dataUrl = "data:image/jpeg;base64," + Convert.ToBase64String(jpeg);
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { RecordRequests = false }, cancellationToken);
        var launch = new ServerLaunch(await ServerBuild.PublishAsync(cancellationToken), new Dictionary<string, string>());
        await using var server = await SelfHost.StartAsync(launch, emulator.CompatibleBaseUrl, emulator.Options.ApiKey, cancellationToken);
        using var http = BenchHttp.Create();

        HttpRequestMessage Direct(bool image) => Post(new Uri(emulator.Address, "compatible-mode/v1/chat/completions"), image ? dataUrl : null, emulator.Options.ApiKey);
        HttpRequestMessage ThroughAiChat(bool image) => Post(new Uri(server.Address, "api/chat/completions"), image ? dataUrl : null, apiKey: null);

        var samples = new Dictionary<string, List<double>> { ["direct, text"] = [], ["direct, image"] = [], ["AiChat, text"] = [], ["AiChat, image"] = [] };
        for (var round = -10; round < Rounds; round++)
        {
            foreach (var (name, create) in (IEnumerable<(string, Func<HttpRequestMessage>)>)
                [("direct, text", () => Direct(false)), ("direct, image", () => Direct(true)), ("AiChat, text", () => ThroughAiChat(false))])
            {
                var elapsed = await TimeAsync(http, create, cancellationToken);
                if (round >= 0)
                {
                    samples[name].Add(elapsed);
                }
            }
        }

        var rssBefore = ProcFs.RssBytes(server.ProcessId);
        var peak = rssBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, ProcFs.RssBytes(server.ProcessId));
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);
        for (var round = -10; round < Rounds; round++)
        {
            var elapsed = await TimeAsync(http, () => ThroughAiChat(true), cancellationToken);
            if (round >= 0)
            {
                samples["AiChat, image"].Add(elapsed);
            }
        }

        await sampling.CancelAsync();
        await sampler;

        var p50 = samples.ToDictionary(s => s.Key, s => new Distribution(s.Value).P50);
        var added = p50["AiChat, image"] - p50["direct, image"] - (p50["AiChat, text"] - p50["direct, text"]);
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"one image in a completion: qwen3.6-plus, a {Text.Int(jpeg.Length / 1024)} KB JPEG of noise, {Rounds} requests each, one at a time, {Environment.ProcessorCount} cores")
            .AppendLine(Text.Header("request", "p50", "p99"));
        foreach (var (name, values) in samples)
        {
            var distribution = new Distribution(values);
            report.AppendLine(Text.Row(name, Text.Ms(distribution.P50), Text.Ms(distribution.P99)));
        }

        report.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"AiChat's added cost of the image, p50: {Text.Ms(added)} (its image request's added time less its text request's)")
            .AppendLine(CultureInfo.InvariantCulture, $"server memory (RSS): {Text.Mb(rssBefore)} before the image requests, {Text.Mb(peak)} at the most during them");
        Console.WriteLine(report);
        return 0;
    }

    private static async Task<double> TimeAsync(HttpClient http, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        using var request = create();
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || body.AsSpan().IndexOf("You said"u8) < 0)
        {
            throw new InvalidOperationException($"{request.RequestUri}: HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        }

        return elapsed;
    }

    /// <summary>The same question in the compatible protocol's shape, which AiChat's completions route also takes; thinking off on both.</summary>
    private static HttpRequestMessage Post(Uri address, string? dataUrl, string? apiKey)
    {
        var content = dataUrl is null
            ? "\"What is in the picture?\""
            : $$$"""[{"type":"image_url","image_url":{"url":"{{{dataUrl}}}"}},{"type":"text","text":"What is in the picture?"}]""";
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(
            $$$"""{"model":"qwen3.6-plus","enable_thinking":false,"messages":[{"role":"user","content":{{{content}}}}]}"""));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = body };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return request;
    }

    /// <summary>A JPEG of random pixels (which JPEG cannot shrink much), grown until it has at least <paramref name="minimumBytes"/>.</summary>
    private static byte[] NoiseJpeg(int minimumBytes)
    {
        var random = new Random(7);
        for (var side = 512; ; side += 128)
        {
            using var bitmap = new SKBitmap(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque);
            var pixels = new byte[side * side * 4];
            random.NextBytes(pixels);
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
            using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
            if (data.Size >= minimumBytes)
            {
                return data.ToArray();
            }
        }
    }
}
