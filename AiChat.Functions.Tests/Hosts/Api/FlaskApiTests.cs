namespace AiChat.Functions.Tests.Hosts.Api;

/// <summary>
/// The Flask seed's four endpoints over real sockets, against the emulator, once per DashScope protocol:
/// a frontend written for the seed must see the same shapes whichever protocol the server speaks upstream.
/// </summary>
public sealed class FlaskApiTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithBothProtocols();

    public static BackendMatrix NativeMatrix => BackendMatrix.EveryHost;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private HttpClient Client => backend.Client;

    [Theory, MatrixData]
    public async Task Health_answers_the_seed_shape_and_names_the_upstream_protocol(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await Client.GetAsync("/health");
        var body = await Json.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("Backend service is running", body.GetProperty("message").GetString());
        Assert.Equal(backend.BasePath == "/api/v1" ? "native" : "compatible-mode", body.GetProperty("upstream").GetProperty("protocol").GetString());
    }

    [Theory, MatrixData]
    public async Task Models_lists_the_seed_models_with_the_seed_fields(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await Client.GetAsync("/api/models");
        var models = (await Json.ReadAsync(response)).GetProperty("models").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Subset(models.Select(m => m.GetProperty("id").GetString()).ToHashSet(), new HashSet<string?> { "qwen-turbo", "qwen-plus", "qwen-max", "qwen-max-longcontext" });
        Assert.All(models, m =>
        {
            Assert.False(string.IsNullOrEmpty(m.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(m.GetProperty("description").GetString()));
            Assert.Equal("Alibaba", m.GetProperty("provider").GetString());
            Assert.True(m.GetProperty("maxTokens").GetInt32() > 0);
        });
    }

    [Theory, MatrixData]
    public async Task Completions_answers_the_seed_shape_with_the_upstream_reply_and_usage(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await Client.PostAsync("/api/chat/completions", Json.ChatBody("hello there world", "qwen-turbo"));
        var body = await Json.ReadAsync(response, HttpStatusCode.OK);

        Assert.False(string.IsNullOrEmpty(body.GetProperty("id").GetString()));
        Assert.Equal("You said: hello there world", body.GetProperty("content").GetString());
        Assert.Equal("qwen-turbo", body.GetProperty("model").GetString());
        Assert.Equal((3, 5, 8), Json.Tokens(body.GetProperty("usage")));
    }

    [Theory, MatrixData]
    public async Task Stream_sends_seed_events_in_order_and_ends_with_done(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await PostStreamAsync("hello there world");
        var events = await SseReader.ReadAllAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events.SkipLast(1).Select(e => Json.Parse(e.Data)).ToList();
        Assert.Equal(["You ", "said: ", "hello ", "there ", "world"], chunks.Select(c => c.GetProperty("content").GetString()).Where(c => c!.Length > 0));
        Assert.All(chunks.SkipLast(1), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("finish_reason").ValueKind));
        Assert.Equal("stop", chunks[^1].GetProperty("finish_reason").GetString());
    }

    [Theory, MatrixData]
    public async Task Chinese_text_travels_as_utf8_not_as_escapes(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var completion = await Client.PostAsync("/api/chat/completions", Json.ChatBody("你好"));
        using var stream = await PostStreamAsync("你好");

        Assert.Contains("You said: 你好", await completion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"content\":\"你好\"", await stream.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MatrixData]
    public async Task Stream_relays_each_event_as_the_upstream_paces_it_rather_than_at_the_end(BackendVariant on)
    {
        await backend.UseAsync(on);
        const int PaceMs = 300;
        using var response = await PostStreamAsync($"one two three four [[chunk-delay-ms:{PaceMs}]]");
        var events = await SseReader.ReadAllAsync(response);

        var content = events.Where(e => e.Data != "[DONE]" && Json.Parse(e.Data).GetProperty("content").GetString()!.Length > 0).ToList();
        Assert.Equal(6, content.Count);
        var gaps = content.Zip(content.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.Timestamp, b.Timestamp)).Order().ToList();
        // Buffering bunches every event; a scheduling stall on a busy machine bunches two at most, so judge the median gap.
        Assert.True(gaps[gaps.Count / 2] > TimeSpan.FromMilliseconds(PaceMs / 2),
            $"events arrived {string.Join(", ", gaps.Select(gap => $"{gap.TotalMilliseconds:0}"))} ms apart: the stream was buffered");
    }

    [Theory, MatrixData]
    public async Task Stream_client_disconnect_aborts_the_upstream_request(BackendVariant on)
    {
        await backend.UseAsync(on);
        var abortedBefore = backend.Emulator.AbortedRequests;
        using (var response = await PostStreamAsync("a slow answer that the reader abandons [[chunk-delay-ms:2000]]"))
        {
            await using var events = SseReader.ReadAsync(response).GetAsyncEnumerator();
            Assert.True(await events.MoveNextAsync());
        }

        using var patience = new CancellationTokenSource(Patience);
        await backend.Emulator.WaitForAbortedRequestsAsync(abortedBefore + 1, patience.Token);
    }

    [Theory, MatrixData]
    public async Task Completions_client_disconnect_aborts_the_upstream_request(BackendVariant on)
    {
        await backend.UseAsync(on);
        var receivedBefore = backend.Emulator.ReceivedRequests;
        var abortedBefore = backend.Emulator.AbortedRequests;
        using var client = new CancellationTokenSource();
        var call = Client.PostAsync("/api/chat/completions", Json.ChatBody("never mind [[fault:slow-first-byte]]"), client.Token);

        using var patience = new CancellationTokenSource(Patience);
        await backend.Emulator.WaitForReceivedRequestsAsync(receivedBefore + 1, patience.Token);
        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await backend.Emulator.WaitForAbortedRequestsAsync(abortedBefore + 1, patience.Token);
    }

    [Theory]
    [MatrixData("invalid-key", 502, "upstream_auth_failed")]
    [MatrixData("rate-limit-requests", 429, "rate_limited")]
    [MatrixData("rate-limit-tokens", 429, "rate_limited")]
    [MatrixData("rate-limit-burst", 429, "rate_limited")]
    [MatrixData("internal-error", 502, "upstream_error")]
    [MatrixData("model-unavailable", 503, "model_unavailable")]
    [MatrixData("cut-stream", 502, "upstream_unreachable")]
    public async Task Completions_upstream_fault_is_mapped_to_a_json_error(BackendVariant on, string fault, int status, string code)
    {
        await backend.UseAsync(on);
        using var response = await Client.PostAsync("/api/chat/completions", Json.ChatBody($"hi [[fault:{fault}]]"));
        await AssertJsonErrorAsync(response, status, code);
    }

    [Theory]
    [MatrixData("invalid-key", 502, "upstream_auth_failed")]
    [MatrixData("rate-limit-requests", 429, "rate_limited")]
    [MatrixData("internal-error", 502, "upstream_error")]
    [MatrixData("model-unavailable", 503, "model_unavailable")]
    public async Task Stream_upstream_fault_before_the_first_event_is_a_json_error_not_a_stream(BackendVariant on, string fault, int status, string code)
    {
        await backend.UseAsync(on);
        using var response = await PostStreamAsync($"hi [[fault:{fault}]]");
        await AssertJsonErrorAsync(response, status, code);
    }

    [Theory, MatrixData]
    public async Task Rate_limit_answer_says_when_to_retry(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await Client.PostAsync("/api/chat/completions", Json.ChatBody("hi [[fault:rate-limit-requests]]"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Theory, MatrixData]
    public async Task Completions_moderation_refusal_is_a_400_with_the_upstream_message(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await Client.PostAsync("/api/chat/completions", Json.ChatBody("hi [[fault:moderation]]"));
        var body = await Json.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Contains("inappropriate", body.GetProperty("error").GetString());
    }

    [Theory]
    [MatrixData("moderation", 400)]
    [MatrixData("cut-stream", 502)]
    public async Task Stream_failure_after_events_started_is_a_final_error_event_then_done(BackendVariant on, string fault, int status)
    {
        await backend.UseAsync(on);
        // Paced, so the events before the failure reach the server before the upstream connection is cut.
        using var response = await PostStreamAsync($"one two three four five six seven eight [[fault:{fault}]] [[chunk-delay-ms:50]]");
        var events = await SseReader.ReadAllAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[DONE]", events[^1].Data);
        var error = Json.Parse(events[^2].Data);
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetString()));
        Assert.Contains(events.SkipLast(2), e => Json.Parse(e.Data).GetProperty("content").GetString()!.Length > 0);
    }

    [Theory]
    [MatrixData("/api/chat/completions")]
    [MatrixData("/api/chat/stream")]
    public async Task Model_the_upstream_does_not_know_is_a_400_naming_the_model(BackendVariant on, string path)
    {
        await backend.UseAsync(on);
        using var response = await Client.PostAsync(path, Json.ChatBody("hi", "qwen-max-longcontext"));
        var body = await AssertJsonErrorAsync(response, 400, "model_not_found");

        Assert.Equal("model", body.GetProperty("field").GetString());
    }

    [Theory]
    [MatrixData("/api/chat/completions")]
    [MatrixData("/api/chat/stream")]
    public async Task Fail_then_succeed_fault_is_recovered_by_a_retry(BackendVariant on, string path)
    {
        await backend.UseAsync(on);
        var marker = Guid.NewGuid().ToString("N");

        using var response = await Client.PostAsync(path, Json.ChatBody($"flaky {marker} [[fault:fail-then-succeed]]"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(marker, body, StringComparison.Ordinal);
        Assert.Equal(2, backend.RequestsWith(marker).Count);
        Assert.Contains(backend.App.LogLines, line => line.Contains("Retrying the upstream call (1 of 3)", StringComparison.Ordinal));
    }

    [Theory, MatrixData]
    public async Task Transient_fault_that_persists_is_retried_three_times_then_mapped(BackendVariant on)
    {
        await backend.UseAsync(on);
        var marker = Guid.NewGuid().ToString("N");

        using var response = await Client.PostAsync("/api/chat/completions", Json.ChatBody($"{marker} [[fault:model-unavailable]]"));

        await AssertJsonErrorAsync(response, 503, "model_unavailable");
        Assert.Equal(4, backend.RequestsWith(marker).Count);
    }

    [Theory]
    [MatrixData("invalid-key")]
    [MatrixData("unknown-model")]
    [MatrixData("moderation")]
    public async Task Fault_that_is_not_transient_is_not_retried(BackendVariant on, string fault)
    {
        await backend.UseAsync(on);
        var marker = Guid.NewGuid().ToString("N");

        using var response = await Client.PostAsync("/api/chat/completions", Json.ChatBody($"{marker} [[fault:{fault}]]"));

        Assert.False(response.IsSuccessStatusCode);
        Assert.Single(backend.RequestsWith(marker));
    }

    [Theory, MatrixData]
    public async Task Upstream_receives_the_messages_sampling_settings_and_key(BackendVariant on)
    {
        await backend.UseAsync(on);
        var marker = Guid.NewGuid().ToString("N");
        var body = $$"""
            {"model":"qwen-max","temperature":0.3,"top_p":0.8,"max_tokens":100,
             "messages":[{"role":"system","content":"be brief"},{"role":"user","content":"{{marker}}"}]}
            """;
        using var response = await Client.PostAsync("/api/chat/completions", Json.Body(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var received = backend.Emulator.Requests.Single(r => r.Messages.Any(m => m.Content == marker));
        Assert.Equal("qwen-max", received.Model);
        Assert.Equal([("system", "be brief"), ("user", marker)], received.Messages.Select(m => (m.Role, m.Content)));
        Assert.Equal($"Bearer {EmulatedBackend.ApiKey}", received.Authorization);
        var sent = Json.Parse(received.Body);
        var sampling = backend.BasePath == "/api/v1" ? sent.GetProperty("parameters") : sent;
        Assert.Equal(0.3, sampling.GetProperty("temperature").GetDouble());
        Assert.Equal(0.8, sampling.GetProperty("top_p").GetDouble());
        Assert.Equal(100, sampling.GetProperty("max_tokens").GetInt32());
    }

    [Theory, MatrixData]
    public async Task Stream_asks_the_upstream_for_incremental_output_and_usage(BackendVariant on)
    {
        await backend.UseAsync(on);
        var marker = Guid.NewGuid().ToString("N");
        using var response = await PostStreamAsync(marker);
        await SseReader.ReadAllAsync(response);

        var received = backend.Emulator.Requests.Single(r => r.Messages.Any(m => m.Content == marker));
        Assert.True(received.Stream);
        if (backend.BasePath == "/api/v1")
        {
            Assert.True(received.IncrementalOutput);
        }
        else
        {
            Assert.True(received.IncludeUsage);
        }
    }

    // The native protocol's own ways of failing a stream, on top of every other test.
    [Theory]
    [MatrixData("frame", Matrix = nameof(NativeMatrix))]
    [MatrixData("sse", Matrix = nameof(NativeMatrix))]
    [MatrixData("json", Matrix = nameof(NativeMatrix))]
    public async Task Each_shape_of_a_failed_native_stream_is_mapped_to_the_same_error(BackendVariant on, string shape)
    {
        await backend.UseAsync(on);
        using var response = await PostStreamAsync($"hi [[fault:rate-limit-requests]] [[native-stream-error:{shape}]]");
        await AssertJsonErrorAsync(response, 429, "rate_limited");
    }

    private Task<HttpResponseMessage> PostStreamAsync(string message, string? model = null) =>
        Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = Json.ChatBody(message, model) }, HttpCompletionOption.ResponseHeadersRead);

    private static async Task<JsonElement> AssertJsonErrorAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await Json.ReadAsync(response);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
        Assert.DoesNotContain(EmulatedBackend.ApiKey, body.GetRawText(), StringComparison.Ordinal);
        return body;
    }
}
