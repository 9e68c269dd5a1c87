namespace AiChat.Functions.Tests.Support;

/// <summary>Calls POST /api/chat/events and reads its typed events.</summary>
public static class TypedEvents
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string message, string? sessionId = null, CancellationToken cancellationToken = default) =>
        client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/api/chat/events")
            {
                Content = JsonContent.Create(new Dictionary<string, string?> { ["message"] = message, ["session_id"] = sessionId }),
            },
            HttpCompletionOption.ResponseHeadersRead,
            cancellationToken);

    /// <summary>Each event's SSE name and parsed data; the data's <c>type</c> must match the name.</summary>
    public static async Task<List<(string Type, JsonElement Data)>> ReadAsync(HttpResponseMessage response)
    {
        var events = await SseReader.ReadAllAsync(response);
        return [.. events.Select(e => (e.EventType, Json.Parse(e.Data)))];
    }

    /// <summary>One whole turn: the session id from stream_start and the text of the chunks.</summary>
    public static async Task<(string SessionId, string Reply)> TurnAsync(HttpClient client, string message, string? sessionId = null)
    {
        using var response = await PostAsync(client, message, sessionId);
        var events = await ReadAsync(response);
        Assert.Equal("stream_end", events[^1].Type);
        var reply = string.Concat(events.Where(e => e.Type == "stream_chunk").Select(e => e.Data.GetProperty("chunk").GetString()));
        return (events[0].Data.GetProperty("session_id").GetString()!, reply);
    }
}
