namespace AiChat.Functions.Tests.Support;

public static class Json
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent ChatBody(string userMessage, string? model = null) =>
        Body(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["model"] = model,
            ["messages"] = new[] { new Dictionary<string, string> { ["role"] = "user", ["content"] = userMessage } },
        }));

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();

    /// <summary>The body, once the response is known to have <paramref name="status"/>.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await ReadAsync(response);
    }

    /// <summary>A usage object's prompt_tokens, completion_tokens and total_tokens.</summary>
    public static (int Prompt, int Completion, int Total) Tokens(JsonElement usage) =>
        (usage.GetProperty("prompt_tokens").GetInt32(), usage.GetProperty("completion_tokens").GetInt32(), usage.GetProperty("total_tokens").GetInt32());

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
