namespace AiChat.Functions.Tests.DashScope;

/// <summary>Every shape of a native answer and stream event the reader takes, and the ones it refuses as not the protocol's JSON.</summary>
public sealed class NativeReadingTests
{
    private static readonly NativeProtocol Protocol = new(new Uri("https://dashscope.aliyuncs.com/api/v1"));
    private static readonly ChatRequest Request = new("qwen-vl-max", [new ChatMessage("user", "hi")]);

    [Fact]
    public void A_multimodal_completion_joins_the_text_parts_and_reads_calls_reasoning_and_image_tokens()
    {
        var answer = Protocol.ReadCompletion(
            """
            {"output":{"choices":[{"finish_reason":"stop","message":{"role":"assistant",
               "content":[{"image":"https://x/y.png"},{"text":"a"},5,null,{"text":null},{"text":"b","text":7},{"type":"text","text":"c"}],
               "reasoning_content":"r","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]}}]},
             "usage":{"input_tokens":"8","output_tokens":39,"total_tokens":47,"output_tokens_details":{"reasoning_tokens":null},"image_tokens":"4",
                      "input_tokens_details":{"image_tokens":4}},
             "request_id":"rq","model":"ignored"}
            """u8,
            Request,
            "header-id");

        Assert.Equal(new ChatCompletion("rq", "ac", "qwen-vl-max", "stop", new TokenUsage(8, 39, 47) { ImageTokens = 4 }), answer with { ToolCalls = null, ReasoningContent = null });
        Assert.Equal("r", answer.ReasoningContent);
        Assert.Equal([new ChatToolCall("call_1", "f", "{}")], answer.ToolCalls!);
    }

    [Theory]
    [InlineData("""{"output":{"text":"t","finish_reason":"null"}}""", "header-id", "t", null)]
    [InlineData("""{"output":{"choices":[],"text":"t","finish_reason":"stop"},"request_id":"rq"}""", "rq", "t", "stop")]
    [InlineData("""{"output":{"choices":null,"text":null,"finish_reason":null},"usage":null,"request_id":null}""", "header-id", "", null)]
    [InlineData("""{"output":{"choices":[{"message":{"content":null},"finish_reason":"null"}]}}""", "header-id", "", null)]
    [InlineData("""{"output":{"choices":[{"message":{"content":[]},"finish_reason":"length"}]}}""", "header-id", "", "length")]
    [InlineData("""{"output":{"choices":[{"message":null}]}}""", "header-id", "", null)]
    [InlineData("""{"output":{"text":"ok"},"code":"X","message":"not an error beside output"}""", "header-id", "ok", null)]
    [InlineData("""{"output":null}""", "header-id", "", null)]
    public void A_completion_takes_what_is_there_and_defaults_the_rest(string body, string id, string content, string? finishReason)
    {
        var answer = Protocol.ReadCompletion(Encoding.UTF8.GetBytes(body), Request, "header-id");

        Assert.Equal(new ChatCompletion(id, content, "qwen-vl-max", finishReason, null), answer);
    }

    [Fact]
    public void A_flat_error_in_a_200_completion_is_thrown()
    {
        var error = Assert.Throws<DashScopeException>(() => Protocol.ReadCompletion("""{"code":"Throttling.RateQuota","message":"m","request_id":"r"}"""u8, Request, "header-id"));

        Assert.Equal((429, "Throttling.RateQuota", "m", "r"), (error.StatusCode, error.Code, error.Message, error.RequestId));
    }

    [Fact]
    public void A_frame_gives_its_text_finish_usage_reasoning_and_fragments()
    {
        var frame = Protocol.ReadFrame(
            "result",
            """{"output":{"choices":[{"message":{"content":"hi","reasoning_content":"hm","tool_calls":[{"index":0,"id":"call_1","function":{"name":"f"}}]},"finish_reason":"null"}]},"usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3,"output_tokens_details":{"reasoning_tokens":"1"}},"request_id":"r"}"""u8);

        var delta = frame.Delta!;
        Assert.Equal(new ChatDelta("hi", null, new TokenUsage(1, 2, 3) { ReasoningTokens = 1 }) { ReasoningContent = "hm", ToolCalls = delta.ToolCalls }, delta);
        Assert.Equal([new ToolCallFragment(0, "call_1", "f", null)], delta.ToolCalls!);
    }

    [Theory]
    [InlineData("""{"output":{}}""", "", null)]
    [InlineData("""{"output":{"text":"t","finish_reason":"stop"}}""", "t", "stop")]
    [InlineData("""{"output":{"choices":[{"message":{"content":[{"text":"x"}],"reasoning_content":""}}]}}""", "x", null)]
    public void A_frame_with_output_is_a_delta(string data, string content, string? finishReason)
    {
        Assert.Equal(new StreamFrame(new ChatDelta(content, finishReason)), Protocol.ReadFrame("result", Encoding.UTF8.GetBytes(data)));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"output":null,"request_id":"r","message":"no code, no error"}""")]
    public void A_frame_without_output_or_code_is_ignored(string data)
    {
        Assert.Equal(StreamFrame.Ignored, Protocol.ReadFrame("result", Encoding.UTF8.GetBytes(data)));
    }

    [Theory]
    [InlineData("result", """{"code":"InvalidParameter","message":"m","request_id":"r"}""", 400, "InvalidParameter", "m", "r")]
    [InlineData("error", """{"code":"InvalidParameter","message":"m","request_id":"r"}""", 400, "InvalidParameter", "m", "r")]
    [InlineData("error", """{"output":{"text":"t"},"message":"m"}""", 500, null, "m", null)]
    [InlineData("error", "null", 500, null, "DashScope reported an error without a message.", null)]
    public void An_error_event_or_a_flat_error_is_an_error_frame(string eventType, string data, int status, string? code, string message, string? requestId)
    {
        var frame = Protocol.ReadFrame(eventType, Encoding.UTF8.GetBytes(data));

        Assert.Equal((status, code, message, requestId), (frame.Error!.StatusCode, frame.Error.Code, frame.Error.Message, frame.Error.RequestId));
        Assert.Null(frame.Delta);
    }

    [Fact]
    public void A_null_choice_reads_as_empty_rather_than_failing()
    {
        Assert.Equal(new StreamFrame(new ChatDelta("")), Protocol.ReadFrame("result", """{"output":{"choices":[null],"text":"not read"}}"""u8));
        Assert.Equal(new ChatCompletion("header-id", "", "qwen-vl-max", null, null), Protocol.ReadCompletion("""{"output":{"choices":[null]}}"""u8, Request, "header-id"));
    }

    public static TheoryData<string> NotTheProtocol =>
    [
        "",
        "5",
        "[]",
        """{"output":{}} x""",
        """{"output":5}""",
        """{"output":[]}""",
        """{"output":{"choices":5}}""",
        """{"output":{"choices":[[]]}}""",
        """{"output":{"text":1}}""",
        """{"output":{"finish_reason":false}}""",
        """{"output":{"choices":[{"finish_reason":0}]}}""",
        """{"output":{"choices":[{"message":5}]}}""",
        """{"output":{"choices":[{"message":{"content":42}}]}}""",
        """{"output":{"choices":[{"message":{"content":[1,}]}}]}""",
        """{"output":{"choices":[{"message":{"tool_calls":[{"index":"a"}]}}]}}""",
        """{"usage":{"input_tokens":"x"}}""",
        """{"usage":{"output_tokens":null}}""",
        """{"usage":{"image_tokens":"x"}}""",
        """{"usage":{"output_tokens_details":[]}}""",
        """{"usage":{"output_tokens_details":{"reasoning_tokens":true}}}""",
        """{"usage":"none"}""",
        """{"code":1}""",
        """{"message":{}}""",
        """{"request_id":2}""",
    ];

    [Theory]
    [MemberData(nameof(NotTheProtocol))]
    public void A_body_that_is_not_the_protocols_json_throws_a_json_exception(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.ThrowsAny<JsonException>(() => Protocol.ReadCompletion(bytes, Request, null));
        Assert.ThrowsAny<JsonException>(() => Protocol.ReadFrame("result", bytes));
        Assert.ThrowsAny<JsonException>(() => Protocol.ReadFrame("error", bytes));
    }

    [Theory]
    [InlineData("""{"request_id":"#"}""")]
    [InlineData("""{"output":{"choices":[{"message":{"content":[{"text":"#"}]}}]}}""")]
    [InlineData("""{"output":{"choices":[{"message":{"tool_calls":[{"function":{"name":"#"}}]}}]}}""")]
    [InlineData("""{"code":"c","message":"#"}""")]
    [InlineData("""{"usage":{"input_tokens":"#"}}""")]
    [InlineData("""{"output":{"text":"\udc00"}}""")]
    [InlineData("""{"usage":{"image_tokens":"\ud800"}}""")]
    public void Text_that_is_not_unicode_throws_a_json_exception(string template)
    {
        var bytes = Encoding.UTF8.GetBytes(template).Select(b => b == (byte)'#' ? (byte)0xFF : b).ToArray();

        Assert.ThrowsAny<JsonException>(() => Protocol.ReadCompletion(bytes, Request, null));
        Assert.ThrowsAny<JsonException>(() => Protocol.ReadFrame("result", bytes));
    }

    [Fact]
    public void A_completion_whose_body_is_null_throws_a_json_exception()
    {
        Assert.ThrowsAny<JsonException>(() => Protocol.ReadCompletion("null"u8, Request, null));
    }
}
