using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AiChat.Core.Hosting;
using AiChat.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AiChat.Bench;

/// <summary>
/// <c>AiChat.Bench allocations [native]</c>: what AiChat allocates per completion, per stream and per streamed chunk,
/// a figure the machine's load does not move. The emulator, AiChat (built from this tree's core as AiChat.Server
/// builds it) and the client all run in this process, one request at a time; the same requests sent straight to the
/// emulator are subtracted, which leaves AiChat's own bytes. Per chunk is the slope between a short and a long answer.
/// </summary>
internal static class AllocationBench
{
    private const int Requests = 2_000;
    private const int ShortWords = 8;
    private const int LongWords = 108;

    public static async Task<int> RunAsync(bool native)
    {
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { RecordRequests = false });
        await using var aiChat = await StartAiChatAsync(native ? emulator.NativeBaseUrl : emulator.CompatibleBaseUrl, emulator.Options.ApiKey);
        using var http = BenchHttp.Create();
        var aiChatAddress = new Uri(aiChat.Urls.First() + "/");
        var buffer = new byte[64 * 1024];

        async Task<double> PerRequestAsync(Func<HttpRequestMessage> create)
        {
            for (var i = 0; i < Requests / 10; i++)
            {
                await SendAsync(http, create(), buffer);
            }

            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Requests; i++)
            {
                await SendAsync(http, create(), buffer);
            }

            return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Requests;
        }

        async Task<double> AiChatOnlyAsync(bool stream, int words) =>
            await PerRequestAsync(() => AiChatRequest(aiChatAddress, stream, words))
            - await PerRequestAsync(() => UpstreamRequest(emulator, native, stream, words, emulator.Options.ApiKey));

        var completion = await AiChatOnlyAsync(stream: false, ShortWords);
        var shortStream = await AiChatOnlyAsync(stream: true, ShortWords);
        var longStream = await AiChatOnlyAsync(stream: true, LongWords);
        var perChunk = (longStream - shortStream) / (LongWords - ShortWords);
        Console.WriteLine($"AiChat's own allocations, {(native ? "native" : "compatible")} protocol, {Requests:N0} sequential requests each (.NET {Environment.Version}):");
        Console.WriteLine("| figure | bytes |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| per completion | {completion:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| per stream ({ShortWords + 2} chunks), fixed part | {shortStream - perChunk * (ShortWords + 2):N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| per stream of {LongWords + 2} chunks | {longStream:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| per chunk | {perChunk:N0} |"));
        return 0;
    }

    private static async Task<WebApplication> StartAiChatAsync(Uri upstream, string apiKey)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DASHSCOPE_API_KEY"] = apiKey,
            ["DASHSCOPE_BASE_URL"] = upstream.AbsoluteUri,
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1000000000",
            ["RATE_LIMIT_CONCURRENT_STREAMS"] = "1000000",
            ["ALLOW_UNBOUNDED_SPEND"] = "true",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{SelfHost.FreePort()}");
        builder.AddAiChat();
        var app = builder.Build();
        app.UseAiChat();
        app.MapAiChat();
        await app.StartAsync();
        return app;
    }

    private static HttpRequestMessage AiChatRequest(Uri address, bool stream, int words) =>
        Post(new Uri(address, stream ? "api/chat/stream" : "api/chat/completions"), $$$"""{"model":"qwen-plus","messages":{{{Messages(words)}}}}""");

    private static HttpRequestMessage UpstreamRequest(DashScopeEmulator emulator, bool native, bool stream, int words, string apiKey)
    {
        var messages = Messages(words);
        var request = native
            ? Post(new Uri(emulator.Address, "api/v1/services/aigc/text-generation/generation"), stream
                ? $$$"""{"model":"qwen-plus","input":{"messages":{{{messages}}}},"parameters":{"result_format":"message","incremental_output":true}}"""
                : $$$"""{"model":"qwen-plus","input":{"messages":{{{messages}}}},"parameters":{"result_format":"message"}}""")
            : Post(new Uri(emulator.Address, "compatible-mode/v1/chat/completions"), stream
                ? $$$"""{"model":"qwen-plus","messages":{{{messages}}},"stream":true,"stream_options":{"include_usage":true}}"""
                : $$$"""{"model":"qwen-plus","messages":{{{messages}}}}""");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        if (native && stream)
        {
            request.Headers.Add("X-DashScope-SSE", "enable");
        }

        return request;
    }

    /// <summary>One user message of <paramref name="words"/> words: the emulator echoes it a word per chunk after "You said: ".</summary>
    private static string Messages(int words) =>
        "[{\"role\":\"user\",\"content\":" + JsonSerializer.Serialize(string.Join(' ', Enumerable.Repeat("word", words))) + "}]";

    private static HttpRequestMessage Post(Uri uri, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
    }

    private static async Task SendAsync(HttpClient http, HttpRequestMessage request, byte[] buffer)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            while (await body.ReadAsync(buffer) > 0)
            {
            }
        }
    }
}
