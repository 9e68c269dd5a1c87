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

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
