using System.Net.Http.Headers;

namespace AiChat.Functions.Tests.Hosts.Images;

/// <summary>Sends images through each of the four chat routes in that route's own shape, and reads the answer's text.</summary>
public static class ImageRequests
{
    public static readonly string[] Routes = ["/v1/chat/completions", "/api/chat/completions", "/api/chat/stream", "/api/chat/events"];

    /// <summary>The request body for <paramref name="route"/>: content parts, or for typed events an <c>images</c> array beside <c>message</c>.</summary>
    public static string Body(string route, string model, string text, IEnumerable<string> imageUrls, string? sessionId = null)
    {
        var urls = imageUrls.ToList();
        if (route == "/api/chat/events")
        {
            return JsonSerializer.Serialize(new Dictionary<string, object?> { ["model"] = model, ["message"] = text, ["images"] = urls, ["session_id"] = sessionId });
        }

        var parts = new List<object> { new Dictionary<string, string> { ["type"] = "text", ["text"] = text } };
        parts.AddRange(urls.Select(url => new Dictionary<string, object> { ["type"] = "image_url", ["image_url"] = new Dictionary<string, string> { ["url"] = url } }));
        var body = new Dictionary<string, object?> { ["model"] = model, ["messages"] = new[] { new Dictionary<string, object> { ["role"] = "user", ["content"] = parts } } };
        if (route == "/api/chat/completions" || route == "/api/chat/stream")
        {
            body["session_id"] = sessionId;
        }

        return JsonSerializer.Serialize(body);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string route, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = Json.Body(body) };
        if (route.StartsWith("/v1/", StringComparison.Ordinal))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BackendSettings.ClientKey);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The answer's whole text, from a JSON answer or from the route's stream.</summary>
    public static async Task<(string Text, string? SessionId)> AnswerAsync(HttpResponseMessage response, string route)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        switch (route)
        {
            case "/v1/chat/completions":
                var completion = await Json.ReadAsync(response);
                return (completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!, null);
            case "/api/chat/completions":
                return ((await Json.ReadAsync(response)).GetProperty("content").GetString()!, null);
            case "/api/chat/stream":
                var frames = await SseReader.ReadAllAsync(response);
                return (string.Concat(frames.Where(f => f.Data != "[DONE]").Select(f => Json.Parse(f.Data)).Where(d => d.TryGetProperty("content", out _))
                    .Select(d => d.GetProperty("content").GetString())), null);
            default:
                var events = await TypedEvents.ReadAsync(response);
                Assert.Equal("stream_end", events[^1].Type);
                return (string.Concat(events.Where(e => e.Type == "stream_chunk").Select(e => e.Data.GetProperty("chunk").GetString())),
                    events[0].Data.GetProperty("session_id").GetString());
        }
    }
}
