using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace AiChat.Functions.Tests.Hosts.OpenAI;

/// <summary>
/// POST /v1/chat/completions over raw HTTP, against the emulator, once per DashScope protocol and host: the OpenAI
/// shapes, validation before anything goes upstream, errors before and after a stream starts, tool calls and reasoning
/// relayed, and the caller's departure cancelling the upstream call.
/// </summary>
public sealed class OpenAIChatTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithBothProtocols().WithSetup(BackendSetup.OpenAIClientKeys);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory, MatrixData]
    public async Task A_completion_is_a_chat_completion_with_the_answer_and_usage(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await PostAsync(Body("hello there world", model: "qwen-turbo"));
        var body = await Json.ReadAsync(response, HttpStatusCode.OK);

        Assert.StartsWith("chatcmpl-", body.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.True(body.GetProperty("created").GetInt64() > 1_700_000_000);
        Assert.Equal("qwen-turbo", body.GetProperty("model").GetString());
        var choice = body.GetProperty("choices").EnumerateArray().Single();
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("You said: hello there world", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.False(choice.GetProperty("message").TryGetProperty("tool_calls", out _));
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Equal((3, 5, 8), Json.Tokens(body.GetProperty("usage")));
    }

    [Theory, MatrixData]
    public async Task Text_parts_developer_messages_and_the_sampling_members_go_upstream(BackendVariant on)
    {
        await backend.UseAsync(on);
        var body = new JsonObject
        {
            ["model"] = "qwen-plus",
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "developer", ["content"] = "be brief" },
                new JsonObject { ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "parts " }, new JsonObject { ["type"] = "text", ["text"] = "joined c4a1" }) }),
            ["temperature"] = 0.5,
            ["top_p"] = 0.9,
            ["max_completion_tokens"] = 100,
            ["stop"] = new JsonArray("END"),
            ["seed"] = 42,
            ["n"] = 1,
            ["user"] = "someone",
            ["some_member_openai_added_later"] = true,
        };
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = Assert.Single(backend.RequestsWith("parts joined c4a1"));
        Assert.Equal(["system", "user"], upstream.Messages.Select(m => m.Role));
        Assert.Equal("be brief", upstream.Messages[0].Content);
        var parameters = Parameters(upstream);
        Assert.Equal(0.5, parameters.GetProperty("temperature").GetDouble());
        Assert.Equal(0.9, parameters.GetProperty("top_p").GetDouble());
        Assert.Equal(100, parameters.GetProperty("max_tokens").GetInt32());
        Assert.Equal("END", parameters.GetProperty("stop")[0].GetString());
        Assert.Equal(42, parameters.GetProperty("seed").GetInt32());
    }

    [Theory]
    [MatrixData("""{"messages":[{"role":"user","content":"bad 0e1f"}]}""", "model")]
    [MatrixData("""{"model":"qwen-nonexistent","messages":[{"role":"user","content":"bad 0e1f"}]}""", "model")]
    [MatrixData("""{"model":"qwen-plus","messages":[]}""", "messages")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"wizard","content":"bad 0e1f"}]}""", "messages[0].role")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]}""", "messages[0].content[0]")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":[{"type":5,"text":"bad 0e1f"}]}]}""", "messages[0].content[0]")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}],"tools":[{"type":true,"function":{"name":"get_weather"}}]}""", "tools[0]")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"},{"role":"tool","content":"x"}]}""", "messages[1].tool_call_id")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}],"n":2}""", "n")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}],"temperature":2}""", "temperature")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}],"max_tokens":0}""", "max_tokens")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}],"stop":["a","b","c","d","e"]}""", "stop")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}],"seed":-1}""", "seed")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}],"stream":"yes"}""", "stream")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}],"tools":[{"type":"function","function":{"name":"has space"}}]}""", "tools[0].function.name")]
    [MatrixData("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}],"tools":[{"type":"function","function":{"name":"get_weather"}}],"tool_choice":{"type":"function","function":{"name":"other"}}}""", "tool_choice")]
    public async Task A_bad_request_is_a_400_naming_the_member_and_nothing_goes_upstream(BackendVariant on, string json, string param)
    {
        await backend.UseAsync(on);
        using var response = await PostAsync(Json.Body(json));
        var error = (await Json.ReadAsync(response)).GetProperty("error");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.Empty(backend.RequestsWith("bad 0e1f"));
    }

    [Theory, MatrixData]
    public async Task A_body_that_is_not_JSON_text_is_refused_in_the_OpenAI_envelope_with_the_seed_status(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var broken = await PostAsync(Json.Body("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}"""));
        using var plain = await PostAsync(new StringContent("""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f"}]}""", Encoding.UTF8, "text/plain"));
        using var large = await PostAsync(Json.Body($$"""{"model":"qwen-plus","messages":[{"role":"user","content":"bad 0e1f {{new string('x', 1024 * 1024)}}"}]}"""));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_json"), (broken.StatusCode, (await Json.ReadAsync(broken)).GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "unsupported_media_type"), (plain.StatusCode, (await Json.ReadAsync(plain)).GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "payload_too_large"), (large.StatusCode, (await Json.ReadAsync(large)).GetProperty("error").GetProperty("code").GetString()));
        Assert.Empty(backend.RequestsWith("bad 0e1f"));
    }

    [Theory, MatrixData]
    public async Task A_stream_is_chat_completion_chunks_ending_in_done_without_usage_unless_asked(BackendVariant on)
    {
        await backend.UseAsync(on);
        var events = await StreamAsync(Body("hello there world", stream: true));

        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events.SkipLast(1).Select(e => Json.Parse(e.Data)).ToList();
        Assert.All(chunks, c =>
        {
            Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString());
            Assert.Equal(chunks[0].GetProperty("id").GetString(), c.GetProperty("id").GetString());
            Assert.Equal("qwen-plus", c.GetProperty("model").GetString());
            Assert.False(c.TryGetProperty("usage", out _));
        });
        Assert.Equal("assistant", Delta(chunks[0]).GetProperty("role").GetString());
        Assert.Equal("You said: hello there world", string.Concat(chunks.Select(c => Delta(c).TryGetProperty("content", out var t) ? t.GetString() : "")));
        Assert.All(chunks.SkipLast(1), c => Assert.Equal(JsonValueKind.Null, Choice(c).GetProperty("finish_reason").ValueKind));
        Assert.Equal("stop", Choice(chunks[^1]).GetProperty("finish_reason").GetString());
    }

    [Theory, MatrixData]
    public async Task A_stream_that_asks_for_usage_ends_with_a_usage_chunk_with_no_choices(BackendVariant on)
    {
        await backend.UseAsync(on);
        var events = await StreamAsync(Body("hello there world", stream: true, includeUsage: true));

        Assert.Equal("[DONE]", events[^1].Data);
        var last = Json.Parse(events[^2].Data);
        Assert.Empty(last.GetProperty("choices").EnumerateArray());
        Assert.Equal((3, 5, 8), Json.Tokens(last.GetProperty("usage")));
        Assert.All(events.SkipLast(2), e => Assert.Equal(JsonValueKind.Null, Json.Parse(e.Data).GetProperty("usage").ValueKind));
    }

    [Theory, MatrixData]
    public async Task An_upstream_failure_after_the_first_chunk_is_a_final_error_event_and_no_done(BackendVariant on)
    {
        await backend.UseAsync(on);
        var events = await StreamAsync(Body("moderated mid-way [[fault:moderation]]", stream: true));

        Assert.True(events.Count >= 2);
        Assert.DoesNotContain(events, e => e.Data == "[DONE]");
        Assert.All(events.SkipLast(1), e => Assert.Equal("chat.completion.chunk", Json.Parse(e.Data).GetProperty("object").GetString()));
        var error = Json.Parse(events[^1].Data).GetProperty("error");
        // A DashScope 400 keeps DashScope's code, as on the seed endpoints; each protocol spells it its own way.
        Assert.True(error.GetProperty("code").GetString() is "data_inspection_failed" or "DataInspectionFailed");
        Assert.Contains("inappropriate", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Theory]
    [MatrixData(false)]
    [MatrixData(true)]
    public async Task An_upstream_failure_before_any_chunk_is_its_status_in_the_OpenAI_envelope(BackendVariant on, bool stream)
    {
        await backend.UseAsync(on);
        using var limited = await PostAsync(Body("limited [[fault:rate-limit-requests]]", stream: stream));
        using var refused = await PostAsync(Body("refused [[fault:invalid-key]]", stream: stream));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/json", limited.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(limited.Headers.RetryAfter);
        var limitedError = (await Json.ReadAsync(limited)).GetProperty("error");
        Assert.Equal("rate_limited", limitedError.GetProperty("code").GetString());
        Assert.Equal("rate_limit_error", limitedError.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal("upstream_auth_failed", (await Json.ReadAsync(refused)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [MatrixData("")]
    [MatrixData("[[tool-quirk:repeat-id]]")]
    [MatrixData("[[tool-quirk:null-name]]")]
    [MatrixData("[[tool-quirk:repeat-name]]")]
    [MatrixData("[[tool-quirk:empty-first-arguments]]")]
    [MatrixData("[[tool-quirk:no-first-arguments]]")]
    [MatrixData("[[tool-quirk:empty-function]]")]
    [MatrixData("[[tool-quirk:interleaved]]")]
    [MatrixData("[[tool-quirk:no-index]]")]
    public async Task Streamed_tool_calls_reach_the_caller_as_OpenAI_deltas_whatever_DashScope_quirk(BackendVariant on, string quirk)
    {
        await backend.UseAsync(on);
        var marker = $"北京和上海天气怎么样 {Guid.NewGuid():N}";
        var events = await StreamAsync(Body($"{marker} {quirk}", stream: true, tools: true, parallel: true));

        Assert.Equal("[DONE]", events[^1].Data);
        var deltas = events.SkipLast(1).Select(e => Json.Parse(e.Data))
            .SelectMany(c => Delta(c).TryGetProperty("tool_calls", out var calls) ? calls.EnumerateArray() : []).ToList();
        var calls = deltas.GroupBy(d => d.GetProperty("index").GetInt32()).OrderBy(g => g.Key).ToList();
        Assert.Equal([0, 1], calls.Select(c => c.Key));
        foreach (var call in calls)
        {
            var first = call.First();
            Assert.StartsWith("call_", first.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Equal("function", first.GetProperty("type").GetString());
            Assert.Equal("get_weather", first.GetProperty("function").GetProperty("name").GetString());
            Assert.All(call.Skip(1), d => Assert.False(d.TryGetProperty("id", out _) || d.GetProperty("function").TryGetProperty("name", out _)));
        }

        Assert.Equal(["北京市", "上海市"], calls.Select(c => Json.Parse(string.Concat(c.Select(d => d.GetProperty("function").GetProperty("arguments").GetString()))).GetProperty("city").GetString()));
        var upstream = Assert.Single(backend.RequestsWith(marker));
        Assert.Equal(["get_weather"], Tools(upstream));
    }

    [Theory, MatrixData]
    public async Task A_tool_call_comes_back_whole_in_a_completion_and_its_result_gets_an_answer(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var first = await PostAsync(Body("杭州天气如何 4d2e", tools: true));
        var message = (await Json.ReadAsync(first)).GetProperty("choices")[0];
        Assert.Equal("tool_calls", message.GetProperty("finish_reason").GetString());
        var call = message.GetProperty("message").GetProperty("tool_calls").EnumerateArray().Single();
        Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("杭州市", Json.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!).GetProperty("city").GetString());

        var followUp = Body("杭州天气如何 4d2e", tools: true);
        var messages = followUp["messages"]!.AsArray();
        messages.Add(new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JsonArray(JsonNode.Parse(call.GetRawText())),
        });
        messages.Add(new JsonObject
        {
            ["role"] = "tool",
            ["tool_call_id"] = call.GetProperty("id").GetString(),
            ["content"] = """{"city":"杭州市","live":{"weather":"晴","temperature_c":18}}""",
        });
        using var second = await PostAsync(followUp);
        var answer = (await Json.ReadAsync(second)).GetProperty("choices")[0];

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("stop", answer.GetProperty("finish_reason").GetString());
        Assert.Equal("杭州市：晴， 气温 18°C。", answer.GetProperty("message").GetProperty("content").GetString());
        var upstream = backend.Emulator.Requests.Last(r => r.Messages.Count == 3 && r.Messages[0].Content.Contains("4d2e", StringComparison.Ordinal));
        Assert.Equal(call.GetProperty("id").GetString(), upstream.Messages[2].ToolCallId);
        Assert.Equal(call.GetProperty("id").GetString(), upstream.Messages[1].ToolCalls!.Single().Id);
    }

    [Theory, MatrixData]
    public async Task A_forced_tool_choice_goes_upstream_as_the_function_object(BackendVariant on)
    {
        await backend.UseAsync(on);
        var body = Body("杭州天气 forced 5e7f", tools: true);
        body["tool_choice"] = JsonNode.Parse("""{"type":"function","function":{"name":"get_weather"}}""");
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var choice = Parameters(Assert.Single(backend.RequestsWith("forced 5e7f"))).GetProperty("tool_choice");
        Assert.Equal("function", choice.GetProperty("type").GetString());
        Assert.Equal("get_weather", choice.GetProperty("function").GetProperty("name").GetString());
    }

    [Theory, MatrixData]
    public async Task Reasoning_is_relayed_as_reasoning_content_deltas(BackendVariant on)
    {
        await backend.UseAsync(on);
        var events = await StreamAsync(Body("北京天气 [[tool-quirk:reasoning]]", stream: true, tools: true));

        var reasoning = events.SkipLast(1).Select(e => Delta(Json.Parse(e.Data)))
            .Select(d => d.TryGetProperty("reasoning_content", out var r) ? r.GetString() : null).OfType<string>();
        Assert.Equal("嗯，需要调用工具。", string.Concat(reasoning));
    }

    [Theory, MatrixData]
    public async Task Enable_thinking_goes_upstream_on_a_stream_and_is_turned_off_for_a_completion_to_a_model_that_cannot_think_then(BackendVariant on)
    {
        await backend.UseAsync(on);
        var streamed = Body("thinking stream 71aa", model: "qwen3-vl-plus", stream: true);
        streamed["enable_thinking"] = true;
        var whole = Body("thinking whole 71aa", model: "qwen3-vl-plus");
        whole["enable_thinking"] = true;
        using (var response = await PostAsync(streamed))
        {
            await SseReader.ReadAllAsync(response);
        }

        using (await PostAsync(whole))
        {
        }

        Assert.True(Parameters(Assert.Single(backend.RequestsWith("thinking stream 71aa"))).GetProperty("enable_thinking").GetBoolean());
        Assert.False(Parameters(Assert.Single(backend.RequestsWith("thinking whole 71aa"))).GetProperty("enable_thinking").GetBoolean());
    }

    [Theory, MatrixData]
    public async Task A_caller_leaving_a_stream_aborts_the_upstream_request(BackendVariant on)
    {
        await backend.UseAsync(on);
        var abortedBefore = backend.Emulator.AbortedRequests;
        using (var response = await PostAsync(Body("a slow answer that the reader abandons [[chunk-delay-ms:2000]]", stream: true)))
        {
            await using var events = SseReader.ReadAsync(response).GetAsyncEnumerator();
            Assert.True(await events.MoveNextAsync());
        }

        using var patience = new CancellationTokenSource(Patience);
        await backend.Emulator.WaitForAbortedRequestsAsync(abortedBefore + 1, patience.Token);
    }

    private static JsonObject Body(string text, string model = "qwen-plus", bool stream = false, bool includeUsage = false, bool tools = false, bool parallel = false)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }),
        };
        if (stream)
        {
            body["stream"] = true;
        }

        if (includeUsage)
        {
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        if (tools)
        {
            body["tools"] = JsonNode.Parse("""
                [{"type":"function","function":{"name":"get_weather","description":"Weather in a city",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]
                """);
            body["parallel_tool_calls"] = parallel;
        }

        return body;
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject body) => PostAsync(Json.Body(body.ToJsonString()));

    /// <summary>Posts a streaming request and reads its events, once the answer is known to be a 200 event stream.</summary>
    private async Task<List<ReceivedEvent>> StreamAsync(JsonObject body)
    {
        using var response = await PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return await SseReader.ReadAllAsync(response);
    }

    private Task<HttpResponseMessage> PostAsync(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BackendSettings.ClientKey);
        return backend.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The sampling members as sent upstream: top-level in compatible mode, under parameters in the native protocol.</summary>
    private static JsonElement Parameters(AiChat.Emulator.ReceivedChatRequest upstream)
    {
        var body = Json.Parse(upstream.Body);
        return upstream.Protocol == "native" ? body.GetProperty("parameters") : body;
    }

    private static IEnumerable<string?> Tools(AiChat.Emulator.ReceivedChatRequest upstream) =>
        Parameters(upstream).GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString());

    private static JsonElement Choice(JsonElement chunk) => chunk.GetProperty("choices")[0];

    private static JsonElement Delta(JsonElement chunk) => chunk.GetProperty("choices").GetArrayLength() == 0 ? default : Choice(chunk).GetProperty("delta");
}
