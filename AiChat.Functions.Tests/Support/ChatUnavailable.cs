namespace AiChat.Functions.Tests.Support;

/// <summary>
/// What callers see when the server has no DashScope key it can use: health up but degraded with a one-word reason
/// (never the details), chat calls 503 saying why.
/// </summary>
public static class ChatUnavailable
{
    /// <summary>Asserts both: the chat calls saying <paramref name="reason"/>, /health only that the key is unavailable.</summary>
    /// <returns>The chat calls' answers, as sent.</returns>
    public static async Task<string[]> AssertAsync(HttpClient client, string reason)
    {
        using var health = await client.GetAsync("/health");
        var healthBody = await Json.ReadAsync(health, HttpStatusCode.OK);
        Assert.Equal("degraded", healthBody.GetProperty("status").GetString());
        Assert.Equal("api_key_unavailable", healthBody.GetProperty("reason").GetString());
        // /health is anonymous: the details are for the log.
        Assert.DoesNotContain(reason, healthBody.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(healthBody.GetProperty("upstream").GetProperty("api_key_available").GetBoolean());

        List<string> answers = [];
        foreach (var path in new[] { "/api/chat/completions", "/api/chat/stream" })
        {
            using var response = await client.PostAsync(path, Json.ChatBody("hi"));
            var answer = await response.Content.ReadAsStringAsync();
            var error = Json.Parse(answer);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("upstream_key_unavailable", error.GetProperty("code").GetString());
            Assert.Contains(reason, error.GetProperty("error").GetString(), StringComparison.Ordinal);
            answers.Add(answer);
        }

        return [.. answers];
    }
}
