namespace AiChat.Functions.Tests.Telemetry;

/// <summary>
/// The spans and metrics of each kind of request, as an exporter receives them, on both hosts: the self-host through
/// the in-memory exporter, the Functions worker (another process) over OTLP. Each request carries its own trace id,
/// and none of its spans may carry the message, a key or the session id.
/// </summary>
[Collection(TelemetryTestGroup.Name)]
public abstract class TelemetryTests<TBackend>(TBackend backend) : IClassFixture<TBackend> where TBackend : TelemetryBackend
{
    private static readonly double[] DurationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
    private static readonly double[] TokenBuckets = [1, 4, 16, 64, 256, 1_024, 4_096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216, 67_108_864];

    private readonly string _client = "telemetry-" + Guid.NewGuid().ToString("N");
    private readonly string _marker = "marker-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Completion_is_one_chat_client_span_with_the_GenAI_attributes_and_token_and_duration_metrics()
    {
        var spans = await CompletionTraceAsync($"hello {_marker}", HttpStatusCode.OK);
        var chat = SingleChatSpan(spans);
        var model = chat["gen_ai.request.model"];
        Assert.Equal($"chat {model}", chat.Name);
        Assert.Equal("Client", chat.Kind);
        Assert.False(chat.IsError);
        Assert.Equal(("chat", "dashscope"), (chat["gen_ai.operation.name"], chat["gen_ai.provider.name"]));
        Assert.Equal(("127.0.0.1", backend.Emulator.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), (chat["server.address"], chat["server.port"]));
        Assert.False(string.IsNullOrEmpty(chat["gen_ai.response.model"]));
        Assert.Equal("stop", chat["gen_ai.response.finish_reasons"]);
        Assert.True(int.Parse(chat["gen_ai.usage.input_tokens"]!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(int.Parse(chat["gen_ai.usage.output_tokens"]!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Null(chat["error.type"]);
        Assert.Null(chat["gen_ai.input.messages"]);
        Assert.Null(chat["gen_ai.output.messages"]);
        Assert.Contains(spans, s => s.Kind == "Client" && s.ParentSpanId == chat.SpanId);
        AssertCarriesNoSecret(spans);

        var points = await backend.Sink.PointsAsync(p =>
            Has(p, "gen_ai.client.token.usage", "gen_ai.token.type", "input", model) && Has(p, "gen_ai.client.token.usage", "gen_ai.token.type", "output", model)
            && Has(p, "gen_ai.client.operation.duration", "gen_ai.request.model", model!, model)
            && Has(p, "http.server.request.duration", "http.route", "/api/chat/completions"));
        var tokens = points.Last(p => p.Metric == "gen_ai.client.token.usage" && p["gen_ai.token.type"] == "input");
        Assert.Equal(("{token}", "chat", "dashscope"), (tokens.Unit, tokens["gen_ai.operation.name"], tokens["gen_ai.provider.name"]));
        Assert.Equal(TokenBuckets, tokens.Bounds);
        var duration = points.Last(p => p.Metric == "gen_ai.client.operation.duration" && p["gen_ai.request.model"] == model);
        Assert.Equal("s", duration.Unit);
        Assert.Equal(DurationBuckets, duration.Bounds);
        Assert.Contains(points, p => p.Metric == "http.server.request.duration" && p["http.route"] == "/api/chat/completions" && p["http.response.status_code"] == "200");
        AssertCarriesNoSecret(points);
    }

    [Fact]
    public async Task Stream_is_one_chat_span_marked_streaming_with_its_time_to_first_chunk_and_open_streams_back_to_zero()
    {
        var (response, traceId) = await SendAsync(HttpMethod.Post, "/api/chat/stream", Json.ChatBody($"hello {_marker}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await SseReader.ReadAllAsync(response);
        Assert.Equal("[DONE]", events[^1].Data);

        var spans = await TraceAsync(traceId, "POST /api/chat/stream");
        var chat = SingleChatSpan(spans);
        var model = chat["gen_ai.request.model"]!;
        Assert.Equal(("true", "stop"), (chat["gen_ai.request.stream"], chat["gen_ai.response.finish_reasons"]));
        Assert.True(double.Parse(chat["gen_ai.response.time_to_first_chunk"]!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotNull(chat["gen_ai.usage.output_tokens"]);
        AssertCarriesNoSecret(spans);

        var points = await backend.Sink.PointsAsync(p =>
            Has(p, "gen_ai.client.operation.time_to_first_chunk", "gen_ai.request.model", model, model)
            && Has(p, "aichat.upstream.active_streams", "gen_ai.request.model", model)
            && Has(p, "http.server.request.duration", "http.route", "/api/chat/stream"));
        var firstChunk = points.Last(p => p.Metric == "gen_ai.client.operation.time_to_first_chunk");
        Assert.Equal("s", firstChunk.Unit);
        Assert.Equal(DurationBuckets, firstChunk.Bounds);
        Assert.Equal(0, points.Last(p => p.Metric == "aichat.upstream.active_streams").Count);
    }

    [Fact]
    public async Task Geo_turn_has_an_execute_tool_span_per_call_a_chat_span_per_round_and_AMap_and_session_store_latency()
    {
        var (response, traceId) = await SendAsync(HttpMethod.Post, "/api/chat/events", JsonContent.Create(new { message = $"北京今天天气怎么样？ {_marker}" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await TypedEvents.ReadAsync(response);
        Assert.Equal("stream_end", events[^1].Type);
        var sessionId = events[0].Data.GetProperty("session_id").GetString()!;

        var spans = await TraceAsync(traceId, "POST /api/chat/events");
        var tool = Assert.Single(spans, s => s.Name == "execute_tool get_weather");
        Assert.Equal(("execute_tool", "get_weather", "function"), (tool["gen_ai.operation.name"], tool["gen_ai.tool.name"], tool["gen_ai.tool.type"]));
        Assert.False(string.IsNullOrEmpty(tool["gen_ai.tool.call.id"]));
        Assert.Null(tool["gen_ai.tool.call.arguments"]);
        Assert.Null(tool["gen_ai.tool.call.result"]);
        Assert.False(tool.IsError);
        Assert.Contains(spans, s => s.Kind == "Client" && s.ParentSpanId == tool.SpanId);
        Assert.True(spans.Count(s => s.Name.StartsWith("chat ", StringComparison.Ordinal)) >= 2);
        AssertCarriesNoSecret(spans, sessionId);

        var (session, sessionTrace) = await SendAsync(HttpMethod.Get, $"/api/sessions/{sessionId}", null);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var sessionSpans = await TraceAsync(sessionTrace, "GET /api/sessions/{id}");
        var server = Assert.Single(sessionSpans, s => s.Kind == "Server");
        Assert.Equal(("/api/sessions/{id}", "/api/sessions/{id}"), (server["http.route"], server["url.path"]));
        AssertCarriesNoSecret(sessionSpans, sessionId);

        var points = await backend.Sink.PointsAsync(p =>
            p.Any(x => x.Metric == "aichat.amap.request.duration" && x["aichat.amap.path"] is not null)
            && Has(p, "aichat.session_store.operation.duration", "aichat.session_store.operation", "get")
            && Has(p, "http.server.request.duration", "http.route", "/api/sessions/{id}"));
        Assert.Contains(points, p => p.Metric == "aichat.session_store.operation.duration" && p["aichat.session_store.type"] == "memory" && p.Unit == "s");
        AssertCarriesNoSecret(points, sessionId);
    }

    [Fact]
    public async Task Refused_request_has_its_429_server_span_no_chat_span_and_counts_as_a_refusal_by_its_limit()
    {
        for (var i = 0; i < TelemetryBackend.RequestsPerMinute; i++)
        {
            var (admitted, _) = await SendAsync(HttpMethod.Post, "/api/chat/completions", Json.ChatBody($"hello {_marker}"));
            Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        }

        var spans = await CompletionTraceAsync($"hello {_marker}", HttpStatusCode.TooManyRequests);
        Assert.Equal("429", Assert.Single(spans, s => s.Kind == "Server")["http.response.status_code"]);
        Assert.DoesNotContain(spans, s => s.Name.StartsWith("chat ", StringComparison.Ordinal));
        AssertCarriesNoSecret(spans);

        var points = await backend.Sink.PointsAsync(p => Has(p, "aichat.limit.refusals", "aichat.limit", "requests_per_minute"));
        Assert.True(points.Last(p => p.Metric == "aichat.limit.refusals").Count >= 1);
        AssertCarriesNoSecret(points);
    }

    [Fact]
    public async Task Upstream_failure_is_one_chat_span_across_the_retries_with_its_error_type_and_an_errored_duration()
    {
        var spans = await CompletionTraceAsync($"hello [[fault:internal-error]] {_marker}", HttpStatusCode.BadGateway);
        var chat = SingleChatSpan(spans);
        Assert.True(chat.IsError);
        var errorType = chat["error.type"];
        Assert.False(string.IsNullOrEmpty(errorType));
        // UPSTREAM_MAX_RETRIES is 3 by default: four attempts, each an HTTP span under the one chat span.
        Assert.Equal(4, spans.Count(s => s.Kind == "Client" && s.ParentSpanId == chat.SpanId));
        AssertCarriesNoSecret(spans);

        var points = await backend.Sink.PointsAsync(p => Has(p, "gen_ai.client.operation.duration", "error.type", errorType!));
        Assert.DoesNotContain(points, p => p.Metric == "gen_ai.client.token.usage" && p["error.type"] is not null);
    }

    protected TBackend Backend => backend;

    protected async Task<(HttpResponseMessage Response, string TraceId)> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-ID", _client);
        return (await backend.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead), traceId);
    }

    /// <summary>Posts <paramref name="text"/> to /api/chat/completions, checks the status, and returns the spans of its trace.</summary>
    private async Task<List<RecordedSpan>> CompletionTraceAsync(string text, HttpStatusCode expected)
    {
        var (response, traceId) = await SendAsync(HttpMethod.Post, "/api/chat/completions", Json.ChatBody(text));
        Assert.Equal(expected, response.StatusCode);
        return await TraceAsync(traceId, "POST /api/chat/completions");
    }

    private static RecordedSpan SingleChatSpan(List<RecordedSpan> spans) => Assert.Single(spans, s => s.Name.StartsWith("chat ", StringComparison.Ordinal));

    /// <summary>The spans of one trace, once its server span named <paramref name="serverSpan"/> has ended.</summary>
    protected async Task<List<RecordedSpan>> TraceAsync(string traceId, string serverSpan)
    {
        try
        {
            var spans = await backend.Sink.Spans.WaitAsync(all => all.Any(s => s.TraceId == traceId && s.Kind == "Server" && s.Name == serverSpan));
            return [.. spans.Where(s => s.TraceId == traceId)];
        }
        catch (TimeoutException e)
        {
            var seen = backend.Sink.Spans.Items.Select(s => $"{s.Kind} {s.Name}{(s.TraceId == traceId ? " (this trace)" : "")}").Distinct();
            throw new TimeoutException($"No server span {serverSpan} in trace {traceId}; spans: {string.Join("; ", seen)}", e);
        }
    }

    protected void AssertCarriesNoSecret(IEnumerable<RecordedSpan> spans, string? sessionId = null)
    {
        string[] secrets = [_marker, EmulatedBackend.ApiKey, BackendSettings.AMapKey, .. sessionId is null ? Array.Empty<string>() : [sessionId]];
        foreach (var span in spans)
        {
            foreach (var text in span.Texts)
            {
                Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
            }
        }
    }

    private void AssertCarriesNoSecret(IEnumerable<RecordedPoint> points, string? sessionId = null)
    {
        string[] secrets = [_marker, EmulatedBackend.ApiKey, BackendSettings.AMapKey, .. sessionId is null ? Array.Empty<string>() : [sessionId]];
        foreach (var value in points.SelectMany(p => p.Attributes.Values))
        {
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, value, StringComparison.Ordinal));
        }
    }

    private static bool Has(IReadOnlyList<RecordedPoint> points, string metric, string attribute, string value, string? model = null) =>
        points.Any(p => p.Metric == metric && p[attribute] == value && (model is null || p["gen_ai.request.model"] == model) && p.Count > 0
            || p.Metric == metric && metric == "aichat.upstream.active_streams" && p[attribute] == value);
}

public sealed class SelfHostTelemetryTests(SelfHostTelemetryBackend backend) : TelemetryTests<SelfHostTelemetryBackend>(backend);

public sealed class FunctionsTelemetryTests(FunctionsTelemetryBackend backend) : TelemetryTests<FunctionsTelemetryBackend>(backend)
{
    [Fact]
    public async Task Worker_logs_go_over_OTLP_with_the_trace_id_and_the_session_hash_not_the_session_id()
    {
        var (response, traceId) = await SendAsync(HttpMethod.Post, "/api/chat/events", JsonContent.Create(new { message = "你好" }));
        var events = await TypedEvents.ReadAsync(response);
        var sessionId = events[0].Data.GetProperty("session_id").GetString()!;

        var logs = await Backend.Receiver.Logs.WaitAsync(all => all.Any(l => l.TraceId == traceId && l.Attributes.ContainsKey("SessionHash")));
        var answered = logs.First(l => l.TraceId == traceId && l.Attributes.ContainsKey("SessionHash"));
        Assert.Equal(SessionIds.Hash(sessionId), answered.Attributes["SessionHash"]);
        Assert.All(logs, log => Assert.All(log.Attributes.Values.Append(log.Body), text => Assert.DoesNotContain(sessionId, text, StringComparison.Ordinal)));
    }
}
