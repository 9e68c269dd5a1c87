namespace AiChat.Functions.Tests.Telemetry;

/// <summary>The self-host configured only by OTEL_EXPORTER_OTLP_ENDPOINT, as a user would point it at a collector or the Aspire dashboard.</summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class SelfHostOtlpTests
{
    [Fact]
    public async Task Stream_spans_metrics_and_logs_reach_the_OTLP_endpoint()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });
        await using var app = AiChatApplication.Start(emulator, "/api/v1", receiver.Settings);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/chat/stream", Json.ChatBody("hello"));
        var events = await SseReader.ReadAllAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[DONE]", events[^1].Data);
        var spans = await receiver.Spans.WaitAsync(all => all.Any(s => s.Kind == "Server" && s.Name == "POST /api/chat/stream"));
        var server = spans.First(s => s.Kind == "Server" && s.Name == "POST /api/chat/stream");
        var chat = Assert.Single(spans, s => s.TraceId == server.TraceId && s.Name.StartsWith("chat ", StringComparison.Ordinal));
        Assert.Equal(("true", "dashscope"), (chat["gen_ai.request.stream"], chat["gen_ai.provider.name"]));
        await receiver.Points.WaitAsync(points =>
            points.Any(p => p.Metric == "gen_ai.client.operation.time_to_first_chunk" && p.Count > 0)
            && points.Any(p => p.Metric == "gen_ai.client.token.usage" && p.Count > 0)
            && points.Any(p => p.Metric == "http.server.request.duration" && p["http.route"] == "/api/chat/stream"));
    }
}
