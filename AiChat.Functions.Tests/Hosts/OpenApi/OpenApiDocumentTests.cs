namespace AiChat.Functions.Tests.Hosts.OpenApi;

/// <summary>GET /openapi/v1.json on each host, and every operation it documents answered as it documents.</summary>
public sealed class OpenApiDocumentTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost;

    private const string UnknownSession = "0123456789abcdef0123456789abcdef";

    [Theory, MatrixData]
    public async Task Document_is_openapi_json_describing_the_chat_routes_with_their_bodies_and_errors(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await backend.Client.GetAsync("/openapi/v1.json");
        var document = await Json.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var events = document.GetProperty("paths").GetProperty("/api/chat/events").GetProperty("post");
        Assert.Equal("#/components/schemas/MessageRequest",
            events.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(events.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
        Assert.Equal("#/components/schemas/ErrorResponse",
            events.GetProperty("responses").GetProperty("429").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(["message"], Schema(document, "MessageRequest").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["number", "null"], Schema(document, "MessageRequest").GetProperty("properties").GetProperty("temperature").GetProperty("type").EnumerateArray().Select(t => t.GetString()!).Order().Reverse());
    }

    [Theory, MatrixData]
    public async Task Every_documented_operation_answers_a_good_and_a_bad_request_with_a_documented_status_and_body(BackendVariant on)
    {
        await backend.UseAsync(on);
        var document = await DocumentAsync();
        var checkedOperations = 0;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                foreach (var request in Requests(operation.Name, path.Name.Replace("{id}", UnknownSession, StringComparison.Ordinal)))
                {
                    using var response = await backend.Client.SendAsync(request);
                    await AssertDocumentedAsync(document, operation.Value, $"{operation.Name.ToUpperInvariant()} {path.Name}", response);
                }

                checkedOperations++;
            }
        }

        Assert.Equal(7, checkedOperations);
    }

    /// <summary>For a POST, a valid body and an empty object (a 400); otherwise the request as it is.</summary>
    private static IEnumerable<HttpRequestMessage> Requests(string method, string path) => method switch
    {
        "post" when path.EndsWith("/events", StringComparison.Ordinal) =>
            [new(HttpMethod.Post, path) { Content = Json.Body("""{"message":"hi"}""") }, new(HttpMethod.Post, path) { Content = Json.Body("{}") }],
        "post" => [new(HttpMethod.Post, path) { Content = Json.ChatBody("hi") }, new(HttpMethod.Post, path) { Content = Json.Body("{}") }],
        _ => [new(new HttpMethod(method.ToUpperInvariant()), path)],
    };

    private static async Task AssertDocumentedAsync(JsonElement document, JsonElement operation, string name, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out var documented), $"{name} answered {status}, which it does not document");
        if (!documented.TryGetProperty("content", out var content))
        {
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            return;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType!;
        Assert.True(content.TryGetProperty(mediaType, out var media), $"{name} answered {status} as {mediaType}, which it does not document");
        if (mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            Assert.Empty(SchemaCheck.Problems(document, media.GetProperty("schema"), await Json.ReadAsync(response)));
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await backend.Client.GetAsync("/openapi/v1.json");
        return await Json.ReadAsync(response);
    }

    private static JsonElement Schema(JsonElement document, string name) =>
        document.GetProperty("components").GetProperty("schemas").GetProperty(name);
}
