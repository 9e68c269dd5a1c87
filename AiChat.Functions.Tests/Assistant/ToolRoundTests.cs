using System.Runtime.CompilerServices;
using AiChat.Core.Assistant;
using AiChat.Functions.Tests.Turns;

namespace AiChat.Functions.Tests.Assistant;

/// <summary>One tool round's events and answers, with a scripted upstream: order, concurrency, unknown tools, repeats, timeouts.</summary>
public sealed class ToolRoundTests : IDisposable
{
    private readonly FakeDashScopeClient _upstream = new();
    private readonly FakeGeoTools _geo = new();
    private readonly MemorySessionStore _store = new(new ManualTimeProvider(), Options.Create(new SessionOptions()));

    [Fact]
    public async Task Calls_start_in_order_run_concurrently_and_report_as_each_finishes_with_its_own_events_after_it()
    {
        var releaseWeather = new TaskCompletionSource();
        _geo.Delay = (call, token) => call.Name == "get_weather" ? releaseWeather.Task.WaitAsync(token) : Task.CompletedTask;
        _upstream.Stream = (request, token) => request.Messages[^1].Role == "tool"
            ? Answer(token)
            : Calls(token, new ToolCallFragment(0, "call_w", "get_weather", "{\"city\":\"北京市\"}"), new ToolCallFragment(1, "call_s", "search_places", "{\"keywords\":\"咖啡\"}"));
        var events = new List<ChatStreamEvent>();

        await foreach (var streamEvent in Service().StreamAsync(TurnRequests.Events("北京天气和咖啡馆")))
        {
            events.Add(streamEvent);
            if (streamEvent is GeoStreamEvent { Type: "map_action" } && events.OfType<GeoStreamEvent>().Count() == 2)
            {
                releaseWeather.SetResult();
            }
        }

        Assert.Equal(
            ["stream_start", "tool_status:call_w:started", "tool_status:call_s:started", "tool_status:call_s:succeeded", "map_action", "map_action", "tool_status:call_w:succeeded", "geo_card", "stream_chunk", "stream_end"],
            events.Select(e => e is ToolStatusEvent s ? $"tool_status:{s.CallId}:{s.Status}" : e.Type));
        var answers = _upstream.Requests[1].Messages.Where(m => m.Role == "tool").Select(m => m.ToolCallId);
        Assert.Equal(["call_w", "call_s"], answers);
    }

    [Fact]
    public async Task Unknown_tools_fail_at_once_with_their_name_or_a_question_mark_and_are_answered_unknown_tool()
    {
        _upstream.Stream = (request, token) => request.Messages[^1].Role == "tool"
            ? Answer(token)
            : Calls(token, new ToolCallFragment(0, "call_a", "delete_everything", "{}"), new ToolCallFragment(1, "call_b", "rm -rf /", "{}"));

        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("hi")));

        Assert.Equal(
            [("delete_everything", "started", null), ("delete_everything", "failed", "unknown_tool"), ("?", "started", null), ("?", "failed", "unknown_tool")],
            events.OfType<ToolStatusEvent>().Select(s => (s.Tool, s.Status, s.ErrorCode)));
        Assert.Empty(_geo.Calls);
        Assert.All(_upstream.Requests[1].Messages.Where(m => m.Role == "tool"), m => Assert.Contains("\"error\":\"unknown_tool\"", m.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_call_in_a_turn_is_answered_from_the_first_result_without_new_map_or_card_events()
    {
        var round = 0;
        _upstream.Stream = (request, token) => ++round <= 2
            ? Calls(token, new ToolCallFragment(0, $"call_{round}", "get_weather", round == 1 ? "{\"city\":\"北京市\"}" : "{ \"city\" : \"北京市\" }"))
            : Answer(token);

        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("北京天气")));

        Assert.Equal(["tool_status", "tool_status", "geo_card", "tool_status", "tool_status"], events.Skip(1).Take(5).Select(e => e.Type));
        Assert.Single(_geo.Calls);
        Assert.Equal(_upstream.Requests[1].Messages[^1].Content, _upstream.Requests[2].Messages[^1].Content);
    }

    [Fact]
    public async Task A_tool_still_running_at_its_timeout_fails_with_timeout_and_the_turn_goes_on()
    {
        _geo.Delay = (_, token) => Task.Delay(Timeout.InfiniteTimeSpan, token);
        _upstream.Stream = (request, token) => request.Messages[^1].Role == "tool" ? Answer(token) : Calls(token, new ToolCallFragment(0, "call_t", "get_weather", "{\"city\":\"北京市\"}"));

        var events = await CollectAsync(Service(new ToolLoopLimits { ToolTimeout = TimeSpan.FromMilliseconds(50) }).StreamAsync(TurnRequests.Events("北京天气")));

        Assert.Equal(("failed", "timeout"), events.OfType<ToolStatusEvent>().Select(s => (s.Status, s.ErrorCode)).Last());
        Assert.Contains("\"error\":\"timeout\"", _upstream.Requests[1].Messages[^1].Content, StringComparison.Ordinal);
        Assert.Equal("stream_end", events[^1].Type);
    }

    [Fact]
    public async Task A_tool_that_throws_fails_with_provider_error_and_the_turn_goes_on()
    {
        _geo.Delay = (_, _) => throw new InvalidOperationException("a bug in the tool");
        _upstream.Stream = (request, token) => request.Messages[^1].Role == "tool" ? Answer(token) : Calls(token, new ToolCallFragment(0, "call_b", "get_weather", "{\"city\":\"北京市\"}"));

        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("北京天气")));

        Assert.Equal(("failed", "provider_error"), events.OfType<ToolStatusEvent>().Select(s => (s.Status, s.ErrorCode)).Last());
        Assert.Equal("""{"error":"provider_error","message":"地图服务暂时不可用"}""", _upstream.Requests[1].Messages[^1].Content);
        Assert.Equal("stream_end", events[^1].Type);
    }

    [Fact]
    public async Task Calls_returned_by_the_final_call_are_neither_run_nor_stored()
    {
        _upstream.Stream = (request, token) => Calls(token, new ToolCallFragment(0, "call_" + request.Messages.Count, "get_weather", "{\"city\":\"北京市\"}"));

        var events = await CollectAsync(Service(new ToolLoopLimits { MaxToolRounds = 1 }).StreamAsync(TurnRequests.Events("北京天气")));

        Assert.Equal(["auto", "none"], _upstream.Requests.Select(r => r.ToolChoice));
        Assert.Equal(2, events.OfType<ToolStatusEvent>().Count());
        var stored = (await _store.GetAsync(events[0].SessionId!, SessionOwners.Anonymous, default))!;
        Assert.Equal(["user", "assistant", "tool", "assistant"], stored.Select(m => m.Role));
        Assert.Null(stored[^1].ToolCalls);
    }

    [Fact]
    public async Task The_users_whereabouts_follow_the_system_prompt()
    {
        _geo.LocationNote = "用户当前位于北京市朝阳区。";

        await CollectAsync(Service().StreamAsync(TurnRequests.Events("hi")));

        Assert.Equal(
            [("system", GeoAssistantPrompt.System), ("system", "用户当前位于北京市朝阳区。"), ("user", "hi")],
            _upstream.Requests[0].Messages.Select(m => (m.Role, m.Content)));
    }

    public void Dispose() => _store.Dispose();

    private ChatTurn Service(ToolLoopLimits? limits = null)
    {
        var options = new AiChatOptions { DefaultModel = "qwen-plus" };
        options.Models.AddRange(DefaultModelCatalog.Create());
        return new ChatTurn(_upstream, new ChatSessions(_store), Options.Create(options), NullLogger<ChatTurn>.Instance, _geo, limits);
    }

    private static async IAsyncEnumerable<ChatDelta> Calls([EnumeratorCancellation] CancellationToken cancellationToken, params ToolCallFragment[] fragments)
    {
        await Task.Yield();
        yield return new ChatDelta("") { ToolCalls = fragments };
        yield return new ChatDelta("", "tool_calls", new TokenUsage(10, 5, 15));
    }

    private static async IAsyncEnumerable<ChatDelta> Answer([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return new ChatDelta("done");
        yield return new ChatDelta("", "stop", new TokenUsage(20, 1, 21));
    }

    private static async Task<List<ChatStreamEvent>> CollectAsync(IAsyncEnumerable<ChatStreamEvent> events)
    {
        List<ChatStreamEvent> collected = [];
        await foreach (var streamEvent in events)
        {
            collected.Add(streamEvent);
        }

        return collected;
    }
}
