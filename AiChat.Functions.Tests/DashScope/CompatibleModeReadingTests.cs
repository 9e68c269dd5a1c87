namespace AiChat.Functions.Tests.DashScope;

/// <summary>Every shape of a compatible-mode answer and stream chunk the reader takes, and the ones it refuses as not the protocol's JSON.</summary>
public sealed class CompatibleModeReadingTests
{
    private static readonly CompatibleModeProtocol Protocol = new(new Uri("https://dashscope.aliyuncs.com/compatible-mode/v1"));
    private static readonly ChatRequest Request = new("qwen-plus", [new ChatMessage("user", "hi")]);

    [Fact]
    public void A_completion_with_null_content_reasoning_whole_calls_and_counts_as_strings_is_read_whole()
    {
        var answer = Protocol.ReadCompletion(
            """
            {"id":"chatcmpl-abc","object":"chat.completion","model":"qwen-max","choices":[{"index":0,"logprobs":null,"finish_reason":"tool_calls",
              "message":{"role":"assistant","content":null,"reasoning_content":"think",
                "tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{}"}},
                              {"id":"","function":{"name":"get_weather"}},{"function":{"arguments":"{}"}},{"function":null}]}}],
             "usage":{"prompt_tokens":"10","completion_tokens":5,"total_tokens":"\u0031\u0035","completion_tokens_details":{"reasoning_tokens":"3"}},
             "extra":{"nested":[1,{"a":null}]},"Choices":5}
            """u8,
            Request,
            "header-id");

        Assert.Equal(new ChatCompletion("abc", "", "qwen-max", "tool_calls", new TokenUsage(10, 5, 15) { ReasoningTokens = 3 }), answer with { ToolCalls = null, ReasoningContent = null });
        Assert.Equal("think", answer.ReasoningContent);
        Assert.Equal(2, answer.ToolCalls!.Count);
        Assert.Equal(new ChatToolCall("call_1", "get_weather", "{}"), answer.ToolCalls[0]);
        Assert.Matches("^call_[0-9a-f]{32}$", answer.ToolCalls[1].Id);
        Assert.Equal(("get_weather", ""), (answer.ToolCalls[1].Name, answer.ToolCalls[1].Arguments));
    }

    [Theory]
    [InlineData("""{"id":"cmpl-1","choices":[{"message":{"content":"hi"},"finish_reason":"stop"}]}""", "cmpl-1", "hi", "qwen-plus", "stop")]
    [InlineData("""{"choices":[{"message":{"content":"hi","reasoning_content":""}}],"usage":null,"request_id":"ignored"}""", "header-id", "hi", "qwen-plus", null)]
    [InlineData("""{"id":null,"model":null,"choices":null,"usage":null,"error":null}""", "header-id", "", "qwen-plus", null)]
    [InlineData("""{"choices":[],"model":"qwen-max"}""", "header-id", "", "qwen-max", null)]
    [InlineData("""{"choices":[{"message":null,"finish_reason":null}]}""", "header-id", "", "qwen-plus", null)]
    [InlineData("""{"choices":[{"message":{"content":"first"}}],"choices":[{"message":{"\u0063ontent":"second"}}]}""", "header-id", "second", "qwen-plus", null)]
    public void A_completion_takes_what_is_there_and_defaults_the_rest(string body, string id, string content, string model, string? finishReason)
    {
        var answer = Protocol.ReadCompletion(Encoding.UTF8.GetBytes(body), Request, "header-id");

        Assert.Equal(new ChatCompletion(id, content, model, finishReason, null), answer);
    }

    [Theory]
    [InlineData("""{"error":{"message":"m","type":"t","code":null},"request_id":"r","choices":[]}""", 400, "t", "m", "r")]
    [InlineData("""{"error":{"code":"invalid_api_key","type":"t"}}""", 401, "invalid_api_key", "DashScope reported an error without a message.", null)]
    [InlineData("""{"error":{}}""", 500, null, "DashScope reported an error without a message.", null)]
    public void An_error_object_in_a_200_completion_is_thrown(string body, int status, string? code, string message, string? requestId)
    {
        var error = Assert.Throws<DashScopeException>(() => Protocol.ReadCompletion(Encoding.UTF8.GetBytes(body), Request, "header-id"));

        Assert.Equal((status, code, message, requestId), (error.StatusCode, error.Code, error.Message, error.RequestId));
    }

    [Fact]
    public void A_chunk_gives_its_text_finish_usage_and_reasoning()
    {
        var frame = Protocol.ReadFrame("message", """{"choices":[{"delta":{"content":"hi","reasoning_content":"hm"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":"2","total_tokens":3}}"""u8);

        Assert.Equal(new StreamFrame(new ChatDelta("hi", "stop", new TokenUsage(1, 2, 3)) { ReasoningContent = "hm" }), frame);
    }

    [Fact]
    public void A_chunk_gives_its_tool_call_fragments_as_sent()
    {
        var frame = Protocol.ReadFrame(
            "message",
            """{"choices":[{"delta":{"content":null,"tool_calls":[{"index":"1","id":"call_2","type":"function","function":{"name":"f","arguments":"{\"a\""}},{"function":null,"index":null}]}}]}"""u8);

        var delta = frame.Delta!;
        Assert.Equal(("", null, null), (delta.Content, delta.FinishReason, delta.Usage));
        Assert.Equal([new ToolCallFragment(1, "call_2", "f", "{\"a\""), new ToolCallFragment(null, null, null, null)], delta.ToolCalls!);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"choices":[],"usage":null,"object":"chat.completion.chunk"}""")]
    [InlineData("""{"choices":null,"error":null}""")]
    public void A_chunk_without_choices_or_usage_is_ignored(string data)
    {
        Assert.Equal(StreamFrame.Ignored, Protocol.ReadFrame("message", Encoding.UTF8.GetBytes(data)));
    }

    [Fact]
    public void A_usage_only_chunk_and_done_are_read()
    {
        Assert.Equal(
            new StreamFrame(new ChatDelta("", Usage: new TokenUsage(1, 2, 3) { ReasoningTokens = 1 })),
            Protocol.ReadFrame("message", """{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"completion_tokens_details":{"reasoning_tokens":1}}}"""u8));
        Assert.Equal(StreamFrame.End, Protocol.ReadFrame("message", "[DONE]"u8));
    }

    [Fact]
    public void An_error_chunk_is_an_error_frame()
    {
        var frame = Protocol.ReadFrame("message", """{"choices":[{"delta":{"content":"x"}}],"error":{"code":"data_inspection_failed","message":"m"},"request_id":"r"}"""u8);

        Assert.Equal((400, "data_inspection_failed", "m", "r"), (frame.Error!.StatusCode, frame.Error.Code, frame.Error.Message, frame.Error.RequestId));
        Assert.Null(frame.Delta);
    }

    [Fact]
    public void A_null_choice_or_tool_call_entry_reads_as_empty_rather_than_failing()
    {
        Assert.Equal(new StreamFrame(new ChatDelta("")), Protocol.ReadFrame("message", """{"choices":[null,{"delta":{"content":"second"}}]}"""u8));
        Assert.Equal(
            [new ToolCallFragment(0, "call_1", "f", null)],
            Protocol.ReadFrame("message", """{"choices":[{"delta":{"tool_calls":[null,{"index":0,"id":"call_1","function":{"name":"f"}}]}}]}"""u8).Delta!.ToolCalls!);
        Assert.Null(Protocol.ReadCompletion("""{"choices":[{"message":{"tool_calls":[null]}}]}"""u8, Request, null).ToolCalls);
    }

    public static TheoryData<string> NotTheProtocol =>
    [
        "",
        "   ",
        "5",
        "[]",
        "\"text\"",
        """{"id":"a"} {"id":"b"}""",
        """{"id":"a",}""",
        """{"id":5}""",
        """{"model":[]}""",
        """{"request_id":{}}""",
        """{"choices":5}""",
        """{"choices":{}}""",
        """{"choices":[5]}""",
        """{"choices":[{"delta":[]}]}""",
        """{"choices":[{"message":"hi"}]}""",
        """{"choices":[{"finish_reason":1}]}""",
        """{"choices":[{"delta":{"content":7}}]}""",
        """{"choices":[{"delta":{"content":{}}}]}""",
        """{"choices":[{"delta":{"content":true}}]}""",
        """{"choices":[{"delta":{"reasoning_content":true}}]}""",
        """{"choices":[{"delta":{"tool_calls":{}}}]}""",
        """{"choices":[{"delta":{"tool_calls":["call"]}}]}""",
        """{"choices":[{"delta":{"tool_calls":[{"index":"first"}]}}]}""",
        """{"choices":[{"delta":{"tool_calls":[{"index":1.5}]}}]}""",
        """{"choices":[{"delta":{"tool_calls":[{"id":1}]}}]}""",
        """{"choices":[{"delta":{"tool_calls":[{"type":1}]}}]}""",
        """{"choices":[{"delta":{"tool_calls":[{"function":"f"}]}}]}""",
        """{"choices":[{"delta":{"tool_calls":[{"function":{"arguments":{}}}]}}]}""",
        """{"usage":7}""",
        """{"usage":{"prompt_tokens":"many"}}""",
        """{"usage":{"prompt_tokens":" 1"}}""",
        """{"usage":{"prompt_tokens":null}}""",
        """{"usage":{"completion_tokens":1.5}}""",
        """{"usage":{"total_tokens":9999999999}}""",
        """{"usage":{"completion_tokens_details":[]}}""",
        """{"usage":{"completion_tokens_details":{"reasoning_tokens":"x"}}}""",
        """{"error":"boom"}""",
        """{"error":{"code":400}}""",
        """{"error":{"message":["m"]}}""",
    ];

    [Theory]
    [MemberData(nameof(NotTheProtocol))]
    public void A_body_that_is_not_the_protocols_json_throws_a_json_exception(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.ThrowsAny<JsonException>(() => Protocol.ReadCompletion(bytes, Request, null));
        Assert.ThrowsAny<JsonException>(() => Protocol.ReadFrame("message", bytes));
    }

    [Theory]
    [InlineData("""{"id":"#"}""")]
    [InlineData("""{"choices":[{"delta":{"content":"#"}}]}""")]
    [InlineData("""{"choices":[{"delta":{"tool_calls":[{"function":{"arguments":"#"}}]}}]}""")]
    [InlineData("""{"error":{"message":"#"}}""")]
    [InlineData("""{"usage":{"prompt_tokens":"#"}}""")]
    [InlineData("""{"choices":[{"delta":{"content":"\ud800"}}]}""")]
    [InlineData("""{"usage":{"prompt_tokens":"\ud800"}}""")]
    public void Text_that_is_not_unicode_throws_a_json_exception(string template)
    {
        var bytes = Encoding.UTF8.GetBytes(template).Select(b => b == (byte)'#' ? (byte)0xFF : b).ToArray();

        Assert.ThrowsAny<JsonException>(() => Protocol.ReadCompletion(bytes, Request, null));
        Assert.ThrowsAny<JsonException>(() => Protocol.ReadFrame("message", bytes));
    }

    [Fact]
    public void A_completion_whose_body_is_null_throws_a_json_exception()
    {
        Assert.ThrowsAny<JsonException>(() => Protocol.ReadCompletion("null"u8, Request, null));
    }
}
