using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AiChat.Bench;

/// <summary>
/// One way to the emulator in the floor comparison: straight to it ("direct"), through the bare forwarding hop (the
/// same request as direct, sent to the hop), or through an AiChat build (its Flask-compatible routes).
/// </summary>
internal sealed record FloorRoute(string Name, Uri Address, bool IsAiChat, string ApiKey)
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    /// <summary>A chat request whose last message is <paramref name="text"/>; AiChat speaks to its upstream in the protocol it was started with.</summary>
    public HttpRequestMessage Create(bool native, bool stream, string text, string model = "qwen-plus")
    {
        var messages = "[{\"role\":\"user\",\"content\":" + JsonSerializer.Serialize(text) + "}]";
        if (IsAiChat)
        {
            return Post(stream ? "api/chat/stream" : "api/chat/completions", $$$"""{"model":"{{{model}}}","messages":{{{messages}}}}""");
        }

        var request = native
            ? Post("api/v1/services/aigc/text-generation/generation", stream
                ? $$$"""{"model":"{{{model}}}","input":{"messages":{{{messages}}}},"parameters":{"result_format":"message","incremental_output":true}}"""
                : $$$"""{"model":"{{{model}}}","input":{"messages":{{{messages}}}},"parameters":{"result_format":"message"}}""")
            : Post("compatible-mode/v1/chat/completions", stream
                ? $$$"""{"model":"{{{model}}}","messages":{{{messages}}},"stream":true,"stream_options":{"include_usage":true}}"""
                : $$$"""{"model":"{{{model}}}","messages":{{{messages}}}}""");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        if (native && stream)
        {
            request.Headers.Add("X-DashScope-SSE", "enable");
            request.Headers.Accept.ParseAdd("text/event-stream");
        }

        return request;
    }

    private HttpRequestMessage Post(string path, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = JsonType;
        return new HttpRequestMessage(HttpMethod.Post, new Uri(Address, path)) { Content = content };
    }
}
