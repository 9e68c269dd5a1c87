namespace AiChat.Functions.Tests.Emulator;

/// <summary>
/// The emulator as DashScope's today's models: the per-model native endpoint, the multimodal request checks and
/// frame shapes, thinking by the model's default and the request, and the thinking errors in DashScope's words.
/// </summary>
public sealed class MultimodalAndThinkingTests : IAsyncLifetime
{
    private const string UrlError = "url error, please check url！ For details, see: https://help.aliyun.com/zh/model-studio/error-code#error-url";

    private EmulatorClient _client = null!;

    public async Task InitializeAsync() => _client = await EmulatorClient.StartAsync();

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task Each_native_endpoint_answers_the_other_ones_models_url_error()
    {
        using var textForMultimodal = await _client.PostNativeAsync(Native("hi", "qwen3.6-plus", parts: false));
        using var multimodalForText = await _client.PostMultimodalAsync(Native("hi", "qwen-plus", parts: true));

        foreach (var response in new[] { textForMultimodal, multimodalForText })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("InvalidParameter", error.GetProperty("code").GetString());
            Assert.Equal(UrlError, error.GetProperty("message").GetString());
        }
    }

    [Theory]
    [InlineData(false, """[{"text":"hi"}]""", "input content must be a string.")]
    [InlineData(true, "\"hi\"", "The item of content should be a message of a certain modal.")]
    [InlineData(true, """[{"type":"text","text":"hi"}]""", "The item of content should be a message of a certain modal.")]
    public async Task Content_of_the_wrong_shape_for_the_endpoint_is_refused(bool multimodal, string content, string message)
    {
        var model = multimodal ? "qwen3.6-plus" : "qwen-plus";
        var body = """{"model":"MODEL","input":{"messages":[{"role":"user","content":CONTENT}]},"parameters":{"result_format":"message"}}"""
            .Replace("MODEL", model, StringComparison.Ordinal).Replace("CONTENT", content, StringComparison.Ordinal);
        using var response = multimodal ? await _client.PostMultimodalAsync(body) : await _client.PostNativeAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_thinking_multimodal_stream_reasons_with_empty_content_then_one_frame_with_both_then_answers_and_ends_on_the_last_delta()
    {
        using var response = await _client.PostMultimodalAsync(Native("hi there", "qwen3.6-plus", parts: true, incremental: true), sse: true);
        var frames = await Frames(response);

        var messages = frames.Select(f => f.GetProperty("output").GetProperty("choices")[0]).ToList();
        Assert.Equal(
            [("[]", "Thinking "), ("[]", "about: "), ("[]", "hi "), ("""[{"text":"You "}]""", "there"), ("""[{"text":"said: "}]""", null), ("""[{"text":"hi "}]""", null), ("""[{"text":"there"}]""", null)],
            messages.Select(m => (m.GetProperty("message").GetProperty("content").GetRawText(), m.GetProperty("message").TryGetProperty("reasoning_content", out var r) ? r.GetString() : null)));
        Assert.Equal([.. Enumerable.Repeat("null", 6), "stop"], messages.Select(m => m.GetProperty("finish_reason").GetString()));
        var usage = frames[^1].GetProperty("usage");
        Assert.Equal((4, 4, 8), (usage.GetProperty("output_tokens_details").GetProperty("reasoning_tokens").GetInt32(), usage.GetProperty("output_tokens_details").GetProperty("text_tokens").GetInt32(), usage.GetProperty("output_tokens").GetInt32()));
        Assert.Equal(2, usage.GetProperty("input_tokens_details").GetProperty("text_tokens").GetInt32());
        Assert.Equal(usage.GetProperty("input_tokens").GetInt32() + 8, usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task A_multimodal_stream_can_end_on_an_empty_frame_and_spell_content_as_strings()
    {
        using var emptyEnd = await _client.PostMultimodalAsync(Native("hi [[multimodal-frames:empty-end]]", "qwen3.6-plus", parts: true, incremental: true, thinking: false), sse: true);
        using var strings = await _client.PostMultimodalAsync(Native("hi [[multimodal-frames:string-content]]", "qwen3.6-plus", parts: true, incremental: true, thinking: false), sse: true);
        var ended = (await Frames(emptyEnd)).Select(f => f.GetProperty("output").GetProperty("choices")[0]).ToList();
        var stringed = (await Frames(strings)).Select(f => f.GetProperty("output").GetProperty("choices")[0]).ToList();

        Assert.Equal("[]", ended[^1].GetProperty("message").GetProperty("content").GetRawText());
        Assert.Equal("stop", ended[^1].GetProperty("finish_reason").GetString());
        Assert.Equal("null", ended[^2].GetProperty("finish_reason").GetString());
        Assert.All(stringed, c => Assert.Equal(JsonValueKind.String, c.GetProperty("message").GetProperty("content").ValueKind));
        Assert.Equal("You said: hi", string.Concat(stringed.Select(c => c.GetProperty("message").GetProperty("content").GetString())));
    }

    [Fact]
    public async Task A_non_streaming_multimodal_answer_has_parts_reasoning_and_reasoning_tokens()
    {
        using var response = await _client.PostMultimodalAsync(Native("hi", "qwen3.6-plus", parts: true));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var message = answer.GetProperty("output").GetProperty("choices")[0].GetProperty("message");
        Assert.Equal("""[{"text":"You said: hi"}]""", message.GetProperty("content").GetRawText());
        Assert.Equal("Thinking about: hi", message.GetProperty("reasoning_content").GetString());
        Assert.Equal(3, answer.GetProperty("usage").GetProperty("output_tokens_details").GetProperty("reasoning_tokens").GetInt32());
    }

    public static TheoryData<string, bool, string> ThinkingErrors => new()
    {
        { """{"model":"qwen3.6-plus","input":{"messages":[{"role":"user","content":[{"text":"hi [[native-stream-error:json]]"}]}]},"parameters":{"incremental_output":false}}""", true, "The incremental_output parameter must be \"true\" when enable_thinking is true" },
        { """{"model":"qwq-plus","input":{"messages":[{"role":"user","content":"hi [[native-stream-error:json]]"}]},"parameters":{"incremental_output":true,"enable_thinking":false}}""", true, "The value of the enable_thinking parameter is restricted to True." },
        { """{"model":"qwq-plus","input":{"messages":[{"role":"user","content":"hi"}]},"parameters":{}}""", false, "This model only support stream mode, please enable the stream parameter to access the model." },
        { """{"model":"qwen3-vl-plus","input":{"messages":[{"role":"user","content":[{"text":"hi"}]}]},"parameters":{"enable_thinking":true}}""", false, "parameter.enable_thinking must be set to false for non-streaming calls" },
        { """{"model":"qwen3.6-plus","input":{"messages":[{"role":"user","content":[{"text":"json"}]}]},"parameters":{"response_format":{"type":"json_object"}}}""", false, "Json mode response is not supported when enable_thinking is true" },
        { """{"model":"qwen-plus","input":{"messages":[{"role":"user","content":"hi"}]},"parameters":{"enable_thinking":true,"thinking_budget":0}}""", false, "The thinking_budget parameter must be a positive integer and not greater than 81920" },
    };

    /// <summary>The streamed cases ask for the JSON error shape, one of the three a refused native stream may take.</summary>
    [Theory, MemberData(nameof(ThinkingErrors))]
    public async Task Thinking_the_model_cannot_do_is_refused_in_DashScopes_words(string body, bool stream, string message)
    {
        var multimodal = body.Contains("qwen3", StringComparison.Ordinal);
        using var response = multimodal ? await _client.PostMultimodalAsync(body, sse: stream) : await _client.PostNativeAsync(body, sse: stream);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("InvalidParameter", error.GetProperty("code").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Compatible_mode_wraps_a_thinking_error_and_streams_reasoning_deltas_first()
    {
        using var refused = await _client.PostCompatibleAsync("""{"model":"qwq-plus","stream":true,"enable_thinking":false,"messages":[{"role":"user","content":"hi"}]}""");
        using var streamed = await _client.PostCompatibleAsync(ChatBodies.Compatible("hi", stream: true, model: "qwen3.6-plus"));
        var text = await streamed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<400> InternalError.Algo.InvalidParameter: The value of the enable_thinking parameter is restricted to True.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var deltas = EmulatorClient.Frames(text).Where(e => e != "data: [DONE]")
            .Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta")).ToList();
        var reasoning = deltas.Where(d => d.TryGetProperty("reasoning_content", out _)).ToList();
        Assert.Equal("Thinking about: hi", string.Concat(reasoning.Select(d => d.GetProperty("reasoning_content").GetString())));
        Assert.All(reasoning, d => Assert.Equal(JsonValueKind.Null, d.GetProperty("content").ValueKind));
        Assert.True(deltas.IndexOf(reasoning[^1]) < deltas.FindIndex(d => d.GetProperty("content") is { ValueKind: JsonValueKind.String } c && c.GetString()!.Length > 0));
    }

    [Fact]
    public async Task Preserve_thinking_counts_the_history_reasoning_as_input_and_without_it_the_reasoning_is_ignored()
    {
        const string history = """[{"role":"user","content":[{"text":"a"}]},{"role":"assistant","content":[{"text":"b"}],"reasoning_content":"four words of thought"},{"role":"user","content":[{"text":"c"}]}]""";
        using var kept = await _client.PostMultimodalAsync("""{"model":"qwen3.6-plus","input":{"messages":HISTORY},"parameters":{"preserve_thinking":true,"enable_thinking":false}}""".Replace("HISTORY", history, StringComparison.Ordinal));
        using var ignored = await _client.PostMultimodalAsync("""{"model":"qwen3.6-plus","input":{"messages":HISTORY},"parameters":{"enable_thinking":false}}""".Replace("HISTORY", history, StringComparison.Ordinal));

        int Input(string body) => JsonDocument.Parse(body).RootElement.GetProperty("usage").GetProperty("input_tokens").GetInt32();
        Assert.Equal(7, Input(await kept.Content.ReadAsStringAsync()));
        Assert.Equal(3, Input(await ignored.Content.ReadAsStringAsync()));
    }

    private static string Native(string text, string model, bool parts, bool incremental = false, bool? thinking = null)
    {
        var content = parts ? $$"""[{"text":{{JsonSerializer.Serialize(text)}}}]""" : JsonSerializer.Serialize(text);
        var enable = thinking is { } on ? $$""","enable_thinking":{{(on ? "true" : "false")}}""" : "";
        return """{"model":"MODEL","input":{"messages":[{"role":"user","content":CONTENT}]},"parameters":{"result_format":"message","incremental_output":INCREMENTALENABLE}}"""
            .Replace("MODEL", model, StringComparison.Ordinal).Replace("CONTENT", content, StringComparison.Ordinal)
            .Replace("INCREMENTAL", incremental ? "true" : "false", StringComparison.Ordinal).Replace("ENABLE", enable, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> Frames(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return [.. EmulatorClient.Frames(text)
            .Select(e => e.Split('\n').Single(l => l.StartsWith("data:", StringComparison.Ordinal))["data:".Length..])
            .Select(d => JsonDocument.Parse(d).RootElement.Clone())];
    }
}
