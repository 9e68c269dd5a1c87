namespace AiChat.Functions.Tests.Support;

/// <summary>Chat calls to each chat endpoint, as a given client (a forwarded address or a signed-in user), read to their end.</summary>
public static class LimitedChat
{
    public const string Completions = "/api/chat/completions";
    public const string Stream = "/api/chat/stream";
    public const string Events = "/api/chat/events";

    public static TheoryData<string> Endpoints => new() { Completions, Stream, Events };

    public static HttpRequestMessage Request(string endpoint, string message, string? forwardedFor = null, string? principal = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = endpoint == Events
                ? JsonContent.Create(new Dictionary<string, string> { ["message"] = message })
                : Json.ChatBody(message),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL-ID", principal);
        }

        return request;
    }

    /// <summary>The status, and the whole body so that the call has ended (and its tokens are counted) when this returns.</summary>
    public static async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(
        HttpClient client, string endpoint, string message, string? forwardedFor = null, string? principal = null)
    {
        using var request = Request(endpoint, message, forwardedFor, principal);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body, response);
    }
}
