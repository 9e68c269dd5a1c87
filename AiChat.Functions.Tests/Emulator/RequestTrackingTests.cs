namespace AiChat.Functions.Tests.Emulator;

public sealed class RequestTrackingTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_streamed_answer_records_when_its_first_text_was_handed_over_and_a_whole_answer_does_not()
    {
        await using var client = await EmulatorClient.StartAsync();
        var before = Stopwatch.GetTimestamp();

        using (var stream = await client.PostCompatibleAsync(ChatBodies.Compatible("first", stream: true)))
        {
            await stream.Content.ReadAsStringAsync();
        }

        (await client.PostCompatibleAsync(ChatBodies.Compatible("second"))).Dispose();

        var requests = client.Emulator.Requests;
        Assert.InRange(requests[0].FirstTextTimestamp!.Value, before, Stopwatch.GetTimestamp());
        Assert.Null(requests[1].FirstTextTimestamp);
    }

    [Fact]
    public async Task Every_chat_request_is_recorded_in_arrival_order_with_its_shape()
    {
        await using var client = await EmulatorClient.StartAsync();
        var compatibleBody = ChatBodies.Compatible("first", stream: true, includeUsage: true, model: "qwen-flash");

        (await client.PostCompatibleAsync(compatibleBody)).Dispose();
        (await client.PostNativeAsync(ChatBodies.Native("second", incremental: true), sse: true)).Dispose();
        (await client.PostNativeAsync(ChatBodies.Native("third"), apiKey: "sk-wrong")).Dispose();
        (await client.GetModelsAsync()).Dispose();

        Assert.Equal(3, client.Emulator.ReceivedRequests);
        var requests = client.Emulator.Requests;
        Assert.Equal(["compatible", "native", "native"], requests.Select(r => r.Protocol));
        Assert.Equal("qwen-flash", requests[0].Model);
        Assert.Equal(compatibleBody, requests[0].Body);
        Assert.Equal([new EmulatedMessage("user", "first")], requests[0].Messages);
        Assert.Equal("Bearer sk-emulator", requests[0].Authorization);
        Assert.True(requests[0].Stream);
        Assert.True(requests[0].IncludeUsage);
        Assert.False(requests[0].IncrementalOutput);
        Assert.True(requests[1].Stream);
        Assert.True(requests[1].IncrementalOutput);
        Assert.False(requests[2].Stream);
        Assert.False(requests[2].IncrementalOutput);
        Assert.Equal("Bearer sk-wrong", requests[2].Authorization);
        Assert.All(requests, r => Assert.Null(r.AbortedTimestamp));
    }

    [Fact]
    public async Task Requests_are_counted_but_not_kept_when_recording_is_off()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { RecordRequests = false });

        (await client.PostCompatibleAsync(ChatBodies.Compatible("hi"))).Dispose();
        (await client.PostNativeAsync(ChatBodies.Native("hi"))).Dispose();

        Assert.Equal(2, client.Emulator.ReceivedRequests);
        Assert.Empty(client.Emulator.Requests);
    }

    [Fact]
    public async Task WaitForReceivedRequestsAsync_completes_only_once_the_count_is_reached()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var safety = new CancellationTokenSource(SafetyNet);

        var waiting = client.Emulator.WaitForReceivedRequestsAsync(2, safety.Token);
        (await client.PostCompatibleAsync(ChatBodies.Compatible("one"))).Dispose();
        var afterOne = waiting.IsCompleted;
        (await client.PostCompatibleAsync(ChatBodies.Compatible("two"))).Dispose();
        await waiting;

        Assert.False(afterOne);
        Assert.Equal(2, client.Emulator.ReceivedRequests);
    }

    [Theory]
    [InlineData("compatible")]
    [InlineData("native")]
    public async Task A_caller_leaving_mid_stream_is_counted_as_an_abort(string protocol)
    {
        await using var client = await EmulatorClient.StartAsync();
        using var safety = new CancellationTokenSource(SafetyNet);
        const string text = "keep talking [[chunk-delay-ms:30000]]";

        using var response = protocol == "compatible"
            ? await client.PostCompatibleAsync(ChatBodies.Compatible(text, stream: true), cancellationToken: safety.Token)
            : await client.PostNativeAsync(ChatBodies.Native(text), sse: true, cancellationToken: safety.Token);
        var stream = await response.Content.ReadAsStreamAsync(safety.Token);
        var buffer = new byte[4096];

        // The first event arrives on its own, long before the paced rest of the stream.
        Assert.True(await stream.ReadAsync(buffer, safety.Token) > 0);
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(safety.Token);
        var pending = stream.ReadAsync(buffer, leave.Token).AsTask();
        var left = Stopwatch.GetTimestamp();
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await client.Emulator.WaitForAbortedRequestsAsync(1, safety.Token);

        Assert.Equal(1, client.Emulator.AbortedRequests);
        Assert.InRange(client.Emulator.Requests[0].AbortedTimestamp ?? 0, left, Stopwatch.GetTimestamp());
    }

    [Fact]
    public async Task A_caller_leaving_during_a_slow_first_byte_is_counted_as_an_abort()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var safety = new CancellationTokenSource(SafetyNet);
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(safety.Token);

        var call = client.PostCompatibleAsync(ChatBodies.Compatible("hi [[fault:slow-first-byte]]"), cancellationToken: leave.Token);
        await client.Emulator.WaitForReceivedRequestsAsync(1, safety.Token);
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await client.Emulator.WaitForAbortedRequestsAsync(1, safety.Token);

        Assert.Equal(1, client.Emulator.AbortedRequests);
        Assert.NotNull(client.Emulator.Requests[0].AbortedTimestamp);
    }

    [Fact]
    public async Task A_stream_read_to_its_end_is_not_an_abort()
    {
        await using var client = await EmulatorClient.StartAsync();

        using (var response = await client.PostCompatibleAsync(ChatBodies.Compatible("hi", stream: true)))
        {
            Assert.EndsWith("data: [DONE]\n\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        (await client.PostCompatibleAsync(ChatBodies.Compatible("hi again"))).Dispose();

        Assert.Equal(0, client.Emulator.AbortedRequests);
        Assert.Null(client.Emulator.Requests[0].AbortedTimestamp);
    }
}
