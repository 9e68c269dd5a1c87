namespace AiChat.Functions.Tests.Hosts.Api;

/// <summary>POST /api/chat/events and the session endpoints, over real sockets, against the emulator.</summary>
public sealed class TypedEventTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithProtocols(UpstreamProtocol.CompatibleMode);

    private HttpClient Client => backend.Client;

    [Theory, MatrixData]
    public async Task New_conversation_streams_start_chunks_and_end_each_named_by_type_with_ids_and_usage(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await TypedEvents.PostAsync(Client, "hello there");
        var events = await TypedEvents.ReadAsync(response);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["stream_start", "stream_chunk", "stream_chunk", "stream_chunk", "stream_chunk", "stream_end"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(e.Type, e.Data.GetProperty("type").GetString()));
        var sessionId = events[0].Data.GetProperty("session_id").GetString()!;
        var messageId = events[0].Data.GetProperty("message_id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", sessionId);
        Assert.Matches("^[0-9a-f]{32}$", messageId);
        Assert.All(events, e => Assert.Equal((sessionId, messageId), (e.Data.GetProperty("session_id").GetString(), e.Data.GetProperty("message_id").GetString())));
        Assert.Equal("qwen-plus", events[0].Data.GetProperty("model").GetString());
        Assert.Equal("You said: hello there", string.Concat(events.Where(e => e.Type == "stream_chunk").Select(e => e.Data.GetProperty("chunk").GetString())));
        var end = events[^1].Data;
        Assert.Equal("stop", end.GetProperty("finish_reason").GetString());
        Assert.Equal((2, 4, 6), Json.Tokens(end.GetProperty("usage")));
    }

    [Theory, MatrixData]
    public async Task Second_turn_sends_the_first_turn_upstream_with_the_new_message(BackendVariant on)
    {
        await backend.UseAsync(on);
        var (sessionId, firstReply) = await TypedEvents.TurnAsync(Client, "my name is Ada");
        var marker = Guid.NewGuid().ToString("N");

        var (sameSession, _) = await TypedEvents.TurnAsync(Client, $"what is my name? {marker}", sessionId);

        Assert.Equal(sessionId, sameSession);
        var upstream = Assert.Single(backend.RequestsWith(marker));
        Assert.Equal(
            [("user", "my name is Ada"), ("assistant", firstReply), ("user", $"what is my name? {marker}")],
            upstream.Messages.Select(m => (m.Role, m.Content)));
    }

    [Theory, MatrixData]
    public async Task Session_can_be_read_and_forgotten_and_is_then_unknown(BackendVariant on)
    {
        await backend.UseAsync(on);
        var (sessionId, reply) = await TypedEvents.TurnAsync(Client, "remember this");

        using var read = await Client.GetAsync($"/api/sessions/{sessionId}");
        var session = await Json.ReadAsync(read);
        using var delete = await Client.DeleteAsync($"/api/sessions/{sessionId}");
        using var readAgain = await Client.GetAsync($"/api/sessions/{sessionId}");
        using var deleteAgain = await Client.DeleteAsync($"/api/sessions/{sessionId}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(sessionId, session.GetProperty("session_id").GetString());
        Assert.Equal([("user", "remember this"), ("assistant", reply)],
            session.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!)));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readAgain.StatusCode);
        Assert.Equal("session_not_found", (await Json.ReadAsync(readAgain)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, deleteAgain.StatusCode);
    }

    [Theory]
    [MatrixData("0123456789abcdef0123456789abcdef")]
    public async Task Unknown_session_is_a_json_404_and_never_reaches_the_upstream(BackendVariant on, string sessionId)
    {
        await backend.UseAsync(on);
        var before = backend.Emulator.ReceivedRequests;

        using var events = await TypedEvents.PostAsync(Client, "hi", sessionId);
        using var completion = await Client.PostAsync("/api/chat/completions", Json.Body($$"""{"session_id":"{{sessionId}}","messages":[{"role":"user","content":"hi"}]}"""));
        using var read = await Client.GetAsync($"/api/sessions/{sessionId}");

        foreach (var response in new[] { events, completion, read })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("session_not_found", (await Json.ReadAsync(response)).GetProperty("code").GetString());
        }

        Assert.Equal(before, backend.Emulator.ReceivedRequests);
    }

    [Theory, MatrixData]
    public async Task Seed_endpoints_continue_a_session_with_their_shapes_unchanged(BackendVariant on)
    {
        await backend.UseAsync(on);
        var (sessionId, _) = await TypedEvents.TurnAsync(Client, "first");
        var completionMarker = Guid.NewGuid().ToString("N");
        var streamMarker = Guid.NewGuid().ToString("N");

        using var completion = await Client.PostAsync("/api/chat/completions",
            Json.Body($$"""{"session_id":"{{sessionId}}","messages":[{"role":"user","content":"second {{completionMarker}}"}]}"""));
        using var stream = await Client.PostAsync("/api/chat/stream",
            Json.Body($$"""{"session_id":"{{sessionId}}","messages":[{"role":"user","content":"third {{streamMarker}}"}]}"""));
        var streamEvents = await SseReader.ReadAllAsync(stream);

        Assert.Equal($"You said: second {completionMarker}", (await Json.ReadAsync(completion)).GetProperty("content").GetString());
        Assert.Equal("[DONE]", streamEvents[^1].Data);
        Assert.Equal(["first", "You said: first", $"second {completionMarker}", $"You said: second {completionMarker}", $"third {streamMarker}"],
            Assert.Single(backend.RequestsWith(streamMarker)).Messages.Select(m => m.Content));
    }

    [Theory, MatrixData]
    public async Task Seed_endpoints_without_session_id_keep_no_session(BackendVariant on)
    {
        await backend.UseAsync(on);
        var marker = Guid.NewGuid().ToString("N");
        using var first = await Client.PostAsync("/api/chat/completions", Json.ChatBody($"a {marker}"));
        using var second = await Client.PostAsync("/api/chat/completions", Json.ChatBody($"b {marker}"));

        var upstream = backend.RequestsWith(marker);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(2, upstream.Count);
        Assert.All(upstream, request => Assert.Single(request.Messages));
    }

    [Theory]
    [MatrixData("rate-limit-requests", 429, "rate_limited")]
    [MatrixData("invalid-key", 502, "upstream_auth_failed")]
    public async Task Upstream_fault_before_the_first_chunk_is_a_json_error(BackendVariant on, string fault, int status, string code)
    {
        await backend.UseAsync(on);
        using var response = await TypedEvents.PostAsync(Client, $"hi [[fault:{fault}]]");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await Json.ReadAsync(response)).GetProperty("code").GetString());
    }

    [Theory]
    [MatrixData("moderation", 400)]
    [MatrixData("cut-stream", 502)]
    public async Task Failure_mid_stream_is_a_final_error_event_and_the_turn_is_not_stored(BackendVariant on, string fault, int status)
    {
        await backend.UseAsync(on);
        var (sessionId, _) = await TypedEvents.TurnAsync(Client, "first");

        using var response = await TypedEvents.PostAsync(Client, $"one two three four five six [[fault:{fault}]] [[chunk-delay-ms:50]]", sessionId);
        var events = await TypedEvents.ReadAsync(response);
        using var read = await Client.GetAsync($"/api/sessions/{sessionId}");

        Assert.Equal("stream_start", events[0].Type);
        Assert.Contains(events, e => e.Type == "stream_chunk");
        Assert.Equal("error", events[^1].Type);
        Assert.Equal(status, events[^1].Data.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(events[^1].Data.GetProperty("error").GetString()));
        Assert.Equal(2, (await Json.ReadAsync(read)).GetProperty("messages").GetArrayLength());
    }

    [Theory, MatrixData]
    public async Task Fail_then_succeed_is_recovered_by_retry_inside_one_stream(BackendVariant on)
    {
        await backend.UseAsync(on);
        var marker = Guid.NewGuid().ToString("N");

        using var response = await TypedEvents.PostAsync(Client, $"{marker} [[fault:fail-then-succeed]]");
        var events = await TypedEvents.ReadAsync(response);

        Assert.Equal("stream_end", events[^1].Type);
        Assert.DoesNotContain(events, e => e.Type == "error");
        Assert.Equal(2, backend.RequestsWith(marker).Count);
    }

    [Theory, MatrixData]
    public async Task Client_that_disconnects_is_not_retried_for(BackendVariant on)
    {
        await backend.UseAsync(on);
        var marker = Guid.NewGuid().ToString("N");
        var abortedBefore = backend.Emulator.AbortedRequests;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var client = new CancellationTokenSource();
        var received = backend.Emulator.ReceivedRequests;
        var call = TypedEvents.PostAsync(Client, $"{marker} [[fault:slow-first-byte]]", cancellationToken: client.Token);
        while (backend.RequestsWith(marker).Count == 0)
        {
            await backend.Emulator.WaitForReceivedRequestsAsync(++received, patience.Token);
        }

        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await backend.Emulator.WaitForAbortedRequestsAsync(abortedBefore + 1, patience.Token);
        await TypedEvents.TurnAsync(Client, "a later request, served after any retry would have been sent");

        Assert.Single(backend.RequestsWith(marker));
    }

    [Theory, MatrixData]
    public async Task Missing_or_empty_message_is_a_400_naming_the_field(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var missing = await Client.PostAsync("/api/chat/events", Json.Body("""{"session_id":null}"""));
        using var empty = await Client.PostAsync("/api/chat/events", Json.Body("""{"message":""}"""));
        using var wrongSession = await Client.PostAsync("/api/chat/events", Json.Body("""{"message":"hi","session_id":5}"""));

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            [missing.StatusCode, empty.StatusCode, wrongSession.StatusCode]);
        Assert.Equal("message", (await Json.ReadAsync(missing)).GetProperty("field").GetString());
        Assert.Equal("message", (await Json.ReadAsync(empty)).GetProperty("field").GetString());
        Assert.Equal("session_id", (await Json.ReadAsync(wrongSession)).GetProperty("field").GetString());
    }

    [Theory, MatrixData]
    public async Task Usage_of_every_answer_is_logged(BackendVariant on)
    {
        await backend.UseAsync(on);
        var marker = Guid.NewGuid().ToString("N");
        var (sessionId, _) = await TypedEvents.TurnAsync(Client, marker);

        Assert.Contains(backend.App.LogLines, line => line.Contains("tokens 1 prompt + 3 completion = 4", StringComparison.Ordinal) && line.Contains(SessionIds.Hash(sessionId), StringComparison.Ordinal));
        Assert.DoesNotContain(backend.App.LogLines, line => line.Contains(sessionId, StringComparison.Ordinal));
    }
}
