namespace AiChat.Functions.Tests.Telemetry;

/// <summary>With OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true the chat span carries the messages; never the key.</summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class MessageCaptureTests
{
    [Fact]
    public async Task Chat_span_carries_the_input_and_output_messages_but_not_the_key()
    {
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });
        var sink = new InMemorySink();
        var settings = new Dictionary<string, string?> { ["OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"] = "true" };
        await using var app = AiChatApplication.Start(emulator, "/api/v1", settings, sink.AddTo);
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = app.Address };
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/completions") { Content = Json.ChatBody($"hello {marker}") };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await client.SendAsync(request);
        var answer = (await Json.ReadAsync(response)).GetProperty("content").GetString()!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spans = await sink.Spans.WaitAsync(all => all.Any(s => s.TraceId == traceId && s.Kind == "Server"));
        var chat = Assert.Single(spans, s => s.TraceId == traceId && s.Name.StartsWith("chat ", StringComparison.Ordinal));
        var input = Json.Parse(chat["gen_ai.input.messages"]!);
        Assert.Equal("user", input[input.GetArrayLength() - 1].GetProperty("role").GetString());
        Assert.Equal($"hello {marker}", input[input.GetArrayLength() - 1].GetProperty("parts")[0].GetProperty("content").GetString());
        var output = Json.Parse(chat["gen_ai.output.messages"]!)[0];
        Assert.Equal(("assistant", "stop"), (output.GetProperty("role").GetString(), output.GetProperty("finish_reason").GetString()));
        Assert.Equal(answer, output.GetProperty("parts")[0].GetProperty("content").GetString());
        Assert.All(spans.SelectMany(s => s.Texts), text => Assert.DoesNotContain(EmulatedBackend.ApiKey, text, StringComparison.Ordinal));
    }
}
