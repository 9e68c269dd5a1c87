namespace AiChat.Functions.Tests.Emulator;

public sealed class StreamFaultTests
{
    // Six pieces: "You ", "said: ", "one ", "two ", "three ", "four"; a broken stream sends three of them.
    private const string SixPieces = "one two three four";

    // Timers may fire a little before a Stopwatch says the full delay has passed.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_cut_compatible_stream_breaks_the_connection_after_half_the_content_with_no_terminal_frame()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible($"{SixPieces} [[fault:cut-stream]]", stream: true));
        var (text, frames, broken) = await EmulatorClient.ReadUntilEndOrBreakAsync(response);

        Assert.True(broken);
        Assert.Equal(4, frames.Length);
        Assert.Contains("\"content\":\"said: \"", frames[2], StringComparison.Ordinal);
        Assert.Contains("\"content\":\"one \"", frames[3], StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"stop\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_native_stream_breaks_the_connection_after_half_the_events()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native($"{SixPieces} [[fault:cut-stream]]"), sse: true);
        var (text, frames, broken) = await EmulatorClient.ReadUntilEndOrBreakAsync(response);

        Assert.True(broken);
        Assert.Equal(3, frames.Length);
        Assert.StartsWith("id:3\nevent:result\n", frames[2], StringComparison.Ordinal);
        Assert.DoesNotContain("\"stop\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_whole_reply_breaks_the_connection_before_any_response()
    {
        await using var client = await EmulatorClient.StartAsync();

        await Assert.ThrowsAsync<HttpRequestException>(
            () => client.PostCompatibleAsync(ChatBodies.Compatible("hi [[fault:cut-stream]]")));
    }

    [Fact]
    public async Task A_cut_the_emulator_made_itself_is_not_counted_as_an_abort()
    {
        await using var client = await EmulatorClient.StartAsync();

        using (var cut = await client.PostCompatibleAsync(ChatBodies.Compatible("hi [[fault:cut-stream]]", stream: true)))
        {
            Assert.True((await EmulatorClient.ReadUntilEndOrBreakAsync(cut)).Broken);
        }

        using var after = await client.PostCompatibleAsync(ChatBodies.Compatible("still there?"));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(2, client.Emulator.ReceivedRequests);
        Assert.Equal(0, client.Emulator.AbortedRequests);
    }

    [Fact]
    public async Task Compatible_moderation_ends_the_stream_with_an_error_frame_and_no_done()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible($"{SixPieces} [[fault:moderation]]", stream: true));
        var (text, frames, broken) = await EmulatorClient.ReadUntilEndOrBreakAsync(response);

        Assert.False(broken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, frames.Length);
        Assert.Contains("\"content\":\"one \"", frames[3], StringComparison.Ordinal);
        Assert.Equal(
            """data: {"error":{"code":"data_inspection_failed","type":"data_inspection_failed","message":"Output data may contain inappropriate content."}}""",
            frames[4]);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Native_moderation_ends_the_stream_with_an_error_event_carrying_400()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostNativeAsync(ChatBodies.Native($"{SixPieces} [[fault:moderation]]"), sse: true);
        var (_, frames, broken) = await EmulatorClient.ReadUntilEndOrBreakAsync(response);

        Assert.False(broken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requestId = response.Headers.GetValues("X-Request-ID").Single();
        Assert.Equal(4, frames.Length);
        Assert.Equal(
            $$"""id:4{{"\n"}}event:error{{"\n"}}:HTTP_STATUS/400{{"\n"}}data:{"code":"DataInspectionFailed","message":"Output data may contain inappropriate content.","request_id":"{{requestId}}"}""",
            frames[3]);
    }

    [Fact]
    public async Task Slow_first_byte_holds_the_headers_back_then_answers_normally()
    {
        var delay = TimeSpan.FromMilliseconds(300);
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { SlowFirstByteDelay = delay });

        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostNativeAsync(ChatBodies.Native("hi [[fault:slow-first-byte]]"));
        var waited = Stopwatch.GetElapsedTime(started);

        Assert.True(waited >= delay - TimerSlack, $"headers came after {waited}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"content\":\"You said: hi\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chunk_delay_directive_paces_every_event()
    {
        await using var client = await EmulatorClient.StartAsync();

        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostCompatibleAsync(ChatBodies.Compatible("a b [[chunk-delay-ms:40]]", stream: true));
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);

        // Seven frames (role, four pieces, stop, [DONE]) leave six pauses.
        Assert.Equal(7, EmulatorClient.Frames(body).Length);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(240) - TimerSlack, $"stream took {elapsed}");
    }

    [Fact]
    public async Task The_chunk_delay_option_paces_every_event()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { ChunkDelay = TimeSpan.FromMilliseconds(40) });

        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostNativeAsync(ChatBodies.Native("a b"), sse: true);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);

        // Five events (four pieces, stop) leave four pauses.
        Assert.Equal(5, EmulatorClient.Frames(body).Length);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(160) - TimerSlack, $"stream took {elapsed}");
    }
}
