using System.Text.Json.Nodes;

namespace AiChat.Functions.Tests.Emulator;

/// <summary>The emulator's tool calling on the wire: the 400s for a bad tool history in each envelope, and the tool rounds' shapes.</summary>
public sealed class ToolCallingTests : IAsyncLifetime
{
    private const string Unanswered = "An assistant message with \"tool_calls\" must be followed by tool messages responding to each \"tool_call_id\". The following tool_call_ids did not have response messages: message[2].role";
    private const string Orphan = "messages with role \"tool\" must be a response to a preceeding message with \"tool_calls\".";
    private const string NotJson = "The \"function.arguments\" parameter of the code model must be in JSON format.";

    private EmulatorClient _client = null!;

    public async Task InitializeAsync() => _client = await EmulatorClient.StartAsync();

    public static TheoryData<string, string, string> BadHistories => new()
    {
        { "unanswered", """[{"role":"user","content":"北京天气"},{"role":"assistant","content":"","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{}"}}]},{"role":"user","content":"再问"}]""", "\"auto\"" },
        { "orphan", """[{"role":"user","content":"北京天气"},{"role":"tool","tool_call_id":"call_9","content":"{}"}]""", "\"auto\"" },
        { "not json", """[{"role":"user","content":"北京天气"},{"role":"assistant","content":"","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\": 北京"}}]},{"role":"tool","tool_call_id":"call_1","content":"{}"}]""", "\"auto\"" },
        { "forced unknown", """[{"role":"user","content":"北京天气"}]""", """{"type":"function","function":{"name":"AgentOutput"}}""" },
    };

    [Theory]
    [MemberData(nameof(BadHistories))]
    public async Task A_bad_tool_history_is_dashscopes_400_in_both_envelopes(string name, string messages, string toolChoice)
    {
        var expected = name switch
        {
            "unanswered" => Unanswered,
            "orphan" => Orphan,
            "not json" => NotJson,
            _ => "Invalid value for \"tool_choice\": no function named \"AgentOutput\" was specified in the \"tools\" parameter.",
        };

        using var compatible = await _client.PostCompatibleAsync(Body(messages, toolChoice, native: false));
        using var native = await _client.PostNativeAsync(Body(messages, toolChoice, native: true));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (compatible.StatusCode, native.StatusCode));
        var error = JsonDocument.Parse(await compatible.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(("invalid_parameter_error", "<400> InternalError.Algo.InvalidParameter: " + expected), (error.GetProperty("code").GetString(), error.GetProperty("message").GetString()));
        var flat = JsonDocument.Parse(await native.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("InvalidParameter", expected), (flat.GetProperty("code").GetString(), flat.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_forced_choice_while_thinking_is_refused()
    {
        var body = JsonNode.Parse(Body("""[{"role":"user","content":"北京天气"}]""", """{"type":"function","function":{"name":"get_weather"}}""", native: false))!;
        body["enable_thinking"] = true;

        using var response = await _client.PostCompatibleAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith("The tool_choice parameter does not support being set to required or object in thinking mode", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tool_choice_none_gets_text_whatever_the_message_asks()
    {
        using var response = await _client.PostCompatibleAsync(Body("""[{"role":"user","content":"北京天气"}]""", "\"none\"", native: false));
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("choices")[0].GetProperty("message");

        Assert.Equal("You said: 北京天气", message.GetProperty("content").GetString());
        Assert.False(message.TryGetProperty("tool_calls", out _));
    }

    [Fact]
    public async Task A_non_streamed_tool_answer_has_empty_content_whole_calls_and_finish_reason_tool_calls()
    {
        using var compatible = await _client.PostCompatibleAsync(Body("""[{"role":"user","content":"北京天气"}]""", "\"auto\"", native: false));
        using var native = await _client.PostNativeAsync(Body("""[{"role":"user","content":"北京天气"}]""", "\"auto\"", native: true));

        var choice = JsonDocument.Parse(await compatible.Content.ReadAsStringAsync()).RootElement.GetProperty("choices")[0];
        var nativeChoice = JsonDocument.Parse(await native.Content.ReadAsStringAsync()).RootElement.GetProperty("output").GetProperty("choices")[0];
        foreach (var c in new[] { choice, nativeChoice })
        {
            Assert.Equal("tool_calls", c.GetProperty("finish_reason").GetString());
            Assert.Equal("", c.GetProperty("message").GetProperty("content").GetString());
            var call = Assert.Single(c.GetProperty("message").GetProperty("tool_calls").EnumerateArray());
            Assert.Equal(("get_weather", "{\"city\": \"北京市\"}"), (call.GetProperty("function").GetProperty("name").GetString(), call.GetProperty("function").GetProperty("arguments").GetString()));
        }
    }

    [Fact]
    public async Task A_native_tool_stream_puts_the_finish_reason_in_the_frame_of_the_last_fragment()
    {
        using var response = await _client.PostNativeAsync(Body("""[{"role":"user","content":"北京天气"}]""", "\"auto\"", native: true), sse: true);
        var text = await response.Content.ReadAsStringAsync();

        var frames = EmulatorClient.Frames(text).Select(f => JsonDocument.Parse(f[(f.IndexOf("data:", StringComparison.Ordinal) + 5)..]).RootElement).ToList();
        var last = frames[^1].GetProperty("output").GetProperty("choices")[0];
        Assert.Equal("tool_calls", last.GetProperty("finish_reason").GetString());
        Assert.Equal("", last.GetProperty("message").GetProperty("tool_calls")[0].GetProperty("id").GetString());
        Assert.All(frames[..^1], f => Assert.Equal("null", f.GetProperty("output").GetProperty("choices")[0].GetProperty("finish_reason").GetString()));
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    private static string Body(string messages, string toolChoice, bool native)
    {
        var tools = JsonNode.Parse("""[{"type":"function","function":{"name":"get_weather","description":"天气","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]""");
        var choice = JsonNode.Parse(toolChoice);
        return native
            ? new JsonObject
            {
                ["model"] = "qwen-plus",
                ["input"] = new JsonObject { ["messages"] = JsonNode.Parse(messages) },
                ["parameters"] = new JsonObject { ["result_format"] = "message", ["incremental_output"] = true, ["tools"] = tools, ["tool_choice"] = choice },
            }.ToJsonString()
            : new JsonObject { ["model"] = "qwen-plus", ["messages"] = JsonNode.Parse(messages), ["tools"] = tools, ["tool_choice"] = choice }.ToJsonString();
    }
}
