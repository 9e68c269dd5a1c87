namespace AiChat.Functions.Tests.Emulator;

public sealed class NativeProtocolTests
{
    [Fact]
    public async Task An_incremental_stream_sends_each_piece_with_cumulative_usage_then_a_stop_event()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native("hi", incremental: true), sse: true);
        var body = await EmulatorClient.ReadBodyAsync(response, HttpStatusCode.OK, "text/event-stream");

        Assert.Equal("UTF-8", response.Content.Headers.ContentType?.CharSet);
        var requestId = RequestId(response);
        string Event(int id, string content, string finish, int output) =>
            $"id:{id}\nevent:result\n:HTTP_STATUS/200\ndata:"
            + $$"""{"output":{"choices":[{"message":{"content":"{{content}}","role":"assistant"},"finish_reason":"{{finish}}"}]},"usage":{"total_tokens":{{1 + output}},"output_tokens":{{output}},"input_tokens":1},"request_id":"{{requestId}}"}"""
            + "\n\n";
        Assert.Equal(
            Event(1, "You ", "null", 1) + Event(2, "said: ", "null", 2) + Event(3, "hi", "null", 3) + Event(4, "", "stop", 3),
            body);
    }

    [Fact]
    public async Task A_stream_without_incremental_output_carries_the_whole_text_so_far()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native("hi"), sse: true);
        var events = await Events(response);

        Assert.Equal(
            ["You ", "You said: ", "You said: hi", "You said: hi"],
            events.Select(e => e.GetProperty("output").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()));
        Assert.Equal(
            ["null", "null", "null", "stop"],
            events.Select(e => e.GetProperty("output").GetProperty("choices")[0].GetProperty("finish_reason").GetString()));
    }

    [Fact]
    public async Task A_stream_without_result_format_uses_the_text_shape()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native("hi", incremental: true, resultFormat: null), sse: true);
        var frames = EmulatorClient.Frames(await response.Content.ReadAsStringAsync());

        var requestId = RequestId(response);
        Assert.Equal(4, frames.Length);
        Assert.Equal(
            $$"""id:3{{"\n"}}event:result{{"\n"}}:HTTP_STATUS/200{{"\n"}}data:{"output":{"finish_reason":"null","text":"hi"},"usage":{"total_tokens":4,"output_tokens":3,"input_tokens":1},"request_id":"{{requestId}}"}""",
            frames[2]);
        Assert.Equal(
            $$"""id:4{{"\n"}}event:result{{"\n"}}:HTTP_STATUS/200{{"\n"}}data:{"output":{"finish_reason":"stop","text":""},"usage":{"total_tokens":4,"output_tokens":3,"input_tokens":1},"request_id":"{{requestId}}"}""",
            frames[3]);
    }

    [Fact]
    public async Task A_whole_reply_in_message_format_has_choices_usage_and_request_id()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native("hello world"));
        var body = await EmulatorClient.ReadBodyAsync(response, HttpStatusCode.OK, "application/json");

        Assert.Equal(
            $$$"""{"output":{"choices":[{"finish_reason":"stop","message":{"role":"assistant","content":"You said: hello world"}}]},"usage":{"total_tokens":6,"output_tokens":4,"input_tokens":2},"request_id":"{{{RequestId(response)}}}"}""",
            body);
    }

    [Fact]
    public async Task A_whole_reply_in_text_format_has_output_text()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native("hello world", resultFormat: "text"));

        Assert.Equal(
            $$"""{"output":{"finish_reason":"stop","text":"You said: hello world"},"usage":{"total_tokens":6,"output_tokens":4,"input_tokens":2},"request_id":"{{RequestId(response)}}"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_older_prompt_input_is_accepted()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync("""{"model":"qwen-turbo","input":{"prompt":"old style"}}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You said: old style", json.RootElement.GetProperty("output").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(null, "No API-key provided.")]
    [InlineData("sk-wrong", "Invalid API-key provided.")]
    public async Task A_chat_without_the_right_key_is_refused_with_a_flat_invalid_api_key(string? apiKey, string message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native("hi"), apiKey: apiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            $$"""{"code":"InvalidApiKey","message":"{{message}}","request_id":"{{RequestId(response)}}"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_model_is_answered_with_400_model_not_exist()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native("hi", model: "qwen-max-longcontext"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            $$"""{"code":"InvalidParameter","message":"Model not exist.","request_id":"{{RequestId(response)}}"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"model":"qwen-plus","input":{"messages":[]}}""")]
    [InlineData("""{"model":"qwen-plus","input":{}}""")]
    [InlineData("""{"model":"qwen-plus","input":{"messages":[{"role":"robot","content":"hi"}]}}""")]
    [InlineData("[]")]
    public async Task A_malformed_request_is_answered_with_400_invalid_parameter(string body)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameter", json.RootElement.GetProperty("code").GetString());
        Assert.Equal(RequestId(response), json.RootElement.GetProperty("request_id").GetString());
    }

    private static string RequestId(HttpResponseMessage response)
    {
        var requestId = response.Headers.GetValues("X-Request-ID").Single();
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", requestId);
        return requestId;
    }

    private static async Task<List<JsonElement>> Events(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return EmulatorClient.Frames(body)
            .Select(frame => JsonDocument.Parse(frame[(frame.IndexOf("\ndata:", StringComparison.Ordinal) + 6)..]).RootElement)
            .ToList();
    }
}
