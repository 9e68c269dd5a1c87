using System.Runtime.CompilerServices;
using AiChat.Core.Api;

namespace AiChat.Functions.Tests.Turns;

/// <summary>
/// A streamed turn as the typed-events surface runs it, without HTTP in the way: its events, and a failure as the
/// error event <see cref="ChatFailures"/> makes of it.
/// </summary>
public sealed class ChatTurnTests : IDisposable
{
    private static readonly IOptions<AiChatOptions> Settings = Options.Create(new AiChatOptions { DefaultModel = "qwen-plus" });

    private readonly FakeDashScopeClient _upstream = new();
    private readonly MemorySessionStore _store = new(new ManualTimeProvider(), Options.Create(new SessionOptions()));
    private readonly ChatTurn _service;

    public ChatTurnTests() =>
        _service = new ChatTurn(_upstream, new ChatSessions(_store), Settings, NullLogger<ChatTurn>.Instance);

    [Fact]
    public async Task New_conversation_yields_start_chunks_and_end_with_one_message_and_session_id()
    {
        var events = await CollectAsync(_service.StreamAsync(TurnRequests.Events("你好")));

        Assert.Equal(["stream_start", "stream_chunk", "stream_chunk", "stream_end"], events.Select(e => e.Type));
        Assert.Single(events.Select(e => (e.MessageId, e.SessionId)).Distinct());
        Assert.NotNull(events[0].SessionId);
        Assert.Equal("qwen-plus", Assert.IsType<StreamStartEvent>(events[0]).Model);
        Assert.Equal(["re: ", "你好"], events.OfType<StreamChunkEvent>().Select(c => c.Chunk));
        var end = Assert.IsType<StreamEndEvent>(events[^1]);
        Assert.Equal(("stop", new TokenUsage(7, 2, 9)), (end.FinishReason, end.Usage));
    }

    [Fact]
    public async Task Second_turn_sends_the_stored_first_turn_upstream_and_the_chosen_options()
    {
        var first = await CollectAsync(_service.StreamAsync(TurnRequests.Events("my name is Ada")));
        var sessionId = first[0].SessionId;

        await CollectAsync(_service.StreamAsync(TurnRequests.Events("what is my name?", sessionId) with { Request = new ChatRequest("qwen-max", [new ChatMessage("user", "what is my name?")]) { Temperature = 0.2 } }));

        var second = _upstream.Requests[^1];
        Assert.Equal(("qwen-max", 0.2), (second.Model, second.Temperature));
        Assert.Equal(
            [new ChatMessage("user", "my name is Ada"), new ChatMessage("assistant", "re: my name is Ada"), new ChatMessage("user", "what is my name?")],
            second.Messages);
        Assert.Equal(4, (await _store.GetAsync(sessionId!, SessionOwners.Anonymous, default))!.Count);
    }

    [Fact]
    public async Task Unknown_session_is_an_error_event_and_nothing_goes_upstream()
    {
        var events = await CollectAsync(_service.StreamAsync(TurnRequests.Events("hi", SessionIds.New())));

        var error = Assert.IsType<StreamErrorEvent>(Assert.Single(events));
        Assert.Equal((404, "session_not_found"), (error.Error.Status, error.Error.Code));
        Assert.Empty(_upstream.Requests);
    }

    [Fact]
    public async Task Upstream_failure_after_chunks_is_a_final_error_event_and_the_turn_is_not_stored()
    {
        _upstream.Stream = (_, token) => FailsAfterOneChunk(token);

        var events = await CollectAsync(_service.StreamAsync(TurnRequests.Events("hi")));

        Assert.Equal(["stream_start", "stream_chunk", "error"], events.Select(e => e.Type));
        Assert.Equal((400, "data_inspection_failed"), (((StreamErrorEvent)events[^1]).Error.Status, ((StreamErrorEvent)events[^1]).Error.Code));
        Assert.Empty((await _store.GetAsync(events[0].SessionId!, SessionOwners.Anonymous, default))!);
    }

    [Fact]
    public async Task Upstream_failure_before_it_answered_is_the_only_event()
    {
        _upstream.Stream = (_, _) => Refuses();

        var events = await CollectAsync(_service.StreamAsync(TurnRequests.Events("hi")));

        var error = Assert.IsType<StreamErrorEvent>(Assert.Single(events));
        Assert.Equal((429, "rate_limited"), (error.Error.Status, error.Error.Code));
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_an_error_event()
    {
        using var cancel = new CancellationTokenSource();
        _upstream.Stream = (_, token) => WaitsForCancellation(token);
        var events = new List<ChatStreamEvent>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var streamEvent in _service.StreamAsync(TurnRequests.Events("hi"), cancel.Token))
            {
                events.Add(streamEvent);
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(["stream_start"], events.Select(e => e.Type));
    }

    public void Dispose() => _store.Dispose();

    /// <summary>The turn's events; a failure is the last, as a stream surface sends it (before stream_start, the only one).</summary>
    [Fact]
    public async Task A_session_deleted_while_its_turn_streams_stays_deleted_when_the_turn_ends()
    {
        var first = await CollectAsync(_service.StreamAsync(TurnRequests.Events("hello")));
        var sessionId = first[0].SessionId!;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _upstream.Stream = (_, token) => WaitsAfterOneChunk(release.Task, token);

        await using var turn = _service.StreamAsync(TurnRequests.Events("still there?", sessionId)).GetAsyncEnumerator();
        while (await turn.MoveNextAsync() && turn.Current is not StreamChunkEvent)
        {
        }

        Assert.True(await _store.DeleteAsync(sessionId, SessionOwners.Anonymous, default));
        release.SetResult();
        var last = turn.Current;
        while (await turn.MoveNextAsync())
        {
            last = turn.Current;
        }

        Assert.IsType<StreamEndEvent>(last);
        Assert.Null(await _store.GetAsync(sessionId, SessionOwners.Anonymous, default));
    }

    private static async IAsyncEnumerable<ChatDelta> WaitsAfterOneChunk(Task release, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return new ChatDelta("wait ");
        await release.WaitAsync(cancellationToken);
        yield return new ChatDelta("done", "stop", new TokenUsage(1, 2, 3));
    }

    private static async Task<List<ChatStreamEvent>> CollectAsync(IAsyncEnumerable<ChatStreamEvent> events)
    {
        List<ChatStreamEvent> collected = [];
        try
        {
            await foreach (var streamEvent in events)
            {
                collected.Add(streamEvent);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = new ChatFailures(Settings, NullLogger<ChatFailures>.Instance).Describe(e, streamStarted: collected.Count > 0);
            collected.Add(new StreamErrorEvent(collected.FirstOrDefault()?.MessageId ?? "", collected.FirstOrDefault()?.SessionId, error));
        }

        return collected;
    }

    private static async IAsyncEnumerable<ChatDelta> FailsAfterOneChunk([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return new ChatDelta("partly ");
        throw new DashScopeException(400, "data_inspection_failed", "Output data may contain inappropriate content.", "r");
    }

    private static async IAsyncEnumerable<ChatDelta> Refuses()
    {
        await Task.Yield();
        throw new DashScopeException(429, "Throttling.RateQuota", "Requests rate limit exceeded, please try again later.", "r");
#pragma warning disable CS0162 // An iterator needs a yield to be one.
        yield break;
#pragma warning restore CS0162
    }

    private static async IAsyncEnumerable<ChatDelta> WaitsForCancellation([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return new ChatDelta("", null);
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }
}
