namespace AiChat.Functions.Tests.Emulator;

public sealed class CompatibleProtocolTests
{
    [Fact]
    public async Task A_whole_reply_has_the_chat_completion_shape()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible("hello world"));
        var body = await EmulatorClient.ReadBodyAsync(response, HttpStatusCode.OK, "application/json");

        var (id, created) = Identity(body);
        Assert.Matches("^chatcmpl-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", id);
        Assert.Equal(
            """{"choices":[{"message":{"role":"assistant","content":"You said: hello world"},"finish_reason":"stop","index":0,"logprobs":null}],"object":"chat.completion","usage":{"prompt_tokens":2,"completion_tokens":4,"total_tokens":6,"prompt_tokens_details":{"cached_tokens":0}},"""
            + $$"""
            "created":{{created}},"system_fingerprint":null,"model":"qwen-plus","id":"{{id}}"}
            """,
            body);
    }

    [Fact]
    public async Task A_stream_sends_a_role_chunk_one_chunk_per_piece_a_stop_chunk_and_done()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible("hi", stream: true));
        var body = await EmulatorClient.ReadBodyAsync(response, HttpStatusCode.OK, "text/event-stream");

        var (id, created) = Identity(body["data: ".Length..body.IndexOf('\n', StringComparison.Ordinal)]);
        var tail = $$""","object":"chat.completion.chunk","usage":null,"created":{{created}},"system_fingerprint":null,"model":"qwen-plus","id":"{{id}}"}""" + "\n\n";
        Assert.Equal(
            """data: {"choices":[{"delta":{"content":"","role":"assistant"},"index":0,"logprobs":null,"finish_reason":null}]""" + tail
            + """data: {"choices":[{"finish_reason":null,"delta":{"content":"You "},"index":0,"logprobs":null}]""" + tail
            + """data: {"choices":[{"finish_reason":null,"delta":{"content":"said: "},"index":0,"logprobs":null}]""" + tail
            + """data: {"choices":[{"finish_reason":null,"delta":{"content":"hi"},"index":0,"logprobs":null}]""" + tail
            + """data: {"choices":[{"finish_reason":"stop","delta":{"content":""},"index":0,"logprobs":null}]""" + tail
            + "data: [DONE]\n\n",
            body);
    }

    [Fact]
    public async Task A_stream_asking_for_usage_gets_a_usage_chunk_with_no_choices_before_done()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible("hi there", stream: true, includeUsage: true));
        var frames = EmulatorClient.Frames(await response.Content.ReadAsStringAsync());

        Assert.Equal("data: [DONE]", frames[^1]);
        var (id, created) = Identity(frames[0]["data: ".Length..]);
        Assert.Equal(
            $$"""data: {"choices":[],"object":"chat.completion.chunk","usage":{"prompt_tokens":2,"completion_tokens":4,"total_tokens":6},"created":{{created}},"system_fingerprint":null,"model":"qwen-plus","id":"{{id}}"}""",
            frames[^2]);
        Assert.Contains("\"finish_reason\":\"stop\"", frames[^3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_tokens_count_the_words_of_every_message()
    {
        await using var client = await EmulatorClient.StartAsync();
        const string body = """
            {"model":"qwen-plus","messages":[
              {"role":"system","content":"Be  brief.\nPlease"},
              {"role":"assistant","content":[{"type":"text","text":"Earlier answer"}]},
              {"role":"user","content":"one two three"}]}
            """;

        using var response = await client.PostCompatibleAsync(body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var usage = json.RootElement.GetProperty("usage");
        Assert.Equal(8, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(5, usage.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(13, usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Non_ascii_text_comes_back_as_raw_utf8_not_escaped()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible("1+1 等于几？"));

        Assert.Contains("\"content\":\"You said: 1+1 等于几？\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directives_are_removed_from_the_echoed_text()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible(" [[chunk-delay-ms:1]]good [[native-stream-error:sse]]day "));

        Assert.Equal("You said: good day", Content(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_models_list_has_the_openai_shape_and_the_configured_models()
    {
        var options = new EmulatorOptions();
        options.Models.Add("qwen-custom");
        await using var client = await EmulatorClient.StartAsync(options);

        using var response = await client.GetModelsAsync();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("list", json.RootElement.GetProperty("object").GetString());
        var models = json.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.All(models, model => Assert.Equal("model", model.GetProperty("object").GetString()));
        Assert.Equal(
            ["qwen-plus", "qwen-flash", "qwen-turbo", "qwen-max", "qwen3-max", "qwen-long", "qwen3.6-plus", "qwen3.5-plus", "qwen3.5-flash", "qwen3-vl-plus", "qwq-plus", "qwen-custom"],
            models.Select(model => model.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_models_list_refuses_a_wrong_key()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.GetModelsAsync("sk-wrong");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_api_key", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sk-wrong")]
    [InlineData("sk-emulator-but-longer")]
    public async Task A_chat_without_the_right_key_is_refused_with_invalid_api_key(string? apiKey)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible("hi"), apiKey);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var requestId = JsonDocument.Parse(body).RootElement.GetProperty("request_id").GetString();
        Assert.Equal(
            $$"""{"error":{"message":"Incorrect API key provided. For details, see: https://help.aliyun.com/zh/model-studio/error-code#apikey-error","type":"invalid_request_error","param":null,"code":"invalid_api_key"},"request_id":"{{requestId}}"}""",
            body);
    }

    [Fact]
    public async Task An_unknown_model_is_answered_with_404_model_not_found()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible("hi", model: "qwen-max-longcontext"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Equal("The model `qwen-max-longcontext` does not exist or you do not have access to it.", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"model":"qwen-plus","messages":[]}""")]
    [InlineData("""{"model":"qwen-plus","messages":[{"role":"robot","content":"hi"}]}""")]
    [InlineData("""{"model":"qwen-plus","messages":[{"role":"user","content":""}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("not json")]
    public async Task A_malformed_request_is_answered_with_400_invalid_parameter(string body)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("invalid_parameter_error", error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.StartsWith("<400> InternalError.Algo.InvalidParameter: ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static (string Id, long Created) Identity(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (document.RootElement.GetProperty("id").GetString()!, document.RootElement.GetProperty("created").GetInt64());
    }

    private static string? Content(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
    }
}
