namespace AiChat.Functions.Tests.Hosts.Api;

/// <summary>Bad input is refused with a JSON 4xx naming the field, and never reaches the upstream.</summary>
public sealed class RequestValidationTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost;

    public static IEnumerable<object?[]> BadBodies => Matrix.Cross(BadChatBodies.All);

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_body_is_a_400_naming_the_field_and_never_reaches_the_upstream(BackendVariant on, string body, string field)
    {
        await backend.UseAsync(on);
        foreach (var path in new[] { "/api/chat/completions", "/api/chat/stream" })
        {
            var error = await backend.RefusedAsync(client => client.PostAsync(path, Json.Body(body)), HttpStatusCode.BadRequest);

            Assert.Equal(field, error.GetProperty("field").GetString());
            Assert.Contains(field.Split('[')[0], error.GetProperty("error").GetString());
        }
    }

    [Theory, MatrixData]
    public async Task Boundary_values_are_accepted(BackendVariant on)
    {
        await backend.UseAsync(on);
        var body = """{"model":"qwen-max","temperature":0,"top_p":1,"max_tokens":8192,"messages":[{"role":"user","content":"hi"}]}""";
        using var response = await backend.Client.PostAsync("/api/chat/completions", Json.Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MatrixData("text/plain")]
    [MatrixData("application/x-www-form-urlencoded")]
    public async Task Non_json_content_type_is_a_415_json_error(BackendVariant on, string contentType)
    {
        await backend.UseAsync(on);
        var error = await backend.RefusedAsync(
            client => client.PostAsync("/api/chat/completions", new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, contentType)),
            HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("unsupported_media_type", error.GetProperty("code").GetString());
    }

    [Theory, MatrixData]
    public async Task Body_over_one_megabyte_is_a_413_json_error(BackendVariant on)
    {
        await backend.UseAsync(on);
        var content = new string('x', 1024 * 1024);
        using var response = await backend.Client.PostAsync("/api/chat/completions", Json.ChatBody(content));
        var error = await Json.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("payload_too_large", error.GetProperty("code").GetString());
    }

    [Theory, MatrixData]
    public async Task Chunked_body_over_the_cap_is_a_413_json_error(BackendVariant on)
    {
        await backend.UseAsync(on);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 2 * 1024 * 1024) + "{}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await backend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await Json.ReadAsync(response)).GetProperty("code").GetString());
    }
}
