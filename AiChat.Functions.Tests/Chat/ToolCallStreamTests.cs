namespace AiChat.Functions.Tests.Chat;

/// <summary>
/// The quirks of docs/dashscope-streams.md#tool-call-stream-quirks, one by one: frames as DashScope sends them go through the protocol reader
/// (DashScopeClient over a stub) and the accumulator, and the round must come out as the one call that was meant.
/// </summary>
public sealed class ToolCallStreamTests
{
    private const string Compat = "https://dashscope.aliyuncs.com/compatible-mode/v1";
    private const string Native = "https://dashscope.aliyuncs.com/api/v1";
    private const string Tail = "\"object\":\"chat.completion.chunk\",\"usage\":null,\"created\":1770343950,\"system_fingerprint\":null,\"model\":\"qwen-plus\",\"id\":\"chatcmpl-6b9f\"";
    private static readonly string[] Registered = ["get_current_weather", "get_weather", "knowledge_search", "itsvse-get_current_time"];

    [Fact]
    public async Task Compatible_stream_gives_id_and_name_once_arguments_in_fragments_and_finish_in_its_own_chunk()
    {
        var (calls, _) = await RoundAsync(Compat, Chunks(
            """{"choices":[{"delta":{"content":null,"tool_calls":[{"index":0,"id":"call_0bdcc155f2534f65a05cb1","type":"function","function":{"name":"get_current_weather","arguments":"{\"location\":"}}],"role":"assistant"},"finish_reason":null,"index":0,"logprobs":null}],""" + Tail + "}",
            """{"choices":[{"delta":{"tool_calls":[{"function":{"arguments":" \"杭州市\"}"},"index":0,"id":"","type":"function"}]},"index":0}],""" + Tail + "}",
            """{"choices":[{"finish_reason":"tool_calls","delta":{},"index":0,"logprobs":null}],""" + Tail + "}",
            "[DONE]"));

        Assert.Equal(new AccumulatedToolCall("call_0bdcc155f2534f65a05cb1", "get_current_weather", """{"location":"杭州市"}""", """{"location": "杭州市"}"""), Assert.Single(calls));
    }

    [Fact]
    public async Task Empty_first_arguments_and_a_delta_with_an_empty_function_object_leave_one_whole_call()
    {
        var (calls, _) = await RoundAsync(Compat, Chunks(
            """{"choices":[{"delta":{"content":null,"tool_calls":[{"function":{"name":"itsvse-get_current_time","arguments":""},"index":0,"id":"call_deb0063d315441b18b50d8","type":"function"}],"role":"assistant"},"finish_reason":null,"index":0,"logprobs":null}],""" + Tail + "}",
            """{"choices":[{"delta":{"content":null,"tool_calls":[{"function":{"arguments":"{}"},"index":0,"id":"","type":"function"}]},"finish_reason":null,"index":0,"logprobs":null}],""" + Tail + "}",
            """{"choices":[{"delta":{"content":null,"tool_calls":[{"function":{},"index":0,"id":"","type":"function"}]},"finish_reason":null,"index":0,"logprobs":null}],""" + Tail + "}",
            """{"choices":[{"finish_reason":"tool_calls","delta":{},"index":0,"logprobs":null}],""" + Tail + "}",
            "[DONE]"));

        Assert.Equal(("call_deb0063d315441b18b50d8", "itsvse-get_current_time", "{}"), Only(calls));
    }

    [Fact]
    public async Task The_same_id_repeated_with_null_arguments_first_and_null_name_later_is_one_call_with_one_id()
    {
        var (calls, _) = await RoundAsync(Compat, Chunks(
            """{"choices":[{"delta":{"content":null,"tool_calls":[{"index":0,"id":"call_391c8e5787bc4972a388aa","type":"function","function":{"name":"get_current_weather","arguments":null}}],"role":"assistant"},"finish_reason":null,"index":0}],""" + Tail + "}",
            """{"choices":[{"delta":{"content":null,"tool_calls":[{"index":0,"id":"call_391c8e5787bc4972a388aa","type":"function","function":{"name":null,"arguments":" {\"location\": \"杭州市\"}"}}]},"finish_reason":null,"index":0}],""" + Tail + "}",
            """{"choices":[{"finish_reason":"tool_calls","delta":{},"index":0}],""" + Tail + "}",
            "[DONE]"));

        Assert.Equal(("call_391c8e5787bc4972a388aa", "get_current_weather", """{"location":"杭州市"}"""), Only(calls));
    }

    [Fact]
    public async Task Native_frame_with_two_entries_content_array_and_finish_in_the_last_fragment_frame()
    {
        var (calls, deltas) = await RoundAsync(Native, Events(
            """{"output":{"choices":[{"message":{"content":[],"tool_calls":[{"index":0,"id":"call_29a870e7106f45deb8add3","type":"function","function":{"name":"get_current_weather","arguments":"{\"location\": \"杭州市\"}"}}],"role":"assistant"},"finish_reason":"null"}]},"usage":{"total_tokens":266,"output_tokens":16,"input_tokens":250},"request_id":"98b7"}""",
            """{"output":{"choices":[{"message":{"content":[],"tool_calls":[{"index":0,"id":"","type":"function","function":{"arguments":""}},{"index":1,"id":"call_aa8b6311567847e197e6ca7f","type":"function","function":{"name":"get_current_weather","arguments":""}}],"role":"assistant"},"finish_reason":"null"}]},"usage":{"total_tokens":270,"output_tokens":20,"input_tokens":250},"request_id":"98b7"}""",
            """{"output":{"choices":[{"message":{"content":[],"tool_calls":[{"index":1,"id":"","type":"function","function":{"arguments":"{\"location\": \"上海市\""}}],"role":"assistant"},"finish_reason":"null"}]},"usage":{"total_tokens":280,"output_tokens":30,"input_tokens":250},"request_id":"98b7"}""",
            """{"output":{"choices":[{"message":{"content":[],"tool_calls":[{"index":1,"id":"","type":"function","function":{"arguments":"}"}}],"role":"assistant"},"finish_reason":"tool_calls"}]},"usage":{"total_tokens":287,"output_tokens":37,"input_tokens":250},"request_id":"98b7"}"""));

        Assert.Equal(
            [("call_29a870e7106f45deb8add3", "get_current_weather", """{"location":"杭州市"}"""), ("call_aa8b6311567847e197e6ca7f", "get_current_weather", """{"location":"上海市"}""")],
            calls.Select(c => (c.Id, c.Name, c.Arguments)));
        Assert.Equal("tool_calls", deltas[^1].FinishReason);
        Assert.NotNull(deltas[^1].ToolCalls);
        Assert.Equal(new TokenUsage(250, 37, 287), deltas[^1].Usage);
        Assert.All(deltas, d => Assert.Equal("", d.Content));
    }

    [Fact]
    public async Task Finish_reason_stop_with_calls_present_is_still_a_tool_round()
    {
        var (calls, deltas) = await RoundAsync(Native, Events(
            """{"output":{"choices":[{"message":{"role":"assistant","tool_calls":[{"function":{"name":"get_current_weather","arguments":"{\"location\": \"浙江省杭州市\"}"},"index":0,"id":"call_cec4c19d27624537b583af","type":"function"}],"content":""},"finish_reason":"stop"}]},"usage":{"total_tokens":219,"output_tokens":8,"input_tokens":211},"request_id":"6730"}"""));

        Assert.Equal("stop", deltas[^1].FinishReason);
        Assert.Equal(("call_cec4c19d27624537b583af", "get_current_weather", """{"location":"浙江省杭州市"}"""), Only(calls));
    }

    [Fact]
    public async Task Usage_only_last_chunk_with_no_choices_is_read_without_indexing_a_choice()
    {
        var (calls, deltas) = await RoundAsync(Compat, Chunks(
            """{"choices":[{"delta":{"content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\": \"北京市\"}"}}],"role":"assistant"},"finish_reason":null,"index":0}],""" + Tail + "}",
            """{"choices":[{"finish_reason":"tool_calls","delta":{},"index":0}],""" + Tail + "}",
            """{"choices":[],"object":"chat.completion.chunk","usage":{"prompt_tokens":230,"completion_tokens":40,"total_tokens":270},"id":"chatcmpl-6b9f"}""",
            "[DONE]"));

        Assert.Single(calls);
        Assert.Equal(new TokenUsage(230, 40, 270), deltas[^1].Usage);
    }

    [Fact]
    public async Task Accumulated_arguments_with_an_extra_brace_are_cut_to_the_first_object()
    {
        var (calls, _) = await RoundAsync(Native, Events(
            """{"output":{"choices":[{"message":{"content":"","tool_calls":[{"index":0,"id":"call_x","type":"function","function":{"name":"get_current_weather","arguments":"{\"location\": \"上海市\"}"}}],"role":"assistant"},"finish_reason":"null"}]},"request_id":"r"}""",
            """{"output":{"choices":[{"message":{"content":"","tool_calls":[{"index":0,"id":"","type":"function","function":{"arguments":"}"}}],"role":"assistant"},"finish_reason":"tool_calls"}]},"request_id":"r"}"""));

        Assert.Equal("""{"location":"上海市"}""", Assert.Single(calls).Arguments);
    }

    [Fact]
    public async Task Entries_without_index_continue_the_last_call_and_a_new_id_starts_the_next()
    {
        var (calls, _) = await RoundAsync(Native, Events(
            """{"output":{"choices":[{"message":{"content":"","tool_calls":[{"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\"city\":"}}],"role":"assistant"},"finish_reason":"null"}]},"request_id":"r"}""",
            """{"output":{"choices":[{"message":{"content":"","tool_calls":[{"id":"","type":"function","function":{"arguments":" \"北京市\"}"}}],"role":"assistant"},"finish_reason":"null"}]},"request_id":"r"}""",
            """{"output":{"choices":[{"message":{"content":"","tool_calls":[{"id":"call_b","type":"function","function":{"name":"get_weather","arguments":"{\"city\": \"上海市\"}"}}],"role":"assistant"},"finish_reason":"tool_calls"}]},"request_id":"r"}"""));

        Assert.Equal([("call_a", """{"city":"北京市"}"""), ("call_b", """{"city":"上海市"}""")], calls.Select(c => (c.Id, c.Arguments)));
    }

    [Fact]
    public void A_name_repeated_on_every_delta_is_taken_once()
    {
        var calls = Accumulate(
            new ToolCallFragment(0, "call_r", "get_weather", "{\"city\":"),
            new ToolCallFragment(0, "", "get_weather", " \"北京市\"}"));

        Assert.Equal(("call_r", "get_weather", """{"city":"北京市"}"""), Only(calls));
    }

    [Fact]
    public void A_name_split_across_deltas_is_joined_when_that_completes_a_registered_name()
    {
        var calls = Accumulate(
            new ToolCallFragment(0, "call_s", "knowledge_", "{"),
            new ToolCallFragment(0, "", "search", "}"));

        Assert.Equal(("call_s", "knowledge_search", "{}"), Only(calls));
    }

    [Fact]
    public void A_second_name_piece_that_completes_no_registered_name_is_ignored()
    {
        var accumulator = new ToolCallAccumulator(Registered);
        accumulator.Add([new ToolCallFragment(0, "call_t", "get_weather", "{}"), new ToolCallFragment(0, "", "search_places", null)]);

        Assert.Equal("get_weather", Assert.Single(accumulator.Complete()).Name);
        Assert.Single(accumulator.Anomalies);
    }

    [Fact]
    public void Whole_arguments_sent_twice_are_taken_once()
    {
        var calls = Accumulate(
            new ToolCallFragment(0, "call_u", "get_weather", "{\"city\": \"北京市\"}"),
            new ToolCallFragment(0, "", null, "{\"city\": \"北京市\"}"));

        Assert.Equal("""{"city":"北京市"}""", Assert.Single(calls).Arguments);
    }

    [Fact]
    public async Task Reasoning_frames_before_the_calls_give_no_text_and_leave_the_calls_whole()
    {
        var (calls, deltas) = await RoundAsync(Native, Events(
            """{"output":{"choices":[{"message":{"content":"","reasoning_content":"嗯","role":"assistant"},"finish_reason":"null"}]},"request_id":"r"}""",
            """{"output":{"choices":[{"message":{"content":"","reasoning_content":"","tool_calls":[{"index":0,"id":"call_v","type":"function","function":{"name":"get_weather","arguments":"{\"city\": \"杭州市\"}"}}],"role":"assistant"},"finish_reason":"tool_calls"}]},"request_id":"r"}"""));

        Assert.Equal("", string.Concat(deltas.Select(d => d.Content)));
        Assert.Equal(("call_v", "get_weather", """{"city":"杭州市"}"""), Only(calls));
    }

    [Fact]
    public async Task Text_and_no_calls_is_an_answer_whatever_it_says()
    {
        var (calls, deltas) = await RoundAsync(Compat, Chunks(
            """{"choices":[{"delta":{"content":"我将调用 get_weather。","role":"assistant"},"finish_reason":null,"index":0}],""" + Tail + "}",
            """{"choices":[{"finish_reason":"tool_calls","delta":{"content":""},"index":0}],""" + Tail + "}",
            "[DONE]"));

        Assert.Empty(calls);
        Assert.Equal("我将调用 get_weather。", string.Concat(deltas.Select(d => d.Content)));
    }

    [Theory]
    [InlineData("{\"city\": 北京")]
    [InlineData("[\"北京市\"]")]
    [InlineData("北京市")]
    public void Arguments_that_hold_no_json_object_are_refused_not_repaired(string arguments)
    {
        var calls = Accumulate(new ToolCallFragment(0, "call_w", "get_weather", arguments));

        Assert.Null(Assert.Single(calls).Arguments);
        Assert.Equal(arguments, calls[0].RawArguments);
    }

    [Fact]
    public void A_call_without_an_id_gets_one_in_dashscopes_shape_and_a_builder_without_a_name_is_no_call()
    {
        var calls = Accumulate(new ToolCallFragment(0, null, "get_weather", "{}"), new ToolCallFragment(1, "call_x", null, "{}"));

        Assert.Matches("^call_[0-9a-f]{32}$", Assert.Single(calls).Id);
    }

    [Fact]
    public void A_different_id_on_an_index_that_has_one_keeps_the_first_and_never_concatenates()
    {
        var accumulator = new ToolCallAccumulator(Registered);
        accumulator.Add([new ToolCallFragment(0, "call_first", "get_weather", "{"), new ToolCallFragment(0, "call_second", null, "}")]);

        Assert.Equal("call_first", Assert.Single(accumulator.Complete()).Id);
        Assert.Single(accumulator.Anomalies);
    }

    [Theory]
    [InlineData(Compat, "data: {not json\n\n")]
    [InlineData(Native, "id:1\nevent:result\n:HTTP_STATUS/200\ndata:{\"output\":{\"choices\":[{\"message\":{\"content\":\"I am\",\"role\":\"assistant\"},\"finish_reason\":\"null\"}]},\n\n")]
    [InlineData(Native, "id:1\nevent:result\ndata:{\"output\":{\"choices\":[{\"message\":{\"content\":42}}]}}\n\n")]
    public async Task A_broken_stream_frame_is_an_upstream_error_not_a_json_exception(string baseUrl, string body)
    {
        var error = await Assert.ThrowsAsync<DashScopeException>(() => RoundAsync(baseUrl, body));

        Assert.Equal((502, "invalid_upstream_response"), (error.StatusCode, error.Code));
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData(Compat)]
    [InlineData(Native)]
    public async Task A_200_completion_whose_body_is_not_json_is_an_upstream_error(string baseUrl)
    {
        var client = Client(new StubHandler(HttpStatusCode.OK, "<html>gateway</html>", "text/html"), baseUrl);

        var error = await Assert.ThrowsAsync<DashScopeException>(() => client.CompleteAsync(Request, CancellationToken.None));

        Assert.Equal((502, "invalid_upstream_response"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Tools_tool_choice_and_a_tool_exchange_in_history_go_upstream_in_both_protocols()
    {
        var parameters = System.Text.Json.JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement;
        var request = new ChatRequest("qwen-plus",
        [
            new ChatMessage("user", "北京天气"),
            new ChatMessage("assistant", "") { ToolCalls = [new ChatToolCall("call_1", "get_weather", """{"city":"北京市"}""")] },
            ChatMessage.Tool("call_1", "get_weather", """{"source":"amap"}"""),
        ])
        { Tools = [new ChatTool("get_weather", "天气", parameters)], ToolChoice = "none", ParallelToolCalls = true };
        foreach (var baseUrl in new[] { Compat, Native })
        {
            var handler = new StubHandler(HttpStatusCode.OK, baseUrl == Compat ? Chunks("""{"choices":[{"finish_reason":"stop","delta":{"content":"ok"},"index":0}]}""", "[DONE]") : Events("""{"output":{"choices":[{"message":{"content":"ok","role":"assistant"},"finish_reason":"stop"}]},"request_id":"r"}"""));
            await foreach (var _ in Client(handler, baseUrl).StreamAsync(request, CancellationToken.None))
            {
            }

            using var body = System.Text.Json.JsonDocument.Parse(handler.Requests.Single().Body);
            var root = body.RootElement;
            var (messages, options) = baseUrl == Compat ? (root.GetProperty("messages"), root) : (root.GetProperty("input").GetProperty("messages"), root.GetProperty("parameters"));
            var assistant = messages[1];
            Assert.Equal("", assistant.GetProperty("content").GetString());
            var call = Assert.Single(assistant.GetProperty("tool_calls").EnumerateArray());
            Assert.Equal((0, "call_1", "function", "get_weather", """{"city":"北京市"}"""),
                (call.GetProperty("index").GetInt32(), call.GetProperty("id").GetString(), call.GetProperty("type").GetString(),
                 call.GetProperty("function").GetProperty("name").GetString(), call.GetProperty("function").GetProperty("arguments").GetString()));
            var tool = messages[2];
            Assert.Equal(("tool", "call_1", """{"source":"amap"}"""),
                (tool.GetProperty("role").GetString(), tool.GetProperty("tool_call_id").GetString(), tool.GetProperty("content").GetString()));
            Assert.Equal(baseUrl == Native, tool.TryGetProperty("name", out var name) && name.GetString() == "get_weather");
            var declared = Assert.Single(options.GetProperty("tools").EnumerateArray());
            Assert.Equal(("function", "get_weather", "天气"), (declared.GetProperty("type").GetString(), declared.GetProperty("function").GetProperty("name").GetString(), declared.GetProperty("function").GetProperty("description").GetString()));
            Assert.Equal("city", declared.GetProperty("function").GetProperty("parameters").GetProperty("required")[0].GetString());
            Assert.Equal("none", options.GetProperty("tool_choice").GetString());
            Assert.True(options.GetProperty("parallel_tool_calls").GetBoolean());
        }
    }

    private static readonly ChatRequest Request = new("qwen-plus", [new ChatMessage("user", "天气")]);

    private static (string Id, string Name, string? Arguments) Only(IReadOnlyList<AccumulatedToolCall> calls)
    {
        var call = Assert.Single(calls);
        return (call.Id, call.Name, call.Arguments);
    }

    private static IReadOnlyList<AccumulatedToolCall> Accumulate(params ToolCallFragment[] fragments)
    {
        var accumulator = new ToolCallAccumulator(Registered);
        foreach (var fragment in fragments)
        {
            accumulator.Add([fragment]);
        }

        return accumulator.Complete();
    }

    private static async Task<(IReadOnlyList<AccumulatedToolCall> Calls, List<ChatDelta> Deltas)> RoundAsync(string baseUrl, string body)
    {
        var accumulator = new ToolCallAccumulator(Registered);
        var deltas = new List<ChatDelta>();
        await foreach (var delta in Client(new StubHandler(HttpStatusCode.OK, body), baseUrl).StreamAsync(Request, CancellationToken.None))
        {
            deltas.Add(delta);
            if (delta.ToolCalls is { } fragments)
            {
                accumulator.Add(fragments);
            }
        }

        return (accumulator.Complete(), deltas);
    }

    private static string Chunks(params string[] data) => string.Concat(data.Select(d => $"data: {d}\n\n"));

    private static string Events(params string[] data) => string.Concat(data.Select((d, i) => $"id:{i + 1}\nevent:result\n:HTTP_STATUS/200\ndata:{d}\n\n"));

    private static DashScopeClient Client(HttpMessageHandler handler, string baseUrl)
    {
        var options = new AiChatOptions { BaseUrl = baseUrl };
        IDashScopeProtocol protocol = options.Protocol == DashScopeProtocol.CompatibleMode ? new CompatibleModeProtocol(new Uri(baseUrl)) : new NativeProtocol(new Uri(baseUrl));
        return new DashScopeClient(new HttpClient(handler), protocol, Options.Create(options), new ConfiguredKeySource(Options.Create(options)));
    }
}
