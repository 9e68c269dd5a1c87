using System.Net.Http.Headers;

namespace AiChat.Bench;

/// <summary>Builds the same chat call for either route, with the same client and the same protocol (HTTP/1.1).</summary>
internal sealed class ChatTargets(Uri emulatorNativeBase, string apiKey, Uri server)
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly Uri _direct = new($"{emulatorNativeBase.AbsoluteUri.TrimEnd('/')}/services/aigc/text-generation/generation");
    private readonly Uri _completions = new(server, "api/chat/completions");
    private readonly Uri _stream = new(server, "api/chat/stream");

    public HttpRequestMessage Create(Route route, Prompt prompt, bool stream)
    {
        if (route == Route.Through)
        {
            return Post(stream ? _stream : _completions, prompt.ThroughBody);
        }

        var message = Post(_direct, stream ? prompt.DirectStreamBody : prompt.DirectCompletionBody);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        if (stream)
        {
            message.Headers.Add("X-DashScope-SSE", "enable");
            message.Headers.Accept.ParseAdd("text/event-stream");
        }

        return message;
    }

    private static HttpRequestMessage Post(Uri uri, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonType;
        return new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
    }
}
