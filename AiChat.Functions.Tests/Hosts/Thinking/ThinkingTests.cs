using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace AiChat.Functions.Tests.Hosts.Thinking;

/// <summary>
/// Thinking on every chat surface, over both DashScope protocols and both hosts, against the emulator: reasoning
/// before the answer, the thinking fields checked against the catalogue before anything goes upstream, the native
/// endpoint chosen by the catalogue's flag, and reasoning kept out of a session's history.
/// </summary>
public sealed class ThinkingTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithBothProtocols().WithSetup(BackendSetup.OpenAIClientKeys);

    private const string MultimodalPath = "/api/v1/services/aigc/multimodal-generation/generation";
    private const string TextPath = "/api/v1/services/aigc/text-generation/generation";

    [Theory, MatrixData]
    public async Task Qwen36_plus_streams_reasoning_frames_then_content_frames_on_the_flask_stream(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await backend.Client.PostAsync("/api/chat/stream", Json.ChatBody("flask stream 5b1e", "qwen3.6-plus"));
        var frames = (await SseReader.ReadAllAsync(response)).SkipLast(1).Select(e => Json.Parse(e.Data)).ToList();

        var reasoningFrames = frames.TakeWhile(f => f.TryGetProperty("reasoning_content", out _)).ToList();
        Assert.NotEmpty(reasoningFrames);
        Assert.All(reasoningFrames, f => Assert.Equal("", f.GetProperty("content").GetString()));
        Assert.Equal("Thinking about: flask stream 5b1e", string.Concat(reasoningFrames.Select(f => f.GetProperty("reasoning_content").GetString())));
        var rest = frames.Skip(reasoningFrames.Count).ToList();
        Assert.All(rest, f => Assert.False(f.TryGetProperty("reasoning_content", out _)));
        Assert.Equal("You said: flask stream 5b1e", string.Concat(rest.Select(f => f.GetProperty("content").GetString())));
        Assert.Equal("stop", rest[^1].GetProperty("finish_reason").GetString());
    }

    [Theory, MatrixData]
    public async Task Qwen36_plus_sends_stream_reasoning_events_before_the_chunks_and_counts_reasoning_tokens(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await PostEventsAsync(new JsonObject { ["message"] = "typed events 77c2", ["model"] = "qwen3.6-plus" });
        var events = await TypedEvents.ReadAsync(response);

        var types = events.Select(e => e.Type).ToList();
        Assert.Equal("stream_start", types[0]);
        Assert.True(types.LastIndexOf("stream_reasoning") < types.IndexOf("stream_chunk"));
        Assert.Equal("Thinking about: typed events 77c2", string.Concat(events.Where(e => e.Type == "stream_reasoning").Select(e => e.Data.GetProperty("chunk").GetString())));
        Assert.Equal("You said: typed events 77c2", string.Concat(events.Where(e => e.Type == "stream_chunk").Select(e => e.Data.GetProperty("chunk").GetString())));
        var reasoning = events.First(e => e.Type == "stream_reasoning").Data;
        Assert.Equal(events[0].Data.GetProperty("session_id").GetString(), reasoning.GetProperty("session_id").GetString());
        Assert.Equal(events[0].Data.GetProperty("message_id").GetString(), reasoning.GetProperty("message_id").GetString());
        var usage = events[^1].Data.GetProperty("usage");
        Assert.Equal(5, usage.GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt32());
        Assert.Equal(10, usage.GetProperty("completion_tokens").GetInt32());
    }

    [Theory, MatrixData]
    public async Task Qwen36_plus_streams_reasoning_content_deltas_then_content_on_v1(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await PostV1Async(V1Body("v1 stream 3d9a", "qwen3.6-plus", stream: true));
        var deltas = (await SseReader.ReadAllAsync(response)).SkipLast(1).Select(e => Json.Parse(e.Data))
            .Where(c => c.GetProperty("choices").GetArrayLength() > 0).Select(c => c.GetProperty("choices")[0].GetProperty("delta")).ToList();

        var reasoning = deltas.Select(d => d.TryGetProperty("reasoning_content", out var r) ? r.GetString() : null).ToList();
        var content = deltas.Select(d => d.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null).ToList();
        Assert.Equal("Thinking about: v1 stream 3d9a", string.Concat(reasoning));
        Assert.Equal("You said: v1 stream 3d9a", string.Concat(content));
        Assert.True(reasoning.FindLastIndex(r => r is { Length: > 0 }) <= content.FindIndex(c => c is { Length: > 0 }));
    }

    [Theory, MatrixData]
    public async Task A_non_streaming_qwen36_plus_completion_returns_reasoning_content_and_reasoning_tokens(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var flask = await backend.Client.PostAsync("/api/chat/completions", Json.ChatBody("whole 0a4f", "qwen3.6-plus"));
        using var v1 = await PostV1Async(V1Body("whole v1 0a4f", "qwen3.6-plus"));
        var answer = await Json.ReadAsync(flask);
        var message = (await Json.ReadAsync(v1)).GetProperty("choices")[0].GetProperty("message");

        Assert.Equal(HttpStatusCode.OK, flask.StatusCode);
        Assert.Equal("You said: whole 0a4f", answer.GetProperty("content").GetString());
        Assert.Equal("Thinking about: whole 0a4f", answer.GetProperty("reasoning_content").GetString());
        Assert.Equal(4, answer.GetProperty("usage").GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt32());
        Assert.Equal("Thinking about: whole v1 0a4f", message.GetProperty("reasoning_content").GetString());
        Assert.Equal("You said: whole v1 0a4f", message.GetProperty("content").GetString());
    }

    [Theory, MatrixData]
    public async Task Qwen_plus_with_enable_thinking_true_streams_reasoning(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await PostEventsAsync(new JsonObject { ["message"] = "hybrid off 61d0", ["model"] = "qwen-plus", ["enable_thinking"] = true });
        var events = await TypedEvents.ReadAsync(response);

        Assert.Equal("Thinking about: hybrid off 61d0", string.Concat(events.Where(e => e.Type == "stream_reasoning").Select(e => e.Data.GetProperty("chunk").GetString())));
        Assert.True(Parameters(Assert.Single(backend.RequestsWith("hybrid off 61d0"))).GetProperty("enable_thinking").GetBoolean());
    }

    [Theory, MatrixData]
    public async Task Enable_thinking_false_on_qwen36_plus_sends_no_reasoning(BackendVariant on)
    {
        await backend.UseAsync(on);
        var body = new JsonObject { ["model"] = "qwen3.6-plus", ["enable_thinking"] = false, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "no thinking 9e27" }) };
        using var response = await backend.Client.PostAsync("/api/chat/stream", Json.Body(body.ToJsonString()));
        var frames = (await SseReader.ReadAllAsync(response)).SkipLast(1).Select(e => Json.Parse(e.Data)).ToList();

        Assert.All(frames, f => Assert.False(f.TryGetProperty("reasoning_content", out _)));
        Assert.Equal("You said: no thinking 9e27", string.Concat(frames.Select(f => f.GetProperty("content").GetString())));
        Assert.False(Parameters(Assert.Single(backend.RequestsWith("no thinking 9e27"))).GetProperty("enable_thinking").GetBoolean());
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "/api/chat/completions", """{"model":"qwq-plus","enable_thinking":false,"messages":[{"role":"user","content":"MARK"}]}""", "enable_thinking" },
        { "/api/chat/stream", """{"model":"qwq-plus","enable_thinking":false,"messages":[{"role":"user","content":"MARK"}]}""", "enable_thinking" },
        { "/api/chat/events", """{"model":"qwq-plus","enable_thinking":false,"message":"MARK"}""", "enable_thinking" },
        { "/v1/chat/completions", """{"model":"qwq-plus","stream":true,"enable_thinking":false,"messages":[{"role":"user","content":"MARK"}]}""", "enable_thinking" },
        { "/v1/chat/completions", """{"model":"qwq-plus","stream":true,"reasoning_effort":"none","messages":[{"role":"user","content":"MARK"}]}""", "reasoning_effort" },
        { "/api/chat/stream", """{"model":"qwen-max","thinking_budget":100,"messages":[{"role":"user","content":"MARK"}]}""", "thinking_budget" },
        { "/api/chat/events", """{"model":"qwen-max","thinking_budget":100,"message":"MARK"}""", "thinking_budget" },
        { "/v1/chat/completions", """{"model":"qwen-max","thinking_budget":100,"messages":[{"role":"user","content":"MARK"}]}""", "thinking_budget" },
        { "/api/chat/completions", """{"model":"qwen-max","enable_thinking":true,"messages":[{"role":"user","content":"MARK"}]}""", "enable_thinking" },
        { "/api/chat/stream", """{"model":"qwen-plus","thinking_budget":0,"messages":[{"role":"user","content":"MARK"}]}""", "thinking_budget" },
        { "/v1/chat/completions", """{"model":"qwen3.6-plus","enable_thinking":true,"response_format":{"type":"json_object"},"messages":[{"role":"user","content":"MARK json"}]}""", "response_format" },
        { "/v1/chat/completions", """{"model":"qwq-plus","stream":true,"response_format":{"type":"json_object"},"messages":[{"role":"user","content":"MARK json"}]}""", "response_format" },
        { "/api/chat/stream", """{"model":"qwen3.5-plus","preserve_thinking":true,"messages":[{"role":"user","content":"MARK"}]}""", "preserve_thinking" },
        { "/api/chat/completions", """{"model":"qwq-plus","messages":[{"role":"user","content":"MARK"}]}""", "model" },
        { "/v1/chat/completions", """{"model":"qwq-plus","messages":[{"role":"user","content":"MARK"}]}""", "stream" },
    };

    public static IEnumerable<object?[]> RefusalRows => Matrix.Cross(Refusals.Select(row => (object?[])row));

    [Theory, MemberData(nameof(RefusalRows))]
    public async Task A_thinking_field_the_model_cannot_honour_is_a_400_naming_it_and_nothing_goes_upstream(BackendVariant on, string route, string body, string field)
    {
        await backend.UseAsync(on);
        var marker = "refused " + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = Json.Body(body.Replace("MARK", marker, StringComparison.Ordinal)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BackendSettings.ClientKey);
        using var response = await backend.Client.SendAsync(request);
        var error = await Json.ReadAsync(response, HttpStatusCode.BadRequest);

        var named = route.StartsWith("/v1/", StringComparison.Ordinal) ? error.GetProperty("error").GetProperty("param").GetString() : error.GetProperty("field").GetString();
        Assert.Equal(field, named);
        Assert.Empty(backend.RequestsWith(marker));
    }

    [Theory, MatrixData]
    public async Task A_non_streaming_call_to_a_model_that_cannot_think_then_goes_upstream_with_thinking_off(BackendVariant on)
    {
        await backend.UseAsync(on);
        var body = new JsonObject { ["model"] = "qwen3-vl-plus", ["enable_thinking"] = true, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "vl whole 4c8b" }) };
        using var flask = await backend.Client.PostAsync("/api/chat/completions", Json.Body(body.ToJsonString()));
        using var v1 = await PostV1Async(V1Body("vl whole v1 4c8b", "qwen3-vl-plus", enableThinking: true));

        Assert.Equal(HttpStatusCode.OK, flask.StatusCode);
        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        Assert.False((await Json.ReadAsync(flask)).TryGetProperty("reasoning_content", out _));
        Assert.False(Parameters(Assert.Single(backend.RequestsWith("vl whole 4c8b"))).GetProperty("enable_thinking").GetBoolean());
        Assert.False(Parameters(Assert.Single(backend.RequestsWith("vl whole v1 4c8b"))).GetProperty("enable_thinking").GetBoolean());
    }

    [Theory, MatrixData]
    public async Task On_the_native_protocol_the_catalogue_flag_picks_the_endpoint(BackendVariant on)
    {
        await backend.UseAsync(on);
        using (await backend.Client.PostAsync("/api/chat/completions", Json.ChatBody("endpoint mm 2f70", "qwen3.6-plus")))
        using (await backend.Client.PostAsync("/api/chat/completions", Json.ChatBody("endpoint text 2f70", "qwen-plus")))
        {
        }

        var multimodal = Assert.Single(backend.RequestsWith("endpoint mm 2f70"));
        var text = Assert.Single(backend.RequestsWith("endpoint text 2f70"));
        if (on.Protocol == UpstreamProtocol.Native)
        {
            Assert.Equal(MultimodalPath, multimodal.Path);
            Assert.Equal(TextPath, text.Path);
            var content = Json.Parse(multimodal.Body).GetProperty("input").GetProperty("messages")[0].GetProperty("content");
            Assert.Equal("endpoint mm 2f70", Assert.Single(content.EnumerateArray()).GetProperty("text").GetString());
            Assert.Equal(JsonValueKind.String, Json.Parse(text.Body).GetProperty("input").GetProperty("messages")[0].GetProperty("content").ValueKind);
        }
        else
        {
            Assert.Equal("/compatible-mode/v1/chat/completions", multimodal.Path);
            Assert.Equal("/compatible-mode/v1/chat/completions", text.Path);
        }
    }

    [Theory, MatrixData]
    public async Task A_two_turn_session_on_qwen36_plus_sends_no_reasoning_upstream_in_the_second_turn(BackendVariant on)
    {
        await backend.UseAsync(on);
        var sessionId = await TurnAsync(new JsonObject { ["message"] = "first turn 8a13", ["model"] = "qwen3.6-plus" });
        await TurnAsync(new JsonObject { ["message"] = "second turn 8a13", ["model"] = "qwen3.6-plus", ["session_id"] = sessionId });

        var second = Assert.Single(backend.RequestsWith("second turn 8a13"));
        Assert.Contains(second.Messages, m => m.Role == "assistant" && m.Content == "You said: first turn 8a13");
        Assert.All(second.Messages, m => Assert.Null(m.ReasoningContent));
        Assert.DoesNotContain("reasoning_content", second.Body, StringComparison.Ordinal);
    }

    [Theory, MatrixData]
    public async Task With_preserve_thinking_the_session_keeps_the_reasoning_and_sends_it_in_the_second_turn(BackendVariant on)
    {
        await backend.UseAsync(on);
        var sessionId = await TurnAsync(new JsonObject { ["message"] = "kept turn 1c55", ["model"] = "qwen3.6-plus", ["preserve_thinking"] = true });
        await TurnAsync(new JsonObject { ["message"] = "kept again 1c55", ["model"] = "qwen3.6-plus", ["session_id"] = sessionId, ["preserve_thinking"] = true });

        var second = Assert.Single(backend.RequestsWith("kept again 1c55"));
        var earlier = Assert.Single(second.Messages, m => m.Role == "assistant");
        Assert.Equal("Thinking about: kept turn 1c55", earlier.ReasoningContent);
        Assert.True(Parameters(second).GetProperty("preserve_thinking").GetBoolean());
    }

    private async Task<string> TurnAsync(JsonObject body)
    {
        using var response = await PostEventsAsync(body);
        var events = await TypedEvents.ReadAsync(response);
        Assert.Equal("stream_end", events[^1].Type);
        return events[0].Data.GetProperty("session_id").GetString()!;
    }

    private Task<HttpResponseMessage> PostEventsAsync(JsonObject body) =>
        backend.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/chat/events") { Content = Json.Body(body.ToJsonString()) }, HttpCompletionOption.ResponseHeadersRead);

    private static JsonObject V1Body(string text, string model, bool stream = false, bool? enableThinking = null)
    {
        var body = new JsonObject { ["model"] = model, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }) };
        if (stream)
        {
            body["stream"] = true;
        }

        if (enableThinking is { } enable)
        {
            body["enable_thinking"] = enable;
        }

        return body;
    }

    private Task<HttpResponseMessage> PostV1Async(JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Json.Body(body.ToJsonString()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BackendSettings.ClientKey);
        return backend.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The generation parameters as sent upstream: top-level in compatible mode, under parameters in the native protocol.</summary>
    private static JsonElement Parameters(ReceivedChatRequest upstream)
    {
        var body = Json.Parse(upstream.Body);
        return upstream.Protocol == "native" ? body.GetProperty("parameters") : body;
    }
}
