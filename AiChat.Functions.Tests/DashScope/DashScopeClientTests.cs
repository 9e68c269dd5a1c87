namespace AiChat.Functions.Tests.DashScope;

/// <summary>The wrapper fed DashScope's recorded frames (docs/dashscope-streams.md), for each protocol and each way a stream can end.</summary>
public sealed class DashScopeClientTests
{
    private static readonly ChatRequest Request = new("qwen-plus", [new ChatMessage("user", "who are you?")]);

    [Fact]
    public async Task Compatible_stream_yields_each_delta_then_usage_and_stops_at_done()
    {
        var deltas = await StreamAsync(CompatibleClient(HttpStatusCode.OK, ContractFrames.CompatibleStream));

        Assert.Equal("I am Qwen.", string.Concat(deltas.Select(d => d.Content)));
        Assert.Equal("stop", deltas.Single(d => d.FinishReason is not null).FinishReason);
        Assert.Equal(new TokenUsage(22, 17, 39), deltas[^1].Usage);
    }

    [Fact]
    public async Task Native_stream_yields_each_delta_with_null_spelled_as_a_string_read_as_no_finish()
    {
        var deltas = await StreamAsync(NativeClient(HttpStatusCode.OK, ContractFrames.NativeStream));

        Assert.Equal(["I am", " Qwen.", ""], deltas.Select(d => d.Content));
        Assert.Equal([null, null, "stop"], deltas.Select(d => d.FinishReason));
        Assert.Equal(new TokenUsage(26, 3, 29), deltas[^1].Usage);
    }

    [Fact]
    public async Task Compatible_error_frame_mid_stream_throws_after_the_deltas_before_it()
    {
        var client = CompatibleClient(HttpStatusCode.OK, ContractFrames.CompatibleStreamWithModeration);
        List<ChatDelta> seen = [];

        var error = await Assert.ThrowsAsync<DashScopeException>(async () =>
        {
            await foreach (var delta in client.StreamAsync(Request, CancellationToken.None))
            {
                seen.Add(delta);
            }
        });

        Assert.Equal("I am", Assert.Single(seen).Content);
        Assert.Equal((400, "data_inspection_failed", "rq-9"), (error.StatusCode, error.Code, error.RequestId));
    }

    public static TheoryData<HttpStatusCode, string, string> FailedNativeStreams => new()
    {
        // HTTP 200 with an event:error frame; the status is inferred from the code.
        { HttpStatusCode.OK, ContractFrames.NativeErrorFrame, "text/event-stream" },
        // The error status with the same SSE body.
        { HttpStatusCode.BadRequest, ContractFrames.NativeErrorFrame, "text/event-stream" },
        // The error status with a JSON body, labelled as an event stream.
        { HttpStatusCode.BadRequest, """{"code":"InvalidParameter","message":"Role must be user or assistant and Content length must be greater than 0","request_id":"rq-1"}""", "text/event-stream" },
    };

    [Theory]
    [MemberData(nameof(FailedNativeStreams))]
    public async Task Each_shape_of_a_failed_native_stream_throws_the_same_exception(HttpStatusCode status, string body, string contentType)
    {
        var error = await Assert.ThrowsAsync<DashScopeException>(() => StreamAsync(NativeClient(status, body, contentType)));

        Assert.Equal((400, "InvalidParameter", "rq-1"), (error.StatusCode, error.Code, error.RequestId));
        Assert.StartsWith("Role must be user or assistant", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data: {\"choices\":[{\"finish_reason\":null,\"delta\":{\"content\":\"I am\"}}]}\n\n")]
    [InlineData("")]
    public async Task Stream_that_ends_before_a_finish_reason_throws_truncated(string body)
    {
        var error = await Assert.ThrowsAsync<DashScopeException>(() => StreamAsync(CompatibleClient(HttpStatusCode.OK, body)));

        Assert.Equal((502, "stream_truncated"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Compatible_completion_reads_content_usage_and_the_request_id_inside_the_id()
    {
        var answer = await CompatibleClient(HttpStatusCode.OK, ContractFrames.CompatibleCompletion, "application/json").CompleteAsync(Request, CancellationToken.None);

        Assert.Equal(new ChatCompletion("63414f89-e97d-9449-8f3c-1e72cf1f6e40", "I am Qwen.", "qwen-plus", "stop", new TokenUsage(11, 65, 76)), answer);
    }

    [Theory]
    [InlineData(ContractFrames.NativeCompletion)]
    [InlineData(ContractFrames.NativeTextCompletion)]
    public async Task Native_completion_reads_both_result_formats(string body)
    {
        var answer = await NativeClient(HttpStatusCode.OK, body, "application/json").CompleteAsync(Request, CancellationToken.None);

        Assert.Equal("1+1 等于 2。", answer.Content);
        Assert.Equal("stop", answer.FinishReason);
        Assert.Equal(new TokenUsage(8, 39, 47), answer.Usage);
    }

    [Theory]
    [InlineData(ContractFrames.CompatibleError, 401, "invalid_api_key", "rq-3")]
    [InlineData(ContractFrames.NativeFlatError, 401, "InvalidApiKey", "rq-2")]
    [InlineData("""{"error":{"message":"boom","type":"internal_error","code":"internal_error"}}""", 500, "internal_error", "header-request-id")]
    public async Task Failed_completion_throws_with_status_code_and_request_id(string body, int status, string code, string requestId)
    {
        var client = CompatibleClient((HttpStatusCode)status, body, "application/json");

        var error = await Assert.ThrowsAsync<DashScopeException>(() => client.CompleteAsync(Request, CancellationToken.None));

        Assert.Equal((status, code, requestId), (error.StatusCode, error.Code, error.RequestId));
    }

    [Fact]
    public async Task Compatible_stream_request_asks_for_usage_and_native_stream_request_for_sse_and_increments()
    {
        var compatible = new StubHandler(HttpStatusCode.OK, ContractFrames.CompatibleStream);
        var native = new StubHandler(HttpStatusCode.OK, ContractFrames.NativeStream);
        await StreamAsync(Client(compatible, "https://dashscope.aliyuncs.com/compatible-mode/v1"));
        await StreamAsync(Client(native, "https://dashscope.aliyuncs.com/api/v1"));

        var (compatibleRequest, compatibleBody) = compatible.Requests.Single();
        Assert.Equal("https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions", compatibleRequest.RequestUri!.AbsoluteUri);
        Assert.Contains("\"stream_options\":{\"include_usage\":true}", compatibleBody, StringComparison.Ordinal);
        var (nativeRequest, nativeBody) = native.Requests.Single();
        Assert.Equal("https://dashscope.aliyuncs.com/api/v1/services/aigc/text-generation/generation", nativeRequest.RequestUri!.AbsoluteUri);
        Assert.Equal("enable", nativeRequest.Headers.GetValues("X-DashScope-SSE").Single());
        Assert.Contains("\"incremental_output\":true", nativeBody, StringComparison.Ordinal);
    }

    private static async Task<List<ChatDelta>> StreamAsync(DashScopeClient client)
    {
        List<ChatDelta> deltas = [];
        await foreach (var delta in client.StreamAsync(Request, CancellationToken.None))
        {
            deltas.Add(delta);
        }

        return deltas;
    }

    private static DashScopeClient CompatibleClient(HttpStatusCode status, string body, string contentType = "text/event-stream") =>
        Client(new StubHandler(status, body, contentType), "https://dashscope.aliyuncs.com/compatible-mode/v1");

    private static DashScopeClient NativeClient(HttpStatusCode status, string body, string contentType = "text/event-stream") =>
        Client(new StubHandler(status, body, contentType), "https://dashscope.aliyuncs.com/api/v1");

    private static DashScopeClient Client(HttpMessageHandler handler, string baseUrl)
    {
        var options = new AiChatOptions { BaseUrl = baseUrl };
        IDashScopeProtocol protocol = options.Protocol == DashScopeProtocol.CompatibleMode
            ? new CompatibleModeProtocol(new Uri(baseUrl))
            : new NativeProtocol(new Uri(baseUrl));
        return new DashScopeClient(new HttpClient(handler), protocol, Options.Create(options), new ConfiguredKeySource(Options.Create(options)));
    }
}
